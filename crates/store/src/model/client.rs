use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A client account of the agency: one Instagram profile the agency looks after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Client {
    /// UUID v4.
    pub id: String,
    pub name: String,
    /// Instagram username, lower-case, without the leading `@`.
    pub handle: String,
    pub niche: String,
    pub goals: String,
    pub audience: String,
    pub brand_voice: String,
    /// Sorted, unique.
    pub tags: Vec<String>,
    pub notes: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
    /// RFC 3339, UTC; `null` while the client is active.
    pub archived_at: Option<String>,
    pub archived: bool,
}

/// What a user fills in to add a client. Only `name` and `handle` are required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct NewClient {
    pub name: String,
    /// With or without the leading `@`; any case.
    pub handle: String,
    pub niche: String,
    pub goals: String,
    pub audience: String,
    pub brand_voice: String,
    pub tags: Vec<String>,
    pub notes: String,
}

/// A change to a client: fields left `null` keep their value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ClientPatch {
    #[ts(optional = nullable)]
    pub name: Option<String>,
    #[ts(optional = nullable)]
    pub handle: Option<String>,
    #[ts(optional = nullable)]
    pub niche: Option<String>,
    #[ts(optional = nullable)]
    pub goals: Option<String>,
    #[ts(optional = nullable)]
    pub audience: Option<String>,
    #[ts(optional = nullable)]
    pub brand_voice: Option<String>,
    #[ts(optional = nullable)]
    pub tags: Option<Vec<String>>,
    #[ts(optional = nullable)]
    pub notes: Option<String>,
}

/// Which clients a listing shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ArchivedFilter {
    /// Active clients only.
    #[default]
    Active,
    /// Archived clients only.
    Archived,
    /// Both.
    All,
}

/// A client listing: a search over name and handle, a tag, and which archive state to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ClientQuery {
    /// Matches anywhere in the name or handle, case-insensitively; a leading `@` is ignored.
    #[ts(optional = nullable)]
    pub search: Option<String>,
    /// Only clients carrying this tag.
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    pub archived: ArchivedFilter,
}
