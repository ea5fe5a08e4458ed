use super::{Applicability, Context, Diagnostic, Edit, Fix, Rule, RuleId, Severity};
use crate::analysis::Analysis;
use crate::attribution::SourceType;
use crate::document::{floor_char_boundary, Span};

declare_rule! {
    /// Words inserted into a quote in parentheses.
    ///
    /// ## What it does
    /// Flags a parenthetical inside a direct quote: “the escalation (in tensions) with Japan”.
    ///
    /// ## Why is this bad?
    /// AP style: words a writer adds to a quote for clarity go in brackets, so the reader can
    /// tell them from the speaker's own words; parentheses inside a quote read as the
    /// speaker's. Better still, paraphrase and keep the quote to what was said.
    ///
    /// ## Example
    ///     “We are worried about the escalation (in tensions) with Japan,” she said.
    ///
    /// ## Use instead
    ///     “We are worried about the escalation [in tensions] with Japan,” she said.
    ///
    /// Not flagged: written words (an email, a report, a post, or a quote beside which a tweet
    /// or a post is named), asides in the speaker's own syntax or in the first person
    /// ("(or another amount)", "(I say this as a farmer)"), party labels, list markers and titles.
    ///
    /// The suggested fix swaps the parentheses for brackets; it is not applied automatically,
    /// because the editor must first check whether the words were the speaker's.
    pub struct ParentheticalInQuote;
}

impl Rule for ParentheticalInQuote {
    fn id(&self) -> RuleId {
        RuleId::ParentheticalInQuote
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (q, at) in a.quotes.quotes.iter().zip(&a.attributions.quotes) {
            // Written words keep their own parentheses: an email, a report, a post, a
            // sign. Only words someone said can have had words put into them.
            let written = matches!(at.source_type, SourceType::Document | SourceType::SocialMedia)
                || at.cue.as_deref().is_some_and(|c| {
                    matches!(
                        c,
                        "wrote"
                            | "writes"
                            | "write"
                            | "tweeted"
                            | "posted"
                            | "read"
                            | "reads"
                            | "published"
                            | "according to"
                    )
                });
            // "Ruiz posted on Monday: “…”": a post named beside the quote is written words too.
            let mut posted = None;
            for part in &q.parts {
                let text = a.doc.text(*part);
                let mut from = 0;
                while let Some(open) = text[from..].find('(').map(|i| i + from) {
                    let Some(close) = text[open..].find(')').map(|i| i + open) else {
                        break;
                    };
                    from = close + 1;
                    let inner = &text[open + 1..close];
                    // (1) list markers and (s) plurals are not insertions, nor a marker
                    // in capitals ("(REDACTED)") or a reference with digits ("(2 Cor. 5:17)",
                    // "(2019)"); a short date or figure an editor put in, "(on May 4)", is an
                    // insertion (a long aside with figures is the writer's own).
                    let lower_word = inner.split_whitespace().nth(4).is_none()
                        && inner.split_whitespace().any(|w| w.chars().all(char::is_lowercase));
                    let marker = inner.chars().any(char::is_alphabetic) && !inner.chars().any(char::is_lowercase)
                        || inner.chars().any(|c| c.is_ascii_digit()) && !lower_word;
                    // An aside in the speaker's own syntax ("(or another amount)", "(and
                    // perhaps are now)", "(just kidding)") and a party label ("(D-Va.)") are
                    // the original's, not words put in.
                    let first = inner.split_whitespace().next().unwrap_or("");
                    let aside = matches!(
                        first.trim_end_matches([':', ',']).to_lowercase().as_str(),
                        "or" | "and"
                            | "but"
                            | "just"
                            | "not"
                            | "there"
                            | "if"
                            | "see"
                            | "note"
                            | "as"
                            | "e.g."
                            | "i.e."
                            | "including"
                            | "especially"
                            | "say"
                            | "perhaps"
                            | "maybe"
                            | "possibly"
                            | "probably"
                    ) && inner.split_whitespace().count() >= 2
                        // "(emergency or otherwise)", "(intended or not)": the speaker's hedge.
                        || inner.ends_with(" or otherwise")
                        || inner.ends_with(" or not");
                    // A link or widget line ("(See the latest results here.)", "(Read more)").
                    let widget = matches!(first, "See" | "Read" | "Click" | "Watch" | "Listen" | "Subscribe");
                    // "“Nuestra Historia (Our History)”": a title's translation or subtitle,
                    // inside a quoted title.
                    let title_case = |t: &str| {
                        t.split_whitespace()
                            .filter(|w| w.chars().any(char::is_alphabetic))
                            .all(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
                    };
                    let title = title_case(inner) && title_case(&text[..open]) && title_case(&text[close + 1..]);
                    let party = inner.len() <= 12
                        && inner.as_bytes().get(1) == Some(&b'-')
                        && matches!(inner.as_bytes()[0], b'D' | b'R' | b'I');
                    // "(an apparent reference to Clinton)": a gloss only an editor writes,
                    // in written words as in spoken ones.
                    let lower = crate::chars::lowercase(inner);
                    let gloss = ["an apparent reference", "a reference to", "apparently referring", "referring to"]
                        .iter()
                        .any(|g| lower.starts_with(g));
                    // "(I say this as a farmer)": an aside in the first person is the speaker's own.
                    let own = inner
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| matches!(w, "I" | "me" | "my" | "we" | "us" | "our"));
                    let skip = inner.chars().count() <= 2
                        || own
                        || inner.trim().is_empty()
                        || marker
                        || aside
                        || party
                        || widget
                        || title
                        || written
                        || *posted.get_or_insert_with(|| posted_nearby(a, q));
                    if skip && !gloss {
                        continue;
                    }
                    let span = Span::new(part.start + open, part.start + close + 1);
                    let edits = vec![
                        Edit { start: span.start, end: span.start + 1, replacement: "[".into() },
                        Edit { start: span.end - 1, end: span.end, replacement: "]".into() },
                    ];
                    out.push(
                        Diagnostic::new(self, span, format!("parenthetical “({inner})” inside a quote"))
                            .help("words added to a quote go in [brackets]; or paraphrase outside the quote")
                            .fix(Fix { applicability: Applicability::Unsafe, edits }),
                    );
                }
            }
        }
        out
    }
}

