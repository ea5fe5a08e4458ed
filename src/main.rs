//! The onrecord command line: parse the arguments, run the command ([`cli`]), map the
//! outcome to an exit status: 0 clean, 1 findings at or above `--fail-on`, 2 a usage or
//! input error.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run(cli::args::Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("onrecord: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
