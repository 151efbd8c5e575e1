//! Hashtag rules and hashtag sets. Since 2025-12-19 Instagram allows at most 5 hashtags a post,
//! and generic tags (#explore, #viral, #fyp…) never help, so none is ever produced.
//!
//! A set is 5 tags with at least one broad, one mid and one niche tag from the niche's tiers; the
//! client's own tags that beat their average come first (one or two a set), their tags that did
//! worse are left out. Each tier is a seed-shuffled pool: a tag about the set's topic is taken
//! first (topic "double cleansing" → #doublecleansing), else the next in turn, always skipping the
//! previous set's tags, so consecutive sets share at most the client's own tags (≤ 2) and no set
//! repeats.
use std::collections::BTreeSet;

use crate::error::ContentError;
use crate::grounding::{tag_set_key, Context};
use crate::model::{HashtagSet, Item, Kind};
use crate::niche::{words, Niche};
use crate::rng::Rng;

/// At most this many hashtags per post (Instagram, since 2025-12-19).
pub const MAX_TAGS: usize = 5;

/// Tags that never help reach: they say nothing about the post.
const GENERIC: [&str; 62] = [
    "explore",
    "explorepage",
    "explorer",
    "viral",
    "viralpost",
    "viralreels",
    "viralvideo",
    "goviral",
    "reels",
    "reel",
    "reelsinstagram",
    "reelitfeelit",
    "reelsvideo",
    "instareels",
    "fyp",
    "foryou",
    "foryoupage",
    "fy",
    "instagood",
    "instadaily",
    "instalike",
    "instamood",
    "instagram",
    "insta",
    "ig",
    "igers",
    "trending",
    "trend",
    "trendy",
    "love",
    "follow",
    "followme",
    "followforfollow",
    "follow4follow",
    "followback",
    "f4f",
    "like",
    "likes",
    "like4like",
    "likeforlike",
    "likeforlikes",
    "l4l",
    "likeforfollow",
    "tagsforlikes",
    "comment",
    "share",
    "photooftheday",
    "picoftheday",
    "tbt",
    "nofilter",
    "happy",
    "beautiful",
    "cute",
    "smile",
    "me",
    "selfie",
    "bhfyp",
    "instafollow",
    "followers",
    "s4s",
    "repost",
    "spam4spam",
];

/// Prefixes and parts that mark the same kind of tag (#explorepage2025, #viralreelsvideo…).
const GENERIC_PREFIXES: [&str; 7] = [
    "explorepage",
    "viral",
    "fyp",
    "foryou",
    "trending",
    "instagood",
    "reelsinsta",
];
const GENERIC_PARTS: [&str; 6] = [
    "like4like",
    "likeforlike",
    "follow4follow",
    "followforfollow",
    "followback",
    "tagsforlikes",
];

/// Whether `tag` (with or without `#`, any case) is a generic tag that never helps.
pub fn is_generic_tag(tag: &str) -> bool {
    let t = tag.trim().trim_start_matches('#').to_lowercase();
    GENERIC.contains(&t.as_str())
        || GENERIC_PREFIXES.iter().any(|p| t.starts_with(p))
        || GENERIC_PARTS.iter().any(|p| t.contains(p))
}

/// One tag: `#` then 2–60 lower-case letters, digits or `_`, at least one a letter.
pub(crate) fn check_tag(tag: &str) -> Result<(), String> {
    let Some(body) = tag.strip_prefix('#') else {
        return Err(format!("“{tag}” does not start with #"));
    };
    let n = body.chars().count();
    if !(2..=60).contains(&n) {
        return Err(format!("“{tag}” must have 2 to 60 characters after #"));
    }
    if !body
        .chars()
        .all(|c| c == '_' || (c.is_alphanumeric() && !c.is_uppercase()))
    {
        return Err(format!(
            "“{tag}” may hold only lower-case letters, digits and _"
        ));
    }
    if !body.chars().any(char::is_alphabetic) {
        return Err(format!("“{tag}” needs a letter"));
    }
    Ok(())
}

