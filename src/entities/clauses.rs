//! The shape of a sentence around a pronoun, for the search for its person: where the
//! main clause starts after an opener, a topic opener before the pronoun, a pronoun that
//! closes a quote, and the short stretches ("asked", a role) between two names.

use crate::document::{Document, Span};
use crate::lexicon::{self, Pronoun};

/// Whether a sentence opens with `pronoun` as its subject (after a short introductory
/// phrase set off by a comma at most).
pub(super) fn starts_with_pronoun(doc: &Document, span: Span, pronoun: Pronoun) -> bool {
    let text = doc.text(span);
    // ("And he …", "But she …": a conjunction or a linking adverb before the subject.)
    let first = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find(|w| !matches!(*w, "And" | "But" | "So" | "Yet" | "Still" | "Then" | "Now" | "Also" | "Later" | "Instead"))
        .unwrap_or("");
    lexicon::pronoun(first) == Some(pronoun)
}

/// Where a sentence's main clause starts: after the first comma when the sentence opens
/// with a participle ("Asked about …,") or a subordinate clause ("When …,", "If …,").
pub(super) fn main_clause_start(doc: &Document, span: Span) -> usize {
    let text = doc.text(span);
    let first = text.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    let opener = matches!(
        first,
        "When"
            | "If"
            | "After"
            | "Although"
            | "Though"
            | "While"
            | "Because"
            | "Since"
            | "Before"
            | "Once"
            | "Unless"
            // A prepositional opener: "As for the bill Ruiz wrote, Hune …", "Of Ruiz, Hune said".
            | "As"
            | "Of"
            | "Despite"
            | "Unlike"
            | "Like"
            | "Amid"
            | "During"
            | "Without"
            | "Until"
    ) || first.len() > 4
        && first.chars().next().is_some_and(char::is_uppercase)
        && (first.ends_with("ed") || first.ends_with("ing"))
        && !lexicon::is_given_name(first);
    if !opener {
        return span.start;
    }
    // ("Asked whether Greer, the candidate, could win, Ruiz demurred.": the main clause
    // opens after the comma a subject and its verb follow, when the opener holds commas
    // of its own; else after the first comma. Within the first 400 bytes.)
    let cut = (0..=text.len().min(400)).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
    let head = &text[..cut];
    let subject_follows = |i: usize| {
        let mut words = head[i + 1..].split(' ').filter(|w| !w.is_empty());
        let Some(first) = words.next() else { return false };
        // (A name of up to three words, no possessive and no list, then a lowercase verb:
        // not "Greer and Hune", "Greer, Hune", "Greer's jabs".)
        let name_word = |w: &str| {
            w.starts_with(char::is_uppercase) && !w.ends_with(',') && !w.ends_with("'s") && !w.ends_with("’s")
        };
        if !(name_word(first) || matches!(first, "he" | "she" | "they")) {
            return false;
        }
        words.take(4).find(|w| !name_word(w)).is_some_and(|w| {
            let bare = w.trim_end_matches(['.', ',']);
            !bare.is_empty() && bare.chars().all(|c| c.is_ascii_lowercase()) && !lexicon::is_function_word(bare)
        })
    };
    let mut commas = head.match_indices(',').map(|(i, _)| i);
    let Some(first_comma) = commas.next() else { return span.start };
    if first_comma >= 200 {
        return span.start;
    }
    let at = std::iter::once(first_comma).chain(commas).find(|&i| subject_follows(i)).unwrap_or(first_comma);
    span.start + at + 1
}

/// Whether the word at `offset` follows a quote's closing mark and its comma or question
/// mark (`“…,” he said`, `“…?” she asked`).
pub(super) fn closes_quote(doc: &Document, offset: usize) -> bool {
    let before = doc.prose()[..offset].trim_end_matches([' ', '\t']);
    let Some(mark) = before.strip_suffix(['”', '"', '’', '\'']) else { return false };
    mark.ends_with([',', '?', '!']) || mark.ends_with("--") || mark.ends_with(['—', '–'])
}

/// The end of a topic opener ("Of …,", "On …,", "About …,", "Asked about …,") when the
/// pronoun at `offset` follows its comma at once; else the sentence's start. (Not "As for
/// Ruiz, she said": that opener names the subject to come.)
pub(super) fn topic_opener_end(doc: &Document, span: Span, offset: usize) -> usize {
    let text = doc.text(Span::new(span.start, offset.clamp(span.start, span.end)));
    // (The opener is short: its first word and, for the comma, the last 300 bytes before
    // the pronoun; a sentence of thousands of pronouns stays linear.)
    let cut = (0..=text.len().min(40)).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
    let first = text[..cut].split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    let topic = matches!(
        first,
        "Of" | "On" | "About" | "Regarding" | "Concerning" | "Unlike" | "Like" | "Despite" | "Besides" | "Beyond"
    ) || first.len() > 4
        && first.chars().next().is_some_and(char::is_uppercase)
        && (first.ends_with("ed") || first.ends_with("ing"))
        && !lexicon::is_given_name(first);
    if !topic || text.len() > 300 {
        return span.start;
    }
    match text.rfind(',') {
        Some(i) if text[i + 1..].trim().is_empty() => span.start + i + 1,
        _ => span.start,
    }
}

/// "asked", maybe after an adverb ("then asked", "later asked"), and nothing else.
pub(super) fn asked_between(text: &str) -> bool {
    let mut words = text.split_whitespace().rev();
    matches!(words.next(), Some("asked" | "asks" | "pressed" | "quizzed"))
        && words.next().is_none_or(|w| w.ends_with("ly") || matches!(w, "then" | "later" | "also"))
        && words.next().is_none()
}

/// Whether the words between two names are a role the second name holds: "Obama
/// consultant", "Clinton campaign manager" (lowercase, ending in a title).
pub(super) fn role_between(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                && !matches!(
                    *w,
                    "and" | "or" | "nor" | "with" | "by" | "for" | "of" | "to" | "the" | "a" | "an" | "than"
                )
        })
        && words.last().is_some_and(|w| lexicon::is_title(w))
}

/// Whether a stretch of text holds a form of the pronoun ("her", "his", "him").
pub(super) fn mentions_pronoun(text: &str, pronoun: Pronoun) -> bool {
    let forms: &[&str] = match pronoun {
        Pronoun::He => &["he", "him", "his", "himself"],
        Pronoun::She => &["she", "her", "hers", "herself"],
        _ => return false,
    };
    text.split(|c: char| !c.is_alphabetic()).any(|w| forms.iter().any(|f| w.eq_ignore_ascii_case(f)))
}
