//! The quote-mark lexer, in nom: a text is a run of non-mark characters, then a mark.
//! Each step consumes at least one byte, so lexing is linear on any input.

use crate::document::Span;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::value;
use nom::IResult;

/// A quotation mark as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// “
    CurlyOpen,
    /// ”
    CurlyClose,
    /// "
    Straight,
    /// `` (archive and wire-feed opening form)
    Backticks,
    /// '' (archive and wire-feed closing form)
    DoubleApostrophe,
    /// «
    GuillemetOpen,
    /// »
    GuillemetClose,
    /// ‘
    SingleOpen,
    /// ’ (also the typographic apostrophe)
    SingleClose,
    /// ' (also the typewriter apostrophe)
    SingleStraight,
}

impl Mark {
    /// Whether the mark is a double quotation mark (any style).
    pub fn is_double(self) -> bool {
        !matches!(self, Mark::SingleOpen | Mark::SingleClose | Mark::SingleStraight)
    }

    /// The family of the mark for house-style checks.
    pub fn style(self) -> MarkStyle {
        match self {
            Mark::CurlyOpen | Mark::CurlyClose | Mark::SingleOpen | Mark::SingleClose => MarkStyle::Curly,
            Mark::Straight | Mark::SingleStraight => MarkStyle::Straight,
            Mark::Backticks | Mark::DoubleApostrophe => MarkStyle::Ascii,
            Mark::GuillemetOpen | Mark::GuillemetClose => MarkStyle::Guillemet,
        }
    }
}

/// Families of marks: an article should use one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkStyle {
    Curly,
    Straight,
    Ascii,
    Guillemet,
}

/// A mark with its span in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkToken {
    pub mark: Mark,
    pub span: Span,
}

#[cfg(test)]
fn is_mark_start(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '`' | '«' | '»')
}

fn mark(input: &str) -> IResult<&str, Option<Mark>> {
    alt((
        value(Some(Mark::Backticks), tag("``")),
        value(Some(Mark::DoubleApostrophe), tag("''")),
        value(Some(Mark::CurlyOpen), tag("“")),
        value(Some(Mark::CurlyClose), tag("”")),
        value(Some(Mark::Straight), tag("\"")),
        value(Some(Mark::SingleOpen), tag("‘")),
        value(Some(Mark::SingleClose), tag("’")),
        value(Some(Mark::SingleStraight), tag("'")),
        value(Some(Mark::GuillemetOpen), tag("«")),
        value(Some(Mark::GuillemetClose), tag("»")),
        value(None, tag("`")),
    ))(input)
}

fn step(input: &str) -> IResult<&str, (usize, Option<Mark>)> {
    let skipped = mark_start(input);
    let (rest, m) = mark(&input[skipped..])?;
    Ok((rest, (skipped, m)))
}

/// The offset of the first char of `text` that starts a mark ([`is_mark_start`]), or its
/// length: what `take_till(is_mark_start)` takes, found with memchr instead of decoding
/// chars. The marks are the bytes `"`, `'` and `` ` ``, and the UTF-8 of “ ” ‘ ’ (E2 80 9C,
/// 9D, 98, 99) and « » (C2 AB, BB); E2 and C2 only ever lead a char. The text is read in
/// chunks, so a call costs the distance to the mark, not the length of the text.
fn mark_start(text: &str) -> usize {
    const CHUNK: usize = 256;
    let bytes = text.as_bytes();
    let multibyte_mark = |i: usize| match bytes[i] {
        0xE2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x98 | 0x99 | 0x9C | 0x9D)),
        _ => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
    };
    let mut from = 0;
    while from < bytes.len() {
        let chunk = &bytes[from..(from + CHUNK).min(bytes.len())];
        let ascii = memchr::memchr3(b'"', b'\'', b'`', chunk);
        let mut k = 0;
        while let Some(j) = memchr::memchr2(0xE2, 0xC2, &chunk[k..ascii.unwrap_or(chunk.len())]) {
            if multibyte_mark(from + k + j) {
                return from + k + j;
            }
            k += j + 1;
        }
        if let Some(a) = ascii {
            return from + a;
        }
        from += chunk.len();
    }
    bytes.len()
}

/// The quotation marks in `text`, with spans offset by `base`, at most `limit` of them.
/// Returns the offset of the first mark left unread when the limit stopped the lexer.
pub fn lex(text: &str, base: usize, limit: usize, out: &mut Vec<MarkToken>) -> Option<usize> {
    let mut rest = text;
    let mut taken = 0;
    while let Ok((next, (skipped, m))) = step(rest) {
        let start = base + (text.len() - rest.len()) + skipped;
        let end = base + (text.len() - next.len());
        if let Some(mark) = m {
            if taken == limit {
                return Some(start);
            }
            out.push(MarkToken { mark, span: Span::new(start, end) });
            taken += 1;
        }
        rest = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`mark_start`] is nom's `take_till(is_mark_start)`, from every char of texts with
    /// every mark and chars that share their lead bytes (— … € ¢ ©).
    #[test]
    fn mark_start_is_take_till() {
        let texts = [
            "a “b” \"c\" ``d'' ‘e’ f's «g» — h… €5 ¢ © ‚i„ ‹j› end",
            "no marks at all — just dashes… and € signs ©",
            "",
            "’",
            "x\u{2018}",
        ];
        // Marks and look-alikes on either side of the reading's 256-byte chunks.
        let mut long: Vec<String> = Vec::new();
        for pad in 250..=257 {
            for tail in ["“a", "’", "«", "—", "€'", "©\"", "a`"] {
                long.push(format!("{}{tail} end", "x".repeat(pad)));
            }
        }
        for text in texts.iter().copied().chain(long.iter().map(String::as_str)) {
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let rest = &text[i..];
                let taken: IResult<&str, &str> = nom::bytes::complete::take_till(is_mark_start)(rest);
                assert_eq!(mark_start(rest), taken.unwrap().1.len(), "{rest:?}");
            }
        }
    }

    #[test]
    fn lexes_every_style() {
        let mut out = Vec::new();
        assert_eq!(lex("a “b” \"c\" ``d'' ‘e’ f's «g»", 10, usize::MAX, &mut out), None);
        let marks: Vec<_> = out.iter().map(|t| t.mark).collect();
        use Mark::*;
        assert_eq!(
            marks,
            vec![
                CurlyOpen,
                CurlyClose,
                Straight,
                Straight,
                Backticks,
                DoubleApostrophe,
                SingleOpen,
                SingleClose,
                SingleStraight,
                GuillemetOpen,
                GuillemetClose
            ]
        );
        assert_eq!(out[0].span, Span::new(12, 15));
        out.clear();
        assert_eq!(lex("a “b” c", 0, 1, &mut out), Some(6));
        assert_eq!(out.len(), 1);
    }
}
