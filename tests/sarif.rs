//! SARIF and GitHub output. The SARIF log of the whole corpus is validated against the
//! official OASIS SARIF 2.1.0 schema (data/sarif-schema-2.1.0.json, draft-04), offline.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn onrecord(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_onrecord")).args(args).current_dir(root()).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("data/sarif-schema-2.1.0.json")).expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::draft4::options().should_validate_formats(true).build(&schema).expect("schema compiles")
}

fn errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator.iter_errors(log).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

fn corpus_log() -> Value {
    let (code, out, err) = onrecord(&["check", "corpus", "--format", "sarif", "--fail-on", "never"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn corpus_log_is_valid_sarif() {
    let log = corpus_log();
    let v = validator();
    assert_eq!(errors(&v, &log), Vec::<String>::new());
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert!(ids.contains(&"repeated-word") && ids.contains(&"unused-suppression"), "{ids:?}");
    for r in rules {
        let id = r["id"].as_str().unwrap();
        assert!(r["helpUri"].as_str().unwrap().ends_with(&format!("#{id}")));
        assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
    }
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 20);
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let location = &r["locations"][0]["physicalLocation"];
        assert!(location["artifactLocation"]["uri"].as_str().unwrap().starts_with("corpus/"));
        assert!(location["region"]["byteOffset"].is_u64() && location["region"]["startLine"].is_u64());
    }
    // Safe fixes travel as replacements.
    assert!(results
        .iter()
        .any(|r| r["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["byteLength"].is_u64()));
}

#[test]
fn regions_point_at_the_finding() {
    let log = corpus_log();
    for r in log["runs"][0]["results"].as_array().unwrap() {
        let location = &r["locations"][0]["physicalLocation"];
        let path = root().join(location["artifactLocation"]["uri"].as_str().unwrap());
        let source = std::fs::read_to_string(&path).unwrap();
        let region = &location["region"];
        let start = region["byteOffset"].as_u64().unwrap() as usize;
        let line = region["startLine"].as_u64().unwrap() as usize;
        let column = region["startColumn"].as_u64().unwrap() as usize;
        let line_start = source.lines().take(line - 1).map(|l| l.len() + 1).sum::<usize>();
        assert_eq!(source[line_start..start].chars().count() + 1, column, "{path:?} {r}");
    }
}

#[test]
fn the_schema_rejects_a_broken_log() {
    let v = validator();
    let mut log = corpus_log();
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!errors(&v, &log).is_empty());
    let mut log = corpus_log();
    log["runs"][0]["tool"]["driver"].as_object_mut().unwrap().remove("name");
    assert!(!errors(&v, &log).is_empty());
}

#[test]
fn input_errors_are_notifications() {
    let (code, out, _) = onrecord(&["check", "corpus/clean-border-talks.txt", "no/such/file.txt", "--format", "sarif"]);
    assert_eq!(code, 2);
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(errors(&validator(), &log), Vec::<String>::new());
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "no/such/file.txt"
    );
}

#[test]
fn github_annotations() {
    let (code, out, _) = onrecord(&["check", "corpus/mech-repeated-word.txt", "--format", "github"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty());
    for l in &lines {
        assert!(l.starts_with("::warning file=corpus/mech-repeated-word.txt,line="), "{l}");
        assert!(l.contains(",endLine=") && l.contains(",endColumn=") && l.contains(",title=repeated-word::"), "{l}");
        assert!(!l.contains('\r'));
    }
    // Severities map to error / warning / notice.
    let (_, out, _) = onrecord(&["check", "corpus/mech-unbalanced-quote.txt", "--format", "github"]);
    assert!(out.lines().any(|l| l.starts_with("::error file=")), "{out}");
    let (_, out, _) = onrecord(&["check", "corpus", "--format", "github", "--fail-on", "never"]);
    assert!(out
        .lines()
        .all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice ")));
}

#[test]
fn absolute_paths_give_valid_uris_inside_and_outside_the_working_directory() {
    let v = validator();
    let inside = root().join("corpus/mech-repeated-word.txt");
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("a story.txt");
    std::fs::copy(&inside, &outside).unwrap();
    for (path, relative) in [(inside.to_str().unwrap(), true), (outside.to_str().unwrap(), false)] {
        let (_, out, err) = onrecord(&["check", path, "--format", "sarif", "--fail-on", "never"]);
        let log: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        assert_eq!(errors(&v, &log), Vec::<String>::new(), "{path}");
        let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        let uri = location["uri"].as_str().unwrap();
        assert!(!uri.starts_with('/'), "SARIF1004: {uri}");
        if relative {
            assert_eq!(uri, "corpus/mech-repeated-word.txt");
            assert_eq!(location["uriBaseId"], "%SRCROOT%");
            let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap();
            assert!(base.starts_with("file:///") && base.ends_with('/'), "{base}");
        } else {
            assert!(uri.starts_with("file:///") && uri.ends_with("/a%20story.txt"), "{uri}");
            assert!(location.get("uriBaseId").is_none());
        }
    }
}
