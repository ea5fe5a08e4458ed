use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::attribution::np::NpKind;
use crate::document::Span;
use crate::lexicon;

declare_rule! {
    /// An unnamed source with no reason given for the anonymity.
    ///
    /// ## What it does
    /// Flags a statement credited to an unnamed source ("a senior official said", "people
    /// familiar with the matter said", "a diplomat told reporters") when neither that sentence
    /// nor the next says why the source is not named (the next may open the following
    /// paragraph when it refers back: "The officials, who spoke on condition …"). Reasons are recognised in their common
    /// forms ("who spoke on condition of anonymity because …", "who asked not to be named",
    /// "not authorized to speak publicly", "for fear of reprisal"), kept as data in
    /// `data/lexicon/anonymity_reasons.txt`. Whoever only asks a question ("a reporter
    /// asked") is no source: a question asserts nothing.
    ///
    /// ## Why is this bad?
    /// AP: anonymous sources are used only when the material is information, not opinion, is
    /// not available otherwise, and the story says why the source was granted anonymity.
    /// Reuters has the same rule. An unexplained anonymous source is the first thing a
    /// standards editor asks about.
    ///
    /// ## Example
    ///     A senior official said the talks had stalled.
    ///
    /// ## Use instead
    ///     A senior official, who spoke on condition of anonymity because the talks are private,
    ///     said they had stalled.
    pub struct UnexplainedAnonymousSource;
}

impl Rule for UnexplainedAnonymousSource {
    fn id(&self) -> RuleId {
        RuleId::UnexplainedAnonymousSource
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
        // Each unnamed source: its phrase and verb, where it starts, and its head noun.
        let mut sources: Vec<(Span, usize, String)> = Vec::new();
        let head = |p: &str| p.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
        for cue in &a.attributions.cues {
            // A bare "officials said" is wire shorthand for the officials of a body the
            // copy names: unnamed, but not a source that needs its anonymity explained.
            // "A man yelled", "one voter said": the public at a public event is unnamed, but
            // no anonymity was granted.
            let public = |n: &crate::attribution::np::Np| matches!(&n.kind, NpKind::Anonymous(p) if p.split_whitespace().take(4).any(lexicon::is_member_of_public));
            let shorthand = |n: &crate::attribution::np::Np| matches!(&n.kind, NpKind::Anonymous(p) if matches!(p.as_str(), "officials" | "diplomats"));
            // "“Will the council resign?” a reporter asked": a question asserts nothing, so
            // whoever asks it is no source.
            let asks = a.doc.text(cue.verb).to_ascii_lowercase().starts_with("ask");
            if let Some(np) = cue
                .subject
                .as_ref()
                .filter(|n| matches!(n.kind, NpKind::Anonymous(_)) && !shorthand(n) && !public(n) && !asks)
            {
                let NpKind::Anonymous(p) = &np.kind else { continue };
                sources.push((np.span.cover(cue.verb), np.span.start, head(p)));
            }
        }
        for acc in &a.attributions.according {
            if let NpKind::Anonymous(p) = &acc.source.kind {
                if !p.split_whitespace().take(4).any(lexicon::is_member_of_public) {
                    sources.push((acc.span, acc.span.start, head(p)));
                }
            }
        }
        sources.sort_by_key(|&(_, at, _)| at);
        sources.dedup_by_key(|(_, at, _)| *at);
        // ("according to a Republican briefed on …": the phrase and the source inside it
        // are one source.)
        sources.dedup_by(|(inner, _, _), (outer, _, _)| outer.start <= inner.start && inner.end <= outer.end);
        for (span, at, head) in sources {
            let Some(s) = a.doc.sentence_at(at) else {
                continue;
            };
            if named_next(a, s, &head) {
                continue;
            }
            // "According to the charge sheet, a site inspector warned …": the document is
            // the source; the unnamed person is part of what it says.
            let sentence = a.doc.sentences[s].span;
            // The "according to" phrases are in document order: look at this sentence's.
            let according = &a.attributions.according;
            let first = according.partition_point(|acc| acc.span.start < sentence.start);
            let documented = according[first..]
                .iter()
                .take_while(|acc| sentence.contains(acc.span.start))
                .any(|acc| acc.span.end <= at && !matches!(acc.source.kind, NpKind::Anonymous(_) | NpKind::Vague(_)));
            if documented {
                continue;
            }
            // The reason belongs in the same sentence or the next one, which may open the
            // next paragraph when this sentence ends its own ("…, according to two
            // officials." ⏎ "The officials, who spoke on condition of anonymity …").
            // (Across the break only a sentence that refers back to the source: "The
            // officials, …", "They …", not "Another official, who …".)
            let block = a.doc.block_at(at).map(|b| a.doc.blocks[b].span);
            let end = a
                .doc
                .sentences
                .get(s + 1)
                .filter(|n| {
                    block.is_some_and(|b| b.contains(n.span.start)) || {
                        let first = a.doc.text(n.span).split_whitespace().next().unwrap_or("");
                        matches!(first, "The" | "They" | "He" | "She" | "Both")
                    }
                })
                .map_or(a.doc.sentences[s].span.end, |n| n.span.end);
            let window = crate::chars::lowercase(&a.doc.prose()[a.doc.sentences[s].span.start..end]);
            if reason_finders().iter().any(|f| f.find(window.as_bytes()).is_some()) {
                continue;
            }
            let phrase = a.doc.text(span).to_string();
            out.push(
                Diagnostic::new(self, span, format!("'{phrase}': anonymous source with no reason given"))
                    .help("say why the source was not named (\"who spoke on condition of anonymity because …\"), or name the source"),
            );
        }
        out
    }
}

