//! Applying safe fixes (`--fix`, `--diff`).
//!
//! Only fixes marked [`Applicability::Safe`] are applied, and never an edit inside the words
//! of a quote: the rules already mark those unsafe, and this module checks again against the
//! quotes the analysis found. The one exception is an edit that replaces exactly a quote's
//! own opening or closing mark (mixed-quote-marks): marks are not words. Nor is an edit
//! applied that touches markup (a tag, a comment, a link target, Markdown emphasis) or only
//! part of a character reference: a fix changes the article's words, never its markup. A fix that overlaps
//! a fix already taken in the same pass is skipped; the article is analysed again and the
//! next pass takes it if it still applies, until a pass changes nothing. So the result is a
//! fixed point: fixing it again changes nothing.

use crate::analysis::Analysis;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::document::{floor_char_boundary, Document, Format, LineIndex, Markup, Span};
use crate::quotes::Quote;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Passes before giving up on fixes that keep producing new fixes.
pub const MAX_PASSES: usize = 10;

/// Why a safe fix was not applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// It overlaps a fix taken earlier in the same pass.
    Overlap,
    /// An edit falls inside the words of a quote.
    InsideQuote,
    /// An edit touches markup, or part of a character reference.
    Markup,
    /// An edit does not fit the text (out of range or not on a character boundary).
    Invalid,
}

/// A safe fix that was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub rule: &'static str,
    pub reason: SkipReason,
    /// 1-based line and column of the finding in the text of the pass that skipped it.
    pub line: usize,
    pub column: usize,
}

/// The result of one pass over a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pass {
    pub source: String,
    pub applied: usize,
    pub skipped: Vec<Skipped>,
    /// Indices of the diagnostics whose fixes were applied.
    pub taken: Vec<usize>,
}

/// Apply the safe fixes of `diagnostics` to `source` once; `markup` and `quotes` are those
/// of the analysis of `source`.
pub fn apply_once(source: &str, markup: &Markup, diagnostics: &[Diagnostic], quotes: &[Quote]) -> Pass {
    let lines = LineIndex::new(source);
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut skipped = Vec::new();
    let mut taken_from = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        let Some(fix) = d.fix.as_ref().filter(|f| f.applicability == Applicability::Safe) else { continue };
        let reason = if fix.edits.iter().any(|e| !fits(source, e)) {
            Some(SkipReason::Invalid)
        } else if fix.edits.iter().any(|e| !markup.edit_is_clean(Span::new(e.start, e.end))) {
            Some(SkipReason::Markup)
        } else if fix.edits.iter().any(|e| inside_quote_words(e, markup, quotes)) {
            Some(SkipReason::InsideQuote)
        } else if fix.edits.iter().any(|e| taken.iter().any(|t| overlaps(e, t))) {
            Some(SkipReason::Overlap)
        } else {
            None
        };
        match reason {
            Some(reason) => {
                let (line, column) = lines.line_col(source, d.span.start);
                skipped.push(Skipped { rule: d.rule, reason, line, column });
            }
            None => {
                taken.extend(&fix.edits);
                taken_from.push(i);
                applied += 1;
            }
        }
    }
    taken.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for e in taken {
        out.push_str(&source[at..e.start]);
        out.push_str(&e.replacement);
        at = e.end;
    }
    out.push_str(&source[at..]);
    Pass { source: out, applied, skipped, taken: taken_from }
}

/// The result of fixing a text to a fixed point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub source: String,
    /// Fixes applied, over all passes.
    pub applied: usize,
    /// Fixes skipped because they overlapped another, over all passes (a later pass may
    /// have applied them).
    pub overlaps: Vec<Skipped>,
    /// Safe fixes left unapplied at the end (inside quotes or invalid).
    pub refused: Vec<Skipped>,
    /// False when [`MAX_PASSES`] passes still changed the text.
    pub converged: bool,
}

