//! The usage ledger: one row per AI call (client, feature, provider, model, tokens, estimated
//! cost, credits, latency, outcome), its totals per month and per client, and the price table.
use instagrowth_ai::pricing::{cost_micro_usd, price_for, ModelPrice};
use instagrowth_ai::{Call, ProviderSettings};
use instagrowth_store::queries::{ai_prices, ai_usage};
use instagrowth_store::{NewUsage, UsageRecord, UsageTotals};
use serde::Serialize;
use ts_rs::TS;

use super::config::{credit_month, status, AiStatus};
use crate::error::ApiResult;
use crate::Workspace;

/// What the usage page and `instagrowth ai usage` show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct UsageReport {
    pub status: AiStatus,
    /// Set when the report is for one client.
    pub client_id: Option<String>,
    /// Totals per month, the newest first.
    pub months: Vec<UsageTotals>,
    /// This month's totals per client (only in the workspace-wide report).
    pub clients: Vec<UsageTotals>,
    /// The latest calls, the newest first.
    pub recent: Vec<UsageRecord>,
}

/// Records one call. `credits` is charged only when `outcome` is `ok`.
pub(crate) async fn record(
    ws: &Workspace,
    client_id: Option<&str>,
    feature: &str,
    settings: &ProviderSettings,
    call: &Call,
    outcome: &str,
    credits: i64,
) -> ApiResult<()> {
    let (cost, priced) = if settings.preset.is_local() {
        (0, true)
    } else {
        let table = prices(ws).await?;
        match price_for(&call.model, &table).or_else(|| price_for(&settings.model, &table)) {
            Some(price) => (cost_micro_usd(&call.usage, price), true),
            None => (0, false),
        }
    };
    let ok = outcome == "ok";
    ai_usage::insert(
        ws.store(),
        &NewUsage {
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            client_id: client_id.map(str::to_string),
            feature: feature.to_string(),
            provider: settings.preset.id().to_string(),
            model: call.model.clone(),
            prompt_tokens: call.usage.prompt_tokens.into(),
            completion_tokens: call.usage.completion_tokens.into(),
            tokens_estimated: call.usage.estimated,
            cost_micro_usd: if ok { cost } else { 0 },
            priced,
            credits: if ok { credits } else { 0 },
            latency_ms: call.latency.as_millis().min(i64::MAX as u128) as i64,
            attempts: call.attempts.into(),
            outcome: outcome.to_string(),
        },
    )
    .await?;
    Ok(())
}

/// Usage per month (and this month per client), with the latest calls; for one client when
/// `client` (an id or @handle) is given.
pub async fn usage(ws: &Workspace, client: Option<&str>) -> ApiResult<UsageReport> {
    let client_id = match client {
        Some(key) => Some(crate::clients::show(ws, key).await?.id),
        None => None,
    };
    let (month, _) = credit_month(chrono::Utc::now());
    let clients = match client_id {
        Some(_) => Vec::new(),
        None => ai_usage::by_client(ws.store(), &month).await?,
    };
    Ok(UsageReport {
        status: status(ws).await?,
        months: ai_usage::by_month(ws.store(), client_id.as_deref()).await?,
        recent: ai_usage::recent(ws.store(), client_id.as_deref(), 50).await?,
        clients,
        client_id,
    })
}

/// One month's totals per client (`month` is `YYYY-MM`).
pub async fn usage_by_client(ws: &Workspace, month: &str) -> ApiResult<Vec<UsageTotals>> {
    Ok(ai_usage::by_client(ws.store(), month).await?)
}

pub async fn prices(ws: &Workspace) -> ApiResult<Vec<ModelPrice>> {
    Ok(ai_prices::list(ws.store())
        .await?
        .into_iter()
        .map(|r| ModelPrice {
            model: r.model,
            input_micro_usd_per_mtok: r.input_micro_usd_per_mtok,
            output_micro_usd_per_mtok: r.output_micro_usd_per_mtok,
        })
        .collect())
}

pub async fn set_price(ws: &Workspace, price: &ModelPrice) -> ApiResult<Vec<ModelPrice>> {
    ai_prices::upsert(
        ws.store(),
        &ai_prices::PriceRow {
            model: price.model.clone(),
            input_micro_usd_per_mtok: price.input_micro_usd_per_mtok,
            output_micro_usd_per_mtok: price.output_micro_usd_per_mtok,
        },
    )
    .await?;
    prices(ws).await
}

pub async fn delete_price(ws: &Workspace, model: &str) -> ApiResult<Vec<ModelPrice>> {
    ai_prices::delete(ws.store(), model).await?;
    prices(ws).await
}