/// A searcher for each phrase of `lexicon::anonymity_reasons`, built once: `str::contains`
/// set a searcher up for every phrase in every window it was asked about.
fn reason_finders() -> &'static [memchr::memmem::Finder<'static>] {
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> = std::sync::OnceLock::new();
    FINDERS.get_or_init(|| lexicon::anonymity_reasons().iter().map(memchr::memmem::Finder::new).collect())
}

/// A delayed identification: the sentence after the unnamed source's names it ("A retired
/// judge told the committee …" ⏎ "The judge, Ana Ruiz, sat …", or "Ana Ruiz, a judge
/// for 19 years, …"). The lede held the name back for the story's sake, not the source's.
fn named_next(a: &Analysis, s: usize, head: &str) -> bool {
    let Some(next) = a.doc.sentences.get(s + 1) else { return false };
    let words: Vec<&str> = a.doc.text(next.span).split_whitespace().take(14).collect();
    let capital = |w: &&str| w.starts_with(char::is_uppercase);
    let bare = |w: &str| w.trim_end_matches([',', '.']).to_ascii_lowercase();
    // "The judge, Ana Ruiz, …"
    let the_head =
        words.len() > 2 && words[0] == "The" && words[1].ends_with(',') && bare(words[1]) == head && capital(&words[2]);
    // "Ana Ruiz, a judge …": a name of capitalised words to a comma, then an article and
    // the head among the next few words.
    let name_end = words.iter().position(|w| w.ends_with(','));
    let named_then_head = name_end.is_some_and(|k| {
        (1..=3).contains(&k)
            && words[..=k].iter().all(capital)
            && words.get(k + 1).is_some_and(|w| matches!(*w, "a" | "an" | "the"))
            && words[k + 2..words.len().min(k + 6)].iter().any(|w| bare(w) == head)
    });
    !head.is_empty() && (the_head || named_then_head)
}

#[cfg(test)]
mod tests {
    use super::UnexplainedAnonymousSource as R;
    use crate::rules::testing::*;

    #[test]
    fn an_unnamed_official_with_no_reason() {
        assert_count(&R, "A senior official said the talks had stalled.", 1);
        assert_count(&R, "People familiar with the matter said the deal was off.", 1);
        // A place's name and a plain word among the modifiers, after an opening clause.
        assert_count(&R, "Hours after the vote, a Kellan harbor official said the ferry was late.", 1);
        // One finding for one source, "according to" and all.
        assert_count(&R, "The guild will vote on Friday, according to one Republican briefed on the kiln plan.", 1);
        // near miss: a clause of time before a plural subject is no unnamed source
        assert_count(&R, "The guild kept firing the glaze for two more years while managers argued over the cost.", 0);
    }

