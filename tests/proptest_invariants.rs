//! Invariants that hold on any input, checked with proptest over three kinds of article:
//! token soups (quote marks of every form, apostrophes, names, speech verbs, line breaks
//! of every kind, markup, arbitrary NUL-free Unicode), wire copy from the corpus
//! generator's templates (examples/generate_corpus) and mutated corpus articles.
//!
//! For every input, in every format: no panic; every diagnostic span inside the file and
//! on char boundaries; quotes inside the file, sorted and non-overlapping; each
//! diagnostic's line and column agree with its byte span (computed here independently);
//! applying the safe fixes and checking again never panics and never finds the same
//! rule at the fixed place; the same input always gives the same output.
//!
//! Cases per property default to 64; `PROPTEST_CASES=2000 cargo test --release --test
//! proptest_invariants` runs more.

#[allow(dead_code)]
#[path = "../examples/generate_corpus/pools.rs"]
mod pools;
#[allow(dead_code)]
#[path = "../examples/generate_corpus/wire.rs"]
mod wire;

use onrecord::config::Config;
use onrecord::confusables::Checker;
use onrecord::document::{Document, Format};
use onrecord::rules::{Applicability, Diagnostic, Edit};
use onrecord::Analysis;
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use std::path::Path;
use std::sync::OnceLock;

const FORMATS: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
}

fn run(text: &str, format: Format) -> (Analysis, Vec<Diagnostic>) {
    let doc = Document::parse(Path::new("prop.txt"), text.to_string(), format);
    onrecord::check(doc, &Config::default(), Checker::embedded())
}

// --- Strategies ------------------------------------------------------------------------

/// Pieces an article is made of, weighted towards the ones the grammar cares about.
fn token() -> impl Strategy<Value = String> {
    let marks = prop::sample::select(vec!["“", "”", "\"", "‘", "’", "'", "``", "''", "«", "»", "`", "„", "‹", "›"]);
    let words = prop::sample::select(vec![
        "Ana Ruiz",
        "Sun Yun",
        "Ramón de la Vega",
        "O’Farrell",
        "Okonkwo-Hale",
        "Ruiz",
        "Sen.",
        "U.S.",
        "said",
        "said:",
        "told reporters",
        "according to",
        "claimed",
        "he",
        "she",
        "they",
        "the",
        "the the",
        "Japan’s",
        "’90s",
        "rock ’n’ roll",
        "don't",
        "(the council)",
        "a person familiar with the matter",
        "critics say",
        "my best guest is",
        "We",
        "won",
        "Mr.",
    ]);
    let punct = prop::sample::select(vec![",", ".", ":", ";", "?", "!", "—", "–", "…", "(", ")", "[", "]"]);
    let space = prop::sample::select(vec![" ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u{a0}"]);
    let markup = prop::sample::select(vec![
        "# ",
        "## ",
        "---\n",
        "```\n",
        "`",
        "- ",
        "* ",
        "> ",
        "<p>",
        "</p>",
        "<!-- onrecord: ignore -->",
        "&amp;",
        "&ldquo;",
        "\u{feff}",
        "date 2026-01-01 ",
    ]);
    prop_oneof![
        4 => marks.prop_map(str::to_string),
        4 => words.prop_map(str::to_string),
        2 => punct.prop_map(str::to_string),
        5 => space.prop_map(str::to_string),
        1 => markup.prop_map(str::to_string),
        1 => "\\PC{1,6}",
    ]
}

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..160).prop_map(|t| t.concat())
}

fn generated() -> impl Strategy<Value = (String, Format)> {
    (any::<u64>(), 0u32..60, any::<bool>(), any::<bool>(), 300usize..6000).prop_map(|(seed, plant, md, crlf, size)| {
        let mut rng = wire::Rng::new(seed);
        let markup = if md { wire::Markup::Markdown } else { wire::Markup::Text };
        let eol = if crlf { "\r\n" } else { "\n" };
        let mut out = String::new();
        wire::article(&mut rng, wire::Options { markup, plant, eol, first_in_file: true }, size, &mut out);
        (out, if md { Format::Markdown } else { Format::Text })
    })
}

