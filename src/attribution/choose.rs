//! Which cue of its sentence a quote takes: the speech verb right after it (`“…,” X
//! said`), the nearest before it (`X said the plan was “…”`), or the cue that closes the
//! sentence (`“…” came in by the tide, he said`).

use super::np::{self, w, NpKind};
use super::Cue;
use crate::document::{Document, Span};
use crate::lexicon;
use crate::quotes::narrative::{Tok, TokKind};

/// The cue of a quote's sentence: right after the quote (`“…,” X said`) when the quote
/// leads, else the nearest speech verb before it (`X said the plan was “…”`).
pub(super) fn choose_cue(
    doc: &Document,
    toks: &[Tok],
    qt: usize,
    text: &str,
    at_start: bool,
    cues: &[usize],
    all: &[Cue],
) -> Option<usize> {
    // Whether a cue's verb reports words of its own: "… said that …", "… said the logs
    // differed".
    let own_content = |c: usize| {
        let cue = &all[c];
        // (After an inverted subject: "…,” said Ana Ruiz".)
        let from = cue.subject.as_ref().map_or(cue.verb.end, |s| s.span.end.max(cue.verb.end));
        toks[cue.tok + 1..].iter().take(12).find(|t| t.span.start >= from).is_some_and(|t| {
            t.is_word()
                && matches!(
                    w(doc, t).to_ascii_lowercase().as_str(),
                    "that"
                        | "the"
                        | "a"
                        | "an"
                        | "he"
                        | "she"
                        | "it"
                        | "they"
                        | "we"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "this"
                        | "there"
                )
        })
    };
    // After the quote, only the speaker phrase (and adverbs) may stand between the
    // quote and the verb: `“…,” the minister said`, not `“…,” and he expressed`.
    // (Only cues in the next 30 tokens can have nothing but their speaker between them
    // and the quote: the search stays bounded in a sentence of thousands of quotes.)
    let first_after = cues.partition_point(|&c| all[c].tok <= qt);
    let after = cues[first_after..].iter().copied().take_while(|&c| all[c].tok <= qt + 30).find(|&c| {
        let ct = all[c].tok;
        let subject = all[c].subject.as_ref().map(|n| n.span);
        // "“…,” the band's singer, Kofi Mensah-Bright, told the crowd": a named subject
        // right before the verb, after a short appositive.
        // "“…,” Ana Ruiz, director of the institute's threats project at the university,
        // said": a name that opens the tail may carry a longer appositive.
        let first_word = toks[qt + 1..ct.max(qt + 1)].iter().find(|t| t.is_word()).map(|t| t.span.start);
        // ("“…,” the economist Ana Ruiz, a former adviser to the board, wrote": an
        // article and a few lowercase words of role may stand before the name.)
        let role_first = |s: Span| {
            let before = &toks[qt + 1..ct.max(qt + 1)];
            let n = before.iter().take_while(|t| t.span.end <= s.start).count();
            (1..=4).contains(&n)
                && before[..n].iter().all(|t| t.is_word() && w(doc, t).starts_with(char::is_lowercase))
                && matches!(w(doc, &before[0]), "the" | "a" | "an")
        };
        let opens = subject.is_some_and(|s| first_word == Some(s.start) || role_first(s));
        let named_subject = subject.is_some_and(|s| s.start > toks[qt].span.end)
            && matches!(all[c].subject.as_ref().map(|n| &n.kind), Some(NpKind::Name(_)))
            && toks[qt + 1..ct.max(qt + 1)].iter().filter(|t| t.is_word()).count() <= if opens { 25 } else { 10 }
            // ("…,” Abel Mwangi, in a cap and “Ferry First” pins, said": a quote inside
            // the speaker's appositive, after the name, is no quote of the tail.)
            && !toks[qt + 1..ct.max(qt + 1)].iter().any(|t| match t.kind {
                TokKind::Break => true,
                TokKind::Quote(_) => subject.is_none_or(|s| t.span.start < s.end),
                _ => false,
            });
        // ("X said the fund would be “…,” and Ms. Y said that …": a conjunction after the
        // quote opens a clause of its own; its verb is no tag of the quote.)
        let conjunction = toks[qt + 1..ct.max(qt + 1)]
            .iter()
            .find(|t| t.is_word())
            .is_some_and(|t| matches!(w(doc, t), "and" | "but" | "while" | "whereas"))
            && own_content(c);
        ct > qt
            && !conjunction
            && (named_subject
                || toks[qt + 1..ct].iter().all(|t| match t.kind {
                    TokKind::Word => {
                        subject.is_some_and(|s| s.contains(t.span.start))
                            || np::is_adverb(w(doc, t))
                            || np::is_phrase_word(w(doc, t))
                            || matches!(w(doc, t), "the" | "a" | "an")
                    }
                    TokKind::Punct(c) => matches!(c, ',' | '—' | '–' | '-'),
                    _ => false,
                }))
    });
    // "Ortiz asked, “Will the board act?”": asking is how a question is said.
    let question = text.trim_end_matches(['”', '"', '’', '\'', ',', ' ']).ends_with('?');
    let asks = |c: usize| question && doc.text(all[c].verb).to_ascii_lowercase().starts_with("ask");
    let before = cues[..first_after]
        .iter()
        .copied()
        .rev()
        .find(|&c| all[c].tok < qt && all[c].speaker.is_some() && (all[c].states || asks(c)));
    // "Fundraising was “stagnant” as donors waited, he said.": a cue closing the
    // sentence after a comma reports all of it, the phrases quoted inside included.
    // (Within 60 tokens of the quote, and a tail of a few words: bounded, so a sentence of
    // thousands of quotes and cues stays linear.)
    let closing = cues[first_after..].iter().copied().take_while(|&c| all[c].tok <= qt + 60).find(|&c| {
        let cue = &all[c];
        let Some(subject) = cue.subject.as_ref() else { return false };
        let Some(first) =
            toks[qt + 1..=cue.tok].iter().position(|t| t.span.start >= subject.span.start.min(cue.verb.start))
        else {
            return false;
        };
        let first = qt + 1 + first;
        // ("…, said Ana Ruiz, a mill owner and rower.": an inverted speaker and
        // its appositive are no tail.)
        let after_subject =
            cue.tok + 1 + toks[cue.tok + 1..].iter().take(8).take_while(|t| t.span.end <= subject.span.end).count();
        let rest = &toks[after_subject..];
        // ("…, she said on the radio on Friday morning.": where and how is no tail.)
        // ("…, Ruiz proclaimed to a cheering crowd at the guild hall on Tuesday.": nor is
        // to whom, or when.)
        let place = rest.first().is_some_and(|t| {
            t.is_word() && matches!(w(doc, t), "in" | "on" | "at" | "during" | "to" | "after" | "before" | "while")
        });
        let limit = if after_subject > cue.tok + 1 && appositive_opens(doc, rest) || place { 15 } else { 7 };
        let tail = rest.iter().take(limit + 1).take_while(|t| !matches!(t.kind, TokKind::Break)).count();
        // (The comma may sit inside the marks of a quote before it: "… “…” and “…,” Ruiz
        // said".)
        // ("…, Wharf Board senior counsel Ana Ruiz wrote": the comma may stand before a
        // few words of title the speaker phrase leaves out.)
        let first = first
            - toks[qt + 1..first]
                .iter()
                .rev()
                .take(6)
                .take_while(|t| t.is_word() && !lexicon::is_function_word(&w(doc, t).to_lowercase()))
                .count();
        let comma = toks[first - 1].is_punct(',')
            || matches!(toks[first - 1].kind, TokKind::Quote(_))
                && doc.text(toks[first - 1].span).trim_end_matches(['”', '"', '’', '\'', ' ']).ends_with(',');
        cue.speaker.is_some()
            && cue.states
            && comma
            && tail <= limit
            && !rest[..tail].iter().any(|t| matches!(t.kind, TokKind::Quote(_)))
    });
    let leads = at_start
        || text.ends_with([',', '?', '!', '—', '-'])
        || toks.get(qt + 1).is_some_and(|t| t.is_punct(',') || t.is_punct('—'));
    // ("“Twelve boats” came in by the evening tide, he said.": a quote that opens
    // the sentence with no mark of speech after it is reported by the closing cue.)
    // (A speech verb after the quote with no speaker of its own, "“…” that would answer
    // the guild, counsel Ana Ruiz wrote", yields to the closing cue.)
    let spoken_after = after.filter(|&c| all[c].speaker.is_some());
    // "But even as Hollis claimed on Tuesday that “…,” one of the captains said the logs
    // differed": a quote that is the object of a verb a few words before it is that
    // verb's, when the verb after it reports something of its own.
    let bound_before = before.filter(|&c| {
        qt > 0
            && toks[qt - 1].is_word()
            && w(doc, &toks[qt - 1]).eq_ignore_ascii_case("that")
            && all[c].tok + 10 >= qt
            && toks[all[c].tok + 1..qt].iter().all(|t| matches!(t.kind, TokKind::Word | TokKind::Punct(_)))
    });
    if bound_before.is_some() && spoken_after.is_some_and(own_content) {
        return bound_before;
    }
    if leads {
        spoken_after.or(before).or(closing).or(after)
    } else {
        before.or(spoken_after).or(closing).or(after)
    }
}

/// ", a harbour clerk", ", 30, of Tarrow", ", Guild spokeswoman": a comma and what opens an
/// appositive after a name.
fn appositive_opens(doc: &Document, rest: &[Tok]) -> bool {
    let [comma, next, ..] = rest else { return false };
    comma.is_punct(',')
        && next.is_word()
        && (np::DETERMINERS.contains(&w(doc, next))
            || w(doc, next).starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()))
}
