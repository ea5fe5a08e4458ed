//! The document: the file as read, a same-length prose view, blocks and sentences.
//!
//! Every reader produces `prose`, a copy of the source where every byte that is not
//! article text (front matter, a CMS metadata line, Markdown markup, code, HTML tags)
//! is blanked to a space. Because the copy has the same length, every offset found in
//! the prose is an offset into the file the user opened: that is the whole source map.

mod html;
mod markdown;
mod markup;
mod segment;
mod text;

pub use crate::chars::is_alphanumeric;
pub use crate::span::{floor_char_boundary, LineIndex, Span};
pub use markup::{Markup, MarkupKind};
pub use segment::{token_spans, tokens, words, Sentence, Tokens};

use crate::error::Error;
use std::path::{Path, PathBuf};

/// The input formats onrecord reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format for a path, by extension; anything unknown is plain text.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown" | "mdx") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }

    /// Whether `check` reads a file of this format and `len` bytes a window at a time
    /// ([`crate::windows`]): plain text of more than [`WINDOWED_ABOVE`] bytes.
    pub fn checked_in_windows(self, len: usize) -> bool {
        self == Format::Text && len > WINDOWED_ABOVE
    }
}

/// Plain-text files of more bytes than this are checked a window at a time (4 MiB). It
/// is decided here, when reading ([`Document::for_check`] does not parse such a file
/// whole), so the reader need not know the stage that checks windows.
pub const WINDOWED_ABOVE: usize = 4 << 20;

/// What a block of article text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    /// A picture's caption (HTML `<figcaption>`): written to stand alone, so it names
    /// people in full whatever the body has said, and is no introduction for the body.
    Caption,
}

/// A paragraph, heading or list item, as a span of the prose.
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// Indices into `Document::sentences`.
    pub sentences: std::ops::Range<usize>,
    /// Which item of the article the block belongs to: 0 unless separators or timestamps
    /// divide it into items (a live blog), each of which introduces its people afresh.
    pub section: usize,
}

/// A comment in the source that may carry an onrecord directive (Markdown and HTML).
#[derive(Clone, Debug)]
pub struct Comment {
    pub span: Span,
    pub text: String,
}

/// A pull quote of a web page (`<aside class="pull-quote">`): the story's words set out
/// again for display. It is no paragraph of the story, so no rule reads it; the quote
/// listings show it as a quote of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PullQuote {
    /// From its opening mark to the end of its closing mark, in the file.
    pub span: Span,
    /// The words inside the marks as written: tags blanked, references kept.
    pub text: String,
    /// The name the box credits (`— Ana Ruiz, potter` gives `Ana Ruiz`), if any.
    pub credit: Option<String>,
}

/// An article, read and segmented.
#[derive(Debug)]
pub struct Document {
    pub path: PathBuf,
    pub format: Format,
    pub source: String,
    /// The prose: the source with markup, a BOM, CR line endings or metadata blanked, or a
    /// copy of the source where a reader blanks nothing. Always a string of its own, so
    /// that [`Document::prose`] and [`Document::text`], which every stage calls for every
    /// token it reads, are a field read rather than a choice between two strings. Empty in
    /// a document read unparsed, of which only the source and the line index are read.
    prose: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub comments: Vec<Comment>,
    pub lines: LineIndex,
    /// What of the file is markup or a character reference rather than words as written.
    pub markup: Markup,
    /// The page's pull quotes (HTML only), outside the prose.
    pub pull_quotes: Vec<PullQuote>,
}

