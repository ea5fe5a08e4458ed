//! The JSON the binary prints has exactly the fields docs/output.md documents.
//!
//! The doc marks each object's field table with `<!-- contract: NAME -->` and each set of
//! enumerated values with `<!-- values: NAME -->`; this test reads those tables, runs
//! `check`, `quotes`, `quotes --jsonl`, `entities` and `sources` on the corpus, and checks
//! every object printed against its table: the same field names, values of the documented
//! type, enumerated values from the documented set. Doc and code cannot drift apart.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// One documented field: its name and the type column as written.
#[derive(Debug)]
struct Field {
    name: String,
    ty: String,
}

/// The tables of docs/output.md.
struct Contract {
    objects: BTreeMap<String, Vec<Field>>,
    values: BTreeMap<String, BTreeSet<String>>,
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The cells of a Markdown table row; `\|` inside a cell is a literal bar.
fn cells(row: &str) -> Vec<String> {
    let row = row.trim().trim_start_matches('|').trim_end_matches('|');
    row.replace("\\|", "\u{0}").split('|').map(|c| c.trim().replace('\u{0}', "|")).collect()
}

/// The body rows (header and separator skipped) of the table following line `at`.
fn table_after(lines: &[&str], at: usize) -> Vec<Vec<String>> {
    let rows: Vec<&str> = lines[at + 1..]
        .iter()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| l.starts_with('|'))
        .copied()
        .collect();
    assert!(rows.len() > 2, "a table follows {:?}", lines[at]);
    rows[2..].iter().map(|r| cells(r)).collect()
}

fn unquote(cell: &str) -> String {
    cell.trim_matches('`').to_string()
}

fn read_contract() -> Contract {
    let text = std::fs::read_to_string(manifest_dir().join("docs/output.md")).expect("docs/output.md");
    let lines: Vec<&str> = text.lines().collect();
    let mut objects = BTreeMap::new();
    let mut values = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(marker) = line.trim().strip_prefix("<!--").and_then(|l| l.strip_suffix("-->")) else { continue };
        let marker = marker.trim();
        if let Some(name) = marker.strip_prefix("contract:") {
            let fields = table_after(&lines, i)
                .into_iter()
                .map(|c| Field { name: unquote(&c[0]), ty: c.get(1).cloned().unwrap_or_default() })
                .collect();
            assert!(objects.insert(name.trim().to_string(), fields).is_none(), "{name} documented twice");
        } else if let Some(name) = marker.strip_prefix("values:") {
            let set = table_after(&lines, i).into_iter().map(|c| unquote(&c[0])).collect();
            assert!(values.insert(name.trim().to_string(), set).is_none(), "{name} documented twice");
        }
    }
    Contract { objects, values }
}

/// Whether a value has the documented type (`integer`, `string`, `boolean`, `array of …`, `any`,
/// `object`, or the name of a documented object), `| null` allowing null.
fn has_type(value: &Value, ty: &str) -> bool {
    let nullable = ty.split('|').any(|t| t.trim() == "null");
    let base = ty.split('|').next().unwrap_or("").trim();
    match value {
        Value::Null => nullable || base == "any",
        _ => match base {
            "any" => true,
            "integer" => value.is_u64(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            b if b.starts_with("array") => value.is_array(),
            _ => value.is_object(),
        },
    }
}

/// Checks objects against the contract and records which documented objects were seen.
struct Checker {
    contract: Contract,
    seen: BTreeSet<String>,
    /// Each problem once, with the first place it was seen.
    problems: BTreeMap<String, String>,
}

impl Checker {
    fn new() -> Checker {
        Checker { contract: read_contract(), seen: BTreeSet::new(), problems: BTreeMap::new() }
    }

    /// Check one object against the table `name`; returns it for walking further.
    fn object<'a>(&mut self, name: &str, value: &'a Value, context: &str) -> &'a Map<String, Value> {
        self.seen.insert(name.to_string());
        let fields = self.contract.objects.get(name).unwrap_or_else(|| panic!("docs/output.md documents {name}"));
        let object = value.as_object().unwrap_or_else(|| panic!("{context}: {name} is an object: {value}"));
        let documented: BTreeSet<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        let printed: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        if documented != printed {
            let extra: Vec<_> = printed.difference(&documented).collect();
            let missing: Vec<_> = documented.difference(&printed).collect();
            note(
                &mut self.problems,
                format!("{name}: undocumented fields {extra:?}, documented but absent {missing:?}"),
                context,
            );
        }
        for field in fields {
            if let Some(v) = object.get(&field.name) {
                if !has_type(v, &field.ty) {
                    note(
                        &mut self.problems,
                        format!("{name}.{} = {v} is not of type {:?}", field.name, field.ty),
                        context,
                    );
                }
            }
        }
        object
    }

    /// Check that a string value is in the documented set `name`.
    fn value(&mut self, name: &str, value: &Value, context: &str) {
        let set = self.contract.values.get(name).unwrap_or_else(|| panic!("docs/output.md lists values of {name}"));
        match value.as_str() {
            Some(s) if set.contains(s) => {}
            _ => note(&mut self.problems, format!("{value} is not a documented {name} {set:?}"), context),
        }
    }

    fn span(&mut self, value: &Value, context: &str) {
        if !value.is_null() {
            self.object("span", value, context);
        }
    }

    fn quote(&mut self, value: &Value, context: &str) {
        let q = self.object("quote", value, context);
        self.span(&q["speaker_span"], context);
        self.value("source-type", &q["source_type"], context);
    }

    /// Fail on any difference, or if an object this test covers never appeared.
    fn finish(self, covers: &[&str]) {
        let unseen: Vec<&&str> = covers.iter().filter(|k| !self.seen.contains(**k)).collect();
        assert!(unseen.is_empty(), "documented objects the test never saw (extend its inputs): {unseen:?}");
        let problems: Vec<String> = self.problems.iter().map(|(p, at)| format!("{p} (first in {at})")).collect();
        assert!(problems.is_empty(), "output and docs/output.md differ:\n{}", problems.join("\n"));
    }
}

