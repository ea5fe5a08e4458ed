//! Byte spans into the file as read, and the line index that turns them into lines and columns.
//!
//! Vocabulary below every stage: the document makes them ([`crate::document`] re-exports
//! them), and diagnostics and config errors point with them.

use serde::Serialize;

/// A byte range `start..end` (end exclusive) into the original file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Line starts of a text, computed once; lines and columns are 1-based, columns count chars.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Chars before every `BLOCK`-th byte of the text, built on the first column asked
    /// of a long line: a column is then found in constant time however long the line,
    /// so many findings on one huge line stay linear.
    checkpoints: std::sync::OnceLock<Vec<usize>>,
    /// Lines of the file before this text: non-zero only for a window of a large file
    /// (`crate::windows`), so that `line_col` names the file's line.
    first_line: usize,
}

const BLOCK: usize = 256;

fn is_char_start(b: u8) -> bool {
    b & 0xC0 != 0x80
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()));
        LineIndex { starts, checkpoints: std::sync::OnceLock::new(), first_line: 0 }
    }

    /// The same index for a text that starts at 0-based line `first_line` of its file:
    /// `line_col` then counts the file's lines.
    pub(crate) fn starting_at_line(mut self, first_line: usize) -> LineIndex {
        self.first_line = first_line;
        self
    }

    /// The 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// 1-based (line, column) of a byte offset; the column counts Unicode scalar values.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        if offset - start < 2 * BLOCK {
            return (self.first_line + line + 1, text[start..offset].chars().count() + 1);
        }
        (self.first_line + line + 1, self.chars_before(text, offset) - self.chars_before(text, start) + 1)
    }

    /// [`LineIndex::line_col`] of `start` and of `end` (`start <= end`): when both are on
    /// one line, the end's column counts only the chars between them (a finding's two
    /// ends, asked for every finding of a report).
    pub fn line_col_pair(&self, text: &str, start: usize, end: usize) -> ((usize, usize), (usize, usize)) {
        let first = self.line_col(text, start);
        let (s, e) = (floor_char_boundary(text, start.min(text.len())), floor_char_boundary(text, end.min(text.len())));
        if s <= e && self.line_of(s) == self.line_of(e) {
            return (first, (first.0, first.1 + text[s..e].chars().count()));
        }
        (first, self.line_col(text, end))
    }

    /// Number of chars in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let bytes = text.as_bytes();
        let checkpoints = self.checkpoints.get_or_init(|| {
            let mut out = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut n = 0;
            for chunk in bytes.chunks(BLOCK) {
                out.push(n);
                n += chunk.iter().filter(|&&b| is_char_start(b)).count();
            }
            out.push(n);
            out
        });
        let block = offset / BLOCK;
        let base = checkpoints.get(block).copied().unwrap_or(0);
        base + bytes[block * BLOCK..offset].iter().filter(|&&b| is_char_start(b)).count()
    }

    /// The byte range of the 0-based line `line`, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map_or(text.len(), |&next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }
}

/// Starts of lines after the first: after every LF, and after a CR not followed by LF
/// (old Mac files), so CRLF counts once.
fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
        .map(|i| i + 1)
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`LineIndex::line_col_pair`] is `line_col` of each end, for every pair of offsets
    /// (inside chars, past the end, on one line, across lines, on long lines).
    #[test]
    fn line_col_pair_is_line_col_twice() {
        let long = format!("{}\n{}é\r\nz", "a’b".repeat(300), "x".repeat(700));
        for text in ["", "a", "ab\ncd", "é\n\nñ’s\r\n\rq", long.as_str()] {
            let idx = LineIndex::new(text).starting_at_line(3);
            let offsets: Vec<usize> = (0..=text.len() + 2).filter(|i| i % 7 < 3 || *i < 40).collect();
            for &start in &offsets {
                for &end in offsets.iter().filter(|&&e| e >= start) {
                    let pair = idx.line_col_pair(text, start, end);
                    assert_eq!(pair, (idx.line_col(text, start), idx.line_col(text, end)), "{start} {end}");
                }
            }
        }
    }

    /// The line starts found with memchr are those of a plain scan of the bytes.
    #[test]
    fn newlines_are_the_scan() {
        let scan = |bytes: &[u8]| -> Vec<usize> {
            (0..bytes.len())
                .filter(|&i| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .map(|i| i + 1)
                .collect()
        };
        for text in ["", "a", "\n", "\r", "\r\n", "a\r\nb\rc\n\nd\r", "\n\r\r\n\r", &"ab\r\ncd\n".repeat(40)] {
            assert_eq!(memchr_newlines(text.as_bytes()).collect::<Vec<_>>(), scan(text.as_bytes()), "{text:?}");
        }
    }

    #[test]
    fn columns_on_long_lines_count_chars() {
        let text = format!("{}é{}", "a".repeat(1000), "b".repeat(1000));
        let idx = LineIndex::new(&text);
        assert_eq!(idx.line_col(&text, 1000), (1, 1001));
        assert_eq!(idx.line_col(&text, 1002), (1, 1002));
        assert_eq!(idx.line_col(&text, text.len()), (1, 2002));
        let two = format!("x\n{}é{}", "a".repeat(600), "b");
        let idx = LineIndex::new(&two);
        assert_eq!(idx.line_col(&two, two.len()), (2, 603));
    }
}
