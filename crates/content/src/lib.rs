//! The offline content drafting engine: reel ideas, hooks, captions and hashtag sets for a client,
//! drafted from a curated library and filled from the client's data and a topic. No I/O, no
//! network, no tauri.
//!
//! # The library
//! `library/` holds the drafting material as TOML, embedded at compile time and parsed once:
//!
//! - `hooks.toml` — hook templates for eight formulas (curiosity gap, contrarian, list, mistake,
//!   before/after, story, question, statistic) and the safe counts `{number}` may take ("3
//!   things"). Statistic hooks take no number at all: the app never presents an invented number
//!   as fact.
//! - `captions.toml` — caption frameworks (AIDA, PAS, story–lesson–CTA, listicle, myth vs fact,
//!   before/after, how-to steps, behind the scenes), each with short, medium and long bodies, and
//!   calls to action by goal (engagement, leads, sales).
//! - `reels.toml` — reel formats with beats, on-screen text, a length range, a caption angle and
//!   calls to action.
//! - `niches/*.toml` — one file per niche: aliases that map a client's free-text niche to it, a
//!   default audience, pillars, topic ideas, outcomes for `{result}`, and hashtags in three tiers
//!   (broad, mid, niche) — real, lower-case, never generic.
//! - `general.toml` — the fallback when a client's niche matches none.
//!
//! Templates use `{topic}`, `{audience}`, `{niche}`, `{result}`, `{number}`, `{keyword}` and
//! `{brand}`. A unit test checks every file parses and keeps the rules (sizes, known
//! placeholders, no digits where a number could read as a fact, valid tags), so a bad edit fails
//! `cargo test`, not the app.
//!
//! # Determinism
//! [`draft`] is a pure function of the grounding, the request and its seed: every choice comes
//! from one ChaCha8 stream seeded with [`Request::seed`], and nothing iterates a hash map. The
//! same inputs give the same draft on every platform; another seed gives another draft.
//!
//! # Grounding
//! The client's audience, voice (a playful voice may get an emoji, others none), goal (the style
//! of calls to action), pillars (topics), top posts (what reel ideas build on — the `why` quotes
//! the post and its real rate), bottom posts (their formats come later), hashtag results (tags
//! that beat the client's average come first, those that did worse are dropped) and `avoid`
//! (texts already used, never suggested again) all shape the draft. Every draft is checked with
//! [`check_draft`] before it is returned.
mod captions;
mod error;
mod grounding;
mod hashtags;
mod hooks;
mod library;
mod model;
mod niche;
mod reels;
mod rng;
mod template;
mod validate;

pub use error::ContentError;
pub use hashtags::{check_hashtag_set, is_generic_tag, MAX_TAGS};
pub use model::{
    Caption, CaptionLength, Draft, Formula, Grounding, HashtagSet, Hook, Item, Kind, PostRef,
    ReelIdea, Request, TagStat,
};
pub use niche::{match_niche, niches};
pub use validate::{check_draft, check_item, digits_grounded, source_text};

use grounding::Context;
use rng::Rng;

/// The most items one draft may hold.
pub const MAX_COUNT: u32 = 30;

/// Drafts `r.count` items of `r.kind` for the client in `g`.
pub fn draft(g: &Grounding, r: &Request) -> Result<Draft, ContentError> {
    if !(1..=MAX_COUNT).contains(&r.count) {
        return Err(ContentError::BadCount(r.count));
    }
    let mut rng = Rng::new(r.seed);
    let ctx = Context::new(g, r, &mut rng)?;
    let count = r.count as usize;
    let items = match r.kind {
        Kind::Reels => reels::draft(&ctx, count, &mut rng)?,
        Kind::Hooks => hooks::draft(&ctx, count, &mut rng)?,
        Kind::Captions => captions::draft(&ctx, count, r.caption_length, &mut rng)?,
        Kind::Hashtags => hashtags::draft(&ctx, count, &mut rng)?,
    };
    let d = Draft {
        kind: r.kind,
        items,
        niche: ctx.niche_id.clone(),
        notes: notes(&ctx, r),
    };
    check_draft(&d, g, r).map_err(ContentError::Invalid)?;
    Ok(d)
}

fn notes(ctx: &Context, r: &Request) -> Vec<String> {
    let mut notes = Vec::new();
    match ctx.niche {
        None if ctx.g.niche.trim().is_empty() => notes.push(
            "No niche is set for this client, so this draft uses the general library; set one for sharper ideas.".to_string(),
        ),
        None => notes.push(format!(
            "The niche “{}” is not in the library yet, so this draft uses the general library, your pillars and your own hashtags.",
            ctx.g.niche.trim()
        )),
        Some(_) => {}
    }
    if r.topic.is_none() {
        notes.push(if ctx.g.pillars.is_empty() {
            "No topic was given: topics rotate through the library's topic ideas.".to_string()
        } else {
            "No topic was given: topics rotate through your pillars, then the library's topic ideas.".to_string()
        });
    }
    if r.kind == Kind::Reels && ctx.top.is_empty() {
        notes.push(
            "No top posts yet: reel ideas build on your pillars and the library; import posts to build on what already works.".to_string(),
        );
    }
    notes
}

/// A library niche in full, for pickers and tests.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct NicheInfo {
    pub id: String,
    pub label: String,
    pub word: String,
    pub audience: String,
    pub aliases: Vec<String>,
    pub pillars: Vec<String>,
    pub topics: Vec<String>,
    pub results: Vec<String>,
    pub broad: Vec<String>,
    pub mid: Vec<String>,
    pub niche: Vec<String>,
}

/// The library niche `id`, if there is one.
pub fn niche_info(id: &str) -> Option<NicheInfo> {
    niche::niche_by_id(id).map(|n| NicheInfo {
        id: n.id.clone(),
        label: n.label.clone(),
        word: n.word.clone(),
        audience: n.audience.clone(),
        aliases: n.aliases.clone(),
        pillars: n.pillars.clone(),
        topics: n.topics.clone(),
        results: n.results.clone(),
        broad: n.hashtags.broad.clone(),
        mid: n.hashtags.mid.clone(),
        niche: n.hashtags.niche.clone(),
    })
}

/// Parses every library file afresh and lists what breaks the library's rules (empty when all is
/// well). `cargo test` runs it; it is public so tools can too.
pub fn library_problems() -> Vec<String> {
    match library::load() {
        Ok(lib) => library::check_library(&lib),
        Err(e) => vec![e],
    }
}

/// The reel formats as (id, label).
pub fn reel_formats() -> Vec<(&'static str, &'static str)> {
    library::library()
        .reels
        .formats
        .iter()
        .map(|f| (f.id.as_str(), f.label.as_str()))
        .collect()
}

/// The caption frameworks as (id, label).
pub fn caption_frameworks() -> Vec<(&'static str, &'static str)> {
    library::library()
        .captions
        .frameworks
        .iter()
        .map(|f| (f.id.as_str(), f.label.as_str()))
        .collect()
}
