use super::{Applicability, Context, Diagnostic, Edit, Fix, Rule, RuleId, Severity};
use crate::analysis::Analysis;
use crate::config::QuoteStyle;
use crate::document::Span;
use crate::quotes::{Mark, MarkStyle};

declare_rule! {
    /// Straight and curly quotation marks mixed in one article.
    ///
    /// ## What it does
    /// Finds the style of double quotation marks the article uses most (or the house style
    /// set in `onrecord.toml`, `[style] quotes = "curly"|"straight"`) and flags every quote
    /// written in another style: straight "…" among curly “…”, or the other way round, or
    /// archive marks ``…''.
    ///
    /// ## Why is this bad?
    /// Mixed marks are the trace of text pasted from a wire feed, an email or a CMS field; they
    /// look careless in print and break tools that pair marks. A publication uses one style
    /// throughout.
    ///
    /// ## Example
    ///     “We are ready,” the mayor said. Residents called it "overdue".
    ///
    /// ## Use instead
    ///     “We are ready,” the mayor said. Residents called it “overdue”.
    ///
    /// The fix rewrites both marks of the quote to the house style; it never touches the words.
    pub struct MixedQuoteMarks;
}

impl Rule for MixedQuoteMarks {
    fn id(&self) -> RuleId {
        RuleId::MixedQuoteMarks
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
    fn check(&self, a: &Analysis, cx: &Context) -> Vec<Diagnostic> {
        // The quotes whose marks count: double, not a block excerpt's, not markup's.
        let counted = |q: &&crate::quotes::Quote| !q.single && !a.is_block_excerpt(q) && !markup(a, q);
        let (house, candidates): (MarkStyle, Vec<&crate::quotes::Quote>) = match cx.config.style.quotes {
            QuoteStyle::Curly => (MarkStyle::Curly, a.quotes.quotes.iter().collect()),
            QuoteStyle::Straight => (MarkStyle::Straight, a.quotes.quotes.iter().collect()),
            QuoteStyle::Auto => {
                // (Each quote asked once whether it counts; the counted ones are the
                // candidates below. Counted by the style's place in the enum: four
                // counters, no hashing.)
                let counted: Vec<&crate::quotes::Quote> = a.quotes.quotes.iter().filter(counted).collect();
                let mut counts = [0usize; STYLES.len()];
                for q in &counted {
                    counts[q.open.mark.style() as usize] += 1;
                }
                if counts.iter().filter(|&&n| n > 0).count() < 2 {
                    return Vec::new();
                }
                // Most used; on a tie, curly (the typographic default).
                let house = STYLES
                    .into_iter()
                    .filter(|&s| counts[s as usize] > 0)
                    .max_by_key(|&s| (counts[s as usize], s == MarkStyle::Curly, std::cmp::Reverse(s)))
                    .unwrap_or(MarkStyle::Curly);
                (house, counted)
            }
        };
        // An unclosed mark anywhere may pair with a rewritten one.
        let balanced = a.quotes.unbalanced.is_empty() && a.quotes.stopped_at.is_none();
        let auto = cx.config.style.quotes == QuoteStyle::Auto;
        candidates
            .into_iter()
            .filter(|q| q.open.mark.style() != house && (auto || counted(q)))
            .map(|q| {
                let style = q.open.mark.style();
                let (open, close) = match house {
                    MarkStyle::Straight => ("\"", "\""),
                    MarkStyle::Ascii => ("``", "''"),
                    MarkStyle::Guillemet => ("«", "»"),
                    MarkStyle::Curly => ("“", "”"),
                };
                // Rewriting is safe only where it cannot re-pair other marks.
                // In British-style copy the quote's marks are single (‘…’); double marks in
                // their place can change which marks the article reads as its quotes.
                let single_marks = a.doc.source[q.open.span.start..q.open.span.end].starts_with(['‘', '\'']);
                // A straight mark tells opening from closing only by what is around it: a
                // letter outside either mark ("»Ana") would make it read the other way.
                let prose = a.doc.prose();
                let outside_clear = house != MarkStyle::Straight
                    || (!prose[..q.open.span.start].chars().next_back().is_some_and(char::is_alphanumeric)
                        && !q
                            .close
                            .is_some_and(|c| prose[c.span.end..].chars().next().is_some_and(char::is_alphanumeric)));
                // (The cheap tests first: `quote_fix_is_safe` reads the quote's words.)
                let well_formed = balanced && !single_marks && outside_clear && a.quote_fix_is_safe(q);
                let applicability = if well_formed { Applicability::Safe } else { Applicability::Unsafe };
                let mut edits = vec![mark_edit(a, q.open.span, open)];
                if let Some(c) = q.close.filter(|c| c.mark.is_double() && c.mark != Mark::CurlyOpen) {
                    edits.push(mark_edit(a, c.span, close));
                }
                Diagnostic::new(self, q.span, message(style, house)).help(help(house)).fix(Fix { applicability, edits })
            })
            .collect()
    }
}

/// "curly quotation marks in an article that uses straight ones": one static string per
/// pair of styles, so a file of a million mixed marks does not format a million messages.
/// The edit that writes `mark` in place of the mark at `span`. A mark written as a
/// character reference is replaced whole, by a reference of the same form (`&quot;` by
/// `&ldquo;`, `&#34;` by `&#8220;`), so the file keeps its way of writing marks.
fn mark_edit(a: &Analysis, span: Span, mark: &str) -> Edit {
    let written = a.doc.markup.widen(span);
    let old = &a.doc.source[written.start..written.end];
    // (The mark's chars are read only for a reference: a mark of one char.)
    let one_char = |m: &str| {
        let mut chars = m.chars();
        chars.next().filter(|_| chars.next().is_none())
    };
    let replacement = match old.strip_prefix('&').and_then(|reference| Some((reference, one_char(mark)?))) {
        Some((reference, c)) => {
            let named = match c {
                '“' => "ldquo",
                '”' => "rdquo",
                '"' => "quot",
                '«' => "laquo",
                _ => "raquo",
            };
            if reference.starts_with("#x") || reference.starts_with("#X") {
                format!("&#x{:X};", u32::from(c))
            } else if reference.starts_with('#') {
                format!("&#{};", u32::from(c))
            } else {
                format!("&{named};")
            }
        }
        None => mark.to_string(),
    };
    Edit { start: written.start, end: written.end, replacement }
}

fn message(style: MarkStyle, house: MarkStyle) -> &'static str {
    macro_rules! m {
        ($style:literal, $house:literal) => {
            concat!($style, " quotation marks in an article that uses ", $house, " ones")
        };
    }
    use MarkStyle::*;
    match (style, house) {
        (Straight, Curly) => m!("straight", "curly"),
        (Ascii, Curly) => m!("``archive''", "curly"),
        (Guillemet, Curly) => m!("guillemet", "curly"),
        (Curly, Straight) => m!("curly", "straight"),
        (Ascii, Straight) => m!("``archive''", "straight"),
        (Guillemet, Straight) => m!("guillemet", "straight"),
        (Curly, Ascii) => m!("curly", "``archive''"),
        (Straight, Ascii) => m!("straight", "``archive''"),
        (Guillemet, Ascii) => m!("guillemet", "``archive''"),
        (Curly, Guillemet) => m!("curly", "guillemet"),
        (Straight, Guillemet) => m!("straight", "guillemet"),
        (Ascii, Guillemet) => m!("``archive''", "guillemet"),
        (Curly, Curly) | (Straight, Straight) | (Ascii, Ascii) | (Guillemet, Guillemet) => {
            "quotation marks in a style the article does not use"
        }
    }
}

