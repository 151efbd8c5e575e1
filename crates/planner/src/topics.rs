//! Pillars, topics, hooks and hashtag sets. Pillars come from the request, else the client's,
//! else the niche's in the content library. Topics are the niche's topic ideas in a seeded order
//! (the pillar itself when the niche is not in the library); hooks and hashtag sets are drafted by
//! `instagrowth_content::draft` per topic, and a set never repeats on the next post when the topic
//! has another.
use std::collections::BTreeMap;

use instagrowth_content::{
    check_hashtag_set, draft, match_niche, niche_info, ContentError, Grounding, Item, Kind, Request,
};

use crate::error::PlanError;

/// Pillars when neither the request, the client nor the niche has any.
const FALLBACK_PILLARS: [&str; 3] = ["Education", "Behind the scenes", "Results and reviews"];

/// The pillars to rotate through and where they came from (for a note).
pub fn pillars(
    requested: &[String],
    g: &Grounding,
) -> Result<(Vec<String>, &'static str), PlanError> {
    if requested.iter().any(|p| p.trim().is_empty()) {
        return Err(PlanError::EmptyPillar);
    }
    let clean = |list: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for p in list {
            let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
            if !p.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&p)) {
                out.push(p);
            }
        }
        out
    };
    let req = clean(requested);
    if !req.is_empty() {
        return Ok((req, "request"));
    }
    let own = clean(&g.pillars);
    if !own.is_empty() {
        return Ok((own, "client"));
    }
    if let Some(n) = match_niche(&g.niche).and_then(niche_info) {
        let lib = clean(&n.pillars);
        if !lib.is_empty() {
            return Ok((lib, "niche"));
        }
    }
    Ok((
        FALLBACK_PILLARS.iter().map(|p| p.to_string()).collect(),
        "fallback",
    ))
}

/// SplitMix64: a tiny portable stream for the planner's own shuffles and sub-seeds.
pub fn mix(seed: u64, salt: u64) -> u64 {
    let mut z = seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The niche's topic ideas in a seeded order; empty when the niche is not in the library.
pub fn topic_ideas(g: &Grounding, seed: u64) -> Vec<String> {
    let Some(n) = match_niche(&g.niche).and_then(niche_info) else {
        return Vec::new();
    };
    let mut topics = n.topics;
    for i in (1..topics.len()).rev() {
        let j = (mix(seed, 1000 + i as u64) % (i as u64 + 1)) as usize;
        topics.swap(i, j);
    }
    topics
}

/// Drafted material for the posts, in plan order.
#[derive(Debug, Default)]
pub struct Material {
    pub hooks: Vec<String>,
    pub hashtags: Vec<Vec<String>>,
    pub notes: Vec<String>,
}

/// Drafts `count` items of `kind` about `topic`, settling for fewer when the library runs out.
fn draft_some(
    g: &Grounding,
    kind: Kind,
    count: usize,
    topic: &str,
    seed: u64,
) -> Result<Vec<Item>, ContentError> {
    let mut want = count.clamp(1, instagrowth_content::MAX_COUNT as usize) as u32;
    loop {
        let r = Request::new(kind, want, Some(topic.to_string()), seed);
        match draft(g, &r) {
            Err(ContentError::NotEnough { got, .. }) if got >= 1 && got < want => want = got,
            other => return other.map(|d| d.items),
        }
    }
}

/// Hooks and hashtag sets for posts about `topics` (one per post, in plan order).
pub fn material(g: &Grounding, topics: &[String], seed: u64) -> Material {
    let mut by_topic: BTreeMap<&str, usize> = BTreeMap::new();
    for t in topics {
        *by_topic.entry(t.as_str()).or_default() += 1;
    }
    let mut hooks: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut sets: BTreeMap<&str, Vec<Vec<String>>> = BTreeMap::new();
    let mut out = Material::default();
    let mut tag_error: Option<String> = None;
    for (k, (topic, count)) in by_topic.iter().enumerate() {
        let sub = mix(seed, k as u64);
        let h = draft_some(g, Kind::Hooks, *count, topic, sub).unwrap_or_default();
        hooks.insert(
            topic,
            h.into_iter()
                .filter_map(|i| match i {
                    Item::Hook(h) => Some(h.text),
                    _ => None,
                })
                .collect(),
        );
        // One more set than posts, so the next post can always take another.
        let s = match draft_some(g, Kind::Hashtags, count + 1, topic, sub ^ 0x5EED) {
            Ok(items) => items,
            Err(e) => {
                tag_error.get_or_insert_with(|| e.to_string());
                Vec::new()
            }
        };
        sets.insert(
            topic,
            s.into_iter()
                .filter_map(|i| match i {
                    Item::Hashtags(s) => Some(s.tags),
                    _ => None,
                })
                .filter(|tags| check_hashtag_set(tags).is_ok())
                .collect(),
        );
    }
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    let mut tag_turn: BTreeMap<&str, usize> = BTreeMap::new();
    let mut previous: Vec<String> = Vec::new();
    for t in topics {
        let n = used.entry(t.as_str()).or_default();
        let list = &hooks[t.as_str()];
        out.hooks.push(match list.get(*n % list.len().max(1)) {
            Some(h) => h.clone(),
            None => format!("What most people get wrong about {t}"),
        });
        *n += 1;
        let pool = &sets[t.as_str()];
        let turn = tag_turn.entry(t.as_str()).or_default();
        let mut tags = pool
            .get(*turn % pool.len().max(1))
            .cloned()
            .unwrap_or_default();
        if !tags.is_empty() && tags == previous && pool.len() > 1 {
            *turn += 1;
            tags = pool[*turn % pool.len()].clone();
        }
        *turn += 1;
        previous = tags.clone();
        out.hashtags.push(tags);
    }
    if let Some(e) = tag_error {
        out.notes.push(format!(
            "Some posts have no hashtag set: {e}. Add the client's niche or import posts with hashtags."
        ));
    }
    out
}