impl Document {
    /// Read raw bytes: reject binary files and invalid UTF-8 with an error naming the file.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>, format: Format) -> Result<Document, Error> {
        Ok(Document::parse(path, decode(path, bytes)?, format))
    }

    /// Read raw bytes for `check`: as [`from_bytes`](Document::from_bytes), except that a
    /// file `check` reads a window at a time ([`crate::windows`]) is not parsed whole.
    pub fn for_check(path: &Path, bytes: Vec<u8>, format: Format) -> Result<Document, Error> {
        if !format.checked_in_windows(bytes.len()) {
            return Document::from_bytes(path, bytes, format);
        }
        Ok(Document::unparsed(path, decode(path, bytes)?, format))
    }

    /// A document with nothing parsed: no prose (an empty one), blocks or sentences, only
    /// the line index that reports need.
    pub(crate) fn unparsed(path: &Path, source: String, format: Format) -> Document {
        Document {
            path: path.to_path_buf(),
            format,
            lines: LineIndex::new(&source),
            source,
            prose: String::new(),
            blocks: Vec::new(),
            sentences: Vec::new(),
            comments: Vec::new(),
            markup: Markup::default(),
            pull_quotes: Vec::new(),
        }
    }

    /// This document with only its source and line index: what was parsed is dropped.
    pub(crate) fn into_unparsed(self) -> Document {
        Document {
            prose: String::new(),
            blocks: Vec::new(),
            sentences: Vec::new(),
            comments: Vec::new(),
            markup: Markup::default(),
            pull_quotes: Vec::new(),
            ..self
        }
    }

    /// Parse a text already known to be UTF-8.
    pub fn parse(path: &Path, source: String, format: Format) -> Document {
        let mut raw = match format {
            Format::Text => text::read(&source),
            Format::Markdown => markdown::read(&source),
            Format::Html => html::read(&source),
        };
        blank_dateline(&mut raw, &source);
        // A live blog's item headed by its time ("### 12:41 a.m. — Mayor declares victory")
        // introduces its people afresh, in any format.
        let prose = raw.prose.as_deref().unwrap_or(&source);
        let timed: Vec<usize> = raw
            .blocks
            .iter()
            .filter(|(kind, span)| {
                let text = &prose[span.start..span.end];
                // The time test first: it fails on the first char of nearly every block.
                text::opens_with_timestamp(text)
                    && (*kind == BlockKind::Heading || text.split_whitespace().nth(15).is_none())
            })
            .map(|(_, span)| span.start)
            .collect();
        // A roundup's group label in capitals over entries that open on a quote ("**IN
        // KELLAN**" in Markdown, a bold paragraph in HTML) starts a new group, whose entries
        // name their speakers in full by design. (Plain text finds its labels as it reads.)
        let grouped = (format != Format::Text).then(|| {
            raw.blocks
                .windows(2)
                .filter(|w| {
                    let (label, next) =
                        (prose[w[0].1.start..w[0].1.end].trim(), prose[w[1].1.start..w[1].1.end].trim_start());
                    text::is_group_label(label) && next.starts_with(['“', '"'])
                })
                .map(|w| w[0].1.start)
                .collect::<Vec<usize>>()
        });
        let timed: Vec<usize> = timed.into_iter().chain(grouped.into_iter().flatten()).collect();
        if !timed.is_empty() {
            raw.sections.extend(timed);
            raw.sections.sort_unstable();
            raw.sections.dedup();
        }
        let mut sentences = Vec::new();
        let blocks = raw
            .blocks
            .into_iter()
            .map(|(kind, span)| {
                let first = sentences.len();
                segment::sentences(raw.prose.as_deref().unwrap_or(&source), span, &mut sentences);
                let section = raw.sections.partition_point(|&s| s <= span.start);
                Block { kind, span, sentences: first..sentences.len(), section }
            })
            .collect();
        let lines = LineIndex::new(&source);
        let prose = raw.prose.unwrap_or_else(|| source.clone());
        Document {
            path: path.to_path_buf(),
            format,
            source,
            prose,
            blocks,
            sentences,
            comments: raw.comments,
            lines,
            markup: raw.markup,
            pull_quotes: raw.pull_quotes,
        }
    }

    /// The prose: the source with markup blanked, same length, same offsets (empty for a
    /// document read unparsed: see [`Document::for_check`]).
    /// `span` as the file writes it: a start inside a character reference that a word's
    /// letters were joined into ("Hal&aacute;sz", see `markup::join_word`) moves back to
    /// the word's first letter, and an end inside a reference to the reference's end.
    pub fn as_written(&self, span: Span) -> Span {
        let mut out = span;
        if let Some(r) = self.markup.reference_around(span.start) {
            let joined = self.prose.get(r.start..r.end).is_some_and(|t| t.trim_matches(' ').chars().count() > 1);
            if joined {
                // (Back over the letters joined into it, as many as a reference can hold.)
                let letters = self.source.as_bytes()[..r.start]
                    .iter()
                    .rev()
                    .take(40)
                    .take_while(|&&b| b.is_ascii_alphanumeric() || b >= 0x80)
                    .count();
                out.start = r.start - letters;
            }
        }
        if let Some(r) = self.markup.reference_around(span.end) {
            out.end = r.end;
        }
        out
    }

    pub fn prose(&self) -> &str {
        &self.prose
    }

    /// The prose of a span (markup blanked).
    pub fn text(&self, span: Span) -> &str {
        &self.prose()[span.start..span.end]
    }

    /// A span's words as written: the prose, except that a character reference
    /// (`&rsquo;`, `&#8217;`) or Markdown escape is kept as the source has it rather than
    /// decoded in place with blank padding ("don&rsquo;t", not "don    ’t");
    /// tags stay blanked.
    pub fn written(&self, span: Span) -> std::borrow::Cow<'_, str> {
        // (A word may end inside a reference whose letter moved out to meet it,
        // "Montagn&eacute;": the reference is written whole.)
        let span = self.markup.reference_around(span.end).map_or(span, |r| Span::new(span.start, r.end));
        let prose = self.text(span);
        let mut references = self.markup.references_within(span).peekable();
        if references.peek().is_none() {
            return std::borrow::Cow::Borrowed(prose);
        }
        let mut out = String::with_capacity(span.len());
        let mut at = span.start;
        for r in references {
            // (The letters right before a reference come from the source too: a letter
            // written as a reference has them joined into its own bytes in the prose, "caf"
            // of "caf&eacute;", and blanks where they were.)
            let letters = self.source.as_bytes()[at.min(r.start)..r.start]
                .iter()
                .rev()
                .take(40)
                .take_while(|&&b| b.is_ascii_alphanumeric() || b >= 0x80)
                .count();
            let lo = r.start - letters;
            out.push_str(&self.prose()[at.min(lo)..lo]);
            out.push_str(&self.source[lo..r.end]);
            at = r.end;
        }
        out.push_str(&self.prose()[at..span.end]);
        std::borrow::Cow::Owned(out)
    }

    /// Stop the article at byte `at`: blocks after it are dropped and the block that holds
    /// it ends there. For a file that is not prose past that point (see
    /// [`crate::quotes::MAX_MARKS`]): the stages after it read no further.
    pub fn truncate(&mut self, at: usize) {
        let keep = self.blocks.partition_point(|b| b.span.start < at);
        self.blocks.truncate(keep);
        if let Some(last) = self.blocks.last_mut() {
            last.span.end = last.span.end.min(at);
        }
        let sentences = self.sentences.partition_point(|s| s.span.start < at);
        self.sentences.truncate(sentences);
        if let Some(last) = self.sentences.last_mut() {
            last.span.end = last.span.end.min(at);
        }
        if let Some(last) = self.blocks.last_mut() {
            last.sentences.end = last.sentences.end.min(sentences);
            last.sentences.start = last.sentences.start.min(last.sentences.end);
        }
    }

    /// The file's markup as written (tags, comments, Markdown syntax), trimmed, in
    /// order: what a fix must leave as it was.
    pub fn markup_as_written(&self) -> impl Iterator<Item = &str> {
        self.markup
            .spans()
            .iter()
            .filter(|(_, k)| *k == MarkupKind::Markup)
            .map(|(s, _)| self.source[s.start..s.end].trim())
            .filter(|m| !m.is_empty())
    }

    /// The block containing a byte offset, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }

    /// The sentence containing a byte offset, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

