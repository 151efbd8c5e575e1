//! `reply_messages`: the reply assistant's queue of comments and DMs, triaged and drafted.
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use crate::db::Store;
use crate::error::{StoreError, StoreResult};

/// A queued message as stored. `triage` and `drafts` are JSON text owned by the reply engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromRow)]
pub struct StoredReply {
    pub id: String,
    pub client_id: String,
    /// `pasted`, `csv` or `dm`.
    pub source: String,
    pub source_key: String,
    /// `comment` or `dm`.
    pub channel: String,
    pub author: String,
    pub text: String,
    pub received_at: Option<String>,
    pub post: Option<String>,
    pub thread_id: Option<String>,
    pub intent: String,
    pub lead_score: i64,
    pub priority: i64,
    pub triage: String,
    pub drafts: String,
    /// `offline` or `ai`.
    pub drafted_by: String,
    pub handled_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// Which queued messages to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ReplyQuery {
    /// Only this intent (`purchase`, `pricing`, …).
    #[ts(optional = nullable)]
    pub intent: Option<String>,
    /// Handled messages are hidden unless asked for.
    pub include_handled: bool,
    /// Only messages scoring at least this as a lead.
    #[ts(optional = nullable)]
    pub min_lead_score: Option<u32>,
}

/// What adding a batch to the queue did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QueueCounts {
    pub added: u32,
    /// Known messages whose text changed (a DM thread with new messages): re-triaged and back in
    /// the queue.
    pub updated: u32,
    pub unchanged: u32,
}

macro_rules! select {
    () => {
        "SELECT id, client_id, source, source_key, channel, author, text, received_at, post, \
         thread_id, intent, lead_score, priority, triage, drafts, drafted_by, handled_at, \
         created_at, updated_at FROM reply_messages"
    };
}

