//! `licenses`: one row per subscription, one-time licence or licence issued by hand.
//!
//! # Who may change what
//! Stripe's events set the plan and add-ons (`items_event_created`) and the status
//! (`status_event_created`) — each only from an event at least as new as the one that set it
//! last, whatever object the event is about (a subscription, an invoice). The operator's
//! `suspend`/`revoke` go to `hold`, which wins over Stripe's status until `reinstate` clears it,
//! so a renewal never undoes a suspension. Nothing else revokes: a refund takes back what its
//! purchase granted and leaves the status alone.
use instagrowth_license::LicenseStatus;
use serde::Serialize;
use sqlx::AnyConnection;

/// The select list of [`LicenseRow`] (licence `l` joined with its customer `c`).
const COLUMNS: &str = "l.id, l.key_hash, l.key_prefix, l.plan, l.status, l.hold, l.add_ons, \
     l.customer_id, l.stripe_subscription_id, l.current_period_end, l.cancel_at_period_end, \
     l.expires_at, l.past_due_since, l.status_event_created, l.items_event_created, l.created_at, \
     l.updated_at, c.email, c.stripe_customer_id";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct LicenseRow {
    pub id: String,
    #[serde(skip)]
    pub key_hash: Option<String>,
    pub key_prefix: Option<String>,
    /// None until an event or the API said which plan was bought.
    pub plan: Option<String>,
    /// Stripe's (or the issuer's) status, snake_case.
    pub status: String,
    /// The operator's `suspended` / `revoked`, over `status`.
    pub hold: Option<String>,
    /// JSON `[["extra_clients_10", 2], …]`.
    pub add_ons: String,
    pub customer_id: Option<String>,
    pub stripe_subscription_id: Option<String>,
    pub current_period_end: Option<i64>,
    pub cancel_at_period_end: i64,
    /// A fixed end (issued by hand, one-time licences, `extend`).
    pub expires_at: Option<i64>,
    pub past_due_since: Option<i64>,
    pub status_event_created: i64,
    pub items_event_created: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub email: Option<String>,
    pub stripe_customer_id: Option<String>,
}

impl LicenseRow {
    /// The status in force: the operator's hold, else the stored status.
    pub fn effective_status(&self) -> LicenseStatus {
        parse_status(self.hold.as_deref().unwrap_or(&self.status))
    }

    /// Add-ons with quantities.
    pub fn add_on_list(&self) -> Vec<(String, u32)> {
        serde_json::from_str(&self.add_ons).unwrap_or_default()
    }
}

/// A stored status name as the enum (an unknown name reads as suspended: never grants use).
pub fn parse_status(s: &str) -> LicenseStatus {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .unwrap_or(LicenseStatus::Suspended)
}

/// A licence to insert.
#[derive(Debug, Clone)]
pub struct NewLicense<'a> {
    pub key_hash: Option<&'a str>,
    pub key_prefix: Option<&'a str>,
    pub plan: Option<&'a str>,
    pub status: LicenseStatus,
    pub add_ons: &'a [(String, u32)],
    pub customer_id: Option<&'a str>,
    pub stripe_subscription_id: Option<&'a str>,
    pub expires_at: Option<i64>,
}

/// Inserts a licence; its new id.
pub async fn insert(
    conn: &mut AnyConnection,
    new: &NewLicense<'_>,
    now: i64,
) -> Result<String, sqlx::Error> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO licenses (id, key_hash, key_prefix, plan, status, add_ons, customer_id, \
         stripe_subscription_id, expires_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
    )
    .bind(&id)
    .bind(new.key_hash)
    .bind(new.key_prefix)
    .bind(new.plan)
    .bind(new.status.as_str())
    .bind(add_ons_json(new.add_ons))
    .bind(new.customer_id)
    .bind(new.stripe_subscription_id)
    .bind(new.expires_at)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(id)
}

