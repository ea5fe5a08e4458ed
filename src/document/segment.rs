// Over 700 lines: the sentence splitter and the token scanner with their fast paths, each
// beside the tests that hold it to its reference (unicode-segmentation, the char-by-char reading).
//! Sentences and words. Candidate sentence boundaries follow UAX #29 (a hand-written
//! splitter, tested against unicode-segmentation's, at a fraction of its cost); the
//! news-copy exceptions are applied on top: no break after "U.S.", "Gov.", "Jan.",
//! initials, and none between a quote and its attribution (`“Stop!” Ruiz said.`).

use super::Span;
use crate::chars::{is_alphanumeric, ASCII_ALNUM};
use crate::lexicon;
#[cfg(test)]
use unicode_segmentation::UnicodeSegmentation;

/// A sentence as a span of the prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
}

/// Append the sentences of one block to `out`.
pub(crate) fn sentences(prose: &str, block: Span, out: &mut Vec<Sentence>) {
    sentences_from(prose, block, pieces(&prose[block.start..block.end]), out);
}

/// [`sentences`] with the candidate boundaries of unicode-segmentation itself: the
/// reference the hand-written splitter is tested against.
#[cfg(test)]
pub(crate) fn sentences_uax29(prose: &str, block: Span, out: &mut Vec<Sentence>) {
    sentences_from(prose, block, prose[block.start..block.end].split_sentence_bound_indices(), out);
}

fn sentences_from<'a>(
    prose: &str,
    block: Span,
    candidates: impl Iterator<Item = (usize, &'a str)>,
    out: &mut Vec<Sentence>,
) {
    let mut current: Option<Span> = None;
    for (offset, piece) in candidates {
        let trimmed = piece.trim_end();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let lead = piece.len() - piece.trim_start().len();
        let mut span = Span::new(block.start + offset + lead, block.start + offset + trimmed.len());
        // "“Stop!&rdquo; Ruiz said": a closing mark written as a character reference is
        // decoded at the reference's end with blanks before it, so the candidate break
        // falls before the mark. The mark belongs to the sentence it closes.
        if let Some(prev) = current.as_mut() {
            let text = &prose[span.start..span.end];
            let marks = text.len() - text.trim_start_matches(['”', '’', '"', '\'', '»', ')']).len();
            if marks > 0 && text[marks..].chars().next().is_none_or(char::is_whitespace) {
                prev.end = span.start + marks;
                let rest = &text[marks..];
                span.start += marks + (rest.len() - rest.trim_start().len());
                if span.start >= span.end {
                    continue;
                }
            }
        }
        current = Some(match current {
            Some(prev)
                if wrapped_line(
                    &prose[prev.start..prev.end],
                    &prose[prev.end..span.start],
                    &prose[span.start..span.end],
                ) || !breaks_between(&prose[prev.start..prev.end], &prose[span.start..block.end]) =>
            {
                prev.cover(span)
            }
            Some(prev) => {
                out.push(Sentence { span: prev });
                span
            }
            None => span,
        });
    }
    if let Some(span) = current {
        out.push(Sentence { span });
    }
}

/// Sentence classes of UAX #29 (Sentence_Break property), for the characters news copy
/// holds; Extend and Format marks are transparent.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sb {
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Extend,
    Other,
}

