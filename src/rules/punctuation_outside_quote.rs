use super::{Context, Diagnostic, Fix, Rule, RuleId, Severity};
use crate::analysis::Analysis;
use crate::config::Punctuation;
use crate::document::Span;

declare_rule! {
    /// A comma or period placed outside the closing quotation mark.
    ///
    /// ## What it does
    /// Flags `"upon request",` and `“a red line”.`: a comma or period right after a closing
    /// mark. Question marks, exclamation marks, colons and semicolons are not flagged: they
    /// go outside when they belong to the whole sentence.
    ///
    /// ## Why is this bad?
    /// AP style (and US usage generally) puts commas and periods inside the closing mark,
    /// always. British usage differs: an article that quotes British style (‘…’ outside, “…”
    /// inside) is checked by British usage and the rule stays quiet; `[style] punctuation =
    /// "uk"` turns it off for all copy, `"us"` keeps it on for all copy.
    ///
    /// ## Example
    ///     The company said the meeting was held "upon request", not by invitation.
    ///
    /// ## Use instead
    ///     The company said the meeting was held "upon request," not by invitation.
    ///
    /// The fix moves the comma or period inside the mark.
    pub struct PunctuationOutsideQuote;
}

impl Rule for PunctuationOutsideQuote {
    fn id(&self) -> RuleId {
        RuleId::PunctuationOutsideQuote
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
        let uk = match cx.config.style.punctuation {
            Punctuation::Uk => true,
            Punctuation::Us => false,
            Punctuation::Auto => a.quotes.british,
        };
        if uk {
            return Vec::new();
        }
        let mut out = Vec::new();
        // Logical punctuation as a house style: three or more fragments with their comma or
        // period outside, and no fragment ("called it “a mess.”") with one inside. A full
        // sentence keeps its own mark inside in that style too, so it says nothing.
        let fragment_inside = a.quotes.quotes.iter().any(|q| {
            let inner = a.doc.text(q.inner()).trim();
            q.close.is_some() && inner.starts_with(char::is_lowercase) && inner.ends_with([',', '.'])
        });
        let mut outside = 0;
        for q in &a.quotes.quotes {
            let Some(close) = q.close else { continue };
            let rest = &a.doc.prose()[close.span.end..];
            let Some(p) = rest.chars().next().filter(|c| matches!(c, ',' | '.')) else {
                continue;
            };
            if rest.starts_with("..") {
                continue;
            }
            // Already ends in its own terminal mark: “Stop!”. is a different problem.
            let inner = a.doc.text(q.inner()).trim_end();
            if inner.ends_with(['!', '?', '.', ',']) {
                continue;
            }
            let span = Span::new(close.span.start, close.span.end + 1);
            let mark = a.doc.text(close.span).trim();
            // The edit covers the mark as written, so a mark written `&rdquo;` stays one.
            let written = a.doc.markup.widen(close.span);
            let edit = Span::new(written.start, span.end);
            let replacement = format!("{p}{}", &a.doc.source[written.start..written.end]);
            out.push(
                Diagnostic::new(self, span, format!("'{p}' outside the closing quotation mark"))
                    .help(format!("US style puts commas and periods inside: {p}{mark}"))
                    .fix(if a.quote_fix_is_safe(q) {
                        Fix::safe(edit, replacement)
                    } else {
                        Fix::unsafe_(edit, replacement)
                    }),
            );
            outside += 1;
        }
        if outside >= 3 && !fragment_inside {
            return Vec::new();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::PunctuationOutsideQuote as R;
    use crate::rules::testing::*;

    #[test]
    fn a_comma_after_a_closing_straight_mark() {
        assert_flags(&R, "It was held \"upon request\", they said.", "\",");
    }

    #[test]
    fn a_period_after_a_closing_curly_mark_moves_inside() {
        assert_fix(&R, "He crossed “a red line”.", "He crossed “a red line.”");
    }

    #[test]
    fn a_question_mark_or_colon_of_the_sentence_stays_outside() {
        // near misses
        assert_count(&R, "Who called it “a red line”?", 0);
        assert_count(&R, "He listed three “red lines”: trade, troops and tariffs.", 0);
    }

    #[test]
    fn logical_punctuation_as_the_house_style_is_not_flagged() {
        // near miss: every fragment keeps its comma or period outside, by house style
        let logical = "Hune called the fare rise \"a tax on the poor\". Greer said the vote would come \"after the monsoon\", and left.\n\n\
                       The guild accused the board of treating potters \"like lodgers\". \"We will decide,\" Hune said.";
        assert_count(&R, logical, 0);
        // A fragment with its mark inside shows US style: the ones outside are slips.
        let us = "Hune called the fare rise \"a tax on the poor\". Greer said the vote would come \"after the monsoon\", and left.\n\n\
                  The guild accused the board of treating potters \"like lodgers\". Ruiz called it \"a fair deal,\" and sat down.";
        assert_count(&R, us, 3);
    }

    #[test]
    fn a_comma_already_inside_is_right() {
        // near miss
        assert_count(&R, "He said “a red line,” and left.", 0);
    }

    #[test]
    fn a_comma_after_a_closing_exclamation_mark_is_left_alone() {
        // near miss
        assert_count(&R, "“Stop!”, she shouted.", 0);
    }

    #[test]
    fn british_copy_follows_british_usage() {
        use crate::config::{Config, Punctuation};
        use crate::document::{Document, Format};
        use crate::rules::{Context, Rule};
        let text = "‘We will not move,’ Ruiz said. She called it ‘a time machine with a coin slot’.";
        let check = |punctuation| {
            let analysis = crate::analysis::analyze(Document::parse("t".as_ref(), text.to_string(), Format::Text));
            let mut config = Config::default();
            config.style.punctuation = punctuation;
            let cx = Context { config: &config, confusables: crate::confusables::Checker::embedded() };
            R.check(&analysis, &cx).len()
        };
        assert_eq!(check(Punctuation::Auto), 0, "British quote style: the period belongs outside");
        assert_eq!(check(Punctuation::Us), 1, "house style US: flagged");
    }
}
