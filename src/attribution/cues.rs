// Over 700 lines: `find_cues` is one pass of tests on each candidate verb (noun, participle,
// passive, thing taken) that read the same tokens; the subject readers live in np.rs and subject.rs.
//! Finding the speech verbs of a sentence and their speaker phrases: which words are
//! cues (not nouns, passives or verbs taking a thing) and whether a cue states something.

use super::np::{self, is, w, Np, NpKind};
use super::resolve::resolve;
use super::{Attributions, Cue, ObjectKind, SourceType};
use crate::chars::ascii_lowercase;
use crate::document::{Document, Span};
use crate::entities::Entities;
use crate::lexicon;
use crate::lexicon::Pronoun;
use crate::quotes::narrative::{Tok, TokKind};
use std::borrow::Cow;

/// Find the speech verbs of a sentence and resolve their speakers: their cues are pushed
/// to `out.cues` and their indices there written to `found` (cleared first: a buffer the
/// caller keeps, as most sentences have none or one).
#[allow(clippy::too_many_arguments)]
pub(super) fn find_cues(
    doc: &Document,
    toks: &[Tok],
    prev: &[Tok],
    unit: std::ops::Range<usize>,
    bi: usize,
    ents: &mut Entities,
    out: &mut Attributions,
    found: &mut Vec<usize>,
) {
    found.clear();
    for i in unit.clone() {
        let t = &toks[i];
        if !t.is_word() {
            continue;
        }
        // The word is read once: `put_it`, `reads`, `went_on` and `shot_back` each ask
        // for one of these words first.
        let head = w(doc, t);
        let other_cue = matches!(
            head,
            "put"
                | "puts"
                | "read"
                | "reads"
                | "found"
                | "finds"
                | "went"
                | "goes"
                | "shot"
                | "fired"
                | "hit"
                | "shoots"
                | "fires"
                | "hits"
        );
        if !(lexicon::is_speech_verb(head)
            || other_cue
                && (put_it(doc, toks, i, unit.end)
                    || reads(doc, t)
                    || went_on(doc, toks, i, unit.end)
                    || shot_back(doc, toks, i, unit.end)))
            || !verb_position(doc, toks, i, unit.start)
        {
            continue;
        }
        // "Greer was asked by host Dale Hune, …, “…?”": the asker is the passive's agent.
        let asked_by = matches!(w(doc, t), "asked" | "questioned" | "pressed")
            && toks.get(i + 1).is_some_and(|n| n.is_word() && w(doc, n) == "by")
            && passive(doc, toks, i, unit.start);
        if !asked_by && (passive(doc, toks, i, unit.start) || takes_a_thing(doc, toks, i, &unit)) {
            continue;
        }
        let word = w(doc, t);
        // Capitalised inside a sentence, a speech verb's form is a name's word: "the
        // United States", "Islamic State", "The Washington Post".
        if i > unit.start && word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // "two people reported missing": a participle, not a cue.
        if toks.get(i + 1).is_some_and(|n| n.is_word() && lexicon::is_reduced_relative(w(doc, n))) {
            continue;
        }
        // "said in a notice posted at the gate", "under a 12-year agreement announced
        // Wednesday": a participle after a preposition's document (up to two modifiers
        // between its determiner and its noun) describes the document; it is no verb of its
        // own ("the notice stated" is).
        if word.ends_with("ed")
            && i > unit.start + 2
            && toks[i - 1].is_word()
            && lexicon::is_document_noun(w(doc, &toks[i - 1]))
        {
            let det = (i.saturating_sub(4).max(unit.start + 1)..i - 1).rev().find(|&k| {
                toks[k].is_word() && crate::chars::with_lowercase(w(doc, &toks[k]), |l| matches!(l, "a" | "an" | "the"))
            });
            let object = det.is_some_and(|d| {
                toks[d + 1..i - 1]
                    .iter()
                    .all(|t| t.is_word() && w(doc, t).starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()))
                    && toks[d - 1].is_word()
                    && matches!(
                        w(doc, &toks[d - 1]),
                        "in" | "on" | "at" | "via" | "through" | "under" | "with" | "by" | "from"
                    )
            });
            if object {
                continue;
            }
        }
        // "submit written arguments", "a banner written in Korean": "written" is a verb of
        // its own only after "has", "have" or "had", or with its writer ("written by").
        if word == "written"
            && !(i > unit.start
                && toks[i - 1].is_word()
                && matches!(w(doc, &toks[i - 1]), "has" | "have" | "had" | "having"))
            && !toks.get(i + 1).is_some_and(|t| is(doc, t, "by"))
        {
            continue;
        }
        // "spoke with him by video call": a noun after "by" or "via", not a verb.
        if !word.ends_with("ed") && !word.ends_with("ing") && i > unit.start {
            let by = |k: usize| toks[k].is_word() && matches!(w(doc, &toks[k]), "by" | "via");
            if by(i - 1)
                || i - 1 > unit.start
                    && toks[i - 1].is_word()
                    && w(doc, &toks[i - 1]).starts_with(char::is_lowercase)
                    && by(i - 2)
            {
                continue;
            }
        }
        // "the storm warning", "a gale warning": a noun after a determiner, not a verb.
        if word.ends_with("ing") && i > unit.start {
            let det = |k: usize| {
                toks[k].is_word()
                    && crate::chars::with_lowercase(w(doc, &toks[k]), |l| {
                        matches!(
                            l,
                            "the"
                                | "a"
                                | "an"
                                | "this"
                                | "that"
                                | "little"
                                | "no"
                                | "any"
                                | "without"
                                | "fair"
                                | "advance"
                        )
                    })
            };
            if det(i - 1) || (i - 1 > unit.start && toks[i - 1].is_word() && det(i - 2)) {
                continue;
            }
        }
        // "in many Baltic states", "other reports": a plural noun after a quantifier (and an
        // adjective), not a verb.
        if word.ends_with('s') && i > unit.start {
            let quantifier = |k: usize| {
                toks[k].is_word()
                    && crate::chars::lower_is_any(
                        w(doc, &toks[k]),
                        &[
                            "many", "some", "several", "all", "both", "other", "these", "those", "most", "few",
                            "various", "numerous", "member",
                        ],
                    )
            };
            if quantifier(i - 1) || (i - 1 > unit.start && toks[i - 1].is_word() && quantifier(i - 2)) {
                continue;
            }
        }
        let mut subject = if asked_by {
            np::after(doc, toks, i + 2, unit.end)
        } else if word.ends_with("ing") {
            participle_subject(doc, toks, i, unit.start)
        } else {
            np::before_relative(doc, toks, i, unit.start)
        };
        // Inverted: `“…,” said X` or `said X, title`.
        let after_quote = |k: usize| matches!(toks[k].kind, TokKind::Quote(_));
        // (Never a participle: "…, saying the city …" has its speaker before it.)
        // ("Ruiz, citing “the strength of the wharf,” said the mayor could win": a quote
        // inside a phrase set off after the subject, who is found before it.)
        let set_off = |q: usize| {
            subject.as_ref().is_some_and(|n| matches!(n.kind, NpKind::Name(_) | NpKind::Pronoun(_)))
                && q > unit.start + 1
                && toks[q - 1].is_word()
                && w(doc, &toks[q - 1]).starts_with(char::is_lowercase)
        };
        let inverted = !(word.ends_with("ing") && i > unit.start)
            && (i == unit.start
                || after_quote(i - 1) && !set_off(i - 1)
                || (i >= 2 && !toks[i - 1].is_word() && after_quote(i - 2) && !set_off(i - 2))
                || (i - 1 == unit.start && !toks[i - 1].is_word()));
        // "The tide turned and the nets came up empty, said Ana Ruiz, a clerk.": after a comma, with
        // nothing before it to speak, a verb and a name closing the clause (a comma, the
        // sentence's end, a time or place after it) are inverted too; "The union, in a
        // statement, said Greer had lied" has its subject before, and a verb after the name.
        // ("…, written by Ana Ruiz, …": a passive's agent writes, but does not speak here;
        // "…, who rowed for the club, wrote on her page": a preposition opens no speaker.)
        // ("That would create a “…” for the islands, forcing …, said Ana Ruiz": a phrase
        // after a preposition is its object, no subject of the verb; the name after it is.)
        // (Back from the verb, at most 40 tokens: the look stays bounded in a sentence of
        // thousands of cues.)
        let object_of_preposition = subject.as_ref().is_some_and(|n| {
            let lo = i.saturating_sub(40).max(unit.start);
            let at = (lo..i).rev().take_while(|&k| toks[k].span.start >= n.span.start).last().unwrap_or(i);
            at > unit.start
                && toks[at - 1].is_word()
                && (is_preposition(w(doc, &toks[at - 1]))
                    || matches!(w(doc, &toks[at - 1]), "for" | "of" | "by" | "about"))
        });
        if !inverted
            && (subject.is_none() || object_of_preposition)
            && i > unit.start + 1
            && toks[i - 1].is_punct(',')
            && !word.ends_with("ing")
            && toks.get(i + 1).is_some_and(|n| n.is_word() && !is_preposition(w(doc, n)) && w(doc, n) != "by")
        {
            if let Some(after) = np::after(doc, toks, i + 1, unit.end).filter(|n| {
                let next = toks[i + 1..unit.end].iter().find(|t| t.span.start >= n.span.end);
                matches!(n.kind, NpKind::Name(_))
                    && next.is_none_or(|t| {
                        !t.is_word() || matches!(w(doc, t), "on" | "in" | "at" | "during" | "after" | "last" | "this")
                    })
            }) {
                subject = Some(after);
            }
        }
        if inverted {
            if let Some(after) =
                np::after(doc, toks, i + 1, unit.end).or_else(|| np::unnamed_after(doc, toks, i + 1, unit.end))
            {
                subject = Some(after);
            }
        }
        // "X said … but described …": coordinated verbs share the subject, and its speaker
        // (a pronoun is not resolved a second time, further on).
        let mut shared = None;
        // ("She observed that the mayor might ask …, and argued …": after a joiner the verb is
        // the earlier one's partner, whatever phrase stands before "and".)
        let joined = i > unit.start && toks[i - 1].is_word() && matches!(w(doc, &toks[i - 1]), "and" | "but");
        // (The sentence's first cue, its main verb: "She observed that the mayor might ask …,
        // and argued" pairs "argued" with "observed", not with "ask".)
        if subject.is_none() || joined {
            if let Some(prev) =
                out.cues.iter().rev().take_while(|c| c.block == bi && c.tok >= unit.start).filter(|c| c.tok < i).last()
            {
                subject = prev.subject.clone();
                shared = Some((prev.speaker.clone(), prev.entity, prev.source_type));
            }
        }
        // "“…,” I said": the narrator of a first-person piece is its bylined writer.
        // (Not in a transcript's answer, "HOLLIS-GRANT: … I told her, “…”": the label's speaker.)
        let labelled = toks.iter().take(4).position(|t| t.is_punct(':')).is_some_and(|k| {
            k > 0 && toks[..k].iter().all(|t| t.is_word() && !w(doc, t).chars().any(char::is_lowercase))
        });
        if subject.is_none() && !labelled && i > unit.start && toks[i - 1].is_word() && w(doc, &toks[i - 1]) == "I" {
            if let Some(id) = ents.author() {
                subject = Some(Np { kind: NpKind::Name(ents.entities[id].name.clone()), span: toks[i - 1].span });
            }
        }
        if subject.is_none() {
            subject = np::clause_subject(doc, toks, unit.start, i);
        }
        // A participle opening the sentence ("Asked about Clinton, she replied") has its
        // subject after the comma, never the words right after it.
        let opening_participle = i == unit.start && (word.ends_with("ing") || word.ends_with("ed"));
        // Nor does a participle inside the sentence: "…, saying the plan was …".
        let participle = i > unit.start && word.ends_with("ing");
        // (Never a preposition's object: "a friend said on Facebook" is not Facebook.)
        let preposition = toks.get(i + 1).is_some_and(|n| n.is_word() && is_preposition(w(doc, n)));
        // Nor after an auxiliary, a negation or a joiner: "he did not mention Ana Ruiz", "to
        // tell Greer", "…, and accused Greer of …" have their object after the verb, not a
        // speaker.
        let auxiliary = i > unit.start
            && toks[i - 1].is_word()
            && crate::chars::with_lowercase(w(doc, &toks[i - 1]), |l| {
                matches!(
                    l,
                    "not"
                        | "never"
                        | "did"
                        | "didn't"
                        | "didn’t"
                        | "does"
                        | "doesn't"
                        | "doesn’t"
                        | "don't"
                        | "don’t"
                        | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "should"
                        | "might"
                        | "must"
                        | "to"
                        | "and"
                        | "but"
                        | "or"
                )
            });
        if subject.is_none() && !opening_participle && !participle && !preposition && !auxiliary {
            subject = np::after(doc, toks, i + 1, unit.end);
        }
        // "the editorial read", "it read": a document reads; a person reading does not speak.
        let document = |n: &Np| match &n.kind {
            NpKind::Body(text) => lexicon::is_document_noun(text.rsplit(' ').next().unwrap_or("")),
            NpKind::Pronoun(p) => *p == Pronoun::It,
            _ => false,
        };
        // (Only where a quote or a colon follows: "a statement read on television" is a
        // participle, "it was read" a passive.)
        let quote_follows = toks.get(i + 1).is_none_or(|n| !n.is_word()) || inverted;
        let finding = matches!(word, "found" | "finds");
        if reads(doc, t) && !(subject.as_ref().is_some_and(document) && (quote_follows || finding)) {
            continue;
        }
        // (A speaker phrase never runs across a colon: "Q: You told us …" names no "Q".)
        if subject.as_ref().is_some_and(|n| {
            // (A colon between digits, "10:30", "18:21", is no break.)
            let between = doc.text(Span::new(n.span.start.min(t.span.start), t.span.start)).as_bytes();
            between.windows(2).any(|p| p[0] == b':' && !p[1].is_ascii_digit())
        }) {
            subject = None;
        }
        let (speaker, entity, mut source_type) = match shared {
            Some(resolved) if subject.is_some() => resolved,
            _ => resolve(doc, subject.as_ref(), bi, ents, &out.cues),
        };
        // A post is a post whoever makes it: a person or a group writing on X.
        if social_context(doc, toks, prev, i, unit.end)
            && matches!(source_type, SourceType::NamedPerson | SourceType::Organization)
        {
            source_type = SourceType::SocialMedia;
        }
        let cue = Cue {
            verb: t.span,
            subject,
            block: bi,
            tok: i,
            unit: unit.start,
            speaker,
            entity,
            source_type,
            quoted: false,
            states: states(doc, toks, i),
            passive: be_before(doc, toks, i),
            object: object_kind(doc, toks, i),
        };
        out.cues.push(cue);
        found.push(out.cues.len() - 1);
    }
}

