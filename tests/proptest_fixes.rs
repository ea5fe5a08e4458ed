//! `--fix` changes only the article's words: over generated HTML and Markdown full of
//! markup (tags, links, emphasis, comments, code, character references, escapes) and of
//! planted fixable problems (doubled words across markup, punctuation outside closing
//! marks written as references, straight marks among curly ones), applying every safe fix
//! to a fixed point leaves every piece of markup as it was, in order, and the article
//! parses into the same blocks.
//!
//! Cases default to 256; `PROPTEST_CASES=5000 cargo test --release --test proptest_fixes`
//! runs more.

use onrecord::config::Config;
use onrecord::confusables::Checker;
use onrecord::document::{Document, Format};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use std::path::Path;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

fn parse(text: &str, format: Format) -> Document {
    Document::parse(Path::new("prop"), text.to_string(), format)
}

fn fix(text: &str, format: Format) -> String {
    let config = Config::default();
    onrecord::fix::fix_all(text.to_string(), |t| {
        let (analysis, diagnostics) = onrecord::check(parse(t, format), &config, Checker::embedded());
        let diagnostics = onrecord::suppress::apply(&analysis.doc, diagnostics, &config);
        (analysis, diagnostics)
    })
    .source
}

/// The markup of a document as written, in order.
fn markup(doc: &Document) -> Vec<&str> {
    doc.markup_as_written().collect()
}

fn words() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "the",
        "council",
        "approved",
        "budget",
        "on",
        "Monday",
        "said",
        "Ana Ruiz",
        "the mayor",
        "plan",
        "to",
        "a",
        "and",
        "residents",
        "called",
        "it",
    ])
}

fn quoted() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["an insult", "overdue", "we are ready", "not now", "a red line"])
}

fn html_piece() -> impl Strategy<Value = String> {
    let marks = prop::sample::select(vec![
        ("&ldquo;", "&rdquo;"),
        ("&#8220;", "&#8221;"),
        ("&#x201C;", "&#x201D;"),
        ("&quot;", "&quot;"),
        ("“", "”"),
        ("\"", "\""),
    ]);
    prop_oneof![
        6 => words().prop_map(str::to_string),
        1 => words().prop_map(|w| format!("{w} {w}")),
        1 => words().prop_map(|w| format!("{w} <a href=\"https://example.com/{w}\">{w} report</a>")),
        1 => words().prop_map(|w| format!("{w} <!-- desk: {w} -->{w}")),
        1 => words().prop_map(|w| format!("{w} <em>{w}</em>")),
        1 => words().prop_map(|w| format!("<strong>{w}</strong> {w}")),
        2 => (marks, quoted(), prop::sample::select(vec![".", ",", "", "?"]))
            .prop_map(|((o, c), q, p)| format!("{o}{q}{c}{p}")),
        1 => prop::sample::select(vec!["&amp;", "&eacute;", "&nbsp;", "&mdash;", "<br>", "<code>the the</code>", "<span>", "</span>", "R&amp;D"])
            .prop_map(str::to_string),
    ]
}

fn html() -> impl Strategy<Value = String> {
    let block = (
        prop::sample::select(vec!["p", "div", "li", "blockquote", "section", "h2", "td"]),
        prop::collection::vec(html_piece(), 1..14),
    )
        .prop_map(|(tag, pieces)| format!("<{tag}>{}.</{tag}>\n", pieces.join(" ")));
    prop::collection::vec(block, 1..6).prop_map(|b| format!("<html><body>\n{}</body></html>\n", b.concat()))
}

fn markdown_piece() -> impl Strategy<Value = String> {
    let marks = prop::sample::select(vec![("&ldquo;", "&rdquo;"), ("“", "”"), ("\"", "\"")]);
    prop_oneof![
        6 => words().prop_map(str::to_string),
        1 => words().prop_map(|w| format!("{w} {w}")),
        1 => words().prop_map(|w| format!("{w} [{w} report](https://example.com/{w})")),
        1 => words().prop_map(|w| format!("{w} <!-- desk -->{w}")),
        1 => words().prop_map(|w| format!("{w} *{w}*")),
        1 => words().prop_map(|w| format!("**{w}** {w}")),
        1 => words().prop_map(|w| format!("{w} `{w}` {w}")),
        2 => (marks, quoted(), prop::sample::select(vec![".", ",", ""])).prop_map(|((o, c), q, p)| format!("{o}{q}{c}{p}")),
        1 => prop::sample::select(vec!["&amp;", "&eacute;", "\\*", "Jos&eacute;", "_x_"]).prop_map(str::to_string),
    ]
}

fn markdown() -> impl Strategy<Value = String> {
    let block = (prop::sample::select(vec!["", "## ", "- ", "> "]), prop::collection::vec(markdown_piece(), 1..14))
        .prop_map(|(lead, pieces)| format!("{lead}{}.\n\n", pieces.join(" ")));
    prop::collection::vec(block, 1..6).prop_map(|b| b.concat())
}

fn check(text: &str, format: Format) -> Result<(), TestCaseError> {
    let fixed = fix(text, format);
    let (before, after) = (parse(text, format), parse(&fixed, format));
    prop_assert_eq!(markup(&before), markup(&after), "markup changed:\n{}\n→\n{}", text, fixed);
    let kinds = |d: &Document| d.blocks.iter().map(|b| b.kind).collect::<Vec<_>>();
    prop_assert_eq!(kinds(&before), kinds(&after), "blocks changed:\n{}\n→\n{}", text, fixed);
    // A fixed point: fixing again changes nothing.
    prop_assert_eq!(fix(&fixed, format), fixed.clone());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn fixes_of_html_change_only_words(text in html()) {
        check(&text, Format::Html)?;
    }

    #[test]
    fn fixes_of_markdown_change_only_words(text in markdown()) {
        check(&text, Format::Markdown)?;
    }
}

/// The generators do plant fixable problems behind markup: without that the property
/// would hold vacuously.
#[test]
fn the_generated_articles_are_fixed() {
    let html = "<p>See the <a href=\"https://example.com/the\">the report</a> on &ldquo;an insult&rdquo;.</p>";
    let fixed = fix(html, Format::Html);
    assert_eq!(fixed, "<p>See <a href=\"https://example.com/the\">the report</a> on &ldquo;an insult.&rdquo;</p>");
    let md = "Read the [the report](https://example.com) on “overdue”.\n";
    assert_eq!(fix(md, Format::Markdown), "Read [the report](https://example.com) on “overdue.”\n");
}
