//! End to end: `--fix` and `--diff`.

mod common;
use common::onrecord;
use std::path::Path;

const BEFORE: &str = "\
“We are ready,” the mayor said. Residents called the plan \"overdue\".

The council approved the the budget on Monday.

He said he would cross “a red line”.

“We will not accept the the terms,” Ruiz said.
";

const AFTER: &str = "\
“We are ready,” the mayor said. Residents called the plan “overdue.”

The council approved the budget on Monday.

He said he would cross “a red line.”

“We will not accept the the terms,” Ruiz said.
";

#[test]
fn fix_applies_safe_fixes_and_reports_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, BEFORE).unwrap();
    let (code, out, err) =
        onrecord(dir.path(), &["check", "a.txt", "--fix", "--format", "json", "--fail-on", "never"], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), AFTER);
    assert!(err.contains("fixed 4 findings in 1 file"), "{err}");
    // The doubled word inside the quote is reported, never fixed.
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> =
        v["files"][0]["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["rule"].as_str()).collect();
    assert!(rules.contains(&"repeated-word"), "{rules:?}");
    assert!(!rules.contains(&"mixed-quote-marks") && !rules.contains(&"punctuation-outside-quote"), "{rules:?}");
    // Nothing left behind in the directory.
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["a.txt"]);
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, BEFORE).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (code, _, err) = onrecord(dir.path(), &["check", "a.txt", "--fix", "--fail-on", "never"], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), AFTER);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
}

#[test]
fn diff_prints_and_does_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, BEFORE).unwrap();
    let (code, out, err) = onrecord(dir.path(), &["check", "a.txt", "--diff"], None);
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with("--- a/a.txt\n+++ b/a.txt\n@@ "), "{out}");
    assert!(
        out.contains("-The council approved the the budget on Monday.\n+The council approved the budget on Monday.\n")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BEFORE);
    std::fs::write(&path, AFTER).unwrap();
    let (code, out, _) = onrecord(dir.path(), &["check", "a.txt", "--diff"], None);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn fix_standard_input_writes_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = onrecord(dir.path(), &["check", "-", "--fix", "--fail-on", "never"], Some(BEFORE));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, AFTER);
    assert!(err.contains("repeated"), "the findings left go to stderr: {err}");
}

#[test]
fn suppressed_findings_are_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "<!-- onrecord-disable-next-line repeated-word -->\nThe council approved the the budget.\n";
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let (_, _, err) = onrecord(dir.path(), &["check", "a.md", "--fix"], None);
    assert!(err.contains("fixed 0 findings"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), text);
}

/// Every corpus article: fix a copy, fix it again; the second run changes nothing.
#[test]
fn fixing_twice_changes_nothing_the_second_time() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let dir = tempfile::tempdir().unwrap();
    let mut articles = Vec::new();
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let path = entry.unwrap().path();
        if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html")) {
            let name = path.file_name().unwrap().to_owned();
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
            articles.push(name);
        }
    }
    assert!(articles.len() >= 20, "corpus articles found: {}", articles.len());
    let (code, _, err) = onrecord(dir.path(), &["check", ".", "--fix", "--fail-on", "never"], None);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("did not converge") && !err.contains("still changed"), "{err}");
    let first: Vec<String> = articles.iter().map(|n| std::fs::read_to_string(dir.path().join(n)).unwrap()).collect();
    let (code, _, err) = onrecord(dir.path(), &["check", ".", "--fix", "--fail-on", "never"], None);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("fixed 0 findings in 0 files"), "{err}");
    for (name, text) in articles.iter().zip(&first) {
        assert_eq!(
            &std::fs::read_to_string(dir.path().join(name)).unwrap(),
            text,
            "{name:?} changed on the second run"
        );
    }
    // And --diff agrees that nothing is left to fix.
    let (code, out, _) = onrecord(dir.path(), &["check", ".", "--diff"], None);
    assert_eq!((code, out.as_str()), (0, ""));
}
