//! Quotations: marks lexed with nom, paired by their context, across paragraphs when a
//! quote runs on; marks left without a partner are kept as findings.
//!
//! Pairing is one pass over the marks with a constant amount of state, so it is linear
//! in the size of the article whatever the marks are.

mod excerpts;
mod lexer;
pub mod narrative;
mod singles;

use excerpts::Excerpts;
pub use lexer::{lex, Mark, MarkStyle, MarkToken};

use crate::document::{BlockKind, Document, Span};
use crate::lexicon;

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// The quoted words, one span per paragraph the quote runs through.
    pub parts: Vec<Span>,
    pub open: MarkToken,
    /// None when the quote is never closed.
    pub close: Option<MarkToken>,
    /// Index of the first and last block the quote is in.
    pub first_block: usize,
    pub last_block: usize,
    /// Quotes within the quote (‘…’), told apart from apostrophes.
    pub nested: Vec<Span>,
    /// A top-level quote in single marks (‘…’), as in British copy and headlines.
    pub single: bool,
}

impl Quote {
    /// The quote's words as written (see [`Document::written`]), for output.
    pub fn written(&self, doc: &Document) -> String {
        self.join(|part| doc.written(part))
    }

    /// The quoted words, paragraphs joined by a space.
    pub fn text(&self, doc: &Document) -> String {
        self.join(|part| std::borrow::Cow::Borrowed(doc.text(part)))
    }

    /// The parts' texts, trimmed, empty ones dropped, joined by a space.
    fn join<'d>(&self, text: impl Fn(Span) -> std::borrow::Cow<'d, str>) -> String {
        let mut out = String::new();
        for &part in &self.parts {
            let t = text(part);
            let t = t.trim();
            if t.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
        }
        out
    }

    /// A real opening mark, a closing mark of the same style, and no other double mark
    /// inside: rewriting its marks or punctuation cannot re-pair anything.
    pub fn well_formed(&self, doc: &Document) -> bool {
        let inner = doc.text(self.inner());
        !self.open.span.is_empty()
            && matches!(self.open.mark, Mark::CurlyOpen | Mark::Straight | Mark::Backticks | Mark::GuillemetOpen)
            && self.close.is_some_and(|c| {
                c.mark.style() == self.open.mark.style()
                    && matches!(
                        c.mark,
                        Mark::CurlyClose | Mark::Straight | Mark::DoubleApostrophe | Mark::GuillemetClose
                    )
            })
            && !inner.trim().is_empty()
            // (Each mark found with memchr: a set of chars is matched char by char.)
            && !['"', '“', '”', '«', '»'].iter().any(|&m| inner.contains(m))
            && !inner.contains("``")
            && !inner.contains("''")
    }

    /// The span of the quoted words (all parts).
    pub fn inner(&self) -> Span {
        let first = self.parts.first().map_or(self.span, |p| *p);
        let last = self.parts.last().map_or(self.span, |p| *p);
        Span::new(first.start, last.end)
    }
}

/// A mark with no partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unbalanced {
    pub mark: MarkToken,
    /// True for an opening mark never closed, false for a closing mark never opened.
    pub opening: bool,
}

/// Everything the quote stage found in an article.
#[derive(Clone, Debug, Default)]
pub struct Quotes {
    pub quotes: Vec<Quote>,
    /// The article quotes British style: ‘…’ outside, “…” inside.
    pub british: bool,
    pub unbalanced: Vec<Unbalanced>,
    /// Where the stage stopped reading marks, in a file with more than [`MAX_MARKS`].
    pub stopped_at: Option<usize>,
    /// Quotes in double marks inside a double-quoted quote (“…“no”…”), mark to mark.
    pub nested_doubles: Vec<Span>,
}

/// Quotation marks read per file. An article has hundreds; a file with more is not prose
/// (a data dump, a soup of marks), and the rest of it is not read for quotes, so the memory
/// a file takes stays bounded whatever it holds. [`Quotes::stopped_at`] says where.
pub const MAX_MARKS: usize = 200_000;

/// Direction of a mark read from its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Open,
    Close,
    Either,
}

