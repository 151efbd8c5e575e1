//! Tauri commands of growth plans: each is one line into `instagrowth_api::planner`.
use instagrowth_api::ai::AiEvent;
use instagrowth_api::planner::{self, NewPlan, PlanItemPatch, StoredPlan};
use instagrowth_api::ApiResult;
use tauri::ipc::Channel;
use tauri::State;

use crate::export_open::open_export;
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
#[tracing::instrument(skip(state, request, on_event), err(level = "info", Debug))]
pub async fn plan_create(
    state: S<'_>,
    key: String,
    request: NewPlan,
    run_id: String,
    on_event: Channel<AiEvent>,
) -> ApiResult<StoredPlan> {
    // The AI's refinement can take a while: streamed, and cancelled by `ai_cancel(run_id)`.
    let run = state.begin_ai_run(&run_id);
    let send = move |e: AiEvent| {
        let _ = on_event.send(e);
    };
    planner::create_with(&state.workspace()?, &key, &request, run.token(), &send).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn plan_list(state: S<'_>, key: String) -> ApiResult<Vec<StoredPlan>> {
    planner::list(&state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn plan_activate(state: S<'_>, id: String) -> ApiResult<StoredPlan> {
    planner::activate(&state.workspace()?, &id).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn plan_delete(state: S<'_>, id: String) -> ApiResult<()> {
    planner::delete(&state.workspace()?, &id).await
}

/// The calendar's drag and drop.
#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn plan_move_item(
    state: S<'_>,
    id: String,
    item_id: String,
    date: String,
) -> ApiResult<StoredPlan> {
    planner::move_item(&state.workspace()?, &id, &item_id, &date).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn plan_set_done(
    state: S<'_>,
    id: String,
    item_id: String,
    done: bool,
) -> ApiResult<StoredPlan> {
    planner::set_done(&state.workspace()?, &id, &item_id, done).await
}

/// Writes the plan as `pdf`, `ics` or `csv` where the user chose; opens it when asked.
#[tauri::command]
#[tracing::instrument(skip(app, state), err(level = "info", Debug))]
pub async fn plan_export(
    app: tauri::AppHandle,
    state: S<'_>,
    id: String,
    format: String,
    path: String,
    open_after: bool,
) -> ApiResult<instagrowth_api::content::FileExport> {
    let path = std::path::PathBuf::from(path);
    let done = planner::export(&state.workspace()?, &id, &format, &path).await?;
    if open_after {
        open_export(&app, &path, planner::export_kind(&format)?, done.bytes);
    }
    Ok(done)
}

/// Edits an item (time, topic, hook, brief, hashtags, the linked library item).
#[tauri::command]
#[tracing::instrument(skip(state, patch), err(level = "info", Debug))]
pub async fn plan_update_item(
    state: S<'_>,
    id: String,
    item_id: String,
    patch: PlanItemPatch,
) -> ApiResult<StoredPlan> {
    planner::update_item(&state.workspace()?, &id, &item_id, &patch).await
}
