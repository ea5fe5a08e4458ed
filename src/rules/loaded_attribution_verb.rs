use super::{Context, Diagnostic, Fix, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::attribution::ObjectKind;
use crate::lexicon;
use crate::quotes::narrative::TokKind;

declare_rule! {
    /// An attribution verb that takes a side: claimed, admitted, insisted, conceded.
    ///
    /// ## What it does
    /// Flags these verbs when they attribute words to a speaker (a quote or a reported
    /// statement follows or precedes them), with the reason each is loaded:
    /// - claimed: casts doubt on what follows;
    /// - admitted, confessed: imply fault or guilt;
    /// - insisted: implies stubbornness against the evidence;
    /// - conceded: implies losing an argument;
    /// - alleged: right only for a charge not yet proven;
    /// - boasted, bragged: imply vanity; complained, whined, scoffed: imply petulance or contempt.
    ///
    /// The legal and plain senses are told apart by what follows the verb: "admitted to
    /// hospital", "admitted liability in a court filing", "claimed responsibility for",
    /// "claimed victory" take an object and are not attribution, and are not flagged; nor is
    /// a verb that ends its clause with no words reported ("tenants who complained", "tenants
    /// who complained were told …"), nor
    /// "admitted (in March) to arranging the payments", an admission of an act. In
    /// court copy where "admitted" reports an admission of guilt, turn the rule off for that
    /// desk in `onrecord.toml`.
    ///
    /// ## Why is this bad?
    /// AP and Reuters: "said" is almost always the right verb; it is neutral and invisible.
    /// Loaded verbs put the writer's judgment into the attribution.
    ///
    /// ## Example
    ///     “We followed every rule,” Ruiz insisted.
    ///
    /// ## Use instead
    ///     “We followed every rule,” Ruiz said.
    pub struct LoadedAttributionVerb;
}

/// Objects after which "admitted"/"claimed" is not attribution but its legal or plain sense.
const NON_SPEECH_OBJECTS: &[&str] = &[
    "to",
    "into",
    "liability",
    "guilt",
    "wrongdoing",
    "responsibility",
    "credit",
    "victory",
    "title",
    "lives",
    "asylum",
    "ownership",
    "damages",
    "negligence",
    "fault",
    "charges",
    "fraud",
    "seats",
    "seat",
    "race",
    "defeat",
    "election",
    "contest",
    "match",
    "game",
    "goal",
    "goals",
    "penalty",
    "prize",
    "crown",
    "land",
    "territory",
];

impl Rule for LoadedAttributionVerb {
    fn id(&self) -> RuleId {
        RuleId::LoadedAttributionVerb
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
        for cue in &a.attributions.cues {
            let verb = a.doc.text(cue.verb);
            if !lexicon::is_loaded_verb(verb) || cue.subject.is_none() {
                continue;
            }
            let toks = cache.get(cue.block);
            let prev = cue
                .tok
                .checked_sub(1)
                .map(|i| &toks[i])
                .filter(|t| t.is_word())
                .map(|t| a.doc.text(t.span).to_ascii_lowercase());
            if cue.passive {
                continue; // passive: "was admitted to hospital"
            }
            // "no warranty claims on the vessels": after a noun that is not its subject the
            // word is a noun itself.
            let subject_ends_here = cue.subject.as_ref().is_some_and(|s| {
                cue.tok > 0 && s.span.end >= toks[cue.tok - 1].span.end && s.span.start <= toks[cue.tok - 1].span.start
            });
            let noun_use = !cue.quoted
                && !subject_ends_here
                && prev.as_deref().is_some_and(|p| {
                    p.chars().all(|c| c.is_lowercase())
                        && !crate::attribution::np::is_adverb(p)
                        && !matches!(
                            p,
                            "has"
                                | "have"
                                | "had"
                                | "also"
                                | "then"
                                | "later"
                                | "and"
                                | "but"
                                | "or"
                                | "who"
                                | "which"
                                | "that"
                                | "it"
                                | "he"
                                | "she"
                                | "they"
                                | "we"
                                | "i"
                                | "you"
                                | "once"
                                | "again"
                                | "never"
                                | "always"
                                | "still"
                                | "often"
                                | "even"
                                | "now"
                                | "first"
                                | "since"
                        )
                });
            if noun_use {
                continue;
            }
            // "The complaint alleges …", "prosecutors allege": a charge not yet proven, the
            // one use of "allege" that is right.
            let charging = cue.source_type == crate::attribution::SourceType::Document
                || cue.subject.as_ref().is_some_and(|s| {
                    let words = a.doc.text(s.span).to_ascii_lowercase();
                    let head = words.rsplit(' ').next().unwrap_or("");
                    matches!(head, "prosecutors" | "prosecutor" | "prosecution" | "plaintiffs" | "plaintiff")
                });
            if charging && verb.to_ascii_lowercase().starts_with("alleg") {
                continue;
            }
            // "tenants who complained.": a verb that ends its clause reports no words,
            // unless it closes a sentence it reports ("…, they insist.").
            let bare = toks.get(cue.tok + 1).is_none_or(|t| !t.is_word() && !t.is_punct(':') && !t.is_punct(','));
            let closing = cue.subject.as_ref().is_some_and(|s| {
                let first = toks[..cue.tok].partition_point(|t| t.span.start < s.span.start);
                first > 0 && matches!(toks[first - 1].kind, TokKind::Punct(',' | '—' | '–'))
            });
            if bare && !closing && !cue.quoted {
                continue;
            }
            // "Tenants who complained were told to wait": a relative clause that reports no
            // words, its main clause's verb right after it.
            let relative = prev.as_deref().is_some_and(|p| matches!(p, "who" | "that" | "which"))
                && next_words(a, toks, cue.tok, 1).first().is_some_and(|n| {
                    matches!(
                        n.as_str(),
                        "was"
                            | "were"
                            | "is"
                            | "are"
                            | "have"
                            | "has"
                            | "had"
                            | "will"
                            | "would"
                            | "could"
                            | "can"
                            | "got"
                    )
                });
            if relative && !cue.quoted {
                continue;
            }
            // The object, skipping a determiner: "claimed the title", "admitted liability".
            let object = toks[cue.tok + 1..]
                .iter()
                .take(2)
                .take_while(|t| t.is_word())
                .map(|t| a.doc.text(t.span).to_ascii_lowercase())
                .find(|n| {
                    !matches!(n.as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "full" | "partial")
                });
            // "insisted on a date", "complained of pain": a preposition and a thing, not a statement.
            let prep_object = next_words(a, toks, cue.tok, 2);
            let on_thing = matches!(prep_object.first().map(String::as_str), Some("on" | "upon" | "of" | "about"))
                && !prep_object.get(1).is_some_and(|w| is_time_word(w));
            if on_thing && !cue.quoted {
                continue;
            }
            if object.as_deref().is_some_and(|n| NON_SPEECH_OBJECTS.contains(&n)) && !cue.quoted {
                continue;
            }
            // "claimed the biggest win in its history", "had admitted 31 injured miners":
            // a thing taken or let in, not a statement: no clause follows the verb.
            if !cue.quoted && cue.object == ObjectKind::Thing {
                continue;
            }
            // "conceded at a union hall", "conceded late on Tuesday": the
            // race, not a point; no statement follows.
            if verb.to_ascii_lowercase().starts_with("conced") && !cue.quoted {
                let ahead = next_words(a, toks, cue.tok, 12);
                let bare = toks.get(cue.tok + 1).is_none_or(|t| !t.is_word());
                let place_or_time = ahead.first().is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "in" | "on"
                            | "at"
                            | "after"
                            | "before"
                            | "late"
                            | "early"
                            | "shortly"
                            | "minutes"
                            | "hours"
                            | "tonight"
                    )
                });
                if bare || place_or_time && !ahead.iter().any(|w| w == "that") {
                    continue;
                }
            }
            // "admitted in March to arranging the transfers", "confessed to the theft": an
            // admission of an act, the right word for it, not an attribution.
            let lower = verb.to_ascii_lowercase();
            let admission = lower.starts_with("admit") || lower.starts_with("confess");
            if admission && !cue.quoted {
                let ahead = next_words(a, toks, cue.tok, 5);
                if ahead.iter().take_while(|w| *w != "that").any(|w| w == "to") {
                    continue;
                }
                // ("admitted blocking a bailiff": the act itself, as a plea.)
                if ahead.first().is_some_and(|w| w.len() > 5 && w.ends_with("ing")) {
                    continue;
                }
            }
            let neutral = neutral_form(verb);
            out.push(
                Diagnostic::new(self, cue.verb, format!("'{verb}' takes a side; attribution verbs should be neutral"))
                    .help(format!("use '{neutral}'"))
                    .fix(Fix::unsafe_(cue.verb, neutral)),
            );
        }
        out
    }
}