fn sb(c: char) -> Sb {
    match c {
        'a'..='z' => Sb::Lower,
        'A'..='Z' => Sb::Upper,
        '0'..='9' => Sb::Numeric,
        ' ' | '\t' | '\u{b}' | '\u{c}' => Sb::Sp,
        '\r' => Sb::Cr,
        '\n' => Sb::Lf,
        '.' => Sb::ATerm,
        '!' | '?' => Sb::STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' => Sb::Close,
        ',' | '-' | ':' | ';' => Sb::SContinue,
        c if c.is_ascii() => Sb::Other,
        '\u{85}' | '\u{2028}' | '\u{2029}' => Sb::Sep,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Sb::Sp,
        '\u{2024}' | '\u{fe52}' | '\u{ff0e}' => Sb::ATerm,
        '\u{589}'
        | '\u{61d}'..='\u{61f}'
        | '\u{6d4}'
        | '\u{964}'
        | '\u{965}'
        | '\u{203c}'
        | '\u{203d}'
        | '\u{2047}'..='\u{2049}'
        | '\u{3002}'
        | '\u{fe56}'
        | '\u{fe57}'
        | '\u{ff01}'
        | '\u{ff1f}'
        | '\u{ff61}' => Sb::STerm,
        '«'
        | '»'
        | '‘'
        | '’'
        | '‚'
        | '‛'
        | '“'
        | '”'
        | '„'
        | '‟'
        | '‹'
        | '›'
        | '\u{2e42}'
        | '\u{300c}'..='\u{300f}'
        | '\u{2045}'
        | '\u{2046}'
        | '\u{207d}'
        | '\u{207e}'
        | '\u{208d}'
        | '\u{208e}'
        | '\u{2329}'
        | '\u{232a}'
        | '\u{27e6}'..='\u{27ef}'
        | '\u{2983}'..='\u{2998}'
        | '\u{3008}'..='\u{300b}'
        | '\u{3010}'..='\u{3011}'
        | '\u{ff08}'
        | '\u{ff09}'
        | '\u{ff3b}'
        | '\u{ff3d}' => Sb::Close,
        '\u{2013}' | '\u{2014}' | '\u{55d}' | '\u{60c}' | '\u{60d}' | '\u{3001}' | '\u{fe10}' | '\u{fe11}'
        | '\u{fe13}' | '\u{fe31}' | '\u{fe32}' | '\u{fe50}' | '\u{fe51}' | '\u{fe55}' | '\u{fe58}' | '\u{fe63}'
        | '\u{ff0c}' | '\u{ff0d}' | '\u{ff1a}' | '\u{ff1b}' | '\u{ff64}' => Sb::SContinue,
        '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2060}'..='\u{2064}'
        | '\u{feff}'
        | '\u{300}'..='\u{36f}'
        | '\u{fe00}'..='\u{fe0f}' => Sb::Extend,
        c if c.is_lowercase() => Sb::Lower,
        c if c.is_uppercase() => Sb::Upper,
        c if c.is_alphabetic() => Sb::OLetter,
        c if c.is_numeric() => Sb::Numeric,
        _ => Sb::Other,
    }
}

