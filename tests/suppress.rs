//! End to end: suppression comments in Markdown and HTML, and `unused-suppression`.

use std::path::Path;
use std::process::Command;

fn onrecord(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_onrecord")).args(args).current_dir(dir).output().expect("onrecord runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// (line, rule, message) of every finding.
fn findings(json: &str) -> Vec<(u64, String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0),
                d["rule"].as_str().unwrap_or("").to_string(),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn check(name: &str, text: &str, config: Option<&str>) -> Vec<(u64, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    if let Some(c) = config {
        std::fs::write(dir.path().join("onrecord.toml"), c).unwrap();
    }
    let (code, out, err) = onrecord(dir.path(), &["check", name, "--format", "json", "--fail-on", "never"]);
    assert_eq!(code, 0, "{err}");
    findings(&out)
}

fn rules(found: &[(u64, String, String)]) -> Vec<(u64, &str)> {
    found.iter().map(|(l, r, _)| (*l, r.as_str())).collect()
}

const ARTICLE: &str = "\
The council approved the the budget.

<!-- onrecord-disable-next-line repeated-word -->

The council approved the the budget.

The council approved the the budget.
";

#[test]
fn next_line_in_markdown() {
    let found = check("a.md", ARTICLE, None);
    assert_eq!(rules(&found), [(1, "repeated-word"), (7, "repeated-word")]);
}

#[test]
fn ranges_in_markdown() {
    let text = "\
Dana Ruiz insisted the plan was sound.

<!-- onrecord-disable loaded-attribution-verb repeated-word -->
Ruiz insisted again that the the plan was sound.
<!-- onrecord-enable repeated-word -->

Ruiz insisted the the plan was sound.
<!-- onrecord-enable -->

Ruiz insisted it was.
";
    let found = check("a.md", text, None);
    let got = rules(&found);
    assert!(got.contains(&(1, "loaded-attribution-verb")), "{found:?}");
    assert!(!got.contains(&(4, "loaded-attribution-verb")) && !got.contains(&(4, "repeated-word")), "{found:?}");
    assert!(got.contains(&(7, "repeated-word")) && !got.contains(&(7, "loaded-attribution-verb")), "{found:?}");
    assert!(got.contains(&(10, "loaded-attribution-verb")), "{found:?}");
    assert!(!got.iter().any(|(_, r)| *r == "unused-suppression"), "{found:?}");
}

#[test]
fn html_comments() {
    let text = "<html><body>\n<p>The council approved the the budget.</p>\n\
                <!-- onrecord-disable-next-line repeated-word -->\n<p>The council approved the the budget.</p>\n\
                <!-- onrecord-disable -->\n<p>The council approved the the budget.</p>\n</body></html>\n";
    let found = check("a.html", text, None);
    assert_eq!(rules(&found), [(2, "repeated-word")]);
}

#[test]
fn unused_and_unknown_suppressions_are_reported() {
    let text = "\
<!-- onrecord-disable-next-line repeated-word -->
The council approved the budget.

<!-- onrecord-disable-next-line repeated-wrd -->
The council approved the the budget.
";
    let found = check("a.md", text, None);
    assert_eq!(rules(&found), [(1, "unused-suppression"), (4, "unused-suppression"), (5, "repeated-word")]);
    assert!(found[0].2.contains("`repeated-word`"), "{found:?}");
    assert!(found[1].2.contains("`repeated-wrd` is not a rule id"), "{found:?}");
    // Turned off in the configuration.
    let found = check("a.md", text, Some("[rules]\nunused-suppression = \"off\"\n"));
    assert_eq!(rules(&found), [(5, "repeated-word")]);
}

#[test]
fn unused_suppression_is_info_and_does_not_fail_by_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "<!-- onrecord-disable-next-line repeated-word -->\nAll good here.\n")
        .unwrap();
    let (code, out, _) = onrecord(dir.path(), &["check", "a.md", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"rule\":\"unused-suppression\",\"severity\":\"info\""), "{out}");
    let (code, _, _) = onrecord(dir.path(), &["check", "a.md", "--fail-on", "info"]);
    assert_eq!(code, 1);
}

#[test]
fn plain_text_has_no_directives() {
    let found = check("a.txt", ARTICLE, None);
    assert_eq!(found.iter().filter(|(_, r, _)| r == "repeated-word").count(), 3, "{found:?}");
}

#[test]
fn rules_and_explain_know_unused_suppression() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = onrecord(dir.path(), &["rules"]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("unused-suppression") && l.contains("info")), "{out}");
    let (code, out, _) = onrecord(dir.path(), &["explain", "unused-suppression"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# unused-suppression") && out.contains("## What it does"), "{out}");
    let (code, _, _) = onrecord(dir.path(), &["explain", "no-such-rule"]);
    assert_eq!(code, 2);
}
