//! The analysis stages run in order on one document: quotes, entities, attribution.
//! [`analyze`] hands on an [`Analysis`], which every later stage (rules, listings,
//! reports) reads; the helpers on it are the views of the analysis the rules share
//! (narrative tokens per block, the quote at an offset, whether a quote may be fixed).

use crate::attribution::{self, Attributions};
use crate::document::{self as segment, Document, Span};
use crate::entities::Entities;
use crate::quotes::narrative::{BlockTokens, Tok};
use crate::quotes::{self, Quotes};

/// Everything the stages before the rules found in one article.
pub struct Analysis {
    pub doc: Document,
    pub quotes: Quotes,
    pub entities: Entities,
    pub attributions: Attributions,
    /// Every block's tokens, built once (packed for a long article, none kept for a very
    /// long one).
    pub tokens: BlockTokens,
    /// Every block's words and punctuation as [`segment::tokens`](crate::document::tokens) reads them, built on
    /// first use (see [`Analysis::words_in`]); None for a very long article.
    pub segment_tokens: std::sync::OnceLock<Option<SegmentTokens>>,
}

/// The spans of [`segment::tokens`](crate::document::tokens) of each block: block `bi`'s are
/// `spans[starts[bi]..starts[bi + 1]]`, as u32 offsets (kept for prose of at most
/// [`BlockTokens::PACKED_LIMIT`] bytes: 8 bytes a token).
#[derive(Debug, Default)]
pub struct SegmentTokens {
    spans: Vec<[u32; 2]>,
    starts: Vec<usize>,
}

impl SegmentTokens {
    fn build(doc: &Document) -> SegmentTokens {
        let mut spans = Vec::with_capacity(doc.prose().len() / 4 + 16);
        let mut starts = Vec::with_capacity(doc.blocks.len() + 1);
        starts.push(0);
        for block in &doc.blocks {
            segment::token_spans(doc.text(block.span), block.span.start, &mut spans);
            starts.push(spans.len());
        }
        SegmentTokens { spans, starts }
    }
}

/// The tokens of a span of the prose: the kept tokens of its block, or a scan of it.
pub enum SpanTokens<'a> {
    Kept(std::slice::Iter<'a, [u32; 2]>, &'a Document),
    Scan(segment::Tokens<'a>),
}

impl<'a> SpanTokens<'a> {
    /// The spans of the tokens not yet read, when they are the block's kept tokens (start
    /// and end offsets).
    pub fn kept(&self) -> Option<&'a [[u32; 2]]> {
        match self {
            SpanTokens::Kept(spans, _) => Some(spans.as_slice()),
            SpanTokens::Scan(_) => None,
        }
    }

    /// The next token's span alone: a kept token's text is not sliced.
    pub fn next_span(&mut self) -> Option<Span> {
        match self {
            SpanTokens::Kept(spans, _) => spans.next().map(|&[start, end]| Span::new(start as usize, end as usize)),
            SpanTokens::Scan(tokens) => tokens.next().map(|(span, _)| span),
        }
    }
}

impl<'a> Iterator for SpanTokens<'a> {
    type Item = (Span, &'a str);

    fn next(&mut self) -> Option<(Span, &'a str)> {
        match self {
            SpanTokens::Kept(spans, doc) => spans.next().map(|&[start, end]| {
                let span = Span::new(start as usize, end as usize);
                (span, doc.text(span))
            }),
            SpanTokens::Scan(tokens) => tokens.next(),
        }
    }
}

impl Analysis {
    /// The narrative tokens of block `bi` (quotes as single tokens, sentence breaks
    /// marked): the kept ones, or unpacked or built on demand for a long article.
    pub fn block_tokens(&self, bi: usize) -> Vec<Tok> {
        let mut out = Vec::new();
        self.tokens.get(&self.doc, bi, &self.quotes.quotes, &mut out).to_vec()
    }

    /// The tokens of `span`, a part of block `bi` (the block, or one of its sentences):
    /// the same as `segment::tokens(self.doc.text(span), span.start)`, read from the
    /// block's tokens, which are built once per article. Where no kept token crosses
    /// either end of `span`, the block's tokens inside it are exactly the span's own (a
    /// token's end depends only on the text up to one char after it); otherwise, or for a
    /// very long article, the span is scanned on its own.
    pub fn words_in(&self, bi: usize, span: Span) -> SpanTokens<'_> {
        let scan = || SpanTokens::Scan(segment::tokens(self.doc.text(span), span.start));
        let kept = self.segment_tokens.get_or_init(|| {
            (self.doc.prose().len() <= BlockTokens::PACKED_LIMIT).then(|| SegmentTokens::build(&self.doc))
        });
        let Some(kept) = kept else { return scan() };
        let block = self.doc.blocks[bi].span;
        if span.start < block.start || span.end > block.end {
            return scan();
        }
        let all = &kept.spans[kept.starts[bi]..kept.starts[bi + 1]];
        let from = all.partition_point(|t| (t[0] as usize) < span.start);
        let to = all.partition_point(|t| (t[0] as usize) < span.end);
        let crosses = |k: usize, at: usize| k > 0 && all[k - 1][1] as usize > at;
        if crosses(from, span.start) || crosses(to, span.end) {
            return scan();
        }
        SpanTokens::Kept(all[from..to].iter(), &self.doc)
    }

