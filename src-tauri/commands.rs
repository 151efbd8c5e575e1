//! Tauri commands: each is one line into `instagrowth-api`. Errors cross as `{code, message, field}`.
use instagrowth_api::dashboard::{self, ClientDashboard};
use instagrowth_api::import::{self, ImportRequest};
use instagrowth_api::manual::{self, ManualEntry};
use instagrowth_api::{clients, ApiResult, AppInfo, Client, ClientPatch, ClientQuery, NewClient};
use instagrowth_import::Progress;
use instagrowth_store::ImportOutcome;
use tauri::ipc::Channel;
use tauri::State;

use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub fn app_info(app: tauri::AppHandle, state: S<'_>) -> ApiResult<AppInfo> {
    // The app's own version (tauri.conf.json), which is what the updater compares.
    Ok(AppInfo::new(state.data_dir()).with_version(app.package_info().version.to_string()))
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_list(state: S<'_>, query: ClientQuery) -> ApiResult<Vec<Client>> {
    clients::list(&state.workspace()?, &query).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_tags(state: S<'_>) -> ApiResult<Vec<String>> {
    clients::tags(&state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_get(state: S<'_>, key: String) -> ApiResult<Client> {
    clients::show(&state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn clients_create(state: S<'_>, input: NewClient) -> ApiResult<Client> {
    clients::add(&state.workspace()?, &input).await
}

#[tauri::command]
#[tracing::instrument(skip(state, patch), err(level = "info", Debug))]
pub async fn clients_update(state: S<'_>, key: String, patch: ClientPatch) -> ApiResult<Client> {
    clients::update(&state.workspace()?, &key, &patch).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_archive(state: S<'_>, key: String) -> ApiResult<Client> {
    clients::archive(&state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_unarchive(state: S<'_>, key: String) -> ApiResult<Client> {
    clients::unarchive(&state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_delete(state: S<'_>, key: String) -> ApiResult<Client> {
    clients::delete(&state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn client_dashboard(state: S<'_>, key: String) -> ApiResult<ClientDashboard> {
    dashboard::client_dashboard(&state.workspace()?, &key).await
}

/// Imports files for a client, streaming progress; `import_cancel` stops it with nothing saved.
#[tauri::command]
#[tracing::instrument(skip(state, on_progress), err(level = "info", Debug))]
pub async fn import_run(
    state: S<'_>,
    key: String,
    paths: Vec<String>,
    force: bool,
    on_progress: Channel<Progress>,
) -> ApiResult<ImportOutcome> {
    let req = ImportRequest {
        client: key,
        paths: paths.into_iter().map(Into::into).collect(),
        force,
    };
    let run = state.begin_import(move |p| {
        let _ = on_progress.send(p);
    });
    import::run(&state.workspace()?, &req, run.control()).await
}

#[tauri::command]
#[tracing::instrument(skip(state))]
pub fn import_cancel(state: S<'_>) {
    state.cancel_import();
}

#[tauri::command]
#[tracing::instrument(skip(state, entry), err(level = "info", Debug))]
pub async fn manual_save(
    state: S<'_>,
    key: String,
    entry: ManualEntry,
) -> ApiResult<ImportOutcome> {
    manual::save(&state.workspace()?, &key, &entry).await
}
