//! Shared helpers for the integration tests.
#![allow(dead_code)]
use instagrowth_content::{Draft, Grounding, Item, PostRef, TagStat};

pub const SEEDS: [u64; 3] = [1, 2, 9_000_000_007];

/// A client in library niche `id` (named by its label, as a user would type it).
pub fn client(id: &str) -> Grounding {
    let info = instagrowth_content::niche_info(id).expect("niche");
    Grounding {
        client_name: "Northside Studio".into(),
        handle: "northside".into(),
        niche: info.label.clone(),
        goals: "grow engagement".into(),
        audience: String::new(),
        brand_voice: "warm".into(),
        pillars: vec![],
        ..Grounding::default()
    }
}

pub fn post(caption: &str, format: &str, tags: &[&str], rate: Option<f64>) -> PostRef {
    PostRef {
        caption: caption.into(),
        format: format.into(),
        hashtags: tags.iter().map(|t| t.to_string()).collect(),
        engagement_rate: rate,
    }
}

pub fn stat(tag: &str, posts: u32, mean_rate: f64) -> TagStat {
    TagStat {
        tag: tag.into(),
        posts,
        mean_rate,
    }
}

/// Every text an item shows, joined.
pub fn all_text(item: &Item) -> String {
    serde_json::to_string(item).unwrap()
}

pub fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn main_texts(d: &Draft) -> Vec<String> {
    d.items.iter().map(|i| norm(&i.main_text())).collect()
}

pub fn tag_sets(d: &Draft) -> Vec<Vec<String>> {
    d.items
        .iter()
        .map(|i| match i {
            Item::Hashtags(s) => s.tags.clone(),
            other => panic!("not a hashtag set: {other:?}"),
        })
        .collect()
}

/// Whether `s` holds a `{placeholder}` the library uses.
pub fn has_placeholder(s: &str) -> bool {
    [
        "topic", "audience", "niche", "result", "number", "keyword", "brand",
    ]
    .iter()
    .any(|p| s.contains(&format!("{{{p}}}")))
}
