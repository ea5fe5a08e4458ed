//! HTML reader on html5gum's tokenizer, which gives every token its byte span in the file.
//! Every text node of the page is article text at its own offsets, except inside elements
//! that never hold it: script, style, template, noscript, code and pre, and the page's
//! chrome (nav, aside, and a header or footer outside the article or main element). Block
//! boundaries come from the HTML content model: every block-level tag (p, div, section,
//! li, h1–h6, td, …) ends the text before it; inline tags (a, em, span, …) do not.
//! Character references are decoded in place in the prose (see [`super::markup`]).

use super::markup::{decode_references, Markup};
use super::{blank_bom, into_string, normalise_line_endings, BlockKind, Comment, PullQuote, Raw, Span};
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Inline elements whose content is never article text.
const SKIPPED_INLINE: [&str; 5] = ["script", "style", "code", "noscript", "template"];
/// Block elements whose content is never article text: code, and the page's chrome.
const SKIPPED_BLOCK: [&str; 6] = ["pre", "nav", "aside", "header", "footer", "textarea"];

/// Block-level elements: each tag ends the text run before it.
const BLOCKS: [&str; 44] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "title",
    "tr",
];

pub(crate) fn read(source: &str) -> Raw {
    let mut prose: Vec<u8> = source.bytes().map(|b| if matches!(b, b'\n' | b'\r') { b } else { b' ' }).collect();
    let mut reader = Reader::default();
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Raw-text elements (script, style, textarea) are tokenized as text, as a browser does.
    emitter.naively_switch_states(true);
    for Ok(token) in Tokenizer::new_with_emitter(source, emitter) {
        match token {
            Token::String(text) => {
                if reader.skipping.is_none() {
                    let range = text.span.start..text.span.end.min(source.len());
                    prose[range.clone()].copy_from_slice(&source.as_bytes()[range.clone()]);
                    decode_references(&mut prose, source, range.clone(), &mut reader.references);
                    reader.copied.push(range);
                } else if let Some(pieces) = reader.pull.as_mut() {
                    pieces.push(text.span.start..text.span.end.min(source.len()));
                }
            }
            Token::Comment(comment) => {
                let span = Span::new(comment.span.start, comment.span.end.min(source.len()));
                reader.comments.push(Comment { span, text: source[span.start..span.end].to_string() });
            }
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let span = Span::new(tag.span.start, tag.span.end.min(source.len()));
                if name == "br" && reader.skipping.is_none() && span.start < prose.len() {
                    prose[span.start] = b'\n';
                }
                let class = tag.attributes.iter().find(|(k, _)| k.as_slice() == b"class").map(|(_, v)| &v.value[..]);
                reader.start(&name, span, tag.self_closing, class.map(class_role).unwrap_or(ClassRole::None));
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                reader.end(&name, Span::new(tag.span.start, tag.span.end.min(source.len())));
            }
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    reader.flush(source.len());
    blank_bom(&mut prose);
    normalise_line_endings(&mut prose);
    let prose = into_string(prose);
    let markup = Markup::from_copied(source.len(), &reader.copied, &reader.references);
    let blocks = reader
        .blocks
        .into_iter()
        .filter(|(_, span)| span.start <= span.end)
        .filter_map(|(kind, span)| {
            // "Ana Ruiz at the kiln. Photograph: Tomas Greer / Kellan Post": a
            // caption's picture credit names who took it, not who is in the story.
            let span = match kind {
                BlockKind::Caption => Span::new(span.start, span.start + credit_start(&prose[span.start..span.end])),
                _ => span,
            };
            let text = &prose[span.start..span.end];
            let trimmed = text.trim();
            let lead = text.len() - text.trim_start().len();
            (!trimmed.is_empty()).then(|| (kind, Span::new(span.start + lead, span.start + lead + trimmed.len())))
        })
        .collect();
    let pull_quotes = reader.pulls.iter().filter_map(|pieces| pull_quote(source, pieces)).collect();
    Raw { prose: Some(prose), blocks, comments: reader.comments, markup, sections: reader.sections, pull_quotes }
}

/// Which way a quotation mark faces, and the family it pairs within.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
    Either,
}

