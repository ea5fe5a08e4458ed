//! What of the file is not the article's words as written, so that a fix can tell prose it
//! may edit from bytes it must keep: tags, Markdown markup, comments, code and front matter
//! ([`MarkupKind::Markup`], never edited), and character references or backslash escapes
//! that the prose holds decoded ([`MarkupKind::Reference`], replaced whole or not at all).

use super::Span;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkupKind {
    /// Tags, markup, comments, code, front matter: blank in the prose.
    Markup,
    /// `&rdquo;`, `&#8217;`, `\*`: one character in the prose, more bytes in the file.
    Reference,
}

/// The non-prose byte ranges of a file, sorted and disjoint.
#[derive(Clone, Debug, Default)]
pub struct Markup {
    spans: Vec<(Span, MarkupKind)>,
}

impl Markup {
    /// From the ranges a reader copied into the prose (in file order) and the references
    /// decoded inside them: everything between copied ranges is markup.
    pub(crate) fn from_copied(len: usize, copied: &[Range<usize>], references: &[Span]) -> Markup {
        let mut spans = Vec::with_capacity(copied.len() + references.len());
        let mut at = 0;
        let mut refs = references.iter().peekable();
        for r in copied {
            if r.start > at {
                spans.push((Span::new(at, r.start), MarkupKind::Markup));
            }
            while let Some(s) = refs.next_if(|s| s.start < r.end) {
                spans.push((*s, MarkupKind::Reference));
            }
            at = at.max(r.end);
        }
        if len > at {
            spans.push((Span::new(at, len), MarkupKind::Markup));
        }
        spans.extend(refs.map(|s| (*s, MarkupKind::Reference)));
        Markup::from_spans(spans)
    }

    /// From spans in any order (overlaps merged, markup winning over a reference).
    pub(crate) fn from_spans(mut spans: Vec<(Span, MarkupKind)>) -> Markup {
        spans.retain(|(s, _)| !s.is_empty());
        spans.sort_by_key(|(s, _)| (s.start, s.end));
        let mut out: Vec<(Span, MarkupKind)> = Vec::with_capacity(spans.len());
        for (s, k) in spans {
            match out.last_mut() {
                Some((last, lk))
                    if s.start < last.end || (s.start == last.end && k == *lk && k == MarkupKind::Markup) =>
                {
                    last.end = last.end.max(s.end);
                    if k == MarkupKind::Markup {
                        *lk = MarkupKind::Markup;
                    }
                }
                _ => out.push((s, k)),
            }
        }
        Markup { spans: out }
    }

    pub fn spans(&self) -> &[(Span, MarkupKind)] {
        &self.spans
    }

    /// The spans that overlap `span`, or, for an empty span, that hold its point strictly
    /// inside.
    fn touching(&self, span: Span) -> impl Iterator<Item = &(Span, MarkupKind)> {
        let first = self.spans.partition_point(|(s, _)| s.end <= span.start);
        self.spans[first..].iter().take_while(move |(s, _)| s.start < span.end.max(span.start + 1)).filter(
            move |(s, _)| {
                if span.is_empty() {
                    s.start < span.start && span.start < s.end
                } else {
                    s.overlaps(span)
                }
            },
        )
    }

    /// The references that lie wholly inside `span`, in order.
    pub fn references_within(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        let first = self.spans.partition_point(|(s, _)| s.start < span.start);
        self.spans[first..]
            .iter()
            .take_while(move |(s, _)| s.start < span.end)
            .filter(move |(s, k)| *k == MarkupKind::Reference && s.end <= span.end)
            .map(|(s, _)| *s)
    }

    /// Whether an edit of `span` changes only the article's words: it touches no markup,
    /// and any reference it touches it replaces whole.
    pub fn edit_is_clean(&self, span: Span) -> bool {
        self.touching(span)
            .all(|(s, k)| *k == MarkupKind::Reference && !span.is_empty() && span.start <= s.start && s.end <= span.end)
    }

    /// The reference a position lies strictly inside, if any.
    pub fn reference_around(&self, at: usize) -> Option<Span> {
        let i = self.spans.partition_point(|(s, _)| s.end <= at);
        self.spans.get(i).filter(|(s, k)| *k == MarkupKind::Reference && s.start < at && at < s.end).map(|(s, _)| *s)
    }

