//! What an importer produces: one source-independent document that the store writes in one
//! transaction. Metrics are `None` when the source has no value ("--", missing column), never 0.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an import came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Instagram's "Download your information" export (JSON), zip(s) or folder.
    IgExport,
    /// Meta Business Suite → Insights → Content → Export (CSV).
    BusinessSuiteCsv,
    /// Typed in by hand in the app.
    Manual,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::IgExport => "ig_export",
            SourceKind::BusinessSuiteCsv => "business_suite_csv",
            SourceKind::Manual => "manual",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PostKind {
    Image,
    Carousel,
    Reel,
    Story,
}

impl PostKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PostKind::Image => "image",
            PostKind::Carousel => "carousel",
            PostKind::Reel => "reel",
            PostKind::Story => "story",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "image" => PostKind::Image,
            "carousel" => PostKind::Carousel,
            "reel" => PostKind::Reel,
            "story" => PostKind::Story,
            _ => return None,
        })
    }
}

/// Per-post numbers. `None` = the source did not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Metrics {
    #[ts(type = "number | null")]
    pub views: Option<i64>,
    #[ts(type = "number | null")]
    pub reach: Option<i64>,
    /// Legacy (deprecated by Meta in 2025 in favour of views).
    #[ts(type = "number | null")]
    pub impressions: Option<i64>,
    /// Legacy (reels, before views).
    #[ts(type = "number | null")]
    pub plays: Option<i64>,
    #[ts(type = "number | null")]
    pub likes: Option<i64>,
    #[ts(type = "number | null")]
    pub comments: Option<i64>,
    #[ts(type = "number | null")]
    pub saves: Option<i64>,
    #[ts(type = "number | null")]
    pub shares: Option<i64>,
    #[ts(type = "number | null")]
    pub follows: Option<i64>,
    #[ts(type = "number | null")]
    pub profile_visits: Option<i64>,
}

impl Metrics {
    /// True when any metric is known.
    pub fn any(&self) -> bool {
        [
            self.views,
            self.reach,
            self.impressions,
            self.plays,
            self.likes,
            self.comments,
            self.saves,
            self.shares,
            self.follows,
            self.profile_visits,
        ]
        .iter()
        .any(Option::is_some)
    }

    /// Takes every value `newer` knows; keeps ours where it does not.
    pub fn merge_from(&mut self, newer: &Metrics) {
        macro_rules! take {
            ($($f:ident),*) => { $( if newer.$f.is_some() { self.$f = newer.$f; } )* };
        }
        take!(
            views,
            reach,
            impressions,
            plays,
            likes,
            comments,
            saves,
            shares,
            follows,
            profile_visits
        );
    }
}

/// One post, reel or story as a source describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedPost {
    /// Stable within its source: a permalink, the first media uri, or `ts:<unix seconds>`.
    pub source_key: String,
    pub kind: PostKind,
    /// Unix seconds, UTC.
    pub published_at: i64,
    pub caption: String,
    pub hashtags: Vec<String>,
    pub mentions: Vec<String>,
    pub media_count: u32,
    pub duration_secs: Option<f64>,
    pub metrics: Metrics,
    /// True when the post is archived on Instagram (hidden from the profile).
    pub archived: bool,
}

/// Followers and following on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowerSnapshot {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub followers: Option<i64>,
    pub following: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DmMessage {
    pub sender: String,
    /// Unix milliseconds.
    pub sent_at_ms: i64,
    pub text: String,
    /// Sent by the client's own account.
    pub from_client: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DmThread {
    /// The export's folder name for the thread: stable across exports.
    pub thread_key: String,
    pub title: String,
    pub participants: Vec<String>,
    /// Oldest first.
    pub messages: Vec<DmMessage>,
}

/// Everything one import read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParsedImport {
    pub source: Option<SourceKind>,
    /// The account's username as the export states it (without '@'), when it does.
    pub username: Option<String>,
    pub posts: Vec<ParsedPost>,
    pub follower_snapshots: Vec<FollowerSnapshot>,
    pub dm_threads: Vec<DmThread>,
    /// Things read but not used, each with its reason.
    pub warnings: Vec<String>,
    /// Items that could not be used (counted in `warnings` with reasons).
    pub skipped: u32,
}