/// "“…,” he went on": going on is speaking on, when the sentence or a quote follows.
fn went_on(doc: &Document, toks: &[Tok], i: usize, end: usize) -> bool {
    matches!(w(doc, &toks[i]), "went" | "goes")
        && i + 1 < end
        && w(doc, &toks[i + 1]) == "on"
        && toks.get(i + 2).is_none_or(|n| !n.is_word())
}

/// "Ruiz shot back: “…”", "fired back", "hit back": answering in kind is speaking.
fn shot_back(doc: &Document, toks: &[Tok], i: usize, end: usize) -> bool {
    matches!(w(doc, &toks[i]), "shot" | "fired" | "hit" | "shoots" | "fires" | "hits")
        && i + 1 < end
        && w(doc, &toks[i + 1]) == "back"
        && toks.get(i + 2).is_none_or(|n| !n.is_word() || matches!(w(doc, n), "at" | "that"))
}

/// "read" and "reads", a cue only with a document as subject (checked once it is known);
/// so are a finding's verbs ("the audit found that …", "a review found “…”").
fn reads(doc: &Document, t: &Tok) -> bool {
    matches!(w(doc, t), "read" | "reads" | "found" | "finds")
}

/// "As Ruiz put it:", "as one voter puts it,", "a pilot put it more bluntly.": "put it"
/// reports words (with up to three words of manner after it).
fn put_it(doc: &Document, toks: &[Tok], i: usize, end: usize) -> bool {
    let manner = |t: &Tok| {
        t.is_word() && {
            let w = w(doc, t);
            w.ends_with("ly")
                || matches!(w, "more" | "most" | "less" | "even" | "so" | "best" | "this" | "that" | "way" | "another")
        }
    };
    // "put the question directly: “…?”": a question put is a question asked.
    let question = toks.get(i + 1).is_some_and(|t| t.is_word() && matches!(w(doc, t), "the" | "a"))
        && toks.get(i + 2).is_some_and(|t| is(doc, t, "question"));
    matches!(w(doc, &toks[i]), "put" | "puts") && (question || toks.get(i + 1).is_some_and(|t| is(doc, t, "it"))) && {
        let from = if question { i + 3 } else { i + 2 };
        let next = (from..end.min(from + 4)).find(|&k| !manner(&toks[k]));
        // (A question put opens its own quote after the colon: not "put the question: who
        // pays for the “terminal”?")
        let quoted =
            |k: usize| toks[k].is_punct(':') && toks.get(k + 1).is_some_and(|t| matches!(t.kind, TokKind::Quote(_)));
        next.is_none_or(|k| k < from + 3 && !toks[k].is_word() && (!question || quoted(k)))
    }
}

