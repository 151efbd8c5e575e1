//! Tauri commands of the AI provider: each is one line into `instagrowth_api::ai`. Inputs are not
//! logged (the key passes through `ai_set_key` on its way to the OS keychain).
use instagrowth_ai::pricing::ModelPrice;
use instagrowth_ai::{ConnectionTest, ProviderSettings};
use instagrowth_api::ai::{self, AiEvent, AiStatus, PresetInfo, SampleResult, UsageReport};
use instagrowth_api::ApiResult;
use instagrowth_store::UsageTotals;
use tauri::ipc::Channel;
use tauri::State;

use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
pub fn ai_presets() -> Vec<PresetInfo> {
    ai::presets()
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_status(state: S<'_>) -> ApiResult<AiStatus> {
    ai::status(&state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_configure(state: S<'_>, settings: ProviderSettings) -> ApiResult<AiStatus> {
    ai::configure(&state.workspace()?, settings).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_disable(state: S<'_>) -> ApiResult<AiStatus> {
    ai::disable(&state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_set_key(state: S<'_>, key: String) -> ApiResult<AiStatus> {
    ai::set_key(&state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_remove_key(state: S<'_>) -> ApiResult<AiStatus> {
    ai::remove_key(&state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_list_models(state: S<'_>, settings: ProviderSettings) -> ApiResult<Vec<String>> {
    ai::list_models(&state.workspace()?, &settings).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_test_connection(state: S<'_>) -> ApiResult<ConnectionTest> {
    ai::test_connection(&state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_set_allowance(state: S<'_>, credits: i64) -> ApiResult<AiStatus> {
    ai::set_allowance(&state.workspace()?, credits).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_usage(state: S<'_>, client: Option<String>) -> ApiResult<UsageReport> {
    ai::usage(&state.workspace()?, client.as_deref()).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_usage_by_client(state: S<'_>, month: String) -> ApiResult<Vec<UsageTotals>> {
    ai::usage_by_client(&state.workspace()?, &month).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_prices(state: S<'_>) -> ApiResult<Vec<ModelPrice>> {
    ai::prices(&state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_set_price(state: S<'_>, price: ModelPrice) -> ApiResult<Vec<ModelPrice>> {
    ai::set_price(&state.workspace()?, &price).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_delete_price(state: S<'_>, model: String) -> ApiResult<Vec<ModelPrice>> {
    ai::delete_price(&state.workspace()?, &model).await
}

/// Three sample hooks from the configured model, streamed over `on_event`; `ai_cancel(run_id)`
/// stops it (nothing is charged).
#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn ai_sample(
    state: S<'_>,
    run_id: String,
    client: Option<String>,
    on_event: Channel<AiEvent>,
) -> ApiResult<SampleResult> {
    let run = state.begin_ai_run(&run_id);
    let send = move |e: AiEvent| {
        let _ = on_event.send(e);
    };
    ai::sample_hooks(&state.workspace()?, client.as_deref(), run.token(), &send).await
}

#[tauri::command]
#[tracing::instrument(skip(state))]
pub fn ai_cancel(state: S<'_>, run_id: String) {
    state.cancel_ai_run(&run_id);
}
