//! The AI usage ledger's rows and totals, and the editable price table.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One AI call to record. A call that did not succeed costs nothing and uses no credit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewUsage {
    /// RFC 3339 UTC; the credit month is taken from it.
    pub at: String,
    pub client_id: Option<String>,
    pub feature: String,
    pub provider: String,
    pub model: String,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub tokens_estimated: bool,
    pub cost_micro_usd: i64,
    pub priced: bool,
    pub credits: i64,
    pub latency_ms: i64,
    pub attempts: i64,
    /// `ok`, or the error code the call ended with.
    pub outcome: String,
}

/// A recorded call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UsageRecord {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub client_id: Option<String>,
    /// The client's name, `null` when the call was for no client or the client was deleted.
    pub client_name: Option<String>,
    pub feature: String,
    pub provider: String,
    pub model: String,
    #[ts(type = "number")]
    pub prompt_tokens: i64,
    #[ts(type = "number")]
    pub completion_tokens: i64,
    pub tokens_estimated: bool,
    #[ts(type = "number")]
    pub cost_micro_usd: i64,
    pub priced: bool,
    #[ts(type = "number")]
    pub credits: i64,
    #[ts(type = "number")]
    pub latency_ms: i64,
    #[ts(type = "number")]
    pub attempts: i64,
    pub outcome: String,
}

/// Totals over a group of calls (a month, or a client within a month).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UsageTotals {
    /// `YYYY-MM`.
    pub month: String,
    /// Set when the totals are for one client.
    pub client_id: Option<String>,
    pub client_name: Option<String>,
    #[ts(type = "number")]
    pub calls: i64,
    #[ts(type = "number")]
    pub failed_calls: i64,
    #[ts(type = "number")]
    pub prompt_tokens: i64,
    #[ts(type = "number")]
    pub completion_tokens: i64,
    #[ts(type = "number")]
    pub cost_micro_usd: i64,
    /// Successful calls to a model with no price in the table (their cost is unknown).
    #[ts(type = "number")]
    pub unpriced_calls: i64,
    #[ts(type = "number")]
    pub credits: i64,
}
