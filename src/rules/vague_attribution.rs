use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::attribution::np::NpKind;
use crate::document::Span;
use crate::lexicon;

declare_rule! {
    /// A claim credited to a source no reader can identify.
    ///
    /// ## What it does
    /// Flags a statement or belief attributed to an unidentifiable collective: "critics say",
    /// "some analysts believe", "observers noted", "western governments have accused", and
    /// the impersonal "it is believed". The phrases are kept as data
    /// (`data/lexicon/vague.txt`); a named group ("critics of the plan, including Sen. Ruiz,
    /// said", "analysts at Moody's said", "Hune supporters chanted" once the article has
    /// named Hune) is not vague. One vague subject gives one finding, however many verbs
    /// it has.
    ///
    /// ## Why is this bad?
    /// AP and Reuters: attribute claims to named, identifiable sources. "Critics say" lets
    /// the writer's view or an unsourced claim pass as reported fact.
    ///
    /// ## Example
    ///     Critics say the dam will flood the valley.
    ///
    /// ## Use instead
    ///     The dam will flood the valley, said Ana Ruiz, a hydrologist at the University of Lima.
    ///
    /// Or drop the claim.
    pub struct VagueAttribution;
}

impl Rule for VagueAttribution {
    fn id(&self) -> RuleId {
        RuleId::VagueAttribution
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn group(&self) -> RuleGroup {
        RuleGroup::Style
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut cache = a.token_cache();
        // (One finding per vague subject, however many verbs it has: "Critics complained
        // and said" is one.)
        let mut last_subject = None;
        for cue in &a.attributions.cues {
            let toks = cache.get(cue.block);
            let span = match &cue.subject {
                Some(np) if matches!(np.kind, NpKind::Vague(_)) => {
                    // A named group after the vague noun is not vague: "critics, including Sen. X".
                    // Nor are the members of a defined whole, "residents of the hotel"; but
                    // "critics of the plan" are anyone who opposes it.
                    let head = a.doc.text(np.span).rsplit(' ').next().unwrap_or("");
                    let opinion = crate::chars::with_lowercase(head, |h| {
                        matches!(
                            h,
                            "critics"
                                | "opponents"
                                | "supporters"
                                | "skeptics"
                                | "sceptics"
                                | "detractors"
                                | "observers"
                        )
                    });
                    if named_after(a, toks, np.span.end, cue.verb.start, !opinion)
                        || last_subject == Some(np.span.start)
                    {
                        continue;
                    }
                    last_subject = Some(np.span.start);
                    // Nor is the group of a person the article names: "Hune supporters
                    // chanted", "Hune's aides said".
                    let first = a.doc.text(np.span).split_whitespace().next().unwrap_or("");
                    let owner = first.trim_end_matches("'s").trim_end_matches("’s");
                    if owner.starts_with(char::is_uppercase) && a.entities.person_for(owner, np.span.start).is_some() {
                        continue;
                    }
                    np.span.cover(cue.verb)
                }
                _ => match impersonal(a, toks, cue.tok) {
                    Some(span) => span.cover(cue.verb),
                    None => continue,
                },
            };
            let phrase = a.doc.text(span).to_string();
            out.push(
                Diagnostic::new(self, span, format!("'{phrase}': who says so?"))
                    .help("name the source or drop the claim"),
            );
        }
        out
    }
}

/// A name between the vague subject and its verb ("Critics of the plan, including Sen. Ruiz,
/// said", "Analysts at Carrow Ratings said"), or with `of_names`, a whole the group belongs
/// to ("Residents of the hotel say"). A place is where the group is, not who it is ("Some
/// analysts in Lisbon believe").
fn named_after(a: &Analysis, toks: &[crate::quotes::narrative::Tok], from: usize, to: usize, of_names: bool) -> bool {
    // (Tokens are in text order: a binary search to `from`, so a paragraph of many vague
    // subjects is read once per subject's own words, not whole.)
    let lo = toks.partition_point(|t| t.span.start < from);
    let mut prev = "";
    toks[lo..].iter().take_while(|t| t.span.start <= to).filter(|t| t.span.end <= to && t.is_word()).any(|t| {
        let word = a.doc.text(t.span);
        let after = std::mem::replace(&mut prev, word);
        word == "including"
            || of_names && word == "of"
            || word.chars().next().is_some_and(char::is_uppercase)
                && !(matches!(after, "in" | "of" | "from" | "across" | "around" | "outside")
                    && lexicon::is_any_place(word))
    })
}

/// "it is believed", "it is widely thought": an impersonal passive before the verb.
fn impersonal(a: &Analysis, toks: &[crate::quotes::narrative::Tok], verb: usize) -> Option<Span> {
    let mut k = verb;
    let mut saw_be = false;
    while k > 0 && toks[k - 1].is_word() && verb - k < 4 {
        let word = a.doc.text(toks[k - 1].span).to_ascii_lowercase();
        match word.as_str() {
            "is" | "was" | "been" | "has" | "had" | "widely" | "generally" | "commonly" | "also" => {
                saw_be |= matches!(word.as_str(), "is" | "was" | "been");
                k -= 1;
            }
            "it" if saw_be => return Some(toks[k - 1].span),
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::VagueAttribution as R;
    use crate::rules::testing::*;

    #[test]
    fn critics_say() {
        assert_flags(&R, "Critics say the dam will flood the valley.", "Critics say");
    }

    #[test]
    fn some_analysts_and_western_governments_are_no_one_in_particular() {
        assert_count(&R, "Some analysts believe the rate will rise.", 1);
        assert_count(&R, "However, western governments have accused the firm of fraud.", 1);
    }

    #[test]
    fn a_share_of_a_plural_or_of_a_group_is_no_one_in_particular() {
        assert_flags(
            &R,
            "The kiln will close in May. Some glaziers believe the sale was agreed long ago.",
            "Some glaziers believe",
        );
        assert_flags(&R, "Some in the guild fear the kiln will be sold.", "Some in the guild fear");
        assert_flags(&R, "Many within the ferry union say the fares will rise.", "Many within the ferry union say");
        // near miss: a named member of the share
        assert_count(&R, "Some glaziers, including Dale Hune, said the kiln was sold.", 0);
    }

    #[test]
    fn an_impersonal_passive() {
        assert_count(&R, "It is widely believed that the vote was rigged.", 1);
    }

    #[test]
    fn critics_including_a_named_one_are_identified() {
        // near miss
        assert_count(&R, "Critics of the plan, including Sen. Ana Ruiz, said it would fail.", 0);
    }

    #[test]
    fn analysts_of_a_named_firm_are_identified() {
        // near miss
        assert_count(&R, "Analysts at Carrow Ratings said the rate will rise.", 0);
    }

    #[test]
    fn the_supporters_of_a_named_person_are_identified_and_one_subject_is_one_finding() {
        // near miss: whose supporters is said
        let text = "Mayor Dale Hune spoke in Dover.\n\nHune supporters sang “Ferry, ferry” as Hune arrived and said the fares were fair.";
        assert_count(&R, text, 0);
        // one vague subject with two verbs is one finding
        assert_count(&R, "Critics complained on Monday and said the fares would rise.", 1);
    }

    #[test]
    fn a_place_or_a_cause_after_the_group_names_no_one() {
        assert_flags(
            &R,
            "Some glaziers in Lisbon believe the kiln was sold long ago.",
            "Some glaziers in Lisbon believe",
        );
        assert_flags(
            &R,
            "Critics of the harbor toll have argued for years that it hurts the islands.",
            "Critics of the harbor toll have argued",
        );
        // A party names no one either.
        assert_flags(&R, "Some Labour organisers believe the ferry vote is lost.", "Some Labour organisers believe");
        // near miss: the members of a defined whole
        assert_count(&R, "Residents of the Marlowe Street hostel say the rent doubled.", 0);
    }

    #[test]
    fn a_named_speaker_is_not_vague() {
        // near miss
        assert_count(&R, "The mayor said the dam will flood the valley.", 0);
    }
}
