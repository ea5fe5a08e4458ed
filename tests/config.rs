//! End to end: onrecord.toml discovery and errors, `config --show`, confusion sets from the
//! configuration, and the inputs (walking with --include/--exclude, .gitignore, hidden
//! files, standard input).

mod common;
use common::onrecord;
use std::path::Path;

/// (path, rule) of every finding in a `--format json` output.
fn findings(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let mut out = Vec::new();
    for f in v["files"].as_array().expect("files") {
        for d in f["diagnostics"].as_array().expect("diagnostics") {
            out.push((f["path"].as_str().unwrap_or("").to_string(), d["rule"].as_str().unwrap_or("").to_string()));
        }
    }
    out
}

fn rules_of(json: &str) -> Vec<String> {
    findings(json).into_iter().map(|(_, r)| r).collect()
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

const REPEATED: &str = "The council approved the the budget on Monday.\n";

#[test]
fn nearest_config_applies_to_files_below_it() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("desk/onrecord.toml"), "[rules]\nrepeated-word = \"off\"\n");
    write(&dir.path().join("desk/news/a.txt"), REPEATED);
    write(&dir.path().join("other/b.txt"), REPEATED);
    let (code, out, err) = onrecord(dir.path(), &["check", "desk", "other", "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(findings(&out), [("other/b.txt".to_string(), "repeated-word".to_string())]);
}

#[test]
fn rule_severity_from_config_sets_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("onrecord.toml"), "[rules]\nrepeated-word = \"error\"\n");
    write(&dir.path().join("a.txt"), REPEATED);
    let (code, out, _) = onrecord(dir.path(), &["check", "a.txt", "--format", "json"], None);
    assert_eq!(code, 1);
    assert!(out.contains("\"severity\":\"error\""), "{out}");
}

#[test]
fn explicit_config_wins_over_the_nearest() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("onrecord.toml"), "[rules]\nrepeated-word = \"off\"\n");
    write(&dir.path().join("strict.toml"), "[rules]\nrepeated-word = \"error\"\n");
    write(&dir.path().join("a.txt"), REPEATED);
    let (code, out, _) = onrecord(dir.path(), &["check", "a.txt", "--config", "strict.toml", "--format", "json"], None);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&out), ["repeated-word"]);
}

#[test]
fn unknown_key_names_key_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("onrecord.toml"), "[style]\nquotes = \"curly\"\nquote_marks = \"straight\"\n");
    write(&dir.path().join("a.txt"), REPEATED);
    let (code, out, err) = onrecord(dir.path(), &["check", "a.txt"], None);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("onrecord.toml") && err.contains("line 3, column 1") && err.contains("quote_marks"), "{err}");
}

#[test]
fn unknown_rule_ids_are_named() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("onrecord.toml"), "[rules]\nrepeated-word = \"off\"\nrepeated-words = \"off\"\n");
    write(&dir.path().join("a.txt"), REPEATED);
    let (code, _, err) = onrecord(dir.path(), &["check", "a.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("`repeated-words`") && err.contains("line 3"), "{err}");
}

#[test]
fn show_prints_the_merged_configuration() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("onrecord.toml"),
        "[rules]\nloaded-attribution-verb = \"off\"\n[style]\npunctuation = \"uk\"\n\
         [confusables]\nextra = [[\"mail\", \"main\"], \"lien loan\"]\n\
         [sources]\nvague = [\"observers say\"]\nanonymous = [\"a person briefed on the talks\"]\n\
         [names]\naccept = [\"Ana Ruis\"]\n",
    );
    write(&dir.path().join("news/a.txt"), REPEATED);
    let (code, out, err) = onrecord(dir.path(), &["config", "--show", "news/a.txt"], None);
    assert_eq!(code, 0, "{err}");
    let shown: toml::Table = toml::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert_eq!(shown["rules"]["loaded-attribution-verb"].as_str(), Some("off"));
    assert_eq!(shown["style"]["punctuation"].as_str(), Some("uk"));
    // Defaults are filled in.
    assert_eq!(shown["style"]["quotes"].as_str(), Some("auto"));
    assert_eq!(shown["style"]["second_reference_distance"].as_integer(), Some(20));
    assert_eq!(shown["sources"]["vague"][0].as_str(), Some("observers say"));
    assert_eq!(shown["names"]["accept"][0].as_str(), Some("Ana Ruis"));
    assert_eq!(shown["confusables"]["extra"].as_array().map(Vec::len), Some(2));
    // And with no file: the defaults.
    let empty = tempfile::tempdir().unwrap();
    let (code, out, _) = onrecord(empty.path(), &["config", "--show"], None);
    assert_eq!(code, 0);
    assert!(out.contains("punctuation = \"auto\""), "{out}");
}