/// Fix `source` until a pass changes nothing. `analyse` returns the analysis of a text
/// and its findings (suppressions already applied).
///
/// Each pass is checked by parsing its result: when the fixes together change the
/// article's markup or its blocks (a word deleted at the start of a Markdown line can turn
/// the rest of the line into an HTML block), each is tried alone, those that change the
/// structure alone are refused, and the rest are applied.
pub fn fix_all(source: String, mut analyse: impl FnMut(&str) -> (Analysis, Vec<Diagnostic>)) -> Outcome {
    let mut outcome = Outcome { source, applied: 0, overlaps: Vec::new(), refused: Vec::new(), converged: false };
    let mut broken: Vec<Skipped> = Vec::new();
    let mut current = analyse(&outcome.source);
    for _ in 0..MAX_PASSES {
        let (analysis, diagnostics) = &current;
        let apply = |diagnostics: &[Diagnostic]| {
            apply_once(&outcome.source, &analysis.doc.markup, diagnostics, &analysis.quotes.quotes)
        };
        let pass = apply(diagnostics);
        let (overlaps, refused): (Vec<Skipped>, Vec<Skipped>) =
            pass.skipped.iter().cloned().partition(|s| s.reason == SkipReason::Overlap);
        outcome.overlaps.extend(overlaps);
        outcome.refused = refused;
        if pass.applied == 0 || pass.source == outcome.source {
            outcome.converged = true;
            break;
        }
        let next = analyse(&pass.source);
        if same_structure(&analysis.doc, &next.0.doc) {
            outcome.applied += pass.applied;
            outcome.source = pass.source;
            current = next;
            continue;
        }
        let lines = LineIndex::new(&outcome.source);
        let mut good = Vec::new();
        for &i in &pass.taken {
            let alone = apply(&diagnostics[i..=i]);
            if same_structure(&analysis.doc, &analyse(&alone.source).0.doc) {
                good.push(diagnostics[i].clone());
            } else {
                let (line, column) = lines.line_col(&outcome.source, diagnostics[i].span.start);
                broken.push(Skipped { rule: diagnostics[i].rule, reason: SkipReason::Markup, line, column });
            }
        }
        // Good alone; together, take them all if the result still parses the same, else
        // the first and go round again.
        let mut pass = apply(&good);
        let mut next = analyse(&pass.source);
        if !same_structure(&analysis.doc, &next.0.doc) && good.len() > 1 {
            pass = apply(&good[..1]);
            next = analyse(&pass.source);
        }
        if pass.applied == 0 || !same_structure(&analysis.doc, &next.0.doc) {
            outcome.converged = true;
            break;
        }
        outcome.applied += pass.applied;
        outcome.source = pass.source;
        current = next;
    }
    broken.dedup_by(|a, b| a.rule == b.rule && a.line == b.line && a.column == b.column);
    outcome.refused.extend(broken);
    outcome
}

/// Whether two versions of an article have the same markup, in order, and the same
/// blocks (in plain text, the same number: a heading there is a guess from the words).
fn same_structure(before: &Document, after: &Document) -> bool {
    let same_blocks = if before.format == Format::Text {
        before.blocks.len() == after.blocks.len()
    } else {
        before.blocks.iter().map(|b| b.kind).eq(after.blocks.iter().map(|b| b.kind))
    };
    same_blocks && before.markup_as_written().eq(after.markup_as_written())
}

fn fits(source: &str, e: &Edit) -> bool {
    e.start <= e.end
        && e.end <= source.len()
        && floor_char_boundary(source, e.start) == e.start
        && floor_char_boundary(source, e.end) == e.end
}

/// Whether an edit touches the quoted words of any quote (an edit of exactly one of a
/// quote's own marks, as written in the file, does not).
fn inside_quote_words(e: &Edit, markup: &Markup, quotes: &[Quote]) -> bool {
    let span = Span::new(e.start, e.end);
    let mark = |s: Span| s == span || markup.widen(s) == span;
    if quotes.iter().any(|q| mark(q.open.span) || q.close.is_some_and(|c| mark(c.span))) {
        return false;
    }
    quotes.iter().any(|q| {
        // The words lie between the marks as written (a mark may be a reference).
        let inner = q.inner();
        let inner = Span::new(inner.start, q.close.map_or(inner.end, |c| markup.widen(c.span).start.max(inner.start)));
        if span.is_empty() {
            inner.start < span.start && span.start < inner.end
        } else {
            span.overlaps(inner)
        }
    })
}

