//! The command line behind a thin `main`: [`args`] (the grammar), [`inputs`] (which files),
//! [`settings`] (which onrecord.toml), [`check`] (the check command, with `--fix` and
//! `--diff` as modes) and [`listings`] (the other commands).

pub mod args;
mod check;
mod inputs;
mod listings;
mod settings;

use anyhow::Result;
use args::{Cli, Command, Inputs};
use onrecord::report::Format;
use std::process::ExitCode;

/// Run a parsed command line; the exit status.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check { inputs, format, fail_on, color, fix, diff } => {
            let mode = match (fix, diff) {
                (true, _) => {
                    // Interrupted between writing a fixed file and renaming it: leave no
                    // temporary file behind.
                    let _ = ctrlc::set_handler(|| {
                        onrecord::fix::remove_pending();
                        std::process::exit(130);
                    });
                    check::Mode::Fix
                }
                (_, true) => check::Mode::Diff,
                _ => check::Mode::Report,
            };
            let format = match format {
                args::CheckFormat::Text => Format::Text { color: check::use_color(color) },
                args::CheckFormat::Json => Format::Json,
                args::CheckFormat::Sarif => Format::Sarif,
                args::CheckFormat::Github => Format::Github,
            };
            run_check(&inputs, mode, format, fail_on)
        }
        Command::Quotes { paths, format, jsonl } => {
            if jsonl {
                listings::quotes_jsonl()
            } else {
                listings::quotes(&paths, format)
            }
        }
        Command::Entities { paths, format } => listings::entities(&paths, format),
        Command::Sources { paths, format } => listings::sources(&paths, format),
        Command::Rules => listings::list_rules(),
        Command::Explain { rule } => listings::explain(&rule),
        Command::Config { show: _, path } => listings::show_config(path.as_deref()),
    }
}

fn run_check(inputs: &Inputs, mode: check::Mode, format: Format, fail_on: args::FailOn) -> Result<ExitCode> {
    let filters = inputs::Filters { include: inputs.include.clone(), exclude: inputs.exclude.clone() };
    let (found, mut errors) = inputs::expand(&inputs.paths, &filters)?;
    let stdin = inputs::Stdin::read(&found, inputs.stdin_filename.as_deref())?;
    // Settings per file, resolved in order so that each onrecord.toml is read once. A file
    // whose onrecord.toml cannot be used is not checked; the configuration's error is an
    // input error of the run, reported once.
    let mut resolver = settings::Resolver::new(inputs)?;
    let (mut files, mut which) = (Vec::with_capacity(found.len()), Vec::with_capacity(found.len()));
    for f in found {
        let dir = if inputs::is_stdin(&f) { stdin.dir() } else { inputs::parent_dir(&f) };
        match resolver.settings_for(&dir) {
            Ok(i) => {
                files.push(f);
                which.push(i);
            }
            Err(e) if !errors.contains(&e) => errors.push(e),
            Err(_) => {}
        }
    }
    let run = check::Run {
        settings: &resolver.settings,
        stdin: &stdin,
        mode,
        format,
        fail_on,
        catalogue: listings::rule_catalogue(),
    };
    check::run(run, &files, &which, errors)
}