/// Candidate sentence pieces of a text by the rules of UAX #29 (SB3–SB11), as
/// `(offset, piece)` like unicode-segmentation's `split_sentence_bound_indices`, which
/// it matches on news copy (a test holds it to that) at a fraction of the cost: ASCII is
/// classified by a `match`, and only terminators look ahead. Each look-ahead stops at
/// the next terminator or letter, so the scan stays linear.
fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // The class of the character at `k` and the end of it with the marks that extend it.
    let class_at = move |k: usize| -> Option<(Sb, usize)> {
        let mut chars = text[k..].chars();
        let c = chars.next()?;
        let mut end = k + c.len_utf8();
        // Marks do not extend a line or paragraph separator (SB5).
        if !matches!(sb(c), Sb::Cr | Sb::Lf | Sb::Sep) {
            for m in chars {
                if sb(m) != Sb::Extend {
                    break;
                }
                end += m.len_utf8();
            }
        }
        let class = match sb(c) {
            Sb::Extend => Sb::Other,
            class => class,
        };
        Some((class, end))
    };
    // The class of the character before `k`, marks skipped.
    let class_before = move |k: usize| -> Sb {
        let mut marks = false;
        for c in text[..k].chars().rev() {
            match sb(c) {
                Sb::Extend => marks = true,
                Sb::Cr | Sb::Lf | Sb::Sep if marks => return Sb::Other,
                class => return class,
            }
        }
        Sb::Other
    };
    std::iter::from_fn(move || {
        while i < bytes.len() {
            // Most bytes are plain ASCII that cannot end a sentence: skip them at once.
            i = next_may_end(bytes, i);
            if i == bytes.len() {
                break;
            }
            let Some((class, next)) = class_at(i) else { break };
            let mut cut = None;
            match class {
                Sb::Cr => {
                    let after = if text[next..].starts_with('\n') { next + 1 } else { next };
                    cut = Some(after);
                }
                Sb::Lf | Sb::Sep => cut = Some(next),
                Sb::ATerm | Sb::STerm => {
                    let follow = class_at(next).map(|(c, _)| c);
                    let keep = class == Sb::ATerm
                        && (follow == Some(Sb::Numeric)
                            || (follow == Some(Sb::Upper) && matches!(class_before(i), Sb::Upper | Sb::Lower)));
                    if !keep {
                        let mut j = next;
                        while let Some((Sb::Close, n)) = class_at(j) {
                            j = n;
                        }
                        while let Some((Sb::Sp, n)) = class_at(j) {
                            j = n;
                        }
                        let then = class_at(j);
                        let continues = matches!(then, Some((Sb::SContinue | Sb::ATerm | Sb::STerm, _)));
                        let lower_follows = class == Sb::ATerm && {
                            let mut m = j;
                            loop {
                                match class_at(m) {
                                    Some((
                                        Sb::OLetter | Sb::Upper | Sb::Sep | Sb::Cr | Sb::Lf | Sb::ATerm | Sb::STerm,
                                        _,
                                    ))
                                    | None => break false,
                                    Some((Sb::Lower, _)) => break true,
                                    Some((_, n)) => m = n,
                                }
                            }
                        };
                        if !continues && !lower_follows {
                            cut = Some(match then {
                                Some((Sb::Cr, n)) if text[n..].starts_with('\n') => n + 1,
                                Some((Sb::Cr | Sb::Lf | Sb::Sep, n)) => n,
                                _ => j,
                            });
                        }
                    }
                }
                _ => {}
            }
            i = next;
            if let Some(end) = cut.filter(|&e| e > start) {
                let piece = (start, &text[start..end]);
                start = end;
                i = end;
                return Some(piece);
            }
        }
        (start < text.len()).then(|| {
            let piece = (start, &text[start..]);
            start = text.len();
            piece
        })
    })
}

/// Whether a line break between two pieces only wraps a line of prose ("…,” said Ines⏎
/// Okafor-Lund, a lock keeper"): one newline, after a long line that ends
/// in no sentence or clause punctuation and is not in title case (a headline), before a
/// letter.
fn wrapped_line(before: &str, gap: &str, after: &str) -> bool {
    if gap.bytes().filter(|&b| b == b'\n').count() != 1 || !gap.bytes().all(|b| b == b' ' || b == b'\n' || b == b'\r') {
        return false;
    }
    let line = before.rsplit('\n').next().unwrap_or(before).trim();
    // ("… at Kellan Magistrates'⏎Court that …": a plural's possessive mark ends the line, not
    // a closing mark, when no single mark opened in the sentence.)
    let possessive = (line.ends_with("s'") || line.ends_with("s’")) && {
        let b = before.as_bytes();
        !before.contains('‘') && !(0..b.len()).any(|i| b[i] == b'\'' && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
    };
    let ends_open = possessive
        || line.chars().next_back().is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '(' | '“' | '‘'));
    // (Wrapped prose runs to a width: a short line is a heading, a byline or a list's item.)
    let long = line.chars().count() >= 40;
    let title_case = {
        let words: Vec<&str> = line.split_whitespace().filter(|w| w.len() > 3).collect();
        words.len() >= 3 && words.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    ends_open && long && !title_case && after.starts_with(char::is_alphabetic)
}

/// The bytes [`pieces`] stops at: a terminator, a line break, or the start or middle of
/// a non-ASCII char (which may be a terminator, a separator or a mark); every other
/// ASCII byte is skipped unread.
const MAY_END: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || matches!(b as u8, b'.' | b'!' | b'?' | b'\r' | b'\n');
        b += 1;
    }
    t
};