/// The marks a pull quote may be set in, as characters or character references.
const MARKS: [(&str, Side, u8); 24] = [
    ("“", Side::Open, b'd'),
    ("&ldquo;", Side::Open, b'd'),
    ("&#8220;", Side::Open, b'd'),
    ("&#x201c;", Side::Open, b'd'),
    ("”", Side::Close, b'd'),
    ("&rdquo;", Side::Close, b'd'),
    ("&#8221;", Side::Close, b'd'),
    ("&#x201d;", Side::Close, b'd'),
    ("\"", Side::Either, b'd'),
    ("&quot;", Side::Either, b'd'),
    ("&#34;", Side::Either, b'd'),
    ("«", Side::Open, b'g'),
    ("»", Side::Close, b'g'),
    ("‘", Side::Open, b's'),
    ("&lsquo;", Side::Open, b's'),
    ("&#8216;", Side::Open, b's'),
    ("&#x2018;", Side::Open, b's'),
    ("’", Side::Close, b's'),
    ("&rsquo;", Side::Close, b's'),
    ("&#8217;", Side::Close, b's'),
    ("&#x2019;", Side::Close, b's'),
    ("'", Side::Either, b's'),
    ("&#39;", Side::Either, b's'),
    ("&apos;", Side::Either, b's'),
];

/// The mark that starts at byte `at` of `text`: its side, family and length.
fn mark_at(text: &str, at: usize) -> Option<(Side, u8, usize)> {
    let rest = &text.as_bytes()[at..];
    MARKS
        .iter()
        .find(|(m, _, _)| rest.len() >= m.len() && rest[..m.len()].eq_ignore_ascii_case(m.as_bytes()))
        .map(|&(m, side, family)| (side, family, m.len()))
}

/// A pull quote from the text pieces of its box: the words between its first opening
/// mark and the closing mark of the same family (a single mark closes only where no
/// letter follows, so "I’ll" does not end it), and the name set after them.
fn pull_quote(source: &str, pieces: &[std::ops::Range<usize>]) -> Option<PullQuote> {
    let (lo, hi) = (pieces.first()?.start, pieces.last()?.end);
    // The box's text at its own offsets, its tags blanked as the prose blanks them.
    let mut flat: Vec<u8> = source.as_bytes()[lo..hi].iter().map(|&b| if b == b'\n' { b } else { b' ' }).collect();
    for r in pieces {
        flat[r.start - lo..r.end - lo].copy_from_slice(&source.as_bytes()[r.clone()]);
    }
    let flat = into_string(flat);
    let alnum_at = |i: usize| flat[i..].chars().next().is_some_and(char::is_alphanumeric);
    let alnum_before = |i: usize| flat[..i].chars().next_back().is_some_and(char::is_alphanumeric);
    let candidates =
        || flat.char_indices().filter(|(_, c)| matches!(c, '&' | '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»'));
    let (open, family, open_len) = candidates().find_map(|(i, _)| {
        let (side, family, len) = mark_at(&flat, i)?;
        (side != Side::Close && !(family == b's' && alnum_before(i))).then_some((i, family, len))
    })?;
    let (close, close_len) = candidates().filter(|(i, _)| *i >= open + open_len).find_map(|(i, _)| {
        let (side, f, len) = mark_at(&flat, i)?;
        (f == family && side != Side::Open && !(family == b's' && alnum_at(i + len))).then_some((i, len))
    })?;
    let text = flat[open + open_len..close].trim();
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    // "— Ana Ruiz, potter": the credit's name, up to a comma or the line's end.
    let rest = flat[close + close_len..].trim_start_matches(|c: char| c.is_whitespace() || ".,;:|—–―-".contains(c));
    let name = rest.split([',', '\n', '(']).next().unwrap_or("").trim();
    let words = name.split_whitespace().count();
    let credit = ((1..=6).contains(&words) && name.starts_with(char::is_uppercase) && !name.contains(['“', '"']))
        .then(|| name.to_string());
    Some(PullQuote { span: Span::new(lo + open, lo + close + close_len), text: text.to_string(), credit })
}

/// Where a caption's picture credit starts (`Photograph: …`, `Photo by …`), or its end.
fn credit_start(caption: &str) -> usize {
    const MARKERS: [&str; 9] = [
        "Photograph:",
        "Photograph by",
        "Photo:",
        "Photo by",
        "Photos:",
        "Image:",
        "Credit:",
        "Illustration:",
        "Video:",
    ];
    MARKERS.iter().filter_map(|m| caption.find(m)).min().unwrap_or(caption.len())
}

/// What a block's `class` says it is, when it says it is page furniture.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ClassRole {
    None,
    /// A pull quote (`<blockquote class="pull-quote">`): the story's words repeated for
    /// display, skipped as an `<aside>` is.
    PullQuote,
    /// A byline, dateline, deck, kicker or credit (`<p class="dateline">`): read as a
    /// heading, not as a paragraph of the story.
    Heading,
}

