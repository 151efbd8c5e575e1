//! Manual entry for clients who cannot export: an account snapshot and per-post rows, saved as an
//! import of source `manual` (one transaction, in the import history like any other).
use chrono::{NaiveDate, NaiveTime, SecondsFormat, Utc};
use instagrowth_model::{
    FollowerSnapshot, Metrics, ParsedImport, ParsedPost, PostKind, SourceKind,
};
use instagrowth_store::imports::{self, BatchInfo, ImportOutcome};
use instagrowth_store::queries::clients;
use serde::Deserialize;
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// Followers and following on a date.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ManualSnapshot {
    /// `YYYY-MM-DD`.
    pub date: String,
    #[ts(type = "number")]
    pub followers: i64,
    #[ts(type = "number | null")]
    pub following: Option<i64>,
}

/// One post typed in by hand.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ManualPost {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM` in UTC; noon when empty.
    #[serde(default)]
    pub time: Option<String>,
    pub kind: PostKind,
    #[serde(default)]
    pub caption: String,
    #[ts(type = "number | null")]
    pub likes: Option<i64>,
    #[ts(type = "number | null")]
    pub comments: Option<i64>,
    #[ts(type = "number | null")]
    pub saves: Option<i64>,
    #[ts(type = "number | null")]
    pub shares: Option<i64>,
    #[ts(type = "number | null")]
    pub reach: Option<i64>,
    #[ts(type = "number | null")]
    pub views: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ManualEntry {
    pub snapshot: Option<ManualSnapshot>,
    #[serde(default)]
    pub posts: Vec<ManualPost>,
}

fn invalid(field: String, message: String) -> ApiError {
    ApiError {
        code: ErrorCode::InvalidInput,
        message,
        field: Some(field),
    }
}

fn date(field: &str, raw: &str) -> ApiResult<NaiveDate> {
    let d = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
        invalid(
            field.into(),
            format!("\"{raw}\" is not a date like 2026-03-27"),
        )
    })?;
    if d > Utc::now().date_naive() {
        return Err(invalid(field.into(), format!("{d} is in the future")));
    }
    Ok(d)
}

fn count(field: String, v: Option<i64>) -> ApiResult<Option<i64>> {
    match v {
        Some(n) if n < 0 => Err(invalid(field, "a count cannot be negative".into())),
        other => Ok(other),
    }
}

/// Checks every row, then saves them all or nothing.
#[tracing::instrument(skip(ws, entry), err(level = "info", Debug))]
pub async fn save(ws: &Workspace, key: &str, entry: &ManualEntry) -> ApiResult<ImportOutcome> {
    crate::license::require_writable(ws, "New imports").await?;
    let client = clients::resolve(ws.store(), key).await?;
    let mut parsed = ParsedImport {
        source: Some(SourceKind::Manual),
        ..Default::default()
    };
    if let Some(s) = &entry.snapshot {
        let d = date("snapshot.date", &s.date)?;
        count("snapshot.followers".into(), Some(s.followers))?;
        count("snapshot.following".into(), s.following)?;
        parsed.follower_snapshots.push(FollowerSnapshot {
            date: d.to_string(),
            followers: Some(s.followers),
            following: s.following,
        });
    }
    for (i, p) in entry.posts.iter().enumerate() {
        let f = |name: &str| format!("posts.{i}.{name}");
        let d = date(&f("date"), &p.date)?;
        let t = match p.time.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => NaiveTime::parse_from_str(t, "%H:%M")
                .map_err(|_| invalid(f("time"), format!("\"{t}\" is not a time like 18:30")))?,
            None => NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
        };
        let metrics = Metrics {
            likes: count(f("likes"), p.likes)?,
            comments: count(f("comments"), p.comments)?,
            saves: count(f("saves"), p.saves)?,
            shares: count(f("shares"), p.shares)?,
            reach: count(f("reach"), p.reach)?,
            views: count(f("views"), p.views)?,
            ..Default::default()
        };
        let published_at = d.and_time(t).and_utc().timestamp();
        let caption = p.caption.trim().to_string();
        parsed.posts.push(ParsedPost {
            source_key: format!("manual:{}", uuid_like(&client.id, published_at, i)),
            kind: p.kind,
            published_at,
            hashtags: instagrowth_import::text::hashtags(&caption),
            mentions: instagrowth_import::text::mentions(&caption),
            caption,
            media_count: 1,
            duration_secs: None,
            metrics,
            archived: false,
        });
    }
    if parsed.posts.is_empty() && parsed.follower_snapshots.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "nothing to save: add a snapshot or at least one post",
        ));
    }
    let batch = BatchInfo {
        source: SourceKind::Manual,
        file_names: Vec::new(),
        sha256: String::new(),
        started_at: Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true),
    };
    Ok(imports::write(ws.store(), &client.id, &batch, &parsed).await?)
}

/// A key unique to this row of this save.
fn uuid_like(client_id: &str, published_at: i64, index: usize) -> String {
    let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
    format!("{client_id}:{published_at}:{nanos}:{index}")
}
