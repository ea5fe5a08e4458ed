//! HTML reader on html5gum's tokenizer, which gives every token its byte span in the file:
//! article text from p, h1–h6, li, blockquote, figcaption (and dd, td, title) is copied into
//! the prose at its own offsets; tags, script, style, code, pre and everything outside those
//! blocks stay blank, so offsets stay those of the file. Character references (`&amp;`) are
//! left as written in the prose, so spans still point at them in the file.

use super::{blank_bom, into_string, normalise_line_endings, BlockKind, Comment, Raw, Span};
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements whose content is never article text.
const SKIPPED: [&str; 6] = ["script", "style", "code", "pre", "noscript", "template"];

pub(crate) fn read(source: &str) -> Raw {
    let mut prose: Vec<u8> = source.bytes().map(|b| if matches!(b, b'\n' | b'\r') { b } else { b' ' }).collect();
    let mut blocks = Vec::new();
    let mut comments = Vec::new();
    let mut open: Option<(BlockKind, usize)> = None;
    // The skipped element we are in, and how deeply it nests in itself.
    let mut skipping: Option<(&'static str, usize)> = None;
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Raw-text elements (script, style, textarea) are tokenized as text, as a browser does.
    emitter.naively_switch_states(true);
    for Ok(token) in Tokenizer::new_with_emitter(source, emitter) {
        match token {
            Token::String(text) => {
                if open.is_some() && skipping.is_none() {
                    let range = text.span.start..text.span.end.min(source.len());
                    prose[range.clone()].copy_from_slice(&source.as_bytes()[range.clone()]);
                    decode_references(&mut prose, source, range);
                }
            }
            Token::Comment(comment) => {
                let span = Span::new(comment.span.start, comment.span.end.min(source.len()));
                comments.push(Comment { span, text: source[span.start..span.end].to_string() });
            }
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skip, depth)) = skipping.as_mut() {
                    if *skip == name && !tag.self_closing {
                        *depth += 1;
                    }
                } else if let Some(skip) = SKIPPED.into_iter().find(|s| *s == name) {
                    if !tag.self_closing {
                        skipping = Some((skip, 1));
                    }
                } else if let Some(kind) = block_kind(&name) {
                    if let Some((kind, start)) = open.take() {
                        blocks.push((kind, Span::new(start, tag.span.start)));
                    }
                    open = Some((kind, tag.span.end));
                } else if name == "br" && tag.span.start < prose.len() {
                    prose[tag.span.start] = b'\n';
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skip, depth)) = skipping.as_mut() {
                    if *skip == name {
                        *depth -= 1;
                        if *depth == 0 {
                            skipping = None;
                        }
                    }
                } else if block_kind(&name).is_some() {
                    if let Some((kind, start)) = open.take() {
                        blocks.push((kind, Span::new(start, tag.span.start)));
                    }
                }
            }
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    if let Some((kind, start)) = open {
        blocks.push((kind, Span::new(start, source.len())));
    }
    blank_bom(&mut prose);
    normalise_line_endings(&mut prose);
    let prose = into_string(prose);
    let blocks = blocks
        .into_iter()
        .filter(|(_, span)| span.start <= span.end)
        .filter_map(|(kind, span)| {
            let text = &prose[span.start..span.end];
            let trimmed = text.trim();
            let lead = text.len() - text.trim_start().len();
            (!trimmed.is_empty()).then(|| (kind, Span::new(span.start + lead, span.start + lead + trimmed.len())))
        })
        .collect();
    Raw { prose: Some(prose), blocks, comments }
}

fn block_kind(name: &str) -> Option<BlockKind> {
    match name {
        "p" | "blockquote" | "figcaption" | "dd" | "td" => Some(BlockKind::Paragraph),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title" => Some(BlockKind::Heading),
        "li" => Some(BlockKind::ListItem),
        _ => None,
    }
}

