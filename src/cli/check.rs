//! `onrecord check`: one path for reporting, `--fix` and `--diff`. Files are checked in
//! parallel a batch at a time and written in input order as each batch ends, so memory holds
//! one batch of rendered output whatever the number of files; a large file is a batch of
//! its own, its findings written straight to the output.

use super::args::{Color, FailOn};
use super::inputs::{self, InputError, Stdin};
use super::settings::Settings;
use anyhow::Result;
use onrecord::diagnostic::{Diagnostic, Severity};
use onrecord::document::Document;
use onrecord::fix::{self, SkipReason};
use onrecord::report::{json, Emitter, FileReport, Format, Rendered, Summary};
use onrecord::suppress;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `check` does with what it finds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Report,
    /// Apply the safe fixes in place, then report what is left.
    Fix,
    /// Print the safe fixes as a unified diff; write nothing.
    Diff,
}

/// Batch size: files checked in parallel before their output is written.
const BATCH: usize = 256;

/// A file at least this large is checked on its own and its findings are written
/// straight to the output, never held as one string.
const LARGE_FILE: u64 = 4 << 20;

/// The text format's colour choice, resolved against the terminal.
pub fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never,
    }
}

/// Everything one run of `check` needs besides its files.
pub struct Run<'a> {
    pub settings: &'a [Settings],
    pub stdin: &'a Stdin,
    pub mode: Mode,
    pub format: Format,
    pub fail_on: FailOn,
    pub catalogue: Vec<onrecord::report::sarif::RuleMeta>,
}

/// What checking one file produced, ready to be written in input order.
struct Done {
    counts: json::Counts,
    /// The rendered report, or the report itself for a large file.
    rendered: Option<Rendered>,
    report: Option<FileReport>,
    /// `--diff`: the diff of the fixes.
    diff: Option<String>,
    notes: Vec<String>,
    fixed: usize,
    changed: bool,
    /// `--fix` of standard input: the fixed text, for standard output.
    fixed_stdin: Option<String>,
}

/// Check `files` (each with the index of its settings) and write the report; the exit status.
pub fn run(mut run: Run, files: &[PathBuf], which: &[usize], mut errors: Vec<InputError>) -> Result<ExitCode> {
    let stdin_fixed = run.mode == Mode::Fix && files.iter().any(|f| inputs::is_stdin(f));
    let stdout = std::io::stdout();
    // Fixing standard input: the fixed text goes to standard output, the report to stderr.
    let mut out: Box<dyn Write> = if stdin_fixed {
        Box::new(std::io::BufWriter::new(std::io::stderr().lock()))
    } else {
        Box::new(std::io::BufWriter::new(stdout.lock()))
    };
    let mut emitter = Emitter::new(run.format, std::mem::take(&mut run.catalogue));
    let report_out = run.mode != Mode::Diff;
    if report_out {
        emitter.start(&mut out)?;
    }
    let mut counts = json::Counts::default();
    let (mut checked, mut fixed, mut changed) = (0, 0, 0);
    let mut i = 0;
    while i < files.len() {
        let large = |f: &PathBuf| run.stdin.size(f) >= LARGE_FILE;
        let end = if large(&files[i]) {
            i + 1
        } else {
            let mut end = i + 1;
            while end < files.len() && end - i < BATCH && !large(&files[end]) {
                end += 1;
            }
            end
        };
        let alone = end == i + 1 && large(&files[i]);
        let results: Vec<Result<Done, String>> = files[i..end]
            .par_iter()
            .zip(&which[i..end])
            .map(|(f, &si)| check_file(&run, &emitter, f, &run.settings[si], alone))
            .collect();
        for (f, result) in files[i..end].iter().zip(results) {
            let done = match result {
                Ok(done) => done,
                Err(message) => {
                    eprintln!("onrecord: error: {message}");
                    // The report carries the reason too, without the path it already names.
                    let path = f.display().to_string();
                    let reason = message.strip_prefix(&format!("{path}: ")).unwrap_or(&message).to_string();
                    errors.push((f.clone(), reason));
                    continue;
                }
            };
            for note in &done.notes {
                eprintln!("onrecord: {note}");
            }
            counts.error += done.counts.error;
            counts.warning += done.counts.warning;
            counts.info += done.counts.info;
            checked += 1;
            fixed += done.fixed;
            changed += usize::from(done.changed);
            if let Some(text) = &done.fixed_stdin {
                stdout.lock().write_all(text.as_bytes())?;
            }
            if let Some(diff) = &done.diff {
                stdout.lock().write_all(diff.as_bytes())?;
            }
            if report_out {
                match (done.rendered, &done.report) {
                    (Some(rendered), _) => emitter.write(&mut out, rendered)?,
                    (None, Some(report)) => emitter.write_file(&mut out, report)?,
                    (None, None) => {}
                }
            }
        }
        i = end;
    }
    match run.mode {
        Mode::Diff => {
            eprintln!("onrecord: {fixed} {} would change {changed} {}", plural(fixed, "fix"), plural(changed, "file"));
            return Ok(finish(files, &errors, &counts, run.fail_on));
        }
        Mode::Fix => {
            eprintln!("onrecord: fixed {fixed} {} in {changed} {}", plural(fixed, "finding"), plural(changed, "file"));
        }
        Mode::Report => {}
    }
    let summary = Summary { files: checked, counts, input_errors: &errors };
    emitter.finish(&mut out, &summary)?;
    out.flush()?;
    drop(out);
    Ok(finish(files, &errors, &summary.counts, run.fail_on))
}

