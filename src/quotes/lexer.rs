//! The quote-mark lexer, in nom: a text is a run of non-mark characters, then a mark.
//! Each step consumes at least one byte, so lexing is linear on any input.

use crate::document::Span;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_till};
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
    let (rest, skipped) = take_till(is_mark_start)(input)?;
    let (rest, m) = mark(rest)?;
    Ok((rest, (skipped.len(), m)))
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
