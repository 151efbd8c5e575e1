//! `instagrowth backup create|restore|inspect`: the workspace in one file (`instagrowth_api::backup`).
use std::path::PathBuf;

use instagrowth_api::backup::{self, BackupManifest};
use instagrowth_api::{paths, ApiError, ErrorCode, Workspace};

use crate::args::BackupCommand;
use crate::output;

/// Restore and inspect run without opening the workspace (a restore needs it closed, and must
/// not create one first); `None` for the commands that need it open.
pub async fn without_workspace(
    cmd: &BackupCommand,
    data_dir: Option<PathBuf>,
) -> Option<Result<(), ApiError>> {
    match cmd {
        BackupCommand::Create { .. } => None,
        BackupCommand::Inspect { file, json } => {
            Some(backup::inspect(file).await.and_then(|m| show(&m, *json, "Backup")))
        }
        BackupCommand::Restore { file, json } => Some(
            async {
                let dir = paths::resolve_data_dir(data_dir).ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::DataDir,
                        "cannot find the OS app-data directory; pass --data-dir",
                    )
                })?;
                let m = backup::restore(&dir, file).await?;
                show(&m, *json, &format!("Restored into {}", dir.display()))?;
                if !*json {
                    println!(
                        "Secrets are never in a backup: set the AI key again (instagrowth ai set-key) and activate the licence (instagrowth license activate) on a new computer."
                    );
                }
                Ok(())
            }
            .await,
        ),
    }
}

pub async fn run(ws: &Workspace, cmd: BackupCommand) -> Result<(), ApiError> {
    match cmd {
        BackupCommand::Create { file, json } => {
            let m = backup::create(ws, &file).await?;
            show(&m, json, &format!("Backup written to {}", file.display()))
        }
        _ => unreachable!("handled before the workspace opens"),
    }
}

fn show(m: &BackupManifest, json: bool, title: &str) -> Result<(), ApiError> {
    if json {
        return output::json(m);
    }
    let c = &m.counts;
    println!("{title}");
    println!(
        "  made        {} by InstaGrowth OS {}",
        m.created_at, m.app_version
    );
    println!("  clients     {}", c.clients);
    println!(
        "  posts       {} (and {} follower counts)",
        c.posts, c.follower_snapshots
    );
    println!("  audits      {}", c.audits);
    println!("  plans       {}", c.plans);
    println!("  content     {}", c.content_items);
    println!("  replies     {}", c.reply_messages);
    Ok(())
}
