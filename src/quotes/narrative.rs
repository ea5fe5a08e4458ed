//! The narrative of a paragraph as tokens: words and punctuation outside quotes, one
//! placeholder per quote, and a break at each sentence end that is not inside a quote.
//! Tokens are spans of the prose; no token allocates.
//!
//! It lives with the quote stage because the quotes define it (one token per quote,
//! no sentence break inside one), and the stages after quotes (entities, attribution)
//! and the rules all read it: built once per article ([`BlockTokens`], in
//! [`crate::analysis`]), below every stage that walks the narrative.

use crate::document::{Document, Span};
use crate::quotes::Quote;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
    /// The quote with this index into the article's quote list.
    Quote(usize),
    /// End of a sentence.
    Break,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: TokKind,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

/// Every block's tokens, built once per article and read by each stage and rule that
/// walks the narrative (names, descriptors, attribution, the rules' cue checks), so no
/// block is tokenized more than once. An article whose prose is longer than
/// [`BlockTokens::KEEP_LIMIT`] keeps them packed (12 bytes a token instead of 32,
/// unpacked into a buffer on each visit), and one longer than
/// [`BlockTokens::PACKED_LIMIT`] keeps none: its blocks are tokenized again on each
/// visit, so such a file never holds all its tokens at once.
#[derive(Debug, Default)]
pub struct BlockTokens {
    toks: Vec<Tok>,
    /// The tokens of an article longer than `KEEP_LIMIT`, packed (then `is_packed`).
    packed: Vec<Packed>,
    is_packed: bool,
    /// `toks[starts[bi]..starts[bi + 1]]` (or `packed[..]`) are block `bi`'s tokens;
    /// empty when none are kept.
    starts: Vec<usize>,
}

/// A token in 12 bytes: offsets as u32 (kept only for prose of at most
/// [`BlockTokens::PACKED_LIMIT`] bytes) and the kind in one u32, its low two bits the
/// variant and the rest the char or quote index.
#[derive(Clone, Copy, Debug)]
struct Packed {
    start: u32,
    end: u32,
    kind: u32,
}

impl Packed {
    fn new(t: &Tok) -> Packed {
        let kind = match t.kind {
            TokKind::Word => 0,
            TokKind::Break => 1,
            TokKind::Punct(c) => 2 | u32::from(c) << 2,
            TokKind::Quote(qi) => 3 | (qi as u32) << 2,
        };
        Packed { start: t.span.start as u32, end: t.span.end as u32, kind }
    }

    fn tok(self) -> Tok {
        let kind = match self.kind & 3 {
            0 => TokKind::Word,
            1 => TokKind::Break,
            2 => TokKind::Punct(char::from_u32(self.kind >> 2).unwrap_or(char::REPLACEMENT_CHARACTER)),
            _ => TokKind::Quote((self.kind >> 2) as usize),
        };
        Tok { span: Span::new(self.start as usize, self.end as usize), kind }
    }
}

impl BlockTokens {
    /// Prose length above which an article's tokens are kept packed (a token is 32
    /// bytes, about one per five bytes of prose); a window of a large file (1 MiB and a
    /// paragraph, see `windows`) keeps its own.
    pub const KEEP_LIMIT: usize = 2 << 20;
    /// Prose length above which an article keeps no tokens: twice the largest text file
    /// read whole (`document::WINDOWED_ABOVE`). Offsets under it fit a u32, and its
    /// packed tokens take about 2.4 bytes a byte of prose.
    pub const PACKED_LIMIT: usize = 8 << 20;

    /// The tokens of every block of `doc`: as they are, packed, or none when the prose
    /// is too long to keep them.
    pub fn new(doc: &Document, quotes: &[Quote]) -> BlockTokens {
        match doc.prose().len() {
            n if n <= Self::KEEP_LIMIT => Self::build(doc, quotes),
            n if n <= Self::PACKED_LIMIT => Self::build_packed(doc, quotes),
            _ => BlockTokens::default(),
        }
    }

    /// The tokens of every block, whatever the article's length.
    pub fn build(doc: &Document, quotes: &[Quote]) -> BlockTokens {
        let mut toks = Vec::with_capacity(doc.prose().len() / 5 + 16);
        let mut starts = Vec::with_capacity(doc.blocks.len() + 1);
        let mut buf = Vec::new();
        starts.push(0);
        for bi in 0..doc.blocks.len() {
            block_tokens(doc, bi, quotes, &mut buf);
            toks.extend_from_slice(&buf);
            starts.push(toks.len());
        }
        BlockTokens { toks, packed: Vec::new(), is_packed: false, starts }
    }

