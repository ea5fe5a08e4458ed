//! End-to-end tests of the onrecord binary: exit codes, bad inputs, line endings, the text
//! and JSON formats, `quotes --jsonl`, `rules` and `explain`.
//!
//! A case that is one run with a fixed output (a clean article, one warning, one error, a
//! missing file next to a good one, `--help`, `rules`, `explain`, an unknown rule id) is a
//! file in `tests/cmd/` (run by `tests/cmd.rs`); these tests are the ones a file cannot
//! say: many runs over one table, generated or large inputs, fields read out of the JSON.
//!
//! Each test writes its articles into its own directory under the system temp dir and runs
//! the binary there with relative paths, so messages name files the way a user typed them.
//! Tests assert on the parts of the output the contract fixes (exit status, fields, the
//! `file:line:col` line), never on timing.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fresh directory for one test, removed when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("onrecord-cli-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Write a file (parent directories created) and return its path relative to the dir.
    fn write<'a>(&self, name: &'a str, bytes: impl AsRef<[u8]>) -> &'a str {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent dir");
        }
        std::fs::write(&path, bytes).expect("write temp file");
        name
    }

    /// Run the binary in this directory.
    fn run(&self, args: &[&str]) -> Run {
        run_in(Some(self.path()), args, None)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The outcome of one run of the binary.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The non-empty lines of stderr.
    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| !l.trim().is_empty()).collect()
    }
}

