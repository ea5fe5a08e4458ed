use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::attribution::Link;

/// A direct quote with no speaker in its sentence, paragraph or an adjacent one.
pub struct MissingAttribution;

impl Rule for MissingAttribution {
    fn id(&self) -> RuleId {
        RuleId::MissingAttribution
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn group(&self) -> RuleGroup {
        RuleGroup::Drafts
    }
    fn doc(&self) -> &'static str {
        "A direct quote with no speaker.

## What it does
Flags a quote that is a statement (it opens its sentence, or follows a colon, and has
at least three words) when no speaker can be found in its sentence, the quote before it
in the paragraph, or the paragraph before. Titles, scare quotes and short phrases in
quotes are not statements and are not flagged.

## Why is this bad?
AP and Reuters: every direct quote is attributed, and the reader should never have to
guess who is speaking. A quote left without a speaker after an edit is one of the most
common errors a copy desk catches.

## Example
    The council met on Monday.

    “We cannot afford another delay.”

## Use instead
    “We cannot afford another delay,” council member Ana Ruiz said."
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        a.quotes
            .quotes
            .iter()
            .zip(&a.attributions.quotes)
            .filter(|(_, at)| at.speaker.is_none() && at.cue.is_none() && !at.partial && at.link != Link::Mention)
            .map(|(q, _)| {
                Diagnostic::new(self, q.span, "quote with no speaker").help("say who said it: “…,” Name said.")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::MissingAttribution as R;
    use crate::rules::testing::*;

    #[test]
    fn cases() {
        assert_count(&R, "The council met on Monday.\n\n“We cannot afford another delay.”", 1);
        // near misses
        assert_count(&R, "“We cannot afford another delay,” Ana Ruiz said.", 0);
        assert_count(&R, "Ana Ruiz said the council met.\n\n“We cannot afford another delay.”", 0);
        assert_count(&R, "Officials called it a “temporary measure” on Monday.", 0);
        assert_count(&R, "The film “The Long Night Home” opens Friday.", 0);
        assert_count(&R, "“We won,” Ruiz said. “Now we rebuild the town hall.”", 0);
    }
}
