//! The onrecord command line: parse the arguments, run the command ([`cli`]), map the
//! outcome to an exit status: 0 clean, 1 findings at or above `--fail-on`, 2 a usage or
//! input error. A closed standard output (`| head`) ends the run quietly.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run(cli::args::Cli::parse()) {
        Ok(code) => code,
        // The reader went away (`onrecord check … | head`): stop quietly, as `cat` would.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("onrecord: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
