//! The onrecord command line: parse arguments, call the library, map outcomes to exit codes.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use onrecord::config::{self, Config};
use onrecord::confusables::{Checker, ConfusionSets};
use onrecord::document::{Document, Format};
use onrecord::fix::{self, SkipReason};
use onrecord::report::{github, json, sarif, text, FileReport};
use onrecord::rules::{self, Diagnostic, Severity};
use onrecord::suppress;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufRead, Read, Write};
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

/// The formats of `check`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// rustc-style diagnostics with the source line.
    Text,
    /// The JSON contract of docs/output.md.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
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
    /// Files or directories (directories are walked for .txt, .md, .markdown, .html), or `-`
    /// for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Extra confusion sets, one set per line (same format as data/confusables.txt).
    #[arg(long)]
    confusables: Option<PathBuf>,
    /// Use this onrecord.toml for every file instead of the nearest one.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// When walking directories, check only files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// When walking directories, skip files and directories matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// The file name of standard input (`-`): picks the format and the onrecord.toml.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles and report findings.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
        /// Lowest severity that makes the exit status 1.
        #[arg(long, value_enum, default_value = "error")]
        fail_on: FailOn,
        /// Colour in text output: auto, always, never.
        #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
        color: String,
        /// Apply safe fixes in place (never to the words of a quote), then report what is left.
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// Print the safe fixes as a unified diff instead of applying them.
        #[arg(long)]
        diff: bool,
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
    /// Show the configuration that applies to a file or directory.
    Config {
        /// Print the merged configuration (defaults and onrecord.toml) as TOML.
        #[arg(long, required = true)]
        show: bool,
        /// A file or directory (its nearest onrecord.toml is used), or an onrecord.toml;
        /// default: the current directory.
        path: Option<PathBuf>,
    },
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
        Command::Check { inputs, format, fail_on, color, fix, diff } => {
            let mode = match (fix, diff) {
                (true, _) => {
                    // Interrupted between writing a fixed file and renaming it: leave no
                    // temporary file behind.
                    let _ = ctrlc::set_handler(|| {
                        fix::remove_pending();
                        std::process::exit(130);
                    });
                    FixMode::Fix
                }
                (_, true) => FixMode::Diff,
                _ => FixMode::Report,
            };
            check(inputs, format, fail_on, &color, mode)
        }
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
            println!(
                "{:<32} {:<8}     {}",
                suppress::UNUSED_SUPPRESSION,
                suppress::UNUSED_SUPPRESSION_SEVERITY.as_str(),
                summary_of(suppress::UNUSED_SUPPRESSION_DOC)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => {
            if rule == suppress::UNUSED_SUPPRESSION {
                println!(
                    "# {rule}\n\nDefault severity: {}\n\n{}",
                    suppress::UNUSED_SUPPRESSION_SEVERITY.as_str(),
                    suppress::UNUSED_SUPPRESSION_DOC
                );
                return Ok(ExitCode::SUCCESS);
            }
            match rules::by_id(&rule) {
                Some(r) => {
                    println!("# {}\n\nDefault severity: {}\n\n{}", r.id(), r.severity().as_str(), r.doc());
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!("onrecord: error: no rule '{rule}'; `onrecord rules` lists them");
                    Ok(ExitCode::from(2))
                }
            }
        }
        Command::Config { show: _, path } => show_config(path.as_deref()),
    }
}