fn corpus() -> &'static [(String, Format)] {
    static CORPUS: OnceLock<Vec<(String, Format)>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut out: Vec<(String, Format)> = std::fs::read_dir(&dir)
            .expect("corpus/ exists")
            .flatten()
            .map(|e| e.path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html")))
            .filter_map(|p| Some((std::fs::read_to_string(&p).ok()?, Format::from_path(&p))))
            .collect();
        out.sort();
        out
    })
}

/// A mutation of a text at a relative position.
#[derive(Clone, Debug)]
enum Mutation {
    Delete(f64, usize),
    Insert(f64, String),
    Duplicate(f64, usize),
}

fn mutated() -> impl Strategy<Value = (String, Format)> {
    let mutation = prop_oneof![
        (0.0..1.0f64, 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (0.0..1.0f64, token()).prop_map(|(at, t)| Mutation::Insert(at, t)),
        (0.0..1.0f64, 1usize..200).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
    ];
    (any::<prop::sample::Index>(), prop::collection::vec(mutation, 1..12)).prop_map(|(i, muts)| {
        let (text, format) = i.get(corpus()).clone();
        (mutate(text, &muts), format)
    })
}

fn boundary(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i.min(text.len())
}

fn mutate(mut text: String, muts: &[Mutation]) -> String {
    for m in muts {
        match m {
            Mutation::Delete(at, n) => {
                let s = boundary(&text, *at);
                let e = boundary(&text, ((s + n) as f64 / text.len().max(1) as f64).min(1.0));
                text.replace_range(s..e.max(s), "");
            }
            Mutation::Insert(at, t) => {
                let s = boundary(&text, *at);
                text.insert_str(s, t);
            }
            Mutation::Duplicate(at, n) => {
                let s = boundary(&text, *at);
                let e = boundary(&text, ((s + n) as f64 / text.len().max(1) as f64).min(1.0)).max(s);
                let piece = text[s..e].to_string();
                text.insert_str(e, &piece);
            }
        }
    }
    text
}

// --- Invariants ------------------------------------------------------------------------

/// 1-based line and column (in chars) of a byte offset, computed the simple way. A line
/// ends at LF, CRLF or a lone CR (the contract: CR-only files from old Mac tools and
/// CMS exports are line-broken too).
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut line, mut start) = (1, 0);
    for (i, &b) in bytes[..offset].iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
    }
    (line, text[start..offset].chars().count() + 1)
}

fn check_invariants(text: &str, format: Format) -> Result<(), TestCaseError> {
    let (analysis, diagnostics) = run(text, format);
    let doc = &analysis.doc;
    prop_assert_eq!(&doc.source, text);
    for d in &diagnostics {
        let s = d.span;
        prop_assert!(s.start <= s.end && s.end <= text.len(), "{} span {:?} outside 0..{}", d.rule, s, text.len());
        prop_assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{} span {:?} not on char boundaries",
            d.rule,
            s
        );
        let json = onrecord::report::json::diagnostic(doc, d);
        prop_assert_eq!((json.line, json.column), line_col(text, s.start), "{} start {}", d.rule, s.start);
        prop_assert_eq!((json.end_line, json.end_column), line_col(text, s.end), "{} end {}", d.rule, s.end);
        if let Some(fix) = &d.fix {
            for e in &fix.edits {
                prop_assert!(e.start <= e.end && e.end <= text.len(), "{} edit {:?} outside", d.rule, e);
                prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "{} edit {:?}", d.rule, e);
            }
        }
    }
    let quotes = &analysis.quotes.quotes;
    for q in quotes {
        prop_assert!(q.span.start <= q.span.end && q.span.end <= text.len(), "quote {:?} outside", q.span);
        prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
    for pair in quotes.windows(2) {
        prop_assert!(
            pair[0].span.start <= pair[1].span.start,
            "quotes not sorted: {:?} {:?}",
            pair[0].span,
            pair[1].span
        );
        prop_assert!(pair[0].span.end <= pair[1].span.start, "quotes overlap: {:?} {:?}", pair[0].span, pair[1].span);
    }
    // Deterministic: the same text gives the same findings and quotes.
    let (again, diagnostics_again) = run(text, format);
    prop_assert_eq!(&diagnostics, &diagnostics_again);
    prop_assert_eq!(quotes, &again.quotes.quotes);
    check_fixes(text, format, &diagnostics)
}

