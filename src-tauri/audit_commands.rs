//! Tauri commands of audits and branding: each is one line into `instagrowth_api`.
use instagrowth_api::ai::AiEvent;
use std::path::PathBuf;

use instagrowth_api::audit::{self, AuditDocument, AuditSummary, PdfExport};
use instagrowth_api::branding::{self, Branding};
use instagrowth_api::export_path::ExportKind;
use instagrowth_api::ApiResult;
use tauri::ipc::Channel;
use tauri::State;

use crate::export_open::open_export;
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

/// Runs a new audit; the AI narrative streams over `on_event` and `ai_cancel(run_id)` stops it.
#[tauri::command]
#[tracing::instrument(skip(state, on_event), err(level = "info", Debug))]
pub async fn audit_run(
    state: S<'_>,
    key: String,
    offline: bool,
    run_id: String,
    on_event: Channel<AiEvent>,
) -> ApiResult<AuditDocument> {
    let run = state.begin_ai_run(&run_id);
    let send = move |e: AiEvent| {
        let _ = on_event.send(e);
    };
    audit::run(&state.workspace()?, &key, offline, run.token(), &send).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn audit_history(state: S<'_>, key: String) -> ApiResult<Vec<AuditSummary>> {
    audit::history(&state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn audit_get(state: S<'_>, id: String) -> ApiResult<AuditDocument> {
    audit::get(&state.workspace()?, &id).await
}

/// Writes the audit's PDF where the user chose in the save dialog; opens it when asked.
#[tauri::command]
#[tracing::instrument(skip(app, state), err(level = "info", Debug))]
pub async fn audit_export_pdf(
    app: tauri::AppHandle,
    state: S<'_>,
    id: String,
    path: String,
    open_after: bool,
) -> ApiResult<PdfExport> {
    let path = PathBuf::from(path);
    let done = audit::export_pdf(&state.workspace()?, &id, &path).await?;
    if open_after {
        open_export(&app, &path, ExportKind::Pdf, done.bytes);
    }
    Ok(done)
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn branding_get(state: S<'_>) -> ApiResult<Branding> {
    branding::get(&state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn branding_set(state: S<'_>, branding: Branding) -> ApiResult<Branding> {
    branding::set(&state.workspace()?, &branding).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn branding_set_logo(state: S<'_>, path: String) -> ApiResult<Branding> {
    branding::set_logo_file(&state.workspace()?, std::path::Path::new(&path)).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn branding_remove_logo(state: S<'_>) -> ApiResult<Branding> {
    branding::remove_logo(&state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn branding_logo(state: S<'_>) -> ApiResult<Option<String>> {
    branding::logo_data_url(&state.workspace()?).await
}