/// Bytes read on each side of a quote for a post named beside it.
const NEARBY: usize = 200;

/// The sentence that opens the quote, or the one that closes it, names a post outside the
/// quote ("Ruiz posted on Monday: …", "…,” she wrote on Facebook.").
fn posted_nearby(a: &Analysis, q: &crate::quotes::Quote) -> bool {
    let prose = a.doc.prose();
    let before = a.doc.sentence_at(q.span.start).map_or(q.span.start, |s| a.doc.sentences[s].span.start);
    let after = a.doc.sentence_at(q.span.end.saturating_sub(1)).map_or(q.span.end, |s| a.doc.sentences[s].span.end);
    // Up to a line's worth on each side: a sentence of a marks-only file is the file.
    let before = before.min(q.span.start).max(floor_char_boundary(prose, q.span.start.saturating_sub(NEARBY)));
    let after = after.max(q.span.end).min(floor_char_boundary(prose, q.span.end + NEARBY));
    let outside = [&prose[before..q.span.start], &prose[q.span.end..after]];
    outside.iter().any(|text| {
        // Not "post": "the post-war era", "The Daily Post".
        text.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(w, "posted" | "blog")
                || w.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("tweet"))
                || ["twitter", "facebook", "instagram"].iter().any(|m| w.eq_ignore_ascii_case(m))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::ParentheticalInQuote as R;
    use crate::rules::testing::*;

    #[test]
    fn a_short_date_put_in_is_an_insertion_but_a_reference_or_a_long_aside_is_not() {
        assert_flags(&R, "“The fire (on May 4) was no accident,” Ruiz said.", "(on May 4)");
        // near misses: a reference, a year, a long aside with figures in written words
        assert_count(&R, "“Read it (2 Cor. 5:17) and weep,” the pastor said.", 0);
        assert_count(&R, "“The kiln (1898) still fires,” Ruiz said.", 0);
        assert_count(
            &R,
            "“Turnout rose to 55 percent (closer to the 60 percent share the guild reported in its own count) by noon,” Ruiz said.",
            0,
        );
    }

    #[test]
    fn words_in_parentheses_in_spoken_words_are_flagged_and_fixed_to_brackets() {
        assert_flags(&R, "“We fear the escalation (in tensions) with them,” she said.", "(in tensions)");
        assert_fix(
            &R,
            "“We fear the escalation (in tensions),” she said.",
            "“We fear the escalation [in tensions],” she said.",
        );
    }

    #[test]
    fn brackets_are_the_right_mark() {
        // near miss: brackets
        assert_count(&R, "“He [the governor] lied,” she said.", 0);
    }

    #[test]
    fn parentheses_outside_the_quote() {
        // near miss: parentheses outside quotes
        assert_count(&R, "The union (MSAU) said “no,” she said.", 0);
    }

    #[test]
    fn a_list_marker_in_parentheses_is_no_insertion() {
        // near miss: list markers
        assert_count(&R, "“Step (1) is done,” she said.", 0);
    }

    #[test]
    fn written_words_keep_their_own_parentheses() {
        // written words keep their own parentheses; an unknown source may have written them
        assert_count(&R, "“We fear the escalation (in tensions),” she wrote in an email.", 0);
        assert_count(&R, "“The file was (REDACTED) in full,” she said.", 0);
        assert_count(&R, "“Give $35 (or another amount) today,” she said.", 0);
    }

    #[test]
    fn the_speakers_own_asides_are_not_flagged() {
        // "(and perhaps are now)": on real copy such asides are the speaker's far more
        // often than words put in (judged false on PolNeAR train).
        assert_count(&R, "“We were (and perhaps still are) allies,” she said.", 0);
        assert_count(&R, "“Senator Ruiz (D-Va.) voted no,” she said.", 0);
        assert_count(&R, "“How one writes a brief (urgent or otherwise) matters,” she said.", 0);
    }

    #[test]
    fn a_gloss_in_the_middle_of_spoken_words_is_flagged() {
        assert_flags(
            &R,
            "“Every crew member (Filipino or Korean) deserves a contract,” she said.",
            "(Filipino or Korean)",
        );
    }

    #[test]
    fn an_editors_gloss_is_flagged_in_written_words_too() {
        assert_flags(
            &R,
            "“You were all in with S (an apparent reference to Ruiz),” the email reads.",
            "(an apparent reference to Ruiz)",
        );
    }

    #[test]
    fn a_writers_own_gloss_a_title_and_a_closing_aside_are_not_flagged() {
        assert_count(&R, "“We filed the PFD (the disclosure form) on time,” the email reads.", 0);
        assert_count(&R, "The ad, entitled “Nuestra Historia (Our History),” ran on Monday.", 0);
        assert_count(&R, "“Turnout rose to 64 percent. (See the latest results here.)”", 0);
    }

    #[test]
    fn an_aside_in_the_first_person_is_the_speakers_own() {
        assert_count(&R, "“The levy (and I say this as a farmer) is fair,” Varga said.", 0);
        assert_count(&R, "“We waited (Note: that makes three delays.) for hours,” Varga said.", 0);
        // near miss: the same aside in the third person is put in
        assert_flags(&R, "“The levy (on barns) is fair,” Varga said.", "(on barns)");
    }

    #[test]
    fn a_post_named_beside_the_quote_is_written_words() {
        assert_count(&R, "Ruiz sent a tweet on Monday: “Has the board (ask the clerk) paid the bill?”", 0);
        assert_count(&R, "“Has the board (ask the clerk) paid the bill?” Ruiz posted on Facebook.", 0);
        // near miss: "post" as a prefix or a paper's name is no post
        assert_flags(&R, "“The post-war council (the old board) met,” Ruiz told the Harbor Post.", "(the old board)");
    }

    #[test]
    fn a_clarification_in_title_case_put_into_spoken_words_is_flagged() {
        // a clarification put into spoken words, in title case or not, is still flagged
        assert_flags(&R, "“Then Ruiz (the Port Director) told us to leave,” she said.", "(the Port Director)");
    }
}
