//! Single marks: a quote within a quote (‘…’ or '…'), a top-level quote in single curly
//! marks, or an apostrophe (Japan's, '90s, rock 'n' roll, o'clock, the Joneses').

use super::{MarkToken, Quote};
use crate::document::{Document, Span};

/// Words that an apostrophe shortens at their start: 'n', '90s, 'em, 'til.
const ELIDED: &[&str] = &["n", "em", "til", "tis", "twas", "cause", "bout", "round", "nuff", "s"];

/// Pairing state for single marks within one block.
#[derive(Default)]
pub(super) struct Pairing {
    open: Option<MarkToken>,
    top_level: bool,
    nested: Vec<Span>,
}

impl Pairing {
    pub(super) fn push(
        &mut self,
        doc: &Document,
        tok: MarkToken,
        in_double: bool,
        quotes: &mut Vec<Quote>,
        block: usize,
    ) {
        let prose = doc.prose();
        let before = prose[..tok.span.start].chars().next_back();
        let after = prose[tok.span.end..].chars().next();
        if is_apostrophe(prose, tok, before, after) {
            return;
        }
        let opens = before.is_none_or(|c| c.is_whitespace() || matches!(c, '“' | '"' | '(' | '[' | '—' | '–' | '-'))
            && after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '“' | '"' | '…'));
        if opens {
            if !in_double && tok.mark != super::Mark::SingleOpen {
                return;
            }
            self.open = Some(tok);
            self.top_level = !in_double;
            return;
        }
        let Some(open) = self.open.take() else { return };
        if self.top_level == in_double {
            return;
        }
        if self.top_level {
            let inner = Span::new(open.span.end, tok.span.start);
            if prose[inner.start..inner.end].trim().is_empty() {
                return;
            }
            quotes.push(Quote {
                span: Span::new(open.span.start, tok.span.end),
                parts: vec![inner],
                open,
                close: Some(tok),
                first_block: block,
                last_block: block,
                nested: Vec::new(),
                single: true,
            });
        } else {
            self.nested.push(Span::new(open.span.start, tok.span.end));
        }
    }

    pub(super) fn take_nested(&mut self) -> Vec<Span> {
        self.open = None;
        std::mem::take(&mut self.nested)
    }
}

/// Whether the mark at `tok` is an apostrophe rather than a quotation mark.
pub(super) fn is_apostrophe_at(prose: &str, tok: MarkToken) -> bool {
    let before = prose[..tok.span.start].chars().next_back();
    let after = prose[tok.span.end..].chars().next();
    is_apostrophe(prose, tok, before, after)
}

fn is_apostrophe(prose: &str, tok: MarkToken, before: Option<char>, after: Option<char>) -> bool {
    let letter_before = before.is_some_and(char::is_alphanumeric);
    let letter_after = after.is_some_and(char::is_alphanumeric);
    if letter_before && letter_after {
        return true; // Japan's, o'clock, don't
    }
    if tok.mark == super::Mark::SingleOpen {
        return false;
    }
    let rest = &prose[tok.span.end..];
    if !letter_before && after.is_some_and(|c| c.is_ascii_digit()) {
        // '90s, ’20: two digits then a non-digit
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        return digits == 2;
    }
    if !letter_before {
        let word: &str = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let next_after_word = rest[word.len()..].chars().next();
        // 'n' in rock 'n' roll closes itself: the word is followed by another apostrophe.
        return ELIDED.contains(&word.to_ascii_lowercase().as_str())
            && (word != "n" || matches!(next_after_word, Some('\'' | '’')));
    }
    // After a letter and before a space: rock 'n' roll's second mark, or a plural
    // possessive (the Joneses', farmers') unless a nested quote is open.
    let prev_two: String = prose[..tok.span.start].chars().rev().take(3).collect();
    prev_two.starts_with('n') && prev_two[1..].starts_with(['\'', '’'])
}
