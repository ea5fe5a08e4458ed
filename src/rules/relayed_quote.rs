use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;

declare_rule! {
    /// A person's words known only through another party's readout or statement.
    ///
    /// ## What it does
    /// Flags a quote or statement of one source that the article credits, through
    /// "according to …", "… the statement said" or "X quoted Y as saying", to a readout,
    /// statement or body other than the speaker ("Xi told Biden …, according to the foreign
    /// ministry"). The finding covers the relay and the quote it carries when they share a
    /// paragraph. "according to the ministry, exports rose" (the body speaking for itself) is
    /// not a relay. Nor is a record of the words ("according to a transcript of the show", a
    /// video, a post) or another outlet's report ("according to Reuters"): the attribution is
    /// already plain. A transcript a party released, and a person passing on another's words
    /// ("according to festival director Ana Ruiz"), are.
    ///
    /// ## Why is this bad?
    /// A readout is one side's account of what someone said; it may be selective. AP and
    /// Reuters ask that the copy make the relay plain, and the editor should see every one.
    /// Info by default: the copy may be right as it stands.
    ///
    /// ## Example
    ///     Xi said the relationship was “steady,” according to the Chinese foreign ministry.
    ///
    /// ## Use instead
    ///     Xi said the relationship was “steady,” according to a Chinese foreign ministry
    ///     readout of the call. (The White House did not publish its own account.)
    pub struct RelayedQuote;
}

impl Rule for RelayedQuote {
    fn id(&self) -> RuleId {
        RuleId::RelayedQuote
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn group(&self) -> RuleGroup {
        RuleGroup::Style
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        // Every person's mention as (start, end), sorted, built at the first relay: a relay
        // is then checked by a binary search, not against every mention in the article.
        let mut person_mentions: Option<Vec<(usize, usize)>> = None;
        for (q, at) in a.quotes.quotes.iter().zip(&a.attributions.quotes) {
            let (Some(via), Some(relay), Some(speaker)) = (&at.via, at.via_span, &at.speaker) else {
                continue;
            };
            // A person passing on another's words ("according to festival director Ana
            // Ruiz", "he quoted Lee as saying") is hearsay to show the editor too.
            let mentions = person_mentions.get_or_insert_with(|| {
                let mut all: Vec<(usize, usize)> = a
                    .entities
                    .entities
                    .iter()
                    .filter(|e| e.kind == crate::entities::EntityKind::Person)
                    .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
                    .collect();
                all.sort_unstable();
                all
            });
            let lo = mentions.partition_point(|m| m.0 < relay.start);
            let person = mentions[lo..].iter().take_while(|m| m.0 <= relay.end).any(|m| m.1 <= relay.end)
                || via
                    .split_whitespace()
                    .next()
                    .and_then(crate::lexicon::pronoun)
                    .is_some_and(|p| p != crate::lexicon::Pronoun::It);
            if !seen.insert(relay) || !(person || one_sides_account(a.doc.text(relay))) {
                continue;
            }
            // The relay and the words it carries, when they sit together in one paragraph;
            // else the relay alone ("according to a readout …").
            let both = relay.cover(q.span);
            let together = a.doc.block_at(relay.start) == a.doc.block_at(q.span.start) && both.len() <= MAX_SPAN;
            let span = if together { both } else { relay };
            out.push(
                Diagnostic::new(self, span, format!("{speaker}'s words come through {via}")).help(
                    "make the relay plain (a readout is one side's account); seek a second account if there is one",
                ),
            );
        }
        out
    }
}

/// Whether a relay is one side's account of what was said: a body (a ministry, an
/// office, a campaign) or its readout or statement. A record of the words (a transcript,
/// a video, a post, a book) or another outlet's report ("according to Reuters") is
/// attribution already plain, not a readout.
fn one_sides_account(via: &str) -> bool {
    let words: Vec<String> = via
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s").to_lowercase())
        .collect();
    let record = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "transcript"
                | "video"
                | "recording"
                | "tape"
                | "audio"
                | "footage"
                | "book"
                | "post"
                | "tweet"
                | "interview"
        )
    });
    let account = words.iter().any(|w| {
        crate::lexicon::is_body_noun(w)
            || matches!(
                w.as_str(),
                "readout"
                    | "statement"
                    | "release"
                    | "summary"
                    | "account"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
            )
    });
    // ("a transcript released by the agency": the body chose what to release.)
    let released = words.iter().any(|w| matches!(w.as_str(), "released" | "provided" | "issued" | "distributed"));
    account && !record || record && released
}

/// Longest finding that covers a relay and its quote (bytes).
const MAX_SPAN: usize = 320;

#[cfg(test)]
mod tests {
    use super::RelayedQuote as R;
    use crate::rules::testing::*;

    #[test]
    fn a_quote_relayed_according_to_a_ministry() {
        let text =
            "President Omar Haddad said the talks were “steady and positive,” according to the foreign ministry.";
        // The relay and the words it carries.
        assert_flags(&R, text, "“steady and positive,” according to the foreign ministry");
    }

    #[test]
    fn a_quote_relayed_by_a_readout_before_it() {
        let text =
            "According to a readout released by the ministry, Omar Haddad told the envoy: “The pipeline cannot wait.”";
        assert_flags(
            &R,
            text,
            "According to a readout released by the ministry, Omar Haddad told the envoy: “The pipeline cannot wait.”",
        );
    }

    #[test]
    fn the_body_itself_is_the_source() {
        // near miss: the body itself is the source
        assert_count(&R, "According to the ministry, exports rose 4% in May.", 0);
        assert_count(&R, "“Exports rose,” according to the ministry.", 0);
    }

    #[test]
    fn a_record_of_the_words_is_no_relay() {
        // near miss: a record of the words
        assert_count(&R, "“I will stay,” Omar Haddad said, according to a transcript of the show.", 0);
    }

    #[test]
    fn another_outlets_report_is_no_relay() {
        // near miss: another outlet's report
        assert_count(&R, "Omar Haddad said the talks should “look for a way out,” according to Reuters.", 0);
    }

    #[test]
    fn a_transcript_a_party_released_is_that_partys_account() {
        let text =
            "Omar Haddad told the captain to “take everyone,” according to a transcript released by the coast guard.";
        assert_count(&R, text, 1);
    }
}
