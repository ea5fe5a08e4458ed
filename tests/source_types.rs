//! Source types and claims against the hand-written gold of the corpus (every
//! `corpus/*.gold.json` gives each quote a `source_type` and lists the article's
//! paraphrased claims). The floors are the accuracy the tool reaches today, a little
//! under; `scripts/score_sources.py` prints the same figures with the errors listed.
use serde_json::Value;
use std::path::Path;

fn norm(s: &str) -> String {
    let s = s.replace(['\u{2019}', '\u{2018}'], "'");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_matches(|c: char| " ,.;:!?\u{2014}-".contains(c)).to_lowercase()
}

#[derive(Default)]
struct Tally {
    quotes: usize,
    quote_types: usize,
    gold_claims: usize,
    found_claims: usize,
    claim_types: usize,
    predicted_claims: usize,
}

fn tally() -> Tally {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut t = Tally::default();
    let mut golds: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    for path in golds {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("gold")).expect("gold JSON");
        let Some(claims) = gold["claims"].as_array() else { continue };
        let article = dir.join(gold["article"].as_str().expect("article"));
        let doc = onrecord::read_path(&article).expect("article reads");
        let raw = doc.source.clone();
        let a = onrecord::analyze(doc);
        let mut used = vec![false; a.quotes.quotes.len()];
        for gq in gold["quotes"].as_array().expect("quotes") {
            let Some(gold_type) = gq["source_type"].as_str() else { continue };
            let gt = norm(gq["text"].as_str().expect("text"));
            let prefix = gq["prefix"].as_bool().unwrap_or(false);
            let found = a.quotes.quotes.iter().enumerate().find(|(i, q)| {
                let pt = norm(&q.text(&a.doc));
                !used[*i] && (pt == gt || (prefix && pt.starts_with(&gt)) || (gt.len() > 25 && pt.contains(&gt)))
            });
            if let Some((i, _)) = found {
                used[i] = true;
                t.quotes += 1;
                t.quote_types += usize::from(a.attributions.quotes[i].source_type.as_str() == gold_type);
            }
        }
        let predicted = &a.attributions.claims;
        t.predicted_claims += predicted.len();
        let mut matched = vec![false; predicted.len()];
        for gc in claims {
            t.gold_claims += 1;
            let near = gc["near"].as_str().expect("near");
            let occurrence = gc["occurrence"].as_u64().unwrap_or(0) as usize;
            let Some((start, _)) = raw.match_indices(near).nth(occurrence) else { continue };
            let end = start + near.len();
            let hit =
                predicted.iter().enumerate().find(|(i, c)| !matched[*i] && c.span.start < end && c.span.end > start);
            if let Some((i, c)) = hit {
                matched[i] = true;
                t.found_claims += 1;
                t.claim_types += usize::from(Some(c.source_type.as_str()) == gc["source_type"].as_str());
            }
        }
    }
    t
}

#[test]
fn source_types_and_claims_match_the_gold() {
    let t = tally();
    let ratio = |a: usize, b: usize| a as f64 / b as f64;
    assert!(
        t.quotes > 800 && t.gold_claims > 450,
        "the gold covers the corpus: {} quotes, {} claims",
        t.quotes,
        t.gold_claims
    );
    let quote_types = ratio(t.quote_types, t.quotes);
    let recall = ratio(t.found_claims, t.gold_claims);
    let precision = ratio(t.found_claims, t.predicted_claims);
    let claim_types = ratio(t.claim_types, t.found_claims);
    let summary = format!(
        "quote types {quote_types:.3}, claim recall {recall:.3}, claim precision {precision:.3}, claim types {claim_types:.3}"
    );
    assert!(quote_types >= 0.96, "{summary}");
    eprintln!("{summary} over {} quotes and {} claims", t.quotes, t.gold_claims);
    assert!(recall >= 0.85, "{summary}");
    assert!(precision >= 0.90, "{summary}");
    assert!(claim_types >= 0.94, "{summary}");
}
