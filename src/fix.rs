//! Applying safe fixes (`--fix`, `--diff`).
//!
//! Only fixes marked [`Applicability::Safe`] are applied, and never an edit inside the words
//! of a quote: the rules already mark those unsafe, and this module checks again against the
//! quotes the analysis found. The one exception is an edit that replaces exactly a quote's
//! own opening or closing mark (mixed-quote-marks): marks are not words. A fix that overlaps
//! a fix already taken in the same pass is skipped; the article is analysed again and the
//! next pass takes it if it still applies, until a pass changes nothing. So the result is a
//! fixed point: fixing it again changes nothing.

use crate::document::{floor_char_boundary, LineIndex, Span};
use crate::quotes::Quote;
use crate::rules::{Applicability, Diagnostic, Edit};
use std::io::Write;
use std::path::Path;

/// Passes before giving up on fixes that keep producing new fixes.
pub const MAX_PASSES: usize = 10;

/// Why a safe fix was not applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// It overlaps a fix taken earlier in the same pass.
    Overlap,
    /// An edit falls inside the words of a quote.
    InsideQuote,
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
}

/// Apply the safe fixes of `diagnostics` to `source` once.
pub fn apply_once(source: &str, diagnostics: &[Diagnostic], quotes: &[Quote]) -> Pass {
    let lines = LineIndex::new(source);
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut skipped = Vec::new();
    for d in diagnostics {
        let Some(fix) = d.fix.as_ref().filter(|f| f.applicability == Applicability::Safe) else { continue };
        let reason = if fix.edits.iter().any(|e| !fits(source, e)) {
            Some(SkipReason::Invalid)
        } else if fix.edits.iter().any(|e| inside_quote_words(e, quotes)) {
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
    Pass { source: out, applied, skipped }
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

/// Fix `source` until a pass changes nothing. `analyse` returns the findings (suppressions
/// already applied) and quotes of a text.
pub fn fix_all(source: String, mut analyse: impl FnMut(&str) -> (Vec<Diagnostic>, Vec<Quote>)) -> Outcome {
    let mut outcome = Outcome { source, applied: 0, overlaps: Vec::new(), refused: Vec::new(), converged: false };
    for _ in 0..MAX_PASSES {
        let (diagnostics, quotes) = analyse(&outcome.source);
        let pass = apply_once(&outcome.source, &diagnostics, &quotes);
        let (overlaps, refused): (Vec<Skipped>, Vec<Skipped>) =
            pass.skipped.into_iter().partition(|s| s.reason == SkipReason::Overlap);
        outcome.overlaps.extend(overlaps);
        outcome.refused = refused;
        if pass.applied == 0 || pass.source == outcome.source {
            outcome.converged = true;
            return outcome;
        }
        outcome.applied += pass.applied;
        outcome.source = pass.source;
    }
    outcome
}

fn fits(source: &str, e: &Edit) -> bool {
    e.start <= e.end
        && e.end <= source.len()
        && floor_char_boundary(source, e.start) == e.start
        && floor_char_boundary(source, e.end) == e.end
}

/// Whether an edit touches the quoted words of any quote (an edit of exactly one of a
/// quote's own marks does not).
fn inside_quote_words(e: &Edit, quotes: &[Quote]) -> bool {
    let span = Span::new(e.start, e.end);
    let is_mark = quotes.iter().any(|q| q.open.span == span || q.close.is_some_and(|c| c.span == span));
    if is_mark {
        return false;
    }
    quotes.iter().any(|q| {
        let inner = q.inner();
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

/// Replace a file's contents: write a temporary file in the same directory, give it the
/// original's permissions, and rename it over the original.
pub fn write_in_place(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::Builder::new().prefix(".onrecord-fix").tempfile_in(dir)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), permissions)?;
    tmp.persist(path).map_err(|e| e.error)?;
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
    use crate::rules::{Fix, Severity};

    fn d(rule: &'static str, start: usize, end: usize, replacement: &str, safe: bool) -> Diagnostic {
        let span = Span::new(start, end);
        Diagnostic {
            rule,
            severity: Severity::Warning,
            message: "".into(),
            span,
            help: None,
            fix: Some(if safe { Fix::safe(span, replacement) } else { Fix::unsafe_(span, replacement) }),
        }
    }

    #[test]
    fn applies_safe_fixes_only_and_skips_overlaps() {
        let text = "one two three four";
        let pass = apply_once(
            text,
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
        let pass = apply_once(text, &[d("a", 1, 2, "e", true), d("b", 0, 9, "e", true)], &[]);
        assert_eq!(pass.source, text);
        assert!(pass.skipped.iter().all(|s| s.reason == SkipReason::Invalid));
    }

    #[test]
    fn never_edits_the_words_of_a_quote_but_may_replace_its_marks() {
        use crate::document::{Document, Format};
        let text = "Residents called it \"the the plan\" on Monday.";
        let analysis = crate::analyze(Document::parse("a.txt".as_ref(), text.to_string(), Format::Text));
        let quotes = &analysis.quotes.quotes;
        assert_eq!(quotes.len(), 1);
        let (open, close) = (quotes[0].open.span, quotes[0].close.unwrap().span);
        let words = text.find("the the").unwrap();
        let pass = apply_once(
            text,
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
