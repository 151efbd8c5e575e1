//! Tauri commands of the licence page and the activation screen: each is one line into
//! `instagrowth_api::license`.
use instagrowth_api::license::{self, KeyProgress, LicenseStatus};
use instagrowth_api::ApiResult;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn license_status(state: S<'_>) -> ApiResult<LicenseStatus> {
    license::status(&state.workspace()?).await
}

/// The key as typed so far: incomplete, valid or already wrong (no network, nothing stored).
#[tauri::command]
pub fn license_check_key(input: String) -> KeyProgress {
    license::check_key(&input)
}

/// What the activation screen suggests as this computer's name.
#[tauri::command]
pub fn license_default_machine_name() -> String {
    license::default_machine_name()
}

/// The key of an activation link that opened the app, once.
#[tauri::command]
pub fn license_take_link(state: S<'_>) -> Option<String> {
    state.take_link_key()
}

#[tauri::command]
#[tracing::instrument(skip(state, key), err(level = "info", Debug))]
pub async fn license_activate(
    state: S<'_>,
    key: String,
    machine_name: Option<String>,
) -> ApiResult<LicenseStatus> {
    license::activate(&state.workspace()?, &key, machine_name.as_deref()).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn license_refresh(state: S<'_>) -> ApiResult<LicenseStatus> {
    license::refresh(&state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn license_deactivate(state: S<'_>) -> ApiResult<LicenseStatus> {
    license::deactivate(&state.workspace()?).await
}

/// Opens the billing portal (a short-lived link from the licence server) in the browser and
/// returns the link, for a browser that did not open.
#[tauri::command]
#[tracing::instrument(skip(app, state), err(level = "info", Debug))]
pub async fn license_open_portal(app: tauri::AppHandle, state: S<'_>) -> ApiResult<String> {
    let url = license::portal_url(&state.workspace()?).await?;
    if let Err(e) = app.opener().open_url(&url, None::<&str>) {
        tracing::warn!(error = %e, "could not open the billing portal in the browser");
    }
    Ok(url)
}

/// Sets the licence server for this workspace (`None`: back to the build's); returns the one in
/// force.
#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn license_set_server(state: S<'_>, url: Option<String>) -> ApiResult<String> {
    license::set_server_url(&state.workspace()?, url.as_deref()).await
}
