//! Tauri commands of the workspace backup and a client's data export: one line each into
//! `instagrowth_api::{backup, client_export}`. A restore goes through [`AppState`], which closes
//! the open workspace and reopens the restored one.
use std::path::Path;

use instagrowth_api::backup::{self, BackupManifest};
use instagrowth_api::client_export::{self, ClientExport};
use instagrowth_api::ApiResult;
use tauri::State;

use crate::state::AppState;

/// Writes a backup of the workspace to `path`.
#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn backup_create(state: State<'_, AppState>, path: String) -> ApiResult<BackupManifest> {
    backup::create(&state.workspace()?, Path::new(&path)).await
}

/// What a backup file holds, read without restoring it.
#[tauri::command]
#[tracing::instrument(err(level = "info", Debug))]
pub async fn backup_inspect(path: String) -> ApiResult<BackupManifest> {
    backup::inspect(Path::new(&path)).await
}

/// Restores a backup into this workspace, which must have no clients.
#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn backup_restore(state: State<'_, AppState>, path: String) -> ApiResult<BackupManifest> {
    state.restore_backup(Path::new(&path)).await
}

/// Writes everything stored about one client to a zip at `path`.
#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn client_export(
    state: State<'_, AppState>,
    client_id: String,
    path: String,
) -> ApiResult<ClientExport> {
    client_export::export(&state.workspace()?, &client_id, Path::new(&path)).await
}

/// Where a report named `file_name` goes when the user has not chosen a folder (the folder is
/// created if missing).
#[tauri::command]
pub fn reports_default_path(file_name: String) -> ApiResult<String> {
    instagrowth_api::paths::default_report_path(&file_name).map(|p| p.display().to_string())
}
