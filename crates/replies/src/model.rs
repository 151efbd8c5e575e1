//! The reply assistant's typed data. Every type crosses to the UI (ts-rs); the categorical ones may
//! also be filled by an AI answer (schemars). Plain data, no behaviour beyond names.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the person writing wants.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// Wants to buy or book: "how do I order", "is this available in M", "can I book for Friday".
    Purchase,
    /// Asks what something costs.
    Pricing,
    /// Needs help with an order, a product, an account: shipping, returns, "it doesn't work".
    Support,
    Praise,
    Complaint,
    /// A brand, creator or agency proposing to work together.
    Collaboration,
    /// Spam, bots, scams, "promote it on …", follow-for-follow.
    Spam,
    Other,
}

impl Intent {
    pub const ALL: [Intent; 8] = [
        Intent::Purchase,
        Intent::Pricing,
        Intent::Support,
        Intent::Praise,
        Intent::Complaint,
        Intent::Collaboration,
        Intent::Spam,
        Intent::Other,
    ];

    /// The serde name: `"purchase"`, `"pricing"`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Purchase => "purchase",
            Intent::Pricing => "pricing",
            Intent::Support => "support",
            Intent::Praise => "praise",
            Intent::Complaint => "complaint",
            Intent::Collaboration => "collaboration",
            Intent::Spam => "spam",
            Intent::Other => "other",
        }
    }

    /// The serde name back (case-insensitive); `None` for anything else.
    pub fn parse(s: &str) -> Option<Intent> {
        let s = s.trim().to_lowercase();
        Intent::ALL.into_iter().find(|i| i.as_str() == s)
    }

    /// For people: "Purchase or lead", "Pricing question", …
    pub fn label(self) -> &'static str {
        match self {
            Intent::Purchase => "Purchase or lead",
            Intent::Pricing => "Pricing question",
            Intent::Support => "Support question",
            Intent::Praise => "Praise",
            Intent::Complaint => "Complaint",
            Intent::Collaboration => "Collaboration request",
            Intent::Spam => "Spam or bot",
            Intent::Other => "Other",
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Positive,
    Neutral,
    Negative,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Low,
    Normal,
    High,
}

/// The languages triage and drafting know; anything else is `Other` (drafts then use English).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    En,
    Es,
    De,
    Fr,
    Pt,
    It,
    Other,
}

impl Language {
    pub const KNOWN: [Language; 6] = [
        Language::En,
        Language::Es,
        Language::De,
        Language::Fr,
        Language::Pt,
        Language::It,
    ];

    /// ISO 639-1 (`"en"`, …) or `"other"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::De => "de",
            Language::Fr => "fr",
            Language::Pt => "pt",
            Language::It => "it",
            Language::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Language> {
        let s = s.trim().to_lowercase();
        [Language::Other]
            .into_iter()
            .chain(Language::KNOWN)
            .find(|l| l.as_str() == s)
    }

    /// "English", "Spanish", …, "Other".
    pub fn label(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Es => "Spanish",
            Language::De => "German",
            Language::Fr => "French",
            Language::Pt => "Portuguese",
            Language::It => "Italian",
            Language::Other => "Other",
        }
    }
}

/// Where the message was written: a public comment or a direct message. Drafts are sized for it.
/// (`ReplyChannel` in TypeScript, where `Channel` is Tauri's IPC channel.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ReplyChannel")]
pub enum Channel {
    Comment,
    Dm,
}

/// One incoming comment or DM, as read from pasted text, a CSV or an imported DM thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Message {
    /// The username (without `@`) or the name shown; empty when the input did not say.
    pub author: String,
    pub text: String,
    /// RFC 3339 UTC, when the input said.
    pub received_at: Option<String>,
    /// The post it was written under (a URL, a shortcode or a title), when the input said.
    pub post: Option<String>,
    pub channel: Channel,
}

/// One reason a message scored as a lead, with the words that showed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LeadReason {
    /// Stable id: `asks_price`, `asks_availability`, `asks_location`, `mentions_budget`,
    /// `wants_to_buy`, `asks_booking`, `asks_dm`, `gives_contact`, `asks_shipping`,
    /// `names_quantity_or_date`, `business_enquiry`, `is_spam` (negative points) …
    pub signal: String,
    /// For people: "Asks about price".
    pub label: String,
    /// Points added to the score (negative for signals that lower it).
    pub points: i32,
    /// The words in the message that matched, as written.
    pub evidence: String,
}

/// What triage says about one message. Every field is computed by rules, so the same message gives
/// the same triage; the AI path may replace intent, sentiment, language and urgency, but the lead
/// score and priority are always recomputed here from the text and the intent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Triage {
    pub intent: Intent,
    pub sentiment: Sentiment,
    pub language: Language,
    pub urgency: Urgency,
    /// 0–100: the sum of the reasons' points, clamped.
    pub lead_score: u32,
    pub lead_reasons: Vec<LeadReason>,
    /// The cue words that decided the intent, as written (empty for `Other`).
    pub intent_evidence: Vec<String>,
    /// 0–100, for sorting the queue: lead score, urgency, intent (complaints and support first
    /// among non-leads, spam last) and waiting time.
    pub priority: u32,
}

/// How the brand uses emoji in replies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmojiUse {
    /// Never.
    None,
    /// At most one per reply.
    #[default]
    Light,
    /// A few are welcome (at most three).
    Playful,
}

/// A client's rules for replies. The brand's voice (a free text on the client) comes with them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct BrandRules {
    /// Words and phrases a reply must never contain (case-insensitive, whole words).
    pub avoid_words: Vec<String>,
    /// Appended to DM replies ("— Ana at Glow Studio"); comments stay short and go without.
    pub sign_off: String,
    pub emoji: EmojiUse,
    /// Where a reply may send people for buying or booking ("the link in our bio",
    /// "glowstudio.com/book"); empty: replies invite a DM instead.
    pub booking_link: String,
}

/// Who the drafts speak for and how.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DraftContext {
    /// The client's name ("Glow Studio").
    pub brand: String,
    /// The client's niche, free text ("skincare studio").
    pub niche: String,
    /// The client's brand voice, free text ("warm, playful, no jargon").
    pub voice: String,
    pub rules: BrandRules,
}

/// One reply draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
pub struct ReplyDraft {
    pub text: String,
    /// What sets this variant apart, for people: "Warm", "Short", "Move to DM", "With the link".
    pub style: String,
}

/// A reply template the agency saves and reuses. Variables: `{first_name}`, `{username}`,
/// `{brand}`, `{sign_off}`, `{link}`, `{post}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateVars {
    pub first_name: Option<String>,
    pub username: String,
    pub brand: String,
    pub sign_off: String,
    pub link: String,
    pub post: String,
}