/// "the count was announced", "is expected": a passive speech verb names no speaker,
/// except the impersonal "it is believed", which the vague-attribution rule reads.
fn passive(doc: &Document, toks: &[Tok], i: usize, floor: usize) -> bool {
    let mut k = i;
    while k > floor
        && toks[k - 1].is_word()
        && matches!(w(doc, &toks[k - 1]), "widely" | "generally" | "also" | "often")
    {
        k -= 1;
    }
    if k == floor || !toks[k - 1].is_word() {
        return false;
    }
    let be = matches!(w(doc, &toks[k - 1]), "was" | "were" | "been" | "being" | "is" | "are" | "be");
    // ("it is said", "it has been reported": impersonal; "the plan has been called" is not.)
    let it = |j: usize| j >= floor && toks[j].is_word() && matches!(w(doc, &toks[j]), "it" | "It");
    let impersonal = k >= floor + 2
        && (it(k - 2)
            || toks[k - 2].is_word() && matches!(w(doc, &toks[k - 2]), "has" | "had") && k >= floor + 3 && it(k - 3));
    be && !impersonal
}

/// A speech-verb form used as a verb, not a noun ("the call", "a claim", "in a statement").
fn verb_position(doc: &Document, toks: &[Tok], i: usize, floor: usize) -> bool {
    if i == floor {
        // "Asked whether …, he said": a participle opening the sentence is not its verb.
        let word = w(doc, &toks[i]);
        return !(word.ends_with("ed") || word == "Told") || !word.starts_with(char::is_uppercase);
    }
    let prev = &toks[i - 1];
    if !prev.is_word() {
        return true;
    }
    let p = ascii_lowercase(w(doc, prev));
    // "Ruiz went on to say, “…”", "was prompted to add: “…”": an infinitive right before
    // the quote it introduces says it.
    if p == "to" {
        let quote_next = |k: usize| toks.get(k).is_some_and(|t| matches!(t.kind, TokKind::Quote(_)));
        // "Ruiz was quick to add that …", "went on to say that …": a frame that only
        // hurries or continues the saying.
        let frame = i >= floor + 2
            && toks[i - 2].is_word()
            && matches!(
                w(doc, &toks[i - 2]),
                "quick" | "careful" | "eager" | "keen" | "on" | "hastened" | "continued" | "proceeded" | "pains"
            );
        return quote_next(i + 1)
            || toks.get(i + 1).is_some_and(|t| t.is_punct(',') || t.is_punct(':')) && quote_next(i + 2)
            || frame;
    }
    // "a rise in claims", "worked as ferry agent": after a preposition a bare or
    // plural form is a noun ("by warning that …", "as noted" stay verbs).
    let word = w(doc, &toks[i]);
    if matches!(&*p, "in" | "on" | "at" | "with" | "from" | "into" | "about" | "as" | "without" | "against")
        && !word.ends_with("ing")
        && !word.ends_with("ed")
        && !matches!(word, "said" | "told" | "wrote" | "spoke")
    {
        return false;
    }
    // "the company's claim": after a possessive the word is a noun.
    if p.ends_with("'s") || p.ends_with("’s") {
        return false;
    }
    // "Greer's Facebook post", "the mill's annual report": a bare form one word after a
    // possessive is a noun too ("Greer's lawyer said", "… says", "Greer's critics argue"
    // stay verbs).
    if i >= floor + 2
        && !p.ends_with('s')
        && toks[i - 2].is_word()
        && (w(doc, &toks[i - 2]).ends_with("'s") || w(doc, &toks[i - 2]).ends_with("’s"))
        && !word.ends_with('s')
        && !word.ends_with("ed")
        && !word.ends_with("ing")
        && !matches!(word, "said" | "told" | "wrote" | "spoke" | "put" | "read")
    {
        return false;
    }
    // "taking questions", "fielding calls": the object of a verb of doing.
    if matches!(
        w(doc, prev),
        "make" | "makes" | "making" | "made" | "take" | "takes" | "taking" | "took" | "field" | "fielding" | "fielded"
    ) {
        return false;
    }
    // "the head of the Vermont state parks board": a place is one thing, and a verb's
    // bare form after it ("Vermont state", "Idaho report") is a noun it modifies.
    // (Only the bare forms that are nouns too: "China said" is a place speaking.)
    let word = w(doc, &toks[i]);
    let noun_form = matches!(word, "state" | "report" | "note" | "claim" | "comment" | "reply" | "answer");
    if noun_form && w(doc, prev).starts_with(char::is_uppercase) && lexicon::is_place(w(doc, prev)) {
        return false;
    }
    // "a former state treasurer", "the old state charter": the bare form
    // "state" is a verb only after a plural or a pronoun subject or an auxiliary ("they
    // state", "did not state"); after anything else it is the noun.
    if word == "state"
        && !(p.ends_with('s')
            || matches!(
                &*p,
                "i" | "we"
                    | "you"
                    | "they"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "shall"
                    | "did"
                    | "do"
                    | "does"
                    | "not"
                    | "also"
                    | "clearly"
                    | "explicitly"
            ))
    {
        return false;
    }
    // "a protein called Kelvase": a thing's name, not a speech act ("The union called
    // Hune a liar" has a definite subject).
    if word == "called" && i >= floor + 2 && matches!(w(doc, &toks[i - 2]), "a" | "an" | "A" | "An") {
        return false;
    }
    let next = |k: usize| toks.get(i + k).filter(|t| t.is_word()).map(|t| w(doc, t));
    // "added 77 for the fourth wicket": a sum, not a remark.
    if matches!(word, "add" | "adds" | "added") && next(1).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    // "a run of drug recalls", "a wave of warranty claims": a plural noun after a
    // preposition and its noun, not a verb ("the head of the agency reports" is one).
    if word.ends_with('s')
        && i >= floor + 2
        && toks[i - 2].is_word()
        && matches!(
            &*ascii_lowercase(w(doc, &toks[i - 2])),
            "of" | "for" | "in" | "on" | "with" | "from" | "about" | "by" | "at"
        )
        && w(doc, prev).chars().all(|c| c.is_ascii_lowercase())
        && !matches!(&*p, "the" | "a" | "an" | "and")
    {
        return false;
    }
    !matches!(
        &*p,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "to"
            | "of"
            | "whose"
            | "for"
            | "no"
            | "any"
            | "new"
            | "phone"
            | "and"
            // ("her most pointed remark", "an early warning system": a modifier's word.)
            | "most"
            | "very"
            | "early"
    ) || (p == "and" && i >= 2 && toks[i - 2].is_word())
        // ("…, and accused Hune of …", "…, and said …": a past tense after a comma's "and"
        // is the clause's second verb; "…, and reports" may be a list's last noun.)
        || (p == "and"
            && i >= 2
            && toks[i - 2].is_punct(',')
            && (word.ends_with("ed") || matches!(word, "said" | "told" | "wrote")))
}