/// A post's hashtags: at most 5, each `#` + lower-case word characters, none generic, no
/// duplicates.
pub fn check_hashtag_set(tags: &[String]) -> Result<(), String> {
    if tags.len() > MAX_TAGS {
        return Err(format!(
            "{} hashtags: Instagram allows at most {MAX_TAGS} per post",
            tags.len()
        ));
    }
    let mut seen = BTreeSet::new();
    for t in tags {
        check_tag(t)?;
        if is_generic_tag(t) {
            return Err(format!("{t} is a generic tag that never helps reach"));
        }
        if !seen.insert(t.as_str()) {
            return Err(format!("{t} is there twice"));
        }
    }
    Ok(())
}

const TIERS: [&str; 3] = ["broad", "mid", "niche"];

/// Tier mixes of a five-tag set (indexes into [`TIERS`]); the first is the usual one.
const MIXES: [[usize; 5]; 4] = [
    [0, 1, 1, 2, 2],
    [0, 1, 2, 2, 2],
    [0, 0, 1, 2, 2],
    [0, 1, 1, 2, 2],
];

/// A seed-shuffled pool read in turn.
struct Pool {
    tags: Vec<String>,
    next: usize,
}

impl Pool {
    /// The first tag about the topic (holding one of `about`), else the next in turn.
    fn take(&mut self, skip: &BTreeSet<String>, about: &[String]) -> Option<String> {
        for w in about {
            if let Some(t) = self
                .tags
                .iter()
                .find(|t| !skip.contains(*t) && t.contains(w.as_str()))
            {
                return Some(t.clone());
            }
        }
        for _ in 0..self.tags.len() {
            let t = &self.tags[self.next % self.tags.len()];
            self.next += 1;
            if !skip.contains(t) {
                return Some(t.clone());
            }
        }
        None
    }
}

pub(crate) fn draft(ctx: &Context, count: usize, rng: &mut Rng) -> Result<Vec<Item>, ContentError> {
    match ctx.niche {
        Some(n) => niche_sets(ctx, n, count, rng),
        None => own_sets(ctx, count, rng),
    }
}

/// The sets already made, for the "no set twice, consecutive sets share ≤ 2" rules.
#[derive(Default)]
struct Made {
    keys: BTreeSet<Vec<String>>,
    last: BTreeSet<String>,
    items: Vec<Item>,
}

impl Made {
    fn accepts(&self, ctx: &Context, tags: &[String]) -> bool {
        let key = tag_set_key(&tags.join(" "));
        let shared = tags.iter().filter(|t| self.last.contains(*t)).count();
        !self.keys.contains(&key)
            && shared <= 2
            && !ctx.avoid.tags(tags)
            && check_hashtag_set(tags).is_ok()
    }

    fn push(&mut self, tags: Vec<String>, tiers: Vec<String>, note: String) {
        self.keys.insert(tag_set_key(&tags.join(" ")));
        self.last = tags.iter().cloned().collect();
        self.items
            .push(Item::Hashtags(HashtagSet { tags, tiers, note }));
    }
}

