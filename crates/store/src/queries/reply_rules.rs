//! `reply_rules`: a client's rules for reply drafts (words to avoid, sign-off, emoji, link).
use serde::{Deserialize, Serialize};
use sqlx::FromRow;

use crate::db::Store;
use crate::error::StoreResult;
use crate::model::instagram::{json_list, to_json_list};

/// The rules as stored; `emoji` is `none`, `light` or `playful`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRules {
    pub avoid_words: Vec<String>,
    pub sign_off: String,
    pub emoji: String,
    pub booking_link: String,
}

#[derive(FromRow)]
struct Row {
    avoid_words: String,
    sign_off: String,
    emoji: String,
    booking_link: String,
}

/// The client's rules; `None` while none were saved.
pub async fn get(store: &Store, client_id: &str) -> StoreResult<Option<StoredRules>> {
    let row = sqlx::query_as::<_, Row>(
        "SELECT avoid_words, sign_off, emoji, booking_link FROM reply_rules WHERE client_id = ?",
    )
    .bind(client_id)
    .fetch_optional(store.pool())
    .await?;
    row.map(|r| {
        Ok(StoredRules {
            avoid_words: json_list(&r.avoid_words)?,
            sign_off: r.sign_off,
            emoji: r.emoji,
            booking_link: r.booking_link,
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| e.into())
}

/// Saves the client's rules, replacing any earlier ones.
pub async fn set(store: &Store, client_id: &str, r: &StoredRules, now: &str) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO reply_rules (client_id, avoid_words, sign_off, emoji, booking_link, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (client_id) DO UPDATE SET \
         avoid_words = ?2, sign_off = ?3, emoji = ?4, booking_link = ?5, updated_at = ?6",
    )
    .bind(client_id)
    .bind(to_json_list(&r.avoid_words))
    .bind(&r.sign_off)
    .bind(&r.emoji)
    .bind(&r.booking_link)
    .bind(now)
    .execute(store.pool())
    .await?;
    Ok(())
}
