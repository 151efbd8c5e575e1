//! A client's dashboard: what the import brought in, shaped for charts. The numbers come from
//! the store only.
use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate};
use instagrowth_model::{Metrics, PostKind};
use instagrowth_store::queries::{clients, follower_snapshots, import_batches, posts};
use instagrowth_store::{Client, ImportBatch, StoredPost, StoredSnapshot};
use serde::Serialize;
use ts_rs::TS;

use crate::error::ApiResult;
use crate::Workspace;

/// Likes + comments + saves + shares, unknown counted as 0.
pub fn engagement(m: &Metrics) -> i64 {
    [m.likes, m.comments, m.saves, m.shares]
        .iter()
        .map(|v| v.unwrap_or(0))
        .sum()
}

/// One post as a point on the engagement chart.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PostPoint {
    pub id: String,
    pub published_at: String,
    pub kind: PostKind,
    #[ts(type = "number")]
    pub engagement: i64,
    /// (likes + comments) / followers at the latest snapshot, in percent; `null` without one.
    pub engagement_rate: Option<f64>,
    pub has_metrics: bool,
}

/// Posts in one week (Monday to Sunday).
#[derive(Debug, Clone, Serialize, TS)]
pub struct WeekCount {
    /// `YYYY-MM-DD`, a Monday.
    pub week_start: String,
    pub posts: u32,
}

/// How often each format was posted and how it did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FormatShare {
    pub kind: PostKind,
    pub posts: u32,
    /// Mean engagement of the posts of this kind that have metrics; `null` when none do.
    pub avg_engagement: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ClientDashboard {
    pub client: Client,
    pub total_posts: u32,
    pub with_insights: u32,
    pub first_post_at: Option<String>,
    pub last_post_at: Option<String>,
    /// Oldest first; stories excluded (their engagement is not comparable).
    pub engagement: Vec<PostPoint>,
    /// Every week from the first post to the last, empty weeks included.
    pub cadence: Vec<WeekCount>,
    pub format_mix: Vec<FormatShare>,
    pub followers: Vec<StoredSnapshot>,
    /// The ten posts with the most engagement.
    pub top_posts: Vec<StoredPost>,
    /// Newest first.
    pub imports: Vec<ImportBatch>,
}

#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn client_dashboard(ws: &Workspace, key: &str) -> ApiResult<ClientDashboard> {
    let client = clients::resolve(ws.store(), key).await?;
    let all = posts::list_for_client(ws.store(), &client.id).await?;
    let followers = follower_snapshots::list_for_client(ws.store(), &client.id).await?;
    let top_posts = posts::top_by_engagement(ws.store(), &client.id, 10).await?;
    let imports = import_batches::list_for_client(ws.store(), &client.id).await?;
    let latest_followers = followers
        .iter()
        .rev()
        .find_map(|s| s.followers)
        .filter(|f| *f > 0);

    let engagement = all
        .iter()
        .filter(|p| p.kind != PostKind::Story)
        .map(|p| PostPoint {
            id: p.id.clone(),
            published_at: p.published_at.clone(),
            kind: p.kind,
            engagement: engagement(&p.metrics),
            engagement_rate: latest_followers.and_then(|f| {
                let lc = p.metrics.likes.unwrap_or(0) + p.metrics.comments.unwrap_or(0);
                p.metrics.any().then(|| lc as f64 * 100.0 / f as f64)
            }),
            has_metrics: p.metrics.any(),
        })
        .collect();

    Ok(ClientDashboard {
        total_posts: all.len() as u32,
        with_insights: all.iter().filter(|p| p.metrics.any()).count() as u32,
        first_post_at: all.first().map(|p| p.published_at.clone()),
        last_post_at: all.last().map(|p| p.published_at.clone()),
        engagement,
        cadence: cadence(&all),
        format_mix: format_mix(&all),
        followers,
        top_posts,
        imports,
        client,
    })
}

fn day(rfc3339: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|d| d.date_naive())
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// Posts per week, stories excluded, with the empty weeks between the first and the last.
pub fn cadence(all: &[StoredPost]) -> Vec<WeekCount> {
    let mut weeks: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for p in all.iter().filter(|p| p.kind != PostKind::Story) {
        if let Some(d) = day(&p.published_at) {
            *weeks.entry(monday(d)).or_default() += 1;
        }
    }
    let (Some(first), Some(last)) = (weeks.keys().next().copied(), weeks.keys().last().copied())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut w = first;
    while w <= last {
        out.push(WeekCount {
            week_start: w.to_string(),
            posts: weeks.get(&w).copied().unwrap_or(0),
        });
        w += Duration::days(7);
    }
    out
}

pub fn format_mix(all: &[StoredPost]) -> Vec<FormatShare> {
    [
        PostKind::Image,
        PostKind::Carousel,
        PostKind::Reel,
        PostKind::Story,
    ]
    .into_iter()
    .map(|kind| {
        let of_kind: Vec<&StoredPost> = all.iter().filter(|p| p.kind == kind).collect();
        let measured: Vec<i64> = of_kind
            .iter()
            .filter(|p| p.metrics.any())
            .map(|p| engagement(&p.metrics))
            .collect();
        FormatShare {
            kind,
            posts: of_kind.len() as u32,
            avg_engagement: (!measured.is_empty())
                .then(|| measured.iter().sum::<i64>() as f64 / measured.len() as f64),
        }
    })
    .collect()
}