    /// The tokens of every block, packed: prose of at most [`Self::PACKED_LIMIT`] bytes.
    pub fn build_packed(doc: &Document, quotes: &[Quote]) -> BlockTokens {
        assert!(doc.prose().len() <= Self::PACKED_LIMIT);
        let mut packed = Vec::new();
        let mut starts = Vec::with_capacity(doc.blocks.len() + 1);
        let mut buf = Vec::new();
        starts.push(0);
        for bi in 0..doc.blocks.len() {
            block_tokens(doc, bi, quotes, &mut buf);
            packed.extend(buf.iter().map(Packed::new));
            starts.push(packed.len());
        }
        packed.shrink_to_fit();
        BlockTokens { toks: Vec::new(), packed, is_packed: true, starts }
    }

    /// Block `bi`'s tokens: the kept ones, or else unpacked or built into `buf` (the
    /// same tokens [`block_tokens`] gives).
    pub fn get<'a>(&'a self, doc: &Document, bi: usize, quotes: &[Quote], buf: &'a mut Vec<Tok>) -> &'a [Tok] {
        match self.kept(bi) {
            Some(toks) => toks,
            None => {
                self.fill(doc, bi, quotes, buf);
                buf
            }
        }
    }

    /// Block `bi`'s tokens into `buf`: unpacked, copied or built.
    pub fn fill(&self, doc: &Document, bi: usize, quotes: &[Quote], buf: &mut Vec<Tok>) {
        if let Some(toks) = self.kept(bi) {
            buf.clear();
            buf.extend_from_slice(toks);
        } else if self.is_packed {
            buf.clear();
            buf.extend(self.packed[self.starts[bi]..self.starts[bi + 1]].iter().map(|p| p.tok()));
        } else {
            block_tokens(doc, bi, quotes, buf);
        }
    }

    /// Block `bi`'s kept tokens, if the article's are kept as they are.
    pub fn kept(&self, bi: usize) -> Option<&[Tok]> {
        if self.is_packed {
            return None;
        }
        let (&start, &end) = (self.starts.get(bi)?, self.starts.get(bi + 1)?);
        Some(&self.toks[start..end])
    }
}

/// Tokens of block `bi`. `quotes` is the article's quote list, sorted by start.
pub fn block_tokens(doc: &Document, bi: usize, quotes: &[Quote], out: &mut Vec<Tok>) {
    out.clear();
    let block = &doc.blocks[bi];
    let text = doc.prose();
    let prose = text.as_bytes();
    let sentences = &doc.sentences[block.sentences.clone()];
    let ends = |k: usize| sentences[k].span.end;
    let mut next_end = 0;
    let mut qi = quotes.partition_point(|q| q.span.end <= block.span.start);
    let mut i = block.span.start;
    while i < block.span.end {
        while next_end < sentences.len() && ends(next_end) <= i {
            if out.last().is_some_and(|t| t.kind != TokKind::Break) {
                out.push(Tok { span: Span::new(ends(next_end), ends(next_end)), kind: TokKind::Break });
            }
            next_end += 1;
        }
        if let Some(q) = quotes.get(qi) {
            if q.span.start <= i {
                if q.first_block == bi || q.span.start >= block.span.start {
                    out.push(Tok { span: q.span, kind: TokKind::Quote(qi) });
                }
                i = q.span.end.max(i + 1);
                qi += 1;
                // Sentence ends inside the quote are not narrative breaks…
                while next_end < sentences.len() && ends(next_end) < i {
                    next_end += 1;
                }
                // …but a quote that ends its sentence is followed by one.
                if next_end < sentences.len() && ends(next_end) == i {
                    out.push(Tok { span: Span::new(i, i), kind: TokKind::Break });
                    next_end += 1;
                }
                continue;
            }
        }
        let limit = quotes.get(qi).map_or(block.span.end, |q| q.span.start.min(block.span.end));
        // The tokens up to the next sentence end or quote, read without asking before each
        // whether one is reached (neither is before `i`: the loop's top has just seen to it).
        let stop = sentences.get(next_end).map_or(limit, |s| s.span.end.min(limit));
        loop {
            // An ASCII byte is its own char: most of the text needs no decoding.
            let c = match prose[i] {
                b if b.is_ascii() => char::from(b),
                _ => text[i..].chars().next().unwrap_or(' '),
            };
            if c.is_whitespace() {
                i += c.len_utf8();
            } else {
                if c.is_alphanumeric() {
                    let end = word_end(text, i, limit);
                    out.push(Tok { span: Span::new(i, end), kind: TokKind::Word });
                    i = end;
                } else {
                    out.push(Tok { span: Span::new(i, i + c.len_utf8()), kind: TokKind::Punct(c) });
                    i += c.len_utf8();
                }
                // The spaces after a token, skipped here rather than a turn of the loop
                // each: they make no token, and a sentence's break is pushed at its end's
                // offset whenever it is reached. (Up to `limit`, so a quote's start is still
                // met at the outer loop's top.)
                while i < limit && prose[i] == b' ' {
                    i += 1;
                }
            }
            if i >= stop {
                break;
            }
        }
    }
    if out.last().is_some_and(|t| t.kind != TokKind::Break) {
        out.push(Tok { span: Span::new(block.span.end, block.span.end), kind: TokKind::Break });
    }
}

