//! `outbox`: mail to send. A webhook only inserts a row (in its own transaction, so a rolled-back
//! event sends nothing) and answers Stripe at once; [`crate::mail::worker`] sends it.
//!
//! # Several instances, no double sends, no lost mail
//! [`claim`] leases due rows with a token in one statement: on PostgreSQL the candidate rows are
//! picked `FOR UPDATE SKIP LOCKED` and the lease condition is checked again on the row it updates,
//! so two instances never claim the same row; on SQLite the single writer does the same. A sender
//! that dies leaves its lease to run out ([`LEASE_SECS`]), then another sends the mail. A failure
//! schedules the next attempt with exponential backoff; nothing is ever dropped. Once sent, the
//! body — which may hold a purchase key — is wiped.
use serde::Serialize;
use sqlx::AnyConnection;

use crate::db::Backend;

/// How long a claimed row is reserved for its sender.
pub const LEASE_SECS: i64 = 120;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub kind: String,
    pub to_addr: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub last_error: Option<String>,
    pub lease_token: Option<String>,
}

const COLUMNS: &str =
    "id, kind, to_addr, subject, body, attempts, next_attempt_at, sent_at, last_error, lease_token";

/// Queues a message, due now.
pub async fn enqueue(
    conn: &mut AnyConnection,
    kind: &str,
    to: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO outbox (kind, to_addr, subject, body, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, 0, $5, $5)",
    )
    .bind(kind)
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Leases up to `limit` due rows to this sender; they come back with its token.
pub async fn claim(
    conn: &mut AnyConnection,
    backend: Backend,
    now: i64,
    limit: i64,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    let token = uuid::Uuid::new_v4().to_string();
    let sql = format!(
        "UPDATE outbox SET lease_until = $1, lease_token = $2 \
         WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $3 \
                      AND (lease_until IS NULL OR lease_until <= $3) ORDER BY id LIMIT $4 {}) \
         AND sent_at IS NULL AND (lease_until IS NULL OR lease_until <= $3)",
        backend.skip_locked()
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(now + LEASE_SECS)
        .bind(&token)
        .bind(now)
        .bind(limit)
        .execute(&mut *conn)
        .await?;
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM outbox WHERE lease_token = $1 AND sent_at IS NULL ORDER BY id"
    )))
    .bind(&token)
    .fetch_all(conn)
    .await
}

/// Sent: wipes the body and ends the lease.
pub async fn mark_sent(
    conn: &mut AnyConnection,
    id: i64,
    token: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $1, body = '', attempts = attempts + 1, lease_until = NULL, \
         last_error = NULL WHERE id = $2 AND lease_token = $3",
    )
    .bind(now)
    .bind(id)
    .bind(token)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Failed: counts the attempt, keeps the error, and sets when to try again.
pub async fn mark_failed(
    conn: &mut AnyConnection,
    id: i64,
    token: &str,
    error: &str,
    next_attempt_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, \
         lease_until = NULL WHERE id = $3 AND lease_token = $4",
    )
    .bind(error)
    .bind(next_attempt_at)
    .bind(id)
    .bind(token)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Every message, oldest first (tests and the operator).
pub async fn list(conn: &mut AnyConnection) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM outbox ORDER BY id"
    )))
    .fetch_all(conn)
    .await
}
