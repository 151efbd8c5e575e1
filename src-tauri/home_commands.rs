//! Tauri command of the home panel: one line into `instagrowth_api::home`.
use instagrowth_api::home::{self, HomeOverview};
use instagrowth_api::ApiResult;
use tauri::State;

use crate::state::AppState;

/// Which clients need attention today and which plan items are due, on today's local date.
#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn home_overview(state: State<'_, AppState>) -> ApiResult<HomeOverview> {
    home::overview_now(&state.workspace()?).await
}
