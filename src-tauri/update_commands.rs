//! Tauri commands of updates: the channel (one line into `instagrowth_api::updates`), and check
//! and install through the updater plugin (`updater.rs`).
use instagrowth_api::updates::{self, UpdateChannel, UpdateEvent, UpdateInfo, UpdateSettings};
use instagrowth_api::ApiResult;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::state::AppState;
use crate::updater;

type S<'a> = State<'a, AppState>;

/// The channel, the running version (the app's own) and the endpoint.
#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn update_settings(app: AppHandle, state: S<'_>) -> ApiResult<UpdateSettings> {
    let mut s = updates::update_settings(&state.workspace()?).await?;
    s.current_version = app.package_info().version.to_string();
    Ok(s)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(level = "info", Debug))]
pub async fn update_set_channel(
    app: AppHandle,
    state: S<'_>,
    channel: UpdateChannel,
) -> ApiResult<UpdateSettings> {
    let mut s = updates::set_channel(&state.workspace()?, channel).await?;
    s.current_version = app.package_info().version.to_string();
    Ok(s)
}

/// Asks for a newer release on the workspace's channel; `null` when this is the newest.
#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn update_check(app: AppHandle) -> ApiResult<Option<UpdateInfo>> {
    updater::check(&app).await
}

/// Downloads the release found by the last check (progress over `on_event`), verifies its
/// signature, installs it and restarts into it. On failure the running version is untouched.
#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn update_install(app: AppHandle, on_event: Channel<UpdateEvent>) -> ApiResult<()> {
    let update = updater::take_pending(&app)?;
    let version = update.version.clone();
    let mut downloaded = 0u64;
    let mut started = false;
    let bytes = update
        .download(
            |chunk, total| {
                if !started {
                    started = true;
                    let _ = on_event.send(UpdateEvent::Started { total });
                }
                downloaded += chunk as u64;
                let _ = on_event.send(UpdateEvent::Progress { downloaded, total });
            },
            || {
                let _ = on_event.send(UpdateEvent::Installing);
            },
        )
        .await
        .map_err(updater::to_api_error)?;
    update.install(bytes).map_err(updater::to_api_error)?;
    tracing::info!(%version, "update installed: restarting");
    let _ = on_event.send(UpdateEvent::Installed { version });
    app.restart()
}