/// Adds messages to the queue in one transaction. A message whose `(client_id, source_key)` is
/// known is left alone when its text is the same, and otherwise replaced (triage, drafts and all)
/// and marked unhandled again.
pub async fn add_all(store: &Store, rows: &[StoredReply]) -> StoreResult<QueueCounts> {
    let mut tx = store.pool().begin().await?;
    let mut counts = QueueCounts::default();
    for r in rows {
        let known: Option<(String, String)> = sqlx::query_as(
            "SELECT id, text FROM reply_messages WHERE client_id = ? AND source_key = ?",
        )
        .bind(&r.client_id)
        .bind(&r.source_key)
        .fetch_optional(&mut *tx)
        .await?;
        match known {
            Some((_, text)) if text == r.text => counts.unchanged += 1,
            Some((id, _)) => {
                sqlx::query(
                    "UPDATE reply_messages SET channel = ?, author = ?, text = ?, received_at = ?, \
                     post = ?, thread_id = ?, intent = ?, lead_score = ?, priority = ?, triage = ?, \
                     drafts = ?, drafted_by = ?, handled_at = NULL, updated_at = ? WHERE id = ?",
                )
                .bind(&r.channel)
                .bind(&r.author)
                .bind(&r.text)
                .bind(&r.received_at)
                .bind(&r.post)
                .bind(&r.thread_id)
                .bind(&r.intent)
                .bind(r.lead_score)
                .bind(r.priority)
                .bind(&r.triage)
                .bind(&r.drafts)
                .bind(&r.drafted_by)
                .bind(&r.updated_at)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
                counts.updated += 1;
            }
            None => {
                sqlx::query(
                    "INSERT INTO reply_messages (id, client_id, source, source_key, channel, author, \
                     text, received_at, post, thread_id, intent, lead_score, priority, triage, drafts, \
                     drafted_by, handled_at, created_at, updated_at) \
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                )
                .bind(&r.id)
                .bind(&r.client_id)
                .bind(&r.source)
                .bind(&r.source_key)
                .bind(&r.channel)
                .bind(&r.author)
                .bind(&r.text)
                .bind(&r.received_at)
                .bind(&r.post)
                .bind(&r.thread_id)
                .bind(&r.intent)
                .bind(r.lead_score)
                .bind(r.priority)
                .bind(&r.triage)
                .bind(&r.drafts)
                .bind(&r.drafted_by)
                .bind(&r.handled_at)
                .bind(&r.created_at)
                .bind(&r.updated_at)
                .execute(&mut *tx)
                .await?;
                counts.added += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(counts)
}

pub async fn get(store: &Store, id: &str) -> StoreResult<Option<StoredReply>> {
    Ok(
        sqlx::query_as::<_, StoredReply>(concat!(select!(), " WHERE id = ?"))
            .bind(id)
            .fetch_optional(store.pool())
            .await?,
    )
}

/// The client's queue, highest priority first, then the longest waiting.
pub async fn list(store: &Store, client_id: &str, q: &ReplyQuery) -> StoreResult<Vec<StoredReply>> {
    let mut b = sqlx::QueryBuilder::<sqlx::Sqlite>::new(select!());
    b.push(" WHERE client_id = ").push_bind(client_id);
    if let Some(intent) = &q.intent {
        b.push(" AND intent = ").push_bind(intent.clone());
    }
    if !q.include_handled {
        b.push(" AND handled_at IS NULL");
    }
    if let Some(min) = q.min_lead_score {
        b.push(" AND lead_score >= ").push_bind(i64::from(min));
    }
    b.push(
        " ORDER BY handled_at IS NOT NULL, priority DESC, received_at IS NULL, received_at, \
         created_at, rowid",
    );
    Ok(b.build_query_as::<StoredReply>()
        .fetch_all(store.pool())
        .await?)
}

/// Marks a message handled (at `now`) or back to waiting.
pub async fn set_handled(store: &Store, id: &str, handled: bool, now: &str) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE reply_messages SET handled_at = CASE WHEN ?1 THEN ?2 END, updated_at = ?2 \
         WHERE id = ?3",
    )
    .bind(handled)
    .bind(now)
    .bind(id)
    .execute(store.pool())
    .await?;
    found(done.rows_affected(), id)
}

/// Replaces a message's triage and drafts (a redraft, offline or by the AI provider).
pub async fn set_triage_and_drafts(store: &Store, r: &StoredReply) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE reply_messages SET intent = ?, lead_score = ?, priority = ?, triage = ?, drafts = ?, \
         drafted_by = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&r.intent)
    .bind(r.lead_score)
    .bind(r.priority)
    .bind(&r.triage)
    .bind(&r.drafts)
    .bind(&r.drafted_by)
    .bind(&r.updated_at)
    .bind(&r.id)
    .execute(store.pool())
    .await?;
    found(done.rows_affected(), &r.id)
}

pub async fn delete(store: &Store, id: &str) -> StoreResult<bool> {
    let done = sqlx::query("DELETE FROM reply_messages WHERE id = ?")
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Removes the client's handled messages; how many went.
pub async fn clear_handled(store: &Store, client_id: &str) -> StoreResult<u64> {
    let done =
        sqlx::query("DELETE FROM reply_messages WHERE client_id = ? AND handled_at IS NOT NULL")
            .bind(client_id)
            .execute(store.pool())
            .await?;
    Ok(done.rows_affected())
}

fn found(rows: u64, id: &str) -> StoreResult<()> {
    if rows == 0 {
        return Err(StoreError::invalid("id", format!("no queued message {id}")));
    }
    Ok(())
}

/// How many of a client's queued messages wait for a reply, and how many of those are leads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, FromRow)]
pub struct WaitingCounts {
    pub waiting: i64,
    /// Waiting messages whose lead score is at least the asked minimum.
    pub leads: i64,
}

/// The client's unhandled messages, and those among them scoring at least `min_lead_score`.
pub async fn waiting_counts(
    store: &Store,
    client_id: &str,
    min_lead_score: i64,
) -> StoreResult<WaitingCounts> {
    Ok(sqlx::query_as::<_, WaitingCounts>(
        "SELECT COUNT(*) AS waiting, COALESCE(SUM(lead_score >= ?), 0) AS leads \
         FROM reply_messages WHERE client_id = ? AND handled_at IS NULL",
    )
    .bind(min_lead_score)
    .bind(client_id)
    .fetch_one(store.pool())
    .await?)
}
