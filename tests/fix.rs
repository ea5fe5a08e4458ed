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
    // The exit status follows --fail-on, as `check` without --diff: these are warnings.
    let (code, out, err) = onrecord(dir.path(), &["check", "a.txt", "--diff", "--fail-on", "warning"], None);
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with("--- a/a.txt\n+++ b/a.txt\n@@ "), "{out}");
    assert!(
        out.contains("-The council approved the the budget on Monday.\n+The council approved the budget on Monday.\n")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BEFORE);
    std::fs::write(&path, AFTER).unwrap();
    let (code, out, _) = onrecord(dir.path(), &["check", "a.txt", "--diff"], None);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, _, _) = onrecord(dir.path(), &["check", "a.txt", "--diff", "--fail-on", "warning"], None);
    assert_eq!(code, 1, "the doubled word inside the quote is still a warning");
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
    // And --diff agrees that nothing is left to fix (the corpus still has errors no fix
    // removes: the exit status says so, as `check` would).
    let (code, out, err) = onrecord(dir.path(), &["check", ".", "--diff"], None);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("0 fixes would change 0 files"), "{err}");
}

/// Fix `text` as a file named `name` and return what the file holds afterwards.
fn fixed(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let (code, _, err) = onrecord(dir.path(), &["check", name, "--fix", "--fail-on", "never"], None);
    assert_eq!(code, 0, "{err}");
    std::fs::read_to_string(&path).unwrap()
}

#[test]
fn punctuation_moves_inside_a_mark_written_as_a_reference_and_keeps_the_reference() {
    for (open, close) in [("&ldquo;", "&rdquo;"), ("&#8220;", "&#8221;"), ("&quot;", "&quot;")] {
        let before = format!("<p>She described the offer as {open}an insult{close}. Then she left.</p>\n");
        let after = format!("<p>She described the offer as {open}an insult.{close} Then she left.</p>\n");
        assert_eq!(fixed("a.html", &before), after, "{open}…{close}");
    }
}

#[test]
fn a_straight_mark_written_as_a_reference_is_rewritten_as_a_reference() {
    let before = "<p>&ldquo;We are ready,&rdquo; the mayor said. &ldquo;So are we,&rdquo; Ruiz said. \
                  Residents called it &quot;overdue,&quot; she said.</p>\n";
    let after = before.replace("&quot;overdue,&quot;", "&ldquo;overdue,&rdquo;");
    assert_eq!(fixed("a.html", before), after);
}

#[test]
fn the_repeated_word_fix_never_deletes_markup_between_the_words() {
    let cases = [
        (
            "a.html",
            "<p>See the <a href=\"https://example.com/report\">the report</a> on the plan.</p>\n",
            "<p>See <a href=\"https://example.com/report\">the report</a> on the plan.</p>\n",
        ),
        ("a.md", "Read the [the report](https://example.com) now.\n", "Read [the report](https://example.com) now.\n"),
        ("b.md", "They backed the *the* plan.\n", "They backed *the* plan.\n"),
        (
            "b.html",
            "<p>It opens on the <!-- TODO check date with desk -->the Monday after.</p>\n",
            "<p>It opens on <!-- TODO check date with desk -->the Monday after.</p>\n",
        ),
        ("c.html", "<p>Fees rose on the the <em>same</em> day.</p>\n", "<p>Fees rose on the <em>same</em> day.</p>\n"),
    ];
    for (name, before, after) in cases {
        assert_eq!(fixed(name, before), after, "{name}: {before}");
    }
}

#[cfg(unix)]
mod files {
    use super::{onrecord, AFTER, BEFORE};
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    #[test]
    fn a_read_only_file_is_refused_and_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, BEFORE).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        std::fs::write(dir.path().join("b.txt"), BEFORE).unwrap();
        let (code, _, err) = onrecord(dir.path(), &["check", "a.txt", "b.txt", "--fix", "--fail-on", "never"], None);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("a.txt: the file is read-only; not fixed"), "{err}");
        assert_eq!(err.lines().filter(|l| l.contains("read-only")).count(), 1, "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), BEFORE);
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o444);
        // The other file is still fixed.
        assert_eq!(std::fs::read_to_string(dir.path().join("b.txt")).unwrap(), AFTER);
    }

    #[test]
    fn a_symbolic_link_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("store")).unwrap();
        let target = dir.path().join("store/a.txt");
        std::fs::write(&target, BEFORE).unwrap();
        let link = dir.path().join("a.txt");
        std::os::unix::fs::symlink("store/a.txt", &link).unwrap();
        let (code, _, err) = onrecord(dir.path(), &["check", "a.txt", "--fix", "--fail-on", "never"], None);
        assert_eq!(code, 0, "{err}");
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), AFTER);
        let names: Vec<_> =
            std::fs::read_dir(dir.path().join("store")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["a.txt"], "no temporary file left beside the target");
    }

    #[test]
    fn a_file_with_hard_links_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, BEFORE).unwrap();
        std::fs::hard_link(&path, dir.path().join("b.txt.bak")).unwrap();
        let (code, _, err) = onrecord(dir.path(), &["check", "a.txt", "--fix", "--fail-on", "never"], None);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("hard links"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), BEFORE);
        assert_eq!(std::fs::metadata(&path).unwrap().nlink(), 2);
    }

    #[test]
    fn owner_and_group_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, BEFORE).unwrap();
        // As root the file is given to another owner first; otherwise it stays ours.
        let _ = std::os::unix::fs::chown(&path, Some(4321), Some(4322));
        let before = std::fs::metadata(&path).unwrap();
        let (code, _, err) = onrecord(dir.path(), &["check", "a.txt", "--fix", "--fail-on", "never"], None);
        assert_eq!(code, 0, "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), AFTER);
        let after = std::fs::metadata(&path).unwrap();
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "An editor's newer version.\n").unwrap();
        let err = onrecord::fix::write_in_place(&path, BEFORE, AFTER).unwrap_err();
        assert!(err.contains("changed while it was being checked"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "An editor's newer version.\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["a.txt"]);
    }

    #[test]
    fn an_interrupted_fix_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..400 {
            std::fs::write(dir.path().join(format!("a{i}.txt")), BEFORE.repeat(40)).unwrap();
        }
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .args(["check", ".", "--fix", "--fail-on", "never", "--format", "json"])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        let _ = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
        child.wait().unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".onrecord"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