/// The licence of a subscription, created (plan unknown, status `incomplete`-like suspended)
/// when the first event about it arrives.
pub async fn ensure_for_subscription(
    conn: &mut AnyConnection,
    subscription_id: &str,
    now: i64,
) -> Result<LicenseRow, sqlx::Error> {
    sqlx::query(
        "INSERT INTO licenses (id, status, stripe_subscription_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $4) ON CONFLICT (stripe_subscription_id) DO NOTHING",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(LicenseStatus::Suspended.as_str())
    .bind(subscription_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(by_subscription(conn, subscription_id)
        .await?
        .expect("the row was just inserted or already there"))
}

pub async fn by_id(conn: &mut AnyConnection, id: &str) -> Result<Option<LicenseRow>, sqlx::Error> {
    one(conn, "l.id = $1", id).await
}

pub async fn by_key_hash(
    conn: &mut AnyConnection,
    key_hash: &str,
) -> Result<Option<LicenseRow>, sqlx::Error> {
    one(conn, "l.key_hash = $1", key_hash).await
}

pub async fn by_subscription(
    conn: &mut AnyConnection,
    subscription_id: &str,
) -> Result<Option<LicenseRow>, sqlx::Error> {
    one(conn, "l.stripe_subscription_id = $1", subscription_id).await
}

/// Licences whose key starts with `prefix` (`IGOS-7KQ3M`), for the CLI.
pub async fn by_prefix(
    conn: &mut AnyConnection,
    prefix: &str,
) -> Result<Vec<LicenseRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM licenses l LEFT JOIN customers c ON c.id = l.customer_id \
         WHERE l.key_prefix = $1 ORDER BY l.created_at"
    )))
    .bind(prefix)
    .fetch_all(conn)
    .await
}

/// The newest licence of a Stripe customer that can take a purchase (has a key, not revoked,
/// no hold). Never found by e-mail: an address is whatever the buyer typed.
pub async fn newest_for_stripe_customer(
    conn: &mut AnyConnection,
    stripe_customer_id: &str,
) -> Result<Option<LicenseRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM licenses l JOIN customers c ON c.id = l.customer_id \
         WHERE c.stripe_customer_id = $1 \
         AND l.status <> 'revoked' AND l.hold IS NULL AND l.key_hash IS NOT NULL \
         ORDER BY l.created_at DESC LIMIT 1"
    )))
    .bind(stripe_customer_id)
    .fetch_optional(conn)
    .await
}

impl LicenseRow {
    /// Whether a purchase may be attached to this licence (the same rule as
    /// [`newest_for_stripe_customer`]).
    pub fn takes_purchases(&self) -> bool {
        self.key_hash.is_some() && self.hold.is_none() && self.status != "revoked"
    }
}

/// Every licence, newest first.
pub async fn list(conn: &mut AnyConnection) -> Result<Vec<LicenseRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM licenses l LEFT JOIN customers c ON c.id = l.customer_id \
         ORDER BY l.created_at DESC, l.id"
    )))
    .fetch_all(conn)
    .await
}

async fn one(
    conn: &mut AnyConnection,
    condition: &str,
    value: &str,
) -> Result<Option<LicenseRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM licenses l LEFT JOIN customers c ON c.id = l.customer_id WHERE {condition}"
    )))
    .bind(value)
    .fetch_optional(conn)
    .await
}

