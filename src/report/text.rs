//! Human output in the style of rustc: `warning[rule]: message`, `--> file:line:col`, the
//! source line with a caret under the span, and a help line. Rendered by annotate-snippets.

use super::FileReport;
use crate::rules::Severity;
use annotate_snippets::{Level, Renderer, Snippet};
use std::io::{self, Write};

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Render every diagnostic of a file.
pub fn render(report: &FileReport, color: bool) -> String {
    let mut out = Vec::new();
    write(&mut out, report, color).expect("writing to memory");
    String::from_utf8(out).expect("rendered text is UTF-8")
}

/// Write every diagnostic of a file, one at a time. Only the lines a span touches are
/// handed to the renderer, so the cost does not grow with the size of the file.
pub fn write(out: &mut impl Write, report: &FileReport, color: bool) -> io::Result<()> {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let doc = &report.doc;
    let path = doc.path.display().to_string();
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
        writeln!(out, "{}\n", renderer.render(message))?;
    }
    Ok(())
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
