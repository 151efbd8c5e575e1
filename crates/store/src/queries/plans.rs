//! `plans`: growth plans per client, one active; the plan itself is a JSON document.
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use crate::db::Store;
use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, FromRow)]
pub struct PlanRow {
    pub id: String,
    pub client_id: String,
    pub name: String,
    /// `offline` or `ai`.
    pub source: String,
    pub active: bool,
    pub start_date: String,
    #[ts(type = "number")]
    pub days: i64,
    /// The request as JSON.
    pub request: String,
    /// The plan as JSON.
    pub plan: String,
    pub created_at: String,
    pub updated_at: String,
}

/// Stores a new plan; when it is active, the client's other plans stop being active (one
/// transaction).
pub async fn insert(store: &Store, p: &PlanRow) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    if p.active {
        sqlx::query("UPDATE plans SET active = 0 WHERE client_id = ? AND active = 1")
            .bind(&p.client_id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO plans (id, client_id, name, source, active, start_date, days, request, plan, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&p.id)
    .bind(&p.client_id)
    .bind(&p.name)
    .bind(&p.source)
    .bind(p.active)
    .bind(&p.start_date)
    .bind(p.days)
    .bind(&p.request)
    .bind(&p.plan)
    .bind(&p.created_at)
    .bind(&p.updated_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn get(store: &Store, id: &str) -> StoreResult<Option<PlanRow>> {
    Ok(sqlx::query_as::<_, PlanRow>(
        "SELECT id, client_id, name, source, active, start_date, days, request, plan, created_at, updated_at FROM plans WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(store.pool())
    .await?)
}

/// The client's plans, the active one first, then the newest.
pub async fn list_for_client(store: &Store, client_id: &str) -> StoreResult<Vec<PlanRow>> {
    Ok(sqlx::query_as::<_, PlanRow>(
        "SELECT id, client_id, name, source, active, start_date, days, request, plan, created_at, updated_at \
         FROM plans WHERE client_id = ? ORDER BY active DESC, created_at DESC, rowid DESC",
    )
    .bind(client_id)
    .fetch_all(store.pool())
    .await?)
}

/// Replaces a plan's document.
pub async fn update_plan(store: &Store, id: &str, plan: &str) -> StoreResult<()> {
    let done = sqlx::query("UPDATE plans SET plan = ?, updated_at = ? WHERE id = ?")
        .bind(plan)
        .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .bind(id)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::invalid("id", format!("no plan {id}")));
    }
    Ok(())
}

/// Makes `id` the client's active plan.
pub async fn activate(store: &Store, client_id: &str, id: &str) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    sqlx::query("UPDATE plans SET active = 0 WHERE client_id = ? AND active = 1")
        .bind(client_id)
        .execute(&mut *tx)
        .await?;
    let done = sqlx::query("UPDATE plans SET active = 1 WHERE id = ? AND client_id = ?")
        .bind(id)
        .bind(client_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::invalid("id", format!("no plan {id}")));
    }
    tx.commit().await?;
    Ok(())
}

pub async fn delete(store: &Store, id: &str) -> StoreResult<bool> {
    Ok(sqlx::query("DELETE FROM plans WHERE id = ?")
        .bind(id)
        .execute(store.pool())
        .await?
        .rows_affected()
        > 0)
}

/// The client's active plan, if any.
pub async fn active_for_client(store: &Store, client_id: &str) -> StoreResult<Option<PlanRow>> {
    Ok(sqlx::query_as::<_, PlanRow>(
        "SELECT id, client_id, name, source, active, start_date, days, request, plan, created_at, updated_at \
         FROM plans WHERE client_id = ? AND active = 1 ORDER BY created_at DESC, rowid DESC LIMIT 1",
    )
    .bind(client_id)
    .fetch_optional(store.pool())
    .await?)
}
