use super::{Context, Diagnostic, Rule, RuleId, Severity};
use crate::analysis::Analysis;
use crate::document::Span;
use crate::quotes::{Mark, MAX_MARKS};

declare_rule! {
    /// An opening or closing quotation mark with no partner.
    ///
    /// ## What it does
    /// Flags an opening mark that is never closed in its paragraph (and not re-opened in the
    /// next, which is how a quote runs over several paragraphs), and a closing mark with no
    /// opening mark before it.
    ///
    /// ## Why is this bad?
    /// Readers cannot tell where the speaker's words end and the reporter's begin; AP and
    /// Reuters style close every quote, and leave a paragraph open only when the quote
    /// continues in the next one, which then opens again.
    ///
    /// ## Example
    ///     The mayor said “we will rebuild the bridge by spring.
    ///     Work starts on Monday.
    ///
    /// ## Use instead
    ///     The mayor said “we will rebuild the bridge by spring.”
    ///     Work starts on Monday.
    pub struct UnbalancedQuote;
}

impl Rule for UnbalancedQuote {
    fn id(&self) -> RuleId {
        RuleId::UnbalancedQuote
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let stopped = a.quotes.stopped_at.map(|at| {
            let span = Span::new(at, at + a.doc.source[at..].chars().next().map_or(0, char::len_utf8));
            Diagnostic::new(
                self,
                span,
                format!("the rest of the file was not checked: it holds more than {MAX_MARKS} quotation marks"),
            )
            .help("a file with this many marks is not an article: check what it holds, or split it")
        });
        // Straight marks that open one paragraph of curly quotes and close the same or a
        // later one, unpaired by the quote stage: an excerpt's wrapper, in pairs. A lone
        // one is a stray mark and is reported.
        let mut wrapped = std::collections::HashSet::new();
        let mut open: Option<usize> = None;
        for u in a.quotes.unbalanced.iter().filter(|u| u.mark.mark == Mark::Straight) {
            if !wrapper(a, u.mark.span, u.opening) {
                continue;
            }
            match (u.opening, open) {
                (true, _) => open = Some(u.mark.span.start),
                (false, Some(o)) => {
                    wrapped.insert(o);
                    wrapped.insert(u.mark.span.start);
                    open = None;
                }
                (false, None) => {}
            }
        }
        a.quotes
            .unbalanced
            .iter()
            // An excerpt paragraph in straight marks after "The report notes:" whose
            // closing mark a text export dropped, as it drops the block quote around it.
            .filter(|u| !(u.opening && excerpt_opening(a, u.mark.span.start) && u.mark.mark == Mark::Straight))
            // Straight marks wrapped around a paragraph of curly quotes: the block quote
            // of an excerpt as a text export writes it, not a mark the writer left open.
            .filter(|u| !wrapped.contains(&u.mark.span.start))
            // Marks in HTML markup left in plain text ("<a href=”…”>"): not quotation marks.
            .filter(|u| !crate::quotes::in_markup(a.doc.prose(), u.mark.span))
            .map(|u| {
                let mark = a.doc.text(u.mark.span).trim(); // an HTML entity is a mark padded with spaces in the prose
                if u.opening {
                    Diagnostic::new(self, u.mark.span, format!("opening {mark} is never closed"))
                        .help("close the quote where the speaker's words end; a quote that runs into the next paragraph leaves this one open and opens the next with a mark")
                } else {
                    Diagnostic::new(self, u.mark.span, format!("closing {mark} has no opening mark"))
                        .help("add the opening mark where the quoted words start, or remove this one")
                }
            })
            .chain(a.quotes.nested_doubles.iter().filter(|span| !inside_wrapper(a, **span)).map(|&span| {
                Diagnostic::new(self, span, "a quote inside a quote in double marks")
                    .help("inside double marks, the inner quote takes single marks: “He said ‘no’ to me”")
            }))
            .chain(stopped)
            .collect()
    }
}

/// Whether a straight mark opens its paragraph (or closes it after the last sentence) and
/// the paragraph holds curly double marks: the wrapper of an exported excerpt.
fn wrapper(a: &Analysis, mark: Span, opening: bool) -> bool {
    let Some(b) = a.doc.block_at(mark.start) else { return false };
    let block = a.doc.blocks[b].span;
    let text = a.doc.text(block);
    if !text.contains('“') && !text.contains('”') {
        return false;
    }
    let prose = a.doc.prose();
    if opening {
        prose[block.start..mark.start].trim().is_empty()
    } else {
        prose[mark.end..block.end].trim().is_empty()
            && prose[block.start..mark.start].trim_end().ends_with(['.', '?', '!', '”'])
    }
}