/// UTF-16 text: a UTF-16 byte-order mark, or (without one) text whose every other byte is
/// NUL, as ASCII text in UTF-16 is.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    // Neither half can be nine-tenths NUL without one (most files: one memchr, no copies).
    if sample.len() < 4 || memchr::memchr(0, sample).is_none() {
        return false;
    }
    let (even, odd): (Vec<u8>, Vec<u8>) = sample.chunks(2).map(|p| (p[0], p[1])).unzip();
    let nul_share = |half: &[u8]| half.iter().filter(|&&b| b == 0).count() * 10 >= half.len() * 9;
    let text = |half: &[u8]| half.iter().all(|&b| b != 0 && (b >= 0x20 || matches!(b, b'\n' | b'\r' | b'\t')));
    (nul_share(&odd) && text(&even)) || (nul_share(&even) && text(&odd))
}

/// What a reader hands back: the blanked prose (None when it would equal the source),
/// block spans, and comments.
pub(crate) struct Raw {
    pub prose: Option<String>,
    pub blocks: Vec<(BlockKind, Span)>,
    pub comments: Vec<Comment>,
    pub markup: Markup,
    /// Offsets where a new item of the article starts (a live blog's entries).
    pub sections: Vec<usize>,
    pub pull_quotes: Vec<PullQuote>,
}

/// Blank a byte range of `prose` to spaces, keeping line breaks.
pub(crate) fn blank(prose: &mut [u8], span: Span) {
    for b in &mut prose[span.start..span.end] {
        if !matches!(*b, b'\n' | b'\r') {
            *b = b' ';
        }
    }
}