fn run_in(dir: Option<&Path>, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_onrecord"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let mut child = cmd.spawn().expect("spawn onrecord");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let input = stdin.unwrap_or("").to_string();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("wait for onrecord");
    writer.join().expect("stdin writer");
    Run {
        code: out.status.code().expect("onrecord exited by signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(None, args, None)
}

/// Rule ids of every diagnostic of a `check --format json` output, per file path.
fn rules_by_file(output: &Value) -> Vec<(String, Vec<String>)> {
    output["files"]
        .as_array()
        .expect("files array")
        .iter()
        .map(|f| {
            let path = f["path"].as_str().expect("path").to_string();
            let rules = f["diagnostics"]
                .as_array()
                .expect("diagnostics array")
                .iter()
                .map(|d| d["rule"].as_str().expect("rule").to_string())
                .collect();
            (path, rules)
        })
        .collect()
}

const CLEAN: &str = "“We will reopen the bridge in May,” Ana Ruiz Ortega said on Monday.\n\n\
Ruiz Ortega, the city engineer, said the repairs had cost less than planned.\n";
/// One warning: repeated-word.
const WARNING: &str = "The council approved the the budget on Tuesday.\n";
/// One error: unbalanced-quote (an opening mark never closed), at line 3, column 21.
const ERROR: &str = "The mayor spoke on Monday.\n\nThe vote was close. “We won, Ana Ruiz said after the vote.\n";

// ---- exit codes -------------------------------------------------------------------------

#[test]
fn fail_on_sets_the_failing_severity() {
    let dir = TempDir::new("fail_on_sets_the_failing_severity");
    let warning = dir.write("warning.txt", WARNING);
    let error = dir.write("error.txt", ERROR);
    let cases: &[(&str, &str, i32)] = &[
        (warning, "error", 0),
        (warning, "warning", 1),
        (warning, "info", 1),
        (warning, "never", 0),
        (error, "error", 1),
        (error, "warning", 1),
        (error, "never", 0),
    ];
    for &(file, fail_on, code) in cases {
        let out = dir.run(&["check", file, "--fail-on", fail_on]);
        assert_eq!(out.code, code, "check {file} --fail-on {fail_on}\n{}{}", out.stdout, out.stderr);
    }
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &[],
        &["no-such-command"],
        &["check"],
        &["check", "x.txt", "--format", "bogus"],
        &["check", "x.txt", "--fail-on", "bogus"],
        &["check", "x.txt", "--no-such-flag"],
    ];
    for args in cases {
        let out = run(args);
        assert_eq!(out.code, 2, "onrecord {args:?}: {}", out.stderr);
        assert!(!out.stderr.is_empty(), "onrecord {args:?} explains the usage error");
    }
}

#[test]
fn quotes_without_paths_or_jsonl_exits_2() {
    let out = run(&["quotes"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--jsonl"), "{}", out.stderr);
}

// ---- bad inputs: one line naming the file, exit 2, the other files still checked --------

/// Check `bad` together with a good file that has one warning; assert the bad input gives a
/// one-line error naming it, exit 2, and the good file's finding is still reported.
fn assert_bad_input(dir: &TempDir, bad: &str, message: &str) {
    let good = dir.write("good.txt", WARNING);
    for format in ["text", "json"] {
        let out = dir.run(&["check", bad, good, "--format", format, "--color", "never"]);
        assert_eq!(out.code, 2, "{format}: stdout {}\nstderr {}", out.stdout, out.stderr);
        let lines = out.stderr_lines();
        assert_eq!(lines.len(), 1, "{format}: one error line: {:?}", lines);
        assert!(lines[0].contains(bad), "{format}: the error names {bad}: {}", lines[0]);
        assert!(lines[0].to_lowercase().contains(message), "{format}: says {message:?}: {}", lines[0]);
        if format == "json" {
            let json = out.json();
            assert_eq!(rules_by_file(&json), vec![(good.to_string(), vec!["repeated-word".to_string()])]);
            let input_errors = json["summary"]["input_errors"].as_array().expect("input_errors");
            assert_eq!(input_errors.len(), 1, "{input_errors:?}");
            assert_eq!(input_errors[0]["path"], bad);
            assert!(input_errors[0]["message"].as_str().is_some_and(|m| !m.is_empty()));
        } else {
            assert!(out.stdout.contains(&format!("{good}:1:")), "good file still checked:\n{}", out.stdout);
            assert!(out.stdout.contains("repeated-word"), "{}", out.stdout);
        }
    }
}

#[test]
fn directory_without_articles_is_an_input_error() {
    let dir = TempDir::new("directory_without_articles_is_an_input_error");
    dir.write("notes/readme.csv", "a,b\n");
    assert_bad_input(&dir, "notes", "no articles");
}

#[test]
fn invalid_utf8_is_an_input_error() {
    let dir = TempDir::new("invalid_utf8_is_an_input_error");
    let bad = dir.write("latin1.txt", b"The caf\xe9 reopened on Monday.\n");
    assert_bad_input(&dir, bad, "utf-8");
}

#[test]
fn binary_file_is_an_input_error() {
    let dir = TempDir::new("binary_file_is_an_input_error");
    let bad = dir.write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    assert_bad_input(&dir, bad, "binary");
}

#[test]
fn input_errors_in_quotes_entities_and_sources_exit_2() {
    let dir = TempDir::new("input_errors_in_quotes_entities_and_sources_exit_2");
    let good = dir.write("good.txt", CLEAN);
    for command in ["quotes", "entities", "sources"] {
        let out = dir.run(&[command, "missing.txt", good, "--format", "json"]);
        assert_eq!(out.code, 2, "{command}: {}", out.stderr);
        assert!(out.stderr.contains("missing.txt"), "{command}: {}", out.stderr);
        let paths: Vec<String> = out
            .stdout
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("JSON line")["path"].as_str().unwrap_or("").to_string())
            .collect();
        assert_eq!(paths, vec![good.to_string()], "{command}: the good file is still listed");
    }
}

#[test]
fn empty_file_is_a_clean_report() {
    let dir = TempDir::new("empty_file_is_a_clean_report");
    let file = dir.write("empty.txt", "");
    let out = dir.run(&["check", file, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    assert_eq!(rules_by_file(&json), vec![(file.to_string(), vec![])]);
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(json["summary"]["input_errors"], serde_json::json!([]));
}

#[test]
fn directories_are_walked_for_articles() {
    let dir = TempDir::new("directories_are_walked_for_articles");
    dir.write("desk/a.txt", WARNING);
    dir.write("desk/sub/b.md", WARNING);
    dir.write("desk/notes.csv", "the the");
    let out = dir.run(&["check", "desk", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut paths: Vec<String> = rules_by_file(&out.json()).into_iter().map(|(p, _)| p.replace('\\', "/")).collect();
    paths.sort();
    assert_eq!(paths, vec!["desk/a.txt".to_string(), "desk/sub/b.md".to_string()]);
}

// ---- large input ------------------------------------------------------------------------

/// A different word of letters for each `i` ("qa", "qb", … "qab"): no digits, which the
/// repeated-word rule leaves alone, and never an English double ("had had").
fn letters(mut i: usize) -> String {
    let mut w = String::from("q");
    loop {
        w.push((b'a' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            return w;
        }
    }
}

#[test]
fn large_article_is_checked_normally() {
    let dir = TempDir::new("large_article_is_checked_normally");
    // No timing here: speed lives in the benches. This checks that ~50 MB is read, split
    // and checked like any article, with every planted problem found at the right place.
    let head = "“The channel will be dredged before winter,” Ana Ruiz Ortega, the harbour board's chair, said.\n\n";
    // Each paragraph doubles a different word: identical findings past a cap are counted,
    // not listed (tested on its own), and this test wants every one listed.
    let paragraph = |i: usize| {
        let w = letters(i);
        format!(
            "The harbour board met on Tuesday and approved {w} {w} plan to dredge the eastern channel \
before the winter storms arrive. Officials at the port said the work would take six weeks and cost \
4.2 million dollars, paid from the reserve fund. Fishermen who use the channel said they had asked \
for the work since 2019 and welcomed the decision.\n\n"
        )
    };
    let mut text = String::with_capacity(50_100_000);
    text.push_str(head);
    let mut repeats = 0;
    while text.len() < 50_000_000 {
        text.push_str(&paragraph(repeats));
        repeats += 1;
    }
    assert!(text.len() >= 50_000_000);
    let file = dir.write("big.txt", &text);
    let out = dir.run(&["check", file, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    let diagnostics = json["files"][0]["diagnostics"].as_array().expect("diagnostics");
    let repeated: Vec<&Value> = diagnostics.iter().filter(|d| d["rule"] == "repeated-word").collect();
    assert_eq!(repeated.len(), repeats, "one repeated word per paragraph");
    let last = repeated.last().expect("a repeated word");
    let start = last["start"].as_u64().expect("start") as usize;
    let end = last["end"].as_u64().expect("end") as usize;
    let w = letters(repeats - 1);
    assert_eq!(&text[start..end], format!("{w} {w}"));
    assert_eq!(last["line"], 3 + 2 * (repeats - 1), "paragraphs are two lines apart");
}

#[test]
fn large_file_among_small_ones_keeps_input_order_in_every_format() {
    let dir = TempDir::new("large_file_among_small_ones_keeps_input_order_in_every_format");
    // A file over 4 MB is checked on its own and written out finding by finding; the
    // small files around it go through the parallel batches. Output order, counts and
    // bytes must not tell the two paths apart.
    let mut big = String::new();
    let mut repeats = 0;
    while big.len() < 5_000_000 {
        let w = letters(repeats);
        big.push_str(&format!("The port authority approved {w} {w} plan on Tuesday after a long debate.\n\n"));
        repeats += 1;
    }
    dir.write("desk/a.txt", WARNING);
    dir.write("desk/b.txt", &big);
    dir.write("desk/c.txt", WARNING);
    let files = ["desk/a.txt", "desk/b.txt", "desk/c.txt"];

    let out = dir.run(&["check", files[0], files[1], files[2], "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    let listed = rules_by_file(&json);
    let paths: Vec<&str> = listed.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, files);
    let counts: Vec<usize> = listed.iter().map(|(_, rules)| rules.len()).collect();
    assert_eq!(counts, [1, repeats, 1]);
    assert_eq!(json["summary"]["files"], 3);
    assert_eq!(json["summary"]["diagnostics"]["warning"], repeats + 2);

    let out = dir.run(&["check", files[0], files[1], files[2], "--format", "text", "--color", "never"]);
    let at =
        |name: &str| out.stdout.find(&format!("--> {name}:")).unwrap_or_else(|| panic!("{name} in {}", out.stderr));
    assert!(at("desk/a.txt") < at("desk/b.txt") && at("desk/b.txt") < at("desk/c.txt"));
    assert_eq!(out.stdout.matches("warning[repeated-word]").count(), repeats + 2);
    assert!(out.stdout.trim_end().ends_with(&format!("3 files checked: 0 errors, {} warnings, 0 infos", repeats + 2)));

    let out = dir.run(&["check", files[0], files[1], files[2], "--format", "github"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), repeats + 2);
    assert!(lines[0].contains("file=desk/a.txt,") && lines[lines.len() - 1].contains("file=desk/c.txt,"));
    assert!(lines[1..=repeats].iter().all(|l| l.contains("file=desk/b.txt,")));
}

// ---- line endings and byte-order marks --------------------------------------------------

/// The JSON diagnostics of one file.
fn diagnostics_of(dir: &TempDir, file: &str) -> Vec<Value> {
    let out = dir.run(&["check", file, "--format", "json"]);
    assert!(out.code == 0 || out.code == 1, "{file}: {}", out.stderr);
    out.json()["files"][0]["diagnostics"].as_array().expect("diagnostics").clone()
}

fn span_text<'a>(source: &'a [u8], d: &Value) -> &'a str {
    let start = d["start"].as_u64().expect("start") as usize;
    let end = d["end"].as_u64().expect("end") as usize;
    std::str::from_utf8(&source[start..end]).expect("span on char boundaries")
}

#[test]
fn crlf_line_endings() {
    let dir = TempDir::new("crlf_line_endings");
    let source = "The first paragraph is fine.\r\n\r\nThe council approved the the budget.\r\n";
    let file = dir.write("crlf.txt", source);
    let found = diagnostics_of(&dir, file);
    assert_eq!(found.len(), 1, "CRLF is a line ending, not a problem: {found:#?}");
    assert_eq!(found[0]["rule"], "repeated-word");
    assert_eq!(span_text(source.as_bytes(), &found[0]), "the the");
    assert_eq!((found[0]["line"].clone(), found[0]["column"].clone()), (3.into(), 22.into()));
}

#[test]
fn crlf_paragraph_without_terminal_punctuation() {
    let dir = TempDir::new("crlf_paragraph_without_terminal_punctuation");
    // The \r before \n must not count as the paragraph's last character. (The paragraph is
    // long: a short line without terminal punctuation is a heading.)
    let source = "The council met on Monday.\r\n\r\n\
The council approved the budget on Tuesday after a long debate about the bridge and the schools\r\n\r\n\
It meets again in May.\r\n";
    let file = dir.write("crlf.txt", source);
    let found = diagnostics_of(&dir, file);
    let rules: Vec<&str> = found.iter().map(|d| d["rule"].as_str().unwrap_or("")).collect();
    assert_eq!(rules, vec!["missing-terminal-punctuation"], "{found:#?}");
    assert_eq!(found[0]["line"], 3);
}

#[test]
fn utf8_bom_is_not_part_of_the_text() {
    let dir = TempDir::new("utf8_bom_is_not_part_of_the_text");
    let source = "\u{feff}The the council approved the budget.\n\nThe mayor approved the the plan.\n";
    let file = dir.write("bom.txt", source);
    let found = diagnostics_of(&dir, file);
    assert_eq!(found.len(), 2, "{found:#?}");
    for d in &found {
        assert_eq!(d["rule"], "repeated-word");
    }
    // Offsets count the BOM's three bytes: they point into the file as read.
    assert_eq!(found[0]["start"], 3);
    assert_eq!(span_text(source.as_bytes(), &found[0]), "The the");
    assert_eq!(span_text(source.as_bytes(), &found[1]), "the the");
    assert_eq!((found[1]["line"].clone(), found[1]["column"].clone()), (3.into(), 20.into()));
}

#[test]
fn lone_cr_separates_paragraphs() {
    let dir = TempDir::new("lone_cr_separates_paragraphs");
    let file = dir.write("cr.txt", LONE_CR);
    let found = diagnostics_of(&dir, file);
    let rules: Vec<&str> = found.iter().map(|d| d["rule"].as_str().unwrap_or("")).collect();
    assert_eq!(rules, vec!["repeated-word", "missing-terminal-punctuation"], "{found:#?}");
    assert_eq!(span_text(LONE_CR.as_bytes(), &found[0]), "the the");
}

/// Old Mac line endings: paragraphs separated by a lone CR.
const LONE_CR: &str = "The council met on Monday.\r\r\
The council approved the the budget on Tuesday after a long debate about the bridge and the schools\r\r\
It meets again in May.\r";

#[test]
fn lone_cr_counts_as_a_line_break() {
    // The reader already treats a lone CR as a line break; lines and columns must agree
    // with it, or `file:line:col` points at the wrong place (and the text format prints a
    // raw CR inside the source line).
    let dir = TempDir::new("lone_cr_counts_as_a_line_break");
    let file = dir.write("cr.txt", LONE_CR);
    let found = diagnostics_of(&dir, file);
    let first = found.first().expect("a finding");
    assert_eq!((first["line"].clone(), first["column"].clone()), (3.into(), 22.into()), "{first:#}");
}

// ---- formats ----------------------------------------------------------------------------

#[test]
fn text_format_shows_location_caret_and_help() {
    let dir = TempDir::new("text_format_shows_location_caret_and_help");
    let file = dir.write("error.txt", ERROR);
    let out = dir.run(&["check", file, "--color", "never"]);
    assert_eq!(out.code, 1);
    assert!(!out.stdout.contains('\u{1b}'), "no escape codes with --color never");
    let lines: Vec<&str> = out.stdout.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("error[unbalanced-quote]"))
        .unwrap_or_else(|| panic!("an error header:\n{}", out.stdout));
    let location = format!("{file}:3:21");
    let at = lines[header..]
        .iter()
        .position(|l| l.trim_start().starts_with("-->") && l.contains(&location))
        .map(|i| header + i)
        .unwrap_or_else(|| panic!("a `--> {location}` line:\n{}", out.stdout));
    let source_line = lines[at..]
        .iter()
        .position(|l| l.contains("The vote was close."))
        .map(|i| at + i)
        .unwrap_or_else(|| panic!("the source line:\n{}", out.stdout));
    // The caret sits under column 21 of the source line (columns count chars).
    let caret = lines[source_line + 1];
    let gutter = lines[source_line].find('|').expect("gutter") + 2;
    let caret_col = caret.chars().position(|c| c == '^').expect("a caret") + 1;
    assert_eq!(caret_col - gutter, 21, "caret under the span:\n{}\n{}", lines[source_line], caret);
    assert!(lines[source_line..].iter().any(|l| l.trim_start().starts_with("= help:")), "a help line:\n{}", out.stdout);
    assert!(out.stdout.contains("1 file checked"), "a summary line:\n{}", out.stdout);
}

#[test]
fn quotes_json_shape() {
    let dir = TempDir::new("quotes_json_shape");
    let source = "“We won,” Ana Ruiz said.\n\nAccording to the ministry, “talks went well.”\n";
    let file = dir.write("quotes.txt", source);
    let out = dir.run(&["quotes", file, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON object per file per line");
    let json: Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(json["path"], file);
    let quotes = json["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 2);
    let first = &quotes[0];
    assert_eq!(first["text"], "We won,");
    assert_eq!(span_text(source.as_bytes(), first), "“We won,”", "the span includes the marks");
    assert_eq!(first["speaker"], "Ana Ruiz");
    assert_eq!(span_text(source.as_bytes(), &first["speaker_span"]), "Ana Ruiz");
    assert_eq!(first["cue"], "said");
    assert_eq!(first["source_type"], "named-person");
    assert_eq!(first["via"], Value::Null);
    assert_eq!(first["pull_quote"], false);
    assert_eq!(quotes[1]["text"], "talks went well.");
    assert_eq!(quotes[1]["cue"], "according to");
}

#[test]
fn a_pull_quote_is_listed_with_its_speaker_and_checked_by_no_rule() {
    let dir = TempDir::new("a_pull_quote_is_listed");
    let source = "<article><p>“The wharf stays open all winter,” Dale Hune, the harbour master, said.</p>\
        <aside class=\"pull-quote\"><p>“The wharf stays open all winter.”</p></aside>\
        <p>“We will see,” said Kestrel Amundsen, a ferry captain.</p></article>\n";
    let file = dir.write("wharf.html", source);
    let out = dir.run(&["quotes", file, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let quotes = out.json()["quotes"].as_array().expect("quotes").clone();
    let listed: Vec<(&str, &str, bool)> = quotes
        .iter()
        .map(|q| {
            (q["text"].as_str().unwrap(), q["speaker"].as_str().unwrap_or("-"), q["pull_quote"].as_bool().unwrap())
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            ("The wharf stays open all winter,", "Dale Hune", false),
            ("The wharf stays open all winter.", "Dale Hune", true),
            ("We will see,", "Kestrel Amundsen", false),
        ]
    );
    assert_eq!(span_text(source.as_bytes(), &quotes[1]), "“The wharf stays open all winter.”");
    // The box repeats the story's words by design: no duplicate quote, no missing speaker.
    let check = dir.run(&["check", file, "--format", "json"]);
    assert_eq!(rules_by_file(&check.json()), vec![(file.to_string(), vec![])]);
}

#[test]
fn quotes_json_is_one_line_per_file_in_order() {
    let dir = TempDir::new("quotes_json_is_one_line_per_file_in_order");
    let a = dir.write("a.txt", "“Yes,” Ana Ruiz said.\n");
    let b = dir.write("b.txt", "No quotes here.\n");
    let out = dir.run(&["quotes", b, a, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let paths: Vec<Value> =
        out.stdout.lines().map(|l| serde_json::from_str::<Value>(l).expect("JSON line")["path"].clone()).collect();
    assert_eq!(paths, vec![Value::from(b), Value::from(a)]);
}

#[test]
fn quotes_jsonl_keeps_order_and_reports_bad_lines_in_place() {
    let input = concat!(
        r#"{"id": "a", "text": "“We won,” Ana Ruiz said."}"#,
        "\n",
        "this is not JSON\n",
        r#"{"id": 7, "text": "Officials said \"talks went well,\" the ministry said."}"#,
        "\n",
    );
    let out = run_in(None, &["quotes", "--jsonl"], Some(input));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<Value> =
        out.stdout.lines().map(|l| serde_json::from_str(l).expect("every output line is JSON")).collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quotes"][0]["speaker"], "Ana Ruiz");
    assert_eq!(lines[0]["quotes"][0]["start"], 0, "offsets into that line's text");
    assert!(lines[1]["error"].is_string(), "{}", lines[1]);
    assert!(lines[1].get("quotes").is_none());
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["quotes"][0]["text"], "talks went well,");
}

#[test]
fn quotes_jsonl_error_keeps_the_id_when_it_can() {
    let input = "{\"id\": \"x\"}\n{\"id\": \"y\", \"text\": \"\"}\n";
    let out = run_in(None, &["quotes", "--jsonl"], Some(input));
    let lines: Vec<Value> = out.stdout.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert_eq!(lines[0]["id"], "x");
    assert!(lines[0]["error"].is_string());
    assert_eq!(lines[1], serde_json::json!({"id": "y", "quotes": [], "claims": []}));
}

#[test]
fn entities_and_sources_print_one_json_object_per_file() {
    let dir = TempDir::new("entities_and_sources_print_one_json_object_per_file");
    let file = dir.write("clean.txt", CLEAN);
    let entities = dir.run(&["entities", file, "--format", "json"]);
    assert_eq!(entities.code, 0, "{}", entities.stderr);
    let json: Value = serde_json::from_str(entities.stdout.trim()).expect("one JSON object");
    let names: Vec<&str> =
        json["entities"].as_array().expect("entities").iter().filter_map(|e| e["name"].as_str()).collect();
    assert!(names.contains(&"Ana Ruiz Ortega"), "{names:?}");
    let sources = dir.run(&["sources", file, "--format", "json"]);
    assert_eq!(sources.code, 0, "{}", sources.stderr);
    let json: Value = serde_json::from_str(sources.stdout.trim()).expect("one JSON object");
    let first = &json["sources"][0];
    assert_eq!(first["name"], "Ana Ruiz Ortega");
    assert_eq!(first["type"], "named-person");
    assert_eq!(first["quotes"], 1);
}

// ---- rules and explain ------------------------------------------------------------------

/// The rule ids of DESIGN.md's catalogue (stable: tests and other tools key on them).
const CATALOGUE: &[&str] = &[
    "unbalanced-quote",
    "mixed-quote-marks",
    "punctuation-outside-quote",
    "duplicate-quote",
    "parenthetical-in-quote",
    "missing-attribution",
    "repeated-full-attribution",
    "surname-before-introduction",
    "inconsistent-name",
    "ambiguous-pronoun-attribution",
    "loaded-attribution-verb",
    "vague-attribution",
    "unexplained-anonymous-source",
    "relayed-quote",
    "one-sided-sourcing",
    "confusable-word",
    "repeated-word",
    "missing-terminal-punctuation",
];

#[test]
fn explain_every_rule() {
    for id in CATALOGUE {
        let out = run(&["explain", id]);
        assert_eq!(out.code, 0, "explain {id}: {}", out.stderr);
        for section in ["## What it does", "## Why is this bad?", "## Example", "## Use instead"] {
            assert!(out.stdout.contains(section), "explain {id} has {section:?}:\n{}", out.stdout);
        }
    }
}

/// The `path:line:col` of a finding in text output, and the seven characters its
/// underline starts under: `"a.txt:1:5|the the"`.
fn text_location(out: &str, rule: &str) -> String {
    let lines: Vec<&str> = out.lines().collect();
    let header = lines.iter().position(|l| l.contains(&format!("[{rule}]"))).expect("a header");
    let location = lines[header + 1].rsplit(' ').next().unwrap();
    let source: Vec<char> = lines[header + 3].chars().collect();
    let start = lines[header + 4].chars().position(|c| c == '-' || c == '^').expect("an underline");
    let under: String = source[start..(start + 7).min(source.len())].iter().collect();
    format!("{location}|{under}")
}

#[test]
fn text_output_shows_a_window_of_a_long_line_with_the_right_column() {
    let dir = TempDir::new("text_output_shows_a_window_of_a_long_line");
    let lead: String = (0..12_000).map(|i| format!("w{i} ")).collect();
    let file = dir.write("long.txt", format!("{lead}then the the end.\n"));
    let out = dir.run(&["check", file, "--color", "never", "--fail-on", "never"]);
    let location = text_location(&out.stdout, "repeated-word");
    let column = lead.chars().count() + "then ".len() + 1;
    assert!(location.starts_with(&format!("long.txt:1:{column}|the the")), "{location}");
    // Only a window of the line is printed, not its 90,000 bytes.
    assert!(out.stdout.len() < 2_000, "{} bytes", out.stdout.len());
}

#[test]
fn text_output_underlines_the_words_of_a_tab_indented_line() {
    let dir = TempDir::new("text_output_underlines_the_words_of_a_tab_indented_line");
    let file = dir.write("tab.txt", "\tThe council approved the the budget.\n");
    let out = dir.run(&["check", file, "--color", "never", "--fail-on", "never"]);
    assert_eq!(text_location(&out.stdout, "repeated-word"), "tab.txt:1:23|the the");
}

#[test]
fn messages_are_one_line_when_the_words_they_quote_are_not() {
    let dir = TempDir::new("messages_are_one_line");
    // Hard-wrapped copy: the parenthetical the message quotes runs over a line break.
    let file = dir.write(
        "a.txt",
        "“We are worried about what the talks mean for the escalation (in\ntensions) with our neighbours,” Fisheries Minister Ana Ruiz said\non Friday after the meeting in the capital had ended.\n",
    );
    let out = dir.run(&["check", file, "--format", "json", "--fail-on", "never"]);
    let json = out.json();
    let messages: Vec<&str> =
        json["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert!(messages.contains(&"parenthetical “(in tensions)” inside a quote"), "{messages:?}");
    assert!(messages.iter().all(|m| !m.contains('\n')), "{messages:?}");
}

#[test]
fn identical_findings_past_the_cap_are_counted_in_one() {
    let dir = TempDir::new("identical_findings_past_the_cap");
    let file = dir.write("soup.txt", "Residents said “the plan was late.\n\n".repeat(300));
    let json = dir.run(&["check", file, "--format", "json", "--fail-on", "never"]).json();
    let unbalanced: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unbalanced-quote")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(unbalanced.len(), 101, "{unbalanced:?}");
    assert_eq!(unbalanced[100], "opening “ is never closed (and 199 more like this in this file, not listed)");
    assert_eq!(json["summary"]["diagnostics"]["error"], 101);
}

#[test]
fn a_file_of_quote_marks_is_read_to_a_limit_and_the_others_are_still_checked() {
    let dir = TempDir::new("a_file_of_quote_marks_is_read_to_a_limit");
    dir.write("a-soup.txt", "\"“".repeat(150_000));
    dir.write("b.txt", ERROR);
    let json = dir.run(&["check", ".", "--format", "json", "--fail-on", "never"]).json();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    let soup = files[0]["diagnostics"].as_array().unwrap();
    let last = soup.last().unwrap();
    assert!(last["message"].as_str().unwrap().starts_with("the rest of the file was not checked"), "{last}");
    assert_eq!(last["start"], 200_000 / 2 * 4, "after 200,000 marks");
    assert!(!files[1]["diagnostics"].as_array().unwrap().is_empty());
}
