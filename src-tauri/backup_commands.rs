//! Tauri commands of the workspace backup: one line into `instagrowth_api::backup`. (Restoring
//! replaces the open workspace's database, so it stays with the CLI until the app can reopen its
//! workspace.)
use instagrowth_api::backup::{self, BackupManifest};
use instagrowth_api::ApiResult;
use tauri::State;

use crate::state::AppState;

/// Writes a backup of the workspace to `path`.
#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn backup_create(state: State<'_, AppState>, path: String) -> ApiResult<BackupManifest> {
    backup::create(state.workspace()?, std::path::Path::new(&path)).await
}