/// Turn the raw prose bytes back into a String. Blanking only ever replaces whole chars
/// with ASCII, so the bytes stay UTF-8; a lossy conversion guards the invariant anyway.
pub(crate) fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Normalise line endings in the prose without changing its length: CRLF → " \n", lone CR → "\n".
/// (Carriage returns found with memchr: most prose has none. Each is rewritten from the
/// byte after it, which is never one already rewritten.)
pub(crate) fn normalise_line_endings(prose: &mut [u8]) {
    let mut from = 0;
    while let Some(k) = memchr::memchr(b'\r', &prose[from..]) {
        let i = from + k;
        prose[i] = if prose.get(i + 1) == Some(&b'\n') { b' ' } else { b'\n' };
        from = i + 1;
    }
}

/// Raw bytes as text: binary files and invalid UTF-8 are errors naming the file.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    if is_utf16(&bytes) {
        return Err(Error::Utf16 { path: path.to_path_buf() });
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::Binary { path: path.to_path_buf(), offset });
    }
    String::from_utf8(bytes)
        .map_err(|e| Error::NotUtf8 { path: path.to_path_buf(), offset: e.utf8_error().valid_up_to() })
}

/// Skip a dateline that opens the first paragraph ("LIMA, Peru (Wire) — ", "Lima (Wire)
/// – "): it is a place and an agency, not the subject of the first sentence. The
/// paragraph starts after it, so the prose needs no copy.
fn blank_dateline(raw: &mut Raw, source: &str) {
    let prose = raw.prose.as_deref().unwrap_or(source);
    let Some((_, span)) = raw.blocks.iter_mut().find(|(k, _)| *k == BlockKind::Paragraph) else { return };
    let text = &prose[span.start..span.end];
    let head = &text[..text.char_indices().nth(100).map_or(text.len(), |(i, _)| i)];
    let Some(dash) = ["—", " -- ", " - ", "–"].iter().filter_map(|d| head.find(d).map(|i| (i, d.len()))).min()
    else {
        return;
    };
    let lead = &head[..dash.0];
    let first = lead.split([',', ' ', '(']).next().unwrap_or("");
    let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2 && first.chars().all(|c| !c.is_lowercase());
    // ("Lima (Wire) –": a place in title case, then an agency in brackets.)
    let agency = lead.trim_end().ends_with(')')
        && lead.find('(').is_some_and(|open| {
            let place = lead[..open].trim_end_matches([' ', ',']);
            let words = place.split_whitespace().count();
            (1..=4).contains(&words)
                && place.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "de" || w == "of")
        });
    if !(caps || agency) || lead.split_whitespace().count() > 8 {
        return;
    }
    let rest = &text[dash.0 + dash.1..];
    let start = span.start + dash.0 + dash.1 + (rest.len() - rest.trim_start().len());
    if start < span.end {
        span.start = start;
    }
}