/// Find the quotes of a document.
pub fn find(doc: &Document) -> Quotes {
    let mut out = Quotes::default();
    let mut marks = Vec::new();
    let mut open: Option<Quote> = None;
    let blocks = &doc.blocks;
    let british = british_style(doc);
    out.british = british;
    let mut budget = MAX_MARKS;
    let mut excerpt = Excerpts::new(doc, british);
    for (bi, block) in blocks.iter().enumerate() {
        marks.clear();
        out.stopped_at = lex(doc.text(block.span), block.span.start, budget, &mut marks);
        budget -= marks.len();
        widen_to_references(doc, &mut marks);
        // 6’2” and 5'11": feet and inches, not quotation marks.
        marks.retain(|t| !is_inch_mark(doc.prose(), t));
        for k in excerpt.wrapper_marks(doc, bi, &marks).into_iter().rev().flatten() {
            marks.remove(k);
        }
        if british {
            // ‘…’ are the quotes and “…” the quotes within them: swap their roles, and
            // drop the apostrophes (haven’t, It’s) before pairing.
            // A plural possessive (the nurses’ turn) looks like a closing mark. It closes
            // a quote only when a quote is open and no other closing mark follows before
            // the next opening one. A backward pass finds what follows; a forward pass
            // keeps the open state: linear.
            // So does one inside a name (the Garment Workers’ Federation): a capitalised
            // word on both sides.
            let possessive = |t: &MarkToken| {
                let next_word: &str = doc.prose()[t.span.end..]
                    .trim_start_matches(' ')
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let prev_word = doc.prose()[..t.span.start].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                let in_name = prev_word.chars().next().is_some_and(char::is_uppercase)
                    && next_word.chars().next().is_some_and(char::is_uppercase);
                // "a plan like Sanders’.": a name's possessive ends the sentence.
                let name_at_end = prev_word.chars().next().is_some_and(char::is_uppercase)
                    && doc.prose()[t.span.end..].starts_with(['.', ',', ';', ':', '!', '?']);
                doc.prose()[..t.span.start].ends_with('s')
                    && (name_at_end
                        || doc.prose()[t.span.end..].starts_with(' ')
                            && (in_name || next_word.chars().next().is_some_and(char::is_lowercase))
                            && !is_function_word(next_word))
            };
            let mut strong_close_follows = vec![false; marks.len()];
            let mut seen = false;
            for (k, t) in marks.iter().enumerate().rev() {
                strong_close_follows[k] = seen;
                match t.mark {
                    Mark::SingleOpen => seen = false,
                    Mark::SingleClose if !singles::is_apostrophe_at(doc.prose(), *t) && !possessive(t) => seen = true,
                    _ => {}
                }
            }
            let mut keep = vec![true; marks.len()];
            let mut open_single = false;
            for (k, t) in marks.iter().enumerate() {
                match t.mark {
                    Mark::SingleOpen => open_single = true,
                    Mark::SingleClose => {
                        let apostrophe = singles::is_apostrophe_at(doc.prose(), *t)
                            || (possessive(t) && (!open_single || strong_close_follows[k]));
                        keep[k] = !apostrophe;
                        if keep[k] {
                            open_single = false;
                        }
                    }
                    _ => {}
                }
            }
            let mut k = 0;
            marks.retain(|_| {
                k += 1;
                keep[k - 1]
            });
            for t in marks.iter_mut() {
                t.mark = match t.mark {
                    Mark::SingleOpen => Mark::CurlyOpen,
                    Mark::SingleClose => Mark::CurlyClose,
                    Mark::CurlyOpen => Mark::SingleOpen,
                    Mark::CurlyClose => Mark::SingleClose,
                    other => other,
                };
            }
        }
        let mut first_in_block = true;
        let mut prev_mark_end = block.span.start;
        let mut singles = singles::Pairing::default();
        let mut skip = None;
        for (k, &tok) in marks.iter().enumerate() {
            if !tok.mark.is_double() {
                singles.push(doc, tok, open.is_some(), &mut out.quotes, bi);
                continue;
            }
            if skip == Some(k) {
                continue;
            }
            let dir = direction(doc.prose(), tok);
            // “He said “no” to me”: double marks inside a double-quoted quote. The inner pair
            // is noted (it takes single marks) and the outer quote goes on.
            if dir == Direction::Open && open.as_ref().is_some_and(|q| q.last_block == bi) {
                if let Some(inner_close) = nested_double(doc, &marks, k) {
                    out.nested_doubles.push(Span::new(tok.span.start, marks[inner_close].span.end));
                    skip = Some(inner_close);
                    continue;
                }
            }
            match open.take() {
                Some(mut q) if q.last_block != bi => {
                    // A quote left open at the end of the previous paragraph: this
                    // paragraph re-opens it (multi-paragraph quote) if it starts with an
                    // opening mark; otherwise it was never closed.
                    if first_in_block && dir != Direction::Close && starts_block(doc, bi, tok) {
                        q.last_block = bi;
                        q.parts.push(Span::new(tok.span.end, tok.span.end));
                        open = Some(q);
                    } else {
                        close_unbalanced(doc, q, &mut out);
                        open = start_or_stray(doc, tok, dir, bi, prev_mark_end, &mut out);
                    }
                }
                Some(mut q)
                    if dir == Direction::Open
                        && !misdirected_close(doc.prose(), tok)
                        && (tok.mark != Mark::Straight
                            || attribution_break(doc.prose(), q.open.span.end, tok.span.start).is_some()) =>
                {
                    // The unclosed quote ends where its attribution starts ("…saw it, said
                    // Ana Ruiz, …"), else at the end of its sentence, or at this mark. A
                    // straight mark that looks like an opening one closes the open quote,
                    // unless an attribution stands between them: then the first quote was
                    // never closed and this mark opens the next.
                    let end = doc.sentence_at(q.open.span.start).map_or(tok.span.start, |s| doc.sentences[s].span.end);
                    let end = attribution_break(doc.prose(), q.open.span.end, tok.span.start)
                        .unwrap_or(end)
                        .min(tok.span.start);
                    if let Some(part) = q.parts.last_mut() {
                        part.end = end.max(part.start);
                        q.span.end = part.end;
                    }
                    close_unbalanced(doc, q, &mut out);
                    open = Some(new_quote(tok, bi));
                }
                Some(mut q) => {
                    let part = q.parts.last_mut().expect("an open quote has a part");
                    part.end = tok.span.start;
                    q.span.end = tok.span.end;
                    q.close = Some(tok);
                    q.nested = singles.take_nested();
                    out.quotes.push(q);
                }
                None => open = start_or_stray(doc, tok, dir, bi, prev_mark_end, &mut out),
            }
            first_in_block = false;
            prev_mark_end = tok.span.end;
        }
        if out.stopped_at.is_some() {
            // Whether a quote left open here closes is unknown: it is neither a quote nor
            // a finding.
            open = None;
            break;
        }
        if let Some(q) = open.as_mut() {
            let part = q.parts.last_mut().expect("an open quote has a part");
            part.end = block.span.end;
            q.span.end = block.span.end;
            q.nested.extend(singles.take_nested());
            let continues = blocks.get(bi + 1).is_some_and(|next| {
                next.kind != BlockKind::Heading
                    && block.kind != BlockKind::Heading
                    && opens_with_mark(doc, next.span, british)
            });
            if !continues {
                if let Some(q) = open.take() {
                    close_unbalanced(doc, q, &mut out);
                }
            }
        }
    }
    if let Some(q) = open {
        close_unbalanced(doc, q, &mut out);
    }
    out.quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    // Quotes never overlap: a top-level single quote that crosses a double one is a
    // misread apostrophe; keep the first (outer) one.
    let mut last_end = 0;
    out.quotes.retain(|q| {
        let keep = q.span.start >= last_end || q.span.is_empty();
        if keep {
            last_end = q.span.end;
        }
        keep
    });
    out.unbalanced.sort_unstable_by_key(|u| u.mark.span.start);
    // The lists are kept for the whole check: give back what their growth left over.
    out.quotes.shrink_to_fit();
    out.unbalanced.shrink_to_fit();
    out
}

