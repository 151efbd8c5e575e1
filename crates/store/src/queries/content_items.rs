//! `content_items`: the per-client content library.
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

use crate::db::Store;
use crate::error::{StoreError, StoreResult};

/// A saved item, as stored (`item` is the typed item's JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StoredContent {
    pub id: String,
    pub client_id: String,
    /// `reels`, `hooks`, `captions` or `hashtags`.
    pub kind: String,
    /// `offline`, `ai` or `manual`.
    pub source: String,
    pub topic: String,
    /// The item as JSON text.
    pub item: String,
    pub text: String,
    pub tags: Vec<String>,
    pub favourite: bool,
    /// `YYYY-MM-DD`, when marked used.
    pub used_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(FromRow)]
struct Row {
    id: String,
    client_id: String,
    kind: String,
    source: String,
    topic: String,
    item: String,
    text: String,
    tags: String,
    favourite: bool,
    used_on: Option<String>,
    created_at: String,
    updated_at: String,
}

impl TryFrom<Row> for StoredContent {
    type Error = sqlx::Error;
    fn try_from(r: Row) -> Result<Self, Self::Error> {
        Ok(StoredContent {
            tags: crate::model::instagram::json_list(&r.tags)?,
            id: r.id,
            client_id: r.client_id,
            kind: r.kind,
            source: r.source,
            topic: r.topic,
            item: r.item,
            text: r.text,
            favourite: r.favourite,
            used_on: r.used_on,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

/// Which items to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ContentQuery {
    pub kind: Option<String>,
    /// Anywhere in the text or topic, case-insensitive.
    pub search: Option<String>,
    pub favourites_only: bool,
    /// Used items are hidden unless asked for.
    pub include_used: bool,
    /// Only items with this tag.
    pub tag: Option<String>,
}

macro_rules! select {
    () => {
        "SELECT id, client_id, kind, source, topic, item, text, tags, favourite, used_on, created_at, updated_at FROM content_items"
    };
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub async fn insert(store: &Store, c: &StoredContent) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO content_items (id, client_id, kind, source, topic, item, text, text_folded, tags, \
         favourite, used_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&c.id)
    .bind(&c.client_id)
    .bind(&c.kind)
    .bind(&c.source)
    .bind(&c.topic)
    .bind(&c.item)
    .bind(&c.text)
    .bind(c.text.to_lowercase() + " " + &c.topic.to_lowercase())
    .bind(crate::model::instagram::to_json_list(&c.tags))
    .bind(c.favourite)
    .bind(&c.used_on)
    .bind(&c.created_at)
    .bind(&c.updated_at)
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn get(store: &Store, id: &str) -> StoreResult<Option<StoredContent>> {
    let row = sqlx::query_as::<_, Row>(concat!(select!(), " WHERE id = ?"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.map(StoredContent::try_from).transpose()?)
}

pub async fn list(
    store: &Store,
    client_id: &str,
    q: &ContentQuery,
) -> StoreResult<Vec<StoredContent>> {
    let mut b = sqlx::QueryBuilder::<sqlx::Sqlite>::new(select!());
    b.push(" WHERE client_id = ").push_bind(client_id);
    if let Some(kind) = &q.kind {
        b.push(" AND kind = ").push_bind(kind.clone());
    }
    if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = format!(
            "%{}%",
            s.to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        b.push(" AND text_folded LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\'");
    }
    if q.favourites_only {
        b.push(" AND favourite = 1");
    }
    if !q.include_used {
        b.push(" AND used_on IS NULL");
    }
    if let Some(tag) = &q.tag {
        b.push(" AND EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ")
            .push_bind(tag.clone())
            .push(")");
    }
    b.push(" ORDER BY favourite DESC, created_at DESC, rowid DESC");
    let rows = b.build_query_as::<Row>().fetch_all(store.pool()).await?;
    Ok(rows
        .into_iter()
        .map(StoredContent::try_from)
        .collect::<Result<_, _>>()?)
}

/// The main texts of the client's used items (never suggested again).
pub async fn used_texts(store: &Store, client_id: &str) -> StoreResult<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT text FROM content_items WHERE client_id = ? AND used_on IS NOT NULL",
    )
    .bind(client_id)
    .fetch_all(store.pool())
    .await?)
}

/// Replaces the editable parts of an item (`item`, `text`, `topic`, `tags`, `favourite`,
/// `used_on`) with those of `c`, found by its id.
pub async fn update(store: &Store, c: &StoredContent) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE content_items SET item = ?, text = ?, text_folded = ?, topic = ?, tags = ?, favourite = ?, \
         used_on = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&c.item)
    .bind(&c.text)
    .bind(c.text.to_lowercase() + " " + &c.topic.to_lowercase())
    .bind(&c.topic)
    .bind(crate::model::instagram::to_json_list(&c.tags))
    .bind(c.favourite)
    .bind(&c.used_on)
    .bind(now())
    .bind(&c.id)
    .execute(store.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::invalid(
            "id",
            format!("no content item {}", c.id),
        ));
    }
    Ok(())
}

pub async fn delete(store: &Store, id: &str) -> StoreResult<bool> {
    let done = sqlx::query("DELETE FROM content_items WHERE id = ?")
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}
