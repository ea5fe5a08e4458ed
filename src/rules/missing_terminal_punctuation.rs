use super::{Context, Diagnostic, Fix, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::document::{BlockKind, Format, Span};

declare_rule! {
    /// A paragraph that ends without a period, question mark or exclamation mark.
    ///
    /// ## What it does
    /// Flags the end of a body paragraph whose last sentence has no terminal punctuation
    /// (closing quotes and brackets after the mark are fine). Headings are not paragraphs: in
    /// plain text a short single line without terminal punctuation is read as a heading.
    /// Datelines, credits in parentheses (alone or after a finished sentence, as a photo
    /// credit in a caption), paragraphs that end in a colon and the deck right under a
    /// headline marked up as one (Markdown, HTML) are not flagged.
    ///
    /// ## Why is this bad?
    /// A paragraph that stops mid-air is usually a cut that went wrong or a sentence that lost
    /// its end in an edit; in print it looks like a typo.
    ///
    /// ## Example
    ///     The deal was signed on Monday, said Ana Ruiz, a spokeswoman for the port
    ///
    /// ## Use instead
    ///     The deal was signed on Monday, said Ana Ruiz, a spokeswoman for the port.
    ///
    /// The suggested fix adds a period; it is not applied automatically, because the paragraph
    /// may have lost more than its period.
    pub struct MissingTerminalPunctuation;
}

impl Rule for MissingTerminalPunctuation {
    fn id(&self) -> RuleId {
        RuleId::MissingTerminalPunctuation
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn group(&self) -> RuleGroup {
        RuleGroup::Drafts
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        // The deck: the first paragraph, right under a headline marked up as one (Markdown,
        // HTML), a summary line that ends bare by design ("Crews expect to restore service
        // by Thursday"). In plain text the headline is a guess, and so would the deck be,
        // unless a byline ("By Ana Ruiz") follows it: the furniture around it shows it.
        let marked_up = a.doc.format != Format::Text;
        let byline_after = |i: usize| {
            a.doc.blocks.get(i + 1).is_some_and(|b| {
                let next = a.doc.text(b.span).trim();
                next.starts_with("By ") && next.split_whitespace().nth(8).is_none()
            })
        };
        let deck = a
            .doc
            .blocks
            .iter()
            .position(|b| b.kind == BlockKind::Paragraph)
            .filter(|&i| (marked_up || byline_after(i)) && i > 0 && a.doc.blocks[i - 1].kind == BlockKind::Heading);
        for (bi, block) in a.doc.blocks.iter().enumerate() {
            if block.kind != BlockKind::Paragraph {
                continue;
            }
            let whole = a.doc.text(block.span).trim_end();
            let text = whole;
            // A source tag or a photo credit after the last sentence ("… a massive clean.”
            // [CNN]", "… late Tuesday. (Ana Ruiz/The Ledger)"): the sentence before it is
            // what ends the paragraph.
            let tag = |open: char, close: char| {
                text.strip_suffix(close)
                    .and_then(|t| t.rfind(open).map(|i| &t[..i]))
                    .filter(|before| before.trim_end().ends_with(['.', '!', '?', '”', '"', '“']))
            };
            let text = match tag('[', ']').or_else(|| tag('(', ')')) {
                Some(before) => before.trim_end(),
                None => text,
            };
            // Closing marks (a “ set where ” belongs included), and the blanks an HTML
            // entity leaves beside its mark ("respond.&rdquo;").
            let body = text.trim_end_matches(|c: char| {
                matches!(c, '”' | '“' | '"' | '’' | '\'' | ')' | ']' | '»' | '*' | '_') || c.is_whitespace()
            });
            if body.ends_with(['.', '!', '?', '…', ':', ';']) {
                continue;
            }
            // Asked only of a paragraph that ends bare (most do not): each test is a skip.
            if exempt(whole) || Some(bi) == deck && whole.split_whitespace().nth(40).is_none() {
                continue;
            }
            // A credit line after a quote ("…” ― Ana Ruiz, mayor of Harbor City"), or one on
            // its own ("— Ana Ruiz, mayor"), ends bare by design.
            let credit = text.rfind(['―', '—', '–']).is_some_and(|i| {
                let (before, after) =
                    (text[..i].trim_end(), text[i..].trim_start_matches(['―', '—', '–']).trim_start());
                (before.is_empty() || before.ends_with(['”', '"']))
                    && after.starts_with(char::is_uppercase)
                    && after.split_whitespace().nth(20).is_none()
            });
            if credit {
                continue;
            }
            let end = block.span.start + text.len();
            let last_word = body
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(block.span.start, |(i, c)| block.span.start + i + c.len_utf8());
            let span = Span::new(last_word, end);
            out.push(
                Diagnostic::new(self, span, "paragraph ends without terminal punctuation")
                    .help("end the sentence with a period, or check whether words were cut")
                    .fix(Fix::unsafe_(Span::new(end, end), ".")),
            );
        }
        out
    }
}

/// Datelines, credits and other lines that legitimately end bare.
fn exempt(text: &str) -> bool {
    // A byline above its time stamp, one line each in one paragraph: each line ends bare.
    if text.contains('\n') {
        return text.lines().map(str::trim).filter(|l| !l.is_empty()).all(exempt);
    }
    // Whether the text has at most `n` words, asked after the cheaper tests of each
    // case, so a paragraph's words are counted only as far as needed.
    let at_most = |n: usize| text.split_whitespace().nth(n).is_none();
    if text.starts_with('(') && text.ends_with(')') || text.starts_with('[') && text.ends_with(']') {
        return true;
    }
    // A dateline on its own line: "ORAVA BAY, Kestria" or "LAGOS (Reuters) -".
    let first = text.split([',', ' ']).next().unwrap_or("");
    if first.len() > 1 && first.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && at_most(6) {
        return true;
    }
    // A byline: "By Wire staff", "By Ana Ruiz and Li Wen".
    if text.starts_with("By ")
        && text.split_whitespace().nth(1).is_some_and(|w| w.starts_with(char::is_uppercase))
        && at_most(8)
    {
        return true;
    }
    // A credit line under a quote or an embed: "— Ana Ruiz, mayor of Tarrow".
    if text.starts_with(['—', '–', '―']) && at_most(20) {
        return true;
    }
    // A labelled line: "Photo: Ana Ruiz/The Ledger", "Source: Census Bureau".
    let label = text.split_whitespace().next().unwrap_or("");
    let label = label.trim_start_matches(['*', '_']);
    if label.len() > 2
        && label.ends_with(':')
        && label.chars().next().is_some_and(char::is_uppercase)
        && label[..label.len() - 1].chars().all(char::is_alphabetic)
        && at_most(15)
    {
        return true;
    }
    // A citation or an embed's date: it ends with a year ("Marine Ecology (2025)",
    // "March 3, 2025").
    let tail = text.trim_end_matches(|c: char| !crate::document::is_alphanumeric(c));
    let year = tail.rsplit(|c: char| !c.is_ascii_digit()).next().unwrap_or("");
    if year.len() == 4 && (year.starts_with("19") || year.starts_with("20")) && tail.ends_with(year) {
        return true;
    }
    // An embedded post's credit: "Ana Ruiz (@anaruiz) · Sep 12".
    if text.contains("(@") && at_most(12) {
        return true;
    }
    // A time stamp: "Thu 13 Mar 2025 18.42 GMT", "Tuesday, March 3, 2025 9:40 am\n\nNext paragraph.": a year
    // among numbers and capitalised words (days, months, zones).
    let has_year =
        text.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    if has_year
        && at_most(8)
        && text.split_whitespace().all(|w| {
            let w = w.trim_end_matches([',', '.']);
            w.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()) || matches!(w, "am" | "pm" | "a.m" | "p.m")
        })
    {
        return true;
    }
    at_most(2)
}

#[cfg(test)]
mod tests {
    use super::MissingTerminalPunctuation as R;
    use crate::rules::testing::*;

    #[test]
    fn a_paragraph_ending_on_a_bare_word() {
        let text = "The deal was signed on Monday by the port authority and the union, officials said at the port\n\nNext paragraph.";
        assert_count(&R, text, 1);
        assert_flags(&R, text, "port");
    }

    #[test]
    fn a_paragraph_ending_on_a_closing_quote_mark_with_no_period() {
        assert_count(&R, "She called the deal “a disgrace”\n\nNext.", 1);
        assert_count(&R, "The vote is “a disgrace”\n\nNext.", 1);
    }

    #[test]
    fn a_credit_line_after_a_quote_ends_bare_by_design() {
        let roundup = "Reactions.\n\n“We will bid.” ― Ana Ruiz Jr., chief executive of Harbor Steel\n\n“It is a good day.”\n— Tomas Greer, mayor\n\n— Maria Varga, council member\n\nNext.";
        assert_count(&R, roundup, 0);
        // near miss: a dash inside a sentence that ends bare
        assert_count(&R, "The vote on the plan — held on Monday after a long debate in the chamber — went to the full council for a final reading\n\nNext.", 1);
    }

    #[test]
    fn a_headline_ends_bare() {
        // near miss
        assert_count(&R, "Talks stall in Geneva\n\nThe talks stalled on Monday.", 0);
    }

    #[test]
    fn a_long_first_line_in_headline_grammar_is_the_headline() {
        assert_count(
            &R,
            "Japan, Vietnam leaders agree to fast-track maritime pact in phone call, Tokyo says\n\nThe leaders spoke.",
            0,
        );
    }

    #[test]
    fn a_dateline_a_byline_and_a_photo_credit_end_bare() {
        // near misses
        assert_count(&R, "Tarrow (Wire)\n\nBy Wire staff\n\nThieves struck on Tuesday.", 0);
        assert_count(&R, "ORAVA BAY, Kestria\n\nThe storm hit on Monday.", 0);
        assert_count(&R, "(Photo: Ana Ruiz for the Ledger)\n\nThe storm hit.", 0);
    }

    #[test]
    fn a_time_stamp_and_an_embeds_credit_are_not_sentences() {
        // A byline with its time stamp on the next line, in one paragraph.
        let text = "Kiln levy passes after long night at the guild hall\n\nBy Dale Hune, crafts business correspondent\nWed 9 Apr 2025 07.15 BST\n\nThe Kestrel Potters Guild approved a levy on every firing on Tuesday, ending eight months of argument at the hall and clearing the way for a new kiln at the wharf.\n\nThe vote was 41 to 12.";
        assert_count(&R, text, 0);
        let html = "<article><h1>Kiln levy</h1><p>The guild voted.</p><blockquote><p>We did it.</p><footer>Dale Hune (@dalehune_kiln) \u{b7} Apr 9</footer></blockquote><p>The guild voted again.</p></article>";
        assert_eq!(diagnostics_as(&R, html, crate::document::Format::Html).len(), 0);
        // near miss: a sentence with a year in it still needs its period
        let text =
            "The kiln was fired again in 2025 after the guild voted on the levy, members said at the hall\n\nNext paragraph.";
        assert_count(&R, text, 1);
    }

    #[test]
    fn a_paragraph_ending_on_a_colon_leads_into_what_follows() {
        assert_count(&R, "“We won,” she said.\n\nThe list follows:", 0);
    }

    #[test]
    fn credits_labels_and_citations_are_not_sentences() {
        assert_count(&R, "“We won.”\n\n— Ana Ruiz, mayor of Tarrow, in a post on X\n\nNext.", 0);
        assert_count(&R, "The vines froze.\n\nPhoto: Lena Ortiz/The Ledger\n\nNext.", 0);
        assert_count(&R, "*Study: Ruiz, A., et al., Coastal Dynamics (2025)*\n\nNext.", 0);
        assert_count(&R, "We are sorry to see it close.\n— Ana Ruiz on Instagram, March 3, 2025\n\nNext.", 0);
        // a roundup item's source tag, and a closing mark set with the opening glyph
        assert_count(
            &R,
            "The vote was close.\n\nThe council will meet again next week to settle the budget. [Ledger]\n\nNext.",
            0,
        );
        assert_count(
            &R,
            "The vote was close.\n\n“The council will meet again next week to settle the budget.“\n\nNext.",
            0,
        );
        // a tag after words that were cut still leaves them cut
        assert_count(&R, "The vote was close.\n\nThe council will meet again next week to settle the budget and the schedule for the new harbour [Ledger]\n\nNext.", 1);
        // a sentence that happens to end on a number or to open with a dash is still one
        assert_count(&R, "The vote was close.\n\nThe port handled more cargo than in any year since 2019 and expects more in 2031 and 2032 when the new berths open to ships\n\nNext.", 1);
        assert_count(&R, "The vote was close.\n\nThe council said the plan would cost far more than the 2,500 dollars budgeted\n\nNext.", 1);
    }

    #[test]
    fn html_entities_around_the_closing_mark() {
        let html = "<p>&ldquo;Every tip counts.&rdquo;</p>\n<p>&ldquo;Every tip counts&rdquo;</p>";
        let found = diagnostics_as(&R, html, crate::document::Format::Html);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(html[found[0].span.start..found[0].span.end].starts_with("counts"), "{found:?}");
    }

    #[test]
    fn a_marked_up_deck_and_a_photo_credit_after_a_sentence_end_bare() {
        use crate::document::Format;
        let md = "# Harbor main bursts downtown\n\n*Crews expect to restore service by Thursday*\n\nThe main burst at dawn.\n";
        assert_eq!(diagnostics_as(&R, md, Format::Markdown).len(), 0);
        let html = "<h1>Harbor main bursts</h1><p class=\"deck\">Crews expect to restore service by Thursday</p><p>The main burst.</p>";
        assert_eq!(diagnostics_as(&R, html, Format::Html).len(), 0);
        // Only the first paragraph under the headline: a later one still needs its period.
        let md = "# Harbor main bursts downtown\n\nThe main burst at dawn.\n\nCrews expect to restore service by Thursday at the earliest\n";
        assert_eq!(diagnostics_as(&R, md, Format::Markdown).len(), 1);
        assert_count(&R, "The main burst at dawn.\n\nWater surges along Front Street late on Tuesday. (Ana Ruiz/Harbor Ledger)\n\nNext.", 0);
        // A credit after cut words leaves them cut.
        assert_count(&R, "The main burst at dawn.\n\nWater surges along Front Street late on Tuesday and (Ana Ruiz/Harbor Ledger)\n\nNext.", 1);
    }

    #[test]
    fn a_plain_text_deck_over_a_byline_ends_bare() {
        let text = "Guild sells the kiln site\n\nThe guild's treasurer says the ferry board's offer beats every bid it has had since the fire\n\nBy Dana Hollis\n\nThe kiln guild voted on Tuesday to sell its wharf site.";
        assert_count(&R, text, 0);
        // near miss: with no byline under it, the line is the story's own and needs its period
        let text = "Guild sells the kiln site\n\nThe guild's treasurer says the ferry board's offer beats every bid it has had since the fire\n\nThe kiln guild voted on Tuesday to sell its wharf site.";
        assert_count(&R, text, 1);
    }
}
