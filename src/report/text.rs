//! Human output in the style of rustc: `warning[rule]: message`, `--> file:line:col`, the
//! source line with a caret under the span, and a help line. Rendered by annotate-snippets.

use super::FileReport;
use crate::rules::Severity;
use annotate_snippets::{Level, Renderer, Snippet};
use std::fmt::Write;

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Render every diagnostic of a file. Only the lines a span touches are handed to the
/// renderer, so the cost does not grow with the size of the file.
pub fn render(report: &FileReport, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let doc = &report.doc;
    let path = doc.path.display().to_string();
    let mut out = String::new();
    for d in &report.diagnostics {
        let first = doc.lines.line_of(d.span.start);
        let last = doc.lines.line_of(d.span.end.saturating_sub(1).max(d.span.start));
        let start = doc.lines.line_span(&doc.source, first).start;
        let end = doc.lines.line_span(&doc.source, last).end.max(d.span.end.min(doc.source.len()));
        let source = &doc.source[start..end];
        let range = (d.span.start - start)..(d.span.end.min(end) - start).max(d.span.start - start);
        let label = d.help.as_deref().unwrap_or("");
        let mut message = level(d.severity).title(&d.message).id(d.rule).snippet(
            Snippet::source(source)
                .line_start(first + 1)
                .origin(&path)
                .annotation(level(d.severity).span(range).label("")),
        );
        if !label.is_empty() {
            message = message.footer(Level::Help.title(label));
        }
        let _ = writeln!(out, "{}\n", renderer.render(message));
    }
    out
}

/// The closing line of a run: how many findings of each severity in how many files.
pub fn summary(files: usize, errors: usize, warnings: usize, infos: usize) -> String {
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    format!(
        "{} checked: {}, {}, {}",
        plural(files, "file"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "info")
    )
}
