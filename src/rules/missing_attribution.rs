use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::attribution::Link;

declare_rule! {
    /// A direct quote with no speaker.
    ///
    /// ## What it does
    /// Flags a quote that stands alone (its sentence has no words outside the quote) and is a
    /// statement (at least three words) when no speaker can be found in the quote before it in
    /// the paragraph or in the paragraph before, and no speech verb there has a subject ("“…,” I
    /// said. “…”" goes on in the same voice even where the tool cannot name it). Titles, scare quotes and short phrases in
    /// quotes are not statements and are not flagged; nor is a quote set in a sentence of its
    /// own words ("the letter adds, in its last line: “…”", "“…?” a clerk near the window muttered"),
    /// which tells the reader who spoke even in a form the tool does not read.
    ///
    /// ## Why is this bad?
    /// AP and Reuters: every direct quote is attributed, and the reader should never have to
    /// guess who is speaking. A quote left without a speaker after an edit is one of the most
    /// common errors a copy desk catches.
    ///
    /// ## Example
    ///     The council met on Monday.
    ///
    ///     “We cannot afford another delay.”
    ///
    /// ## Use instead
    ///     “We cannot afford another delay,” council member Ana Ruiz said.
    pub struct MissingAttribution;
}

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
        Self::DOC
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        a.quotes
            .quotes
            .iter()
            .zip(&a.attributions.quotes)
            .filter(|(_, at)| at.speaker.is_none() && at.cue.is_none() && !at.partial && at.link != Link::Mention)
            // A quote that stands alone: its sentence has no words outside it. One set in a
            // sentence ("the letter adds, in its last line: “…”", "“…?” a clerk near
            // the window muttered") tells the reader who spoke, even in a form the tool cannot read.
            .filter(|(q, _)| stands_alone(a, q.span))
            // A speech verb earlier in the paragraph, or in the paragraph before, whose
            // subject the tool could not resolve ("“…,” I said. “…”", "it added. “…”")
            // still tells the reader who goes on speaking.
            .filter(|(q, _)| !spoken_before(a, q.span.start))
            .map(|(q, _)| {
                Diagnostic::new(self, q.span, "quote with no speaker").help("say who said it: “…,” Name said.")
            })
            .collect()
    }
}

/// Whether a speech verb that states something stands before `at` in its paragraph or in the
/// paragraph before.
fn spoken_before(a: &Analysis, at: usize) -> bool {
    let Some(block) = a.doc.block_at(at) else { return false };
    let cues = &a.attributions.cues;
    let first = cues.partition_point(|c| c.block + 1 < block);
    let last = cues.partition_point(|c| c.verb.end <= at);
    // (The nearest 50 only: a paragraph of thousands of speech verbs stays linear.)
    cues[first..last.max(first)].iter().rev().take(50).any(|c| c.states)
}

/// Whether the sentences around a quote hold nothing but the quote: no word before it in
/// the sentence where it opens, none after it in the sentence where it closes.
fn stands_alone(a: &Analysis, q: crate::document::Span) -> bool {
    let prose = a.doc.prose();
    let words = |from: usize, to: usize| prose.get(from..to).is_some_and(|t| t.chars().any(char::is_alphanumeric));
    let opens = a.doc.sentence_at(q.start).map_or(q.start, |s| a.doc.sentences[s].span.start.min(q.start));
    let closes = a.doc.sentence_at(q.end.saturating_sub(1)).map_or(q.end, |s| a.doc.sentences[s].span.end.max(q.end));
    // (Only within the quote's paragraph.)
    let block = a.doc.block_at(q.start).map(|b| a.doc.blocks[b].span);
    let opens = block.map_or(opens, |b| opens.max(b.start));
    let closes = block.map_or(closes, |b| closes.min(b.end).max(q.end));
    !words(opens, q.start) && !words(q.end, closes)
}

#[cfg(test)]
mod tests {
    use super::MissingAttribution as R;
    use crate::rules::testing::*;

    #[test]
    fn a_quote_alone_after_a_paragraph_with_no_speaker() {
        assert_count(&R, "The council met on Monday.\n\n“We cannot afford another delay.”", 1);
    }

    #[test]
    fn a_speaker_in_the_quotes_sentence_attributes_it() {
        // near miss
        assert_count(&R, "“We cannot afford another delay,” Ana Ruiz said.", 0);
    }

    #[test]
    fn a_speaker_in_the_paragraph_before_attributes_it() {
        // near miss
        assert_count(&R, "Ana Ruiz said the council met.\n\n“We cannot afford another delay.”", 0);
    }

    #[test]
    fn a_scare_quote_or_a_title_is_no_direct_quote() {
        // near misses
        assert_count(&R, "Officials called it a “temporary measure” on Monday.", 0);
        assert_count(&R, "The film “The Long Night Home” opens Friday.", 0);
    }

    #[test]
    fn a_second_quote_continues_the_speaker_of_the_first() {
        // near miss
        assert_count(&R, "“We won,” Ruiz said. “Now we rebuild the town hall.”", 0);
    }

    #[test]
    fn a_speech_verb_before_it_in_the_paragraph_with_its_subject_unresolved() {
        assert_count(&R, "The council met.\n\n“We lost,” I said. “We cannot afford another delay.”", 0);
    }

    #[test]
    fn a_sentence_that_says_who_in_a_form_the_tool_does_not_read() {
        // set in a sentence that says who, in a form the tool does not read
        assert_count(&R, "The council met.\n\nThe letter adds, in its last line: “We cannot afford another delay.”", 0);
        assert_count(&R, "The council met.\n\n“Is the ferry late again?” a clerk near the window muttered.", 0);
    }
}
