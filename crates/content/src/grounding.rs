//! What drafting takes from the client: the niche, the audience, the topics to rotate through,
//! the voice, the goal, the posts to build on, the hashtags that worked, and what to avoid.
use std::collections::BTreeSet;

use crate::error::ContentError;
use crate::library::library;
use crate::model::{Grounding, PostRef, Request};
use crate::niche::{best_niche, Niche};
use crate::rng::Rng;
use crate::template::{mid_sentence, Vars};

/// What the client's goals ask a call to action to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Goal {
    Engagement,
    Leads,
    Sales,
}

/// The brand voice, as far as the engine acts on it: a playful voice may add one emoji to a
/// caption's first line; professional and neutral voices get none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Playful,
    Professional,
    Neutral,
}

pub(crate) fn goal_of(goals: &str) -> Goal {
    let words = crate::niche::words(goals);
    let has = |stems: &[&str]| words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)));
    if has(&[
        "sale",
        "sell",
        "shop",
        "order",
        "revenue",
        "purchas",
        "product",
        "store",
        "buy",
        "ecommerce",
        "checkout",
    ]) {
        Goal::Sales
    } else if has(&[
        "lead", "book", "enquir", "inquir", "client", "dm", "call", "consult", "appoint", "signup",
        "waitlist", "demo", "patient", "student", "enrol", "enroll", "listing",
    ]) {
        Goal::Leads
    } else {
        Goal::Engagement
    }
}

pub(crate) fn tone_of(voice: &str) -> Tone {
    let v = voice.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| v.contains(w));
    if has(&[
        "professional",
        "formal",
        "corporate",
        "authoritative",
        "serious",
    ]) {
        Tone::Professional
    } else if has(&[
        "playful", "fun", "cheeky", "witty", "bubbly", "quirky", "humor", "humour",
    ]) {
        Tone::Playful
    } else {
        Tone::Neutral
    }
}

/// Texts and tag sets already used; compared case- and space-insensitively, tag sets in any order.
#[derive(Debug, Default)]
pub(crate) struct Avoid {
    texts: BTreeSet<String>,
    tag_sets: BTreeSet<Vec<String>>,
}

