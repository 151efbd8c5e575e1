//! The client's content library: items saved from drafts (or typed in), edited, tagged,
//! favourited and marked used. Used items are never suggested again.
use instagrowth_content::{Item, Kind};
use instagrowth_store::queries::content_items::{self, ContentQuery, StoredContent};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LibraryItem {
    pub id: String,
    pub client_id: String,
    pub kind: Kind,
    /// `offline`, `ai` or `manual`.
    pub source: String,
    pub topic: String,
    pub item: Item,
    pub tags: Vec<String>,
    pub favourite: bool,
    /// `YYYY-MM-DD` when used.
    pub used_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What an edit may change; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
pub struct LibraryPatch {
    pub item: Option<Item>,
    pub topic: Option<String>,
    pub tags: Option<Vec<String>>,
    pub favourite: Option<bool>,
}

fn kind_of(item: &Item) -> Kind {
    match item {
        Item::Reel(_) => Kind::Reels,
        Item::Hook(_) => Kind::Hooks,
        Item::Caption(_) => Kind::Captions,
        Item::Hashtags(_) => Kind::Hashtags,
    }
}

fn parse(s: StoredContent) -> ApiResult<LibraryItem> {
    let item: Item = serde_json::from_str(&s.item).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("library item {} cannot be read: {e}", s.id),
        )
    })?;
    Ok(LibraryItem {
        kind: kind_of(&item),
        item,
        id: s.id,
        client_id: s.client_id,
        source: s.source,
        topic: s.topic,
        tags: s.tags,
        favourite: s.favourite,
        used_on: s.used_on,
        created_at: s.created_at,
        updated_at: s.updated_at,
    })
}

fn check(item: &Item) -> ApiResult<()> {
    if item.main_text().trim().is_empty() {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: "the item has no text".into(),
            field: Some("item".into()),
        });
    }
    if let Item::Hashtags(set) = item {
        instagrowth_content::check_hashtag_set(&set.tags).map_err(|e| ApiError {
            code: ErrorCode::InvalidInput,
            message: e,
            field: Some("tags".into()),
        })?;
    }
    Ok(())
}

fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut t: Vec<String> = tags
        .iter()
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    t.sort();
    t.dedup();
    t
}

/// Saves an item to `client`'s library.
pub async fn save(
    ws: &Workspace,
    client: &str,
    item: &Item,
    source: &str,
    topic: &str,
) -> ApiResult<LibraryItem> {
    check(item)?;
    if !["offline", "ai", "manual"].contains(&source) {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: format!("unknown source {source}"),
            field: Some("source".into()),
        });
    }
    let client = crate::clients::show(ws, client).await?;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let stored = StoredContent {
        id: uuid::Uuid::new_v4().to_string(),
        client_id: client.id,
        kind: kind_of(item).as_str().to_string(),
        source: source.to_string(),
        topic: topic.trim().to_string(),
        item: serde_json::to_string(item).expect("item serializes"),
        text: item.main_text(),
        tags: Vec::new(),
        favourite: false,
        used_on: None,
        created_at: now.clone(),
        updated_at: now,
    };
    content_items::insert(ws.store(), &stored).await?;
    parse(stored)
}

pub async fn list(
    ws: &Workspace,
    client: &str,
    query: &ContentQuery,
) -> ApiResult<Vec<LibraryItem>> {
    let client = crate::clients::show(ws, client).await?;
    content_items::list(ws.store(), &client.id, query)
        .await?
        .into_iter()
        .map(parse)
        .collect()
}

async fn existing(ws: &Workspace, id: &str) -> ApiResult<StoredContent> {
    content_items::get(ws.store(), id)
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no library item {id}")))
}

pub async fn update(ws: &Workspace, id: &str, patch: &LibraryPatch) -> ApiResult<LibraryItem> {
    let stored = existing(ws, id).await?;
    let current = parse(stored.clone())?;
    let item = patch.item.clone().unwrap_or(current.item);
    if kind_of(&item) != current.kind {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: "an item keeps its kind".into(),
            field: Some("item".into()),
        });
    }
    check(&item)?;
    let topic = patch.topic.clone().unwrap_or(current.topic);
    let tags = patch
        .tags
        .as_deref()
        .map(clean_tags)
        .unwrap_or(current.tags);
    let favourite = patch.favourite.unwrap_or(current.favourite);
    let edited = StoredContent {
        item: serde_json::to_string(&item).expect("item serializes"),
        text: item.main_text(),
        topic: topic.trim().to_string(),
        tags,
        favourite,
        ..stored
    };
    content_items::update(ws.store(), &edited).await?;
    parse(existing(ws, id).await?)
}

/// Marks an item used on `date` (`YYYY-MM-DD`, today when absent), or unused with `used = false`.
pub async fn mark_used(
    ws: &Workspace,
    id: &str,
    used: bool,
    date: Option<&str>,
) -> ApiResult<LibraryItem> {
    let mut current = existing(ws, id).await?;
    let day = match (used, date) {
        (false, _) => None,
        (true, Some(d)) => Some(
            chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| ApiError {
                    code: ErrorCode::InvalidInput,
                    message: format!("“{d}” is not a date like 2026-03-27"),
                    field: Some("used_on".into()),
                })?
                .to_string(),
        ),
        (true, None) => Some(chrono::Utc::now().date_naive().to_string()),
    };
    current.used_on = day;
    content_items::update(ws.store(), &current).await?;
    parse(existing(ws, id).await?)
}

pub async fn delete(ws: &Workspace, id: &str) -> ApiResult<()> {
    if !content_items::delete(ws.store(), id).await? {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!("no library item {id}"),
        ));
    }
    Ok(())
}
