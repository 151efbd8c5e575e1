//! `ai_usage`: the AI usage ledger — one row per call, and totals per month and per client.
use sqlx::FromRow;

use crate::db::Store;
use crate::error::{StoreError, StoreResult};
use crate::model::ai::{NewUsage, UsageRecord, UsageTotals};

/// Records a call. A call that did not succeed is stored with no cost and no credit whatever
/// the caller passed (the table refuses it otherwise).
pub async fn insert(store: &Store, usage: &NewUsage) -> StoreResult<i64> {
    let month = usage
        .at
        .get(..7)
        .filter(|m| m.len() == 7 && m.as_bytes()[4] == b'-')
        .ok_or_else(|| StoreError::invalid("at", format!("not an RFC 3339 time: {}", usage.at)))?;
    let ok = usage.outcome == "ok";
    let id = sqlx::query_scalar(
        "INSERT INTO ai_usage (at, month, client_id, feature, provider, model, prompt_tokens, \
         completion_tokens, tokens_estimated, cost_micro_usd, priced, credits, latency_ms, \
         attempts, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&usage.at)
    .bind(month)
    .bind(&usage.client_id)
    .bind(&usage.feature)
    .bind(&usage.provider)
    .bind(&usage.model)
    .bind(usage.prompt_tokens.max(0))
    .bind(usage.completion_tokens.max(0))
    .bind(usage.tokens_estimated)
    .bind(if ok { usage.cost_micro_usd.max(0) } else { 0 })
    .bind(usage.priced)
    .bind(if ok { usage.credits.max(0) } else { 0 })
    .bind(usage.latency_ms.max(0))
    .bind(usage.attempts.max(1))
    .bind(&usage.outcome)
    .fetch_one(store.pool())
    .await?;
    Ok(id)
}

/// Credits used in `month` (`YYYY-MM`).
pub async fn credits_used(store: &Store, month: &str) -> StoreResult<i64> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(SUM(credits), 0) FROM ai_usage WHERE month = ?")
            .bind(month)
            .fetch_one(store.pool())
            .await?,
    )
}

#[derive(FromRow)]
struct TotalsRow {
    month: String,
    client_id: Option<String>,
    client_name: Option<String>,
    calls: i64,
    failed_calls: i64,
    prompt_tokens: i64,
    completion_tokens: i64,
    cost_micro_usd: i64,
    unpriced_calls: i64,
    credits: i64,
}

impl From<TotalsRow> for UsageTotals {
    fn from(r: TotalsRow) -> Self {
        UsageTotals {
            month: r.month,
            client_id: r.client_id,
            client_name: r.client_name,
            calls: r.calls,
            failed_calls: r.failed_calls,
            prompt_tokens: r.prompt_tokens,
            completion_tokens: r.completion_tokens,
            cost_micro_usd: r.cost_micro_usd,
            unpriced_calls: r.unpriced_calls,
            credits: r.credits,
        }
    }
}

macro_rules! totals_select {
    ($client_cols:literal, $from_where_group:literal) => {
        concat!(
            "SELECT u.month AS month, ",
            $client_cols,
            " COUNT(*) AS calls, \
             COALESCE(SUM(u.outcome <> 'ok'), 0) AS failed_calls, \
             COALESCE(SUM(u.prompt_tokens), 0) AS prompt_tokens, \
             COALESCE(SUM(u.completion_tokens), 0) AS completion_tokens, \
             COALESCE(SUM(u.cost_micro_usd), 0) AS cost_micro_usd, \
             COALESCE(SUM(u.outcome = 'ok' AND u.priced = 0), 0) AS unpriced_calls, \
             COALESCE(SUM(u.credits), 0) AS credits ",
            $from_where_group
        )
    };
}

/// Totals per month, the newest first; for one client when `client_id` is set.
pub async fn by_month(store: &Store, client_id: Option<&str>) -> StoreResult<Vec<UsageTotals>> {
    let rows = sqlx::query_as::<_, TotalsRow>(totals_select!(
        "NULL AS client_id, NULL AS client_name,",
        "FROM ai_usage u WHERE (?1 IS NULL OR u.client_id = ?1) GROUP BY u.month ORDER BY u.month DESC"
    ))
    .bind(client_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Totals per client in `month`, the most credits first; calls for no client (or a deleted
/// one) are grouped under a `null` client.
pub async fn by_client(store: &Store, month: &str) -> StoreResult<Vec<UsageTotals>> {
    let rows = sqlx::query_as::<_, TotalsRow>(totals_select!(
        "u.client_id AS client_id, c.name AS client_name,",
        "FROM ai_usage u LEFT JOIN clients c ON c.id = u.client_id WHERE u.month = ? \
         GROUP BY u.client_id ORDER BY credits DESC, cost_micro_usd DESC, client_name"
    ))
    .bind(month)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

#[derive(FromRow)]
struct RecordRow {
    id: i64,
    at: String,
    client_id: Option<String>,
    client_name: Option<String>,
    feature: String,
    provider: String,
    model: String,
    prompt_tokens: i64,
    completion_tokens: i64,
    tokens_estimated: bool,
    cost_micro_usd: i64,
    priced: bool,
    credits: i64,
    latency_ms: i64,
    attempts: i64,
    outcome: String,
}

/// The latest calls, the newest first; for one client when `client_id` is set.
pub async fn recent(
    store: &Store,
    client_id: Option<&str>,
    limit: i64,
) -> StoreResult<Vec<UsageRecord>> {
    let rows = sqlx::query_as::<_, RecordRow>(
        "SELECT u.id, u.at, u.client_id, c.name AS client_name, u.feature, u.provider, u.model, \
         u.prompt_tokens, u.completion_tokens, u.tokens_estimated, u.cost_micro_usd, u.priced, \
         u.credits, u.latency_ms, u.attempts, u.outcome \
         FROM ai_usage u LEFT JOIN clients c ON c.id = u.client_id \
         WHERE (?1 IS NULL OR u.client_id = ?1) ORDER BY u.id DESC LIMIT ?2",
    )
    .bind(client_id)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| UsageRecord {
            id: r.id,
            at: r.at,
            client_id: r.client_id,
            client_name: r.client_name,
            feature: r.feature,
            provider: r.provider,
            model: r.model,
            prompt_tokens: r.prompt_tokens,
            completion_tokens: r.completion_tokens,
            tokens_estimated: r.tokens_estimated,
            cost_micro_usd: r.cost_micro_usd,
            priced: r.priced,
            credits: r.credits,
            latency_ms: r.latency_ms,
            attempts: r.attempts,
            outcome: r.outcome,
        })
        .collect())
}