/// The first line of a doc that is not blank or a heading.
fn summary_of(doc: &'static str) -> &'static str {
    doc.lines().find(|l| !l.trim().is_empty() && !l.starts_with('#')).unwrap_or("")
}

/// Every rule as the SARIF emitter needs it, `unused-suppression` last.
fn rule_catalogue() -> Vec<sarif::RuleMeta> {
    let mut out: Vec<sarif::RuleMeta> = rules::registry()
        .iter()
        .map(|r| sarif::RuleMeta { id: r.id(), summary: rules::summary(*r), doc: r.doc(), severity: r.severity() })
        .collect();
    out.push(sarif::RuleMeta {
        id: suppress::UNUSED_SUPPRESSION,
        summary: summary_of(suppress::UNUSED_SUPPRESSION_DOC),
        doc: suppress::UNUSED_SUPPRESSION_DOC,
        severity: suppress::UNUSED_SUPPRESSION_SEVERITY,
    });
    out
}

fn show_config(path: Option<&Path>) -> Result<ExitCode> {
    let path = path.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let file = if path.is_dir() {
        config::find(&absolute(&path))
    } else if path.extension().is_some_and(|e| e == "toml") {
        Some(path.clone())
    } else if path.exists() {
        config::find(&parent_dir(&absolute(&path)))
    } else {
        anyhow::bail!("{}: no such file or directory", path.display());
    };
    let config = match &file {
        Some(f) => Config::load(f)?,
        None => Config::default(),
    };
    match &file {
        Some(f) => println!("# {}", f.display()),
        None => println!("# no {} found: defaults", config::FILE_NAME),
    }
    print!("{}", config.to_toml());
    Ok(ExitCode::SUCCESS)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether a path found by walking a directory is an article.
fn is_article(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown" | "html" | "htm")
    )
}

/// `-` on the command line: standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Which files a directory walk keeps.
#[derive(Default)]
struct Filters {
    include: Vec<String>,
    exclude: Vec<String>,
}

impl Filters {
    /// The walker's overrides: the exclusions. (Inclusions are not overrides, which would
    /// let an included file through even when it is hidden or git-ignored.)
    fn exclusions(&self, root: &Path) -> Result<ignore::overrides::Override> {
        let mut builder = ignore::overrides::OverrideBuilder::new(root);
        for glob in &self.exclude {
            builder.add(&format!("!{glob}")).with_context(|| format!("--exclude {glob}"))?;
        }
        Ok(builder.build()?)
    }

    /// Matches the `--include` globs, relative to `root`.
    fn inclusions(&self, root: &Path) -> Result<ignore::overrides::Override> {
        let mut builder = ignore::overrides::OverrideBuilder::new(root);
        for glob in &self.include {
            builder.add(glob).with_context(|| format!("--include {glob}"))?;
        }
        Ok(builder.build()?)
    }

    fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
}

/// Expand directories (walked the way git does: .gitignore and .ignore respected, hidden
/// files skipped, `--include`/`--exclude` applied); files named on the command line are
/// always checked. Paths that do not exist and directories without articles become input
/// errors. `-` stays as it is: standard input.
fn expand_with(paths: &[PathBuf], filters: &Filters) -> Result<(Vec<PathBuf>, Vec<InputError>)> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if is_stdin(path) {
            files.push(path.clone());
        } else if path.is_dir() {
            let before = files.len();
            let walker = ignore::WalkBuilder::new(path).require_git(false).overrides(filters.exclusions(path)?).build();
            let include = filters.inclusions(path)?;
            for entry in walker.flatten() {
                let included = filters.include.is_empty() || include.matched(entry.path(), false).is_whitelist();
                if entry.file_type().is_some_and(|t| t.is_file()) && is_article(entry.path()) && included {
                    files.push(entry.into_path());
                }
            }
            files[before..].sort();
            if files.len() == before {
                let filtered = if filters.is_empty() { "" } else { " left by --include/--exclude" };
                errors.push((
                    path.clone(),
                    format!("directory contains no articles (.txt, .md, .markdown, .html){filtered}"),
                ));
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            errors.push((path.clone(), "no such file or directory".to_string()));
        }
    }
    Ok((files, errors))
}

/// A path that could not be checked, and why.
type InputError = (PathBuf, String);

fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    expand_with(paths, &Filters::default()).unwrap_or_else(|e| (Vec::new(), vec![(PathBuf::new(), e.to_string())]))
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

/// The settings a group of files is checked with: one onrecord.toml (or the defaults),
/// and the confusables checker built from it and `--confusables`.
struct Settings {
    config: Config,
    checker: Option<Checker>,
}

impl Settings {
    fn checker(&self) -> &Checker {
        self.checker.as_ref().unwrap_or_else(|| Checker::embedded())
    }
}

/// Finds and loads the onrecord.toml of each file, each distinct file once.
struct Resolver {
    explicit: Option<PathBuf>,
    cli_sets: Option<String>,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    by_file: HashMap<Option<PathBuf>, usize>,
    settings: Vec<Settings>,
}

