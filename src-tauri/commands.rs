//! Tauri commands: each is one line into `instagrowth-api`. Errors cross as `{code, message, field}`.
use instagrowth_api::{clients, ApiResult, AppInfo, Client, ClientPatch, ClientQuery, NewClient};
use tauri::State;

use crate::state::AppState;

type S<'a> = State<'a, AppState>;

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub fn app_info(state: S<'_>) -> ApiResult<AppInfo> {
    Ok(AppInfo::new(state.data_dir()))
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_list(state: S<'_>, query: ClientQuery) -> ApiResult<Vec<Client>> {
    clients::list(state.workspace()?, &query).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_tags(state: S<'_>) -> ApiResult<Vec<String>> {
    clients::tags(state.workspace()?).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_get(state: S<'_>, key: String) -> ApiResult<Client> {
    clients::show(state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn clients_create(state: S<'_>, input: NewClient) -> ApiResult<Client> {
    clients::add(state.workspace()?, &input).await
}

#[tauri::command]
#[tracing::instrument(skip(state, patch), err(level = "info", Debug))]
pub async fn clients_update(state: S<'_>, key: String, patch: ClientPatch) -> ApiResult<Client> {
    clients::update(state.workspace()?, &key, &patch).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_archive(state: S<'_>, key: String) -> ApiResult<Client> {
    clients::archive(state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_unarchive(state: S<'_>, key: String) -> ApiResult<Client> {
    clients::unarchive(state.workspace()?, &key).await
}

#[tauri::command]
#[tracing::instrument(skip(state), err(level = "info", Debug))]
pub async fn clients_delete(state: S<'_>, key: String) -> ApiResult<Client> {
    clients::delete(state.workspace()?, &key).await
}
