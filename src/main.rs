//! The `dubao` binary: parse the command line, run a command or open the reader.

use std::process::ExitCode;

use clap::Parser;
use dubao::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => Ok(ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dubao: {e:#}");
            ExitCode::FAILURE
        }
    }
}