/// The role a class attribute gives its element: any of its class names, lowercased
/// with `-` and `_` dropped, that holds one of the furniture words.
fn class_role(class: &[u8]) -> ClassRole {
    let mut role = ClassRole::None;
    for name in class.split(|b| b.is_ascii_whitespace()) {
        let name: Vec<u8> = name.iter().filter(|b| !matches!(b, b'-' | b'_')).map(|b| b.to_ascii_lowercase()).collect();
        let has = |word: &[u8]| name.windows(word.len()).any(|w| w == word);
        if has(b"pullquote") {
            return ClassRole::PullQuote;
        }
        // (A deck under any prefix: "deck", "article-dek", "content__standfirst".)
        let deck = name.ends_with(b"deck") || name.ends_with(b"dek") || has(b"standfirst") || has(b"subhead");
        if [&b"byline"[..], b"dateline", b"kicker", b"credit"].iter().any(|w| has(w)) || deck {
            role = ClassRole::Heading;
        }
    }
    role
}

/// The reader's state between tokens.
#[derive(Default)]
struct Reader {
    blocks: Vec<(BlockKind, Span)>,
    comments: Vec<Comment>,
    copied: Vec<std::ops::Range<usize>>,
    references: Vec<Span>,
    /// Where a new item of the article starts: after an `<hr>`.
    sections: Vec<usize>,
    /// Open block-level elements, outermost first.
    stack: Vec<&'static str>,
    /// The skipped element we are in, how deeply it nests in itself, and whether it is
    /// a block (whose end starts a new text run).
    skipping: Option<(&'static str, usize, bool)>,
    /// Where the current text run started.
    run: usize,
    /// The depth in `stack` of an element whose class makes its text a heading.
    heading_at: Option<usize>,
    /// The text pieces of the pull quote being skipped, and those of the ones before.
    pull: Option<Vec<std::ops::Range<usize>>>,
    pulls: Vec<Vec<std::ops::Range<usize>>>,
}

impl Reader {
    fn start(&mut self, name: &str, span: Span, self_closing: bool, role: ClassRole) {
        if let Some((skip, depth, _)) = self.skipping.as_mut() {
            if *skip == name && !self_closing {
                *depth += 1;
            }
            return;
        }
        // A header or footer inside the article holds its headline or notes, not chrome.
        let in_article =
            matches!(name, "header" | "footer") && self.stack.iter().any(|e| matches!(*e, "article" | "main"));
        if let Some(skip) = SKIPPED_INLINE.into_iter().find(|s| *s == name) {
            if !self_closing {
                self.skipping = Some((skip, 1, false));
            }
            return;
        }
        if let Some(skip) = SKIPPED_BLOCK.into_iter().find(|s| *s == name).filter(|_| !in_article) {
            self.flush(span.start);
            if !self_closing {
                self.skipping = Some((skip, 1, true));
                self.pull = (role == ClassRole::PullQuote).then(Vec::new);
            }
            self.run = span.end;
            return;
        }
        let Some(block) = BLOCKS.into_iter().find(|b| *b == name) else { return };
        self.flush(span.start);
        if role == ClassRole::PullQuote && !self_closing {
            self.skipping = Some((block, 1, true));
            self.pull = Some(Vec::new());
            self.run = span.end;
            return;
        }
        // A block start closes an open paragraph; a list item closes the item before it.
        if self.stack.last() == Some(&"p") {
            self.stack.pop();
        }
        if matches!(block, "li" | "dt" | "dd" | "tr" | "td" | "th") {
            let scope = self.stack.iter().rposition(|e| matches!(*e, "ul" | "ol" | "dl" | "table" | "tbody"));
            if let Some(at) = self.stack.iter().rposition(|e| *e == block).filter(|&at| scope.is_none_or(|s| at > s)) {
                self.stack.truncate(at);
            }
        }
        self.unmark();
        if block == "hr" {
            self.sections.push(span.end);
        } else if !self_closing {
            if role == ClassRole::Heading && self.heading_at.is_none() {
                self.heading_at = Some(self.stack.len());
            }
            self.stack.push(block);
        }
        self.run = span.end;
    }

    /// Forget a heading class whose element the stack has closed.
    fn unmark(&mut self) {
        if self.heading_at.is_some_and(|at| at >= self.stack.len()) {
            self.heading_at = None;
        }
    }

    fn end(&mut self, name: &str, span: Span) {
        if let Some((skip, depth, block)) = self.skipping.as_mut() {
            if *skip == name {
                *depth -= 1;
                if *depth == 0 {
                    if *block {
                        self.run = span.end;
                    }
                    self.skipping = None;
                    if let Some(pieces) = self.pull.take() {
                        self.pulls.push(pieces);
                    }
                }
            }
            return;
        }
        if !BLOCKS.contains(&name) {
            return;
        }
        self.flush(span.start);
        if let Some(at) = self.stack.iter().rposition(|e| *e == name) {
            self.stack.truncate(at);
        }
        self.unmark();
        self.run = span.end;
    }

