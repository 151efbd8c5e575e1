//! Tauri commands of the reply assistant: each is one line into `instagrowth_api::replies`.
use instagrowth_api::ai::AiEvent;
use instagrowth_api::content::FileExport;
use instagrowth_api::export_path::ExportKind;
use instagrowth_api::replies::{
    self, AddOutcome, AddRequest, RedraftRequest, Redrafted, ReplyItem, ReplyQuery, SavedReply,
    SavedReplyInput,
};
use instagrowth_api::ApiResult;
use instagrowth_replies::BrandRules;
use tauri::ipc::Channel;
use tauri::State;

use crate::export_open::open_export;
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

/// Adds messages to the queue; AI answers stream over `on_event`, `ai_cancel(run_id)` stops it.
#[tauri::command]
#[tracing::instrument(skip(state, request, on_event), err(level = "info", Debug))]
pub async fn replies_add(
    state: S<'_>,
    key: String,
    request: AddRequest,
    run_id: String,
    on_event: Channel<AiEvent>,
) -> ApiResult<AddOutcome> {
    let run = state.begin_ai_run(&run_id);
    let send = move |e: AiEvent| {
        let _ = on_event.send(e);
    };
    replies::add(&state.workspace()?, &key, &request, run.token(), &send).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn replies_list(
    state: S<'_>,
    key: String,
    query: ReplyQuery,
) -> ApiResult<Vec<ReplyItem>> {
    replies::list(&state.workspace()?, &key, &query).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn replies_set_handled(state: S<'_>, id: String, handled: bool) -> ApiResult<ReplyItem> {
    replies::set_handled(&state.workspace()?, &id, handled).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn replies_delete(state: S<'_>, id: String) -> ApiResult<()> {
    replies::delete(&state.workspace()?, &id).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn replies_clear_handled(state: S<'_>, key: String) -> ApiResult<u32> {
    replies::clear_handled(&state.workspace()?, &key).await
}

/// New drafts for one message; AI answers stream over `on_event`.
#[tauri::command]
#[tracing::instrument(skip(state, on_event), err(level = "info", Debug))]
pub async fn replies_redraft(
    state: S<'_>,
    id: String,
    request: RedraftRequest,
    run_id: String,
    on_event: Channel<AiEvent>,
) -> ApiResult<Redrafted> {
    let run = state.begin_ai_run(&run_id);
    let send = move |e: AiEvent| {
        let _ = on_event.send(e);
    };
    replies::redraft(&state.workspace()?, &id, &request, run.token(), &send).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn replies_rules_get(state: S<'_>, key: String) -> ApiResult<BrandRules> {
    replies::get_rules(&state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip(state, rules), err(level = "info", Debug))]
pub async fn replies_rules_set(
    state: S<'_>,
    key: String,
    rules: BrandRules,
) -> ApiResult<BrandRules> {
    replies::set_rules(&state.workspace()?, &key, &rules).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn replies_saved_list(state: S<'_>, key: String) -> ApiResult<Vec<SavedReply>> {
    replies::list_saved(&state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip(state, input), err(level = "info", Debug))]
pub async fn replies_saved_save(state: S<'_>, input: SavedReplyInput) -> ApiResult<SavedReply> {
    replies::save_saved(&state.workspace()?, &input).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn replies_saved_delete(state: S<'_>, id: String) -> ApiResult<()> {
    replies::delete_saved(&state.workspace()?, &id).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn replies_saved_render(
    state: S<'_>,
    message_id: String,
    saved_id: String,
) -> ApiResult<String> {
    replies::render_saved(&state.workspace()?, &message_id, &saved_id).await
}

/// Writes the client's leads as CSV where the user chose; opens it when asked.
#[tauri::command]
#[tracing::instrument(skip(app, state), err(level = "info", Debug))]
pub async fn replies_export_leads(
    app: tauri::AppHandle,
    state: S<'_>,
    key: String,
    min_score: u32,
    path: String,
    open_after: bool,
) -> ApiResult<FileExport> {
    let path = std::path::PathBuf::from(path);
    let done = replies::export_leads_csv(&state.workspace()?, &key, min_score, &path).await?;
    if open_after {
        open_export(&app, &path, ExportKind::Csv, done.bytes);
    }
    Ok(done)
}
