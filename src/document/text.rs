//! Plain-text reader: paragraphs by blank lines or by line, headings by shape, and a
//! leading CMS metadata line (` date 2025-11-24 `) blanked so it is not read as prose.

use super::markup::{Markup, MarkupKind};
use super::{blank, blank_bom, into_string, normalise_line_endings, BlockKind, Raw, Span};

pub(crate) fn read(source: &str) -> Raw {
    let bytes = source.as_bytes();
    // Most plain text needs no blanking: then the prose is the source itself, not a copy.
    let copy = bytes.starts_with(&[0xEF, 0xBB, 0xBF]) || bytes.contains(&b'\r') || metadata_prefix(bytes) > 0;
    let prose = copy.then(|| {
        let mut prose = bytes.to_vec();
        blank_bom(&mut prose);
        normalise_line_endings(&mut prose);
        let meta = metadata_prefix(&prose);
        blank(&mut prose, Span::new(0, meta));
        into_string(prose)
    });
    let blocks = blocks(prose.as_deref().unwrap_or(source));
    // The byte-order mark and a metadata line are not the article's words.
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    let meta = metadata_prefix(prose.as_deref().unwrap_or(source).as_bytes());
    let markup =
        Markup::from_spans(vec![(Span::new(0, bom), MarkupKind::Markup), (Span::new(0, meta), MarkupKind::Markup)]);
    Raw { prose, blocks, comments: Vec::new(), markup }
}

/// Length of a leading run of `key value` pairs whose values look like dates or times
/// (` date 2025-11-24 `, `updated: 14:05`). CMS exports put these in front of the first
/// sentence, on the same line; they are metadata, not the article's words.
fn metadata_prefix(prose: &[u8]) -> usize {
    let mut end = 0;
    let mut i = skip(prose, 0, |b| b == b' ' || b == b'\t' || b == b'\n');
    loop {
        let key_end = skip(prose, i, |b| b.is_ascii_lowercase() || b == b'_' || b == b'-');
        if key_end == i || key_end - i > 20 {
            return end;
        }
        let mut j = key_end;
        if prose.get(j) == Some(&b':') {
            j += 1;
        }
        let value_start = skip(prose, j, |b| b == b' ' || b == b'\t');
        if value_start == j {
            return end;
        }
        let value_end = skip(prose, value_start, |b| {
            b.is_ascii_digit() || matches!(b, b'-' | b'/' | b':' | b'.' | b'+' | b'T' | b'Z')
        });
        let value = &prose[value_start..value_end];
        let key = &prose[i..key_end];
        let known_key = METADATA_KEYS.iter().any(|k| k.as_bytes() == key);
        let digits = value.iter().filter(|b| b.is_ascii_digit()).count();
        let after = prose.get(value_end).copied();
        let shaped = if known_key { digits >= 2 } else { is_iso_date(value) };
        if !shaped || !matches!(after, None | Some(b' ' | b'\t' | b'\n')) {
            return end;
        }
        end = value_end;
        i = skip(prose, value_end, |b| b == b' ' || b == b'\t' || b == b'\n');
    }
}

/// Keys CMS exports put in front of an article.
const METADATA_KEYS: &[&str] =
    &["date", "time", "updated", "published", "modified", "created", "posted", "dateline", "id", "version"];

/// `2025-11-24`, optionally followed by a time.
fn is_iso_date(value: &[u8]) -> bool {
    value.len() >= 10
        && value[..4].iter().all(u8::is_ascii_digit)
        && value[4] == b'-'
        && value[5..7].iter().all(u8::is_ascii_digit)
        && value[7] == b'-'
        && value[8..10].iter().all(u8::is_ascii_digit)
}

fn skip(bytes: &[u8], mut i: usize, pred: impl Fn(u8) -> bool) -> usize {
    while i < bytes.len() && pred(bytes[i]) {
        i += 1;
    }
    i
}

/// Non-empty lines of the prose, trimmed, as spans.
fn lines(prose: &str) -> Vec<Option<Span>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in prose.bytes().enumerate().chain(std::iter::once((prose.len(), b'\n'))) {
        if b != b'\n' {
            continue;
        }
        let line = &prose[start..i];
        let trimmed = line.trim();
        out.push((!trimmed.is_empty()).then(|| {
            let lead = line.len() - line.trim_start().len();
            Span::new(start + lead, start + lead + trimmed.len())
        }));
        start = i + 1;
    }
    out
}