/// The word right before the verb is a form of "be", in any case.
fn be_before(doc: &Document, toks: &[Tok], verb: usize) -> bool {
    verb.checked_sub(1).map(|k| &toks[k]).filter(|t| t.is_word()).is_some_and(|t| {
        let word = w(doc, t);
        ["was", "were", "been", "be", "being", "is", "are"].iter().any(|be| word.eq_ignore_ascii_case(be))
    })
}

/// What the (up to eight) words right after the verb are.
fn object_kind(doc: &Document, toks: &[Tok], verb: usize) -> ObjectKind {
    // Most verbs are followed by a name, "that", a quote or punctuation: the rest of the
    // words are read only after a word that can start a noun phrase.
    let first = toks.get(verb + 1).filter(|t| t.is_word()).map(|t| ascii_lowercase(w(doc, t)));
    if !first.as_deref().is_some_and(starts_phrase) {
        return ObjectKind::Other;
    }
    let words: Vec<Cow<str>> =
        toks[verb + 1..].iter().take(8).take_while(|t| t.is_word()).map(|t| ascii_lowercase(w(doc, t))).collect();
    if thing_object(&words) {
        ObjectKind::Thing
    } else {
        ObjectKind::Other
    }
}

/// A determiner or a number, in lower case: the first word of a noun phrase.
fn starts_phrase(word: &str) -> bool {
    matches!(word, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our") || number_word(word)
}

/// Words after a verb that are a noun phrase and nothing more: a determiner or a number
/// first, and no verb of a clause after it ("the company lied", "the plan would work").
fn thing_object(words: &[Cow<str>]) -> bool {
    let Some(first) = words.first() else { return false };
    if !starts_phrase(first) {
        return false;
    }
    let modifier = |w: &str| {
        matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "more" | "most" | "some")
            || number_word(w)
    };
    // A clause of its own after the phrase ("… as the visitors collapsed") is not its object.
    let end = words
        .iter()
        .position(|w| {
            matches!(&**w, "as" | "when" | "while" | "after" | "before" | "because" | "since" | "until" | "but" | "and")
        })
        .unwrap_or(words.len());
    let words = &words[..end];
    !words.iter().enumerate().any(|(i, w)| {
        let finite = matches!(
            &**w,
            "was"
                | "were"
                | "is"
                | "are"
                | "had"
                | "has"
                | "have"
                | "would"
                | "will"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "do"
                | "that"
                | "lacked"
                | "knew"
        );
        // A past form after a noun is the clause's verb ("the company lied"); after a
        // determiner or number it is an adjective ("23 injured workers").
        let past = i > 0 && w.len() > 3 && w.ends_with("ed") && !modifier(&words[i - 1]);
        finite || past
    })
}

