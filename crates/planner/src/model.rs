//! The planner's typed input and output. The output types cross to the UI (ts-rs), may be filled
//! by an AI answer later (schemars) and are the CLI's `--json` shape, so all of them are plain data.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the plan optimises for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    Growth,
    Engagement,
    Leads,
    Recovery,
}

/// What one plan item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemType {
    Reel,
    Carousel,
    Image,
    Story,
    /// An engagement task (reply to comments, engage with niche accounts…), not a post.
    Engagement,
}

impl ItemType {
    /// A feed post (reel, carousel or image).
    pub fn is_feed(self) -> bool {
        matches!(self, ItemType::Reel | ItemType::Carousel | ItemType::Image)
    }

    /// The snake_case id, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemType::Reel => "reel",
            ItemType::Carousel => "carousel",
            ItemType::Image => "image",
            ItemType::Story => "story",
            ItemType::Engagement => "engagement",
        }
    }
}

/// What to plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct PlanRequest {
    /// The first day of the plan.
    #[ts(type = "string")]
    #[schemars(with = "String")]
    pub start: chrono::NaiveDate,
    /// 7, 14 or 30.
    pub days: u32,
    pub goal: Goal,
    /// Feed posts per ISO week, 1..=14.
    pub posts_per_week: u32,
    /// 0..=10.
    pub stories_per_day: u32,
    /// Empty: the client's pillars, else the niche's.
    pub pillars: Vec<String>,
    #[ts(type = "number")]
    pub seed: u64,
}

/// What the plan is built from. Borrowed: the caller owns the audit and the grounding.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanInput<'a> {
    /// The client's latest audit, if there is one.
    pub audit: Option<&'a instagrowth_audit::Audit>,
    /// Topics, hooks and hashtag sets come from the content engine with it.
    pub grounding: &'a instagrowth_content::Grounding,
    /// IANA; for notes only (times are local clock times).
    pub time_zone: String,
}

/// One thing to do on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct PlanItem {
    /// Stable: derived only from the day offset, slot index and type (`d03-p1`, `d03-s2`,
    /// `d03-e1`), so the same request gives the same ids (calendar UIDs).
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, local.
    pub time: String,
    /// `best_times` | `default`.
    pub time_source: String,
    #[serde(rename = "type")]
    pub kind: ItemType,
    pub pillar: String,
    pub topic: String,
    /// Empty for stories and engagement tasks.
    pub hook: String,
    /// The caption brief, or what to do.
    pub brief: String,
    /// At most 5, each `#…`; empty for stories and engagement tasks.
    pub hashtags: Vec<String>,
    /// False when planned.
    pub done: bool,
    /// None when planned; the app links library items later.
    pub content_item_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct PlanDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `Monday` … `Sunday`.
    pub weekday: String,
    /// In time order.
    pub items: Vec<PlanItem>,
}

/// A number to reach by the end of one plan week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct WeekTarget {
    /// 1-based; weeks run seven days from the plan's start (the last may be shorter).
    pub week: u32,
    pub start: String,
    pub end: String,
    pub metric: String,
    pub baseline: Option<f64>,
    pub target: f64,
    /// `percent` (a fraction shown as %), `number`, `per_week`.
    pub unit: String,
}

/// The plan. JSON: `{"start", "days": [{"date", "items": [{"type", "time", "topic", …}]}],
/// "targets": [...], …}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct Plan {
    /// `YYYY-MM-DD`.
    pub start: String,
    pub days: Vec<PlanDay>,
    pub targets: Vec<WeekTarget>,
    pub goal: Goal,
    pub posts_per_week: u32,
    pub stories_per_day: u32,
    /// The pillars the plan rotates through.
    pub pillars: Vec<String>,
    /// What the user should know about how it was planned.
    pub notes: Vec<String>,
}
