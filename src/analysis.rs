//! The analysis stages run in order on one document: quotes, entities, attribution.
//! [`analyze`] hands on an [`Analysis`], which every later stage (rules, listings,
//! reports) reads; the helpers on it are the views of the analysis the rules share
//! (narrative tokens per block, the quote at an offset, whether a quote may be fixed).

use crate::attribution::{self, tokens, Attributions};
use crate::document::Document;
use crate::entities::Entities;
use crate::quotes::{self, Quotes};

/// Everything the stages before the rules found in one article.
pub struct Analysis {
    pub doc: Document,
    pub quotes: Quotes,
    pub entities: Entities,
    pub attributions: Attributions,
    /// Every block's tokens, built once (none kept for a very long article).
    pub tokens: tokens::BlockTokens,
}

impl Analysis {
    /// The narrative tokens of block `bi` (quotes as single tokens, sentence breaks
    /// marked), built on demand: an article's tokens are not kept, so a large file does
    /// not hold them all.
    pub fn block_tokens(&self, bi: usize) -> Vec<tokens::Tok> {
        let mut out = Vec::new();
        self.tokens.get(&self.doc, bi, &self.quotes.quotes, &mut out).to_vec()
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
        q.well_formed(&self.doc)
            && self.quotes.stopped_at.is_none()
            && !before.is_some_and(|c| marks.contains(&c))
            && !after.is_some_and(|c| marks.contains(&c))
            && !self.quotes.unbalanced.iter().any(|u| blocks.contains(&u.mark.span.start))
    }

    /// A quote that is a whole excerpt paragraph in straight marks after a paragraph that
    /// introduces it with a colon ("The report notes:"): the form a block quote takes when
    /// a page is exported as text, not marks the writer chose. It opens its paragraph and
    /// closes at its end, or runs on into the next.
    pub fn is_block_excerpt(&self, q: &quotes::Quote) -> bool {
        let block = &self.doc.blocks[q.first_block];
        let introduced =
            q.first_block > 0 && self.doc.text(self.doc.blocks[q.first_block - 1].span).trim_end().ends_with(':');
        let whole = q.close.is_none_or(|c| {
            let rest = &self.doc.prose()[c.span.end..self.doc.blocks[q.last_block].span.end];
            rest.trim_matches(|ch: char| ch == '.' || ch.is_whitespace()).is_empty()
        });
        // Curly quotes inside straight ones, or straight marks over several paragraphs: the
        // outer marks are an export's, the inner ones the writer's.
        let wrapper = self.doc.text(q.inner()).contains(['“', '”']) || q.last_block > q.first_block;
        q.open.mark == quotes::Mark::Straight
            && q.open.span.start == block.span.start
            && (introduced || wrapper)
            && whole
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
    toks: Vec<tokens::Tok>,
}

impl TokenCache<'_> {
    pub fn get(&mut self, bi: usize) -> &[tokens::Tok] {
        if let Some(toks) = self.analysis.tokens.kept(bi) {
            return toks;
        }
        if self.block != Some(bi) {
            tokens::block_tokens(&self.analysis.doc, bi, &self.analysis.quotes.quotes, &mut self.toks);
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
    let tokens = tokens::BlockTokens::new(&doc, &quotes.quotes);
    let mut entities = Entities::build(&doc, &quotes.quotes, &tokens);
    let attributions = attribution::attribute(&doc, &quotes.quotes, &tokens, &mut entities);
    Analysis { doc, quotes, entities, attributions, tokens }
}
