//! README's rule table is generated from the rule registry: this test rebuilds it and fails
//! when README.md differs, printing the table to paste between the markers.

use std::path::Path;

const START: &str = "<!-- rules:start -->";
const END: &str = "<!-- rules:end -->";

/// The rule table as README shows it: id, group, default severity, whether it offers safe
/// fixes, and the first line of its doc.
fn rule_table() -> String {
    let mut table =
        String::from("| Rule | Group | Default severity | Safe fix | What it flags |\n|---|---|---|---|---|\n");
    // README's table lists the checks of article text; `unused-suppression`, a check of
    // suppression comments, is in docs/rules.md and `onrecord rules` only.
    let rules = onrecord::rules::registry().iter().filter(|r| r.id() != onrecord::rules::RuleId::UnusedSuppression);
    for rule in rules {
        let fix = if rule.fixable() { "yes" } else { "no" };
        let summary = onrecord::rules::summary(*rule).trim().replace('|', "\\|");
        table.push_str(&format!(
            "| `{}` | {} | {} | {fix} | {summary} |\n",
            rule.id(),
            rule.group().as_str(),
            rule.severity().as_str()
        ));
    }
    table
}

#[test]
fn readme_rule_table_is_up_to_date() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README.md");
    let start = readme.find(START).unwrap_or_else(|| panic!("README.md has a {START} marker"));
    let end = readme.find(END).unwrap_or_else(|| panic!("README.md has a {END} marker"));
    assert!(start < end, "{START} comes before {END}");
    let current = readme[start + START.len()..end].trim();
    let expected = rule_table();
    assert!(
        current == expected.trim(),
        "README.md's rule table is out of date; paste this between {START} and {END}:\n\n{expected}"
    );
}

#[test]
fn readme_lists_every_command() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README.md");
    for command in ["check", "quotes", "entities", "sources", "rules", "explain"] {
        assert!(readme.contains(&format!("onrecord {command}")), "README.md shows `onrecord {command}`");
    }
}

#[test]
fn readme_quotes_example_is_what_the_command_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let marker = "For example, `onrecord quotes corpus/src-relayed-quote.txt`";
    let at = readme.find(marker).expect("README shows a quotes example");
    let block = &readme[at..];
    let start = block.find("```text\n").expect("an example block") + "```text\n".len();
    let example = &block[start..start + block[start..].find("```").expect("the block ends")];
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(["quotes", "corpus/src-relayed-quote.txt"])
        .current_dir(root)
        .output()
        .expect("onrecord runs");
    let printed = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(printed.starts_with(example), "README's quotes example is out of date; the command prints:\n{printed}");
}