/// Whether two edits touch the same text (two insertions at one point count).
fn overlaps(a: &Edit, b: &Edit) -> bool {
    if a.start == a.end || b.start == b.end {
        let (point, range) = if a.start == a.end { (a.start, b) } else { (b.start, a) };
        return range.start == point || (range.start < point && point < range.end);
    }
    a.start < b.end && b.start < a.end
}

/// Temporary files of fixes being written, removed by [`remove_pending`] when the run is
/// interrupted between writing one and renaming it over the article; once that has run,
/// no new one is made.
struct Pending {
    paths: Vec<PathBuf>,
    closing: bool,
}

static PENDING: std::sync::Mutex<Pending> = std::sync::Mutex::new(Pending { paths: Vec::new(), closing: false });
static TEMP_COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Remove the temporary files of fixes not yet renamed into place, and make no more (for
/// a signal handler, which then ends the process).
pub fn remove_pending() {
    let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    pending.closing = true;
    for path in pending.paths.drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// A temporary file beside the article, registered before it exists so that an
/// interruption at any moment can remove it; removed on drop unless renamed into place.
struct TempFile {
    path: PathBuf,
    file: std::fs::File,
    kept: bool,
}

impl TempFile {
    fn create(dir: &Path) -> Result<TempFile, String> {
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        if pending.closing {
            return Err("interrupted; not fixed".into());
        }
        let n = TEMP_COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = dir.join(format!(".onrecord-fix-{}-{n}", std::process::id()));
        pending.paths.push(path.clone());
        let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| e.to_string());
        if file.is_err() {
            pending.paths.retain(|p| *p != path);
        }
        Ok(TempFile { path, file: file?, kept: false })
    }

    /// Rename over `target`.
    fn persist(mut self, target: &Path) -> Result<(), String> {
        std::fs::rename(&self.path, target).map_err(|e| e.to_string())?;
        self.kept = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        pending.paths.retain(|p| *p != self.path);
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Replace an article's contents with its fixed text, atomically and only where the file
/// may be written: the file is the one a symbolic link points to; a read-only file, one
/// with other hard links (a rename would split them) or one changed since it was read
/// (`original` is the text as read) is refused with the reason. The fixed text is written
/// to a temporary file beside the article with its mode, owner and group (refused when the
/// owner cannot be kept), synced, renamed over it, and the directory synced.
pub fn write_in_place(path: &Path, original: &str, contents: &str) -> Result<(), String> {
    let target = std::fs::canonicalize(path).map_err(|e| e.to_string())?;
    let meta = std::fs::metadata(&target).map_err(|e| e.to_string())?;
    if meta.permissions().readonly() {
        return Err("the file is read-only; not fixed".into());
    }
    // Root may write any file; anyone else needs write permission.
    std::fs::OpenOptions::new().append(true).open(&target).map_err(|e| format!("not fixed: {e}"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(format!("the file has {} hard links, which a fix would split; not fixed", meta.nlink()));
        }
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = TempFile::create(&dir)?;
    tmp.file.write_all(contents.as_bytes()).map_err(|e| e.to_string())?;
    keep_owner(&tmp.file, &meta)?;
    std::fs::set_permissions(&tmp.path, meta.permissions()).map_err(|e| e.to_string())?;
    tmp.file.sync_all().map_err(|e| e.to_string())?;
    // Last: the article must still be what was checked.
    let now = std::fs::read(&target).map_err(|e| e.to_string())?;
    if now != original.as_bytes() {
        return Err("the file changed while it was being checked; not fixed".into());
    }
    tmp.persist(&target)?;
    // The rename is durable once the directory is synced.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Give the temporary file the article's owner and group.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, meta: &std::fs::Metadata) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let tmp = file.metadata().map_err(|e| e.to_string())?;
    if tmp.uid() == meta.uid() && tmp.gid() == meta.gid() {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()))
        .map_err(|e| format!("cannot keep the file's owner and group ({e}); not fixed"))
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> Result<(), String> {
    Ok(())
}

/// A unified diff of a fix, in the form `git diff` prints; empty when nothing changed.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity};

    fn d(rule: &'static str, start: usize, end: usize, replacement: &str, safe: bool) -> Diagnostic {
        let span = Span::new(start, end);
        Diagnostic {
            rule,
            severity: Severity::Warning,
            message: "".into(),
            span,
            help: None,
            fix: Some(Box::new(if safe { Fix::safe(span, replacement) } else { Fix::unsafe_(span, replacement) })),
        }
    }

    #[test]
    fn applies_safe_fixes_only_and_skips_overlaps() {
        let text = "one two three four";
        let pass = apply_once(
            text,
            &Markup::default(),
            &[d("a", 0, 3, "1", true), d("b", 2, 7, "x", true), d("c", 8, 13, "3", false), d("d", 14, 18, "4", true)],
            &[],
        );
        assert_eq!(pass.source, "1 two three 4");
        assert_eq!(pass.applied, 2);
        assert_eq!(pass.skipped, [Skipped { rule: "b", reason: SkipReason::Overlap, line: 1, column: 3 }]);
    }

    #[test]
    fn overlap_of_insertions() {
        let e = |s, e| Edit { start: s, end: e, replacement: String::new() };
        assert!(overlaps(&e(3, 3), &e(3, 3)));
        assert!(overlaps(&e(3, 3), &e(2, 5)));
        assert!(overlaps(&e(3, 3), &e(3, 5)));
        assert!(!overlaps(&e(3, 3), &e(1, 3)));
        assert!(!overlaps(&e(1, 3), &e(3, 5)));
    }

    #[test]
    fn refuses_edits_that_do_not_fit() {
        let text = "é";
        let pass = apply_once(text, &Markup::default(), &[d("a", 1, 2, "e", true), d("b", 0, 9, "e", true)], &[]);
        assert_eq!(pass.source, text);
        assert!(pass.skipped.iter().all(|s| s.reason == SkipReason::Invalid));
    }

    #[test]
    fn never_edits_the_words_of_a_quote_but_may_replace_its_marks() {
        use crate::document::{Document, Format};
        let text = "Residents called it \"the the plan\" on Monday.";
        let analysis = crate::analysis::analyze(Document::parse("a.txt".as_ref(), text.to_string(), Format::Text));
        let quotes = &analysis.quotes.quotes;
        assert_eq!(quotes.len(), 1);
        let (open, close) = (quotes[0].open.span, quotes[0].close.unwrap().span);
        let words = text.find("the the").unwrap();
        let pass = apply_once(
            text,
            &analysis.doc.markup,
            &[
                d("mixed-quote-marks", open.start, open.end, "“", true),
                d("repeated-word", words + 3, words + 7, "", true),
                d("mixed-quote-marks", close.start, close.end, "”", true),
                d("insert", words + 1, words + 1, "x", true),
            ],
            quotes,
        );
        assert_eq!(pass.source, "Residents called it “the the plan” on Monday.");
        let reasons: Vec<SkipReason> = pass.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(reasons, [SkipReason::InsideQuote, SkipReason::InsideQuote]);
    }

    #[test]
    fn diff_names_the_file() {
        let diff = unified_diff("a.txt", "one\ntwo\n", "one\n2\n");
        assert!(diff.starts_with("--- a/a.txt\n+++ b/a.txt\n@@"), "{diff}");
        assert!(diff.contains("-two\n+2\n"));
        assert_eq!(unified_diff("a.txt", "x", "x"), "");
    }
}
