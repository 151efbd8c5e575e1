//! What the audit reads: the client's posts and follower counts as stored, and when and where
//! (time zone) the audit is made. Built by the caller from the store; no I/O here.
use chrono::{DateTime, NaiveDate, Utc};
use instagrowth_model::{Metrics, PostKind};

#[derive(Debug, Clone, PartialEq)]
pub struct AuditPost {
    /// The stored post's id (findings and signals point at posts by it).
    pub id: String,
    pub kind: PostKind,
    pub published_at: DateTime<Utc>,
    pub caption: String,
    /// Lower-case, without `#`.
    pub hashtags: Vec<String>,
    pub metrics: Metrics,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AuditInput {
    /// The moment the audit describes ("now" for a live audit).
    pub as_of: DateTime<Utc>,
    /// The workspace's zone: best times are local weekdays and hours.
    pub time_zone: chrono_tz::Tz,
    /// Follower counts over time, oldest first (from imports and manual entry).
    pub followers: Vec<(NaiveDate, i64)>,
    /// The latest known "following" count.
    pub following: Option<i64>,
    pub posts: Vec<AuditPost>,
}

impl AuditPost {
    /// Likes + comments, the public engagement count; `None` when neither is known.
    pub fn public_engagement(&self) -> Option<i64> {
        let m = &self.metrics;
        match (m.likes, m.comments) {
            (None, None) => None,
            (l, c) => Some(l.unwrap_or(0) + c.unwrap_or(0)),
        }
    }

    /// Likes + comments + saves + shares; `None` when none is known.
    pub fn full_engagement(&self) -> Option<i64> {
        let m = &self.metrics;
        let all = [m.likes, m.comments, m.saves, m.shares];
        if all.iter().all(Option::is_none) {
            return None;
        }
        Some(all.iter().map(|v| v.unwrap_or(0)).sum())
    }

    /// Reach, else views (plays for older reels): how many saw it.
    pub fn audience(&self) -> Option<i64> {
        let m = &self.metrics;
        m.reach.or(m.views).or(m.plays).filter(|v| *v > 0)
    }

    pub fn is_feed(&self) -> bool {
        self.kind != PostKind::Story
    }
}