/// Whether the opening double mark `k` starts a quote nested in the open one: the next
/// two double marks after it both close (the inner quote, then the outer), with words
/// between. Returns the inner closing mark.
fn nested_double(doc: &Document, marks: &[MarkToken], k: usize) -> Option<usize> {
    let mut doubles = marks.iter().enumerate().skip(k + 1).filter(|(_, t)| t.mark.is_double());
    let (inner, inner_tok) = doubles.next()?;
    let (_, outer_tok) = doubles.next()?;
    let closes = |t: &MarkToken| direction(doc.prose(), *t) != Direction::Open;
    let words = |a: usize, b: usize| doc.prose()[a..b].chars().any(char::is_alphanumeric);
    (closes(inner_tok)
        && closes(outer_tok)
        && words(marks[k].span.end, inner_tok.span.start)
        && marks[k].mark.style() == inner_tok.mark.style())
    .then_some(inner)
}

/// A double mark that ends a height or a length in feet and inches ("6’2”", "5'11\"").
fn is_inch_mark(prose: &str, t: &MarkToken) -> bool {
    if !matches!(t.mark, Mark::CurlyClose | Mark::Straight) {
        return false;
    }
    let before = &prose.as_bytes()[..t.span.start];
    let inches = before.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&inches) {
        return false;
    }
    let rest = &prose[..t.span.start - inches];
    let Some(feet_mark) = rest.chars().next_back().filter(|c| matches!(c, '\'' | '’' | '′')) else {
        return false;
    };
    rest[..rest.len() - feet_mark.len_utf8()].chars().next_back().is_some_and(|c| c.is_ascii_digit())
}