/// End of a word starting at `start`: letters and digits, joined by internal hyphens,
/// apostrophes and periods (al-Hassan, Japan's, U.S.), with a final period kept for
/// initials, abbreviations and dotted acronyms (J., Gov., U.S.).
fn word_end(prose: &str, start: usize, limit: usize) -> usize {
    // A run of ASCII letters and digits first, a byte at a time: the loop below would
    // take each of them as a letter of the word, and the next char where it stopped.
    let bytes = prose.as_bytes();
    let run = bytes[start..limit].iter().position(|&b| !crate::chars::ASCII_ALNUM[usize::from(b)]);
    let from = run.map_or(limit, |n| start + n);
    // Most words end there, at a space or a comma: an ASCII byte that is no letter or
    // digit and none of the joiners or the period `word_end_from` looks past ends the
    // word where it is, without setting up its char walk.
    if from == limit || bytes[from].is_ascii() && !matches!(bytes[from], b'-' | b'\'' | b'.' | b'&') {
        return from;
    }
    word_end_from(prose, start, from, limit)
}

/// [`word_end`] from `from`, the end of the word's first run of ASCII letters and digits
/// (or `start` itself, which reads every char: the tests' reference).
fn word_end_from(prose: &str, start: usize, from: usize, limit: usize) -> usize {
    let mut end = from;
    let mut chars = prose[from..limit].char_indices().peekable();
    let mut dotted = false;
    while let Some((off, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = from + off + c.len_utf8();
            continue;
        }
        let next_alnum = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if matches!(c, '-' | '\'' | '’' | '.' | '&') && next_alnum {
            dotted |= c == '.';
            continue;
        }
        if c == '.' {
            let word = &prose[start..end];
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if initial || dotted || crate::lexicon::is_abbreviation(word) {
                end = from + off + 1;
            }
        }
        break;
    }
    end
}

#[cfg(test)]
mod tests {
    /// The obvious form of [`super::word_end`]: every char decoded, from the start.
    fn word_end_by_chars(prose: &str, start: usize, limit: usize) -> usize {
        super::word_end_from(prose, start, start, limit)
    }

    /// [`super::BlockTokens`] hands out, for every block, what [`super::block_tokens`]
    /// builds, whether it keeps the article's tokens as they are, packed, or not at all.
    #[test]
    fn kept_block_tokens_are_the_block_tokens() {
        use crate::document::{Document, Format, Span};
        let texts = [
            "“We will,” Gov. Ana Ruiz said. “Not now.”\n\nShe left. “A “nested” one,\n\nruns on,” he said.\n\nEnd.",
            "# Head\n\nNo quotes here at all, U.S. officials said.\n\n“Open",
            "Then—nothing… ¿Qué? «Oui», said Zoë. 𝔸 “One.” “Two.” ‘Three,’ she said.",
            "",
        ];
        for text in texts {
            let a = crate::analyze(Document::parse("a.txt".as_ref(), text.into(), Format::Text));
            let quotes = &a.quotes.quotes;
            let kept = super::BlockTokens::build(&a.doc, quotes);
            let packed = super::BlockTokens::build_packed(&a.doc, quotes);
            let none = super::BlockTokens::default();
            for bi in 0..a.doc.blocks.len() {
                let mut want = Vec::new();
                super::block_tokens(&a.doc, bi, quotes, &mut want);
                assert_eq!(kept.kept(bi), Some(want.as_slice()), "{text:?} block {bi}");
                assert!(packed.kept(bi).is_none());
                assert_eq!(packed.get(&a.doc, bi, quotes, &mut Vec::new()), want.as_slice(), "{text:?} block {bi}");
                for store in [&kept, &packed, &none] {
                    let mut buf = vec![super::Tok { span: Span::new(0, 0), kind: super::TokKind::Break }];
                    store.fill(&a.doc, bi, quotes, &mut buf);
                    assert_eq!(buf, want);
                }
                assert_eq!(a.tokens.get(&a.doc, bi, quotes, &mut Vec::new()), want.as_slice());
                assert!(none.kept(bi).is_none());
                assert_eq!(none.get(&a.doc, bi, quotes, &mut Vec::new()), want.as_slice());
            }
        }
    }