pub(crate) fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The tags of a "#a #b" text as a sorted list, without `#`.
pub(crate) fn tag_set_key(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|t| t.strip_prefix('#'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

impl Avoid {
    pub fn new(texts: &[String]) -> Avoid {
        let mut a = Avoid::default();
        for t in texts {
            a.texts.insert(norm(t));
            if t.contains('#') {
                a.tag_sets.insert(tag_set_key(t));
            }
        }
        a
    }

    pub fn text(&self, s: &str) -> bool {
        self.texts.contains(&norm(s))
    }

    pub fn tags(&self, tags: &[String]) -> bool {
        self.tag_sets.contains(&tag_set_key(&tags.join(" ")))
    }
}

/// Everything drafting needs, resolved once per call.
pub(crate) struct Context<'a> {
    pub g: &'a Grounding,
    pub niche: Option<&'static Niche>,
    pub niche_id: String,
    /// `{niche}`.
    pub word: String,
    /// `{audience}`.
    pub audience: String,
    topics: Vec<String>,
    /// The request's topic (the same for every item) rather than a rotation.
    pub fixed_topic: bool,
    pub results: &'static [String],
    pub tone: Tone,
    pub goal: Goal,
    /// Top posts, best first.
    pub top: Vec<&'a PostRef>,
    pub avoid: Avoid,
    /// The client's tags that beat their average, best first (without `#`).
    pub good_tags: Vec<String>,
    /// The client's tags that did worse than their average.
    pub bad_tags: BTreeSet<String>,
}

/// A client tag needs this many posts before its mean counts as evidence.
const MIN_TAG_POSTS: u32 = 2;

impl<'a> Context<'a> {
    pub fn new(g: &'a Grounding, r: &Request, rng: &mut Rng) -> Result<Context<'a>, ContentError> {
        let niche = best_niche(&g.niche);
        let lib = library();
        let (niche_id, word, default_audience, ideas, results) = match niche {
            Some(n) => (
                n.id.clone(),
                n.word.clone(),
                &n.audience,
                &n.topics,
                &n.results,
            ),
            None => {
                let own = g.niche.trim().to_lowercase();
                let word = if own.is_empty() {
                    lib.general.word.clone()
                } else {
                    own
                };
                let gen = &lib.general;
                (
                    "general".to_string(),
                    word,
                    &gen.audience,
                    &gen.topics,
                    &gen.results,
                )
            }
        };
        let audience = if g.audience.trim().is_empty() {
            default_audience.clone()
        } else {
            mid_sentence(&g.audience)
        };
        let (topics, fixed_topic) = match &r.topic {
            Some(t) if t.trim().is_empty() => return Err(ContentError::EmptyTopic),
            Some(t) => (
                vec![t.split_whitespace().collect::<Vec<_>>().join(" ")],
                true,
            ),
            None => {
                let mut seen = BTreeSet::new();
                let mut pillars: Vec<String> = g
                    .pillars
                    .iter()
                    .map(|p| mid_sentence(p))
                    .filter(|p| !p.is_empty() && seen.insert(p.to_lowercase()))
                    .collect();
                rng.shuffle(&mut pillars);
                let mut more: Vec<String> = ideas
                    .iter()
                    .filter(|t| seen.insert(t.to_lowercase()))
                    .cloned()
                    .collect();
                rng.shuffle(&mut more);
                pillars.extend(more);
                (pillars, false)
            }
        };
        let mut top: Vec<&PostRef> = g.top_posts.iter().collect();
        top.sort_by(|a, b| {
            let (a, b) = (
                a.engagement_rate.unwrap_or(-1.0),
                b.engagement_rate.unwrap_or(-1.0),
            );
            b.total_cmp(&a)
        });
        let (good_tags, bad_tags) = tag_evidence(g);
        Ok(Context {
            g,
            niche,
            niche_id,
            word,
            audience,
            topics,
            fixed_topic,
            results,
            tone: tone_of(&g.brand_voice),
            goal: goal_of(&g.goals),
            top,
            avoid: Avoid::new(&g.avoid),
            good_tags,
            bad_tags,
        })
    }

    pub fn topic_count(&self) -> usize {
        self.topics.len()
    }

    /// The topic of item `i` (the request's topic, or the rotation).
    pub fn topic(&self, i: usize) -> &str {
        &self.topics[i % self.topics.len()]
    }

    pub fn vars(&self, topic: &str) -> Vars {
        Vars {
            topic: topic.to_string(),
            audience: self.audience.clone(),
            niche: self.word.clone(),
            keyword: keyword(topic),
            brand: if self.g.client_name.trim().is_empty() {
                "our team".to_string()
            } else {
                self.g.client_name.trim().to_string()
            },
            ..Vars::default()
        }
    }
}

/// The word a "DM me KEYWORD" call to action uses: the topic's longest word, in capitals.
fn keyword(topic: &str) -> String {
    let best = topic
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .fold("", |best, w| if w.len() > best.len() { w } else { best });
    if best.is_empty() {
        "GUIDE".to_string()
    } else {
        best.to_uppercase().chars().take(16).collect()
    }
}

/// Splits the client's tag stats at their post-weighted mean rate: above it (with enough posts)
/// is evidence for a tag, below it is evidence against.
fn tag_evidence(g: &Grounding) -> (Vec<String>, BTreeSet<String>) {
    // Only tags the engine could suggest count: generic or malformed ones are left out.
    let stats: Vec<(String, &crate::model::TagStat)> = g
        .tag_stats
        .iter()
        .filter(|s| s.posts > 0 && s.mean_rate.is_finite())
        .map(|s| (s.tag.trim().trim_start_matches('#').to_lowercase(), s))
        .filter(|(t, _)| {
            crate::hashtags::check_tag(&format!("#{t}")).is_ok()
                && !crate::hashtags::is_generic_tag(t)
        })
        .collect();
    let posts: f64 = stats.iter().map(|(_, s)| f64::from(s.posts)).sum();
    if posts == 0.0 {
        return (Vec::new(), BTreeSet::new());
    }
    let mean = stats
        .iter()
        .map(|(_, s)| s.mean_rate * f64::from(s.posts))
        .sum::<f64>()
        / posts;
    let mut good: Vec<(String, f64)> = Vec::new();
    let mut bad = BTreeSet::new();
    for (tag, s) in stats {
        if s.mean_rate > mean && s.posts >= MIN_TAG_POSTS {
            good.push((tag, s.mean_rate));
        } else if s.mean_rate < mean {
            bad.insert(tag);
        }
    }
    good.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut seen = BTreeSet::new();
    let good = good
        .into_iter()
        .map(|(t, _)| t)
        .filter(|t| !bad.contains(t) && seen.insert(t.clone()))
        .collect();
    (good, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_and_voice() {
        assert_eq!(goal_of("More leads via DM"), Goal::Leads);
        assert_eq!(goal_of("Sell more of the new range"), Goal::Sales);
        assert_eq!(goal_of("grow community"), Goal::Engagement);
        assert_eq!(tone_of("Playful, warm"), Tone::Playful);
        assert_eq!(tone_of("professional"), Tone::Professional);
    }

    #[test]
    fn keyword_is_the_longest_word() {
        assert_eq!(keyword("morning skincare routine"), "SKINCARE");
        assert_eq!(keyword("?!"), "GUIDE");
    }
}

/// The main texts drafted so far, so no item repeats one or one the client has used.
#[derive(Debug, Default)]
pub(crate) struct Seen(BTreeSet<String>);

impl Seen {
    /// Whether `text` is new here and not in the client's `avoid` list.
    pub fn fresh(&self, ctx: &Context, text: &str) -> bool {
        !self.0.contains(&norm(text)) && !ctx.avoid.text(text)
    }

    pub fn add(&mut self, text: &str) {
        self.0.insert(norm(text));
    }
}

/// The order to try topics for item `i`: its own first, then (for a rotation) the others.
pub(crate) fn topic_order(ctx: &Context, i: usize) -> impl Iterator<Item = usize> {
    let n = ctx.topic_count();
    (0..n).map(move |k| (i + k) % n)
}