    /// Whether `span` is all words as written: no markup, no reference.
    pub fn is_verbatim(&self, span: Span) -> bool {
        self.touching(span).next().is_none()
    }

    /// `span` grown to cover whole any reference it touches (a quote mark written
    /// `&rdquo;` is the whole reference in the file).
    pub fn widen(&self, span: Span) -> Span {
        self.touching(span).filter(|(_, k)| *k == MarkupKind::Reference).fold(span, |acc, (s, _)| acc.cover(*s))
    }
}

/// Decode the character references of `range` (copied from `source`) in place in the
/// prose: the character goes where the reference ends and the rest of the reference is
/// blanked, so the prose keeps the file's length and a quote written `&ldquo;…&rdquo;` is a
/// quote at the offsets of its references. Every decoded reference's span is pushed to
/// `references`. Named references come from the full WHATWG table.
pub(crate) fn decode_references(prose: &mut [u8], source: &str, range: Range<usize>, references: &mut Vec<Span>) {
    let mut i = range.start;
    while i < range.end {
        let Some(amp) = source.as_bytes()[i..range.end].iter().position(|&b| b == b'&').map(|p| p + i) else { return };
        match reference_at(&source.as_bytes()[amp..range.end]) {
            Some((len, decoded)) => {
                let end = amp + len;
                if place(prose, amp, end, &decoded) {
                    references.push(Span::new(amp, end));
                    join_word(prose, range.start, amp, end, &decoded);
                }
                i = end;
            }
            None => i = amp + 1,
        }
    }
}

/// "Jos&eacute;", "Hal&aacute;sz": a letter written as a reference inside a word. The
/// letters before it (back to `floor`) move up against the decoded letter, into the
/// reference's blanked bytes, so the prose reads one word ("   Halász"), and a name
/// keeps its letters; the word then starts inside the reference, so any fix touching it
/// touches markup and is withheld. When they do not fit, the decoded letter moves to the
/// reference's first byte instead ("Montagné      "), and the word ends inside it.
pub(crate) fn join_word(prose: &mut [u8], floor: usize, amp: usize, end: usize, decoded: &str) {
    if !decoded.chars().all(char::is_alphabetic) {
        return;
    }
    // (The letters right before the reference: ASCII letters and digits, and the bytes of
    // any other character, which are all >= 0x80 in UTF-8.)
    // (Counted only as far as the room in the reference: bounded however long the word.)
    let at = end - decoded.len();
    let room = at - amp;
    let prefix =
        prose[floor..amp].iter().rev().take(room + 1).take_while(|&&b| b.is_ascii_alphanumeric() || b >= 0x80).count();
    if prefix == 0 {
        return;
    }
    // (Strictly inside: a word that began at the reference's first byte would let an edit
    // replace the reference whole and leave the letters before it in the file.)
    if prefix >= room {
        // "Montagn&eacute;": too many letters to move in, so the letter moves out to
        // meet them, at the reference's first byte; the word ends inside the reference,
        // and an edit touching it still touches part of the reference and is withheld.
        prose.copy_within(at..end, amp);
        prose[amp + decoded.len()..end].fill(b' ');
        return;
    }
    let from = amp - prefix;
    prose.copy_within(from..amp, at - prefix);
    prose[from..at - prefix].fill(b' ');
}

/// Put `decoded` at the end of `start..end` in the prose and blank the rest; false (and
/// nothing changed) when it does not fit.
pub(crate) fn place(prose: &mut [u8], start: usize, end: usize, decoded: &str) -> bool {
    let bytes = decoded.as_bytes();
    if bytes.is_empty() || bytes.len() > end - start {
        return false;
    }
    let at = end - bytes.len();
    prose[start..at].fill(b' ');
    prose[at..end].copy_from_slice(bytes);
    true
}

