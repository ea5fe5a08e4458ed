//! Excerpts pasted into an article: paragraphs wrapped in straight marks in an article
//! that quotes in curly ones. Pairing ([`super::find`]) asks [`Excerpts`] for each
//! paragraph's wrapper marks and drops them before pairing the rest.

use super::{direction, opens_with_mark, starts_block, Direction, Mark, MarkStyle, MarkToken};
use crate::document::{BlockKind, Document};

/// Straight marks around an excerpt pasted into an article that quotes in curly marks:
/// exports of a page write its block quotes as paragraphs wrapped in straight marks
/// ("…“Yes,” she said…" or one straight mark opening each paragraph of the excerpt). The
/// curly marks inside are the article's quotes; the straight ones are furniture, neither a
/// quote nor a stray mark.
pub(super) struct Excerpts {
    /// The article quotes in curly marks: most double marks in it are curly.
    on: bool,
    /// An excerpt opened by a straight mark runs on into the next paragraph.
    open: bool,
    /// Paragraphs read since it opened without a straight mark.
    run: usize,
}

/// Paragraphs an excerpt opened by a straight mark may run without one before its straight
/// mark at a paragraph's end is no longer read as its close.
const MAX_EXCERPT_RUN: usize = 8;

impl Excerpts {
    /// The excerpt reader of an article: it looks for excerpts only in an article that
    /// quotes in curly marks and not in British style.
    pub(super) fn new(doc: &Document, british: bool) -> Excerpts {
        Excerpts { on: !british && curly_dominant(doc), open: false, run: 0 }
    }

    /// The marks of block `bi` (indices into `marks`) that wrap an excerpt: an opening one
    /// at the start of the paragraph, and a closing one at its end. A paragraph opening
    /// with a straight mark is an excerpt when that mark is not closed in it and the
    /// excerpt runs on (the next paragraph opens on a mark, or a colon introduced it), or
    /// when it is closed at the paragraph's end around curly quotes. A paragraph inside a
    /// running excerpt may end it with a straight mark at its end.
    pub(super) fn wrapper_marks(&mut self, doc: &Document, bi: usize, marks: &[MarkToken]) -> [Option<usize>; 2] {
        if !self.on {
            return [None, None];
        }
        let block = &doc.blocks[bi];
        let prose = doc.prose();
        let straight = |k: &usize| marks[*k].mark == Mark::Straight;
        let at_end = |k: usize| prose[marks[k].span.end..block.span.end].trim().is_empty();
        let opening = marks.iter().position(|t| t.mark.is_double()).filter(|&k| {
            straight(&k) && starts_block(doc, bi, marks[k]) && direction(prose, marks[k]) != Direction::Close
        });
        let next_opens = doc
            .blocks
            .get(bi + 1)
            .is_some_and(|next| next.kind != BlockKind::Heading && opens_with_mark(doc, next.span, false));
        let introduced = bi > 0 && doc.text(doc.blocks[bi - 1].span).trim_end().ends_with(':');
        let mut others = (0..marks.len()).filter(straight).filter(|&k| Some(k) != opening);
        let (first_other, more) = (others.next(), others.next().is_some());
        // A straight mark closed by a curly one ("…”) is a mixed pair, not a wrapper: the
        // next double mark after the opening one must open a quote inside the excerpt.
        let opens_nothing = |k: usize| {
            marks[k + 1..].iter().enumerate().find(|(_, t)| t.mark.is_double()).is_none_or(|(i, t)| {
                direction(prose, *t) == Direction::Open || t.mark == Mark::Straight && at_end(k + 1 + i)
            })
        };
        let was_open = std::mem::replace(&mut self.open, false);
        match (opening, first_other, more) {
            (Some(k), _, _) if !opens_nothing(k) => [None, None],
            (Some(k), None, _) if was_open || next_opens || introduced => {
                self.open = true;
                self.run = 0;
                [Some(k), None]
            }
            (Some(k), Some(end), false) if at_end(end) => {
                let curly_inside =
                    marks[k + 1..end].iter().any(|t| t.mark.is_double() && t.mark.style() == MarkStyle::Curly);
                // One paragraph a colon introduces ("Ruiz went on:") is a quote of its own,
                // with the quotes it reads out inside it.
                if was_open || curly_inside && !introduced {
                    [Some(k), Some(end)]
                } else {
                    [None, None]
                }
            }
            (None, None, _) if was_open => {
                // Paragraphs of the excerpt with no straight mark; it closes within a few.
                self.run += 1;
                self.open = self.run <= MAX_EXCERPT_RUN;
                [None, None]
            }
            (None, Some(end), false) if was_open && at_end(end) => [None, Some(end)],
            _ => [None, None],
        }
    }
}

/// Most double quotation marks in the article are curly (and there are a few).
fn curly_dominant(doc: &Document) -> bool {
    let prose = doc.prose().as_bytes();
    let curly = memchr::memmem::find_iter(prose, "“").count() + memchr::memmem::find_iter(prose, "”").count();
    let straight = memchr::memchr_iter(b'"', prose).count();
    curly >= 4 && curly >= 2 * straight
}