/// A mark decoded from an HTML character reference (`&rdquo;`) spans the whole reference
/// in the file, so findings and fixes cover `&rdquo;`, never a piece of it.
fn widen_to_references(doc: &Document, marks: &mut [MarkToken]) {
    for t in marks.iter_mut() {
        if doc.source.as_bytes()[t.span.start..t.span.end] == doc.prose().as_bytes()[t.span.start..t.span.end] {
            continue;
        }
        let from = t.span.end.saturating_sub(12);
        if let Some(amp) = doc.source.as_bytes()[from..t.span.end].iter().rposition(|&b| b == b'&') {
            t.span.start = from + amp;
        }
    }
}

/// Words that follow a closing quote mark rather than a possessive noun.
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "but"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "as"
            | "with"
            | "from"
            | "by"
            | "the"
            | "a"
            | "an"
            | "that"
            | "is"
            | "was"
            | "were"
            | "are"
            | "which"
            | "who"
            | "he"
            | "she"
            | "they"
            | "it"
            | "said"
            | "says"
            | "of"
            | "if"
            | "when"
            | "while"
            | "because"
            | "so"
            | "than"
            | "then"
            | "we"
            | "i"
            | "you"
            | "added"
            | "told"
    )
}

/// British copy quotes with ‘…’ and nests “…”: more single curly marks open a quote
/// (after a space or at a paragraph start, before a letter) than double ones do.
fn british_style(doc: &Document) -> bool {
    let (mut single, mut double) = (0usize, 0usize);
    for block in &doc.blocks {
        let text = doc.text(block.span);
        // ‘ and “ are E2 80 98 and E2 80 9C; E2 only ever leads a char.
        let bytes = text.as_bytes();
        for i in memchr::memchr_iter(0xE2, bytes) {
            let c = match bytes.get(i + 1..i + 3) {
                Some([0x80, 0x98]) => '‘',
                Some([0x80, 0x9C]) => '“',
                _ => continue,
            };
            let before = text[..i].chars().next_back();
            let after = text[i + c.len_utf8()..].chars().next();
            if before.is_none_or(|b| b.is_whitespace() || b == '(') && after.is_some_and(char::is_alphanumeric) {
                if c == '‘' {
                    single += 1;
                } else {
                    double += 1;
                }
            }
        }
    }
    single >= 2 && single > double
}

fn new_quote(tok: MarkToken, block: usize) -> Quote {
    Quote {
        span: tok.span,
        parts: vec![Span::new(tok.span.end, tok.span.end)],
        open: tok,
        close: None,
        first_block: block,
        last_block: block,
        nested: Vec::new(),
        single: false,
    }
}

/// Open a quote at an opening mark. A closing mark with no opening one is a finding, and
/// the words before it (from the start of its sentence, or the previous mark) are still
/// kept as a quote so they can be attributed.
fn start_or_stray(
    doc: &Document,
    tok: MarkToken,
    dir: Direction,
    block: usize,
    prev_mark_end: usize,
    out: &mut Quotes,
) -> Option<Quote> {
    if dir != Direction::Close {
        return Some(new_quote(tok, block));
    }
    out.unbalanced.push(Unbalanced { mark: tok, opening: false });
    let sentence_start = doc.sentence_at(tok.span.start).map_or(prev_mark_end, |s| doc.sentences[s].span.start);
    let start = sentence_start.max(prev_mark_end);
    if !doc.prose()[start..tok.span.start].trim().is_empty() {
        let opener = match tok.mark {
            Mark::CurlyClose => Mark::CurlyOpen,
            Mark::DoubleApostrophe => Mark::Backticks,
            Mark::GuillemetClose => Mark::GuillemetOpen,
            other => other,
        };
        out.quotes.push(Quote {
            span: Span::new(start, tok.span.end),
            parts: vec![Span::new(start, tok.span.start)],
            open: MarkToken { mark: opener, span: Span::new(start, start) },
            close: Some(tok),
            first_block: block,
            last_block: block,
            nested: Vec::new(),
            single: false,
        });
    }
    None
}

