//! The command line's grammar: clap types only, no behaviour.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "onrecord", version, about = "Attribution and sourcing checker for news copy")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

/// The formats of `check`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
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
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
pub struct Inputs {
    /// Files or directories (directories are walked for .txt, .md, .markdown, .html), or `-`
    /// for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Extra confusion sets, one set per line (same format as data/confusables.txt).
    #[arg(long)]
    pub confusables: Option<PathBuf>,
    /// Use this onrecord.toml for every file instead of the nearest one.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// When walking directories, check only files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// When walking directories, skip files and directories matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// The file name of standard input (`-`): picks the format and the onrecord.toml.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check articles and report findings.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
        /// Lowest severity that makes the exit status 1.
        #[arg(long, value_enum, default_value = "error")]
        fail_on: FailOn,
        /// Colour in text output.
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
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
