//! The JSON contract of DESIGN.md and docs/output.md.

use super::FileReport;
use crate::analysis::Analysis;
use crate::attribution::{Attribution, Claim};
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{Document, Span};
use crate::quotes::Quote;
use serde::Serialize;

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub rule: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub help: Option<&'a str>,
    pub fix: Option<&'a Fix>,
}

pub fn diagnostic<'a>(doc: &Document, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let ((line, column), (end_line, end_column)) = doc.lines.line_col_pair(&doc.source, d.span.start, d.span.end);
    JsonDiagnostic {
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        start: d.span.start,
        end: d.span.end,
        line,
        column,
        end_line,
        end_column,
        help: d.help.as_deref(),
        fix: d.fix.as_deref(),
    }
}

#[derive(Serialize)]
pub struct JsonFile<'a> {
    pub path: String,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

pub fn file(report: &FileReport) -> JsonFile<'_> {
    JsonFile {
        path: report.doc.path.display().to_string(),
        diagnostics: report.diagnostics.iter().map(|d| diagnostic(&report.doc, d)).collect(),
    }
}

/// Write one file's object of `files`, the same bytes serde writes for [`file`], one
/// diagnostic at a time: a file with a million findings is never held as a string.
pub fn write_file(out: &mut impl std::io::Write, report: &FileReport) -> std::io::Result<()> {
    out.write_all(b"{\"path\":")?;
    serde_json::to_writer(&mut *out, &report.doc.path.display().to_string())?;
    out.write_all(b",\"diagnostics\":[")?;
    for (i, d) in report.diagnostics.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_diagnostic(out, &diagnostic(&report.doc, d))?;
    }
    out.write_all(b"]}")
}

/// The bytes serde writes for `d` (its fields in order), with strings that need no escape
/// copied whole: serde reads a string a byte at a time through its escape table, and the
/// JSON of a check is nearly as long as its input (-1.6% instructions on the bench's 200
/// files). `written_diagnostic_is_what_serde_writes` holds it to serde.
fn write_diagnostic(out: &mut impl std::io::Write, d: &JsonDiagnostic) -> std::io::Result<()> {
    let mut n = itoa::Buffer::new();
    out.write_all(b"{\"rule\":")?;
    write_str(out, d.rule)?;
    out.write_all(b",\"severity\":")?;
    write_str(out, d.severity)?;
    out.write_all(b",\"message\":")?;
    write_str(out, d.message)?;
    for (key, value) in [
        (&b",\"start\":"[..], d.start),
        (b",\"end\":", d.end),
        (b",\"line\":", d.line),
        (b",\"column\":", d.column),
        (b",\"end_line\":", d.end_line),
        (b",\"end_column\":", d.end_column),
    ] {
        out.write_all(key)?;
        out.write_all(n.format(value).as_bytes())?;
    }
    out.write_all(b",\"help\":")?;
    match d.help {
        Some(help) => write_str(out, help)?,
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\"fix\":")?;
    match d.fix {
        Some(fix) => serde_json::to_writer(&mut *out, fix)?,
        None => out.write_all(b"null")?,
    }
    out.write_all(b"}")
}

/// A JSON string as serde writes it: as it is between quotes when no byte needs an escape
/// (a control character, `"` or `\\`), else through serde.
fn write_str(out: &mut impl std::io::Write, s: &str) -> std::io::Result<()> {
    if needs_escape(s.as_bytes()) {
        return Ok(serde_json::to_writer(&mut *out, s)?);
    }
    out.write_all(b"\"")?;
    out.write_all(s.as_bytes())?;
    out.write_all(b"\"")
}

/// Whether serde escapes any byte of `bytes`; sixteen bytes at a time, without a branch
/// per byte.
fn needs_escape(bytes: &[u8]) -> bool {
    let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | escaped(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| escaped(b))
}

/// A file that could not be read.
#[derive(Serialize)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

#[derive(Serialize, Default)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Serialize)]
pub struct Summary {
    pub files: usize,
    pub diagnostics: Counts,
    pub input_errors: Vec<InputError>,
}

#[derive(Serialize)]
pub struct CheckOutput<'a> {
    pub version: u32,
    pub files: Vec<JsonFile<'a>>,
    pub summary: Summary,
}

