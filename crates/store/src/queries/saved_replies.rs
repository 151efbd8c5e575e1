//! `saved_replies`: reply templates for one client or, with no client, for all of them.
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use crate::db::Store;
use crate::error::{StoreError, StoreResult};

/// A saved reply. `body` may hold variables such as `{first_name}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromRow, TS)]
pub struct SavedReply {
    pub id: String,
    /// `null`: offered for every client.
    pub client_id: Option<String>,
    pub name: String,
    pub body: String,
    /// The intent it suits (`purchase`, `pricing`, …); `null`: any.
    pub intent: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// The templates offered for `client_id`: its own and the agency-wide ones, by name.
pub async fn list_for(store: &Store, client_id: &str) -> StoreResult<Vec<SavedReply>> {
    Ok(sqlx::query_as::<_, SavedReply>(
        "SELECT id, client_id, name, body, intent, created_at, updated_at FROM saved_replies \
         WHERE client_id = ? OR client_id IS NULL ORDER BY name COLLATE NOCASE, created_at, id",
    )
    .bind(client_id)
    .fetch_all(store.pool())
    .await?)
}

pub async fn get(store: &Store, id: &str) -> StoreResult<Option<SavedReply>> {
    Ok(sqlx::query_as::<_, SavedReply>(
        "SELECT id, client_id, name, body, intent, created_at, updated_at FROM saved_replies \
         WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(store.pool())
    .await?)
}

pub async fn insert(store: &Store, r: &SavedReply) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO saved_replies (id, client_id, name, body, intent, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&r.id)
    .bind(&r.client_id)
    .bind(&r.name)
    .bind(&r.body)
    .bind(&r.intent)
    .bind(&r.created_at)
    .bind(&r.updated_at)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Replaces name, body, intent and scope of the template with `r.id`.
pub async fn update(store: &Store, r: &SavedReply) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE saved_replies SET client_id = ?, name = ?, body = ?, intent = ?, updated_at = ? \
         WHERE id = ?",
    )
    .bind(&r.client_id)
    .bind(&r.name)
    .bind(&r.body)
    .bind(&r.intent)
    .bind(&r.updated_at)
    .bind(&r.id)
    .execute(store.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::invalid(
            "id",
            format!("no saved reply {}", r.id),
        ));
    }
    Ok(())
}

pub async fn delete(store: &Store, id: &str) -> StoreResult<bool> {
    let done = sqlx::query("DELETE FROM saved_replies WHERE id = ?")
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}
