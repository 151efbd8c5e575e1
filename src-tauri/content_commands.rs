//! Tauri commands of the content engine and library: each is one line into `instagrowth_api`.
use instagrowth_api::ai::AiEvent;
use instagrowth_api::content::{
    self, ContentDraft, ContentRequest, FileExport, LibraryItem, LibraryPatch,
};
use instagrowth_api::export_path::ExportKind;
use instagrowth_api::ApiResult;
use instagrowth_content::{Item, Kind};
use instagrowth_store::queries::content_items::ContentQuery;
use tauri::ipc::Channel;
use tauri::State;

use crate::export_open::open_export;
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

/// Drafts content; AI items stream over `on_event`, `ai_cancel(run_id)` stops it.
#[tauri::command]
#[tracing::instrument(skip(state, request, on_event), err(level = "info", Debug))]
pub async fn content_generate(
    state: S<'_>,
    key: String,
    request: ContentRequest,
    run_id: String,
    on_event: Channel<AiEvent>,
) -> ApiResult<ContentDraft> {
    let run = state.begin_ai_run(&run_id);
    let send = move |e: AiEvent| {
        let _ = on_event.send(e);
    };
    content::generate(&state.workspace()?, &key, &request, run.token(), &send).await
}

#[tauri::command]
#[tracing::instrument(skip(state, item), err(level = "info", Debug))]
pub async fn content_save(
    state: S<'_>,
    key: String,
    item: Item,
    source: String,
    topic: String,
) -> ApiResult<LibraryItem> {
    content::save(&state.workspace()?, &key, &item, &source, &topic).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn content_list(
    state: S<'_>,
    key: String,
    query: ContentQuery,
) -> ApiResult<Vec<LibraryItem>> {
    content::list(&state.workspace()?, &key, &query).await
}

#[tauri::command]
#[tracing::instrument(skip(state, patch), err(level = "info", Debug))]
pub async fn content_update(
    state: S<'_>,
    id: String,
    patch: LibraryPatch,
) -> ApiResult<LibraryItem> {
    content::update(&state.workspace()?, &id, &patch).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn content_mark_used(
    state: S<'_>,
    id: String,
    used: bool,
    date: Option<String>,
) -> ApiResult<LibraryItem> {
    content::mark_used(&state.workspace()?, &id, used, date.as_deref()).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn content_delete(state: S<'_>, id: String) -> ApiResult<()> {
    content::delete(&state.workspace()?, &id).await
}

/// Writes items as the branded content-pack PDF where the user chose; opens it when asked.
// The arguments are the IPC contract the UI calls with (two are injected by Tauri).
#[allow(clippy::too_many_arguments)]
#[tauri::command]
#[tracing::instrument(skip(app, state, items), err(level = "info", Debug))]
pub async fn content_export_pdf(
    app: tauri::AppHandle,
    state: S<'_>,
    key: String,
    kind: Kind,
    topic: Option<String>,
    items: Vec<Item>,
    path: String,
    open_after: bool,
) -> ApiResult<FileExport> {
    let path = std::path::PathBuf::from(path);
    let ws = state.workspace()?;
    let done = content::export_pdf(&ws, &key, kind, topic.as_deref(), &items, &path).await?;
    if open_after {
        open_export(&app, &path, ExportKind::Pdf, done.bytes);
    }
    Ok(done)
}

#[tauri::command]
#[tracing::instrument(skip(items), err(level = "info", Debug))]
pub async fn content_export_csv(
    kind: Kind,
    items: Vec<Item>,
    path: String,
) -> ApiResult<FileExport> {
    content::export_csv(kind, &items, std::path::Path::new(&path)).await
}