/// The reference at the start of `b` (which starts with `&`): its length in bytes and
/// the text it stands for. Only references closed by `;` are read.
pub(crate) fn reference_at(b: &[u8]) -> Option<(usize, String)> {
    const LONGEST: usize = 40;
    let semi = b.iter().take(LONGEST).position(|&c| c == b';')?;
    let name = &b[1..semi];
    if name.is_empty() || !name.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'#') {
        return None;
    }
    let len = semi + 1;
    if name[0] == b'#' {
        let digits = std::str::from_utf8(&name[1..]).ok()?;
        let code = match digits.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => digits.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0').map(|c| (len, c.to_string()));
    }
    // A no-break space reads as a space: words on either side are two words.
    if name == b"nbsp" {
        return Some((len, " ".to_string()));
    }
    let text = htmlize::ENTITIES.get(&b[..len])?;
    std::str::from_utf8(text).ok().map(|t| (len, t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_numeric_and_unknown_references() {
        assert_eq!(reference_at(b"&eacute; x"), Some((8, "é".to_string())));
        assert_eq!(reference_at(b"&rdquo;."), Some((7, "”".to_string())));
        assert_eq!(reference_at(b"&#8217;s"), Some((7, "’".to_string())));
        assert_eq!(reference_at(b"&#x201C;"), Some((8, "“".to_string())));
        assert_eq!(reference_at(b"&nosuchname;"), None);
        assert_eq!(reference_at(b"& co; x"), None);
        assert_eq!(reference_at(b"&#0;"), None);
    }

    #[test]
    fn decoding_keeps_the_length_and_records_the_reference() {
        let src = "Jos&eacute; said &ldquo;no&rdquo; &amp; left";
        let mut prose = src.as_bytes().to_vec();
        let mut refs = Vec::new();
        decode_references(&mut prose, src, 0..src.len(), &mut refs);
        assert_eq!(prose.len(), src.len());
        let prose = String::from_utf8(prose).unwrap();
        // The letters before a letter written as a reference join it: one word.
        assert!(prose.starts_with("      José said"), "{prose}");
        assert_eq!(refs.len(), 4);
        assert_eq!(&src[refs[0].start..refs[0].end], "&eacute;");
    }

    #[test]
    fn a_letter_reference_inside_a_word_keeps_the_word_whole() {
        let decode = |src: &str| {
            let mut prose = src.as_bytes().to_vec();
            decode_references(&mut prose, src, 0..src.len(), &mut Vec::new());
            String::from_utf8(prose).unwrap()
        };
        assert_eq!(decode("Tomas Hal&aacute;sz said"), "Tomas       Halász said");
        // Two in one word, and a numeric one.
        assert_eq!(decode("Dvo&#345;&aacute;k"), "          Dvořák");
        assert_eq!(decode("Dvo&#345;&aacute;k").split_whitespace().count(), 1);
        // No room for a long prefix: the letter moves out to meet it.
        assert_eq!(decode("Abcdefghij&eacute;"), "Abcdefghijé      ");
        assert_eq!(decode("Ana Montagn&eacute;, 61").split_whitespace().nth(1), Some("Montagné"));
        // Not a letter: an apostrophe stays where it was.
        assert_eq!(decode("don&rsquo;t"), "don    ’t");
    }

    #[test]
    fn clean_edits_leave_markup_and_keep_references_whole() {
        // "<p>" 0..3 markup, "&rdquo;" 10..17 reference, "</p>" 18..22 markup.
        let copied = [std::ops::Range { start: 3, end: 18 }];
        let m = Markup::from_copied(22, &copied, &[Span::new(10, 17)]);
        assert_eq!(m.spans().len(), 3);
        assert!(m.edit_is_clean(Span::new(4, 9)));
        assert!(m.edit_is_clean(Span::new(10, 18)), "a whole reference and the period after it");
        assert!(!m.edit_is_clean(Span::new(14, 18)), "part of a reference");
        assert!(!m.edit_is_clean(Span::new(15, 15)), "an insertion inside a reference");
        assert!(m.edit_is_clean(Span::new(10, 10)), "an insertion before a reference");
        assert!(!m.edit_is_clean(Span::new(16, 20)), "into a tag");
        assert!(m.edit_is_clean(Span::new(3, 3)) && m.edit_is_clean(Span::new(18, 18)));
        assert_eq!(m.widen(Span::new(14, 17)), Span::new(10, 17));
        assert!(!m.is_verbatim(Span::new(4, 12)) && m.is_verbatim(Span::new(4, 10)));
    }
}
