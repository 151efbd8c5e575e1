//! `audits`: stored audits per client — the whole document as JSON plus the numbers lists need.
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use crate::db::Store;
use crate::error::StoreResult;

/// One stored audit, without its document (for history lists).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, FromRow)]
pub struct AuditSummary {
    pub id: String,
    pub client_id: String,
    pub created_at: String,
    /// `offline` or `ai`.
    pub narrative_source: String,
    #[ts(type = "number")]
    pub posts_analysed: i64,
    #[ts(type = "number | null")]
    pub followers: Option<i64>,
    pub engagement_rate: Option<f64>,
    pub engagement_rate_by_reach: Option<f64>,
    #[ts(type = "number")]
    pub content_score: i64,
    #[ts(type = "number")]
    pub risk_score: i64,
    pub risk_level: String,
}

/// What to store; `document` is the audit as JSON.
#[derive(Debug, Clone)]
pub struct NewAudit {
    pub summary: AuditSummary,
    pub document: String,
}

pub async fn insert(store: &Store, audit: &NewAudit) -> StoreResult<()> {
    let s = &audit.summary;
    sqlx::query(
        "INSERT INTO audits (id, client_id, created_at, narrative_source, posts_analysed, followers, \
         engagement_rate, engagement_rate_by_reach, content_score, risk_score, risk_level, document) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&s.id)
    .bind(&s.client_id)
    .bind(&s.created_at)
    .bind(&s.narrative_source)
    .bind(s.posts_analysed)
    .bind(s.followers)
    .bind(s.engagement_rate)
    .bind(s.engagement_rate_by_reach)
    .bind(s.content_score)
    .bind(s.risk_score)
    .bind(&s.risk_level)
    .bind(&audit.document)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The client's audits, the newest first.
pub async fn list_for_client(store: &Store, client_id: &str) -> StoreResult<Vec<AuditSummary>> {
    Ok(sqlx::query_as::<_, AuditSummary>(
        "SELECT id, client_id, created_at, narrative_source, posts_analysed, followers, \
         engagement_rate, engagement_rate_by_reach, content_score, risk_score, risk_level \
         FROM audits WHERE client_id = ? ORDER BY created_at DESC, rowid DESC",
    )
    .bind(client_id)
    .fetch_all(store.pool())
    .await?)
}

/// An audit's document (JSON), if it exists.
pub async fn document(store: &Store, id: &str) -> StoreResult<Option<(String, String)>> {
    Ok(
        sqlx::query_as::<_, (String, String)>(
            "SELECT client_id, document FROM audits WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(store.pool())
        .await?,
    )
}

/// The client's latest audit made before `created_at`, as JSON.
pub async fn previous_document(
    store: &Store,
    client_id: &str,
    before: &str,
) -> StoreResult<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT document FROM audits WHERE client_id = ? AND created_at < ? \
         ORDER BY created_at DESC, rowid DESC LIMIT 1",
    )
    .bind(client_id)
    .bind(before)
    .fetch_optional(store.pool())
    .await?)
}
