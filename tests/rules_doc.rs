//! docs/rules.md, the rule reference that SARIF output links each rule to, is generated
//! from the rule registry (`unused-suppression`, last, is reported by the suppression pass):
//! this test rebuilds the page and fails when the file differs. To rewrite the file:
//!
//! ```text
//! UPDATE_RULES_DOC=1 cargo test --test rules_doc
//! ```

use onrecord::report::sarif::HELP_URI_BASE;
use onrecord::rules::{self, RuleGroup, Severity};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const REGENERATE: &str = "UPDATE_RULES_DOC=1 cargo test --test rules_doc";

/// One section of the page: what the README table says about a rule, and its doc.
struct Entry {
    id: &'static str,
    group: RuleGroup,
    severity: Severity,
    safe_fix: bool,
    summary: &'static str,
    doc: &'static str,
}

/// Every rule SARIF describes, in the same order: the registry's.
fn entries() -> Vec<Entry> {
    rules::registry()
        .iter()
        .map(|r| Entry {
            id: r.id().as_str(),
            group: r.group(),
            severity: r.severity(),
            safe_fix: r.fixable(),
            summary: rules::summary(*r).trim(),
            doc: r.doc(),
        })
        .collect()
}

fn group_line(group: RuleGroup) -> String {
    match group {
        RuleGroup::Core => "core (on by default)".to_string(),
        g => format!("{0} (reports at info by default; `[groups] {0} = \"on\"` for its own severity)", g.as_str()),
    }
}

/// A rule's doc under its section: its headings one level down, so that `##` stays the
/// rule's own heading and the rule id stays the anchor.
fn demoted(doc: &str) -> String {
    let mut out = String::new();
    for line in doc.trim().lines() {
        if line.starts_with('#') {
            out.push('#');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The page as it should be.
fn page() -> String {
    let entries = entries();
    let mut out = String::from(
        "# Rules\n\n\
         <!-- Generated from the rule registry by tests/rules_doc.rs; do not edit. \
         Regenerate with `UPDATE_RULES_DOC=1 cargo test --test rules_doc`. -->\n\n\
         Every rule onrecord reports, in the order of the registry (`src/rules/mod.rs`), with\n\
         `unused-suppression` (reported by the suppression pass, `src/suppress.rs`) last. Each\n\
         section's anchor is the rule id: SARIF output links a rule to\n\
         `docs/rules.md#<rule-id>`, and `onrecord explain <rule-id>` prints the same text.\n\n\
         - **Group**: `core` rules report at their default severity; `style` and `drafts` rules\n  \
         report at info, which never fails a check, until `[groups]` in onrecord.toml turns\n  \
         their group on. `[rules]` sets one rule's severity, or turns it off.\n\
         - **Safe fix**: whether `--fix` applies the rule's fixes; they cannot change meaning.\n  \
         Other rules may still suggest edits for an editor to confirm\n  \
         (`\"applicability\": \"unsafe\"` in the JSON).\n\n",
    );
    for e in &entries {
        out.push_str(&format!("- [`{0}`](#{0}): {1}\n", e.id, e.summary));
    }
    for e in &entries {
        out.push_str(&format!(
            "\n## {}\n\n- Group: {}\n- Default severity: {}\n- Safe fix: {}\n\n{}",
            e.id,
            group_line(e.group),
            e.severity.as_str(),
            if e.safe_fix { "yes" } else { "no" },
            demoted(e.doc)
        ));
    }
    out
}

fn doc_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md")
}

#[test]
fn rules_doc_is_up_to_date() {
    let expected = page();
    let current = std::fs::read_to_string(doc_path()).unwrap_or_default();
    if current == expected {
        return;
    }
    if std::env::var_os("UPDATE_RULES_DOC").is_some_and(|v| !v.is_empty() && v != "0") {
        std::fs::write(doc_path(), &expected).expect("docs/rules.md is writable");
        return;
    }
    let line = current
        .lines()
        .zip(expected.lines())
        .position(|(a, b)| a != b)
        .map_or_else(|| current.lines().count().min(expected.lines().count()) + 1, |i| i + 1);
    panic!(
        "docs/rules.md is out of date with the rule registry (first difference at line {line}); \
         regenerate it with\n\n    {REGENERATE}\n\nand commit the result."
    );
}

/// GitHub's anchor for a heading: lower case, punctuation other than `-` and `_` dropped,
/// spaces to `-`; a repeated anchor gets `-1`, `-2`, … in page order.
fn github_anchors(markdown: &str) -> Vec<(String, String)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        let Some(text) = line.strip_prefix('#').filter(|_| !fenced) else { continue };
        let text = text.trim_start_matches('#').trim();
        let slug: String = text
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let n = seen.entry(slug.clone()).or_insert(0);
        let anchor = if *n == 0 { slug.clone() } else { format!("{slug}-{n}") };
        *n += 1;
        out.push((text.to_string(), anchor));
    }
    out
}

#[test]
fn every_rule_heading_is_anchored_at_its_id() {
    let anchors = github_anchors(&page());
    for e in entries() {
        let found: Vec<&String> = anchors.iter().filter(|(text, _)| text == e.id).map(|(_, a)| a).collect();
        assert_eq!(found, vec![e.id], "the heading `## {}` has the anchor #{}", e.id, e.id);
    }
}

#[test]
fn every_sarif_help_uri_points_at_a_section_of_the_page() {
    assert!(HELP_URI_BASE.ends_with("/docs/rules.md"), "HELP_URI_BASE is the page this test writes");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(["check", "corpus/clean-court-ruling.txt", "--format", "sarif", "--fail-on", "never"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("onrecord runs");
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().expect("a rule catalogue");
    let ids: Vec<&str> = entries().iter().map(|e| e.id).collect();
    let described: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(described, ids, "SARIF describes the rules of the page, in its order");
    let anchors: Vec<String> = github_anchors(&page()).into_iter().map(|(_, a)| a).collect();
    for r in rules {
        let uri = r["helpUri"].as_str().expect("helpUri");
        let anchor = uri.strip_prefix(&format!("{HELP_URI_BASE}#")).unwrap_or_else(|| panic!("{uri}"));
        assert!(anchors.iter().any(|a| a == anchor), "{uri}: docs/rules.md has no #{anchor}");
    }
}
