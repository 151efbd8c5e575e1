//! The typed input and output of drafting. Every type crosses to the UI (ts-rs) and may be filled
//! by an AI answer later (schemars), so all of them are plain data.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ContentError;

/// What to draft.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Reels,
    Hooks,
    Captions,
    Hashtags,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Reels, Kind::Hooks, Kind::Captions, Kind::Hashtags];

    /// `"reels"`, `"hooks"`, `"captions"`, `"hashtags"` (case-insensitive; the singular works too).
    pub fn parse(s: &str) -> Result<Kind, ContentError> {
        match s.trim().to_lowercase().as_str() {
            "reels" | "reel" => Ok(Kind::Reels),
            "hooks" | "hook" => Ok(Kind::Hooks),
            "captions" | "caption" => Ok(Kind::Captions),
            "hashtags" | "hashtag" => Ok(Kind::Hashtags),
            _ => Err(ContentError::UnknownKind(s.to_string())),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Reels => "reels",
            Kind::Hooks => "hooks",
            Kind::Captions => "captions",
            Kind::Hashtags => "hashtags",
        }
    }
}

/// The hook formulas of the library (`library/hooks.toml`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Formula {
    CuriosityGap,
    Contrarian,
    List,
    Mistake,
    BeforeAfter,
    Story,
    Question,
    Statistic,
}

impl Formula {
    pub const ALL: [Formula; 8] = [
        Formula::CuriosityGap,
        Formula::Contrarian,
        Formula::List,
        Formula::Mistake,
        Formula::BeforeAfter,
        Formula::Story,
        Formula::Question,
        Formula::Statistic,
    ];

    /// The snake_case id, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Formula::CuriosityGap => "curiosity_gap",
            Formula::Contrarian => "contrarian",
            Formula::List => "list",
            Formula::Mistake => "mistake",
            Formula::BeforeAfter => "before_after",
            Formula::Story => "story",
            Formula::Question => "question",
            Formula::Statistic => "statistic",
        }
    }

    pub fn parse(s: &str) -> Option<Formula> {
        Formula::ALL.into_iter().find(|f| f.as_str() == s.trim())
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CaptionLength {
    Short,
    Medium,
    Long,
}

impl CaptionLength {
    pub const ALL: [CaptionLength; 3] = [
        CaptionLength::Short,
        CaptionLength::Medium,
        CaptionLength::Long,
    ];
}

/// One of the client's posts, as grounding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct PostRef {
    pub caption: String,
    /// `image` | `carousel` | `reel`.
    pub format: String,
    /// Without `#`.
    pub hashtags: Vec<String>,
    /// A fraction, as the audit computes it: 0.061 = 6.1 %.
    pub engagement_rate: Option<f64>,
}

/// How one of the client's own hashtags performed (from imports).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct TagStat {
    /// Without `#`.
    pub tag: String,
    /// Posts that used the tag.
    pub posts: u32,
    /// Mean engagement rate of those posts (a fraction).
    pub mean_rate: f64,
}

/// What the engine knows about the client. Every field may be empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct Grounding {
    pub client_name: String,
    pub handle: String,
    /// Free text ("skincare studio"); mapped to a library niche by [`crate::match_niche`].
    pub niche: String,
    pub goals: String,
    pub audience: String,
    pub brand_voice: String,
    pub pillars: Vec<String>,
    pub top_posts: Vec<PostRef>,
    pub bottom_posts: Vec<PostRef>,
    /// Titles of the latest audit's findings.
    pub findings: Vec<String>,
    /// How the client's own hashtags performed.
    pub tag_stats: Vec<TagStat>,
    /// Texts already in the client's library marked used: never suggested again.
    pub avoid: Vec<String>,
}

/// What to draft, how many, about what, and the seed that makes it repeatable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct Request {
    pub kind: Kind,
    /// 1..=30.
    pub count: u32,
    /// None: rotate through the client's pillars, then the niche's topic ideas.
    pub topic: Option<String>,
    #[ts(type = "number")]
    pub seed: u64,
    /// Captions only: one length for every caption; None mixes short, medium and long.
    #[serde(default)]
    pub caption_length: Option<CaptionLength>,
}

impl Request {
    pub fn new(kind: Kind, count: u32, topic: Option<String>, seed: u64) -> Request {
        Request {
            kind,
            count,
            topic,
            seed,
            caption_length: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct ReelIdea {
    pub title: String,
    pub concept: String,
    pub hook: String,
    pub beats: Vec<String>,
    pub on_screen_text: Vec<String>,
    pub caption_angle: String,
    pub cta: String,
    pub length_secs: u32,
    /// Which top post or pillar it builds on.
    pub why: String,
    /// The reel format's id in `library/reels.toml` (`talking_head_tips`, `pov`, …).
    pub format: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct Hook {
    pub text: String,
    pub formula: Formula,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct Caption {
    pub length: CaptionLength,
    /// The first line.
    pub hook: String,
    pub body: String,
    pub cta: String,
    /// The whole caption with line breaks: hook, body, CTA.
    pub text: String,
    /// The framework's id in `library/captions.toml` (`aida`, `pas`, …).
    pub framework: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct HashtagSet {
    /// Each starts with `#`; 3..=5 of them.
    pub tags: Vec<String>,
    /// `broad` | `mid` | `niche`, one per tag.
    pub tiers: Vec<String>,
    pub note: String,
}

/// One drafted item. JSON: `{"type": "hashtags", "tags": ["#skincare", …], "tiers": […], "note": …}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Item {
    Reel(ReelIdea),
    Hook(Hook),
    Caption(Caption),
    Hashtags(HashtagSet),
}

impl Item {
    /// The text that identifies the item: hook text, caption text, reel title, or the tags joined
    /// by spaces. Duplicates and `avoid` are judged on it.
    pub fn main_text(&self) -> String {
        match self {
            Item::Reel(r) => r.title.clone(),
            Item::Hook(h) => h.text.clone(),
            Item::Caption(c) => c.text.clone(),
            Item::Hashtags(s) => s.tags.join(" "),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
pub struct Draft {
    pub kind: Kind,
    pub items: Vec<Item>,
    /// The library niche used (`beauty`…), or `general` when the client's niche matched none.
    pub niche: String,
    /// What the user should know about how it was drafted (e.g. the general fallback).
    pub notes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use ts_rs::{Config, TS};

    #[test]
    fn types_declare_for_typescript_and_json_schema() {
        let cfg = Config::default();
        let item = Item::decl(&cfg);
        assert!(item.contains("\"type\": \"hashtags\""), "{item}");
        assert!(Request::decl(&cfg).contains("seed: number"));
        let schema = serde_json::to_string(&schemars::schema_for!(Draft)).unwrap_or_default();
        assert!(
            schema.contains("\"tags\"") && schema.contains("curiosity_gap"),
            "{schema}"
        );
    }
}
