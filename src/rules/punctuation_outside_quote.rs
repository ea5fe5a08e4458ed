use super::{Context, Diagnostic, Fix, Rule, Severity};
use crate::config::Punctuation;
use crate::document::Span;
use crate::Analysis;

/// A comma or period after a closing quote mark (US convention puts it inside).
pub struct PunctuationOutsideQuote;

impl Rule for PunctuationOutsideQuote {
    fn id(&self) -> &'static str {
        "punctuation-outside-quote"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn fixable(&self) -> bool {
        true
    }
    fn doc(&self) -> &'static str {
        "A comma or period placed outside the closing quotation mark.

## What it does
Flags `\"upon request\",` and `“a red line”.`: a comma or period right after a closing
mark. Question marks, exclamation marks, colons and semicolons are not flagged: they
go outside when they belong to the whole sentence.

## Why is this bad?
AP style (and US usage generally) puts commas and periods inside the closing mark,
always. British usage differs: set `[style] punctuation = \"uk\"` to turn the rule off.

## Example
    The company said the meeting was held \"upon request\", not by invitation.

## Use instead
    The company said the meeting was held \"upon request,\" not by invitation.

The fix moves the comma or period inside the mark."
    }
    fn check(&self, a: &Analysis, cx: &Context) -> Vec<Diagnostic> {
        if cx.config.style.punctuation == Punctuation::Uk {
            return Vec::new();
        }
        let mut out = Vec::new();
        for q in &a.quotes.quotes {
            let Some(close) = q.close else { continue };
            let rest = &a.doc.prose[close.span.end..];
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
            let mark = a.doc.text(close.span);
            out.push(
                Diagnostic::new(self, span, format!("'{p}' outside the closing quotation mark"))
                    .help(format!("US style puts commas and periods inside: {p}{mark}"))
                    .fix(if a.quote_fix_is_safe(q) {
                        Fix::safe(span, format!("{p}{mark}"))
                    } else {
                        Fix::unsafe_(span, format!("{p}{mark}"))
                    }),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::PunctuationOutsideQuote as R;
    use crate::rules::testing::*;

    #[test]
    fn cases() {
        assert_flags(&R, "It was held \"upon request\", they said.", "\",");
        assert_fix(&R, "He crossed “a red line”.", "He crossed “a red line.”");
        // near misses
        assert_count(&R, "Who called it “a red line”?", 0);
        assert_count(&R, "He listed three “red lines”: trade, troops and tariffs.", 0);
        assert_count(&R, "He said “a red line,” and left.", 0);
        assert_count(&R, "“Stop!”, she shouted.", 0);
    }
}
