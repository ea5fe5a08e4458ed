//! `check` on a plain-text file larger than any article (more than [`THRESHOLD`]
//! bytes: a dump of many stories, a generated test file) reads it a window of
//! paragraphs at a time, so that its memory is bounded by a window, not by the file:
//! each window is parsed, analysed and checked on its own, and only the source, its line
//! index and the findings are kept for the whole file. Findings keep the file's byte
//! offsets, and the lines their messages name are the file's lines. A window does not
//! see the others: a quote repeated, a person introduced again or a mark left open in
//! another window is not related across the boundary. An article is never near the
//! threshold, and files up to it are checked whole, exactly as before.

use crate::analysis::{analyze, Analysis};
use crate::config::Config;
use crate::confusables;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::rules;

/// Files of more bytes than this are checked a window at a time (4 MiB).
pub use crate::document::WINDOWED_ABOVE as THRESHOLD;
/// The least size of a window: it ends at the first blank line after this many bytes.
pub const WINDOW: usize = 1 << 20;

/// Whether `check` reads a file of this format and size a window at a time.
pub fn applies(format: Format, len: usize) -> bool {
    format.checked_in_windows(len)
}

/// The windows of a text: from its start, each ends just after the first blank line
/// (`\n\n`) at or past [`WINDOW`] bytes into it, the last at the end of the text. A text
/// with no such break is one window.
pub fn windows(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let from = start + WINDOW;
        let end = if from >= bytes.len() {
            bytes.len()
        } else {
            bytes[from..].windows(2).position(|w| w == b"\n\n").map_or(bytes.len(), |i| from + i + 2)
        };
        out.push(start..end);
        start = end;
    }
    out
}

/// Check a document a window at a time (see the module doc). The [`Analysis`] handed
/// back has the document's source and line index and no quotes, entities or
/// attributions: reports need no more.
pub(crate) fn check(doc: Document, config: &Config, confusables: &confusables::Checker) -> (Analysis, Vec<Diagnostic>) {
    let doc = doc.into_unparsed();
    let cx = rules::Context { config, confusables };
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut found = Vec::new();
    for range in windows(&doc.source) {
        let mut window = Document::parse(&doc.path, doc.source[range.clone()].to_string(), doc.format);
        window.lines = window.lines.starting_at_line(doc.lines.line_of(range.start));
        let analysis = analyze(window);
        rules::findings(&analysis, &cx, &mut found);
        for d in &mut found {
            d.span.start += range.start;
            d.span.end += range.start;
            for edit in d.fix.iter_mut().flat_map(|f| f.edits.iter_mut()) {
                edit.start += range.start;
                edit.end += range.start;
            }
        }
        // A large file's findings are the largest thing kept. The list is reserved for the
        // rest of the file at the rate seen so far and half again, so it is reserved once or
        // a few times, not grown window by window: under mimalloc, which cannot grow a block
        // in place as glibc's mremap does, each growth copies the list and holds it twice.
        // Room never used is never touched, so it is not resident; and a list at least half
        // full is shrunk in place (`rules::finish`).
        if out.capacity() - out.len() < found.len() {
            let seen = out.len() + found.len();
            let expected = seen.saturating_mul(doc.source.len()) / range.end.max(1);
            out.reserve_exact(expected.saturating_add(expected / 2).max(seen) - out.len());
        }
        out.append(&mut found);
    }
    let analysis = Analysis {
        doc,
        quotes: Default::default(),
        entities: Default::default(),
        attributions: Default::default(),
        tokens: Default::default(),
        segment_tokens: Default::default(),
    };
    (analysis, rules::finish(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_end_after_a_blank_line_and_cover_the_text() {
        let para = "Word word word.\n\n";
        let text = para.repeat(WINDOW / para.len() * 3);
        let ws = windows(&text);
        assert!(ws.len() >= 3);
        assert_eq!(ws[0].start, 0);
        assert_eq!(ws.last().unwrap().end, text.len());
        for pair in ws.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[..pair[0].end].ends_with("\n\n"));
            assert!(pair[0].len() >= WINDOW);
        }
        // No blank line: one window.
        assert_eq!(windows(&"x".repeat(WINDOW * 2)), vec![0..WINDOW * 2]);
    }

    #[test]
    fn a_large_file_gives_the_findings_of_its_windows_at_file_offsets() {
        let config = Config::default();
        let checker = confusables::Checker::embedded();
        let filler = "The council met on Tuesday to discuss the budget.\n\n".repeat(THRESHOLD / 50);
        let planted =
            "“We will not close the school,” Ruiz said.\n\nLater she repeated: “We will not close the school.”\n\n";
        let text = format!("{filler}{planted}");
        assert!(applies(Format::Text, text.len()));
        let doc = Document::parse("big.txt".as_ref(), text.clone(), Format::Text);
        let (_, found) = crate::check(doc, &config, checker);
        // The same paragraphs checked alone give the same findings, moved to where they
        // are, and a message naming a line names the file's line.
        let alone = Document::parse("a.txt".as_ref(), planted.to_string(), Format::Text);
        let (_, expected) = crate::check(alone, &config, checker);
        assert!(expected.iter().any(|d| d.message == "this quote already appears on line 1"));
        let at = filler.len();
        let line = filler.lines().count() + 1;
        let found: Vec<_> = found
            .iter()
            .filter(|d| d.span.start >= at)
            .map(|d| (d.rule, d.span.start - at, d.message.to_string()))
            .collect();
        let expected: Vec<_> = expected
            .iter()
            .map(|d| (d.rule, d.span.start, d.message.replace("on line 1", &format!("on line {line}"))))
            .collect();
        assert_eq!(found, expected);
    }
}
