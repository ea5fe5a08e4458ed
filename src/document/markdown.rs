//! Markdown reader on pulldown-cmark's offset iterator: text events are copied into the
//! prose at their source offsets (a character reference decoded in place, as in HTML);
//! front matter, code and markup stay blank.

use super::markup::{join_word, place, Markup};
use super::{blank_bom, into_string, normalise_line_endings, BlockKind, Comment, Raw, Span};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Longest paragraph (in source bytes) that, all in bold, reads as a heading.
const MAX_BOLD_HEADING: usize = 120;

pub(crate) fn read(source: &str) -> Raw {
    // Everything starts blank except line breaks (LF, and CR for CRLF or lone-CR files).
    let mut prose: Vec<u8> = source.bytes().map(|b| if matches!(b, b'\n' | b'\r') { b } else { b' ' }).collect();
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut blocks = Vec::new();
    let mut comments = Vec::new();
    let mut copied = Vec::new();
    let mut references = Vec::new();
    // A thematic break (`---`, `***`) starts a new item of the article.
    let mut sections = Vec::new();
    let mut skip_depth = 0usize; // inside code blocks or metadata
    let mut open: Vec<(BlockKind, usize, bool)> = Vec::new(); // kind, start, has inner paragraph
                                                              // "**The deal at a glance**": a short paragraph all in bold is a heading in all but name.
    let (mut strong_depth, mut bold_text, mut plain_text) = (0usize, false, false);
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => skip_depth += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => skip_depth = skip_depth.saturating_sub(1),
            Event::Start(Tag::Paragraph) => {
                if let Some(item) = open.last_mut() {
                    item.2 = true;
                }
                open.push((BlockKind::Paragraph, range.start, false));
                (bold_text, plain_text) = (false, false);
            }
            Event::Start(Tag::Strong) => strong_depth += 1,
            Event::End(TagEnd::Strong) => strong_depth = strong_depth.saturating_sub(1),
            Event::Start(Tag::Heading { .. }) => open.push((BlockKind::Heading, range.start, false)),
            Event::Start(Tag::Item) => open.push((BlockKind::ListItem, range.start, false)),
            Event::Start(Tag::List(_)) => {
                // A nested list ends the text of the item that holds it.
                if let Some(item) = open.last_mut() {
                    if item.0 == BlockKind::ListItem && !item.2 {
                        blocks.push((BlockKind::ListItem, Span::new(item.1, range.start)));
                        item.2 = true;
                    }
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                if let Some((mut kind, start, inner)) = open.pop() {
                    if kind == BlockKind::Paragraph && bold_text && !plain_text && range.end - start <= MAX_BOLD_HEADING
                    {
                        kind = BlockKind::Heading;
                    }
                    if !inner {
                        blocks.push((kind, Span::new(start, range.end)));
                    }
                }
            }
            Event::Text(text) if skip_depth == 0 => {
                if !text.trim().is_empty() {
                    if strong_depth > 0 {
                        bold_text = true;
                    } else {
                        plain_text = true;
                    }
                }
                if *text == source[range.clone()] {
                    prose[range.clone()].copy_from_slice(&source.as_bytes()[range.clone()]);
                } else if place(&mut prose, range.start, range.end, &text) {
                    // A character reference (`&eacute;`), given as its own text event.
                    references.push(Span::new(range.start, range.end));
                    join_word(&mut prose, 0, range.start, range.end, &text);
                }
                copied.push(range);
            }
            Event::Rule => sections.push(range.end),
            Event::SoftBreak | Event::HardBreak => {
                if matches!(event, Event::SoftBreak) {
                    copied.push(range.clone());
                }
                for b in &mut prose[range] {
                    // Line breaks (LF or a lone CR, normalised below) stay line breaks.
                    *b = if matches!(*b, b'\n' | b'\r') { *b } else { b' ' };
                }
            }
            Event::Html(html) | Event::InlineHtml(html) if html.trim_start().starts_with("<!--") => {
                comments.push(Comment { span: Span::new(range.start, range.end), text: html.to_string() });
            }
            _ => {}
        }
    }
    blank_bom(&mut prose);
    normalise_line_endings(&mut prose);
    let prose = into_string(prose);
    let mut blocks: Vec<(BlockKind, Span)> =
        blocks.into_iter().filter_map(|(kind, span)| trim(&prose, span).map(|s| (kind, s))).collect();
    blocks.sort_by_key(|(_, s)| s.start);
    blocks.dedup_by(|later, earlier| later.1.start < earlier.1.end);
    copied.sort_by_key(|r: &std::ops::Range<usize>| r.start);
    let markup = Markup::from_copied(source.len(), &copied, &references);
    Raw { prose: Some(prose), blocks, comments, markup, sections, pull_quotes: Vec::new() }
}

/// Shrink a block span to its non-blank prose; None when nothing is left.
fn trim(prose: &str, span: Span) -> Option<Span> {
    let text = &prose[span.start..span.end];
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let lead = text.len() - text.trim_start().len();
    Some(Span::new(span.start + lead, span.start + lead + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_paragraph_all_in_bold_is_a_heading() {
        let src = "The kiln sold for $4 million.\n\n**The sale at a glance**\n\n- Price: $4 million\n\n**Note:** the figures are rounded.\n";
        let raw = read(src);
        let kinds: Vec<BlockKind> = raw.blocks.iter().map(|b| b.0).collect();
        assert_eq!(kinds, vec![BlockKind::Paragraph, BlockKind::Heading, BlockKind::ListItem, BlockKind::Paragraph]);
    }

    #[test]
    fn front_matter_code_and_markup_are_blank() {
        let src = "---\ntitle: \"Quoted title\"\n---\n\n# Floods hit the valley\n\nThe mayor said `\"code\"` was *fine*.\n\n```\n\"x\"\n```\n";
        let raw = read(src);
        assert_eq!(raw.prose.as_deref().unwrap().len(), src.len());
        assert!(!raw.prose.as_deref().unwrap().contains("Quoted title"));
        assert!(!raw.prose.as_deref().unwrap().contains("code"));
        assert!(raw.prose.as_deref().unwrap().contains("Floods hit the valley"));
        let kinds: Vec<_> = raw.blocks.iter().map(|b| b.0).collect();
        assert_eq!(kinds, vec![BlockKind::Heading, BlockKind::Paragraph]);
        let para = raw.blocks[1].1;
        assert!(src[para.start..para.end].starts_with("The mayor"));
    }

    #[test]
    fn tight_list_items_are_blocks() {
        let raw = read("- first point\n- second point\n");
        assert_eq!(raw.blocks.len(), 2);
        assert!(raw.blocks.iter().all(|b| b.0 == BlockKind::ListItem));
    }

    #[test]
    fn comments_are_collected() {
        let raw = read("<!-- onrecord-disable-next-line repeated-word -->\nThe the end.\n");
        assert_eq!(raw.comments.len(), 1);
    }
}
