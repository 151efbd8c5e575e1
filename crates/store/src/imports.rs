//! Writing one parsed import: posts, follower snapshots, DM threads and the batch record, all in
//! one transaction — any error leaves the database as it was.
use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, SecondsFormat, Utc};
use instagrowth_model::{ParsedImport, ParsedPost, PostKind, SourceKind};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use crate::db::Store;
use crate::error::{StoreError, StoreResult};
use crate::model::instagram::StoredPost;
use crate::post_index::PostIndex;
use crate::queries::{dm_threads, follower_snapshots, import_batches, posts};

/// A post without a source-key match is the same post as one another source saw when both
/// are of one kind and published at most this many seconds apart.
pub const MATCH_WINDOW_SECS: i64 = 120;

/// The latest time the store accepts (texts must stay sortable: four-digit years).
pub(crate) const MAX_UNIX_SECS: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z

/// Where an import's files came from; recorded on its batch row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BatchInfo {
    pub source: SourceKind,
    /// File names only (no folders): shown in the import history.
    pub file_names: Vec<String>,
    /// Hex SHA-256 of the input, to recognise a repeat import.
    pub sha256: String,
    /// RFC 3339, UTC: when reading the files began.
    pub started_at: String,
}

/// What one import changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportOutcome {
    pub batch_id: String,
    pub source: SourceKind,
    pub posts_added: u32,
    /// Known posts whose stored values changed.
    pub posts_updated: u32,
    /// Added + updated posts per kind; every kind is present, 0 when none.
    pub by_kind: BTreeMap<String, u32>,
    /// Posts in the import with at least one metric.
    pub with_insights: u32,
    /// Threads added or given new messages.
    pub dm_threads: u32,
    /// Snapshots added or changed.
    pub follower_snapshots: u32,
    pub skipped: u32,
    pub warnings: Vec<String>,
    /// RFC 3339, UTC: the import's oldest post; `null` without posts.
    pub first_post_at: Option<String>,
    /// RFC 3339, UTC: the import's newest post; `null` without posts.
    pub last_post_at: Option<String>,
}

/// Writes `parsed` for the client in one transaction and records the batch.
/// Importing the same data again changes nothing but adds a batch row with zero counts.
pub async fn write(
    store: &Store,
    client_id: &str,
    batch: &BatchInfo,
    parsed: &ParsedImport,
) -> StoreResult<ImportOutcome> {
    let mut tx = store.pool().begin().await?;
    // On any error `tx` is dropped here without a commit: SQLite rolls everything back.
    let outcome = write_in(&mut tx, client_id, batch, parsed).await?;
    tx.commit().await?;
    Ok(outcome)
}

async fn write_in(
    conn: &mut SqliteConnection,
    client_id: &str,
    batch: &BatchInfo,
    parsed: &ParsedImport,
) -> StoreResult<ImportOutcome> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM clients WHERE id = ?")
        .bind(client_id)
        .fetch_optional(&mut *conn)
        .await?;
    if exists.is_none() {
        return Err(StoreError::ClientNotFound(client_id.to_string()));
    }
    let batch_id = uuid::Uuid::new_v4().to_string();
    import_batches::start(conn, &batch_id, client_id, batch).await?;
    let written_at = now();
    let kinds = [
        PostKind::Image,
        PostKind::Carousel,
        PostKind::Reel,
        PostKind::Story,
    ];
    let mut o = ImportOutcome {
        batch_id,
        source: batch.source,
        posts_added: 0,
        posts_updated: 0,
        by_kind: kinds.iter().map(|k| (k.as_str().to_string(), 0)).collect(),
        with_insights: 0,
        dm_threads: 0,
        follower_snapshots: 0,
        skipped: parsed.skipped,
        warnings: parsed.warnings.clone(),
        first_post_at: None,
        last_post_at: None,
    };

    let known = posts::all_for_client(conn, client_id).await?;
    let mut ctx = PostCtx {
        client_id,
        source: batch.source,
        batch_id: &o.batch_id,
        now: &written_at,
        index: PostIndex::new(known),
        added: HashSet::new(),
        pending_inserts: Vec::new(),
        touched: Vec::new(),
    };
    for p in &parsed.posts {
        match write_post(conn, &mut ctx, p).await? {
            Written::Added => o.posts_added += 1,
            Written::Updated => o.posts_updated += 1,
            Written::Unchanged => continue,
        }
        *o.by_kind.entry(p.kind.as_str().to_string()).or_default() += 1;
    }
    posts::insert_many(conn, &ctx.pending_inserts).await?;
    posts::touch_many(conn, &ctx.touched, &o.batch_id).await?;
    o.with_insights = count(parsed.posts.iter().filter(|p| p.metrics.any()));
    let times = parsed.posts.iter().map(|p| p.published_at);
    o.first_post_at = times.clone().min().map(at_secs).transpose()?;
    o.last_post_at = times.max().map(at_secs).transpose()?;

    for s in &parsed.follower_snapshots {
        if follower_snapshots::import(conn, client_id, batch.source, s, &o.batch_id).await? {
            o.follower_snapshots += 1;
        }
    }
    for t in &parsed.dm_threads {
        if dm_threads::import(conn, client_id, t, &written_at).await? {
            o.dm_threads += 1;
        }
    }
    import_batches::finish(conn, &o, &now()).await?;
    Ok(o)
}