/// The first byte at or after `i` that [`MAY_END`] holds, or the end: sixteen bytes at a
/// time, each chunk's bytes that may end a piece found as one mask ([`may_end_mask`]), whose
/// lowest bit is the byte; the last few bytes one by one. `next_may_end_is_the_scan` holds
/// it to the table.
fn next_may_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(|rest| rest.first_chunk::<16>()) {
        let mask = may_end_mask(chunk);
        if mask != 0 {
            return i + mask.trailing_zeros() as usize;
        }
        i += 16;
    }
    while i < bytes.len() && !MAY_END[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// Bit `k` set when `chunk[k]` is a byte of [`MAY_END`]: sixteen compares at once with SSE2,
/// which every x86-64 processor has. (Written out as a fold of comparisons, the compiler
/// compared the bytes one at a time, and the bytes of a chunk that held one were then read
/// again one by one: 8 instructions a byte of prose, against under 2 here.)
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn may_end_mask(chunk: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    // SAFETY: SSE2 is enabled (the cfg above: it is part of every x86-64 target), and the
    // load reads the sixteen bytes of `chunk`, with no alignment required.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast());
        let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        let ends = _mm_or_si128(_mm_or_si128(eq(b'.'), eq(b'!')), _mm_or_si128(eq(b'?'), eq(b'\r')));
        // (`v` itself: movemask reads each byte's top bit, set in every non-ASCII byte.)
        let any = _mm_or_si128(_mm_or_si128(ends, eq(b'\n')), v);
        _mm_movemask_epi8(any) as u32
    }
}

/// [`may_end_mask`] a byte at a time, where SSE2 is not there.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn may_end_mask(chunk: &[u8; 16]) -> u32 {
    chunk.iter().enumerate().fold(0, |mask, (k, &b)| mask | u32::from(MAY_END[usize::from(b)]) << k)
}

/// Whether a candidate boundary between two pieces is a real sentence break.
fn breaks_between(before: &str, after: &str) -> bool {
    let first_word = after.split_whitespace().next().unwrap_or("");
    let first_alpha = first_word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if first_alpha.chars().next().is_some_and(|c| c.is_lowercase()) {
        return false;
    }
    let body = before.trim_end();
    // A quote that ends in ! or ? followed by its attribution: “Stop!” Ruiz said.
    if body.ends_with(['”', '"', '’', '\'']) {
        // (A closing mark written as a character reference is padded before it.)
        let inner = body.trim_end_matches(['”', '"', '’', '\'']).trim_end();
        if inner.ends_with(['!', '?', ',', '—']) && starts_with_attribution(after) {
            return false;
        }
        return true;
    }
    let Some(stem) = body.strip_suffix('.') else {
        return true;
    };
    let last = stem.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"').next().unwrap_or("");
    if last.is_empty() {
        return true;
    }
    // Initials: "J." and dotted acronyms: "U.S."
    let is_initial = last.chars().count() == 1 && last.chars().all(|c| c.is_uppercase());
    let is_acronym = last.contains('.') && last.split('.').all(|p| p.chars().count() <= 2);
    if is_initial {
        return false;
    }
    if lexicon::is_abbreviation(last) {
        return false;
    }
    if is_acronym {
        // "in the U.S. The talks…" does break; "U.S. troops" does not.
        return lexicon::is_sentence_opener(first_alpha);
    }
    true
}