impl Resolver {
    fn new(inputs: &Inputs) -> Result<Resolver> {
        let cli_sets = match &inputs.confusables {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                ConfusionSets::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                Some(text)
            }
            None => None,
        };
        Ok(Resolver {
            explicit: inputs.config.clone(),
            cli_sets,
            by_dir: HashMap::new(),
            by_file: HashMap::new(),
            settings: Vec::new(),
        })
    }

    /// The index of the settings for a file in `dir`.
    fn settings_for(&mut self, dir: &Path) -> Result<usize> {
        let file = match &self.explicit {
            Some(f) => Some(f.clone()),
            None => {
                let dir = absolute(dir);
                match self.by_dir.get(&dir) {
                    Some(found) => found.clone(),
                    None => {
                        let found = config::find(&dir);
                        self.by_dir.insert(dir, found.clone());
                        found
                    }
                }
            }
        };
        if let Some(&i) = self.by_file.get(&file) {
            return Ok(i);
        }
        let config = match &file {
            Some(f) => Config::load(f)?,
            None => Config::default(),
        };
        let extra = config.confusables.as_text();
        let sets = match (&self.cli_sets, config.confusables.extra.is_empty()) {
            (None, true) => None,
            (cli, _) => {
                Some(ConfusionSets::parse(&format!("{}\n{extra}", cli.as_deref().unwrap_or(""))).map_err(|e| {
                    anyhow::anyhow!("{}: confusion sets: {e}", file.as_deref().unwrap_or(Path::new("-")).display())
                })?)
            }
        };
        self.settings.push(Settings { config, checker: sets.as_ref().map(Checker::with_extra) });
        self.by_file.insert(file, self.settings.len() - 1);
        Ok(self.settings.len() - 1)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FixMode {
    Report,
    Fix,
    Diff,
}

/// What checking one input produced.
struct Checked {
    report: FileReport,
    /// The text as read, when fixes changed it.
    original: Option<String>,
    fixed: usize,
    notes: Vec<String>,
}

/// Check a document with its settings: rules, then suppressions.
fn check_doc(doc: Document, settings: &Settings) -> (onrecord::Analysis, Vec<Diagnostic>) {
    let (analysis, diagnostics) = onrecord::check(doc, &settings.config, settings.checker());
    let diagnostics = suppress::apply(&analysis.doc, diagnostics, &settings.config);
    (analysis, diagnostics)
}

fn check_one(doc: Document, settings: &Settings, mode: FixMode) -> Checked {
    if mode == FixMode::Report {
        let (analysis, diagnostics) = check_doc(doc, settings);
        return Checked {
            report: FileReport { doc: analysis.doc, diagnostics },
            original: None,
            fixed: 0,
            notes: vec![],
        };
    }
    let (path, format) = (doc.path.clone(), doc.format);
    let shown = path.display().to_string();
    let outcome =
        fix::fix_all(doc.source.clone(), |text| check_doc(Document::parse(&path, text.to_string(), format), settings));
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
    let changed = outcome.source != doc.source;
    let fixed = outcome.applied;
    let original = changed.then(|| doc.source.clone());
    let (analysis, diagnostics) = check_doc(Document::parse(&path, outcome.source, format), settings);
    Checked { report: FileReport { doc: analysis.doc, diagnostics }, original, fixed, notes }
}

fn check(inputs: Inputs, format: CheckFormat, fail_on: FailOn, color: &str, mode: FixMode) -> Result<ExitCode> {
    let filters = Filters { include: inputs.include.clone(), exclude: inputs.exclude.clone() };
    let (files, mut errors) = expand_with(&inputs.paths, &filters)?;
    let stdin_count = files.iter().filter(|f| is_stdin(f)).count();
    if stdin_count > 1 {
        anyhow::bail!("`-` (standard input) can be given once");
    }
    let stdin_name = inputs.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("-"));
    let stdin_text = if stdin_count == 1 {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).context("reading standard input")?;
        Some(buf)
    } else {
        None
    };
    // Settings per file, resolved in order so that each onrecord.toml is read once.
    let mut resolver = Resolver::new(&inputs)?;
    let mut which = Vec::with_capacity(files.len());
    for f in &files {
        let dir = if is_stdin(f) {
            inputs.stdin_filename.as_deref().map(parent_dir).unwrap_or_else(|| PathBuf::from("."))
        } else {
            parent_dir(f)
        };
        which.push(resolver.settings_for(&dir)?);
    }
    let settings = &resolver.settings;
    if mode == FixMode::Report && format != CheckFormat::Sarif {
        return check_streaming(
            &files,
            &which,
            settings,
            &stdin_name,
            stdin_text.as_deref(),
            errors,
            format,
            color,
            fail_on,
        );
    }
    let results: Vec<Result<Checked, String>> = files
        .par_iter()
        .zip(&which)
        .map(|(f, &si)| {
            let doc = if is_stdin(f) {
                let bytes = stdin_text.clone().unwrap_or_default();
                Document::from_bytes(&stdin_name, bytes, Format::from_path(&stdin_name))
            } else {
                onrecord::read_path(f)
            };
            let checked = check_one(doc.map_err(|e| e.to_string())?, &settings[si], mode);
            if mode == FixMode::Fix && !is_stdin(f) {
                if let Some(original) = &checked.original {
                    fix::write_in_place(f, original, &checked.report.doc.source)
                        .map_err(|e| format!("{}: {e}", f.display()))?;
                }
            }
            Ok(checked)
        })
        .collect();
    let mut checked = Vec::new();
    for (f, r) in files.iter().zip(results) {
        match r {
            Ok(c) => checked.push((f.clone(), c)),
            Err(message) => {
                eprintln!("onrecord: error: {message}");
                // The JSON report carries the reason too, without the path it already names.
                let path = f.display().to_string();
                let reason = message.strip_prefix(&format!("{path}: ")).unwrap_or(&message).to_string();
                errors.push((f.clone(), reason));
            }
        }
    }
    for (_, c) in &checked {
        for note in &c.notes {
            eprintln!("onrecord: {note}");
        }
    }
    if mode == FixMode::Diff {
        return print_diffs(&checked, &errors);
    }
    let mut out_buf: Vec<u8> = Vec::new();
    if mode == FixMode::Fix {
        let fixed: usize = checked.iter().map(|(_, c)| c.fixed).sum();
        let files_fixed = checked.iter().filter(|(_, c)| c.original.is_some()).count();
        eprintln!(
            "onrecord: fixed {fixed} {} in {files_fixed} {}",
            plural(fixed, "finding"),
            plural(files_fixed, "file")
        );
        // Standard input fixed: the fixed text goes to standard output, the report to stderr.
        if let Some((_, c)) = checked.iter().find(|(f, _)| is_stdin(f)) {
            print!("{}", c.report.doc.source);
        }
    }
    let reports: Vec<FileReport> = checked.into_iter().map(|(_, c)| c.report).collect();
    let counts = count(&reports);
    write_report(&mut out_buf, &reports, &errors, format, color, &counts)?;
    if mode == FixMode::Fix && stdin_count == 1 {
        std::io::stderr().write_all(&out_buf)?;
    } else {
        std::io::stdout().write_all(&out_buf)?;
    }
    Ok(finish(&files, &errors, &counts, fail_on))
}

