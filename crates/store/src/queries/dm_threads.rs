//! `dm_threads` and `dm_messages`: a client's direct-message conversations.
use chrono::{DateTime, SecondsFormat};
use instagrowth_model::DmThread;
use sqlx::{FromRow, SqliteConnection};

use crate::db::Store;
use crate::error::{StoreError, StoreResult};
use crate::imports::MAX_UNIX_SECS;
use crate::model::instagram::{json_list, to_json_list, StoredThread};

#[derive(FromRow)]
struct Row {
    id: String,
    thread_key: String,
    title: String,
    participants: String,
    message_count: i64,
    last_message_at: Option<String>,
    last_from_client: Option<bool>,
}

/// The client's threads, the most recently active first (threads without messages last).
pub async fn list_for_client(store: &Store, client_id: &str) -> StoreResult<Vec<StoredThread>> {
    let rows = sqlx::query_as::<_, Row>(
        "SELECT t.id, t.thread_key, t.title, t.participants, t.last_message_at, \
         t.last_from_client, \
         (SELECT COUNT(*) FROM dm_messages m WHERE m.thread_id = t.id) AS message_count \
         FROM dm_threads t WHERE t.client_id = ? \
         ORDER BY t.last_message_at IS NULL, t.last_message_at DESC, t.title, t.id",
    )
    .bind(client_id)
    .fetch_all(store.pool())
    .await?;
    let threads = rows
        .into_iter()
        .map(|r| {
            Ok(StoredThread {
                participants: json_list(&r.participants)?,
                awaiting_reply: r.last_from_client == Some(false),
                id: r.id,
                thread_key: r.thread_key,
                title: r.title,
                message_count: r.message_count,
                last_message_at: r.last_message_at,
                last_from_client: r.last_from_client,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(threads)
}

/// Adds or refreshes an imported thread and adds the messages it does not have yet.
/// True when the thread is new or gained messages.
pub(crate) async fn import(
    conn: &mut SqliteConnection,
    client_id: &str,
    t: &DmThread,
    now: &str,
) -> StoreResult<bool> {
    let (thread_id, is_new) = upsert(conn, client_id, t, now).await?;
    let mut added = false;
    for m in &t.messages {
        let sent_at = sent_at(m.sent_at_ms)?;
        let message = (m.sender.as_str(), sent_at.as_str(), m.text.as_str());
        added |= add_message(conn, &thread_id, message, m.from_client).await?;
    }
    if added {
        refresh_last(conn, &thread_id, now).await?;
    }
    Ok(is_new || added)
}

/// A message time as stored: RFC 3339 UTC with milliseconds.
fn sent_at(ms: i64) -> StoreResult<String> {
    (0..=MAX_UNIX_SECS * 1000 + 999)
        .contains(&ms)
        .then(|| DateTime::from_timestamp_millis(ms))
        .flatten()
        .map(|d| d.to_rfc3339_opts(SecondsFormat::Millis, true))
        .ok_or_else(|| {
            StoreError::invalid("sent_at", format!("message time {ms} ms is out of range"))
        })
}

/// The id of the client's thread with `t.thread_key`, adding it if new (the bool says so).
/// A known thread takes the new title and participants when they are given and differ.
async fn upsert(
    conn: &mut SqliteConnection,
    client_id: &str,
    t: &DmThread,
    now: &str,
) -> StoreResult<(String, bool)> {
    let participants = to_json_list(&t.participants);
    let known: Option<(String, String, String)> = sqlx::query_as(
        "SELECT id, title, participants FROM dm_threads WHERE client_id = ? AND thread_key = ?",
    )
    .bind(client_id)
    .bind(&t.thread_key)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((id, title, old_participants)) = known {
        let title = if t.title.is_empty() {
            title
        } else {
            t.title.clone()
        };
        let participants = if t.participants.is_empty() {
            old_participants
        } else {
            participants
        };
        sqlx::query(
            "UPDATE dm_threads SET title = ?1, participants = ?2, updated_at = ?3 \
             WHERE id = ?4 AND (title IS NOT ?1 OR participants IS NOT ?2)",
        )
        .bind(&title)
        .bind(&participants)
        .bind(now)
        .bind(&id)
        .execute(&mut *conn)
        .await?;
        return Ok((id, false));
    }
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO dm_threads (id, client_id, thread_key, title, participants, created_at, \
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(client_id)
    .bind(&t.thread_key)
    .bind(&t.title)
    .bind(&participants)
    .bind(now)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok((id, true))
}

/// Adds a message unless the thread already has it (same time, sender and text).
/// True when it was added.
async fn add_message(
    conn: &mut SqliteConnection,
    thread_id: &str,
    (sender, sent_at, text): (&str, &str, &str),
    from_client: bool,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "INSERT INTO dm_messages (thread_id, sender, sent_at, text, from_client) \
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (thread_id, sent_at, sender, text) DO NOTHING",
    )
    .bind(thread_id)
    .bind(sender)
    .bind(sent_at)
    .bind(text)
    .bind(from_client)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Copies the newest message's time and author onto the thread.
async fn refresh_last(conn: &mut SqliteConnection, thread_id: &str, now: &str) -> StoreResult<()> {
    sqlx::query(
        "UPDATE dm_threads SET (last_message_at, last_from_client) = \
         (SELECT sent_at, from_client FROM dm_messages WHERE thread_id = ?1 \
          ORDER BY sent_at DESC, rowid DESC LIMIT 1), updated_at = ?2 WHERE id = ?1",
    )
    .bind(thread_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A thread whose last message came from the other person, with the messages they sent since the
/// client last wrote (oldest first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwaitingThread {
    pub thread_id: String,
    pub title: String,
    /// `(sender, sent_at, text)`.
    pub unanswered: Vec<(String, String, String)>,
}

/// The client's threads awaiting a reply, the most recent first.
pub async fn awaiting_reply(store: &Store, client_id: &str) -> StoreResult<Vec<AwaitingThread>> {
    let threads: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, title FROM dm_threads WHERE client_id = ? AND last_from_client = 0 \
         ORDER BY last_message_at DESC, id",
    )
    .bind(client_id)
    .fetch_all(store.pool())
    .await?;
    let mut out = Vec::with_capacity(threads.len());
    for (thread_id, title) in threads {
        let mut unanswered: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT sender, sent_at, text FROM dm_messages WHERE thread_id = ?1 AND from_client = 0 \
             AND sent_at > COALESCE((SELECT MAX(sent_at) FROM dm_messages \
             WHERE thread_id = ?1 AND from_client = 1), '') ORDER BY sent_at, rowid",
        )
        .bind(&thread_id)
        .fetch_all(store.pool())
        .await?;
        unanswered.retain(|(_, _, text)| !text.trim().is_empty());
        if !unanswered.is_empty() {
            out.push(AwaitingThread {
                thread_id,
                title,
                unanswered,
            });
        }
    }
    Ok(out)
}