fn blocks(prose: &str) -> Vec<(BlockKind, Span)> {
    let mut out = Vec::new();
    let mut chunk: Vec<Span> = Vec::new();
    for line in lines(prose).into_iter().chain(std::iter::once(None)) {
        match line {
            Some(span) => chunk.push(span),
            None if !chunk.is_empty() => {
                paragraphs(prose, &chunk, &mut out);
                chunk.clear();
            }
            None => {}
        }
    }
    // The first line of a story, alone above the rest with no end punctuation and in
    // headline grammar (few articles, no past auxiliary), is its headline however long:
    // "Japan, Vietnam leaders agree to fast-track …, Tokyo says".
    if let [(kind @ BlockKind::Paragraph, span), _, ..] = out.as_mut_slice() {
        let line = &prose[span.start..span.end];
        let words = || line.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
        let articles = words().filter(|w| matches!(w.as_str(), "the" | "a" | "an")).count();
        let past = words().any(|w| matches!(w.as_str(), "was" | "were" | "had"));
        if !line.contains('\n')
            && line.len() <= 200
            && line.split_whitespace().count() <= 25
            && articles <= 1
            && !past
            && !ends_sentence(line)
            && is_heading_shape(line)
        {
            *kind = BlockKind::Heading;
        }
    }
    out
}

/// Split a run of non-blank lines into paragraphs. Hard-wrapped text (every line but the
/// last of similar, moderate length) is one paragraph; otherwise each line is a paragraph
/// unless it ends mid-sentence and the next line carries on in lower case.
fn paragraphs(prose: &str, chunk: &[Span], out: &mut Vec<(BlockKind, Span)>) {
    let wrapped = chunk.len() > 1
        && chunk[..chunk.len() - 1].iter().all(|s| {
            let n = prose[s.start..s.end].chars().count();
            (40..=100).contains(&n)
        });
    if wrapped {
        out.push((BlockKind::Paragraph, Span::new(chunk[0].start, chunk[chunk.len() - 1].end)));
        return;
    }
    let mut start = chunk[0];
    for pair in chunk.windows(2) {
        let (line, next) = (&prose[pair[0].start..pair[0].end], &prose[pair[1].start..pair[1].end]);
        let continues = !ends_sentence(line) && next.chars().next().is_some_and(|c| c.is_lowercase());
        if !continues {
            push(prose, Span::new(start.start, pair[0].end), out);
            start = pair[1];
        }
    }
    push(prose, Span::new(start.start, chunk[chunk.len() - 1].end), out);
}

fn push(prose: &str, span: Span, out: &mut Vec<(BlockKind, Span)>) {
    let kind = if is_heading(&prose[span.start..span.end]) { BlockKind::Heading } else { BlockKind::Paragraph };
    out.push((kind, span));
}

/// A line ends a sentence: terminal punctuation, possibly followed by closing marks.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(|c: char| c.is_whitespace() || is_closer(c));
    trimmed.ends_with(['.', '!', '?', '…'])
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '*' | '_')
}

/// A heading in plain text: one short line, no terminal punctuation, not starting in
/// lower case or with a quote mark.
pub(crate) fn is_heading(line: &str) -> bool {
    let line = line.trim();
    if line.contains('\n') || line.len() > 100 || line.split_whitespace().count() > 12 {
        return false;
    }
    is_heading_shape(line)
}

/// Starts like a title and ends bare: not lower case or a quote mark first, no closing
/// punctuation last.
fn is_heading_shape(line: &str) -> bool {
    let line = line.trim();
    let (Some(first), Some(last)) = (line.chars().next(), line.chars().next_back()) else {
        return false;
    };
    if first.is_lowercase() || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '«' | '-' | '—') {
        return false;
    }
    !matches!(last, '.' | '!' | '?' | '…' | ',' | ';' | ':' | '"' | '”' | '’' | ')' | '—' | '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        let raw = read(text);
        raw.blocks.iter().map(|(k, s)| (*k, &text[s.start..s.end])).collect()
    }

    #[test]
    fn metadata_line_is_blanked() {
        let raw = read(" date 2025-11-24 Mayor Ines Okoro said the bridge will close.");
        let prose = raw.prose.expect("metadata is blanked in a copy");
        assert!(prose.trim_start().starts_with("Mayor Ines Okoro"));
        assert_eq!(prose.len(), 61);
    }

    #[test]
    fn ordinary_first_words_are_not_metadata() {
        // Nothing to blank: the prose is the source itself, not a copy.
        assert_eq!(read("the 2025 budget passed.").prose, None);
        assert_eq!(read("Date 2025 was set.").prose, None);
    }

    #[test]
    fn headings_and_paragraphs() {
        let k = kinds("Lead paragraph here.\n\nTalks stall in Geneva\n\nBody text follows here.");
        assert_eq!(k[0].0, BlockKind::Paragraph);
        assert_eq!(k[1], (BlockKind::Heading, "Talks stall in Geneva"));
        assert_eq!(k[2].0, BlockKind::Paragraph);
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let k = kinds("First paragraph ends here.\nSecond one starts.\n");
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn hard_wrapped_paragraph_is_one_block() {
        let text = "The council voted on Tuesday to close the old bridge for\nrepairs that are expected to take most of the summer, the\nmayor said.";
        assert_eq!(kinds(text).len(), 1);
    }

    #[test]
    fn crlf_and_bom() {
        let raw = read("\u{feff}One.\r\n\r\nTwo.\r\n");
        assert_eq!(raw.blocks.len(), 2);
        let prose = raw.prose.expect("BOM and CR are blanked in a copy");
        assert_eq!(prose, "   One. \n \nTwo. \n");
    }
}