/// One file's findings, already rendered: the document is dropped as soon as its output
/// is written, so memory stays that of the files being checked at the moment, not of the
/// whole run.
struct Rendered {
    output: Vec<u8>,
    counts: json::Counts,
}

/// A file at least this large is checked on its own and its findings are written
/// straight to the output, never held as one string.
const LARGE_FILE: u64 = 4 << 20;

/// Check and render files in parallel and print them in input order. Used for the text,
/// JSON and GitHub formats when nothing is fixed.
#[allow(clippy::too_many_arguments)]
fn check_streaming(
    files: &[PathBuf],
    which: &[usize],
    settings: &[Settings],
    stdin_name: &Path,
    stdin_text: Option<&[u8]>,
    mut errors: Vec<InputError>,
    format: CheckFormat,
    color: &str,
    fail_on: FailOn,
) -> Result<ExitCode> {
    let color = match color {
        "always" => true,
        "never" => false,
        _ => anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never,
    };
    let check_file = |f: &PathBuf, si: usize| -> Result<FileReport, String> {
        let doc = if is_stdin(f) {
            Document::from_bytes(stdin_name, stdin_text.unwrap_or_default().to_vec(), Format::from_path(stdin_name))
        } else {
            onrecord::read_path(f)
        };
        Ok(check_one(doc.map_err(|e| e.to_string())?, &settings[si], FixMode::Report).report)
    };
    let render = |out: &mut dyn Write, report: &FileReport| -> std::io::Result<()> {
        let mut out = out;
        match format {
            CheckFormat::Json => json::write_file(&mut out, report),
            CheckFormat::Github => github::write(&mut out, report),
            _ => text::write(&mut out, report, color),
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if format == CheckFormat::Json {
        // The same bytes serde writes for `json::CheckOutput`, one file at a time.
        write!(out, "{{\"version\":1,\"files\":[")?;
    }
    let mut counts = json::Counts::default();
    let mut checked_files = 0;
    let mut emit = |f: &PathBuf,
                    r: Result<json::Counts, String>,
                    out: &mut dyn Write,
                    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>|
     -> Result<()> {
        match r {
            Ok(c) => {
                counts.error += c.error;
                counts.warning += c.warning;
                counts.info += c.info;
                if format == CheckFormat::Json && checked_files > 0 {
                    write!(out, ",")?;
                }
                write(out)?;
                checked_files += 1;
            }
            Err(message) => {
                eprintln!("onrecord: error: {message}");
                let path = f.display().to_string();
                let reason = message.strip_prefix(&format!("{path}: ")).unwrap_or(&message).to_string();
                errors.push((f.clone(), reason));
            }
        }
        Ok(())
    };
    // Files are checked in parallel a batch at a time and printed in input order as each
    // batch ends: memory holds one batch of rendered output, whatever the number of files.
    // A large file is a batch of its own, written out finding by finding.
    let size = |f: &PathBuf| {
        if is_stdin(f) {
            stdin_text.map_or(0, |t| t.len() as u64)
        } else {
            std::fs::metadata(f).map_or(0, |m| m.len())
        }
    };
    const BATCH: usize = 256;
    let mut i = 0;
    while i < files.len() {
        if size(&files[i]) >= LARGE_FILE {
            let f = &files[i];
            let report = check_file(f, which[i]);
            let c = report.as_ref().map(|r| count(std::slice::from_ref(r))).map_err(Clone::clone);
            emit(f, c, &mut out, &mut |out| render(out, report.as_ref().expect("checked above")))?;
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < files.len() && end - i < BATCH && size(&files[end]) < LARGE_FILE {
            end += 1;
        }
        let results: Vec<Result<Rendered, String>> = files[i..end]
            .par_iter()
            .zip(&which[i..end])
            .map(|(f, &si)| {
                let report = check_file(f, si)?;
                let mut output = Vec::new();
                render(&mut output, &report).map_err(|e| e.to_string())?;
                Ok(Rendered { output, counts: count(std::slice::from_ref(&report)) })
            })
            .collect();
        for (f, r) in files[i..end].iter().zip(results) {
            match r {
                Ok(r) => emit(f, Ok(r.counts), &mut out, &mut |out| out.write_all(&r.output))?,
                Err(e) => emit(f, Err(e), &mut out, &mut |_| Ok(()))?,
            }
        }
        i = end;
    }
    match format {
        CheckFormat::Json => {
            let summary = json::Summary {
                files: checked_files,
                diagnostics: json::Counts { error: counts.error, warning: counts.warning, info: counts.info },
                input_errors: errors
                    .iter()
                    .map(|(p, m)| json::InputError { path: p.display().to_string(), message: m.clone() })
                    .collect(),
            };
            write!(out, "],\"summary\":")?;
            serde_json::to_writer(&mut out, &summary)?;
            writeln!(out, "}}")?;
        }
        CheckFormat::Text => {
            writeln!(out, "{}", text::summary(checked_files, counts.error, counts.warning, counts.info))?;
        }
        _ => {}
    }
    out.flush()?;
    drop(out);
    Ok(finish(files, &errors, &counts, fail_on))
}

/// Report input errors not yet printed, and the exit status: 2 for input errors, 1 for
/// findings at or above `--fail-on`, else 0.
fn finish(files: &[PathBuf], errors: &[InputError], counts: &json::Counts, fail_on: FailOn) -> ExitCode {
    report_input_errors(&errors.iter().filter(|(p, _)| !files.contains(p)).cloned().collect::<Vec<_>>());
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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

fn count(reports: &[FileReport]) -> json::Counts {
    let mut counts = json::Counts::default();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        match d.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
        }
    }
    counts
}

/// `--diff`: the fixes as a unified diff; exit 1 when there is something to fix.
fn print_diffs(checked: &[(PathBuf, Checked)], errors: &[(PathBuf, String)]) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut changed = 0;
    let mut fixes = 0;
    for (_, c) in checked {
        if let Some(original) = &c.original {
            let path = onrecord::report::relative_path(&c.report.doc.path);
            write!(out, "{}", fix::unified_diff(&path, original, &c.report.doc.source))?;
            changed += 1;
            fixes += c.fixed;
        }
    }
    eprintln!("onrecord: {fixes} {} would change {changed} {}", plural(fixes, "fix"), plural(changed, "file"));
    if !errors.is_empty() {
        report_input_errors(errors);
        return Ok(ExitCode::from(2));
    }
    Ok(if changed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_report(
    out: &mut Vec<u8>,
    reports: &[FileReport],
    errors: &[(PathBuf, String)],
    format: CheckFormat,
    color: &str,
    counts: &json::Counts,
) -> Result<()> {
    match format {
        CheckFormat::Json => {
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
            serde_json::to_writer(&mut *out, &output)?;
            writeln!(out)?;
        }
        CheckFormat::Sarif => {
            let input_errors: Vec<sarif::InputError> = errors
                .iter()
                .map(|(p, m)| sarif::InputError { path: onrecord::report::relative_path(p), message: m.clone() })
                .collect();
            let log = sarif::log(reports, &rule_catalogue(), &input_errors);
            serde_json::to_writer_pretty(&mut *out, &log)?;
            writeln!(out)?;
        }
        CheckFormat::Github => {
            for r in reports {
                write!(out, "{}", github::render(r))?;
            }
        }
        CheckFormat::Text => {
            let color = match color {
                "always" => true,
                "never" => false,
                _ => anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never,
            };
            for r in reports {
                write!(out, "{}", text::render(r, color))?;
            }
            writeln!(out, "{}", text::summary(reports.len(), counts.error, counts.warning, counts.info))?;
        }
    }
    Ok(())
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
    claims: Vec<json::JsonClaim>,
}

fn quote_list(a: &onrecord::Analysis) -> Vec<json::JsonQuote> {
    a.quotes.quotes.iter().zip(&a.attributions.quotes).map(|(q, at)| json::quote(&a.doc, q, at)).collect()
}

fn claim_list(a: &onrecord::Analysis) -> Vec<json::JsonClaim> {
    a.attributions.claims.iter().map(|c| json::claim(&a.doc, c)).collect()
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
                let file = QuotesFile { path: a.doc.path.display().to_string(), quotes: list, claims: claim_list(a) };
                serde_json::to_writer(&mut out, &file)?;
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
                for c in claim_list(a) {
                    let (line, col) = a.doc.lines.line_col(&a.doc.source, c.start);
                    let source = c.source.as_deref().unwrap_or("(no source)");
                    writeln!(out, "  {line}:{col}  claim: {source} [{}]: {}", c.source_type, c.text)?;
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
    // Lines are read as bytes so that one line of bad UTF-8 becomes an error object on its
    // line rather than the end of the run.
    for raw in stdin.lock().split(b'\n') {
        let raw = raw?;
        let line = match String::from_utf8(raw) {
            Ok(line) => line,
            Err(e) => {
                let value = serde_json::json!({"id": null, "error": format!("bad input line: not UTF-8 ({e})")});
                serde_json::to_writer(&mut out, &value)?;
                writeln!(out)?;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let value = match serde_json::from_str::<JsonlIn>(&line) {
            Ok(input) => {
                let doc = Document::parse(Path::new("-"), input.text, Format::Text);
                let a = onrecord::analyze(doc);
                serde_json::json!({"id": input.id, "quotes": quote_list(&a), "claims": claim_list(&a)})
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
    let mut overall = onrecord::sources::Overall::default();
    for a in &analyses {
        let summary = onrecord::sources::summarize(a);
        overall.add(&summary);
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
                writeln!(
                    out,
                    "  {:<32} {:<14} {:<28} {:>6} {:>6} {:>5}",
                    "source", "type", "affiliation", "quotes", "claims", "line"
                )?;
                for s in &summary.sources {
                    writeln!(
                        out,
                        "  {:<32} {:<14} {:<28} {:>6} {:>6} {:>5}",
                        s.name,
                        s.source_type.as_str(),
                        s.affiliation.as_deref().unwrap_or("-"),
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
    // Several articles: the totals over all of them.
    if analyses.len() > 1 {
        match format {
            OutputFormat::Json => {
                serde_json::to_writer(&mut out, &serde_json::json!({ "overall": overall }))?;
                writeln!(out)?;
            }
            OutputFormat::Text => {
                let totals: Vec<String> = overall.totals.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                writeln!(
                    out,
                    "overall: {} articles, {} quotes, {} claims; sources by type: {}",
                    overall.articles,
                    overall.quotes,
                    overall.claims,
                    totals.join(", ")
                )?;
            }
        }
    }
    Ok(exit(failed))
}
