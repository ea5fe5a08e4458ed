//! Whose words a phrase quoted inside a sentence is, when no speech verb says: the owner
//! of a speech noun ("Ruiz's claim that “…”"), the namer after a naming verb ("what
//! critics have called “…”"), and where a new clause starts.

use super::np::{self, w, Np, NpKind};
use crate::document::{Document, Span};
use crate::entities::names;
use crate::lexicon::{self, Pronoun};
use crate::quotes::narrative::Tok;

/// Whether a clause with its own subject starts between two tokens: ", and she", ", but
/// Ruiz" (looked for in the last 40 tokens before `to`).
pub(super) fn new_clause(doc: &Document, toks: &[Tok], from: usize, to: usize) -> bool {
    ((from + 1).max(to.saturating_sub(40))..to.saturating_sub(2)).any(|k| {
        toks[k].is_punct(',')
            && toks[k + 1].is_word()
            && matches!(w(doc, &toks[k + 1]), "and" | "but")
            && toks[k + 2].is_word()
            && (matches!(lexicon::pronoun(w(doc, &toks[k + 2])), Some(Pronoun::He | Pronoun::She | Pronoun::They))
                || names::is_name_word(w(doc, &toks[k + 2])))
    })
}

/// Nouns of things said: "her claim that …", "his “…” remark", "the suggestion by …".
fn is_speech_noun(word: &str) -> bool {
    matches!(
        word,
        "claim"
            | "assertion"
            | "suggestion"
            | "promise"
            | "pledge"
            | "call"
            | "comment"
            | "comments"
            | "remark"
            | "remarks"
            | "dictum"
            | "warning"
            | "vow"
            | "argument"
            | "contention"
            | "insistence"
            | "admission"
            | "boast"
            | "complaint"
            | "accusation"
            | "quip"
            | "broadside"
            | "criticism"
            | "characterization"
            | "description"
            | "prediction"
            | "declaration"
            | "demand"
            | "plea"
            | "retort"
            | "jab"
            | "threat"
            | "assurance"
            | "charge"
            | "words"
            | "line"
            | "refrain"
            | "mantra"
            | "catchphrase"
            | "statement"
            | "tweet"
            | "post"
            | "message"
            | "reply"
            | "response"
            | "answer"
            | "speech"
            | "explanation"
    )
}

/// Whose claim a phrase quoted after a speech noun is: the possessor before the noun
/// ("Ruiz's recent claim that …", "Greer’s “…” remark") or the agent after it ("the
/// suggestion by a rival that …"), within a few words of the quote.
pub(super) fn claimant(doc: &Document, toks: &[Tok], unit: std::ops::Range<usize>, qt: usize) -> Option<Np> {
    let lo = qt.saturating_sub(12).max(unit.start);
    // The noun before the quote, or right after it ("Greer’s “47 percent” comment").
    let after = toks.get(qt + 1).filter(|t| t.is_word() && is_speech_noun(w(doc, t))).map(|_| qt + 1);
    // (Not across "as": "dismissed criticism of Greer's comments as “…”" characterises
    // them in the subject's words.)
    let noun = after.or_else(|| {
        (lo..qt)
            .rev()
            .take_while(|&k| toks[k].is_word() && w(doc, &toks[k]) != "as")
            .find(|&k| is_speech_noun(w(doc, &toks[k])))
    })?;
    // ("Greer's statement was “true”": a verdict on the words, not the words; "Greer's
    // claim that there had been “…”", "Greer's claim is that …", "a pledge to be “…”"
    // are the words.)
    let between = toks.get(noun + 1..qt).unwrap_or(&[]);
    let copula = between.iter().take_while(|t| !(t.is_word() && w(doc, t) == "that")).enumerate().any(|(k, t)| {
        t.is_word()
            && matches!(w(doc, t), "is" | "was" | "are" | "were")
            && !between.get(k + 1).is_some_and(|n| n.is_word() && w(doc, n) == "that")
    });
    if copula {
        return None;
    }
    // "by X" or "from X" right after the noun.
    if noun < qt && noun + 1 < qt && matches!(w(doc, &toks[noun + 1]), "by" | "from") {
        let end = (noun + 2..qt).find(|&k| !toks[k].is_word() || w(doc, &toks[k]) == "that").unwrap_or(qt);
        return np::classify(doc, toks, noun + 2, end)
            .filter(|n| matches!(n.kind, NpKind::Name(_) | NpKind::Anonymous(_)));
    }
    // The possessive a few words before the noun: "Ruiz's recent evidence-free claim".
    let poss = (noun.saturating_sub(4).max(unit.start)..noun)
        .rev()
        .find(|&k| toks[k].is_word() && (w(doc, &toks[k]).ends_with("'s") || w(doc, &toks[k]).ends_with("’s")))?;
    let word = w(doc, &toks[poss]);
    let bare = word.trim_end_matches("'s").trim_end_matches("’s");
    if !bare.starts_with(char::is_uppercase) {
        return None;
    }
    let start = (unit.start..=poss)
        .rev()
        .take_while(|&k| {
            toks[k].is_word() && names::is_name_word(w(doc, &toks[k]).trim_end_matches("'s").trim_end_matches("’s"))
        })
        .last()?;
    let span = Span::new(toks[start].span.start, toks[poss].span.end - (word.len() - bare.len()));
    let text = doc.text(span).to_string();
    Some(Np { kind: NpKind::Name(text), span })
}