fn next_words(a: &Analysis, toks: &[crate::quotes::narrative::Tok], at: usize, n: usize) -> Vec<String> {
    toks[at + 1..].iter().take(n).take_while(|t| t.is_word()).map(|t| a.doc.text(t.span).to_ascii_lowercase()).collect()
}

fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "the"
            | "this"
            | "that"
            | "several"
            | "many"
            | "numerous"
            | "multiple"
    )
}

/// The neutral verb in the same form: claims → says, claiming → saying, claimed → said.
fn neutral_form(verb: &str) -> String {
    let lower = verb.to_ascii_lowercase();
    let neutral = if lower.ends_with("ing") {
        "saying"
    } else if lower.ends_with('s') {
        "says"
    } else if lower.ends_with("ed") || lower == "whined" {
        "said"
    } else {
        "say"
    };
    if verb.chars().next().is_some_and(char::is_uppercase) {
        let mut c = neutral.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    } else {
        neutral.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::LoadedAttributionVerb as R;
    use crate::rules::testing::*;

    #[test]
    fn a_verb_that_ends_its_clause_reports_no_words() {
        assert_count(&R, "Ana Ruiz recalled the tenants who complained. She kept every letter.", 0);
        assert_count(&R, "“We never got the money,” Ruiz complained.", 1);
        assert_count(&R, "The delay is the board's fault, they insist.", 1);
    }

    #[test]
    fn a_relative_clause_before_its_main_verb_reports_no_words() {
        assert_count(&R, "Tenants who complained were told to wait for a letter.", 0);
        // near miss: the relative clause reports what they said
        assert_count(&R, "Tenants who complained that the heat was off were told to wait.", 1);
    }

    #[test]
    fn insisted_after_a_quote_is_flagged_and_fixed_to_said() {
        assert_flags(&R, "“We followed every rule,” Ruiz insisted.", "insisted");
        assert_fix(&R, "“We followed every rule,” Ruiz insisted.", "“We followed every rule,” Ruiz said.");
    }

    #[test]
    fn a_loaded_verb_before_reported_speech() {
        assert_count(&R, "Ruiz claimed the audit was wrong.", 1);
        assert_count(&R, "Ruiz admitted that the audit was late.", 1);
        assert_count(&R, "The mayor claimed the company lied to investors.", 1);
        assert_count(&R, "Ruiz insisted the plan would work.", 1);
        assert_count(&R, "Ruiz claimed the audit showed no losses.", 1);
    }

    #[test]
    fn a_loaded_verb_after_a_clause_or_adverb_between_it_and_its_subject() {
        assert_count(&R, "Ruiz, who chairs the board, claimed the audit was wrong.", 1);
        assert_count(&R, "Ruiz later claimed the audit was wrong.", 1);
    }

    #[test]
    fn a_pleading_or_a_prosecutor_alleging_a_charge_is_not_loaded() {
        assert_count(&R, "The complaint alleges that the guild hid its kiln fees for years.", 0);
        assert_count(&R, "Prosecutors allege that Greer hid the ferry logs.", 0);
        // near miss: a person alleging is still flagged
        assert_count(&R, "Greer alleged that the guild hid its kiln fees.", 1);
    }

    #[test]
    fn said_is_neutral() {
        // near miss
        assert_count(&R, "“We followed every rule,” Ruiz said.", 0);
    }

    #[test]
    fn admitted_to_hospital_is_not_attribution() {
        // near miss
        assert_count(&R, "Ruiz was admitted to hospital on Monday.", 0);
    }

    #[test]
    fn admitting_liability_or_claiming_responsibility_is_not_attribution() {
        // near misses
        assert_count(&R, "The company admitted liability in a court filing.", 0);
        assert_count(&R, "The group claimed responsibility for the attack.", 0);
    }

    #[test]
    fn conceding_a_race_is_not_attribution() {
        // near miss
        assert_count(&R, "Whitcombe, 61, conceded the race shortly after 11 p.m.", 0);
        // The race, with no object: a place or a time after the verb, and no statement.
        assert_count(&R, "Ana Ruiz, the Green nominee, conceded at a union hall in Dover.", 0);
        assert_count(&R, "Ruiz conceded late on Tuesday.", 0);
        assert_count(&R, "Dale Hune, 61, admitted blocking a bailiff at the wharf in May.", 0);
        // A statement after the place is still an admission.
        assert_count(&R, "Ruiz conceded in a letter that the kiln had failed.", 1);
    }

    #[test]
    fn admitted_in_a_relative_clause_about_a_deed_is_not_attribution() {
        // near miss
        assert_count(&R, "Oh Se-ra, who admitted in March to arranging the transfers, was fined.", 0);
    }

    #[test]
    fn the_noun_claims_is_not_a_verb() {
        // near miss
        assert_count(&R, "Kestrel has faced no warranty claims on the vessels it delivered.", 0);
    }

    #[test]
    fn a_thing_taken_or_let_in_is_not_a_statement() {
        assert_count(&R, "Kestrel Town claimed the biggest win in their history on Saturday.", 0);
        assert_count(&R, "Hospitals in the capital had admitted 31 injured miners by Tuesday night.", 0);
        assert_count(&R, "Rashidi claimed five for 37 as the visitors collapsed after lunch.", 0);
    }
}