/// "19", "1,200", "six", "dozens": a count.
fn number_word(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit() || c == ',')
        || matches!(
            w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "dozens"
                | "hundreds"
                | "thousands"
        )
}

/// "Clinics had admitted 23 injured workers", "the club has conceded 14 goals": a verb
/// of speech in its other sense, taking a thing, in a sentence without a quote.
fn takes_a_thing(doc: &Document, toks: &[Tok], verb: usize, unit: &std::ops::Range<usize>) -> bool {
    let word = ascii_lowercase(w(doc, &toks[verb]));
    // "The judge denied the request", "had denied the company fair treatment": a ruling or
    // a refusal, not a denial of what someone said.
    if word.starts_with("deni") || word.starts_with("deny") {
        return toks[verb + 1..unit.end.min(verb + 7)].iter().take_while(|t| t.is_word()).any(|t| {
            matches!(
                w(doc, t),
                "request"
                    | "requests"
                    | "motion"
                    | "motions"
                    | "application"
                    | "applications"
                    | "appeal"
                    | "petition"
                    | "bail"
                    | "parole"
                    | "permission"
                    | "access"
                    | "entry"
                    | "visa"
                    | "visas"
                    | "treatment"
                    | "benefits"
                    | "permit"
                    | "licence"
                    | "license"
                    | "funding"
            )
        });
    }
    if !["admit", "claim", "concede"].iter().any(|v| word.starts_with(v)) {
        return false;
    }
    if toks[unit.clone()].iter().any(|t| matches!(t.kind, TokKind::Quote(_))) {
        return false;
    }
    let words: Vec<Cow<str>> = toks[verb + 1..unit.end]
        .iter()
        .take(8)
        .take_while(|t| t.is_word())
        .map(|t| ascii_lowercase(w(doc, t)))
        .collect();
    thing_object(&words)
}