fn help(house: MarkStyle) -> &'static str {
    match house {
        MarkStyle::Straight => "use \"…\" like the rest of the article",
        MarkStyle::Ascii => "use ``…'' like the rest of the article",
        MarkStyle::Guillemet => "use «…» like the rest of the article",
        MarkStyle::Curly => "use “…” like the rest of the article",
    }
}

/// A "quote" whose marks are HTML markup left in plain text (`<a href="…">`).
/// Every style, each at the index `style as usize`.
const STYLES: [MarkStyle; 4] = [MarkStyle::Curly, MarkStyle::Straight, MarkStyle::Ascii, MarkStyle::Guillemet];

fn markup(a: &Analysis, q: &crate::quotes::Quote) -> bool {
    let prose = a.doc.prose();
    crate::quotes::in_markup(prose, q.open.span) || q.close.is_some_and(|c| crate::quotes::in_markup(prose, c.span))
}

#[cfg(test)]
mod tests {
    use super::MixedQuoteMarks as R;
    use crate::rules::testing::*;

    #[test]
    fn a_straight_quote_among_curly_ones_is_flagged_and_fixed() {
        let text = "“We are ready,” the mayor said. “So are we,” Ruiz said. Residents called it \"overdue\".";
        assert_count(&R, text, 1);
        assert_flags(&R, text, "\"overdue\"");
        assert_fix(&R, text, &text.replace("\"overdue\"", "“overdue”"));
    }

    #[test]
    fn straight_marks_throughout_are_one_style() {
        // near miss: one style throughout, apostrophes of either form
        assert_count(&R, "\"We are ready,\" the mayor said. It's \"overdue\".", 0);
    }

    #[test]
    fn curly_marks_throughout_are_one_style_whatever_the_apostrophes() {
        // near miss: one style throughout, apostrophes of either form
        assert_count(&R, "“We are ready,” the mayor's aide said. It’s “overdue.”", 0);
    }

    #[test]
    fn an_exported_block_quote_is_not_a_mark_the_writer_chose() {
        let intro = "“We are ready,” the mayor said. “So are we,” Ruiz said. The report notes:\n\n";
        assert_count(&R, &format!("{intro}\"Spending rose in every district.\"\n\nThe vote is Monday."), 0);
        // a straight-quoted phrase inside a paragraph is still the writer's choice
        assert_count(&R, &format!("{intro}Spending \"rose\" in every district.\n\nThe vote is Monday."), 1);
        // nor is a paragraph in straight marks that holds the writer's curly ones
        assert_count(&R, &format!("{intro}\"Then Ruiz said “no” twice.\"\n\nThe vote is Monday."), 0);
        // markup left in plain text holds no quotes
        assert_count(&R, &format!("{intro}Watch it at <a href=\"https://example.com\">example.com</a>.\n\nNext."), 0);
    }
}
