//! The queue: adding triaged and drafted messages, listing them by priority, marking them handled,
//! and redrafting one.
use std::collections::{HashMap, HashSet};

use instagrowth_ai::CancellationToken;
use instagrowth_replies::{
    draft_replies, first_name, priority, triage, triage_with, Channel, DraftContext, Message,
    ReplyDraft, Triage,
};
use instagrowth_store::queries::reply_messages::{self, StoredReply};
use instagrowth_store::Client;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ai_drafts::{self, Outcome};
use super::intake::Incoming;
use super::{now_stamp, seed_now, AddOutcome};
use crate::ai::AiEvent;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// A message in the queue as the app and `--json` show it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReplyItem {
    pub id: String,
    pub client_id: String,
    /// `pasted`, `csv` or `dm`.
    pub source: String,
    pub channel: Channel,
    pub author: String,
    /// For addressing the person, when the name shows it.
    pub first_name: Option<String>,
    pub text: String,
    pub received_at: Option<String>,
    pub post: Option<String>,
    /// The imported DM thread, for `dm` messages.
    pub thread_id: Option<String>,
    pub triage: Triage,
    /// Empty for spam: hide or report it instead.
    pub drafts: Vec<ReplyDraft>,
    /// `offline` or `ai`.
    pub drafted_by: String,
    /// When it was marked handled; `null` while waiting.
    pub handled_at: Option<String>,
    pub created_at: String,
}

impl ReplyItem {
    pub(super) fn from_stored(r: &StoredReply) -> ApiResult<ReplyItem> {
        let broken = |what: &str, e: serde_json::Error| {
            ApiError::new(
                ErrorCode::Database,
                format!("queued message {} has an unreadable {what}: {e}", r.id),
            )
        };
        let triage: Triage = serde_json::from_str(&r.triage).map_err(|e| broken("triage", e))?;
        let drafts: Vec<ReplyDraft> =
            serde_json::from_str(&r.drafts).map_err(|e| broken("drafts", e))?;
        Ok(ReplyItem {
            id: r.id.clone(),
            client_id: r.client_id.clone(),
            source: r.source.clone(),
            channel: if r.channel == "dm" {
                Channel::Dm
            } else {
                Channel::Comment
            },
            first_name: first_name(&r.author),
            author: r.author.clone(),
            text: r.text.clone(),
            received_at: r.received_at.clone(),
            post: r.post.clone(),
            thread_id: r.thread_id.clone(),
            triage,
            drafts,
            drafted_by: r.drafted_by.clone(),
            handled_at: r.handled_at.clone(),
            created_at: r.created_at.clone(),
        })
    }

    pub(super) fn message(&self) -> Message {
        Message {
            author: self.author.clone(),
            text: self.text.clone(),
            received_at: self.received_at.clone(),
            post: self.post.clone(),
            channel: self.channel,
        }
    }
}

fn channel_str(c: Channel) -> &'static str {
    match c {
        Channel::Comment => "comment",
        Channel::Dm => "dm",
    }
}

/// A triage and its drafts as a stored row.
fn row(
    client_id: &str,
    inc: &Incoming,
    t: &Triage,
    drafts: &[ReplyDraft],
    drafted_by: &str,
    now: &str,
) -> ApiResult<StoredReply> {
    Ok(StoredReply {
        id: uuid::Uuid::new_v4().to_string(),
        client_id: client_id.to_string(),
        source: inc.source.to_string(),
        source_key: inc.source_key.clone(),
        channel: channel_str(inc.message.channel).into(),
        author: inc.message.author.clone(),
        text: inc.message.text.clone(),
        received_at: inc.message.received_at.clone(),
        post: inc.message.post.clone(),
        thread_id: inc.thread_id.clone(),
        intent: t.intent.as_str().into(),
        lead_score: i64::from(t.lead_score),
        priority: i64::from(t.priority),
        triage: to_json(t)?,
        drafts: to_json(drafts)?,
        drafted_by: drafted_by.into(),
        handled_at: None,
        created_at: now.to_string(),
        updated_at: now.to_string(),
    })
}

fn to_json<T: Serialize + ?Sized>(v: &T) -> ApiResult<String> {
    serde_json::to_string(v).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
}