/// Whether a speech verb reports something said: not a question or request ("asked the
/// court to …") and not negated ("did not say", "declined to comment").
fn states(doc: &Document, toks: &[Tok], verb: usize) -> bool {
    let word = ascii_lowercase(w(doc, &toks[verb]));
    if word.starts_with("ask") {
        return false;
    }
    let mut k = verb;
    while k > 0 && toks[k - 1].is_word() && matches!(w(doc, &toks[k - 1]), "immediately" | "publicly" | "yet" | "also")
    {
        k -= 1;
    }
    let before = |n: usize| (k >= n && toks[k - n].is_word()).then(|| ascii_lowercase(w(doc, &toks[k - n])));
    match before(1).as_deref() {
        Some("not" | "never" | "didn't" | "don't" | "doesn't" | "won't" | "wouldn't" | "hasn't" | "haven't") => false,
        // Hypothetical: "the union would announce action", "it will decide".
        Some("would" | "will" | "could" | "might" | "may" | "should") => false,
        Some("to") => !matches!(before(2).as_deref(), Some("declined" | "refused" | "failed" | "decline" | "refuse")),
        _ => true,
    }
}

/// "X wrote on social media", "posted on X": the cue is a post. So is a bare "wrote"
/// after its paragraph or the one before said where ("posted a message on Instagram. “…,” he wrote.").
fn social_context(doc: &Document, toks: &[Tok], prev: &[Tok], verb: usize, end: usize) -> bool {
    // "a statement posted on its website" is a statement, not a post.
    let on_website = |k: usize| {
        toks[k + 1..end.min(k + 5)].iter().any(|t| matches!(w(doc, t), "website" | "site" | "homepage" | "web"))
    };
    let word = ascii_lowercase(w(doc, &toks[verb]));
    if matches!(&*word, "posted" | "tweeted" | "posting" | "tweeting") {
        return !(word.starts_with("post") && on_website(verb));
    }
    let social = |t: &Tok| {
        t.is_word() && {
            let word = w(doc, t);
            lexicon::is_social_media(word.strip_suffix('.').unwrap_or(word)) || is(doc, t, "social")
        }
    };
    // ("said in a notice posted at the gate": a document was posted, not a post.)
    let document_posted = |k: usize| is(doc, &toks[k], "posted") && lexicon::is_document_noun(w(doc, &toks[k - 1]));
    if (verb + 1..end.min(verb + 5))
        .any(|k| social(&toks[k]) && !(is(doc, &toks[k], "posted") && on_website(k)) && !document_posted(k))
    {
        return true;
    }
    matches!(&*word, "wrote" | "writes" | "write") && toks[..verb].iter().chain(prev).any(social)
}

