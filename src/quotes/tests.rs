use super::*;
use crate::document::{Document, Format};
use std::path::Path;

fn texts(src: &str) -> Vec<String> {
    let doc = Document::parse(Path::new("t.txt"), src.to_string(), Format::Text);
    find(&doc).quotes.iter().map(|q| q.text(&doc)).collect()
}

fn unbalanced(src: &str) -> usize {
    let doc = Document::parse(Path::new("t.txt"), src.to_string(), Format::Text);
    find(&doc).unbalanced.len()
}

#[test]
fn curly_and_straight() {
    assert_eq!(texts("“We won,” Ruiz said. \"It was close,\" she added."), vec!["We won,", "It was close,"]);
}

#[test]
fn ascii_archive_marks() {
    assert_eq!(texts("``We won,'' Ruiz said."), vec!["We won,"]);
}

#[test]
fn nested_and_apostrophes() {
    let src = "“They called it ‘the Joneses’ tax’ in the ’90s, rock ’n’ roll and Japan’s o’clock,” Park said.";
    assert_eq!(texts(src).len(), 1);
    let doc = Document::parse(Path::new("t.txt"), src.to_string(), Format::Text);
    let q = &find(&doc).quotes[0];
    assert_eq!(q.nested.len(), 1);
    assert_eq!(unbalanced(src), 0);
}

#[test]
fn straight_nested() {
    let src = "\"He said 'no' to the '90s revival,\" Ortega said.";
    assert_eq!(texts(src), vec!["He said 'no' to the '90s revival,"]);
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let src =
        "“We will rebuild the bridge,” the mayor said. “It will take a year.\n\n“Then the road.”\n\nNext paragraph.";
    let t = texts(src);
    assert_eq!(t, vec!["We will rebuild the bridge,", "It will take a year. Then the road."]);
    assert_eq!(unbalanced(src), 0);
}

#[test]
fn british_multi_paragraph_quote_is_one_quote() {
    let src = "‘People bring me problems,’ he says. ‘They bring me stories. There was a Seeburg.\n\n\
               ‘You can’t buy that.’\n\nThe shop opened in 1990. ‘It was hard,’ he said.";
    let t = texts(src);
    assert_eq!(
        t,
        vec![
            "People bring me problems,",
            "They bring me stories. There was a Seeburg. You can’t buy that.",
            "It was hard,"
        ]
    );
    assert_eq!(unbalanced(src), 0);
}

#[test]
fn unbalanced_marks_are_kept() {
    assert_eq!(unbalanced("The mayor said “we will rebuild.\n\nNothing else."), 1);
    assert_eq!(unbalanced("The mayor said we will rebuild.” Nothing else."), 1);
    assert_eq!(unbalanced("Quotes “one” and \"two\" balance."), 0);
}

#[test]
fn top_level_single_quotes() {
    assert_eq!(texts("Talks ‘over’, says envoy"), vec!["over"]);
}

#[test]
fn pathological_input_does_not_panic() {
    for src in ["“”“”\"\"''``", "'''''\"\"\"“", "‘’‘’‘’’’’", "\"", "“", "a\"b\"c\"d", "“\n\n“\n\n“"]
    {
        let _ = texts(src);
    }
}

#[test]
fn british_single_quotes_with_nested_doubles() {
    let src = "‘We will not move,’ she said. ‘We haven’t had a break since the “difficult choices” began. It’s the nurses’ turn.’\n\n‘Enough,’ said Ana Ruiz.";
    assert_eq!(
        texts(src),
        vec![
            "We will not move,",
            "We haven’t had a break since the “difficult choices” began. It’s the nurses’ turn.",
            "Enough,"
        ]
    );
    assert_eq!(unbalanced(src), 0);
}

#[test]
fn unclosed_quote_ends_where_its_attribution_starts() {
    // The closing mark after "came," is missing: the next straight mark opens a quote.
    let src = "\"The lights went out before the rain came, said Tomasz Wielgosz, 58, who runs the bakery. \"Then the roof went.\"";
    assert_eq!(texts(src), vec!["The lights went out before the rain came,", "Then the roof went."]);
    assert_eq!(unbalanced(src), 1);
    let doc = Document::parse(Path::new("t.txt"), src.to_string(), Format::Text);
    let found = find(&doc);
    assert!(found.unbalanced[0].opening && found.unbalanced[0].mark.span.start == 0);
    // The same with curly marks, and with the name before the verb.
    let src = "“The lights went out first, Wielgosz said on Monday. “Then the roof went.”";
    assert_eq!(texts(src), vec!["The lights went out first,", "Then the roof went."]);
    // A quote that reports speech inside correctly closed marks is left alone.
    let src = "\"When I called, Okafor said he was busy,\" she said. \"So I waited.\"";
    assert_eq!(texts(src), vec!["When I called, Okafor said he was busy,", "So I waited."]);
    assert_eq!(unbalanced(src), 0);
}