/// Check one file in the run's mode; render its report unless it is to be written alone.
fn check_file(run: &Run, emitter: &Emitter, path: &Path, settings: &Settings, alone: bool) -> Result<Done, String> {
    let doc = run.stdin.document_for_check(path)?;
    let is_stdin = inputs::is_stdin(path);
    let Checked { report, original, fixed, notes, as_read } = check_one(doc, settings, run.mode);
    if run.mode == Mode::Fix && !is_stdin {
        if let Some(original) = &original {
            fix::write_in_place(path, original, &report.doc.source).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let mut done = Done {
        // `--diff` writes nothing: its exit status is that of the files as they are.
        counts: if run.mode == Mode::Diff { as_read } else { count(&report.diagnostics) },
        rendered: None,
        report: None,
        diff: None,
        notes,
        fixed,
        changed: original.is_some(),
        fixed_stdin: None,
    };
    match run.mode {
        Mode::Diff => {
            if let Some(original) = &original {
                let shown = onrecord::report::relative_path(&report.doc.path);
                done.diff = Some(fix::unified_diff(&shown, original, &report.doc.source));
            }
        }
        Mode::Fix if is_stdin => done.fixed_stdin = Some(report.doc.source.clone()),
        _ => {}
    }
    if run.mode != Mode::Diff {
        if alone {
            done.report = Some(report);
        } else {
            done.rendered = Some(emitter.render(&report).map_err(|e| e.to_string())?);
        }
    }
    Ok(done)
}

/// Check a document with its settings: rules, then suppressions.
fn check_doc(doc: Document, settings: &Settings) -> (onrecord::Analysis, Vec<Diagnostic>) {
    let (analysis, diagnostics) = onrecord::check(doc, &settings.config, settings.checker());
    let diagnostics = suppress::apply(&analysis.doc, diagnostics, &settings.config);
    (analysis, diagnostics)
}

/// Check one document; with fixes, fix it to a fixed point first.
fn check_one(doc: Document, settings: &Settings, mode: Mode) -> Checked {
    if mode == Mode::Report {
        let (analysis, diagnostics) = check_doc(doc, settings);
        let as_read = count(&diagnostics);
        let report = FileReport { doc: analysis.doc, diagnostics };
        return Checked { report, original: None, fixed: 0, notes: Vec::new(), as_read };
    }
    let (path, format) = (doc.path.clone(), doc.format);
    let shown = path.display().to_string();
    let mut as_read = None;
    let outcome = fix::fix_all(doc.source.clone(), |text| {
        let checked = check_doc(Document::parse(&path, text.to_string(), format), settings);
        as_read.get_or_insert_with(|| count(&checked.1));
        checked
    });
    let mut notes = Vec::new();
    for s in &outcome.overlaps {
        notes.push(format!(
            "note: {shown}:{}:{}: the fix for {} overlaps another fix; skipped in that pass",
            s.line, s.column, s.rule
        ));
    }
    for s in &outcome.refused {
        let why = match s.reason {
            SkipReason::InsideQuote => "it would change the words of a quote",
            SkipReason::Markup => "it would change markup or part of a character reference",
            _ => "its edit does not fit the text",
        };
        notes.push(format!("note: {shown}:{}:{}: safe fix for {} not applied: {why}", s.line, s.column, s.rule));
    }
    if !outcome.converged {
        notes.push(format!("warning: {shown}: fixes still changed the text after {} passes", fix::MAX_PASSES));
    }
    let fixed = outcome.applied;
    let original = (outcome.source != doc.source).then(|| doc.source.clone());
    let (analysis, diagnostics) = check_doc(Document::parse(&path, outcome.source, format), settings);
    Checked {
        report: FileReport { doc: analysis.doc, diagnostics },
        original,
        fixed,
        notes,
        as_read: as_read.unwrap_or_default(),
    }
}

/// What checking one document produced.
struct Checked {
    /// The report of the text as fixed (as read, when nothing was fixed).
    report: FileReport,
    /// The text as read, when fixes changed it.
    original: Option<String>,
    /// Fixes applied.
    fixed: usize,
    /// Fixes not applied, and why.
    notes: Vec<String>,
    /// The findings of the text as read, by severity.
    as_read: json::Counts,
}

/// Report input errors not yet printed, and the exit status: 2 for input errors, 1 for
/// findings at or above `--fail-on`, else 0.
fn finish(files: &[PathBuf], errors: &[InputError], counts: &json::Counts, fail_on: FailOn) -> ExitCode {
    inputs::report_errors(&errors.iter().filter(|(p, _)| !files.contains(p)).cloned().collect::<Vec<_>>());
    if !errors.is_empty() {
        return ExitCode::from(2);
    }
    let failing = match fail_on {
        FailOn::Never => false,
        FailOn::Error => counts.error > 0,
        FailOn::Warning => counts.error + counts.warning > 0,
        FailOn::Info => counts.error + counts.warning + counts.info > 0,
    };
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn count(diagnostics: &[Diagnostic]) -> json::Counts {
    let mut counts = json::Counts::default();
    for d in diagnostics {
        match d.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
        }
    }
    counts
}

fn plural(n: usize, word: &str) -> String {
    match (n, word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh")) {
        (1, _) => word.to_string(),
        (_, true) => format!("{word}es"),
        (_, false) => format!("{word}s"),
    }
}