/// Apply every safe fix that does not overlap one taken before it (back to front), check
/// again, and require that no finding of the same rule sits where a fix was applied.
fn check_fixes(text: &str, format: Format, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    let mut taken: Vec<(&'static str, &Edit)> = Vec::new();
    for d in diagnostics {
        let Some(fix) = d.fix.as_ref().filter(|f| f.applicability == Applicability::Safe) else { continue };
        let clashes = |e: &Edit| {
            taken.iter().any(|(_, t)| e.start < t.end && t.start < e.end || e.start == t.start || e.end == t.end)
        };
        if fix.edits.iter().any(clashes) {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| (d.rule, e)));
    }
    if taken.is_empty() {
        return Ok(());
    }
    taken.sort_by_key(|(_, e)| (e.start, e.end));
    let mut fixed = text.to_string();
    for (_, e) in taken.iter().rev() {
        fixed.replace_range(e.start..e.end, &e.replacement);
    }
    // Where each edit's replacement landed in the fixed text.
    let mut shift: isize = 0;
    let mut places = Vec::new();
    for (rule, e) in &taken {
        let start = (e.start as isize + shift) as usize;
        places.push((*rule, start, start + e.replacement.len()));
        shift += e.replacement.len() as isize - (e.end - e.start) as isize;
    }
    let (_, after) = run(&fixed, format);
    for d in &after {
        for &(rule, start, end) in &places {
            let at_place = d.span.start < end.max(start + 1) && start < d.span.end.max(d.span.start + 1);
            prop_assert!(
                !(d.rule == rule && at_place),
                "safe fix for {} at {}..{} did not take: found again at {:?}\nfixed text: {:?}",
                rule,
                start,
                end,
                d.span,
                fixed
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn soup_holds_invariants(text in soup(), f in 0usize..3) {
        check_invariants(&text, FORMATS[f])?;
    }

    #[test]
    fn generated_wire_copy_holds_invariants((text, format) in generated()) {
        check_invariants(&text, format)?;
    }

    #[test]
    fn mutated_corpus_holds_invariants((text, format) in mutated()) {
        check_invariants(&text, format)?;
    }

    #[test]
    fn bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), f in 0usize..3) {
        if let Ok(doc) = Document::from_bytes(Path::new("prop.bin"), bytes.clone(), FORMATS[f]) {
            let (_, diagnostics) = onrecord::check(doc, &Config::default(), Checker::embedded());
            prop_assert!(diagnostics.iter().all(|d| d.span.end <= bytes.len()));
        } else {
            prop_assert!(bytes.contains(&0) || std::str::from_utf8(&bytes).is_err());
        }
    }
}

/// The CLI gives the same output whatever the number of threads.
#[test]
fn cli_output_does_not_depend_on_thread_count() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let run = |threads: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .args(["check", "--format", "json", "--fail-on", "never"])
            .arg(&corpus)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("onrecord runs")
    };
    let one = run("1");
    let two = run("2");
    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
    assert_eq!(String::from_utf8_lossy(&one.stdout), String::from_utf8_lossy(&two.stdout));
    assert_eq!(one.stdout, run("4").stdout);
}
