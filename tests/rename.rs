//! Renaming every person in an article (new names of the same shape) gives the same
//! findings at the new spans: the entity layer works from shape and context, not from
//! the names it happens to know.

use onrecord::config::Config;
use onrecord::confusables::Checker;
use onrecord::document::{Document, Format};
use onrecord::entities::{names, EntityKind};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

// Not ref-inconsistent-name: its findings are about two spellings being close, which
// renaming each spelling independently undoes.
const ARTICLES: &[&str] = &[
    "ref-repeated-full-attribution.txt",
    "ref-surname-before-introduction.txt",
    "ref-ambiguous-pronoun-attribution.txt",
    "src-loaded-attribution-verb.txt",
    "wire-bank-merger.txt",
    "wire-korea-doctors-strike.txt",
    "mech-missing-attribution.txt",
];

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(name)).expect("corpus article")
}

/// The capitalised parts of every person's name (particles and suffixes stay as they are).
fn name_parts(text: &str) -> Vec<String> {
    let doc = Document::parse("a.txt".as_ref(), text.to_string(), Format::Text);
    let a = onrecord::analyze(doc);
    let mut parts: Vec<String> = a
        .entities
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| e.name.split(' ').map(str::to_string).collect::<Vec<_>>())
        .filter(|p| !names::is_particle(p) && !names::is_suffix(p) && p.chars().all(|c| c.is_alphabetic()))
        .collect();
    parts.sort();
    parts.dedup();
    parts
}

/// Replace whole words only.
fn replace_words(text: &str, map: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once('\0')) {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        out.push_str(map.get(&word).map_or(&word, |w| w));
        word.clear();
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// (rule, flagged text) of every finding.
fn findings(text: &str) -> Vec<(String, String)> {
    let doc = Document::parse("a.txt".as_ref(), text.to_string(), Format::Text);
    let (analysis, diagnostics) = onrecord::check(doc, &Config::default(), Checker::embedded());
    diagnostics
        .iter()
        .map(|d| (d.rule.to_string(), analysis.doc.source[d.span.start..d.span.end].to_string()))
        .collect()
}

/// A made-up name part: capitalised syllables no dictionary knows.
fn invented() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!["zu", "kor", "va", "mib", "tex", "qua", "rond", "ylo", "shak", "wev"]),
        2..4,
    )
    .prop_map(|syllables| {
        let s: String = syllables.concat();
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    #[test]
    fn renaming_people_keeps_the_findings(article in prop::sample::select(ARTICLES.to_vec()), pool in prop::collection::vec(invented(), 64)) {
        let text = read(article);
        let parts = name_parts(&text);
        let mut map = BTreeMap::new();
        for (i, part) in parts.iter().enumerate() {
            // Distinct new names, so two people never merge, and at least three letters
            // apart, so two never read as one name misspelt (inconsistent-name).
            let tag: String =
                i.to_string().chars().flat_map(|d| std::iter::repeat_n((b'a' + d as u8 - b'0') as char, 3)).collect();
            map.insert(part.clone(), format!("{}{tag}", pool[i % pool.len()]));
        }
        prop_assert!(!parts.is_empty(), "article {} names nobody", article);
        let renamed = replace_words(&text, &map);
        prop_assert_ne!(&renamed, &text);
        let expected: Vec<(String, String)> =
            findings(&text).into_iter().map(|(rule, flagged)| (rule, replace_words(&flagged, &map))).collect();
        prop_assert_eq!(findings(&renamed), expected, "article {}", article);
    }
}
