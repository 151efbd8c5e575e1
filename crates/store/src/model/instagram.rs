//! Rows of the Instagram data tables (posts, follower snapshots, DM threads, import batches).
use instagrowth_model::{Metrics, PostKind, SourceKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A post, carousel, reel or story of a client, merged across the sources that saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StoredPost {
    /// UUID v4.
    pub id: String,
    pub client_id: String,
    /// The source that first saw the post.
    pub source: SourceKind,
    /// Stable within `source`: a permalink, the first media uri, or `ts:<unix seconds>`.
    pub source_key: String,
    pub kind: PostKind,
    /// RFC 3339, UTC.
    pub published_at: String,
    pub caption: String,
    pub hashtags: Vec<String>,
    pub mentions: Vec<String>,
    pub media_count: u32,
    pub duration_secs: Option<f64>,
    /// Hidden from the profile on Instagram.
    pub archived: bool,
    /// Newest known value of each metric; `null` when no source said.
    pub metrics: Metrics,
    /// The import that created the row; `null` for a post typed in by hand.
    pub first_batch_id: Option<String>,
    /// The import that last saw the post.
    pub last_batch_id: Option<String>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

impl StoredPost {
    /// Likes + comments + saves + shares, unknown counted as 0.
    pub fn engagement(&self) -> i64 {
        let m = &self.metrics;
        [m.likes, m.comments, m.saves, m.shares]
            .iter()
            .map(|v| v.unwrap_or(0))
            .sum()
    }
}

/// Followers and following of a client on a date, as one source reported them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoredSnapshot {
    /// `YYYY-MM-DD`.
    pub date: String,
    #[ts(type = "number | null")]
    pub followers: Option<i64>,
    #[ts(type = "number | null")]
    pub following: Option<i64>,
    pub source: SourceKind,
    pub batch_id: Option<String>,
}

/// A direct-message conversation of a client's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoredThread {
    /// UUID v4.
    pub id: String,
    pub thread_key: String,
    pub title: String,
    pub participants: Vec<String>,
    #[ts(type = "number")]
    pub message_count: i64,
    /// RFC 3339, UTC, with milliseconds; `null` when the thread has no message.
    pub last_message_at: Option<String>,
    /// Whether the newest message came from the client's own account.
    pub last_from_client: Option<bool>,
    /// The other person wrote last: the client owes a reply.
    pub awaiting_reply: bool,
}

/// One import run and what it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportBatch {
    /// UUID v4.
    pub id: String,
    pub client_id: String,
    pub source: SourceKind,
    pub file_names: Vec<String>,
    pub sha256: String,
    /// RFC 3339, UTC.
    pub started_at: String,
    /// RFC 3339, UTC.
    pub finished_at: String,
    pub posts_added: u32,
    pub posts_updated: u32,
    pub with_insights: u32,
    pub dm_threads: u32,
    pub follower_snapshots: u32,
    pub skipped: u32,
    pub warnings: Vec<String>,
    /// RFC 3339, UTC, over the import's posts; `null` when it had none.
    pub first_post_at: Option<String>,
    pub last_post_at: Option<String>,
}

/// Reads a `source` column (the migration's CHECK keeps it to these three).
pub(crate) fn parse_source(s: &str) -> Option<SourceKind> {
    Some(match s {
        "ig_export" => SourceKind::IgExport,
        "business_suite_csv" => SourceKind::BusinessSuiteCsv,
        "manual" => SourceKind::Manual,
        _ => return None,
    })
}

/// A `source` column as a [`SourceKind`], or a decode error naming the bad value.
pub(crate) fn source_column(s: &str) -> Result<SourceKind, sqlx::Error> {
    parse_source(s).ok_or_else(|| unreadable(format!("unknown source {s:?}")))
}

/// A JSON-array-of-strings column (hashtags, participants, warnings …).
pub(crate) fn json_list(s: &str) -> Result<Vec<String>, sqlx::Error> {
    serde_json::from_str(s).map_err(|e| unreadable(format!("bad JSON list {s:?}: {e}")))
}

/// A value the migrations' CHECKs should have kept out of the database.
pub(crate) fn unreadable(message: String) -> sqlx::Error {
    sqlx::Error::Decode(message.into())
}

/// A list as the JSON text its column holds.
pub(crate) fn to_json_list(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}