fn niche_sets(
    ctx: &Context,
    n: &Niche,
    count: usize,
    rng: &mut Rng,
) -> Result<Vec<Item>, ContentError> {
    let own: Vec<&String> = ctx.good_tags.iter().collect();
    let excluded: BTreeSet<&String> = ctx.bad_tags.iter().chain(&ctx.good_tags).collect();
    let mut pools: Vec<Pool> = [&n.hashtags.broad, &n.hashtags.mid, &n.hashtags.niche]
        .into_iter()
        .map(|tier| {
            let mut tags: Vec<String> = tier
                .iter()
                .filter(|t| !excluded.contains(t))
                .cloned()
                .collect();
            rng.shuffle(&mut tags);
            Pool { tags, next: 0 }
        })
        .collect();
    let own_per_set = own.len().min(2);
    let mut made = Made::default();
    for k in 0..count {
        let about = topic_words(ctx.topic(k));
        let mut done = false;
        for attempt in 0..40 {
            let mut mix: Vec<usize> = MIXES[rng.below(MIXES.len())].to_vec();
            let mut chosen: Vec<(usize, String)> = Vec::new();
            for j in 0..own_per_set {
                let tag = own[(k * own_per_set + j + attempt) % own.len()].clone();
                if chosen.iter().any(|(_, t)| *t == tag) {
                    continue;
                }
                let tier = n
                    .hashtags
                    .tier_of(&tag)
                    .and_then(|t| TIERS.iter().position(|x| *x == t))
                    .unwrap_or(2);
                if let Some(slot) = slot_for(&mix, tier) {
                    mix.remove(slot);
                    chosen.push((tier, tag));
                }
            }
            let mut skip: BTreeSet<String> = made
                .last
                .iter()
                .map(|t| t.trim_start_matches('#').to_string())
                .collect();
            skip.extend(chosen.iter().map(|(_, t)| t.clone()));
            let mut complete = true;
            for tier in mix {
                // A retry reads the pools in turn, so a topic cannot pin the same tags twice.
                let about: &[String] = if attempt == 0 { &about } else { &[] };
                match pools[tier].take(&skip, about) {
                    Some(t) => {
                        skip.insert(t.clone());
                        chosen.push((tier, t));
                    }
                    None => complete = false,
                }
            }
            chosen.sort_by_key(|(tier, _)| *tier);
            let tags: Vec<String> = chosen.iter().map(|(_, t)| format!("#{t}")).collect();
            if !complete || !made.accepts(ctx, &tags) {
                continue;
            }
            let tiers = chosen.iter().map(|(t, _)| TIERS[*t].to_string()).collect();
            let note = niche_note(ctx, k, &chosen, &own);
            made.push(tags, tiers, note);
            done = true;
            break;
        }
        if !done {
            return Err(not_enough(count, k));
        }
    }
    Ok(made.items)
}

/// The topic's words that can find a tag about it ("double cleansing" → #doublecleansing).
fn topic_words(topic: &str) -> Vec<String> {
    const SKIP: [&str; 14] = [
        "with", "your", "from", "that", "this", "what", "into", "versus", "ideas", "basics",
        "about", "when", "more", "less",
    ];
    let w = words(topic);
    let mut out: Vec<String> = w
        .iter()
        .filter(|w| w.chars().count() >= 4 && !SKIP.contains(&w.as_str()))
        .cloned()
        .collect();
    // The whole phrase too, so "double cleansing" prefers #doublecleansing to #double….
    if w.len() > 1 {
        out.insert(0, w.concat());
    }
    out
}

fn not_enough(wanted: usize, got: usize) -> ContentError {
    ContentError::NotEnough {
        kind: Kind::Hashtags,
        wanted: wanted as u32,
        got: got as u32,
    }
}

/// The slot a client's own tag of `tier` takes: one of that tier's if it has two or more, else
/// one of the tier with the most (so every tier keeps at least one library tag).
fn slot_for(mix: &[usize], tier: usize) -> Option<usize> {
    let count = |t: usize| mix.iter().filter(|&&m| m == t).count();
    let from = if count(tier) >= 2 {
        tier
    } else {
        (0..TIERS.len()).max_by_key(|t| (count(*t), *t))?
    };
    if count(from) >= 2 {
        mix.iter().position(|&m| m == from)
    } else {
        None
    }
}

fn niche_note(ctx: &Context, k: usize, chosen: &[(usize, String)], own: &[&String]) -> String {
    let count = |tier: usize| chosen.iter().filter(|(t, _)| *t == tier).count();
    let mut note = format!(
        "{} broad, {} mid and {} niche tags for a {} post about {}.",
        count(0),
        count(1),
        count(2),
        ctx.word,
        ctx.topic(k)
    );
    let mine: Vec<String> = chosen
        .iter()
        .filter(|(_, t)| own.contains(&t))
        .map(|(_, t)| format!("#{t}"))
        .collect();
    if !mine.is_empty() {
        note.push_str(&format!(
            " {} beat your average engagement on your own posts.",
            mine.join(" and ")
        ));
    }
    note
}