    #[test]
    fn an_administrator_of_a_body_is_an_unnamed_person_not_the_body() {
        assert_flags(&R, "A harbor administrator said the ferry would be late.", "A harbor administrator said");
    }

    #[test]
    fn an_unnamed_role_qualified_by_closeness_to_a_body() {
        assert_count(&R, "A Republican strategist close to the campaign said the ads would start next week.", 1);
        // near miss: the reason is given
        assert_count(
            &R,
            "A strategist close to the campaign, who spoke on condition of anonymity because the plans are not public, said the ads would start next week.",
            0,
        );
    }

    #[test]
    fn a_counted_role_and_a_long_serving_worker_are_unnamed_sources() {
        assert_count(&R, "One junior architect said the glaze specifications had been ignored for years.", 1);
        // "operator" may name a business ("the ferry operator said"); years of service make a worker.
        assert_count(&R, "A veteran ferry operator said the night crossings had been cut without notice.", 1);
        // near miss: a business named by what it does
        assert_count(&R, "The ferry operator said the night crossings would resume in May.", 0);
    }

    #[test]
    fn a_source_named_in_the_next_sentence_is_a_delayed_identification() {
        let lede = "A retired harbour pilot told the council on Monday that the ferry rules were unfair.\n\n";
        assert_count(&R, &format!("{lede}The pilot, Dana Hollis, brought ships into Kellan for 19 years."), 0);
        assert_count(&R, &format!("{lede}Dana Hollis, a pilot for 19 years, brought ships into Kellan."), 0);
        // near misses: the next sentence names someone else, or no one
        assert_count(&R, &format!("{lede}The guild chair, Dana Hollis, disagreed."), 1);
        assert_count(&R, &format!("{lede}The pilot brought ships into Kellan for 19 years."), 1);
    }

    #[test]
    fn an_unnamed_witness_described_by_what_they_did() {
        assert_count(&R, "A paramedic who reached the scene first said the driver was conscious.", 1);
    }

    #[test]
    fn officials_of_a_named_body_need_no_reason() {
        // near miss
        assert_count(&R, "The ministry confirmed the closure. Officials said the road would reopen in May.", 0);
    }

    #[test]
    fn a_reason_in_the_same_sentence_explains_it() {
        // near miss
        assert_count(&R, "A senior official, who spoke on condition of anonymity because the talks are private, said they had stalled.", 0);
    }

    #[test]
    fn a_reason_opening_the_next_paragraph_explains_it() {
        let text = "The harbor will close two piers, according to two officials familiar with the plan.\n\n\
                    The officials, who spoke on condition of anonymity because the plan is not final, said the vote was set.";
        assert_count(&R, text, 0);
        // but not two sentences on, nor a reason given for another source
        let text = "The harbor will close two piers, according to two officials familiar with the plan.\n\n\
                    The vote is set for May. The officials spoke on condition of anonymity.";
        assert_count(&R, text, 1);
        let text = "A senior official said the piers would close.\n\n\
                    Another official, who spoke on condition of anonymity because the plan is not final, said the vote was set.";
        assert_count(&R, text, 1);
    }

    #[test]
    fn a_reason_in_the_next_sentence_explains_it() {
        // near miss
        assert_count(
            &R,
            "A diplomat said the talks stalled. He asked not to be named because he was not authorized to speak.",
            0,
        );
    }

    #[test]
    fn a_named_source_is_not_anonymous() {
        // near miss
        assert_count(&R, "Foreign Minister Ana Ruiz said the talks had stalled.", 0);
    }

    #[test]
    fn the_public_at_a_public_event_owes_no_reason() {
        assert_count(&R, "As the mayor spoke, a man yelled, “Go home!”", 0);
        assert_count(&R, "At the town hall, a young woman asked whether the plant would close.", 0);
        // an unnamed source granted anonymity still does, however it is introduced
        assert_count(&R, "The plan was, in the words of a senior adviser, “dead on arrival.”", 1);
        assert_count(&R, "He left early, according to an attendee.", 1);
    }
}
