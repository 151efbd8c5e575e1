//! What can go wrong drafting, each with a stable code for the UI.
use crate::model::Kind;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    #[error("ask for between 1 and 30 items (got {0})")]
    BadCount(u32),
    #[error("unknown kind “{0}”: use reels, hooks, captions or hashtags")]
    UnknownKind(String),
    #[error("the topic is empty")]
    EmptyTopic,
    #[error("only {got} distinct {} could be drafted, not {wanted}: try another topic, or fewer items", .kind.as_str())]
    NotEnough { kind: Kind, wanted: u32, got: u32 },
    #[error("no hashtags to draw from: the niche “{niche}” is not in the library and the client has no hashtags of their own yet")]
    NoHashtagSource { niche: String },
    #[error("a drafted item broke a rule: {0}")]
    Invalid(String),
}

impl ContentError {
    /// A stable code the UI can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ContentError::BadCount(_) => "bad_count",
            ContentError::UnknownKind(_) => "unknown_kind",
            ContentError::EmptyTopic => "empty_topic",
            ContentError::NotEnough { .. } => "not_enough",
            ContentError::NoHashtagSource { .. } => "no_hashtag_source",
            ContentError::Invalid(_) => "invalid",
        }
    }
}