/// Blank a byte-order mark at the start of the file.
pub(crate) fn blank_bom(prose: &mut [u8]) {
    if prose.starts_with(&[0xEF, 0xBB, 0xBF]) {
        prose[..3].fill(b' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::normalise_line_endings`] and [`super::is_utf16`] against their byte-by-byte
    /// readings.
    #[test]
    fn line_endings_and_utf16_sniff_are_the_plain_readings() {
        let normalise_by_bytes = |prose: &mut [u8]| {
            for i in 0..prose.len() {
                if prose[i] == b'\r' {
                    prose[i] = if prose.get(i + 1) == Some(&b'\n') { b' ' } else { b'\n' };
                }
            }
        };
        let utf16_by_halves = |bytes: &[u8]| {
            if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
                return true;
            }
            let sample = &bytes[..bytes.len().min(4096) & !1];
            if sample.len() < 4 {
                return false;
            }
            let (even, odd): (Vec<u8>, Vec<u8>) = sample.chunks(2).map(|p| (p[0], p[1])).unzip();
            let nul_share = |half: &[u8]| half.iter().filter(|&&b| b == 0).count() * 10 >= half.len() * 9;
            let text = |half: &[u8]| half.iter().all(|&b| b != 0 && (b >= 0x20 || matches!(b, b'\n' | b'\r' | b'\t')));
            (nul_share(&odd) && text(&even)) || (nul_share(&even) && text(&odd))
        };
        let utf16: Vec<u8> = "Hello, world.\r\nAgain.".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let utf16_be: Vec<u8> = "Plain words".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"\r".to_vec(),
            b"\r\r\n\n\r".to_vec(),
            b"a\r\nb\rc\n\rd\r".to_vec(),
            b"no returns at all".to_vec(),
            b"ab\0d".to_vec(),
            b"a\0b\0c\0d\0".to_vec(),
            utf16,
            utf16_be,
            [b"x\0".repeat(3000), b"y".repeat(10)].concat(),
        ];
        for case in cases {
            let (mut fast, mut plain) = (case.clone(), case.clone());
            super::normalise_line_endings(&mut fast);
            normalise_by_bytes(&mut plain);
            assert_eq!(fast, plain, "{case:?}");
            assert_eq!(super::is_utf16(&case), utf16_by_halves(&case), "{case:?}");
        }
    }

    #[test]
    fn written_keeps_html_references_and_blanks_tags() {
        let src = "<p>&ldquo;We don&rsquo;t stop, <em>R&amp;D</em> &#8212; never,&rdquo; she said.</p>";
        let doc = Document::parse(Path::new("a.html"), src.to_string(), Format::Html);
        let open = src.find("We don").unwrap();
        let close = src.find(",&rdquo;").unwrap() + 1;
        let span = Span::new(open, close);
        assert_eq!(doc.written(span), "We don&rsquo;t stop,     R&amp;D      &#8212; never,");
        assert_eq!(doc.written(span).len(), span.end - span.start);
        // A letter written as a reference inside a word: the word whole in the prose, as
        // written in `written`, and a span from inside the reference reported from the
        // word's first letter.
        let src = "<p>&ldquo;Sit in the caf&eacute; a while,&rdquo; said Tomas Hal&aacute;sz.</p>";
        let doc = Document::parse(Path::new("a.html"), src.to_string(), Format::Html);
        let open = src.find("Sit").unwrap();
        let close = src.find(",&rdquo;").unwrap() + 1;
        assert_eq!(doc.written(Span::new(open, close)), "Sit in the caf&eacute; a while,");
        assert!(doc.prose().contains(" Halász."), "{}", doc.prose());
        let word = doc.prose().find("Halász").unwrap();
        let name = Span::new(word, word + "Halász".len());
        let written = doc.as_written(name);
        assert_eq!(&src[written.start..written.end], "Hal&aacute;sz");
        // A long word before the reference: the letter meets it, the word is written whole.
        let src = "<p>&ldquo;We sail at dawn,&rdquo; said Ana Montagn&eacute;, 61.</p>";
        let doc = Document::parse(Path::new("a.html"), src.to_string(), Format::Html);
        let word = doc.prose().find("Montagné").unwrap();
        let name = Span::new(word, word + "Montagné".len());
        assert_eq!(doc.written(name), "Montagn&eacute;");
        let written = doc.as_written(name);
        assert_eq!(&src[written.start..written.end], "Montagn&eacute;");
        // Plain text and Markdown are the prose itself.
        let doc = Document::parse(Path::new("a.txt"), "It's R&amp;D.".to_string(), Format::Text);
        assert_eq!(doc.written(Span::new(0, 13)), "It's R&amp;D.");
    }

    #[test]
    fn a_heading_that_opens_on_a_time_starts_a_live_item_in_every_format() {
        let sections = |path: &str, src: &str, format| {
            let doc = Document::parse(Path::new(path), src.to_string(), format);
            doc.blocks.iter().map(|b| b.section).collect::<Vec<_>>()
        };
        let md = "# Election night\n\n### 12:41 a.m. — Ruiz wins\n\nAna Ruiz won.\n\n### 11:20 p.m.: Count slows\n\nTomas Greer spoke.\n";
        assert_eq!(sections("a.md", md, Format::Markdown), [0, 1, 1, 2, 2]);
        let html = "<h1>Election night</h1><h3>12:41 a.m. | Ruiz wins</h3><p>Ana Ruiz won.</p><h3>11:20 p.m.</h3><p>Tomas Greer spoke.</p>";
        assert_eq!(sections("a.html", html, Format::Html), [0, 1, 1, 2, 2]);
        // A 24-hour clock heads an item too; a verse's "3:16" does not.
        let md = "# Count night\n\n### 23:41\n\nAna Ruiz won.\n\n### 22:30 KST\n\nTomas Greer spoke.\n\n### 3:16\n\nA verse.\n";
        assert_eq!(sections("a.md", md, Format::Markdown), [0, 1, 1, 2, 2, 2, 2]);
        // near miss: a time inside a heading or a sentence starts nothing
        let md = "# Polls close at 8 p.m. — officials\n\nAna Ruiz said the polls close at 8 p.m. on Tuesday, a change from last year.\n";
        assert_eq!(sections("a.md", md, Format::Markdown), [0, 0]);
    }
}