#[test]
fn confusion_sets_from_config_and_flag() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The mail reason for the delay was the weather, the mayor said.\n";
    write(&dir.path().join("plain/a.txt"), text);
    write(&dir.path().join("desk/a.txt"), text);
    write(&dir.path().join("desk/onrecord.toml"), "[confusables]\nextra = [[\"mail\", \"main\"]]\n");
    write(&dir.path().join("sets.txt"), "mail main\n");
    let (_, out, _) = onrecord(dir.path(), &["check", "plain", "--format", "json"], None);
    assert!(!rules_of(&out).contains(&"confusable-word".to_string()), "{out}");
    let (_, out, _) = onrecord(dir.path(), &["check", "desk", "--format", "json"], None);
    assert!(rules_of(&out).contains(&"confusable-word".to_string()), "{out}");
    let (_, out, _) = onrecord(dir.path(), &["check", "plain", "--confusables", "sets.txt", "--format", "json"], None);
    assert!(rules_of(&out).contains(&"confusable-word".to_string()), "{out}");
    // A bad set is an error naming the file.
    write(&dir.path().join("bad/onrecord.toml"), "[confusables]\nextra = [[\"mail\"]]\n");
    write(&dir.path().join("bad/a.txt"), text);
    let (code, _, err) = onrecord(dir.path(), &["check", "bad"], None);
    assert_eq!(code, 2);
    assert!(err.contains("onrecord.toml") && err.contains("[confusables]"), "{err}");
}

#[test]
fn house_quote_style_from_config() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("onrecord.toml"), "[style]\nquotes = \"straight\"\n");
    write(&dir.path().join("a.txt"), "“We are ready,” the mayor said.\n");
    let (_, out, _) = onrecord(dir.path(), &["check", "a.txt", "--format", "json"], None);
    assert_eq!(rules_of(&out), ["mixed-quote-marks"]);
}

#[test]
fn include_exclude_gitignore_and_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in ["news/a.md", "news/b.txt", "drafts/c.md", "news/.hidden.md", ".secret/d.md", "ignored/e.md"] {
        write(&root.join("desk").join(name), REPEATED);
    }
    write(&root.join("desk/.gitignore"), "ignored/\n");
    let paths = |out: &str| -> Vec<String> {
        let mut p: Vec<String> = findings(out).into_iter().map(|(p, _)| p).collect();
        p.dedup();
        p
    };
    let (_, out, _) = onrecord(root, &["check", "desk", "--format", "json"], None);
    assert_eq!(paths(&out), ["desk/drafts/c.md", "desk/news/a.md", "desk/news/b.txt"]);
    let (_, out, _) = onrecord(root, &["check", "desk", "--format", "json", "--include", "*.md"], None);
    assert_eq!(paths(&out), ["desk/drafts/c.md", "desk/news/a.md"]);
    let (_, out, _) = onrecord(root, &["check", "desk", "--format", "json", "--exclude", "drafts/"], None);
    assert_eq!(paths(&out), ["desk/news/a.md", "desk/news/b.txt"]);
    let (_, out, _) =
        onrecord(root, &["check", "desk", "--format", "json", "--include", "*.md", "--exclude", "drafts"], None);
    assert_eq!(paths(&out), ["desk/news/a.md"]);
    // Files named on the command line are checked whatever the filters say.
    let (_, out, _) = onrecord(root, &["check", "desk/drafts/c.md", "--format", "json", "--exclude", "*.md"], None);
    assert_eq!(paths(&out), ["desk/drafts/c.md"]);
    let (code, _, err) = onrecord(root, &["check", "desk", "--include", "*.rst"], None);
    assert_eq!(code, 2);
    assert!(err.contains("--include/--exclude"), "{err}");
}