#[test]
fn feet_and_inches_are_not_quotation_marks() {
    assert_eq!(unbalanced("The 6’2” forward scored twice, the coach said."), 0);
    assert_eq!(unbalanced("He is 5'11\" tall and fast, the scout said."), 0);
    // A quote that ends after a number still closes.
    assert_eq!(unbalanced("“We won 2-1,” she said. “It was 90.”"), 0);
}

/// Straight marks around a pasted excerpt, in an article that quotes in curly marks.
fn curly_article(excerpt: &str) -> String {
    format!(
        "“We are ready,” Ruiz said.\n\n“It took a year,” Greer said.\n\nThe council wrote in its report:\n\n{excerpt}\n\n“Not yet,” Varga said."
    )
}

#[test]
fn straight_marks_wrapping_an_excerpt_are_neither_quotes_nor_strays() {
    // One straight mark opens each paragraph of the excerpt and one closes its last.
    let src = curly_article("\"The board met twice.\n\n\"“We need a plan,” the chair said. The vote was 5-2.\"");
    assert_eq!(texts(&src), vec!["We are ready,", "It took a year,", "We need a plan,", "Not yet,"]);
    assert_eq!(unbalanced(&src), 0);
    // An excerpt never closed, whose next paragraph opens on a curly quote.
    let src = "“We are ready,” Ruiz said.\n\n“It took a year,” Greer said.\n\n\"The board met twice.\n\n“We need a plan,” the chair said.";
    assert_eq!(texts(src), vec!["We are ready,", "It took a year,", "We need a plan,"]);
    assert_eq!(unbalanced(src), 0);
    // One paragraph wrapped around curly quotes.
    let src =
        "“We are ready,” Ruiz said.\n\n“It took a year,” Greer said.\n\n\"The chair said “no” and “never” to it.\"";
    assert_eq!(texts(src), vec!["We are ready,", "It took a year,", "no", "never"]);
    assert_eq!(unbalanced(src), 0);
}

#[test]
fn straight_quotes_that_are_not_excerpt_wrappers_stay_quotes() {
    // near miss: a straight quote with its attribution, in a curly article
    let src = curly_article("\"We will appeal,\" Greer said.");
    assert!(texts(&src).contains(&"We will appeal,".to_string()));
    // near miss: a straight mark closed by a curly one is a mixed pair, not a wrapper
    let src = curly_article("\"We will appeal,” Greer said. “Soon.\"");
    assert!(texts(&src).contains(&"We will appeal,".to_string()));
    // near miss: a paragraph a colon introduces that reads a question out is one quote
    let src = "“We are ready,” Ruiz said.\n\n“It took a year,” Greer said.\n\nGreer went on:\n\n\"The poll asked “Do you trust the board?” and most said no.\"";
    assert_eq!(texts(src).last().unwrap(), "The poll asked “Do you trust the board?” and most said no.");
    // near miss: an article in straight marks keeps every one of them
    let src = "\"We are ready,\" Ruiz said.\n\n\"It took a year,\" Greer said.\n\n\"The chair said “no” to it.\"";
    assert_eq!(texts(src).last().unwrap(), "The chair said “no” to it.");
    // near miss: a straight mark never closed, with no excerpt after it, is still a stray
    let src = "“We are ready,” Ruiz said.\n\n“It took a year,” Greer said.\n\n\"We will appeal, Greer said.\n\nThe hearing is in May.";
    assert_eq!(unbalanced(src), 1);
}

/// [`super::tag_open_at_end`] against its reading line by line (the last line, then its
/// last `<` and `>`), at the end of every prefix of texts with tags, attributes and lines.
#[test]
fn tag_open_at_end_is_the_line_reading() {
    fn by_lines(near: &str) -> bool {
        let line = &near[near.rfind('\n').map_or(0, |i| i + 1)..];
        match (line.rfind('<'), line.rfind('>')) {
            (Some(open), close) if close.is_none_or(|c| c < open) => {
                line[open + 1..].starts_with(|c: char| c.is_ascii_alphabetic()) && line[open..].contains('=')
            }
            _ => false,
        }
    }
    let texts = [
        "<a href=\"x\">link</a> “quoted” <img alt=”a” src='b'> text\n<p class=\"c\">“x”</p>\n< b = “c” \n<1 =\"\">",
        "no tags = “here” > there < and\n>“ <x\n=” <é =",
    ];
    for text in texts {
        for (i, _) in text.char_indices() {
            assert_eq!(super::tag_open_at_end(&text[..i]), by_lines(&text[..i]), "{:?}", &text[..i]);
        }
    }
}
