//! `instagrowth import --client CLIENT PATH… [--force] [--json]`
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use instagrowth_api::import::{self, ImportRequest};
use instagrowth_api::{ApiError, ErrorCode, Workspace};
use instagrowth_import::Control;

use crate::output;

/// Missing files are refused before the workspace is opened.
pub fn precheck(paths: &[PathBuf]) -> Result<(), ApiError> {
    match paths.iter().find(|p| !p.exists()) {
        Some(p) => Err(ApiError::new(
            ErrorCode::NotFound,
            format!("{} does not exist", p.display()),
        )),
        None => Ok(()),
    }
}

pub async fn run(
    ws: &Workspace,
    client: String,
    paths: Vec<PathBuf>,
    force: bool,
    json: bool,
) -> Result<(), ApiError> {
    let req = ImportRequest {
        client,
        paths,
        force,
    };
    let mut ctl = Control::new();
    // Progress on stderr for a person at a terminal; scripts get only the result.
    if std::io::stderr().is_terminal() {
        ctl = ctl.on_progress(|p| {
            eprint!(
                "\rreading… {} files, {} items",
                p.files_read, p.items_parsed
            )
        });
    }
    let result = import::run(ws, &req, ctl).await;
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[2K");
    }
    let outcome = result?;
    if json {
        return output::json(&outcome);
    }
    let kinds = outcome
        .by_kind
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| plural(*n, k))
        .collect::<Vec<_>>()
        .join(", ");
    println!(
        "Imported {} from {}: {} new, {} updated{}",
        outcome.source.as_str(),
        names(&req.paths),
        outcome.posts_added,
        outcome.posts_updated,
        if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({kinds})")
        }
    );
    if let (Some(a), Some(b)) = (&outcome.first_post_at, &outcome.last_post_at) {
        println!("Posts from {} to {}", &a[..10], &b[..10]);
    }
    println!(
        "{} with insights, {}, {}, {} skipped",
        outcome.with_insights,
        plural(outcome.dm_threads, "DM thread"),
        plural(outcome.follower_snapshots, "follower snapshot"),
        outcome.skipped
    );
    for w in &outcome.warnings {
        println!("warning: {w}");
    }
    Ok(())
}

fn names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| {
            p.file_name()
                .map(Path::new)
                .unwrap_or(p)
                .display()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn plural(n: u32, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