/// Triages and drafts the new and changed messages of `incoming`, saves them in one transaction,
/// and returns every message of the input as it now stands.
pub(super) async fn add(
    ws: &Workspace,
    client: &Client,
    incoming: Vec<Incoming>,
    offline: bool,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<AddOutcome> {
    let known: HashMap<String, String> = reply_messages::list(
        ws.store(),
        &client.id,
        &reply_messages::ReplyQuery {
            include_handled: true,
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .map(|r| (r.source_key, r.text))
    .collect();
    let mut seen = HashSet::new();
    let incoming: Vec<Incoming> = incoming
        .into_iter()
        .filter(|i| seen.insert(i.source_key.clone()))
        .collect();
    let keys: Vec<String> = incoming.iter().map(|i| i.source_key.clone()).collect();
    let fresh: Vec<&Incoming> = incoming
        .iter()
        .filter(|i| known.get(&i.source_key) != Some(&i.message.text))
        .collect();
    let ctx = super::rules::context(ws, client).await?;
    let now = chrono::Utc::now();
    let stamp = now_stamp();
    let seed = seed_now();
    let mut notes = Vec::new();
    let mut drafted_by = "offline";
    let mut model = None;
    let offline_row = |inc: &Incoming| -> ApiResult<StoredReply> {
        let t = triage(&inc.message, now);
        let drafts = draft_replies(&inc.message, &t, &ctx, seed);
        row(&client.id, inc, &t, &drafts, "offline", &stamp)
    };
    let rows: Vec<StoredReply> = if offline || fresh.is_empty() {
        fresh
            .iter()
            .map(|i| offline_row(i))
            .collect::<ApiResult<_>>()?
    } else {
        let messages: Vec<Message> = fresh.iter().map(|i| i.message.clone()).collect();
        match ai_drafts::triage_and_draft(ws, client, &ctx, &messages, cancel, progress).await? {
            Outcome::Ai {
                answers,
                model: m,
                note,
            } => {
                drafted_by = "ai";
                model = Some(m);
                notes.extend(note);
                fresh
                    .iter()
                    .zip(answers)
                    .map(|(inc, a)| {
                        let t = triage_with(&inc.message, a.categories, now);
                        let by = if a.by_ai { "ai" } else { "offline" };
                        row(&client.id, inc, &t, &a.drafts, by, &stamp)
                    })
                    .collect::<ApiResult<_>>()?
            }
            Outcome::Offline(reason) => {
                notes.extend(reason);
                fresh
                    .iter()
                    .map(|i| offline_row(i))
                    .collect::<ApiResult<_>>()?
            }
        }
    };
    let mut counts = reply_messages::add_all(ws.store(), &rows).await?;
    // Known messages with the same text were not triaged again.
    counts.unchanged += (incoming.len() - fresh.len()) as u32;
    let keys: HashSet<String> = keys.into_iter().collect();
    let mut items: Vec<ReplyItem> = queue_rows(ws, &client.id, true, None)
        .await?
        .into_iter()
        .filter(|(r, _)| keys.contains(&r.source_key))
        .map(|(_, item)| item)
        .collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.triage.priority));
    tracing::info!(
        added = counts.added,
        updated = counts.updated,
        unchanged = counts.unchanged,
        drafted_by,
        "replies queued"
    );
    Ok(AddOutcome {
        counts,
        items,
        drafted_by: drafted_by.into(),
        model,
        notes,
    })
}

/// The queue rows with their items, priority recomputed for now (waiting time counts).
async fn queue_rows(
    ws: &Workspace,
    client_id: &str,
    include_handled: bool,
    q: Option<&ReplyQuery>,
) -> ApiResult<Vec<(StoredReply, ReplyItem)>> {
    let query = reply_messages::ReplyQuery {
        intent: q.and_then(|q| q.intent.clone()),
        include_handled,
        min_lead_score: q.and_then(|q| q.min_lead_score),
    };
    let now = chrono::Utc::now();
    let mut out = Vec::new();
    for r in reply_messages::list(ws.store(), client_id, &query).await? {
        let mut item = ReplyItem::from_stored(&r)?;
        item.triage.priority = priority(
            item.triage.intent,
            item.triage.urgency,
            item.triage.lead_score,
            item.received_at.as_deref(),
            now,
        );
        out.push((r, item));
    }
    Ok(out)
}

/// Which queued messages to list.
pub type ReplyQuery = reply_messages::ReplyQuery;

/// `client`'s queue: waiting messages by priority (then the longest waiting), handled ones last
/// when asked for.
pub async fn list(ws: &Workspace, client: &str, q: &ReplyQuery) -> ApiResult<Vec<ReplyItem>> {
    let client = crate::clients::show(ws, client).await?;
    let mut items: Vec<ReplyItem> = queue_rows(ws, &client.id, q.include_handled, Some(q))
        .await?
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    items.sort_by(|a, b| {
        (a.handled_at.is_some(), std::cmp::Reverse(a.triage.priority))
            .cmp(&(b.handled_at.is_some(), std::cmp::Reverse(b.triage.priority)))
    });
    Ok(items)
}

async fn get(ws: &Workspace, id: &str) -> ApiResult<StoredReply> {
    reply_messages::get(ws.store(), id).await?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::NotFound,
            format!("no queued message {id} — it may have been deleted"),
        )
    })
}

