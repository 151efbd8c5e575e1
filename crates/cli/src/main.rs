//! `instagrowth`: the InstaGrowth OS core without a window.
//!
//! `--json` prints exactly one JSON document on stdout. Bad input exits non-zero with one human
//! line on stderr and changes nothing.
mod args;
mod clients_cmd;
mod output;

use std::process::ExitCode;

use clap::Parser;
use instagrowth_api::{ApiError, ErrorCode, Workspace};

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.verbose);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(exit_code(e.code))
        }
    }
}

async fn run(cli: Cli) -> Result<(), ApiError> {
    let ws = Workspace::open_resolved(cli.data_dir).await?;
    let result = match cli.command {
        Command::Clients(cmd) => clients_cmd::run(&ws, cmd).await,
    };
    ws.close().await;
    result
}

/// 2 for input a user can fix (as clap uses for bad arguments), 3 for a missing client,
/// 1 for everything else.
fn exit_code(code: ErrorCode) -> u8 {
    match code {
        ErrorCode::InvalidInput | ErrorCode::DuplicateHandle => 2,
        ErrorCode::NotFound => 3,
        _ => 1,
    }
}

/// Logs go to stderr only, quiet unless asked (`-v`, `-vv`, or `RUST_LOG`), never to stdout.
fn init_tracing(verbose: u8) {
    let default = match verbose {
        0 => "off",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}
