//! The binary's commands: `serve`, `keygen`, and the operator's `licenses`, `customers` and
//! `releases`. [`args`] is the clap surface (every flag of `serve` has an environment variable);
//! one `*_cmd.rs` per group. Output: tables for people, exactly one JSON document with `--json`;
//! errors are one line on stderr with a non-zero exit, and change nothing.
pub mod args;
pub mod holds_cmd;
pub mod keygen_cmd;
pub mod licenses_cmd;
pub mod misc_cmd;
pub mod serve_cmd;

use crate::error::ServerError;
use args::{Cli, Command};

pub async fn run(cli: Cli) -> Result<(), ServerError> {
    match cli.command {
        Command::Serve(a) => serve_cmd::run(&cli.db_url, &cli.catalog, a).await,
        Command::Keygen { out } => keygen_cmd::run(&out),
        Command::Licenses(c) => licenses_cmd::run(&cli.db_url, &cli.catalog, c).await,
        Command::Customers(c) => misc_cmd::customers(&cli.db_url, c).await,
        Command::Releases(c) => misc_cmd::releases(&cli.db_url, c).await,
    }
}

/// The catalogue at `path`, or the shipped one.
pub fn load_catalog(
    path: &Option<std::path::PathBuf>,
) -> Result<instagrowth_license::Catalog, ServerError> {
    match path {
        None => Ok(instagrowth_license::default_catalog().clone()),
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| {
                ServerError::Config(format!("cannot read the catalogue {}: {e}", p.display()))
            })?;
            instagrowth_license::Catalog::parse(&text)
                .map_err(|e| ServerError::Config(format!("{}: {e}", p.display())))
        }
    }
}

/// Prints one JSON document.
pub fn print_json(v: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).expect("our types serialise")
    );
}
