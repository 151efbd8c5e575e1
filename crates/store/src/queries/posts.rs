//! `posts`: a client's posts, carousels, reels and stories, one row whichever sources saw it.
//! Written by [`crate::imports::write`]; read by the dashboard.
use instagrowth_model::{Metrics, ParsedPost, PostKind, SourceKind};
use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteConnection};

use crate::db::Store;
use crate::error::StoreResult;
use crate::model::instagram::{json_list, source_column, to_json_list, unreadable, StoredPost};

/// The post columns; `select!("WHERE …")` appends a literal tail so every statement stays a
/// compile-time string.
macro_rules! select {
    ($tail:literal) => {
        concat!(
            "SELECT id, client_id, source, source_key, kind, published_at, caption, hashtags, ",
            "mentions, media_count, duration_secs, archived, views, reach, impressions, plays, ",
            "likes, comments, saves, shares, follows, profile_visits, first_batch_id, ",
            "last_batch_id, created_at, updated_at FROM posts ",
            $tail
        )
    };
}

#[derive(FromRow)]
struct Row {
    id: String,
    client_id: String,
    source: String,
    source_key: String,
    kind: String,
    published_at: String,
    caption: String,
    hashtags: String,
    mentions: String,
    media_count: i64,
    duration_secs: Option<f64>,
    archived: bool,
    views: Option<i64>,
    reach: Option<i64>,
    impressions: Option<i64>,
    plays: Option<i64>,
    likes: Option<i64>,
    comments: Option<i64>,
    saves: Option<i64>,
    shares: Option<i64>,
    follows: Option<i64>,
    profile_visits: Option<i64>,
    first_batch_id: Option<String>,
    last_batch_id: Option<String>,
    created_at: String,
    updated_at: String,
}

impl TryFrom<Row> for StoredPost {
    type Error = sqlx::Error;