/// Verbs that give a thing a name or a label: the quote after them is the namer's words.
pub(super) fn is_naming_verb(word: &str) -> bool {
    let stem = word.trim_end_matches("ing").trim_end_matches("ed").trim_end_matches('s');
    matches!(
        stem,
        "call"
            | "label"
            | "labell"
            | "term"
            | "brand"
            | "describ"
            | "describe"
            | "deem"
            | "characteriz"
            | "characteris"
            | "portray"
            | "hail"
            | "derid"
            | "deride"
            | "seen"
            | "view"
            | "regard"
    )
}

/// The namer of a phrase quoted after a naming verb: the subject of a relative clause
/// ("an option that organizers have called “…”", "Greer, whom Ruiz on Monday called “…”")
/// or the agent of a passive ("has been called “…” by Ana Ruiz", "seen by the board as
/// a “…”"). None when the verb is the sentence's own (its subject is found elsewhere).
pub(super) fn namer(doc: &Document, toks: &[Tok], unit: std::ops::Range<usize>, qt: usize) -> Option<Np> {
    let lo = qt.saturating_sub(8).max(unit.start);
    let v = (lo..qt).rev().find(|&k| toks[k].is_word() && is_naming_verb(&w(doc, &toks[k]).to_ascii_lowercase()))?;
    // The agent after "by": between the verb and the quote, or right after the quote.
    let close =
        (qt + 1..unit.end.min(qt + 3)).find(|&k| toks[k].is_word()).filter(|&k| k == qt + 1 || !toks[k - 1].is_word());
    let by = (v + 1..qt)
        .find(|&k| toks[k].is_word() && w(doc, &toks[k]) == "by")
        .or(close.filter(|&k| w(doc, &toks[k]) == "by"));
    if let Some(b) = by {
        let ceil = if b < qt { qt } else { unit.end };
        let end = (b + 1..ceil)
            .find(|&k| !toks[k].is_word() || matches!(w(doc, &toks[k]), "as" | "in" | "on" | "at"))
            .unwrap_or(ceil);
        // ("by organizers", "by the guild": a group or body no list knows, by its words.)
        let plain = || {
            let from = if toks.get(b + 1).is_some_and(|t| matches!(w(doc, t), "the" | "its" | "their")) {
                b + 2
            } else {
                b + 1
            };
            (from < end && end - from <= 3).then(|| {
                let words: Vec<&str> = toks[from..end].iter().map(|t| w(doc, t)).collect();
                Np {
                    kind: NpKind::Body(words.join(" ")),
                    span: Span::new(toks[b + 1].span.start, toks[end - 1].span.end),
                }
            })
        };
        return np::classify(doc, toks, b + 1, end).or_else(plain);
    }
    // A relative pronoun a few words before the verb, its subject between them.
    let rel = (v.saturating_sub(6).max(unit.start)..v)
        .rev()
        .find(|&k| toks[k].is_word() && matches!(w(doc, &toks[k]), "who" | "whom" | "which" | "that" | "what"))?;
    if rel + 1 >= v {
        return None;
    }
    np::clause_subject(doc, toks, rel + 1, v).filter(|n| {
        matches!(
            n.kind,
            NpKind::Name(_) | NpKind::Pronoun(_) | NpKind::Body(_) | NpKind::Anonymous(_) | NpKind::Vague(_)
        )
    })
}
