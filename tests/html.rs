//! HTML input: every text of the page body is checked, wherever it sits, except code,
//! scripts and the page's chrome.

mod common;
use common::onrecord;

const PARAGRAPH: &str =
    "The council approved the the budget. “We are ready,” the mayor said. Residents called it \"overdue\".";

fn rules(html: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), html).unwrap();
    let (code, out, err) = onrecord(dir.path(), &["check", "a.html", "--format", "json", "--fail-on", "never"], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut rules: Vec<String> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    rules.sort();
    rules
}

#[test]
fn text_in_any_container_of_the_body_is_checked() {
    let in_p = rules(&format!("<html><body><p>{PARAGRAPH}</p></body></html>"));
    assert!(in_p.contains(&"repeated-word".to_string()) && in_p.contains(&"mixed-quote-marks".to_string()), "{in_p:?}");
    for wrap in [
        "<div>{}</div>",
        "<section>{}</section>",
        "<main>{}</main>",
        "<span>{}</span>",
        "{}",
        "<article><div class=\"body\">{}</div></article>",
    ] {
        let html = format!("<html><body>{}</body></html>", wrap.replace("{}", PARAGRAPH));
        assert_eq!(rules(&html), in_p, "{wrap}");
    }
}

#[test]
fn divs_are_blocks_and_inline_elements_are_not() {
    // Two divs are two paragraphs: a quote does not run from one into the other.
    let html =
        "<body><div>“We are ready,” the mayor said.</div><div>The <em>council</em> approved the budget.</div></body>";
    assert_eq!(rules(html), Vec::<String>::new());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), html).unwrap();
    let (_, out, _) = onrecord(dir.path(), &["quotes", "a.html", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["quotes"][0]["speaker"], "the mayor", "{out}");
    assert_eq!(v["quotes"][0]["end"], 30, "the quote ends in the first div: {out}");
}

#[test]
fn chrome_scripts_and_code_are_not_prose() {
    for wrap in [
        "<nav>{}</nav>",
        "<aside>{}</aside>",
        "<header>{}</header>",
        "<footer>{}</footer>",
        "<script>{}</script>",
        "<template>{}</template>",
        "<pre>{}</pre>",
        "<p><code>{}</code></p>",
    ] {
        let html = format!("<html><body>{}<p>Quiet text.</p></body></html>", wrap.replace("{}", PARAGRAPH));
        assert_eq!(rules(&html), Vec::<String>::new(), "{wrap}");
    }
    // An article's own header holds its headline and is read.
    let html = format!("<body><article><header><h1>Budget passes</h1></header><div>{PARAGRAPH}</div></article></body>");
    assert!(rules(&html).contains(&"repeated-word".to_string()));
}