    /// End the current text run at `end`, as a block of the kind its elements make it.
    fn flush(&mut self, end: usize) {
        if self.run < end {
            let marked = self.heading_at.is_some_and(|at| at < self.stack.len());
            let kind = self
                .stack
                .iter()
                .rev()
                .find_map(|e| match *e {
                    // (An article's header holds its headline, deck, byline and date.)
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title" | "header" | "hgroup" => Some(BlockKind::Heading),
                    "li" => Some(BlockKind::ListItem),
                    "figcaption" => Some(BlockKind::Caption),
                    _ => None,
                })
                .unwrap_or(if marked { BlockKind::Heading } else { BlockKind::Paragraph });
            self.blocks.push((kind, Span::new(self.run, end)));
        }
        self.run = self.run.max(end);
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

    #[test]
    fn a_pull_quote_by_class_is_skipped_and_a_dateline_is_a_heading() {
        let src = "<article><p class=\"dateline\">Reporting from Kellan</p><p>“The kiln held,” Ana Ruiz said.</p>\
            <blockquote class=\"pull-quote\"><p>“The kiln held.”</p><cite>Ana Ruiz, potter</cite></blockquote>\
            <blockquote><p>“A letter’s words stay.”</p></blockquote><div class=\"story-byline\">By Tomas Greer</div>\
            <p>The end.</p></article>";
        let raw = read(src);
        assert_eq!(
            texts(src, &raw),
            vec![
                (BlockKind::Heading, "Reporting from Kellan"),
                (BlockKind::Paragraph, "“The kiln held,” Ana Ruiz said."),
                (BlockKind::Paragraph, "“A letter’s words stay.”"),
                (BlockKind::Heading, "By Tomas Greer"),
                (BlockKind::Paragraph, "The end."),
            ]
        );
        let pull = &raw.pull_quotes;
        assert_eq!(pull.len(), 1);
        assert_eq!(
            (&src[pull[0].span.start..pull[0].span.end], pull[0].text.as_str()),
            ("“The kiln held.”", "The kiln held.")
        );
        assert_eq!(pull[0].credit.as_deref(), Some("Ana Ruiz"));
        assert_eq!(class_role(b"story pullQuote"), ClassRole::PullQuote);
        assert_eq!(class_role(b"pull_quote--wide"), ClassRole::PullQuote);
        assert_eq!(class_role(b"deck"), ClassRole::Heading);
        assert_eq!(class_role(b"content__standfirst"), ClassRole::Heading);
        assert_eq!(class_role(b"article-dek"), ClassRole::Heading);
        assert_eq!(class_role(b"story-subhead"), ClassRole::Heading);
        assert_eq!(class_role(b"decking-report"), ClassRole::None);
    }

    #[test]
    fn a_pull_quote_keeps_its_words_as_written_and_its_credit() {
        // An aside box in single marks with apostrophes inside, a reference, inline markup
        // and the credit after a dash; a box with no marks is no quote.
        let src = "<p>Story.</p><aside class=\"pullquote\"><p>‘I’ll fire the <em>big</em> kiln at&nbsp;dawn, and that’s the job’</p>\
            <p class=\"credit\">— Tomas Greer, glazer</p></aside>\
            <aside class=\"pull-quote\"><p>Ferry times change in May.</p></aside>\
            <blockquote class=\"pull-quote\"><p>&ldquo;The wharf is ours.&rdquo; Dale Hune (@dalehune)</p></blockquote>";
        let raw = read(src);
        let got: Vec<(&str, Option<&str>)> =
            raw.pull_quotes.iter().map(|p| (p.text.as_str(), p.credit.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("I’ll fire the     big      kiln at&nbsp;dawn, and that’s the job", Some("Tomas Greer")),
                ("The wharf is ours.", Some("Dale Hune")),
            ]
        );
        let last = &raw.pull_quotes[1];
        assert_eq!(&src[last.span.start..last.span.end], "&ldquo;The wharf is ours.&rdquo;");
        // None of it is prose.
        assert_eq!(texts(src, &raw), vec![(BlockKind::Paragraph, "Story.")]);
    }

    #[test]
    fn a_captions_picture_credit_is_not_caption_text() {
        let src = "<figure><img src=\"k.jpg\"><figcaption>Ana Ruiz at the kiln on Tuesday. Photograph: Tomas Greer \
                   for the Ledger</figcaption></figure><p>The kiln cooled.</p>";
        let raw = read(src);
        assert_eq!(
            texts(src, &raw),
            vec![(BlockKind::Caption, "Ana Ruiz at the kiln on Tuesday."), (BlockKind::Paragraph, "The kiln cooled.")]
        );
        assert_eq!(credit_start("Photo by Dale Hune"), 0);
        assert_eq!(credit_start("No credit here"), "No credit here".len());
    }
}