/// The piece after a quote starts with an attribution: a short run of words, then a
/// speech verb ("Ruiz said", "said Ana Ruiz", "the ministry said in a statement").
/// (`after` runs to the block's end: the words are read up to the end of the first
/// sentence, an abbreviation's period not ending it: "“Stop!” Rep. Ana Ruiz, D-Ore., said".)
fn starts_with_attribution(after: &str) -> bool {
    let mut prev = "";
    for w in after.split_whitespace().take(6) {
        let bare = w.trim_matches(|c: char| !c.is_alphabetic());
        if lexicon::is_speech_verb(bare) {
            return true;
        }
        // ("“…?” Greer went on, …", "“…!” Ruiz shot back.": the phrasal cues.)
        let phrasal = matches!((prev, bare), ("went" | "goes", "on") | ("shot" | "fired" | "hit", "back"));
        if phrasal {
            return true;
        }
        prev = bare;
        let bare = w.trim_end_matches([',', ')', '”', '"', '’', '\'']);
        let ends = bare.ends_with(['!', '?'])
            || bare.ends_with('.')
                && !lexicon::is_abbreviation(bare.trim_end_matches('.'))
                && !bare.trim_end_matches('.').contains('.')
                && !bare.trim_end_matches('.').contains('-')
                && bare.chars().filter(|c| c.is_alphabetic()).count() > 1;
        if ends {
            return false;
        }
    }
    false
}

/// Words and punctuation of a text as spans offset by `base`, whitespace skipped.
///
/// A word is a run of letters and digits joined by internal apostrophes, hyphens and
/// periods (it's, al-Hassan, U.S, 3.5); every other character is a token of its own.
/// A hand-written scanner rather than UAX #29 word bounds: the rules that read words
/// run over every sentence, and this keeps them at memory speed on ASCII text.
pub fn tokens(text: &str, base: usize) -> Tokens<'_> {
    Tokens { text, pos: 0, base }
}

/// Iterator of [`tokens`].
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    base: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (Span, &'a str);

    fn next(&mut self) -> Option<(Span, &'a str)> {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() && bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
        if let Some(end) = ascii_token_end(bytes, self.pos) {
            let start = self.pos;
            self.pos = end;
            let s = self.base + start;
            return Some((Span::new(s, s + end - start), &self.text[start..end]));
        }
        let rest = self.text.get(self.pos..)?;
        let mut chars = rest.char_indices().peekable();
        let (_, first) = chars.next()?;
        let start = self.pos;
        let mut end = first.len_utf8();
        if first.is_whitespace() {
            self.pos += end;
            return self.next();
        }
        if is_alphanumeric(first) {
            while let Some((i, c)) = chars.next() {
                if is_alphanumeric(c) {
                    end = i + c.len_utf8();
                } else if matches!(c, '\'' | '’' | '-' | '.') && chars.peek().is_some_and(|&(_, n)| is_alphanumeric(n))
                {
                    continue;
                } else {
                    break;
                }
            }
        }
        self.pos = start + end;
        let s = self.base + start;
        Some((Span::new(s, s + end), &rest[..end]))
    }
}

/// The spans of [`tokens`] of `text`, offset by `base`, appended to `out` as u32 start
/// and end offsets (`base + text.len()` must fit in a u32): the same tokens, read in one
/// loop, with the ASCII path inline and the iterator asked only where a token may
/// involve a non-ASCII character. Every block of an article is read this way once
/// (the proptest `token_spans_are_the_tokens` holds it to [`tokens`]).
pub fn token_spans(text: &str, base: usize, out: &mut Vec<[u32; 2]>) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    // One dispatch on each token's first byte: white space skipped, ASCII punctuation a
    // token of one byte, an ASCII word read to its end, and the rest as `ascii_token_end`
    // and `Tokens` read them.
    while let Some(&first) = bytes.get(pos) {
        let start = pos;
        match BYTE_CLASS[usize::from(first)] {
            WHITE => {
                pos += 1;
                continue;
            }
            PUNCT => pos += 1,
            ALNUM => match ascii_word_end(bytes, pos + 1) {
                Some(end) => pos = end,
                None => {
                    let Some(next) = general_token(text, pos, base, out) else { return };
                    pos = next;
                    continue;
                }
            },
            _ => match ascii_token_end(bytes, pos) {
                Some(end) => pos = end,
                None => {
                    let Some(next) = general_token(text, pos, base, out) else { return };
                    pos = next;
                    continue;
                }
            },
        }
        out.push([(base + start) as u32, (base + pos) as u32]);
    }
}

