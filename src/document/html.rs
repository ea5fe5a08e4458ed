//! HTML reader: article text from p, h1–h6, li, blockquote, figcaption; script, style,
//! code and pre are skipped; tags are blanked so offsets stay those of the file.
//! Character references (`&amp;`) are left as written in the prose, so spans still point
//! at them in the file.

use super::{blank, blank_bom, into_string, normalise_line_endings, BlockKind, Comment, Raw, Span};

pub(crate) fn read(source: &str) -> Raw {
    let bytes = source.as_bytes();
    let mut prose = bytes.to_vec();
    let mut blocks = Vec::new();
    let mut comments = Vec::new();
    let mut open: Option<(BlockKind, usize)> = None;
    let mut skip_until: Option<&'static str> = None;
    let mut text_allowed = false;
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        // Text before this tag.
        if !text_allowed || skip_until.is_some() {
            blank(&mut prose, Span::new(text_start, i));
        }
        let end = tag_end(bytes, i);
        let tag = &source[i..end];
        blank(&mut prose, Span::new(i, end));
        if tag.starts_with("<!--") {
            comments.push(Comment { span: Span::new(i, end), text: tag.to_string() });
        } else {
            let (closing, name) = tag_name(tag);
            if let Some(until) = skip_until {
                if closing && name == until {
                    skip_until = None;
                }
            } else if let Some(skip) =
                ["script", "style", "code", "pre", "noscript", "template"].into_iter().find(|s| *s == name)
            {
                if !closing && !tag.ends_with("/>") {
                    skip_until = Some(skip);
                }
            } else if let Some(kind) = block_kind(&name) {
                if closing {
                    if let Some((kind, start)) = open.take() {
                        blocks.push((kind, Span::new(start, i)));
                    }
                    text_allowed = false;
                } else {
                    if let Some((kind, start)) = open.take() {
                        blocks.push((kind, Span::new(start, i)));
                    }
                    open = Some((kind, end));
                    text_allowed = true;
                }
            } else if name == "br" {
                prose[i] = b'\n';
            }
        }
        i = end;
        text_start = end;
    }
    if !text_allowed || skip_until.is_some() {
        blank(&mut prose, Span::new(text_start, bytes.len()));
    }
    if let Some((kind, start)) = open {
        blocks.push((kind, Span::new(start, bytes.len())));
    }
    blank_bom(&mut prose);
    normalise_line_endings(&mut prose);
    let prose = into_string(prose);
    let blocks = blocks
        .into_iter()
        .filter_map(|(kind, span)| {
            let text = &prose[span.start..span.end];
            let trimmed = text.trim();
            let lead = text.len() - text.trim_start().len();
            (!trimmed.is_empty()).then(|| (kind, Span::new(span.start + lead, span.start + lead + trimmed.len())))
        })
        .collect();
    Raw { prose, blocks, comments }
}

fn tag_end(bytes: &[u8], start: usize) -> usize {
    if bytes[start..].starts_with(b"<!--") {
        return find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
    }
    let mut quote = None;
    for (j, &b) in bytes.iter().enumerate().skip(start + 1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return j + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn tag_name(tag: &str) -> (bool, String) {
    let inner = tag.trim_start_matches('<');
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (closing, name)
}

fn block_kind(name: &str) -> Option<BlockKind> {
    match name {
        "p" | "blockquote" | "figcaption" | "dd" | "td" => Some(BlockKind::Paragraph),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title" => Some(BlockKind::Heading),
        "li" => Some(BlockKind::ListItem),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_headings_with_file_offsets() {
        let src = "<html><head><style>p{}</style></head><body><h1>Vote set</h1><p>The mayor said “yes.”</p><script>var x=\"q\";</script></body></html>";
        let raw = read(src);
        assert_eq!(raw.prose.len(), src.len());
        let texts: Vec<_> = raw.blocks.iter().map(|(k, s)| (*k, &src[s.start..s.end])).collect();
        assert_eq!(texts, vec![(BlockKind::Heading, "Vote set"), (BlockKind::Paragraph, "The mayor said “yes.”")]);
        assert!(!raw.prose.contains("var x"));
    }
}