    /// Block tokens for a pass that visits blocks in order (cues, mentions): each block
    /// is tokenized once however many findings it holds.
    pub fn token_cache(&self) -> TokenCache<'_> {
        TokenCache { analysis: self, block: None, toks: Vec::new() }
    }

    /// Whether rewriting a quote's marks or the punctuation at them is safe: the quote
    /// is well formed, its paragraphs have no unbalanced mark, and no mark touches it
    /// from outside, so no other mark can pair differently after the edit.
    pub fn quote_fix_is_safe(&self, q: &quotes::Quote) -> bool {
        let marks = ['"', '“', '”', '‘', '’', '\'', '`', '«', '»'];
        let before = self.doc.prose()[..q.span.start].chars().next_back();
        let after = self.doc.prose()[q.span.end..].chars().find(|c| !matches!(c, ',' | '.'));
        let blocks = self.doc.blocks[q.first_block].span.start..self.doc.blocks[q.last_block].span.end;
        // (The tests that read no more than a char first: `well_formed` reads the quote's
        // words.)
        self.quotes.stopped_at.is_none()
            && !before.is_some_and(|c| marks.contains(&c))
            && !after.is_some_and(|c| marks.contains(&c))
            && q.well_formed(&self.doc)
            && !self.quotes.unbalanced.iter().any(|u| blocks.contains(&u.mark.span.start))
    }

    /// A quote that is a whole excerpt paragraph in straight marks after a paragraph that
    /// introduces it with a colon ("The report notes:"): the form a block quote takes when
    /// a page is exported as text, not marks the writer chose. It opens its paragraph and
    /// closes at its end, or runs on into the next.
    pub fn is_block_excerpt(&self, q: &quotes::Quote) -> bool {
        let block = &self.doc.blocks[q.first_block];
        let introduced =
            || q.first_block > 0 && self.doc.text(self.doc.blocks[q.first_block - 1].span).trim_end().ends_with(':');
        let whole = || {
            q.close.is_none_or(|c| {
                let rest = &self.doc.prose()[c.span.end..self.doc.blocks[q.last_block].span.end];
                rest.trim_matches(|ch: char| ch == '.' || ch.is_whitespace()).is_empty()
            })
        };
        // Curly quotes inside straight ones, or straight marks over several paragraphs: the
        // outer marks are an export's, the inner ones the writer's.
        let wrapper = || {
            let inner = self.doc.text(q.inner());
            inner.contains('“') || inner.contains('”') || q.last_block > q.first_block
        };
        // The cheap tests first: most quotes fail them.
        q.open.mark == quotes::Mark::Straight
            && q.open.span.start == block.span.start
            && (introduced() || wrapper())
            && whole()
    }

    /// The quote whose words contain `offset` (marks excluded), by binary search.
    pub fn quote_at(&self, offset: usize) -> Option<&quotes::Quote> {
        let quotes = &self.quotes.quotes;
        let idx = quotes.partition_point(|q| q.span.start <= offset);
        quotes[..idx].iter().rev().take(2).find(|q| q.inner().contains(offset))
    }
}

/// The tokens of the block last asked for (see [`Analysis::token_cache`]).
pub struct TokenCache<'a> {
    analysis: &'a Analysis,
    block: Option<usize>,
    toks: Vec<Tok>,
}

impl TokenCache<'_> {
    pub fn get(&mut self, bi: usize) -> &[Tok] {
        if let Some(toks) = self.analysis.tokens.kept(bi) {
            return toks;
        }
        if self.block != Some(bi) {
            self.analysis.tokens.fill(&self.analysis.doc, bi, &self.analysis.quotes.quotes, &mut self.toks);
            self.block = Some(bi);
        }
        &self.toks
    }
}

/// Run the analysis stages on a document.
pub fn analyze(mut doc: Document) -> Analysis {
    let quotes = quotes::find(&doc);
    // A file of more quote marks than are read is not prose past that point.
    if let Some(at) = quotes.stopped_at {
        doc.truncate(at);
    }
    let tokens = BlockTokens::new(&doc, &quotes.quotes);
    let mut entities = Entities::build(&doc, &quotes.quotes, &tokens);
    let mut attributions = attribution::attribute(&doc, &quotes.quotes, &tokens, &mut entities);
    attributions.pull_quotes = attribution::attribute_pull_quotes(&doc, &quotes.quotes, &attributions.quotes);
    Analysis { doc, quotes, entities, attributions, tokens, segment_tokens: Default::default() }
}

#[cfg(test)]
mod tests {
    use crate::document::{self as segment, Document, Format, Span};

    /// [`super::Analysis::words_in`] against the scan it stands for: every block and
    /// sentence, and spans that cut words.
    #[test]
    fn words_in_is_the_scan_of_the_span() {
        let texts = [
            "Gov. J. Ruiz of the U.S. said it's al-Hassan's 3.5% plan. “Why now?” asked Omar. No.\n\nNext one.It was.",
            "The U.S.The talks ended... Then—nothing! Zoë Ölçer said: “We won’t.” e.g. this\u{a0}that.\n\n# Head Line\n\nA.B.C. d'Alembert.",
            "",
        ];
        for text in texts {
            let a = crate::analyze(Document::parse("a.txt".as_ref(), text.into(), Format::Text));
            let scan = |span: Span| segment::tokens(a.doc.text(span), span.start).collect::<Vec<_>>();
            for (bi, block) in a.doc.blocks.iter().enumerate() {
                let mut spans = vec![block.span];
                spans.extend(a.doc.sentences[block.sentences.clone()].iter().map(|s| s.span));
                for start in (block.span.start..block.span.end).filter(|&i| a.doc.prose().is_char_boundary(i)) {
                    spans.push(Span::new(start, block.span.end));
                    spans.push(Span::new(block.span.start, start));
                }
                for span in spans {
                    assert_eq!(a.words_in(bi, span).collect::<Vec<_>>(), scan(span), "{text:?} {span:?}");
                }
            }
        }
    }
}