/// A quote nested in double marks whose paragraph a straight wrapper opens.
fn inside_wrapper(a: &Analysis, span: Span) -> bool {
    let Some(b) = a.doc.block_at(span.start) else { return false };
    let text = a.doc.text(a.doc.blocks[b].span).trim_start();
    text.starts_with('"') && a.doc.text(span).starts_with('“')
}

/// Whether a mark opens its paragraph right after a paragraph that ends with a colon.
fn excerpt_opening(a: &Analysis, at: usize) -> bool {
    let Some(b) = a.doc.block_at(at) else { return false };
    b > 0 && a.doc.blocks[b].span.start == at && a.doc.text(a.doc.blocks[b - 1].span).trim_end().ends_with(':')
}

#[cfg(test)]
mod tests {
    use super::UnbalancedQuote as R;
    use crate::rules::testing::*;

    #[test]
    fn an_opening_mark_never_closed() {
        assert_count(&R, "The mayor said “we will rebuild.\n\nWork starts Monday.", 1);
    }

    #[test]
    fn a_closing_mark_never_opened() {
        assert_count(&R, "We will rebuild,” the mayor said.", 1);
        assert_flags(&R, "We will rebuild,” the mayor said.", "”");
    }

    #[test]
    fn a_closed_quote_is_balanced() {
        // near miss
        assert_count(&R, "“We will rebuild,” the mayor said.", 0);
    }

    #[test]
    fn a_quote_running_on_across_paragraphs_is_balanced() {
        // near miss: no closing mark at the end of a paragraph the next one continues
        assert_count(&R, "“We will rebuild,” the mayor said. “It takes a year.\n\n“Then the road.”", 0);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        // near misses
        assert_count(&R, "“It is the Joneses’ turn in the ’90s,” Park said.", 0);
        assert_count(&R, "Rock ’n’ roll at eight o’clock, Japan’s fans said.", 0);
    }

    #[test]
    fn an_exported_excerpt_after_a_colon_is_not_an_unclosed_quote() {
        // A text export keeps the opening mark of a block quote and drops the rest.
        assert_count(&R, "The report notes:\n\n\"Spending rose in every district.\n\nThe council meets Monday.", 0);
        // the same mark without the colon lead-in is reported, as is a curly one
        assert_count(&R, "The report notes.\n\n\"Spending rose in every district.\n\nThe council meets Monday.", 1);
        assert_count(&R, "The report notes:\n\n“Spending rose in every district.\n\nThe council meets Monday.", 1);
    }

    #[test]
    fn the_straight_wrapper_of_an_excerpt_is_not_an_unclosed_quote() {
        let text = "Ruiz said the port would reopen.\n\n\"“We will rebuild,” the mayor said. “It takes a year.”\n\n“Then the road,” she said.\"";
        assert_count(&R, text, 0);
        // a straight mark left open inside a paragraph is still one, and so is a lone
        // straight mark opening a paragraph
        assert_count(
            &R,
            "Ruiz said the port would reopen.\n\nThe mayor said \"we will rebuild. “It takes a year,” she said.",
            1,
        );
        assert_count(
            &R,
            "Ruiz said the port would reopen.\n\n\"The mayor laughed, “Only once.” Then she left.\n\nThe end.",
            1,
        );
    }

    #[test]
    fn marks_in_markup_left_in_plain_text_are_not_quotes() {
        let text = "“We are here,” she said.\n\n[<a href=”https://example.com/a” target=”_blank”>The rally</a>]";
        assert_count(&R, text, 0);
    }

    #[test]
    fn a_quote_nested_in_double_marks_is_named_as_such() {
        let text = "“He told me “no” on Monday,” Ana Ruiz said.";
        let found = diagnostics(&R, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, "a quote inside a quote in double marks");
        assert_eq!(&text[found[0].span.start..found[0].span.end], "“no”");
        // single inner marks are right
        assert_count(&R, "“He told me ‘no’ on Monday,” Ana Ruiz said.", 0);
    }

    #[test]
    fn a_file_of_more_marks_than_are_read_says_where_reading_stopped() {
        let text = "“a” ".repeat(crate::quotes::MAX_MARKS / 2 + 5);
        let found = diagnostics(&R, &text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("not checked"), "{}", found[0].message);
        assert_eq!(found[0].span.start, "“a” ".len() * (crate::quotes::MAX_MARKS / 2));
    }

    #[test]
    fn an_html_entity_is_named_by_its_mark() {
        let found = diagnostics_as(
            &R,
            "<p>Dr. Ana Ruiz said. &ldquo;Some were trapped for hours, she said.</p>",
            crate::document::Format::Html,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, "opening “ is never closed");
    }
}
