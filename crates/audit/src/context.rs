//! The posts an audit looks at and the follower count that applies to each.
use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::input::{AuditInput, AuditPost};

/// At least this many posts in the last 90 days, else the latest [`FALLBACK_POSTS`] are used.
pub const MIN_RECENT_POSTS: usize = 6;
pub const WINDOW_DAYS: i64 = 90;
pub const FALLBACK_POSTS: usize = 12;

pub struct Ctx<'a> {
    pub input: &'a AuditInput,
    /// Feed posts (not stories) published up to `as_of`, oldest first.
    pub feed: Vec<&'a AuditPost>,
    /// The analysed window: the last 90 days, or the latest 12 posts when that is too few.
    pub window: Vec<&'a AuditPost>,
}

impl<'a> Ctx<'a> {
    pub fn new(input: &'a AuditInput) -> Ctx<'a> {
        let mut feed: Vec<&AuditPost> = input
            .posts
            .iter()
            .filter(|p| p.is_feed() && p.published_at <= input.as_of)
            .collect();
        feed.sort_by_key(|p| (p.published_at, p.id.clone()));
        let since = input.as_of - Duration::days(WINDOW_DAYS);
        let recent: Vec<&AuditPost> = feed
            .iter()
            .copied()
            .filter(|p| p.published_at > since)
            .collect();
        let window = if recent.len() >= MIN_RECENT_POSTS {
            recent
        } else {
            feed[feed.len().saturating_sub(FALLBACK_POSTS)..].to_vec()
        };
        Ctx {
            input,
            feed,
            window,
        }
    }

    pub fn as_of(&self) -> DateTime<Utc> {
        self.input.as_of
    }

    /// The latest follower count.
    pub fn followers_now(&self) -> Option<i64> {
        self.input
            .followers
            .last()
            .map(|(_, n)| *n)
            .filter(|n| *n > 0)
    }

    /// Followers when `at` was posted: the last count on or before that day, else the first
    /// after it.
    pub fn followers_at(&self, at: DateTime<Utc>) -> Option<i64> {
        let day: NaiveDate = at.date_naive();
        let f = &self.input.followers;
        f.iter()
            .rev()
            .find(|(d, _)| *d <= day)
            .or_else(|| f.first())
            .map(|(_, n)| *n)
            .filter(|n| *n > 0)
    }

    /// (likes + comments) / followers for one post.
    pub fn rate(&self, p: &AuditPost) -> Option<f64> {
        let eng = p.public_engagement()?;
        let followers = self.followers_at(p.published_at)?;
        Some(eng as f64 / followers as f64)
    }

    /// (likes + comments + saves + shares) / reach for one post.
    pub fn rate_by_reach(&self, p: &AuditPost) -> Option<f64> {
        let reach = p.metrics.reach.filter(|r| *r > 0)?;
        Some(p.full_engagement()? as f64 / reach as f64)
    }

    /// Feed posts in `(as_of − from_days, as_of − to_days]`.
    pub fn between(&self, from_days: i64, to_days: i64) -> Vec<&'a AuditPost> {
        let start = self.input.as_of - Duration::days(from_days);
        let end = self.input.as_of - Duration::days(to_days);
        self.feed
            .iter()
            .copied()
            .filter(|p| p.published_at > start && p.published_at <= end)
            .collect()
    }

    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.input.time_zone).date_naive()
    }
}