/// The next token at or after `pos` as [`Tokens`] reads it, pushed to `out`; the offset
/// after it, or None at the end of the text.
#[cold]
fn general_token(text: &str, pos: usize, base: usize, out: &mut Vec<[u32; 2]>) -> Option<usize> {
    let mut general = Tokens { text, pos, base };
    let (span, _) = general.next()?;
    out.push([span.start as u32, span.end as u32]);
    Some(general.pos)
}

/// What [`token_spans`] does with a token's first byte.
const WHITE: u8 = 0;
const PUNCT: u8 = 1;
const ALNUM: u8 = 2;
const NON_ASCII: u8 = 3;
const BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            WHITE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

/// The end of the token at `start` when it and the byte after it are ASCII (most
/// tokens of most copy): the same token [`Tokens`] finds, without decoding chars.
/// None when the token may involve a non-ASCII character (’, é, an em dash, a
/// no-break space), which the general path handles.
#[inline]
fn ascii_token_end(bytes: &[u8], start: usize) -> Option<usize> {
    let first = *bytes.get(start)?;
    if !first.is_ascii() {
        // A curly quote or a dash (U+2010 to U+201F, no letter, digit or space among
        // them) is a token of its own.
        return (first == 0xE2
            && bytes.get(start + 1) == Some(&0x80)
            && bytes.get(start + 2).is_some_and(|b| (0x90..=0x9F).contains(b)))
        .then_some(start + 3);
    }
    if !first.is_ascii_alphanumeric() {
        return Some(start + 1);
    }
    ascii_word_end(bytes, start + 1)
}

/// [`ascii_token_end`] of a word whose first byte, an ASCII letter or digit, is just
/// before `j`.
#[inline]
fn ascii_word_end(bytes: &[u8], mut j: usize) -> Option<usize> {
    loop {
        while j < bytes.len() && ASCII_ALNUM[usize::from(bytes[j])] {
            j += 1;
        }
        match bytes.get(j) {
            None => return Some(j),
            // A curly apostrophe inside the word (it’s): the word goes on if an ASCII
            // letter or digit follows it.
            Some(0xE2) if bytes[j + 1..].starts_with(&[0x80, 0x99]) => match bytes.get(j + 3) {
                Some(n) if n.is_ascii_alphanumeric() => j += 4,
                Some(n) if !n.is_ascii() => return None,
                _ => return Some(j),
            },
            Some(b) if !b.is_ascii() => return None,
            Some(b'\'' | b'-' | b'.') => match bytes.get(j + 1) {
                Some(n) if n.is_ascii_alphanumeric() => j += 2,
                Some(n) if !n.is_ascii() => return None,
                _ => return Some(j),
            },
            Some(_) => return Some(j),
        }
    }
}

