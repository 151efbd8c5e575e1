//! Client accounts: what `clients …` in the CLI and the client screens in the app do.
use instagrowth_store::queries::{client_tags, clients};

use instagrowth_store::StoreError;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::{Client, ClientPatch, ClientQuery, NewClient, Workspace};

/// The licence's active-client limit turned into the plan's message.
fn limited(r: Result<Client, StoreError>, plan: &str) -> ApiResult<Client> {
    match r {
        Err(StoreError::ActiveClientLimit(max)) => Err(ApiError::new(
            ErrorCode::PlanLimit,
            crate::license::limit_message(plan, max),
        )),
        other => Ok(other?),
    }
}

#[tracing::instrument(skip(ws, input), fields(handle = %input.handle), err(level = "info", Debug))]
/// Refused while read-only, and when the licence's active clients are all in use (counted in
/// the inserting transaction).
pub async fn add(ws: &Workspace, input: &NewClient) -> ApiResult<Client> {
    let (max, plan) = crate::license::client_limit(ws, "New clients").await?;
    limited(clients::insert_limited(ws.store(), input, max).await, &plan)
}

#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn list(ws: &Workspace, query: &ClientQuery) -> ApiResult<Vec<Client>> {
    Ok(clients::list(ws.store(), query).await?)
}

/// A client by id, `@handle` or bare handle.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn show(ws: &Workspace, key: &str) -> ApiResult<Client> {
    Ok(clients::resolve(ws.store(), key).await?)
}

#[tracing::instrument(skip(ws, patch), err(level = "info", Debug))]
pub async fn update(ws: &Workspace, key: &str, patch: &ClientPatch) -> ApiResult<Client> {
    let client = clients::resolve(ws.store(), key).await?;
    Ok(clients::update(ws.store(), &client.id, patch).await?)
}

#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn archive(ws: &Workspace, key: &str) -> ApiResult<Client> {
    let client = clients::resolve(ws.store(), key).await?;
    Ok(clients::set_archived(ws.store(), &client.id, true).await?)
}

#[tracing::instrument(skip(ws), err(level = "info", Debug))]
/// Restoring takes an active place: refused while read-only and at the licence's limit.
pub async fn unarchive(ws: &Workspace, key: &str) -> ApiResult<Client> {
    let client = clients::resolve(ws.store(), key).await?;
    let (max, plan) = crate::license::client_limit(ws, "Restoring archived clients").await?;
    limited(
        clients::set_archived_limited(ws.store(), &client.id, false, max).await,
        &plan,
    )
}

/// Deletes a client and all its data; returns what was deleted.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn delete(ws: &Workspace, key: &str) -> ApiResult<Client> {
    let client = clients::resolve(ws.store(), key).await?;
    clients::delete(ws.store(), &client.id).await?;
    Ok(client)
}

/// Every tag in use, for the tag filter.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn tags(ws: &Workspace) -> ApiResult<Vec<String>> {
    Ok(client_tags::all(ws.store()).await?)
}