/// Decode character references in place: the character goes where the reference ends
/// and the rest of the reference is blanked, so the prose keeps the file's length and a
/// quote written `&ldquo;…&rdquo;` is a quote at the offsets of its references.
fn decode_references(prose: &mut [u8], source: &str, range: std::ops::Range<usize>) {
    let mut i = range.start;
    while i < range.end {
        let Some(amp) = source[i..range.end].find('&').map(|p| p + i) else { return };
        // Bytes, not chars: the window may end inside a character; ';' is ASCII.
        let window = &source.as_bytes()[amp..range.end.min(amp + 12)];
        let Some(semi) = window.iter().position(|&b| b == b';').map(|p| p + amp) else {
            i = amp + 1;
            continue;
        };
        let name = &source[amp + 1..semi];
        let decoded = match name {
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "amp" => Some('&'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "hellip" => Some('…'),
            "nbsp" => Some(' '),
            "laquo" => Some('«'),
            "raquo" => Some('»'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        if let Some(c) = decoded {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if bytes.len() <= semi + 1 - amp {
                // At the end: a closing mark stays next to the punctuation after it.
                let at = semi + 1 - bytes.len();
                prose[amp..at].fill(b' ');
                prose[at..=semi].copy_from_slice(bytes);
            }
        }
        i = semi + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_window_ending_inside_a_character_does_not_panic() {
        let raw = read("<p>&￠\n\n‘,“</p>");
        assert_eq!(raw.prose.as_deref().unwrap().len(), "<p>&￠\n\n‘,“</p>".len());
    }

    #[test]
    fn references_are_decoded_in_place() {
        let src = "<p>&ldquo;We won,&rdquo; said Ana&#160;Ruiz &amp; co.</p>";
        let raw = read(src);
        assert_eq!(raw.prose.as_deref().unwrap().len(), src.len());
        assert!(raw.prose.as_deref().unwrap().contains("    “We won,    ” said"));
        assert!(raw.prose.as_deref().unwrap().contains("& "));
    }

    fn texts<'a>(src: &'a str, raw: &Raw) -> Vec<(BlockKind, &'a str)> {
        raw.blocks.iter().map(|(k, s)| (*k, &src[s.start..s.end])).collect()
    }

    #[test]
    fn paragraphs_and_headings_with_file_offsets() {
        let src = "<html><head><style>p{}</style></head><body><h1>Vote set</h1><p>The mayor said “yes.”</p><script>var x=\"q\";</script></body></html>";
        let raw = read(src);
        assert_eq!(raw.prose.as_deref().unwrap().len(), src.len());
        assert_eq!(
            texts(src, &raw),
            vec![(BlockKind::Heading, "Vote set"), (BlockKind::Paragraph, "The mayor said “yes.”")]
        );
        assert!(!raw.prose.as_deref().unwrap().contains("var x"));
    }

    #[test]
    fn raw_text_markup_and_comments() {
        let src = "<p>Fees rose &amp; fell, she said.<br>Next</p>\n<script>if (a<b) { x = \"<p>no\"; }</script>\
                   <!-- onrecord-disable repeated-word --><li>One <code>the the</code> item</li><p>a < b, it said.</p>";
        let raw = read(src);
        assert_eq!(raw.prose.as_deref().unwrap().len(), src.len());
        assert_eq!(
            texts(src, &raw),
            vec![
                (BlockKind::Paragraph, "Fees rose &amp; fell, she said.<br>Next"),
                (BlockKind::ListItem, "One <code>the the</code> item"),
                (BlockKind::Paragraph, "a < b, it said."),
            ]
        );
        assert!(!raw.prose.as_deref().unwrap().contains("no\""));
        assert!(!raw.prose.as_deref().unwrap().contains("the the"));
        assert_eq!(raw.comments.len(), 1);
        assert_eq!(raw.comments[0].text, "<!-- onrecord-disable repeated-word -->");
        assert_eq!(&src[raw.comments[0].span.start..raw.comments[0].span.end], raw.comments[0].text);
    }

    #[test]
    fn never_panics_on_broken_markup() {
        for src in ["<p>“Open", "<p", "<!-- never closed", "</p></p><p>x</li>", "<pre><pre></pre>", "<p>é<br/>ü</p>"]
        {
            let raw = read(src);
            assert_eq!(raw.prose.as_deref().unwrap().len(), src.len(), "{src}");
        }
    }
}