/// Marks a message handled (replied to from Instagram) or back to waiting.
pub async fn set_handled(ws: &Workspace, id: &str, handled: bool) -> ApiResult<ReplyItem> {
    reply_messages::set_handled(ws.store(), id, handled, &now_stamp()).await?;
    ReplyItem::from_stored(&get(ws, id).await?)
}

/// Removes a message from the queue.
pub async fn delete(ws: &Workspace, id: &str) -> ApiResult<()> {
    if !reply_messages::delete(ws.store(), id).await? {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!("no queued message {id}"),
        ));
    }
    Ok(())
}

/// Removes `client`'s handled messages; how many went.
pub async fn clear_handled(ws: &Workspace, client: &str) -> ApiResult<u32> {
    let client = crate::clients::show(ws, client).await?;
    Ok(reply_messages::clear_handled(ws.store(), &client.id).await? as u32)
}

/// New offline drafts for a stored message (another seed gives other wording); its triage is
/// recomputed too.
pub(super) async fn redraft_offline(
    ws: &Workspace,
    r: &StoredReply,
    ctx: &DraftContext,
    seed: Option<u64>,
) -> ApiResult<ReplyItem> {
    let item = ReplyItem::from_stored(r)?;
    let message = item.message();
    let t = triage(&message, chrono::Utc::now());
    let drafts = draft_replies(&message, &t, ctx, seed.unwrap_or_else(seed_now));
    save_redraft(ws, r, &t, &drafts, "offline").await
}

async fn save_redraft(
    ws: &Workspace,
    r: &StoredReply,
    t: &Triage,
    drafts: &[ReplyDraft],
    drafted_by: &str,
) -> ApiResult<ReplyItem> {
    let updated = StoredReply {
        intent: t.intent.as_str().into(),
        lead_score: i64::from(t.lead_score),
        priority: i64::from(t.priority),
        triage: to_json(t)?,
        drafts: to_json(drafts)?,
        drafted_by: drafted_by.into(),
        updated_at: now_stamp(),
        ..r.clone()
    };
    reply_messages::set_triage_and_drafts(ws.store(), &updated).await?;
    ReplyItem::from_stored(&updated)
}

/// Redrafting one message.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
pub struct RedraftRequest {
    /// Draft offline even when an AI provider is set up.
    pub offline: bool,
    /// The offline drafts' seed; a new one each time when absent.
    #[ts(type = "number | null")]
    pub seed: Option<u64>,
}

/// A message with new drafts, and why they are offline when AI was asked for but not used.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Redrafted {
    pub item: ReplyItem,
    pub note: Option<String>,
}

/// New drafts for one queued message: by the AI provider when set up (the note says why not),
/// else offline with another wording.
#[tracing::instrument(skip(ws, cancel, progress), err(level = "info", Debug))]
pub async fn redraft(
    ws: &Workspace,
    id: &str,
    req: &RedraftRequest,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<Redrafted> {
    crate::license::require_feature(ws, "replies", "redrafts").await?;
    let r = get(ws, id).await?;
    let client = crate::clients::show(ws, &r.client_id).await?;
    let ctx = super::rules::context(ws, &client).await?;
    if req.offline {
        let item = redraft_offline(ws, &r, &ctx, req.seed).await?;
        return Ok(Redrafted { item, note: None });
    }
    let message = ReplyItem::from_stored(&r)?.message();
    match ai_drafts::triage_and_draft(
        ws,
        &client,
        &ctx,
        std::slice::from_ref(&message),
        cancel,
        progress,
    )
    .await?
    {
        Outcome::Ai { answers, note, .. } => {
            let a = answers.into_iter().next().ok_or_else(|| {
                ApiError::new(ErrorCode::AiInvalidAnswer, "the model answered nothing")
            })?;
            let t = triage_with(&message, a.categories, chrono::Utc::now());
            let by = if a.by_ai { "ai" } else { "offline" };
            let item = save_redraft(ws, &r, &t, &a.drafts, by).await?;
            Ok(Redrafted { item, note })
        }
        Outcome::Offline(note) => {
            let item = redraft_offline(ws, &r, &ctx, req.seed).await?;
            Ok(Redrafted { item, note })
        }
    }
}
