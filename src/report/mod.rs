//! Emitters: text (rustc-style), JSON, SARIF 2.1.0, GitHub Actions annotations. Emitters
//! know nothing about rules beyond the catalogue entries they are handed.

pub mod github;
pub mod json;
pub mod sarif;
pub mod text;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use std::io::{self, Write};
use std::path::Path;

/// A checked file and its findings, ready for an emitter.
pub struct FileReport {
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// A path as CI tools want it: relative to the working directory when it is under it,
/// with `/` separators.
pub fn relative_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let text = relative.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// The output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-style diagnostics with the source line.
    Text { color: bool },
    /// The JSON contract of docs/output.md.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
}

/// A file's findings rendered on a worker thread, for [`Emitter::write`] in input order.
pub enum Rendered {
    Bytes(Vec<u8>),
    Sarif(Vec<sarif::SarifResult>),
}

/// What a run ends with: files checked, findings by severity, inputs that failed.
pub struct Summary<'a> {
    pub files: usize,
    pub counts: json::Counts,
    pub input_errors: &'a [(std::path::PathBuf, String)],
}

/// Writes one run's report in one format: a start, each file in input order, an end. Files
/// are rendered in parallel ([`Emitter::render`]) and written in order; a large file is
/// written straight to the output ([`Emitter::write_file`]), never held as one string.
pub struct Emitter {
    format: Format,
    rules: Vec<sarif::RuleMeta>,
    files: usize,
    sarif: Vec<sarif::SarifResult>,
}

impl Emitter {
    /// `rules` is the catalogue SARIF describes (other formats ignore it).
    pub fn new(format: Format, rules: Vec<sarif::RuleMeta>) -> Emitter {
        Emitter { format, rules, files: 0, sarif: Vec::new() }
    }

    pub fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.format == Format::Json {
            // The same bytes serde writes for `json::CheckOutput`, one file at a time.
            write!(out, "{{\"version\":1,\"files\":[")?;
        }
        Ok(())
    }

    /// Render one file's findings (on any thread).
    pub fn render(&self, report: &FileReport) -> io::Result<Rendered> {
        if self.format == Format::Sarif {
            return Ok(Rendered::Sarif(sarif::results(report, &self.rules)));
        }
        // Room for the findings as they are usually written (about 330 bytes each in JSON),
        // so that the buffer is not grown and copied step by step.
        let mut out = Vec::with_capacity(256 + 384 * report.diagnostics.len());
        if self.format == Format::Json {
            // Straight into the vector, not through `dyn Write`: serde writes a diagnostic
            // in dozens of small pieces, and each would be a call through the vtable.
            json::write_file(&mut out, report)?;
        } else {
            self.render_to(&mut out, report)?;
        }
        Ok(Rendered::Bytes(out))
    }

    fn render_to(&self, mut out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        match self.format {
            Format::Json => json::write_file(&mut out, report),
            Format::Github => github::write(&mut out, report),
            Format::Text { color } => text::write(&mut out, report, color),
            // SARIF is one document: its results are kept until `finish`.
            Format::Sarif => Ok(()),
        }
    }

    /// Write a rendered file, in input order.
    pub fn write(&mut self, out: &mut dyn Write, rendered: Rendered) -> io::Result<()> {
        self.separator(out)?;
        match rendered {
            Rendered::Bytes(bytes) => out.write_all(&bytes),
            Rendered::Sarif(results) => {
                self.sarif.extend(results);
                Ok(())
            }
        }
    }

    /// Render and write a file straight to the output, in input order.
    pub fn write_file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        self.separator(out)?;
        if self.format == Format::Sarif {
            self.sarif.extend(sarif::results(report, &self.rules));
            return Ok(());
        }
        self.render_to(out, report)
    }

    fn separator(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.format == Format::Json && self.files > 0 {
            write!(out, ",")?;
        }
        self.files += 1;
        Ok(())
    }

    /// Close the report with the run's summary.
    pub fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let counts = &summary.counts;
        match self.format {
            Format::Json => {
                let summary = json::Summary {
                    files: summary.files,
                    diagnostics: json::Counts { error: counts.error, warning: counts.warning, info: counts.info },
                    input_errors: summary
                        .input_errors
                        .iter()
                        .map(|(p, m)| json::InputError { path: p.display().to_string(), message: m.clone() })
                        .collect(),
                };
                write!(out, "],\"summary\":")?;
                serde_json::to_writer(&mut *out, &summary)?;
                writeln!(out, "}}")?;
            }
            Format::Sarif => {
                let input_errors: Vec<sarif::InputError> = summary
                    .input_errors
                    .iter()
                    .map(|(p, m)| sarif::InputError { path: relative_path(p), message: m.clone() })
                    .collect();
                let log = sarif::log(std::mem::take(&mut self.sarif), &self.rules, &input_errors);
                serde_json::to_writer_pretty(&mut *out, &log)?;
                writeln!(out)?;
            }
            Format::Text { .. } => {
                writeln!(out, "{}", text::summary(summary.files, counts.error, counts.warning, counts.info))?;
            }
            Format::Github => {}
        }
        Ok(())
    }
}