/// Words of a text (punctuation and whitespace excluded), as spans offset by `base`.
pub fn words(text: &str, base: usize) -> impl Iterator<Item = (Span, &str)> {
    tokens(text, base).filter(|(_, w)| w.chars().next().is_some_and(|c| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The general path of [`Tokens`] alone, as it was before the ASCII fast path.
    fn reference_tokens(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        loop {
            let rest = &text[pos..];
            let Some((skip, first)) = rest.char_indices().find(|(_, c)| !c.is_whitespace()) else { break };
            let start = pos + skip;
            let mut chars = text[start..].char_indices().peekable();
            chars.next();
            let mut end = first.len_utf8();
            if first.is_alphanumeric() {
                while let Some((i, c)) = chars.next() {
                    if c.is_alphanumeric() {
                        end = i + c.len_utf8();
                    } else if matches!(c, '\'' | '’' | '-' | '.')
                        && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric())
                    {
                        continue;
                    } else {
                        break;
                    }
                }
            }
            out.push((start, start + end));
            pos = start + end;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_finds_the_same_tokens(text in "[a-zA-Z0-9 .,'’‘\\-—–…‐é\u{a0}\u{2028}\n\"“”]{0,40}") {
            let got: Vec<(usize, usize)> = tokens(&text, 0).map(|(s, _)| (s.start, s.end)).collect();
            proptest::prop_assert_eq!(got, reference_tokens(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn token_spans_are_the_tokens(text in "[a-zA-Z0-9 .,'’‘\\-—–…‐é\u{a0}\u{2028}\n\"“”]{0,40}", base in 0usize..1000) {
            let mut got = vec![[7, 7]];
            token_spans(&text, base, &mut got);
            let want: Vec<[u32; 2]> = std::iter::once([7, 7])
                .chain(tokens(&text, base).map(|(s, _)| [s.start as u32, s.end as u32]))
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        sentences(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn abbreviations_initials_and_acronyms() {
        assert_eq!(split("Gov. Ana Ruiz spoke. She left.").len(), 2);
        assert_eq!(split("It fell on Jan. 5 in the city. Then it rose.").len(), 2);
        assert_eq!(split("J. R. Whitcombe said so. Others agreed.").len(), 2);
        assert_eq!(split("U.S. troops left. The base closed.").len(), 2);
        assert_eq!(split("He flew to the U.S. The talks began.").len(), 2);
        assert_eq!(split("Prices rose 3.5 percent. Wages fell.").len(), 2);
    }

    #[test]
    fn a_wrapped_line_of_prose_does_not_end_its_sentence() {
        let text =
            "\"The locks are full every spring,\" said Dana\nHollis-Grant, the keeper at the lower gate. She left.";
        assert_eq!(split(text).len(), 2);
        // near misses: a short line, a headline in title case and a line that ends a
        // sentence keep their breaks
        assert_eq!(split("By Dana Hollis\nKellan harbour reopened on Monday.").len(), 2);
        assert_eq!(split("Harbour Reopens After the Longest Winter Closure\nKellan harbour reopened.").len(), 2);
        assert_eq!(split("The locks at the lower gate were full every spring\nKellan harbour reopened.").len(), 1);
        assert_eq!(split("The locks at the lower gate were full every spring:\nKellan harbour reopened.").len(), 2);
        // A plural's possessive mark at the line's end is no closing mark; a closing single
        // mark after an opening one is.
        assert_eq!(split("The keeper said at the Kellan Lock Keepers'\nHall that the gates would open.").len(), 1);
        assert_eq!(split("The keeper called the gates 'a danger to the boats'\nKellan harbour reopened.").len(), 2);
    }

    #[test]
    fn an_attribution_after_an_exclamation_reads_past_abbreviations_but_not_a_sentence() {
        let text = "\"Full speed!\" Rep. Dana Hollis, L-Kel., said of the ferry fleet's new engines.";
        assert_eq!(split(text).len(), 1);
        // near miss: a sentence between the quote and a later verb ends the quote's sentence
        assert_eq!(split("\"Full speed!\" Then she left. Hollis said so.").len(), 3);
    }

    #[test]
    fn a_closing_mark_written_as_a_reference_is_read_past_its_padding() {
        // An HTML page's `&rdquo;` is decoded in place: the mark at the reference's end,
        // blanks before it.
        let text = "“Full speed!    ” Hollis said of the ferries.";
        assert_eq!(split(text).len(), 1);
        assert_eq!(split("“Full speed.    ” Hollis left.").len(), 2);
    }

    #[test]
    fn tokens_keep_words_whole() {
        let t: Vec<&str> = tokens("It's al-Hassan’s “U.S. plan,” 3.5 —ok", 0).map(|(_, w)| w).collect();
        assert_eq!(t, vec!["It's", "al-Hassan’s", "“", "U.S", ".", "plan", ",", "”", "3.5", "—", "ok"]);
    }

    /// The hand-written splitter gives the sentences unicode-segmentation's UAX #29
    /// boundaries give, on every article of the corpus and on edge cases.
    #[test]
    fn splitter_agrees_with_uax29() {
        let mut texts: Vec<String> = [
            "He said so.  “Yes!” she said.\r\nThen 3.5 percent. U.S.A. is here. e.g. this.",
            "Wait... what? Really?! (Yes.) “No.” ‘Fine.’ Done—ok. It ends here.\u{2029}Next.",
            "Ends with terminator.",
            "no terminator at all",
            "A.\u{301}B. c. D 1. 2. Ça va. Éte. 東京。次",
            "",
            "..?!  \n\n\r\r.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for entry in std::fs::read_dir(dir).expect("corpus") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt" || e == "md" || e == "html") {
                texts.push(std::fs::read_to_string(&path).expect("utf-8 article"));
            }
        }
        for text in &texts {
            let mut ours = Vec::new();
            let mut reference = Vec::new();
            for (offset, para) in text.split("\n\n").scan(0, |at, p| {
                let o = *at;
                *at += p.len() + 2;
                Some((o, p))
            }) {
                let span = Span::new(offset, offset + para.len());
                sentences(text, span, &mut ours);
                sentences_uax29(text, span, &mut reference);
            }
            assert_eq!(ours, reference, "in {:?}", &text[..text.len().min(80)]);
        }
    }

    proptest::proptest! {
        /// Candidate pieces equal UAX #29's on strings of the characters that matter.
        #[test]
        fn pieces_are_uax29_boundaries(chars in proptest::collection::vec(proptest::sample::select(vec![
            'a', 'b', 'A', 'B', '1', ' ', ' ', '.', '.', '!', '?', '"', '\'', '“', '”', '‘', '’', '(', ')', ',', '-', '—',
            ':', ';', '\n', '\r', '\u{2029}', '\u{a0}', 'É', 'é', '東', '。', '\u{301}', '\u{200b}', '#', '%',
            '\u{85}', '\t', '«', '»', '–', '‼', 'ß', 'Σ', '٣', '\u{feff}', '[', '\u{2028}',
        ]), 0..40)) {
            let text: String = chars.into_iter().collect();
            let ours: Vec<(usize, &str)> = pieces(&text).collect();
            let reference: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            proptest::prop_assert_eq!(ours, reference);
        }
    }

    #[test]
    fn quote_and_its_attribution_stay_together() {
        assert_eq!(split("“Stop the vote!” Ruiz said. Nobody did.").len(), 2);
        assert_eq!(split("“Why now?” asked Omar al-Hassan, a lawyer.").len(), 1);
        assert_eq!(split("“It is over.” The crowd left.").len(), 2);
    }
}

#[cfg(test)]
mod may_end_tests {
    /// [`super::next_may_end`] finds what a byte-by-byte scan of [`super::MAY_END`] finds.
    #[test]
    fn next_may_end_is_the_scan() {
        for b in 0..=255u8 {
            let by_compares = b >= 0x80 || matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n');
            assert_eq!(by_compares, super::MAY_END[usize::from(b)], "{b}");
            // Each byte in each place of a chunk, among bytes that end nothing or all end.
            for fill in [b'a', b'.', 0x80] {
                for k in 0..16 {
                    let mut chunk = [fill; 16];
                    chunk[k] = b;
                    let want = (0..16).fold(0u32, |m, j| m | u32::from(super::MAY_END[usize::from(chunk[j])]) << j);
                    assert_eq!(super::may_end_mask(&chunk), want, "{b} at {k} among {fill}");
                }
            }
        }
        let texts = [
            String::new(),
            "no end here at all and it goes on for more than sixteen bytes".to_string(),
            "a.b!c?d\re\nf’g".to_string(),
            format!("{}.{}é{}", "x".repeat(15), "y".repeat(16), "z".repeat(33)),
            format!("{}\n", "w".repeat(47)),
        ];
        for text in &texts {
            let bytes = text.as_bytes();
            for i in 0..=bytes.len() {
                let scan = (i..bytes.len()).find(|&k| super::MAY_END[usize::from(bytes[k])]).unwrap_or(bytes.len());
                assert_eq!(super::next_may_end(bytes, i), scan, "{text:?} {i}");
            }
        }
    }
}
