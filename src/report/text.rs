//! Human output in the style of rustc: `warning[rule]: message`, `--> file:line:col`, the
//! source line with a caret under the span, and a help line. Rendered by annotate-snippets.

use super::FileReport;
use crate::diagnostic::Severity;
use crate::document::floor_char_boundary;
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

/// Bytes of the line kept on each side of a span: the renderer trims a long line to the
/// terminal's width anyway, and handing it the whole line would cost time in proportion
/// to the line for every finding on it.
const CONTEXT: usize = 1024;
/// A span longer than this is shown from its start to this length.
const LONGEST: usize = 16 * 1024;

/// Write every diagnostic of a file, one at a time. Only a window of the lines a span
/// touches is handed to the renderer, so the cost does not grow with the size of the file
/// or the length of its lines.
pub fn write(out: &mut impl Write, report: &FileReport, color: bool) -> io::Result<()> {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let doc = &report.doc;
    let text = &doc.source;
    let path = doc.path.display().to_string();
    for d in &report.diagnostics {
        let span_start = floor_char_boundary(text, d.span.start.min(text.len()));
        let span_end = floor_char_boundary(text, d.span.end.min(text.len()).min(span_start + LONGEST)).max(span_start);
        let first = doc.lines.line_of(span_start);
        let last = doc.lines.line_of(span_end.saturating_sub(1).max(span_start));
        let line_start = doc.lines.line_span(text, first).start;
        let line_end = doc.lines.line_span(text, last).end.max(span_end);
        let start = floor_char_boundary(text, span_start.saturating_sub(CONTEXT)).max(line_start);
        let end = ceil_char_boundary(text, (span_end + CONTEXT).min(line_end));
        // Tabs as the spaces the renderer would show, so the underline sits under the words.
        let (window, range) = expand_tabs(&text[start..end], span_start - start, span_end - start);
        let label = d.help.as_deref().unwrap_or("");
        let mut message = level(d.severity).title(&d.message).id(d.rule).snippet(
            Snippet::source(&window)
                .line_start(first + 1)
                .origin(&path)
                .annotation(level(d.severity).span(range).label("")),
        );
        if !label.is_empty() {
            message = message.footer(Level::Help.title(label));
        }
        let rendered = renderer.render(message).to_string();
        // The renderer counts the column from the window's start: put the file's in.
        let (line, column) = doc.lines.line_col(text, span_start);
        writeln!(out, "{}\n", with_location(&rendered, line, column))?;
    }
    Ok(())
}

/// The rendered diagnostic with the column of its `--> path:line:col` line replaced.
fn with_location(rendered: &str, line: usize, column: usize) -> String {
    let mut out = String::with_capacity(rendered.len() + 8);
    for (i, l) in rendered.split_inclusive('\n').enumerate() {
        match (i, l.trim_end_matches('\n').rsplit_once(':')) {
            (1, Some((head, _))) if head.ends_with(&format!(":{line}")) => {
                out.push_str(head);
                out.push_str(&format!(":{column}"));
                if l.ends_with('\n') {
                    out.push('\n');
                }
            }
            _ => out.push_str(l),
        }
    }
    out
}

/// `text` with each tab replaced by four spaces, and `start..end` moved to match.
fn expand_tabs(text: &str, start: usize, end: usize) -> (std::borrow::Cow<'_, str>, std::ops::Range<usize>) {
    if !text.contains('\t') {
        return (std::borrow::Cow::Borrowed(text), start..end);
    }
    let shift = |at: usize| at + 3 * text[..at].matches('\t').count();
    (std::borrow::Cow::Owned(text.replace('\t', "    ")), shift(start)..shift(end))
}

fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset.min(text.len())
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