/// Where an attribution interrupts the words between `from` and `to`: the offset
/// just after a comma followed by a speech verb and a capitalised name (", said Ana
/// Ruiz") or by a name or pronoun and a speech verb (", Ruiz said", ", she said").
/// Words inside a quote never read like this, so it marks a quote left unclosed.
fn attribution_break(prose: &str, from: usize, to: usize) -> Option<usize> {
    let text = prose.get(from..to)?;
    let mut at = 0;
    while let Some(p) = text[at..].find(", ") {
        let comma = at + p;
        at = comma + 2;
        let words: Vec<&str> =
            text[at..].split_whitespace().take(4).map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric())).collect();
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let verb = |w: &str| lexicon::is_speech_verb(w) && w.ends_with('d');
        let inverted = words.len() >= 2 && verb(words[0]) && capitalised(words[1]);
        let direct = words.len() >= 2
            && (matches!(words[0], "he" | "she" | "they") && verb(words[1])
                || capitalised(words[0])
                    && (verb(words[1]) || words.len() >= 3 && capitalised(words[1]) && verb(words[2])));
        if inverted || direct {
            return Some(from + comma + 1);
        }
    }
    None
}

/// An opening mark never closed: a finding, and still a quote up to the end of its
/// paragraph, so its words can be attributed.
fn close_unbalanced(doc: &Document, q: Quote, out: &mut Quotes) {
    out.unbalanced.push(Unbalanced { mark: q.open, opening: true });
    if !doc.text(q.inner()).trim().is_empty() {
        out.quotes.push(q);
    }
}

fn starts_block(doc: &Document, block: usize, tok: MarkToken) -> bool {
    // A mark widened to its HTML reference (`&ldquo;`) may begin before the block's text.
    let start = doc.blocks[block].span.start;
    tok.span.start <= start || doc.prose()[start..tok.span.start].trim().is_empty()
}

/// The paragraph opens with a quotation mark (‘ in British-style copy).
fn opens_with_mark(doc: &Document, span: Span, british: bool) -> bool {
    let text = doc.text(span).trim_start();
    if british {
        return text.starts_with('‘');
    }
    // Archives that write every double mark as two apostrophes open with them too.
    text.starts_with(['“', '"', '«']) || text.starts_with("``") || text.starts_with("''")
}

/// A curly opening mark used where a closing one belongs (“word“ typed twice).
fn misdirected_close(prose: &str, tok: MarkToken) -> bool {
    let before = prose[..tok.span.start].chars().next_back();
    let after = prose[tok.span.end..].chars().next();
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| c.is_whitespace() || is_punct(c))
}

fn is_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–')
}

/// The direction of a double mark from its form and the characters around it.
fn direction(prose: &str, tok: MarkToken) -> Direction {
    let before = prose[..tok.span.start].chars().next_back();
    let after = prose[tok.span.end..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/'));
    let space_after = after.is_none_or(|c| c.is_whitespace() || is_punct(c));
    match tok.mark {
        Mark::CurlyOpen | Mark::Backticks | Mark::GuillemetOpen => {
            if !space_before && space_after {
                Direction::Close
            } else {
                Direction::Open
            }
        }
        Mark::CurlyClose | Mark::GuillemetClose => {
            if space_before && !space_after {
                Direction::Open
            } else {
                Direction::Close
            }
        }
        Mark::DoubleApostrophe => {
            if space_before && !space_after {
                Direction::Open
            } else {
                Direction::Close
            }
        }
        _ => match (space_before, space_after) {
            (true, false) => Direction::Open,
            (false, true) => Direction::Close,
            _ => Direction::Either,
        },
    }
}

#[cfg(test)]
mod tests;

/// Whether a mark is part of HTML markup in plain text: an attribute value
/// (`href=”…”`), the end of a tag (`">`), or anywhere inside an open `<tag …` on its line.
pub fn in_markup(prose: &str, mark: Span) -> bool {
    let before = &prose[..mark.start];
    let after = &prose[mark.end..];
    if before.ends_with('=') || after.starts_with('>') {
        return true;
    }
    // A tag is short: look back over at most 300 bytes of the line (linear on a line of
    // a million marks).
    let mut lo = before.len().saturating_sub(300);
    while !before.is_char_boundary(lo) {
        lo += 1;
    }
    tag_open_at_end(&before[lo..])
}

/// Whether `near` ends inside a tag with an attribute (`<a href=…`) opened on its last
/// line. The last `<`, `>` or line end, in one backward scan: the tag is open when that
/// is a `<`.
fn tag_open_at_end(near: &str) -> bool {
    match memchr::memrchr3(b'<', b'>', b'\n', near.as_bytes()) {
        Some(open) if near.as_bytes()[open] == b'<' => {
            near[open + 1..].starts_with(|c: char| c.is_ascii_alphabetic()) && near[open..].contains('=')
        }
        _ => false,
    }
}
