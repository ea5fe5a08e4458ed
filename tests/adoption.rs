//! What a newsroom checks before adopting onrecord: findings in HTML point at the lines
//! of the HTML file, house style from onrecord.toml changes the findings, and `--fix` on a
//! corpus article gives exactly the reviewed file, then nothing on a second run.

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(name)
}

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("onrecord-adoption-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_onrecord")).args(args).current_dir(dir).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn diagnostics(json: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON");
    v["files"][0]["diagnostics"].as_array().cloned().unwrap_or_default()
}

#[test]
fn html_findings_point_at_the_lines_of_the_html_file() {
    let path = corpus("html-council-vote.html");
    let source = std::fs::read_to_string(&path).expect("article");
    let (_, out) = run(Path::new(env!("CARGO_MANIFEST_DIR")), &["check", path.to_str().unwrap(), "--format", "json"]);
    let found: Vec<(String, usize, String)> = diagnostics(&out)
        .iter()
        .map(|d| {
            let (s, e) = (d["start"].as_u64().unwrap() as usize, d["end"].as_u64().unwrap() as usize);
            (d["rule"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap() as usize, source[s..e].to_string())
        })
        .collect();
    let line_of = |needle: &str| source[..source.find(needle).expect("in the article")].lines().count();
    assert_eq!(
        found,
        vec![
            (
                "mixed-quote-marks".to_string(),
                line_of("\"The numbers"),
                "\"The numbers arrived at midnight.\"".to_string()
            ),
            ("repeated-word".to_string(), line_of("the the"), "the the".to_string()),
            ("punctuation-outside-quote".to_string(), line_of("patient&rdquo;."), "&rdquo;.".to_string()),
        ]
    );
    // Nothing from the head, the script or the <pre> block.
    assert!(!out.contains("not an article") && !out.contains("code is not prose"));
}

#[test]
fn config_turns_a_rule_off_and_switches_to_uk_punctuation() {
    let dir = scratch("uk");
    std::fs::copy(corpus("mech-punctuation-outside-quote.txt"), dir.join("story.txt")).expect("copy");
    let rules =
        |out: &str| diagnostics(out).iter().map(|d| d["rule"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    let (_, us) = run(&dir, &["check", "story.txt", "--format", "json"]);
    assert!(rules(&us).contains(&"punctuation-outside-quote".to_string()));
    std::fs::write(
        dir.join("onrecord.toml"),
        "[style]\npunctuation = \"uk\"\n[rules]\nmissing-attribution = \"off\"\n",
    )
    .expect("config");
    let (_, uk) = run(&dir, &["check", "story.txt", "--format", "json"]);
    let uk = rules(&uk);
    assert!(!uk.contains(&"punctuation-outside-quote".to_string()), "{uk:?}");
    assert!(!uk.contains(&"missing-attribution".to_string()), "{uk:?}");
}

#[test]
fn fix_on_a_corpus_article_gives_the_reviewed_file_and_then_nothing() {
    let dir = scratch("fix");
    for name in ["mech-punctuation-outside-quote.txt", "mech-repeated-word.txt", "mech-mixed-quote-marks.txt"] {
        std::fs::copy(corpus(name), dir.join(name)).expect("copy");
        run(&dir, &["check", name, "--fix"]);
        let fixed = std::fs::read_to_string(dir.join(name)).expect("fixed");
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(format!("fixed-{name}"), fixed);
        });
        run(&dir, &["check", name, "--fix"]);
        assert_eq!(
            std::fs::read_to_string(dir.join(name)).expect("again"),
            fixed,
            "{name}: second --fix changed the file"
        );
    }
}