    /// [`super::block_tokens`] as it was written before its inner loop: every turn of the
    /// loop asks for sentence ends and quotes before reading a token.
    fn block_tokens_by_turns(doc: &crate::document::Document, bi: usize, quotes: &[crate::quotes::Quote]) -> Vec<Tok> {
        use crate::document::Span;
        let mut out = Vec::new();
        let block = &doc.blocks[bi];
        let text = doc.prose();
        let prose = text.as_bytes();
        let sentences = &doc.sentences[block.sentences.clone()];
        let ends = |k: usize| sentences[k].span.end;
        let mut next_end = 0;
        let mut qi = quotes.partition_point(|q| q.span.end <= block.span.start);
        let mut i = block.span.start;
        while i < block.span.end {
            while next_end < sentences.len() && ends(next_end) <= i {
                if out.last().is_some_and(|t: &Tok| t.kind != TokKind::Break) {
                    out.push(Tok { span: Span::new(ends(next_end), ends(next_end)), kind: TokKind::Break });
                }
                next_end += 1;
            }
            if let Some(q) = quotes.get(qi) {
                if q.span.start <= i {
                    if q.first_block == bi || q.span.start >= block.span.start {
                        out.push(Tok { span: q.span, kind: TokKind::Quote(qi) });
                    }
                    i = q.span.end.max(i + 1);
                    qi += 1;
                    while next_end < sentences.len() && ends(next_end) < i {
                        next_end += 1;
                    }
                    if next_end < sentences.len() && ends(next_end) == i {
                        out.push(Tok { span: Span::new(i, i), kind: TokKind::Break });
                        next_end += 1;
                    }
                    continue;
                }
            }
            let limit = quotes.get(qi).map_or(block.span.end, |q| q.span.start.min(block.span.end));
            let c = match prose[i] {
                b if b.is_ascii() => char::from(b),
                _ => text[i..].chars().next().unwrap_or(' '),
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if c.is_alphanumeric() {
                let end = super::word_end(text, i, limit);
                out.push(Tok { span: Span::new(i, end), kind: TokKind::Word });
                i = end;
            } else {
                out.push(Tok { span: Span::new(i, i + c.len_utf8()), kind: TokKind::Punct(c) });
                i += c.len_utf8();
            }
            while i < limit && prose[i] == b' ' {
                i += 1;
            }
        }
        if out.last().is_some_and(|t| t.kind != TokKind::Break) {
            out.push(Tok { span: Span::new(block.span.end, block.span.end), kind: TokKind::Break });
        }
        out
    }

    use super::{Tok, TokKind};

    proptest::proptest! {
        /// [`super::block_tokens`] reads the tokens the loop of one token a turn read, on
        /// text of words, quotes, sentence ends and paragraphs.
        #[test]
        fn block_tokens_are_those_read_a_token_a_turn(
            text in "([A-Za-z]{1,6}|[ .,!?\"“”‘’'\n—é]|Gov\\. |U\\.S\\. |\n\n|  ){0,60}",
            format in 0..3usize,
        ) {
            use crate::document::{Document, Format};
            let format = [Format::Text, Format::Markdown, Format::Html][format];
            let a = crate::analyze(Document::parse("a.txt".as_ref(), text.clone(), format));
            for bi in 0..a.doc.blocks.len() {
                let mut got = Vec::new();
                super::block_tokens(&a.doc, bi, &a.quotes.quotes, &mut got);
                proptest::prop_assert_eq!(&got, &block_tokens_by_turns(&a.doc, bi, &a.quotes.quotes), "{:?} block {}", text, bi);
            }
        }
    }

    #[test]
    fn word_end_matches_the_char_by_char_reading() {
        let texts = [
            "Gov. J. Ruiz of the U.S. said al-Hassan's and Japan’s café-owners A&M 3.5% 2019. x.",
            "Zoë Ölçer, İstanbul, ΣΟΦΊΑ. No.1 e.g. etc. Mr.Smith Dr. a- b' c’ d. e& 12-34.",
            "abc\u{a0}def ghi—jkl mno…pqr. St. Sr.",
        ];
        for text in texts {
            for (start, c) in text.char_indices() {
                if !c.is_alphanumeric() {
                    continue;
                }
                for limit in [text.len(), text[start..].char_indices().nth(3).map_or(text.len(), |(i, _)| start + i)] {
                    assert_eq!(
                        super::word_end(text, start, limit),
                        word_end_by_chars(text, start, limit),
                        "{text:?} at {start} to {limit}"
                    );
                }
            }
        }
    }
}
