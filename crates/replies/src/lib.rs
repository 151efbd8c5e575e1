//! The reply assistant's engine: reads comments and DMs (pasted text or a CSV), triages each one
//! (intent, sentiment, language, urgency, a lead score with its reasons, a queue priority) and
//! drafts 2–3 replies in the message's language under the brand's rules. Offline, rule-based and
//! deterministic; no I/O, no network, no tauri. Nothing here sends anything: Instagram only lets
//! approved apps send replies, so people copy a draft and send it themselves.
//!
//! The AI path (in `instagrowth-api`) may replace the categories and write the drafts; it calls
//! [`triage_with`] so the lead score and priority stay computed here from the text, and every AI
//! draft must pass [`check_reply`] like the offline ones do.
mod drafts;
mod error;
mod input;
mod language;
mod lead;
mod lexicon;
mod model;
mod rules;
mod template;
mod text;
mod triage;

pub use drafts::draft_replies;
pub use error::RepliesError;
pub use input::{parse_csv, parse_pasted, MAX_MESSAGES, MAX_TEXT_CHARS};
pub use language::detect_language;
pub use lead::score_lead;
pub use model::{
    BrandRules, Channel, DraftContext, EmojiUse, Intent, Language, LeadReason, Message, ReplyDraft,
    Sentiment, TemplateVars, Triage, Urgency,
};
pub use rules::{check_reply, ReplyProblem, MAX_COMMENT_CHARS, MAX_DM_CHARS};
pub use template::{check_template, first_name, render_template, TEMPLATE_VARIABLES};
pub use triage::{priority, triage, triage_with, Categories};