/// One quote in the contract's shape.
#[derive(Serialize)]
pub struct JsonQuote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_span: Option<Span>,
    pub cue: Option<String>,
    pub source_type: &'static str,
    pub via: Option<String>,
    /// A page's pull quote, the story's words repeated for display (HTML).
    pub pull_quote: bool,
}

pub fn quote(doc: &Document, q: &Quote, a: &Attribution) -> JsonQuote {
    JsonQuote {
        start: q.span.start,
        end: q.span.end,
        text: q.written(doc),
        speaker: a.speaker.clone(),
        speaker_span: a.speaker_span,
        cue: a.cue.clone(),
        source_type: a.source_type.as_str(),
        via: a.via.clone(),
        pull_quote: false,
    }
}

/// Every quote of an analysed article in file order: the story's and its pull quotes.
pub fn quotes(a: &Analysis) -> Vec<JsonQuote> {
    let story = a.quotes.quotes.iter().zip(&a.attributions.quotes).map(|(q, at)| quote(&a.doc, q, at));
    if a.doc.pull_quotes.is_empty() {
        return story.collect();
    }
    let mut list: Vec<JsonQuote> = story
        .chain(a.doc.pull_quotes.iter().zip(&a.attributions.pull_quotes).map(|(p, at)| JsonQuote {
            start: p.span.start,
            end: p.span.end,
            text: p.text.clone(),
            speaker: at.speaker.clone(),
            speaker_span: at.speaker_span,
            cue: at.cue.clone(),
            source_type: at.source_type.as_str(),
            via: at.via.clone(),
            pull_quote: true,
        }))
        .collect();
    list.sort_by_key(|q| q.start);
    list
}

/// One paraphrased claim: "the ministry said", "according to the report".
#[derive(Serialize)]
pub struct JsonClaim {
    pub start: usize,
    pub end: usize,
    /// The source's mention and verb as written.
    pub text: String,
    pub source: Option<String>,
    pub cue: String,
    pub source_type: &'static str,
}

pub fn claim(doc: &Document, c: &Claim) -> JsonClaim {
    JsonClaim {
        start: c.span.start,
        end: c.span.end,
        text: doc.written(c.span).into_owned(),
        source: c.source.clone(),
        cue: doc.text(c.cue).to_string(),
        source_type: c.source_type.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::confusables::Checker;
    use crate::document::Format;

    #[test]
    fn written_file_is_what_serde_writes() {
        let text = "The council approved the the budget.\n\n\"We are done,\" she said.\n\n\u{201c}Next year\u{201d} said the mayor\n";
        let doc = Document::parse(std::path::Path::new("desk/a \"b\".txt"), text.to_string(), Format::Text);
        let (analysis, diagnostics) = crate::check(doc, &Config::default(), Checker::embedded());
        let report = FileReport { doc: analysis.doc, diagnostics };
        assert!(report.diagnostics.len() >= 3, "{:?}", report.diagnostics);
        assert!(report.diagnostics.iter().any(|d| d.fix.is_some() && d.help.is_some()));
        let mut written = Vec::new();
        write_file(&mut written, &report).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(&file(&report)).unwrap());
    }

    #[test]
    fn written_diagnostic_is_what_serde_writes() {
        let fix = Fix::safe(Span::new(3, 9), "a \"b\" \\ c\u{1}");
        let mut strings: Vec<String> =
            ["", "plain words", "“curly” ’s — é 日本", "\u{7f} \u{80} \u{ffff}", "x\"", "\\"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        for b in 0u8..0x20 {
            strings.push(format!("{} ends {}", char::from(b), char::from(b)));
            strings.push(format!("sixteen bytes ok{}", char::from(b)));
        }
        for n in 0..40 {
            strings.push(format!("{}\"{}", "a".repeat(n), "b".repeat(40 - n)));
            strings.push(format!("{}\\", "z".repeat(n)));
        }
        for (i, text) in strings.iter().enumerate() {
            let d = JsonDiagnostic {
                rule: "repeated-word",
                severity: "warning",
                message: text,
                start: i,
                end: i * 1_000_003,
                line: usize::MAX,
                column: 0,
                end_line: 10,
                end_column: 99_999,
                help: (i % 2 == 0).then_some(text.as_str()),
                fix: (i % 3 == 0).then_some(&fix),
            };
            let mut written = Vec::new();
            write_diagnostic(&mut written, &d).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(&d).unwrap(), "{text:?}");
        }
    }
}
