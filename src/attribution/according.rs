//! "according to X" and "in the words of X" in a sentence, and "X quoted Y as saying":
//! sources named by a phrase rather than by a speech verb.

use super::np::{self, is, w, Np, NpKind};
use super::resolve::resolve;
use super::{According, Attributions, SourceType};
use crate::document::{Document, Span};
use crate::entities::Entities;
use crate::lexicon::{self, Pronoun};
use crate::quotes::narrative::Tok;

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "from"
            | "by"
            | "of"
            | "for"
            | "with"
            | "to"
            | "after"
            | "before"
            | "during"
            | "that"
            | "which"
            | "who"
    )
}

/// "according to X" in a sentence: X's phrase.
pub(super) fn find_according(
    doc: &Document,
    toks: &[Tok],
    unit: std::ops::Range<usize>,
    bi: usize,
    out: &mut Attributions,
) -> Option<According> {
    // "according to X" and "in the words of X".
    let (i, from) = unit.clone().find_map(|i| {
        let at = |k: usize, word: &str| toks.get(i + k).is_some_and(|t| is(doc, t, word));
        if at(0, "according") && at(1, "to") {
            Some((i, i + 2))
        } else if at(0, "in") && at(1, "the") && at(2, "words") && at(3, "of") {
            Some((i, i + 4))
        } else {
            None
        }
    })?;
    let mut end = from;
    while end < unit.end && toks[end].is_word() && end - from < 8 && !(end > from && is_preposition(w(doc, &toks[end])))
    {
        end += 1;
    }
    // "according to a statement from the presidential office in Seoul": the body behind
    // the document is the source; the place after it is not.
    // "a statement released by the ministry": the participle is part of the phrase.
    let noun_end = (from + 1..end)
        .find(|&k| matches!(w(doc, &toks[k]), "released" | "issued" | "published" | "posted" | "put" | "sent"))
        .filter(|&k| lexicon::is_document_noun(w(doc, &toks[k - 1])));
    if let Some(k) = noun_end {
        end = k;
        while end < unit.end
            && toks[end].is_word()
            && !matches!(w(doc, &toks[end]), "from" | "by" | "of")
            && end - k < 3
        {
            end += 1;
        }
    }
    let mut np =
        np::classify(doc, toks, from, noun_end.unwrap_or(end)).or_else(|| np::after(doc, toks, from, unit.end))?;
    let mut document = false;
    if matches!(&np.kind, NpKind::Body(t) if lexicon::is_document_noun(t.rsplit(' ').next().unwrap_or("")))
        && end < unit.end
        && toks[end].is_word()
        && matches!(w(doc, &toks[end]), "from" | "by" | "of")
    {
        let body_from = end + 1;
        let mut body_end = body_from;
        while body_end < unit.end
            && toks[body_end].is_word()
            && body_end - body_from < 8
            && !(body_end > body_from && is_preposition(w(doc, &toks[body_end])))
        {
            body_end += 1;
        }
        if let Some(body) = np::classify(doc, toks, body_from, body_end) {
            np = body;
            document = true;
        }
    }
    let a = According { span: Span::new(toks[i].span.start, np.span.end), source: np, block: bi, tok: i, document };
    out.according.push(a.clone());
    Some(a)
}

/// "X quoted Y as saying": Y, and X with the span of "quoted", from the words of the
/// sentence before the quote.
pub(super) fn quoted_as_saying(
    doc: &Document,
    toks: &[Tok],
    from: usize,
    qt: usize,
) -> Option<(Np, (Option<Np>, Span))> {
    // The construction sits right before its quote: a bounded look back keeps a
    // sentence of a million quotes linear.
    let lo = qt.saturating_sub(16).max(from);
    let k = (lo..qt).rev().find(|&k| toks[k].is_word() && w(doc, &toks[k]).eq_ignore_ascii_case("quoted"))?;
    let as_at = (k + 2..qt.min(k + 8)).find(|&j| toks[j].is_word() && w(doc, &toks[j]) == "as")?;
    let verb = toks.get(as_at + 1).filter(|t| t.is_word()).map(|t| w(doc, t))?;
    if !matches!(verb, "saying" | "telling" | "writing" | "stating" | "warning" | "adding") {
        return None;
    }
    let object = &toks[k + 1..as_at];
    let person = match object {
        [t] if t.is_word() && matches!(w(doc, t), "him" | "her") => {
            let p = if w(doc, t) == "him" { Pronoun::He } else { Pronoun::She };
            Np { kind: NpKind::Pronoun(p), span: t.span }
        }
        _ => np::after(doc, toks, k + 1, as_at)?,
    };
    let relay = np::before(doc, toks, k, from).or_else(|| np::clause_subject(doc, toks, from, k));
    Some((person, (relay, toks[k].span)))
}

pub(super) fn resolve_according(
    doc: &Document,
    acc: &According,
    ents: &mut Entities,
) -> (Option<String>, Option<usize>, SourceType) {
    let (speaker, entity, kind) = resolve(doc, Some(&acc.source), acc.block, ents, &[]);
    let kind = if acc.document && speaker.is_some() { SourceType::Document } else { kind };
    (speaker, entity, kind)
}