/// "…, saying it …": the subject of a participle is the name just before it
/// ("with Xi saying") or the subject of the main clause.
fn participle_subject(doc: &Document, toks: &[Tok], i: usize, floor: usize) -> Option<Np> {
    // "“…,” Ana Ruiz is quoted as saying": the subject of the passive speaks.
    if i >= floor + 4 && is(doc, &toks[i - 1], "as") && is(doc, &toks[i - 2], "quoted") {
        let mut be = i - 3;
        if is(doc, &toks[be], "been") && be > floor + 1 {
            be -= 1;
        }
        if toks[be].is_word() && matches!(w(doc, &toks[be]), "is" | "was" | "were" | "are" | "has" | "have" | "had") {
            return np::before(doc, toks, be, floor);
        }
    }
    if i > floor && toks[i - 1].is_word() {
        // ("responded to the question on Facebook writing “…”": a preposition's object
        // before the participle is not who writes; "with Ruiz noting" keeps Ruiz.)
        let object = |n: &Np| {
            let at = (floor..i).find(|&k| toks[k].span.start >= n.span.start).unwrap_or(i);
            at > floor
                && toks[at - 1].is_word()
                && matches!(w(doc, &toks[at - 1]), "on" | "in" | "at" | "to" | "via" | "from")
        };
        if let Some(np) = np::before(doc, toks, i, floor).filter(|n| !object(n)) {
            return Some(np);
        }
    }
    // "The tables were wrong, Greer added, saying …": an attribution set off by commas
    // just before the participle; its speaker is the participle's, not the main clause's.
    if i >= floor + 3 && toks[i - 1].is_punct(',') && toks[i - 2].is_word() {
        let verb = w(doc, &toks[i - 2]);
        let inserted = lexicon::is_speech_verb(verb) && !verb.ends_with("ing") && verb.starts_with(char::is_lowercase);
        let speaker = inserted
            .then(|| np::before(doc, toks, i - 2, floor))
            .flatten()
            .filter(|n| matches!(n.kind, NpKind::Name(_) | NpKind::Pronoun(Pronoun::He | Pronoun::She)));
        if speaker.is_some() {
            return speaker;
        }
    }
    let main = np::clause_subject(doc, toks, floor, i);
    // "It was a rout, as Ruiz echoed the attack, saying …": when the main clause has no
    // one as its subject, the participle's is the nearest clause's after a conjunction.
    let expletive = main.as_ref().is_none_or(|n| matches!(n.kind, NpKind::Pronoun(Pronoun::It)));
    if expletive {
        let lo = i.saturating_sub(30).max(floor);
        let conj = (lo + 1..i).rev().find(|&k| {
            toks[k].is_word()
                && matches!(w(doc, &toks[k]), "as" | "when" | "while" | "after" | "because" | "and" | "but")
                && toks[k - 1].is_punct(',')
        });
        if let Some(k) = conj {
            let inner = np::clause_subject(doc, toks, k + 1, i)
                .filter(|n| matches!(n.kind, NpKind::Name(_) | NpKind::Pronoun(Pronoun::He | Pronoun::She)));
            if inner.is_some() {
                return inner;
            }
        }
    }
    // "The memo said Ruiz had met the growers, assuring them …": a document reports a
    // person's clause, and the participle belongs to that person.
    let document = main.as_ref().is_some_and(
        |n| matches!(&n.kind, NpKind::Body(text) if lexicon::is_document_noun(text.rsplit(' ').next().unwrap_or(""))),
    );
    if let Some(main_np) = main.as_ref().filter(|_| document) {
        let lo = i.saturating_sub(30).max(floor);
        let verb = (lo..i).find(|&k| {
            toks[k].span.start > main_np.span.end && toks[k].is_word() && lexicon::is_speech_verb(w(doc, &toks[k]))
        });
        if let Some(k) = verb {
            let from = if toks.get(k + 1).is_some_and(|t| is(doc, t, "that")) { k + 2 } else { k + 1 };
            let inner = np::clause_subject(doc, toks, from, i)
                .filter(|n| matches!(n.kind, NpKind::Name(_) | NpKind::Pronoun(Pronoun::He | Pronoun::She)));
            if inner.is_some() {
                return inner;
            }
        }
    }
    main
}

/// A preposition that may follow a speech verb ("said on Facebook"): what follows it is
/// no speaker.
fn is_preposition(word: &str) -> bool {
    matches!(word, "on" | "in" | "to" | "at" | "from" | "via" | "during" | "after" | "with")
}