#[test]
fn output_order_is_the_input_order() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        write(&dir.path().join(format!("d/{i:02}.txt")), REPEATED);
    }
    write(&dir.path().join("z.txt"), REPEATED);
    let (_, out, _) = onrecord(dir.path(), &["check", "z.txt", "d", "--format", "json"], None);
    let got: Vec<String> = findings(&out).into_iter().map(|(p, _)| p).collect();
    let mut want = vec!["z.txt".to_string()];
    want.extend((0..12).map(|i| format!("d/{i:02}.txt")));
    assert_eq!(got, want);
}

#[test]
fn standard_input_with_a_file_name() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("desk/onrecord.toml"), "[rules]\nmissing-terminal-punctuation = \"off\"\n");
    let text =
        "<!-- onrecord-disable-next-line repeated-word -->\nThe council approved the the budget.\n\nThe the end.\n";
    // As Markdown (by the name), with the onrecord.toml of the name's directory.
    let (code, out, err) =
        onrecord(dir.path(), &["check", "-", "--stdin-filename", "desk/story.md", "--format", "json"], Some(text));
    assert_eq!(code, 0, "{err}");
    assert_eq!(findings(&out), [("desk/story.md".to_string(), "repeated-word".to_string())]);
    // Without a name: plain text, so the comment is not a directive.
    let (_, out, _) = onrecord(dir.path(), &["check", "-", "--format", "json"], Some(text));
    let rules = rules_of(&out);
    assert_eq!(rules.iter().filter(|r| *r == "repeated-word").count(), 2, "{out}");
    assert_eq!(findings(&out)[0].0, "-");
}

/// (rule, severity) of every finding of one file.
fn severities(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    v["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| (d["rule"].as_str().unwrap().to_string(), d["severity"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn groups_report_at_info_until_turned_on_or_off_and_a_rule_setting_wins() {
    let text = "The minister insisted the budget was balanced.\n\nThe council approved the the budget on Monday.\n";
    let run = |config: &str| {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("onrecord.toml"), config);
        write(&dir.path().join("a.txt"), text);
        let (code, out, err) =
            onrecord(dir.path(), &["check", "a.txt", "--format", "json", "--fail-on", "never"], None);
        assert_eq!(code, 0, "{err}");
        severities(&out)
    };
    let loaded =
        |found: &[(String, String)]| found.iter().find(|(r, _)| r == "loaded-attribution-verb").map(|(_, s)| s.clone());
    // The core rule reports at its own severity whatever the groups say.
    let default = run("");
    assert_eq!(loaded(&default).as_deref(), Some("info"), "{default:?}");
    assert!(default.contains(&("repeated-word".to_string(), "warning".to_string())));
    assert_eq!(loaded(&run("[groups]\nstyle = \"on\"\n")).as_deref(), Some("warning"));
    assert_eq!(loaded(&run("[groups]\nstyle = \"error\"\n")).as_deref(), Some("error"));
    assert_eq!(loaded(&run("[groups]\nstyle = \"off\"\n")), None);
    assert_eq!(
        loaded(&run("[groups]\nstyle = \"off\"\n[rules]\nloaded-attribution-verb = \"warning\"\n")).as_deref(),
        Some("warning")
    );
    // An unknown group is an error that names it.
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("onrecord.toml"), "[groups]\npedantic = \"on\"\n");
    write(&dir.path().join("a.txt"), text);
    let (code, _, err) = onrecord(dir.path(), &["check", "a.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("pedantic") && err.contains("line 2"), "{err}");
}

#[test]
fn rules_and_explain_show_the_group() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out, _) = onrecord(dir.path(), &["rules"], None);
    let line =
        |id: &str| out.lines().find(|l| l.starts_with(id)).unwrap_or_else(|| panic!("{id} in {out}")).to_string();
    assert!(line("loaded-attribution-verb ").contains(" style "), "{out}");
    assert!(line("surname-before-introduction ").contains(" drafts "), "{out}");
    assert!(line("repeated-word ").contains(" core "), "{out}");
    let (_, out, _) = onrecord(dir.path(), &["explain", "vague-attribution"], None);
    assert!(out.contains("Group: style (reports at info by default"), "{out}");
}
