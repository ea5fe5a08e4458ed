//! The onrecord command line: parse arguments, call the library, map outcomes to exit codes.

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use onrecord::config::Config;
use onrecord::confusables::{Checker, ConfusionSets};
use onrecord::document::{Document, Format};
use onrecord::report::{json, text, FileReport};
use onrecord::rules::{self, Severity};
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "onrecord", version, about = "Attribution and sourcing checker for news copy")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(clap::Args)]
struct Inputs {
    /// Files or directories (directories are walked for .txt, .md, .markdown, .html).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Extra confusion sets, one set per line (same format as data/confusables.txt).
    #[arg(long)]
    confusables: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles and report findings.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
        /// Lowest severity that makes the exit status 1.
        #[arg(long, value_enum, default_value = "error")]
        fail_on: FailOn,
        /// Colour in text output: auto, always, never.
        #[arg(long, default_value = "auto")]
        color: String,
    },
    /// List every quote with its speaker.
    Quotes {
        /// Files or directories.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
        /// Read JSON lines {"id","text"} on standard input, write {"id","quotes"} per line.
        #[arg(long)]
        jsonl: bool,
    },
    /// List the people and bodies an article cites, with every mention.
    Entities {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
    /// The sourcing summary: who is quoted, how often, of which kind of source.
    Sources {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
    /// List the rules.
    Rules,
    /// Print a rule's documentation.
    Explain { rule: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("onrecord: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check { inputs, format, fail_on, color } => check(inputs, format, fail_on, &color),
        Command::Quotes { paths, format, jsonl } => {
            if jsonl {
                quotes_jsonl()
            } else {
                quotes(&paths, format)
            }
        }
        Command::Entities { paths, format } => entities(&paths, format),
        Command::Sources { paths, format } => sources(&paths, format),
        Command::Rules => {
            for r in rules::registry() {
                let fix = if r.fixable() { "fix" } else { "   " };
                println!("{:<32} {:<8} {} {}", r.id(), r.severity().as_str(), fix, rules::summary(*r));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => match rules::by_id(&rule) {
            Some(r) => {
                println!("# {}\n\nDefault severity: {}\n\n{}", r.id(), r.severity().as_str(), r.doc());
                Ok(ExitCode::SUCCESS)
            }
            None => {
                eprintln!("onrecord: error: no rule '{rule}'; `onrecord rules` lists them");
                Ok(ExitCode::from(2))
            }
        },
    }
}

/// Whether a path found by walking a directory is an article.
fn is_article(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown" | "html" | "htm")
    )
}

/// Expand directories (walked the way git does: .gitignore respected, hidden skipped);
/// paths that do not exist and directories without articles become input errors.
fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            for entry in ignore::WalkBuilder::new(path).build().flatten() {
                if entry.file_type().is_some_and(|t| t.is_file()) && is_article(entry.path()) {
                    files.push(entry.into_path());
                }
            }
            files[before..].sort();
            if files.len() == before {
                errors.push((path.clone(), "directory contains no articles (.txt, .md, .markdown, .html)".to_string()));
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            errors.push((path.clone(), "no such file or directory".to_string()));
        }
    }
    (files, errors)
}

/// Read every file in parallel, in input order.
fn read_all(files: &[PathBuf]) -> Vec<Result<Document, onrecord::error::Error>> {
    files.par_iter().map(|p| onrecord::read_path(p)).collect()
}

fn report_input_errors(errors: &[(PathBuf, String)]) {
    for (path, message) in errors {
        eprintln!("onrecord: error: {}: {message}", path.display());
    }
}

fn check(inputs: Inputs, format: OutputFormat, fail_on: FailOn, color: &str) -> Result<ExitCode> {
    let config = Config::default();
    let checker: Checker;
    let confusables: &Checker = match &inputs.confusables {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            let sets = ConfusionSets::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            checker = Checker::with_extra(&sets);
            &checker
        }
        None => Checker::embedded(),
    };
    let (files, mut errors) = expand(&inputs.paths);
    let reports: Vec<FileReport> = read_all(&files)
        .into_par_iter()
        .filter_map(|r| match r {
            Ok(doc) => {
                let (analysis, diagnostics) = onrecord::check(doc, &config, confusables);
                Some(FileReport { doc: analysis.doc, diagnostics })
            }
            Err(e) => {
                eprintln!("onrecord: error: {e}");
                None
            }
        })
        .collect();
    for (f, r) in files.iter().zip(read_all_errors(&files, &reports)) {
        if let Some(msg) = r {
            errors.push((f.clone(), msg));
        }
    }
    let mut counts = json::Counts::default();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        match d.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        OutputFormat::Json => {
            let output = json::CheckOutput {
                version: 1,
                files: reports.iter().map(json::file).collect(),
                summary: json::Summary {
                    files: reports.len(),
                    diagnostics: json::Counts { error: counts.error, warning: counts.warning, info: counts.info },
                    input_errors: errors
                        .iter()
                        .map(|(p, m)| json::InputError { path: p.display().to_string(), message: m.clone() })
                        .collect(),
                },
            };
            serde_json::to_writer(&mut out, &output)?;
            writeln!(out)?;
        }
        OutputFormat::Text => {
            let color = match color {
                "always" => true,
                "never" => false,
                _ => anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never,
            };
            for r in &reports {
                write!(out, "{}", text::render(r, color))?;
            }
            writeln!(out, "{}", text::summary(reports.len(), counts.error, counts.warning, counts.info))?;
        }
    }
    report_input_errors(&errors.iter().filter(|(p, _)| !files.contains(p)).cloned().collect::<Vec<_>>());
    if !errors.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let failing = match fail_on {
        FailOn::Never => false,
        FailOn::Error => counts.error > 0,
        FailOn::Warning => counts.error + counts.warning > 0,
        FailOn::Info => counts.error + counts.warning + counts.info > 0,
    };
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Which input files failed to read (already reported on stderr as they were read).
fn read_all_errors(files: &[PathBuf], reports: &[FileReport]) -> Vec<Option<String>> {
    files
        .iter()
        .map(|f| if reports.iter().any(|r| &r.doc.path == f) { None } else { Some("could not be checked".to_string()) })
        .collect()
}

