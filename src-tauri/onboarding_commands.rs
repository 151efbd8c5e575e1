//! Tauri commands of the first-run setup: one line each into `instagrowth_api::onboarding`.
use instagrowth_api::onboarding::{self, Onboarding, OnboardingStep};
use instagrowth_api::ApiResult;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn onboarding_status(state: State<'_, AppState>) -> ApiResult<Onboarding> {
    onboarding::status(&state.workspace()?).await
}

#[tauri::command]
pub async fn onboarding_complete(
    state: State<'_, AppState>,
    step: OnboardingStep,
    client_id: Option<String>,
) -> ApiResult<Onboarding> {
    onboarding::complete(&state.workspace()?, step, client_id).await
}

#[tauri::command]
pub async fn onboarding_go_to(
    state: State<'_, AppState>,
    step: OnboardingStep,
) -> ApiResult<Onboarding> {
    onboarding::go_to(&state.workspace()?, step).await
}

#[tauri::command]
pub async fn onboarding_skip(state: State<'_, AppState>) -> ApiResult<Onboarding> {
    onboarding::skip(&state.workspace()?).await
}

#[tauri::command]
pub async fn onboarding_resume(state: State<'_, AppState>) -> ApiResult<Onboarding> {
    onboarding::resume(&state.workspace()?).await
}
