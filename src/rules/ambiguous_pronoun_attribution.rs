use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::attribution::np::NpKind;
use crate::lexicon::Pronoun;

declare_rule! {
    /// An attribution by pronoun when more than one person fits it.
    ///
    /// ## What it does
    /// Flags "he said" or "she said" when two or more people who fit the pronoun were named
    /// in the sentence before it or earlier in the same sentence. A person's gender is taken
    /// from titles (Mr., Ms., spokeswoman) and from pronouns that already refer to them
    /// unambiguously; a person of unknown gender fits either pronoun.
    ///
    /// ## Why is this bad?
    /// The reader must guess who spoke, and may guess wrong; attributing the words to the
    /// wrong person is a correction. Use the surname whenever two people are in play.
    ///
    /// ## Example
    ///     Pettifer said Boateng would start. “He is ready,” he said.
    ///
    /// ## Use instead
    ///     Pettifer said Boateng would start. “He is ready,” Pettifer said.
    pub struct AmbiguousPronounAttribution;
}

impl Rule for AmbiguousPronounAttribution {
    fn id(&self) -> RuleId {
        RuleId::AmbiguousPronounAttribution
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
        let cues = &a.attributions.cues;
        for (ci, cue) in cues.iter().enumerate() {
            let Some(np) = &cue.subject else { continue };
            let NpKind::Pronoun(p) = np.kind else {
                continue;
            };
            if p == Pronoun::They {
                continue;
            }
            // The window: from the start of the previous sentence to the pronoun.
            let here = a.doc.sentence_at(np.span.start).unwrap_or(0);
            let from = a.doc.sentences[here.saturating_sub(1)].span.start;
            let block_start = a.doc.blocks[cue.block].span.start;
            let from = from.max(a.doc.blocks[cue.block.saturating_sub(1)].span.start).min(block_start.max(from));
            // A pronoun in a paragraph's first sentence looks back over the whole paragraph
            // before it, as a reader does: "X said … He appeared alongside Y.\n\n“…,” he said."
            // (Sentences of the paragraph's opening quote come before it: still the first.)
            let first_sentence = (a.doc.blocks[cue.block].sentences.start..here).all(|si| {
                let start = a.doc.sentences[si].span.start;
                a.quote_at(start).is_some()
                    || a.quote_at(start + a.doc.text(a.doc.sentences[si].span).chars().next().map_or(0, char::len_utf8))
                        .is_some()
            });
            let from = match cue.block.checked_sub(1).map(|b| &a.doc.blocks[b]) {
                Some(prev) if first_sentence && prev.kind == crate::document::BlockKind::Paragraph => {
                    from.min(prev.span.start)
                }
                _ => from,
            };
            // (At most 3,000 bytes back, so a sentence as long as a file stays linear.)
            let from = from.max(np.span.start.saturating_sub(3000));
            let ids = a.entities.people_between(from, np.span.start, p);
            let fits: Vec<&str> = ids.iter().map(|&id| a.entities.entities[id].name.as_str()).collect();
            // A speaker named with a verb just before ("X said … “…,” he said") settles it,
            // unless that sentence gave a verb to two fitting people ("X said …, and Y
            // said …").
            let named: Vec<&crate::attribution::Cue> = cues[..ci]
                .iter()
                .rev()
                .take_while(|c| c.verb.start >= from)
                .filter(|c| {
                    c.verb.end <= np.span.start
                        && c.entity.is_some()
                        && c.subject.as_ref().is_some_and(|s| matches!(s.kind, NpKind::Name(_) | NpKind::Descriptor(_)))
                })
                .collect();
            let settled = named.first().is_some_and(|last| {
                let sentence = a.doc.sentence_at(last.verb.start);
                let mut rivals: Vec<usize> = named
                    .iter()
                    .filter(|c| a.doc.sentence_at(c.verb.start) == sentence)
                    .filter_map(|c| c.entity)
                    .filter(|id| ids.contains(id))
                    .collect();
                rivals.sort_unstable();
                rivals.dedup();
                // Someone else who fits, named in a later sentence than that speaker's,
                // unsettles it again (inside what the speaker said is no rival: "Pettifer
                // said Boateng would start. “…,” he said").
                let after = sentence.map_or(last.verb.end, |s| a.doc.sentences[s].span.end);
                let named_after = a.entities.people_between(after.max(from), np.span.start, p);
                rivals.len() <= 1 && named_after.iter().all(|&id| Some(id) == last.entity)
            });
            // The same pronoun speaking just before, with nobody who fits named since its
            // sentence, continues that speaker: any doubt was at the first "he said".
            let chain = cues[..ci]
                .iter()
                .rev()
                .take_while(|c| c.verb.start >= from)
                .find(|c| c.verb.end <= np.span.start && c.entity.is_some())
                .is_some_and(|last| {
                    let same = last.subject.as_ref().is_some_and(|s| s.kind == NpKind::Pronoun(p));
                    let after =
                        a.doc.sentence_at(last.verb.start).map_or(last.verb.end, |s| a.doc.sentences[s].span.end);
                    same && a
                        .entities
                        .people_between(after.max(from), np.span.start, p)
                        .iter()
                        .all(|&id| Some(id) == last.entity)
                });
            let settled = settled || chain;
            // One person who fits, named earlier in the pronoun's own sentence, is its
            // antecedent ("made Quintela a citizen, an honour she said …").
            let sentence = a.doc.sentences[here].span;
            let own = a.entities.people_between(sentence.start.max(from), np.span.start, p);
            // Nor is there doubt when the pronoun's own sentence opens on a person who fits,
            // its subject (or the owner of its subject: "Ruiz's vote, which she said …"),
            // and the pronoun comes later in it: "Ortiz, who …, drew Lee's ire after he told".
            let subject =
                a.entities.first_person_between(sentence.start.max(from), np.span.start, p).is_some_and(|(_, at)| {
                    // (Two words and a comma fit in 120 bytes; a longer lead is no opening, and
                    // the scan stays bounded in a sentence as long as a file.)
                    if at - sentence.start > 120 {
                        return false;
                    }
                    let lead = &a.doc.prose()[sentence.start..at];
                    lead.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count() <= 2
                        && !lead.contains(['“', '"', '‘'])
                        && a.quote_at(at).is_none()
                });
            if fits.len() >= 2 && !settled && own.len() != 1 && !subject {
                let word = a.doc.text(np.span);
                out.push(
                    Diagnostic::new(
                        self,
                        np.span.cover(cue.verb),
                        format!("'{word}' could be {} or {}", fits[fits.len() - 2], fits[fits.len() - 1]),
                    )
                    .help("use the speaker's surname"),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::AmbiguousPronounAttribution as R;
    use crate::rules::testing::*;

    #[test]
    fn a_rival_named_after_the_last_speaker_in_the_paragraph_before() {
        // The pronoun opens its paragraph: the reader looks back over the one before, where
        // someone else who fits was named after the last speaker.
        let text = "Mayor Pal Horvath said the gap could still close. He appeared alongside Bence Farkas, the campaign director.\n\n\
                    “Nothing is settled tonight. Nobody should act as if it is,” he said.";
        assert_count(&R, text, 1);
        // near miss: the rival is only inside what the speaker said
        let text = "Mayor Pal Horvath said Bence Farkas had run a fine campaign.\n\n“Nothing is decided,” he said.";
        assert_count(&R, text, 0);
        // near miss: the one who fits, named earlier in the pronoun's own sentence
        let text = "- Ana Ruiz, 31, said tickets were scarce.\n\nThe council made Marta Quintela a citizen, an honour she said meant more than any prize.";
        assert_count(&R, text, 0);
        // near miss: the pronoun's own sentence opens on the person who fits
        let text = "Coach Mark Pettifer met striker Daniel Boateng on Monday.\n\n\
                    Pettifer, who has coached for a decade, drew Boateng's anger after he told the press the team was tired.";
        assert_count(&R, text, 0);
        // near miss: the same pronoun spoke just before, nobody named since
        let text = "Coach Mark Pettifer met striker Daniel Boateng on Monday. “He is ready,” he said.\n\n\
                    “We all are,” he said.";
        assert_count(&R, text, 1);
        // near miss: the rival's given name says he cannot be "she"
        let text = "Mayor Carmen Ibarra said the count was close. She appeared alongside Diego Salas, her deputy.\n\n\
                    “Nothing is decided,” she said.";
        assert_count(&R, text, 0);
    }

    #[test]
    fn he_said_after_two_men_are_named() {
        assert_count(&R, "Coach Mark Pettifer met striker Daniel Boateng on Monday. “He is ready,” he said.", 1);
    }

    #[test]
    fn he_continues_the_man_who_spoke_just_before() {
        // near miss: the first man spoke just before, so "he" continues him
        assert_count(&R, "Coach Mark Pettifer said Daniel Boateng would start. “He is ready,” he said.", 0);
    }

    #[test]
    fn one_person_in_play_is_no_ambiguity() {
        // near miss: one person in play
        assert_count(&R, "Coach Mark Pettifer said the team was ready. “We are,” he said.", 0);
    }

    #[test]
    fn a_woman_and_a_man_are_told_apart_by_their_titles() {
        // near miss: a woman and a man (gender known from title)
        assert_count(&R, "Spokeswoman Ana Ruiz said Mr. Tom Lee agreed. “It is done,” she said.", 0);
    }

    #[test]
    fn a_man_named_only_through_a_role_set_off_by_commas_fits() {
        assert_count(
            &R,
            "Union negotiator Jens Albrecht called the strike.\n\n\
             Hesse's social affairs minister, Rüdiger von Bernstorff, met Albrecht on Sunday. \
             “There is no quick fix here,” he said.",
            1,
        );
    }

    #[test]
    fn a_man_named_after_by_fits() {
        assert_count(
            &R,
            "The film is produced by Los Angeles-based Carter Whitfield III and directed by João Vitor Albuquerque, who produced her albums.\n\n\
             “It is hers,” Whitfield said in a statement.\n\n\
             Whitfield first worked with Albuquerque in 2014. “She never sings a song the same way twice,” he said.",
            1,
        );
    }

    #[test]
    fn two_men_given_speech_verbs_in_the_sentence_before_both_fit() {
        // either could be "he"
        assert_count(
            &R,
            "Prof. Pieter Brouwer said the vote was quick, and publisher Hans Elzinga said the book sold well. \
             “We printed 3,000 copies,” he said.",
            1,
        );
    }
}
