//! What the whole article says about its names, read once before the runs: the writer
//! its byline names, and the words it puts after a courtesy title ("Ms. Bank"), which
//! are surnames whatever else they mean.

use super::{names, HashSet};
use crate::document::{Document, Span};

/// The words the article puts right after a courtesy title ("Ms. Bank", "Mr. Hill"):
/// surnames, whatever else the words mean. One pass over the text.
pub(super) fn courtesy_surnames(doc: &Document) -> HashSet<&str> {
    let text = doc.prose();
    let mut out = HashSet::default();
    // (Only at an "M" or a "D": memchr skips the rest, so the pass costs little.)
    for at in memchr::memchr2_iter(b'M', b'D', text.as_bytes()) {
        let Some(title) =
            ["Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Mr ", "Ms ", "Mrs "].into_iter().find(|t| text[at..].starts_with(t))
        else {
            continue;
        };
        // (A title is a word of its own: not the end of "HMr. ".)
        if text[..at].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let rest = &text[at + title.len()..];
        let end = rest.find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'')).unwrap_or(rest.len());
        if end > 0 && rest.starts_with(char::is_uppercase) {
            out.insert(&rest[..end]);
        }
    }
    out
}

/// The one writer a byline near the top names: "By Ana Ruiz", "By Ana Ruiz, Staff
/// Writer", "By Ana Ruiz | Harbor Ledger"; not two writers, nor "By Monday, …".
pub(super) fn byline(doc: &Document) -> Option<(Span, String, usize)> {
    (0..doc.blocks.len().min(8)).find_map(|bi| {
        let span = doc.blocks[bi].span;
        let text = doc.text(span);
        let lead = text.len() - text.trim_start().len();
        let rest = text.trim_start().strip_prefix("By ")?;
        let name_end = rest.find([',', '|', '\n', '·', '—']).unwrap_or(rest.len());
        let name = rest[..name_end].trim_end();
        let words: Vec<&str> = name.split(' ').collect();
        let tail_words = rest[name_end..].split_whitespace().count();
        let ok = (2..=4).contains(&words.len())
            && tail_words <= 6
            && words.iter().all(|w| names::is_name_word(w) || names::is_particle(w) || names::is_suffix(w))
            && names::is_name_word(words[0]);
        let start = span.start + lead + 3;
        ok.then(|| (Span::new(start, start + name.len()), name.to_string(), bi))
    })
}

/// The first third-person singular pronoun after `span` in its sentence: `Some(true)` for
/// a person's ("he", "his", "her" …), `Some(false)` for a body's "its"; at most 30 words on.
pub(super) fn pronoun_after(doc: &Document, span: Span) -> Option<bool> {
    let end = doc.sentence_at(span.start).map_or(span.end, |s| doc.sentences[s].span.end).max(span.end);
    doc.prose()[span.end..end].split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(30).find_map(|w| {
        match w {
            "he" | "his" | "him" | "she" | "her" | "hers" | "He" | "His" | "She" | "Her" => Some(true),
            "its" | "Its" => Some(false),
            _ => None,
        }
    })
}

/// Whether `text` holds `name` in lower case as a word of its own ("the bill" for "Bill").
pub(super) fn has_lowercase_word(text: &str, name: &str) -> bool {
    let lower = name.to_lowercase();
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, lower.as_bytes()).any(|at| {
        let end = at + lower.len();
        let before = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}
