//! The reply assistant for a client: comments and DMs go into a queue (pasted text, a CSV file, or
//! the imported DM threads awaiting a reply), each triaged — intent, sentiment, language, urgency,
//! a lead score with reasons — and given 2–3 drafts in the brand's voice and under its rules.
//! Offline the engine in `instagrowth-replies` does both; with an AI provider the model classifies
//! and writes the drafts as typed output, while the lead score and priority stay rule-computed.
//! Nothing is ever sent: Instagram lets only approved apps reply through its API, so people copy a
//! draft and send it from Instagram.
mod ai_drafts;
mod intake;
mod leads_csv;
mod queue;
mod rules;
mod saved;

pub use leads_csv::{export_leads_csv, leads_csv, DEFAULT_MIN_LEAD_SCORE};
pub use queue::{
    clear_handled, delete, list, redraft, set_handled, RedraftRequest, Redrafted, ReplyItem,
    ReplyQuery,
};
pub use rules::{get_rules, set_rules};
pub use saved::{delete_saved, list_saved, render_saved, save_saved, SavedReply, SavedReplyInput};

use instagrowth_ai::CancellationToken;
use instagrowth_replies::Channel;
pub use instagrowth_store::queries::reply_messages::QueueCounts;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ai::AiEvent;
use crate::error::ApiResult;
use crate::Workspace;

/// Where the messages to add come from.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReplySource {
    /// One message per line, or `username: text`.
    Pasted { text: String, channel: Channel },
    /// A CSV file with `username` and `text` columns (and optionally `date` and `post`).
    CsvFile { path: String, channel: Channel },
    /// The imported DM threads whose last message came from the other person.
    AwaitingDms,
}

/// Add messages to a client's queue.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct AddRequest {
    pub source: ReplySource,
    /// Triage and draft offline even when an AI provider is set up.
    #[serde(default)]
    pub offline: bool,
}

/// What adding did: the messages of this input as they now stand in the queue (highest priority
/// first), how many were new, and who drafted.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AddOutcome {
    pub counts: QueueCounts,
    pub items: Vec<ReplyItem>,
    /// `offline` or `ai` for the new and changed messages.
    pub drafted_by: String,
    /// The model, when `drafted_by` is `ai`.
    pub model: Option<String>,
    /// What to know: why drafting was offline, lines that were skipped…
    pub notes: Vec<String>,
}

/// Adds messages to `client`'s queue (an id or @handle): reads them, triages and drafts the new
/// and changed ones, and saves them in one transaction. Adding the same messages again changes
/// nothing.
#[tracing::instrument(skip(ws, cancel, progress), err(level = "info", Debug))]
pub async fn add(
    ws: &Workspace,
    client: &str,
    req: &AddRequest,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<AddOutcome> {
    crate::license::require_feature(ws, "replies", "replies added to the queue").await?;
    let client = crate::clients::show(ws, client).await?;
    let incoming = intake::read(ws, &client.id, &req.source).await?;
    queue::add(ws, &client, incoming, req.offline, cancel, progress).await
}

/// Now, as stored: RFC 3339 UTC with milliseconds.
fn now_stamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A seed from the clock, for drafts that should differ from the last ones.
fn seed_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(7)
}
