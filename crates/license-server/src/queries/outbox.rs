//! `outbox`: mail to send. A webhook only inserts a row (in its own transaction, so a rolled-back
//! event sends nothing) and answers Stripe at once; [`crate::mail::worker`] sends it.
//!
//! # Several instances, no double sends
//! [`claim`] leases one due row with a fresh token in one statement, right before it is sent: on
//! PostgreSQL the candidate is picked `FOR UPDATE SKIP LOCKED` and the lease condition is checked
//! again on the row it updates, so two instances never claim the same row; on SQLite the single
//! writer does the same. One row at a time, so a lease (longer than the SMTP timeout, see
//! [`crate::mail::worker`]) never runs out while its mail is still being sent; a sender that dies
//! leaves its lease to run out, then another sends the mail.
//!
//! # No key left behind
//! A message leaves the queue sent ([`mark_sent`]) or abandoned ([`mark_abandoned`]: a permanent
//! SMTP refusal, the last allowed attempt, or [`abandon_stale`] when it waited too long, e.g.
//! without `SMTP_URL`). Either way its body — which may hold a purchase key — is wiped; the row
//! stays with `last_error` for the operator.
use serde::Serialize;
use sqlx::AnyConnection;

use crate::db::Backend;

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
    /// Given up on (permanent refusal, retry bound, or too old): never tried again.
    pub abandoned_at: Option<i64>,
    pub last_error: Option<String>,
    pub lease_token: Option<String>,
    pub created_at: i64,
}

const COLUMNS: &str = "id, kind, to_addr, subject, body, attempts, next_attempt_at, sent_at, \
     abandoned_at, last_error, lease_token, created_at";

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

/// Leases the next due row to a new token until `lease_until`; the row with its token. The row is
/// picked by a scalar subquery (`id = (…)`), which PostgreSQL runs once: with `id IN (…)` it may
/// run the `LIMIT 1 … SKIP LOCKED` subquery again per row and lease the whole queue.
pub async fn claim(
    conn: &mut AnyConnection,
    backend: Backend,
    now: i64,
    lease_until: i64,
) -> Result<Option<OutboxRow>, sqlx::Error> {
    let token = uuid::Uuid::new_v4().to_string();
    let due = "sent_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= $3 \
               AND (lease_until IS NULL OR lease_until <= $3)";
    let sql = format!(
        "UPDATE outbox SET lease_until = $1, lease_token = $2 \
         WHERE id = (SELECT id FROM outbox WHERE {due} ORDER BY id LIMIT 1 {}) AND {due}",
        backend.skip_locked()
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(lease_until)
        .bind(&token)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM outbox WHERE lease_token = $1 AND sent_at IS NULL \
         AND abandoned_at IS NULL"
    )))
    .bind(&token)
    .fetch_optional(conn)
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

/// Failed for now: counts the attempt, keeps the error, and sets when to try again.
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

/// Given up on: counts the attempt, keeps the error, wipes the body, ends the lease.
pub async fn mark_abandoned(
    conn: &mut AnyConnection,
    id: i64,
    token: &str,
    error: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, last_error = $1, abandoned_at = $2, \
         body = '', lease_until = NULL WHERE id = $3 AND lease_token = $4",
    )
    .bind(error)
    .bind(now)
    .bind(id)
    .bind(token)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Abandons (and wipes) every unsent message queued before `cutoff` that nobody is sending now;
/// how many.
pub async fn abandon_stale(
    conn: &mut AnyConnection,
    cutoff: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE outbox SET abandoned_at = $1, body = '', \
         last_error = COALESCE(last_error, 'not sent') || ' (abandoned: too old to send)' \
         WHERE sent_at IS NULL AND abandoned_at IS NULL AND created_at < $2 \
         AND (lease_until IS NULL OR lease_until <= $1)",
    )
    .bind(now)
    .bind(cutoff)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Every message, oldest first (tests and the operator).
pub async fn list(conn: &mut AnyConnection) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM outbox ORDER BY id"
    )))
    .fetch_all(conn)
    .await
}
