//! `instagrowth-license-server`: the licence server (`serve`) and its admin commands. See the
//! main README ("The licence server") for the operator contract.
use std::process::ExitCode;

use clap::Parser;
use instagrowth_license_server::cli::{self, args::Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LICENSE_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter(&cli))),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The server logs requests; the admin commands only warnings.
fn default_filter(cli: &Cli) -> &'static str {
    match cli.command {
        cli::args::Command::Serve(_) => "info,sqlx=warn",
        _ => "warn,sqlx=error",
    }
}
