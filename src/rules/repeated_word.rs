use super::{Applicability, Context, Diagnostic, Edit, Fix, Rule, RuleId, Severity};
use crate::analysis::Analysis;
use crate::document::Span;

declare_rule! {
    /// The same word twice in a row.
    ///
    /// ## What it does
    /// Flags a word repeated with only white space between, including across a line break
    /// ("the the", "to\nto"). Doubles English uses on purpose ("had had", "that that",
    /// "bye bye") and numbers are not flagged; nor are names ("Boutros Boutros-Ghali").
    ///
    /// ## Why is this bad?
    /// The eye skips the second word, especially across a line break, so doubled words survive
    /// several reads and end up in print.
    ///
    /// ## Example
    ///     The council approved the the budget.
    ///
    /// ## Use instead
    ///     The council approved the budget.
    ///
    /// The fix deletes the second word, except inside a quote, where the speaker's words are
    /// changed only by hand.
    pub struct RepeatedWord;
}

/// Words English doubles on purpose: "had had", "that that", "bye bye".
const DOUBLES: &[&str] = &[
    "had", "that", "bye", "is", "no", "very", "so", "far", "long", "many", "more", "really", "ha", "knock", "yes",
    "now", "tut", "go", "boo", "there", "do", "well", "chop", "pom", "dum", "night", "cha", "ma", "pa", "twenty",
    "blah", "bla", "hush", "aye", "can", "yada", "again", "ho", "wow", "please", "never", "round", "one", "over",
    "little", "quick", "come", "fast", "slowly", "higher", "louder", "faster", "closer", "hip", "xo",
];

impl Rule for RepeatedWord {
    fn id(&self) -> RuleId {
        RuleId::RepeatedWord
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn fixable(&self) -> bool {
        true
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (bi, block) in a.doc.blocks.iter().enumerate() {
            // `segment::words` of the block, from its kept tokens, read as spans: a word's
            // text is sliced only when it matches the word before it. (The kept tokens are
            // walked as a slice, with no dispatch per token on where they come from.)
            let mut tokens = a.words_in(bi, block.span);
            match tokens.kept() {
                Some(kept) => {
                    self.block(a, kept.iter().map(|&[start, end]| Span::new(start as usize, end as usize)), &mut out)
                }
                None => self.block(a, std::iter::from_fn(|| tokens.next_span()), &mut out),
            }
        }
        out
    }
}

impl RepeatedWord {
    /// The findings of one block, whose tokens' spans are `spans`.
    fn block(&self, a: &Analysis, spans: impl Iterator<Item = Span>, out: &mut Vec<Diagnostic>) {
        let prose = a.doc.prose();
        let bytes = prose.as_bytes();
        let mut prev: Option<Span> = None;
        // The finding of the last repeat, and its second word.
        let mut chain: Option<(usize, Span)> = None;
        for span in spans {
            let Some(&first) = bytes.get(span.start).filter(|_| span.start < span.end) else { continue };
            let word = if first < 0x80 {
                first.is_ascii_alphanumeric()
            } else {
                prose[span.start..].chars().next().is_some_and(crate::document::is_alphanumeric)
            };
            if !word {
                continue;
            }
            if let Some(pspan) = prev {
                // The word comparison first: it rules out almost every pair, most by
                // their lengths or first bytes (bytes that differ by more than the case
                // bit are different letters or no letters).
                let same = pspan.end - pspan.start == span.end - span.start
                    && bytes[pspan.start] | 0x20 == first | 0x20
                    && bytes[pspan.start..pspan.end].eq_ignore_ascii_case(&bytes[span.start..span.end]);
                if !same {
                    prev = Some(span);
                    continue;
                }
                let w = a.doc.text(span);
                let gap = &prose[pspan.end..span.start];
                // ("the<!-- x -->the", "the<em>the</em>": markup between words with no
                // space beside it glues them into one word on the page; "the&nbsp;the"
                // is spaced.)
                let source_gap = &a.doc.source.as_bytes()[pspan.end..span.start];
                let spaced = source_gap.first().is_some_and(u8::is_ascii_whitespace)
                    || source_gap.last().is_some_and(u8::is_ascii_whitespace)
                    || source_gap.first() == Some(&b'&')
                    || !source_gap.is_ascii();
                let repeated = gap.chars().all(char::is_whitespace)
                    && spaced
                    && !breaks_line(&a.doc.source[pspan.end..span.start])
                    && !w.chars().any(|c| c.is_ascii_digit())
                    && !DOUBLES.contains(&w.to_lowercase().as_str())
                    && !w.chars().next().is_some_and(char::is_uppercase);
                // "the the the": a third repeat widens the finding before it, whose fix
                // then keeps one word of the three (two fixes would overlap).
                if let Some(last) = repeated.then_some(()).and(chain.filter(|(_, second)| *second == pspan)) {
                    let d: &mut Diagnostic = &mut out[last.0];
                    d.span.end = span.end;
                    if let Some(fix) = d.fix.as_mut() {
                        let e = &mut fix.edits[0];
                        // (An edit that deleted the earlier word now deletes up to the
                        // last; one that deleted the later word, through the last.)
                        let end = if e.start == d.span.start { span.start } else { span.end };
                        if !a.doc.markup.is_verbatim(Span::new(e.start, end)) {
                            fix.applicability = Applicability::Unsafe;
                        }
                        e.end = end;
                    }
                    chain = Some((last.0, span));
                    prev = Some(span);
                    continue;
                }
                if repeated {
                    chain = Some((out.len(), span));
                    let in_quote = a.quote_at(span.start).is_some();
                    let fix = match deletion(a, pspan, span) {
                        Some(edit) if !in_quote => Fix { applicability: Applicability::Safe, edits: vec![edit] },
                        edit => Fix {
                            applicability: Applicability::Unsafe,
                            edits: vec![edit.unwrap_or(Edit {
                                start: pspan.end,
                                end: span.end,
                                replacement: String::new(),
                            })],
                        },
                    };
                    out.push(
                        Diagnostic::new(self, Span::new(pspan.start, span.end), format!("'{w}' repeated"))
                            .help("delete one of them")
                            .fix(fix),
                    );
                }
            }
            prev = Some(span);
        }
    }
}

/// Whether markup between two words ends a line or a block when rendered ("the<p>the",
/// "the<br>the"): the words are then not side by side.
fn breaks_line(gap: &str) -> bool {
    gap.match_indices('<').any(|(i, _)| {
        let name: String = gap[i + 1..]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        matches!(
            name.as_str(),
            "p" | "br"
                | "div"
                | "li"
                | "ul"
                | "ol"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "tr"
                | "td"
                | "th"
                | "blockquote"
                | "hr"
                | "table"
                | "section"
                | "article"
                | "figure"
                | "figcaption"
                | "pre"
        )
    })
}

/// The deletion that removes one of two repeated words and nothing but words and white
/// space: the gap and the second word; or, where markup lies between them (a link, a
/// comment, emphasis), the first word with the white space after it, or the second with
/// the white space before it, whichever leaves no element emptied. None when every choice
/// would touch markup.
fn deletion(a: &Analysis, first: Span, second: Span) -> Option<Edit> {
    let markup = &a.doc.markup;
    let prose = a.doc.prose().as_bytes();
    let gap = Span::new(first.end, second.end);
    if markup.is_verbatim(gap) {
        return Some(Edit { start: gap.start, end: gap.end, replacement: String::new() });
    }
    let mut after = first.end;
    while after < second.start && prose[after].is_ascii_whitespace() && markup.is_verbatim(Span::new(after, after + 1))
    {
        after += 1;
    }
    let mut before = second.start;
    while before > first.end
        && prose[before - 1].is_ascii_whitespace()
        && markup.is_verbatim(Span::new(before - 1, before))
    {
        before -= 1;
    }
    // A word alone between two pieces of markup is an element's whole text: deleting it
    // would leave the element empty.
    let alone = |s: Span| {
        !markup.is_verbatim(Span::new(s.start.saturating_sub(1), s.start))
            && s.end < prose.len()
            && !markup.is_verbatim(Span::new(s.end, s.end + 1))
    };
    [Span::new(first.start, after), Span::new(before, second.end)]
        .into_iter()
        .find(|s| markup.is_verbatim(*s) && !alone(*s))
        .map(|s| Edit { start: s.start, end: s.end, replacement: String::new() })
}

#[cfg(test)]
mod tests {
    use super::RepeatedWord as R;
    use crate::rules::testing::*;