/// The general fallback: the client's own best tags, their top posts' tags, then their pillars
/// as tags, all labelled `niche` (the library cannot tell their size).
fn own_sets(ctx: &Context, count: usize, rng: &mut Rng) -> Result<Vec<Item>, ContentError> {
    let mut seen = BTreeSet::new();
    let usable = |t: &str| {
        let t = t.trim().trim_start_matches('#').to_lowercase();
        let ok = check_tag(&format!("#{t}")).is_ok()
            && !is_generic_tag(&t)
            && !ctx.bad_tags.contains(&t);
        ok.then_some(t)
    };
    let mut pool: Vec<String> = ctx
        .good_tags
        .iter()
        .filter_map(|t| usable(t))
        .filter(|t| seen.insert(t.clone()))
        .collect();
    let mut rest: Vec<String> = Vec::new();
    for p in &ctx.top {
        for t in &p.hashtags {
            if let Some(t) = usable(t) {
                if seen.insert(t.clone()) {
                    rest.push(t);
                }
            }
        }
    }
    for p in &ctx.g.pillars {
        let t: String = words(p).concat();
        if t.len() >= 4 {
            if let Some(t) = usable(&t) {
                if seen.insert(t.clone()) {
                    rest.push(t);
                }
            }
        }
    }
    rng.shuffle(&mut rest);
    pool.extend(rest);
    if pool.is_empty() {
        return Err(ContentError::NoHashtagSource {
            niche: ctx.g.niche.clone(),
        });
    }
    // Consecutive sets may share 2 tags, so a pool of p tags fills sets of (p + 2) / 2.
    let size = (pool.len() + 2) / 2;
    let size = size.min(MAX_TAGS);
    if size < 3 {
        return Err(not_enough(count, 0));
    }
    let mut made = Made::default();
    let mut cursor = 0;
    for k in 0..count {
        let mut done = false;
        for _ in 0..pool.len() * 2 {
            let mut tags: Vec<String> = Vec::new();
            let mut shared = 0;
            for step in 0..pool.len() {
                if tags.len() >= size {
                    break;
                }
                let t = format!("#{}", pool[(cursor + step) % pool.len()]);
                let in_last = made.last.contains(&t);
                if in_last && shared >= 2 {
                    continue;
                }
                shared += usize::from(in_last);
                tags.push(t);
            }
            cursor += 1;
            if tags.len() < size || !made.accepts(ctx, &tags) {
                continue;
            }
            cursor += size - 1;
            let tiers = vec!["niche".to_string(); tags.len()];
            let note = format!(
                "Your niche “{}” is not in the library yet, so these come from your own best hashtags, top posts and pillars, for a post about {}. Check each tag's size on Instagram before posting.",
                ctx.g.niche.trim(),
                ctx.topic(k)
            );
            made.push(tags, tiers, note);
            done = true;
            break;
        }
        if !done {
            return Err(not_enough(count, k));
        }
    }
    Ok(made.items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_tags_are_caught() {
        for t in [
            "#explore",
            "#ExplorePage",
            "fyp",
            "#viralreels",
            "#like4likes",
            "#love",
        ] {
            assert!(is_generic_tag(t), "{t}");
        }
        for t in ["#skincare", "#doglovers", "#realestateagent"] {
            assert!(!is_generic_tag(t), "{t}");
        }
    }

    #[test]
    fn set_rules() {
        let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert!(check_hashtag_set(&s(&["#skincare", "#retinol"])).is_ok());
        assert!(check_hashtag_set(&s(&["#a1", "#b2", "#c3", "#d4", "#e5", "#f6"])).is_err());
        assert!(check_hashtag_set(&s(&["skincare"])).is_err());
        assert!(check_hashtag_set(&s(&["#SkinCare"])).is_err());
        assert!(check_hashtag_set(&s(&["#skin-care"])).is_err());
        assert!(check_hashtag_set(&s(&["#skincare", "#skincare"])).is_err());
        assert!(check_hashtag_set(&s(&["#explorepage"])).is_err());
        assert!(check_hashtag_set(&s(&["#café"])).is_ok());
    }
}
