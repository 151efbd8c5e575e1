//! The audit as a typed document: what the UI shows, the PDF prints and `--json` emits. Rates are
//! fractions (0.034 = 3.4 %); every number comes from the client's stored data.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Audit {
    /// RFC 3339 UTC.
    pub as_of: String,
    pub time_zone: String,
    /// The latest follower count, if known.
    #[ts(type = "number | null")]
    pub followers: Option<i64>,
    /// Feed posts (not stories) the rates are computed over.
    pub posts_analysed: u32,
    /// `YYYY-MM-DD` of the first and last post analysed.
    pub window: Option<(String, String)>,
    /// (likes + comments) / followers per post, averaged.
    pub engagement_rate: Option<f64>,
    /// (likes + comments + saves + shares) / reach per post, averaged, where reach is known.
    pub engagement_rate_by_reach: Option<f64>,
    pub engagement: EngagementDetail,
    pub tier_benchmark: Option<TierBenchmark>,
    pub content_score: ContentScore,
    pub shadowban_risk: Risk,
    /// The 3–5 findings that matter most, highest impact first.
    pub findings: Vec<Finding>,
    pub best_times: BestTimes,
    pub roadmap: Roadmap,
    /// What could not be assessed, and why.
    pub not_assessed: Vec<NotAssessed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EngagementDetail {
    pub by_format: Vec<FormatStat>,
    pub last_30_days: PeriodStat,
    pub previous_30_days: PeriodStat,
    /// Relative change of the rate, last 30 days against the 30 before (−0.25 = 25 % lower).
    pub change: Option<f64>,
    /// One point per analysed post, oldest first (the engagement-over-time chart).
    pub timeline: Vec<PostRate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FormatStat {
    /// `image`, `carousel` or `reel`.
    pub format: String,
    pub posts: u32,
    pub engagement_rate: Option<f64>,
    pub engagement_rate_by_reach: Option<f64>,
    /// Median reach (or views) per post.
    pub median_reach: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PeriodStat {
    pub posts: u32,
    pub engagement_rate: Option<f64>,
    pub median_reach: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PostRate {
    pub post_id: String,
    /// `YYYY-MM-DD`, local.
    pub date: String,
    pub format: String,
    pub engagement_rate: Option<f64>,
    #[ts(type = "number | null")]
    pub reach: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Below,
    Around,
    Above,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TierBenchmark {
    /// e.g. `1K–5K`.
    pub tier: String,
    /// The tier's median engagement rate (HypeAuditor, 2018).
    pub median: f64,
    pub average: f64,
    /// This account's rate against the median (within ±25 % is "around").
    pub verdict: Option<Verdict>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContentScore {
    /// 0–100: the weighted mean of the parts that could be assessed.
    pub score: u8,
    pub parts: Vec<ScorePart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScorePart {
    /// `consistency`, `format_mix`, `captions`, `hashtags`, `spread`.
    pub key: String,
    pub name: String,
    /// 0–100; `null` when it could not be assessed (its weight then counts for nothing).
    pub score: Option<u8>,
    /// Share of the total score, in percent.
    pub weight: u8,
    /// How the score came about, with its numbers.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Risk {
    pub level: RiskLevel,
    /// 0–100.
    pub score: u8,
    pub signals: Vec<Signal>,
    /// "An estimate … check Account Status".
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Signal {
    pub key: String,
    pub name: String,
    /// The measured value (a ratio, share or count; see `value_text`).
    pub value: Option<f64>,
    pub value_text: String,
    pub threshold: f64,
    pub threshold_text: String,
    /// Points of the 0–100 risk score this signal can contribute.
    pub weight: u8,
    /// Whether the value crosses the threshold.
    pub triggered: bool,
    /// Ids of the posts that show it.
    pub posts: Vec<String>,
    pub explanation: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Strength,
    Minor,
    Major,
    Critical,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub key: String,
    pub title: String,
    pub severity: Severity,
    /// 0–100: how much fixing it is expected to move results; findings are ranked by it.
    pub impact: u8,
    pub evidence: Vec<String>,
    pub recommendation: String,
    /// Posts that show it.
    pub posts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BestTimes {
    /// 7 rows (Monday first) × 24 hours: the mean engagement rate of posts published then.
    pub cells: Vec<Vec<Option<f64>>>,
    /// Posts in each cell.
    pub counts: Vec<Vec<u32>>,
    pub sample_size: u32,
    /// The best slots with at least two posts (one when the sample is small), best first.
    pub top: Vec<TimeSlot>,
    pub time_zone: String,
    /// What the rates are: by followers, or relative to the account's own mean.
    pub measure: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimeSlot {
    /// 0 = Monday.
    pub weekday: u8,
    pub hour: u8,
    pub rate: f64,
    pub posts: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Roadmap {
    /// `YYYY-MM-DD`.
    pub start: String,
    pub weeks: Vec<RoadmapWeek>,
    pub kpis: Vec<Kpi>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RoadmapWeek {
    pub week: u8,
    pub start: String,
    pub end: String,
    pub focus: String,
    /// Highest priority first.
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Action {
    pub text: String,
    /// The finding it follows from, if any.
    pub finding: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Kpi {
    pub name: String,
    pub baseline: Option<f64>,
    pub target: f64,
    /// `percent` (a fraction shown as %), `number`, `per_week`.
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NotAssessed {
    pub key: String,
    pub what: String,
    pub why: String,
}