/// Record a problem once, with the first place it was seen.
fn note(problems: &mut BTreeMap<String, String>, problem: String, context: &str) {
    problems.entry(problem).or_insert_with(|| context.to_string());
}

/// Run the binary from the crate root; returns (status, stdout).
fn run(args: &[&str], stdin: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .current_dir(manifest_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn onrecord");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("wait for onrecord");
    writer.join().expect("stdin writer");
    (out.status.code().expect("exit status"), String::from_utf8(out.stdout).expect("UTF-8 stdout"))
}

/// Each line of stdout as JSON.
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}"))).collect()
}

fn array<'a>(value: &'a Value, context: &str) -> &'a Vec<Value> {
    value.as_array().unwrap_or_else(|| panic!("{context}: an array: {value}"))
}

/// The documented objects each test checks; together they must be every table of the doc.
const CHECK_OBJECTS: &[&str] = &[
    "check",
    "check.file",
    "check.diagnostic",
    "check.fix",
    "check.edit",
    "check.summary",
    "check.counts",
    "check.input-error",
];
const QUOTES_OBJECTS: &[&str] = &["quotes.file", "quote", "claim", "span", "jsonl.quotes", "jsonl.error"];
const ENTITIES_OBJECTS: &[&str] =
    &["entities.file", "entity", "mention", "span", "sources.file", "source", "sources.overall"];

#[test]
fn every_documented_object_is_checked() {
    let contract = read_contract();
    let documented: BTreeSet<&str> = contract.objects.keys().map(String::as_str).collect();
    let checked: BTreeSet<&str> = CHECK_OBJECTS.iter().chain(QUOTES_OBJECTS).chain(ENTITIES_OBJECTS).copied().collect();
    assert_eq!(documented, checked, "a table in docs/output.md that no test checks, or a check with no table");
    let values: BTreeSet<&str> = contract.values.keys().map(String::as_str).collect();
    let expected = BTreeSet::from(["applicability", "entity-kind", "mention-kind", "severity", "source-type"]);
    assert_eq!(values, expected);
}

#[test]
fn check_json_matches_the_doc() {
    let mut c = Checker::new();
    // A missing path puts an input error in the summary; the corpus gives every kind of
    // diagnostic, with and without fixes.
    let (status, stdout) = run(&["check", "corpus", "no-such-article.txt", "--format", "json"], "");
    assert_eq!(status, 2, "an input error exits 2");
    let top: Value = serde_json::from_str(&stdout).expect("check prints one JSON object");
    let top = c.object("check", &top, "check");
    for file in array(&top["files"], "files") {
        let f = c.object("check.file", file, "check");
        let path = f["path"].as_str().unwrap_or("?").to_string();
        for d in array(&f["diagnostics"], &path) {
            let d = c.object("check.diagnostic", d, &path);
            c.value("severity", &d["severity"], &path);
            if !d["fix"].is_null() {
                let fix = c.object("check.fix", &d["fix"], &path);
                c.value("applicability", &fix["applicability"], &path);
                for edit in array(&fix["edits"], &path) {
                    c.object("check.edit", edit, &path);
                }
            }
        }
    }
    let summary = c.object("check.summary", &top["summary"], "summary");
    c.object("check.counts", &summary["diagnostics"], "summary");
    let input_errors = array(&summary["input_errors"], "summary");
    assert_eq!(input_errors.len(), 1);
    c.object("check.input-error", &input_errors[0], "summary");
    c.finish(CHECK_OBJECTS);
}

