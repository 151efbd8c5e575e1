//! Hashtag practice: Instagram's limit of 5 per post (since 2025-12-19), generic tags that do not
//! help reach, and one identical set pasted under post after post.
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::input::AuditPost;

/// Posts from this day on may carry at most [`LIMIT`] hashtags.
pub fn limit_since() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2025, 12, 19)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
}

pub const LIMIT: usize = 5;

/// Tags so broad they put a post in no one's feed (and read as spam).
pub const GENERIC: [&str; 28] = [
    "explore",
    "explorepage",
    "explore_page",
    "exploremore",
    "viral",
    "viralreels",
    "viralpost",
    "reels",
    "reelsinstagram",
    "reelitfeelit",
    "instareels",
    "fyp",
    "foryou",
    "foryoupage",
    "trending",
    "trendingreels",
    "instagood",
    "instagram",
    "insta",
    "instadaily",
    "photooftheday",
    "picoftheday",
    "love",
    "follow",
    "followme",
    "like4like",
    "likeforlike",
    "followforfollow",
];

pub fn is_generic(tag: &str) -> bool {
    GENERIC.contains(&tag.trim_start_matches('#').to_lowercase().as_str())
}

/// Posts over the limit (published when it applied).
pub fn over_limit<'a>(posts: &[&'a AuditPost]) -> (Vec<&'a AuditPost>, usize) {
    let since = limit_since();
    let bound: Vec<&AuditPost> = posts
        .iter()
        .copied()
        .filter(|p| p.published_at >= since)
        .collect();
    let over = bound
        .iter()
        .copied()
        .filter(|p| distinct(p).len() > LIMIT)
        .collect();
    (over, bound.len())
}

pub fn with_generic<'a>(posts: &[&'a AuditPost]) -> Vec<&'a AuditPost> {
    posts
        .iter()
        .copied()
        .filter(|p| p.hashtags.iter().any(|t| is_generic(t)))
        .collect()
}

fn distinct(p: &AuditPost) -> Vec<String> {
    let mut tags: Vec<String> = p
        .hashtags
        .iter()
        .map(|t| t.trim_start_matches('#').to_lowercase())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// The identical set (of 3 or more tags) used most often, and the posts using it.
pub fn most_repeated_set<'a>(posts: &[&'a AuditPost]) -> Option<(Vec<String>, Vec<&'a AuditPost>)> {
    let mut sets: HashMap<Vec<String>, Vec<&AuditPost>> = HashMap::new();
    for p in posts {
        let set = distinct(p);
        if set.len() >= 3 {
            sets.entry(set).or_default().push(p);
        }
    }
    sets.into_iter()
        .filter(|(_, ps)| ps.len() >= 3)
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| b.0.cmp(&a.0)))
}

pub fn tagged<'a>(posts: &[&'a AuditPost]) -> Vec<&'a AuditPost> {
    posts
        .iter()
        .copied()
        .filter(|p| !p.hashtags.is_empty())
        .collect()
}