/// Takes the licence's write lock for the rest of the transaction (see [`crate::db`]): the first
/// statement of any transaction that counts its machines.
pub async fn lock(conn: &mut AnyConnection, id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE licenses SET lock_version = lock_version + 1 WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a key to a licence that has none; `false` when it already had one.
pub async fn set_key(
    conn: &mut AnyConnection,
    id: &str,
    key_hash: &str,
    key_prefix: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE licenses SET key_hash = $1, key_prefix = $2, updated_at = $3 WHERE id = $4 AND key_hash IS NULL",
    )
    .bind(key_hash)
    .bind(key_prefix)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records the customer of a licence that has none yet.
pub async fn set_customer(
    conn: &mut AnyConnection,
    id: &str,
    customer_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE licenses SET customer_id = $1 WHERE id = $2 AND customer_id IS NULL")
        .bind(customer_id)
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// What a subscription's items say: the plan, add-ons, period end and cancellation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Items {
    pub plan: Option<String>,
    pub add_ons: Vec<(String, u32)>,
    pub current_period_end: Option<i64>,
    pub cancel_at_period_end: Option<bool>,
}

/// Applies `items` from an event created at `created`, unless a newer one already did.
pub async fn apply_items(
    conn: &mut AnyConnection,
    id: &str,
    items: &Items,
    created: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE licenses SET plan = COALESCE($1, plan), add_ons = $2, \
         current_period_end = COALESCE($3, current_period_end), \
         cancel_at_period_end = COALESCE($4, cancel_at_period_end), \
         items_event_created = $5, updated_at = $6 \
         WHERE id = $7 AND items_event_created <= $5",
    )
    .bind(items.plan.as_deref())
    .bind(add_ons_json(&items.add_ons))
    .bind(items.current_period_end)
    .bind(items.cancel_at_period_end.map(i64::from))
    .bind(created)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets the plan if none is known yet (from Checkout's line items; the subscription's own events
/// win because they carry a timestamp).
pub async fn set_plan_if_unknown(
    conn: &mut AnyConnection,
    id: &str,
    plan: &str,
    add_ons: &[(String, u32)],
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE licenses SET plan = $1, add_ons = $2 WHERE id = $3 AND plan IS NULL")
        .bind(plan)
        .bind(add_ons_json(add_ons))
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Sets the status from an event created at `created`, unless a newer one already did.
/// `past_due_since` starts when the status becomes past_due and clears otherwise.
pub async fn apply_status(
    conn: &mut AnyConnection,
    id: &str,
    status: LicenseStatus,
    created: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let past_due = status == LicenseStatus::PastDue;
    let done = sqlx::query(
        "UPDATE licenses SET status = $1, \
         past_due_since = CASE WHEN $2 = 1 THEN COALESCE(past_due_since, $3) ELSE NULL END, \
         status_event_created = $3, updated_at = $4 \
         WHERE id = $5 AND status_event_created <= $3 AND status <> 'revoked'",
    )
    .bind(status.as_str())
    .bind(i64::from(past_due))
    .bind(created)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Moves the paid period's end forward (never back): `invoice.paid`.
pub async fn extend_period(
    conn: &mut AnyConnection,
    id: &str,
    period_end: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE licenses SET current_period_end = $1 WHERE id = $2 \
         AND (current_period_end IS NULL OR current_period_end < $1)",
    )
    .bind(period_end)
    .bind(id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Sets the status directly (the CLI), whatever came before.
pub async fn set_status(
    conn: &mut AnyConnection,
    id: &str,
    status: LicenseStatus,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE licenses SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status.as_str())
        .bind(now)
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// The operator's hold (`suspended`, `revoked`), or None to lift it.
pub async fn set_hold(
    conn: &mut AnyConnection,
    id: &str,
    hold: Option<LicenseStatus>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE licenses SET hold = $1, updated_at = $2 WHERE id = $3")
        .bind(hold.map(LicenseStatus::as_str))
        .bind(now)
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// A fixed end for the licence (the CLI's `extend`, one-time licences).
pub async fn set_expires_at(
    conn: &mut AnyConnection,
    id: &str,
    expires_at: Option<i64>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE licenses SET expires_at = $1, updated_at = $2 WHERE id = $3")
        .bind(expires_at)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

fn add_ons_json(add_ons: &[(String, u32)]) -> String {
    serde_json::to_string(add_ons).expect("pairs of strings and numbers serialise")
}
