//! `license_audit`: what was done to a licence outside Stripe's own events — the operator's
//! `revoke`, `suspend` and `reinstate` (who: `--by` or the OS user; why: `--reason`, required to
//! reinstate) and what a refund took back (actor `stripe`). Rows are only ever added;
//! `licenses history` lists them.
use serde::Serialize;
use sqlx::AnyConnection;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub license_id: String,
    pub action: String,
    #[serde(rename = "by")]
    pub actor: String,
    pub reason: Option<String>,
    pub created_at: i64,
}

/// Adds one entry.
pub async fn record(
    conn: &mut AnyConnection,
    license_id: &str,
    action: &str,
    actor: &str,
    reason: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO license_audit (license_id, action, actor, reason, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(license_id)
    .bind(action)
    .bind(actor)
    .bind(reason)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// A licence's entries, oldest first.
pub async fn list(
    conn: &mut AnyConnection,
    license_id: &str,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, license_id, action, actor, reason, created_at FROM license_audit \
         WHERE license_id = $1 ORDER BY id",
    )
    .bind(license_id)
    .fetch_all(conn)
    .await
}