    fn try_from(r: Row) -> Result<Self, Self::Error> {
        Ok(StoredPost {
            source: source_column(&r.source)?,
            kind: PostKind::parse(&r.kind)
                .ok_or_else(|| unreadable(format!("unknown post kind {:?}", r.kind)))?,
            hashtags: json_list(&r.hashtags)?,
            mentions: json_list(&r.mentions)?,
            media_count: u32::try_from(r.media_count).unwrap_or(0),
            metrics: Metrics {
                views: r.views,
                reach: r.reach,
                impressions: r.impressions,
                plays: r.plays,
                likes: r.likes,
                comments: r.comments,
                saves: r.saves,
                shares: r.shares,
                follows: r.follows,
                profile_visits: r.profile_visits,
            },
            id: r.id,
            client_id: r.client_id,
            source_key: r.source_key,
            published_at: r.published_at,
            caption: r.caption,
            duration_secs: r.duration_secs,
            archived: r.archived,
            first_batch_id: r.first_batch_id,
            last_batch_id: r.last_batch_id,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

fn convert(rows: Vec<Row>) -> StoreResult<Vec<StoredPost>> {
    Ok(rows
        .into_iter()
        .map(StoredPost::try_from)
        .collect::<Result<_, _>>()?)
}

/// The client's posts, oldest first.
pub async fn list_for_client(store: &Store, client_id: &str) -> StoreResult<Vec<StoredPost>> {
    let rows = sqlx::query_as::<_, Row>(select!(
        "WHERE client_id = ? ORDER BY published_at, created_at, id"
    ))
    .bind(client_id)
    .fetch_all(store.pool())
    .await?;
    convert(rows)
}

/// The client's `limit` posts with the most engagement (likes + comments + saves + shares,
/// unknown counted as 0); ties go to the newest post.
pub async fn top_by_engagement(
    store: &Store,
    client_id: &str,
    limit: u32,
) -> StoreResult<Vec<StoredPost>> {
    let rows = sqlx::query_as::<_, Row>(select!(
        "WHERE client_id = ? ORDER BY (COALESCE(likes, 0) + COALESCE(comments, 0) \
         + COALESCE(saves, 0) + COALESCE(shares, 0)) DESC, published_at DESC, id LIMIT ?"
    ))
    .bind(client_id)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    convert(rows)
}

/// How many posts the client has.
pub async fn count_for_client(store: &Store, client_id: &str) -> StoreResult<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM posts WHERE client_id = ?")
            .bind(client_id)
            .fetch_one(store.pool())
            .await?,
    )
}

/// Every post of the client, for matching an import against them in memory.
pub(crate) async fn all_for_client(
    conn: &mut SqliteConnection,
    client_id: &str,
) -> StoreResult<Vec<StoredPost>> {
    let rows = sqlx::query_as::<_, Row>(select!("WHERE client_id = ?"))
        .bind(client_id)
        .fetch_all(&mut *conn)
        .await?;
    convert(rows)
}

/// Rows per multi-row INSERT: 26 columns each stays far below SQLite's 32,766 variables.
const INSERT_CHUNK: usize = 500;

/// Writes new post rows, a few hundred per statement.
pub(crate) async fn insert_many(
    conn: &mut SqliteConnection,
    rows: &[StoredPost],
) -> StoreResult<()> {
    for chunk in rows.chunks(INSERT_CHUNK) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO posts (id, client_id, source, source_key, kind, published_at, caption, \
             hashtags, mentions, media_count, duration_secs, archived, views, reach, impressions, \
             plays, likes, comments, saves, shares, follows, profile_visits, first_batch_id, \
             last_batch_id, created_at, updated_at) ",
        );
        q.push_values(chunk, |mut b, p| {
            let m = &p.metrics;
            b.push_bind(&p.id)
                .push_bind(&p.client_id)
                .push_bind(p.source.as_str())
                .push_bind(&p.source_key)
                .push_bind(p.kind.as_str())
                .push_bind(&p.published_at)
                .push_bind(&p.caption)
                .push_bind(to_json_list(&p.hashtags))
                .push_bind(to_json_list(&p.mentions))
                .push_bind(p.media_count)
                .push_bind(p.duration_secs)
                .push_bind(p.archived)
                .push_bind(m.views)
                .push_bind(m.reach)
                .push_bind(m.impressions)
                .push_bind(m.plays)
                .push_bind(m.likes)
                .push_bind(m.comments)
                .push_bind(m.saves)
                .push_bind(m.shares)
                .push_bind(m.follows)
                .push_bind(m.profile_visits)
                .push_bind(&p.first_batch_id)
                .push_bind(&p.last_batch_id)
                .push_bind(&p.created_at)
                .push_bind(&p.updated_at);
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Records that `batch_id` saw these posts (unchanged), a few hundred per statement.
pub(crate) async fn touch_many(
    conn: &mut SqliteConnection,
    ids: &[String],
    batch_id: &str,
) -> StoreResult<()> {
    for chunk in ids.chunks(INSERT_CHUNK) {
        let mut q = QueryBuilder::<Sqlite>::new("UPDATE posts SET last_batch_id = ");
        q.push_bind(batch_id).push(" WHERE id IN (");
        let mut ids = q.separated(", ");
        for id in chunk {
            ids.push_bind(id);
        }
        ids.push_unseparated(")");
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Rewrites the mergeable fields of an existing post (not its id, client, source or key).
pub(crate) async fn update(conn: &mut SqliteConnection, p: &StoredPost) -> StoreResult<()> {
    let m = &p.metrics;
    sqlx::query(
        "UPDATE posts SET caption = ?, hashtags = ?, mentions = ?, media_count = ?, \
         duration_secs = ?, archived = ?, views = ?, reach = ?, impressions = ?, plays = ?, \
         likes = ?, comments = ?, saves = ?, shares = ?, follows = ?, profile_visits = ?, \
         last_batch_id = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&p.caption)
    .bind(to_json_list(&p.hashtags))
    .bind(to_json_list(&p.mentions))
    .bind(p.media_count)
    .bind(p.duration_secs)
    .bind(p.archived)
    .bind(m.views)
    .bind(m.reach)
    .bind(m.impressions)
    .bind(m.plays)
    .bind(m.likes)
    .bind(m.comments)
    .bind(m.saves)
    .bind(m.shares)
    .bind(m.follows)
    .bind(m.profile_visits)
    .bind(&p.last_batch_id)
    .bind(&p.updated_at)
    .bind(&p.id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// `old` with what `p` adds: newer known metrics, a non-empty caption or tag list, a known
/// duration. Only an export states "not archived"; other sources can only mark a post archived.
pub(crate) fn merged(old: &StoredPost, p: &ParsedPost, source: SourceKind) -> StoredPost {
    let mut new = old.clone();
    new.metrics.merge_from(&p.metrics);
    if !p.caption.trim().is_empty() {
        new.caption.clone_from(&p.caption);
    }
    if !p.hashtags.is_empty() {
        new.hashtags.clone_from(&p.hashtags);
    }
    if !p.mentions.is_empty() {
        new.mentions.clone_from(&p.mentions);
    }
    if p.duration_secs.is_some() {
        new.duration_secs = p.duration_secs;
    }
    new.media_count = old.media_count.max(p.media_count);
    new.archived = match source {
        SourceKind::IgExport => p.archived,
        _ => old.archived || p.archived,
    };
    new
}

/// The client's posts published at or after `since` (RFC 3339, UTC, as stored), oldest first.
pub async fn list_published_since(
    store: &Store,
    client_id: &str,
    since: &str,
) -> StoreResult<Vec<StoredPost>> {
    let rows = sqlx::query_as::<_, Row>(select!(
        "WHERE client_id = ? AND published_at >= ? ORDER BY published_at, created_at, id"
    ))
    .bind(client_id)
    .bind(since)
    .fetch_all(store.pool())
    .await?;
    convert(rows)
}
