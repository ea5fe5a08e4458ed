//! The listing commands: `quotes`, `entities`, `sources`, `rules`, `explain`, `config --show`.

use super::args::OutputFormat;
use super::inputs::{self, absolute, parent_dir, Filters};
use anyhow::Result;
use onrecord::config::{self, Config};
use onrecord::document::{Document, Format};
use onrecord::report::{json, sarif};
use onrecord::rules::{self, RuleId};
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `onrecord rules`.
pub fn list_rules() -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for r in rules::registry() {
        let fix = if r.fixable() { "fix" } else { "   " };
        writeln!(
            out,
            "{:<32} {:<8} {:<7} {} {}",
            r.id(),
            r.severity().as_str(),
            r.group().as_str(),
            fix,
            rules::summary(*r)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `onrecord explain RULE`.
pub fn explain(rule: &str) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let Ok(id) = rule.parse::<RuleId>() else {
        eprintln!("onrecord: error: no rule '{rule}'; `onrecord rules` lists them");
        return Ok(ExitCode::from(2));
    };
    let r = rules::get(id);
    // `explain unused-suppression` has never printed a group line; kept so that its output
    // does not change. (docs/rules.md gives its group like any other rule's.)
    let group = match r.group() {
        _ if id == RuleId::UnusedSuppression => String::new(),
        rules::RuleGroup::Core => "Group: core (on by default)\n".to_string(),
        g => format!(
            "Group: {0} (reports at info by default; `[groups] {0} = \"on\"` for its own severity)\n",
            g.as_str()
        ),
    };
    writeln!(out, "# {}\n\nDefault severity: {}\n{group}\n{}", r.id(), r.severity().as_str(), r.doc())?;
    Ok(ExitCode::SUCCESS)
}

/// Every rule as the SARIF emitter needs it, in catalogue order.
pub fn rule_catalogue() -> Vec<sarif::RuleMeta> {
    rules::registry()
        .iter()
        .map(|r| sarif::RuleMeta {
            id: r.id().as_str(),
            summary: rules::summary(*r),
            doc: r.doc(),
            // The severity it reports at by default: its own in the core group, else info.
            severity: if r.group() == rules::RuleGroup::Core {
                r.severity()
            } else {
                onrecord::diagnostic::Severity::Info
            },
        })
        .collect()
}

pub fn show_config(path: Option<&Path>) -> Result<ExitCode> {
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
    let mut out = std::io::stdout().lock();
    match &file {
        Some(f) => writeln!(out, "# {}", f.display())?,
        None => writeln!(out, "# no {} found: defaults", config::FILE_NAME)?,
    }
    write!(out, "{}", config.to_toml())?;
    Ok(ExitCode::SUCCESS)
}

/// Analyse the given paths (`-` is standard input, read as plain text); input errors are
/// printed and make the exit status 2.
fn analyse_paths(paths: &[PathBuf]) -> Result<(Vec<onrecord::Analysis>, bool)> {
    let (files, errors) = inputs::expand(paths, &Filters::default())?;
    inputs::report_errors(&errors);
    let stdin = inputs::Stdin::read(&files, None)?;
    let mut failed = !errors.is_empty();
    let mut out = Vec::new();
    for r in files.par_iter().map(|p| stdin.document(p).map(onrecord::analyze)).collect::<Vec<_>>() {
        match r {
            Ok(a) => out.push(a),
            Err(e) => {
                eprintln!("onrecord: error: {e}");
                failed = true;
            }
        }
    }
    Ok((out, failed))
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
    json::quotes(a)
}

fn claim_list(a: &onrecord::Analysis) -> Vec<json::JsonClaim> {
    a.attributions.claims.iter().map(|c| json::claim(&a.doc, c)).collect()
}

pub fn quotes(paths: &[PathBuf], format: OutputFormat) -> Result<ExitCode> {
    if paths.is_empty() {
        anyhow::bail!("quotes needs a file or directory, or --jsonl to read standard input");
    }
    let (analyses, failed) = analyse_paths(paths)?;
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
                    let pull = if q.pull_quote { " (pull quote)" } else { "" };
                    writeln!(out, "  {line}:{col}  {speaker} [{}]{via}{pull}: “{}”", q.source_type, q.text)?;
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

pub fn quotes_jsonl() -> Result<ExitCode> {
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

pub fn entities(paths: &[PathBuf], format: OutputFormat) -> Result<ExitCode> {
    let (analyses, failed) = analyse_paths(paths)?;
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

pub fn sources(paths: &[PathBuf], format: OutputFormat) -> Result<ExitCode> {
    let (analyses, failed) = analyse_paths(paths)?;
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