struct PostCtx<'a> {
    client_id: &'a str,
    source: SourceKind,
    batch_id: &'a str,
    now: &'a str,
    index: PostIndex,
    /// Rows this import added: a repeat of one in the same import is not an update.
    added: HashSet<usize>,
    /// New rows, written together at the end (one statement per few hundred rows).
    pending_inserts: Vec<StoredPost>,
    /// Known rows this import saw without changing: only their last batch is recorded.
    touched: Vec<String>,
}

enum Written {
    Added,
    Updated,
    Unchanged,
}

async fn write_post(
    conn: &mut SqliteConnection,
    ctx: &mut PostCtx<'_>,
    p: &ParsedPost,
) -> StoreResult<Written> {
    let published_at = at_secs(p.published_at)?;
    let key = if p.source_key.trim().is_empty() {
        format!("ts:{}", p.published_at)
    } else {
        p.source_key.clone()
    };
    let Some(i) = ctx.index.find(&key, p, ctx.source) else {
        let row = StoredPost {
            id: uuid::Uuid::new_v4().to_string(),
            client_id: ctx.client_id.to_string(),
            source: ctx.source,
            source_key: key,
            kind: p.kind,
            published_at,
            caption: p.caption.clone(),
            hashtags: p.hashtags.clone(),
            mentions: p.mentions.clone(),
            media_count: p.media_count,
            duration_secs: p.duration_secs,
            archived: p.archived,
            metrics: p.metrics.clone(),
            first_batch_id: Some(ctx.batch_id.to_string()),
            last_batch_id: Some(ctx.batch_id.to_string()),
            created_at: ctx.now.to_string(),
            updated_at: ctx.now.to_string(),
        };
        ctx.pending_inserts.push(row.clone());
        let i = ctx.index.push(row);
        ctx.added.insert(i);
        return Ok(Written::Added);
    };
    let old = ctx.index.get(i);
    let mut new = posts::merged(old, p, ctx.source);
    if new == *old {
        if !ctx.added.contains(&i) {
            ctx.touched.push(new.id);
        }
        return Ok(Written::Unchanged);
    }
    new.last_batch_id = Some(ctx.batch_id.to_string());
    new.updated_at = ctx.now.to_string();
    if ctx.added.contains(&i) {
        // Added earlier in this import and not yet written: change the pending row.
        if let Some(pending) = ctx.pending_inserts.iter_mut().find(|r| r.id == new.id) {
            *pending = new.clone();
        }
        ctx.index.replace(i, new);
        return Ok(Written::Unchanged);
    }
    posts::update(conn, &new).await?;
    ctx.index.replace(i, new);
    Ok(Written::Updated)
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A post time as stored: RFC 3339 UTC, whole seconds.
fn at_secs(secs: i64) -> StoreResult<String> {
    (0..=MAX_UNIX_SECS)
        .contains(&secs)
        .then(|| DateTime::from_timestamp(secs, 0))
        .flatten()
        .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true))
        .ok_or_else(|| {
            StoreError::invalid("published_at", format!("post time {secs} is out of range"))
        })
}