/// Analyse the given paths; input errors are printed and make the exit status 2.
fn analyse_paths(paths: &[PathBuf]) -> (Vec<onrecord::Analysis>, bool) {
    let (files, errors) = expand(paths);
    report_input_errors(&errors);
    let mut failed = !errors.is_empty();
    let mut out = Vec::new();
    for r in read_all(&files).into_par_iter().map(|r| r.map(onrecord::analyze)).collect::<Vec<_>>() {
        match r {
            Ok(a) => out.push(a),
            Err(e) => {
                eprintln!("onrecord: error: {e}");
                failed = true;
            }
        }
    }
    (out, failed)
}

fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(serde::Serialize)]
struct QuotesFile {
    path: String,
    quotes: Vec<json::JsonQuote>,
}

fn quote_list(a: &onrecord::Analysis) -> Vec<json::JsonQuote> {
    a.quotes.quotes.iter().zip(&a.attributions.quotes).map(|(q, at)| json::quote(&a.doc, q, at)).collect()
}

fn quotes(paths: &[PathBuf], format: OutputFormat) -> Result<ExitCode> {
    if paths.is_empty() {
        anyhow::bail!("quotes needs a file or directory, or --jsonl to read standard input");
    }
    let (analyses, failed) = analyse_paths(paths);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for a in &analyses {
        let list = quote_list(a);
        match format {
            OutputFormat::Json => {
                serde_json::to_writer(&mut out, &QuotesFile { path: a.doc.path.display().to_string(), quotes: list })?;
                writeln!(out)?;
            }
            OutputFormat::Text => {
                writeln!(out, "{}", a.doc.path.display())?;
                for q in list {
                    let (line, col) = a.doc.lines.line_col(&a.doc.source, q.start);
                    let speaker = q.speaker.as_deref().unwrap_or("(no speaker)");
                    let via = q.via.map(|v| format!(" via {v}")).unwrap_or_default();
                    writeln!(out, "  {line}:{col}  {speaker} [{}]{via}: “{}”", q.source_type, q.text)?;
                }
            }
        }
    }
    Ok(exit(failed))
}

#[derive(serde::Deserialize)]
struct JsonlIn {
    id: serde_json::Value,
    text: String,
}

fn quotes_jsonl() -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value = match serde_json::from_str::<JsonlIn>(&line) {
            Ok(input) => {
                let doc = Document::parse(Path::new("-"), input.text, Format::Text);
                let a = onrecord::analyze(doc);
                serde_json::json!({"id": input.id, "quotes": quote_list(&a)})
            }
            Err(e) => {
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or(serde_json::Value::Null);
                serde_json::json!({"id": id, "error": format!("bad input line: {e}")})
            }
        };
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn entities(paths: &[PathBuf], format: OutputFormat) -> Result<ExitCode> {
    let (analyses, failed) = analyse_paths(paths);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for a in &analyses {
        match format {
            OutputFormat::Json => {
                serde_json::to_writer(
                    &mut out,
                    &serde_json::json!({"path": a.doc.path.display().to_string(), "entities": a.entities.entities}),
                )?;
                writeln!(out)?;
            }
            OutputFormat::Text => {
                writeln!(out, "{}", a.doc.path.display())?;
                for e in &a.entities.entities {
                    let kind = serde_json::to_value(e.kind)?.as_str().unwrap_or("").to_string();
                    let extra: Vec<String> = e.titles.iter().chain(&e.descriptors).cloned().collect();
                    writeln!(
                        out,
                        "  {} ({kind}) surname={} mentions={} {}",
                        e.name,
                        e.surname.as_deref().unwrap_or("-"),
                        e.mentions.len(),
                        extra.join(", ")
                    )?;
                }
            }
        }
    }
    Ok(exit(failed))
}

fn sources(paths: &[PathBuf], format: OutputFormat) -> Result<ExitCode> {
    let (analyses, failed) = analyse_paths(paths);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for a in &analyses {
        let summary = onrecord::sources::summarize(a);
        match format {
            OutputFormat::Json => {
                serde_json::to_writer(
                    &mut out,
                    &serde_json::json!({"path": a.doc.path.display().to_string(), "sources": summary.sources, "totals": summary.totals}),
                )?;
                writeln!(out)?;
            }
            OutputFormat::Text => {
                writeln!(out, "{}", a.doc.path.display())?;
                writeln!(out, "  {:<36} {:<14} {:>6} {:>6} {:>5}", "source", "type", "quotes", "claims", "line")?;
                for s in &summary.sources {
                    writeln!(
                        out,
                        "  {:<36} {:<14} {:>6} {:>6} {:>5}",
                        s.name,
                        s.source_type.as_str(),
                        s.quotes,
                        s.claims,
                        s.first_line
                    )?;
                }
                let totals: Vec<String> = summary.totals.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                writeln!(out, "  totals: {}", totals.join(", "))?;
            }
        }
    }
    Ok(exit(failed))
}