    #[test]
    fn a_word_tripled_is_one_finding_whose_fix_keeps_one() {
        let text = "The guild fired the the the kiln.";
        assert_count(&R, text, 1);
        assert_flags(&R, text, "the the the");
        assert_fix(&R, text, "The guild fired the kiln.");
        // across a soft line break in Markdown, as one paragraph
        let md = "the the \nthe kiln";
        let found = diagnostics_as(&R, md, crate::document::Format::Markdown);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn a_word_doubled_is_flagged_and_fixed() {
        assert_flags(&R, "The council approved the the budget.", "the the");
        assert_fix(&R, "The council approved the the budget.", "The council approved the budget.");
    }

    #[test]
    fn a_word_doubled_across_a_line_break() {
        assert_count(&R, "They agreed to\nto meet again.", 1);
    }

    #[test]
    fn doubles_english_uses_on_purpose_are_not_flagged() {
        // near miss
        assert_count(&R, "What she had had was enough; he said that that was fine. Bye bye.", 0);
    }

    #[test]
    fn numbers_and_names_doubled_are_not_flagged() {
        // near miss
        assert_count(&R, "He paid 20 20 times. Boutros Boutros-Ghali spoke.", 0);
    }

    #[test]
    fn a_word_repeated_across_a_line_or_block_tag_is_not_flagged() {
        let md = |text: &str| diagnostics_as(&R, text, crate::document::Format::Markdown).len();
        assert_eq!(md("The ferry left the<br>the wharf at noon."), 0);
        assert_eq!(md("The ferry left the<p>the wharf at noon."), 0);
        // near miss: an inline tag leaves the words side by side
        assert_eq!(md("The ferry left the <em>the</em> wharf at noon."), 1);
    }

    #[test]
    fn markup_that_glues_two_words_is_no_space_between_them() {
        let md = |text: &str| diagnostics_as(&R, text, crate::document::Format::Markdown).len();
        let html = |text: &str| diagnostics_as(&R, text, crate::document::Format::Html).len();
        // "the<!-- … -->the" reads "thethe" on the page: not two words.
        assert_eq!(md("The ferry left the<!-- note -->the wharf at noon."), 0);
        assert_eq!(html("<p>The ferry left the<em>the</em> wharf at noon.</p>"), 0);
        // near misses: a space beside the markup, or a no-break space, keeps them two words
        assert_eq!(md("The ferry left the <!-- note -->the wharf at noon."), 1);
        assert_eq!(html("<p>The ferry left the&nbsp;the wharf at noon.</p>"), 1);
    }

    #[test]
    fn a_word_repeated_across_punctuation_is_not_flagged() {
        // near miss
        assert_count(&R, "The council, the mayor said, approved it.", 0);
    }
}