#[test]
fn quotes_json_matches_the_doc() {
    let mut c = Checker::new();
    let (status, stdout) = run(&["quotes", "corpus", "--format", "json"], "");
    assert_eq!(status, 0);
    for line in json_lines(&stdout) {
        let f = c.object("quotes.file", &line, "quotes");
        let path = f["path"].as_str().unwrap_or("?").to_string();
        for q in array(&f["quotes"], &path) {
            c.quote(q, &path);
        }
        for claim in array(&f["claims"], &path) {
            let claim = c.object("claim", claim, &path);
            c.value("source-type", &claim["source_type"], &path);
        }
    }
    let input = concat!(
        r#"{"id": "a", "text": "“We won,” Ana Ruiz said. Ruiz said the vote was close."}"#,
        "\nnot JSON\n",
        r#"{"id": 2, "text": "no quotes"}"#,
        "\n"
    );
    let (status, stdout) = run(&["quotes", "--jsonl"], input);
    assert_eq!(status, 0);
    let lines = json_lines(&stdout);
    assert_eq!(lines.len(), 3);
    for (i, line) in lines.iter().enumerate() {
        if line.get("error").is_some() {
            c.object("jsonl.error", line, "jsonl");
        } else {
            let l = c.object("jsonl.quotes", line, "jsonl");
            for q in array(&l["quotes"], &format!("jsonl line {i}")) {
                c.quote(q, "jsonl");
            }
            for claim in array(&l["claims"], &format!("jsonl line {i}")) {
                c.object("claim", claim, "jsonl");
            }
        }
    }
    c.finish(QUOTES_OBJECTS);
}

#[test]
fn entities_and_sources_json_match_the_doc() {
    let mut c = Checker::new();
    let (status, stdout) = run(&["entities", "corpus", "--format", "json"], "");
    assert_eq!(status, 0);
    for line in json_lines(&stdout) {
        let f = c.object("entities.file", &line, "entities");
        let path = f["path"].as_str().unwrap_or("?").to_string();
        for e in array(&f["entities"], &path) {
            let e = c.object("entity", e, &path);
            c.value("entity-kind", &e["kind"], &path);
            for m in array(&e["mentions"], &path) {
                let m = c.object("mention", m, &path);
                c.value("mention-kind", &m["kind"], &path);
                c.span(&m["intro"], &path);
            }
        }
    }
    let (status, stdout) = run(&["sources", "corpus", "--format", "json"], "");
    assert_eq!(status, 0);
    let lines = json_lines(&stdout);
    let (last, files) = lines.split_last().expect("sources prints lines");
    let overall =
        last.get("overall").unwrap_or_else(|| panic!("the last line of sources on a directory is the overall"));
    let overall = c.object("sources.overall", overall, "overall");
    for (kind, _) in overall["totals"].as_object().expect("overall totals is an object") {
        c.value("source-type", &Value::from(kind.as_str()), "overall");
    }
    for line in files {
        let f = c.object("sources.file", line, "sources");
        let path = f["path"].as_str().unwrap_or("?").to_string();
        for s in array(&f["sources"], &path) {
            let s = c.object("source", s, &path);
            c.value("source-type", &s["type"], &path);
        }
        let totals = f["totals"].as_object().unwrap_or_else(|| panic!("{path}: totals is an object"));
        for (kind, count) in totals {
            c.value("source-type", &Value::from(kind.as_str()), &path);
            assert!(count.is_u64(), "{path}: totals.{kind} is an integer");
        }
    }
    c.finish(ENTITIES_OBJECTS);
}

#[test]
fn documented_values_cover_the_catalogue() {
    let contract = read_contract();
    let severities: BTreeSet<String> =
        onrecord::rules::registry().iter().map(|r| r.severity().as_str().to_string()).collect();
    let documented = &contract.values["severity"];
    assert!(severities.is_subset(documented), "rule severities {severities:?} are documented {documented:?}");
    assert_eq!(documented.len(), 3, "error, warning, info");
}
