//! The curated library: TOML files under `library/`, embedded at compile time and parsed once.
//! [`check_library`] states every rule the files must keep (sizes, known placeholders, no digits
//! where a number could read as a fact, valid non-generic hashtags); a unit test runs it, so a
//! malformed file fails `cargo test`, never the app.
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::hashtags::{check_tag, is_generic_tag};
use crate::model::Formula;
use crate::niche::Niche;
use crate::template::{placeholders, PLACEHOLDERS};

const HOOKS: &str = include_str!("../library/hooks.toml");
const CAPTIONS: &str = include_str!("../library/captions.toml");
const REELS: &str = include_str!("../library/reels.toml");
const GENERAL: &str = include_str!("../library/general.toml");

/// The niche files, in the order [`crate::niches`] lists them.
const NICHES: [(&str, &str); 15] = [
    ("fitness", include_str!("../library/niches/fitness.toml")),
    ("beauty", include_str!("../library/niches/beauty.toml")),
    ("food", include_str!("../library/niches/food.toml")),
    (
        "real_estate",
        include_str!("../library/niches/real_estate.toml"),
    ),
    ("coaching", include_str!("../library/niches/coaching.toml")),
    (
        "fashion_ecommerce",
        include_str!("../library/niches/fashion_ecommerce.toml"),
    ),
    ("travel", include_str!("../library/niches/travel.toml")),
    (
        "photography",
        include_str!("../library/niches/photography.toml"),
    ),
    ("saas_b2b", include_str!("../library/niches/saas_b2b.toml")),
    (
        "local_restaurants",
        include_str!("../library/niches/local_restaurants.toml"),
    ),
    ("wellness", include_str!("../library/niches/wellness.toml")),
    (
        "parenting",
        include_str!("../library/niches/parenting.toml"),
    ),
    (
        "personal_finance",
        include_str!("../library/niches/personal_finance.toml"),
    ),
    ("pets", include_str!("../library/niches/pets.toml")),
    (
        "education",
        include_str!("../library/niches/education.toml"),
    ),
];

/// `library/hooks.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HooksFile {
    /// Safe values for `{number}`: counts of things in the post itself, never a statistic.
    pub counts: Vec<String>,
    /// Formula id → templates.
    pub formulas: BTreeMap<String, Vec<String>>,
}

impl HooksFile {
    pub fn templates(&self, f: Formula) -> &[String] {
        self.formulas.get(f.as_str()).map_or(&[], Vec::as_slice)
    }
}

/// `library/captions.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaptionsFile {
    /// Emoji a playful voice may add to a caption's first line.
    pub playful_emoji: Vec<String>,
    pub ctas: Ctas,
    pub frameworks: Vec<Framework>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Ctas {
    pub engagement: Vec<String>,
    pub leads: Vec<String>,
    pub sales: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Framework {
    pub id: String,
    pub label: String,
    /// First-line options.
    pub hooks: Vec<String>,
    /// Body lines per length.
    pub short: Vec<String>,
    pub medium: Vec<String>,
    pub long: Vec<String>,
}

/// `library/reels.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReelsFile {
    pub formats: Vec<ReelFormat>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReelFormat {
    pub id: String,
    pub label: String,
    /// The post format this reel is closest to (`image` | `carousel` | `reel`): a client whose
    /// bottom posts are that format sees it later, one whose top posts are sees it sooner.
    pub echoes: String,
    /// Words in a post's caption that mark it as this kind of content.
    pub signals: Vec<String>,
    pub titles: Vec<String>,
    pub concept: String,
    pub hooks: Vec<String>,
    pub beats: Vec<String>,
    pub on_screen_text: Vec<String>,
    /// Suggested length in seconds, [min, max].
    pub length: [u32; 2],
    pub caption_angle: String,
    pub ctas: Vec<String>,
}

/// `library/general.toml`: the fallback when a client's niche matches no library niche.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct General {
    pub word: String,
    pub audience: String,
    pub topics: Vec<String>,
    pub results: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Library {
    pub hooks: HooksFile,
    pub captions: CaptionsFile,
    pub reels: ReelsFile,
    pub general: General,
    pub niches: Vec<Niche>,
}

/// The parsed library. Panics only if a library file is malformed, which `cargo test` catches.
pub(crate) fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| load().unwrap_or_else(|e| panic!("the content library is malformed: {e}")))
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("{name}: {e}"))
}

/// Parses every library file.
pub(crate) fn load() -> Result<Library, String> {
    let niches = NICHES
        .iter()
        .map(|(id, text)| parse::<Niche>(&format!("niches/{id}.toml"), text))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Library {
        hooks: parse("hooks.toml", HOOKS)?,
        captions: parse("captions.toml", CAPTIONS)?,
        reels: parse("reels.toml", REELS)?,
        general: parse("general.toml", GENERAL)?,
        niches,
    })
}

/// Every rule the library keeps; the problems found, one per line.
pub(crate) fn check_library(lib: &Library) -> Vec<String> {
    let mut p = Problems::default();
    check_hooks(&lib.hooks, &mut p);
    check_captions(&lib.captions, &mut p);
    check_reels(&lib.reels, &mut p);
    p.min("general.toml topics", &lib.general.topics, 10);
    p.min("general.toml results", &lib.general.results, 5);
    for (id, _) in NICHES {
        match lib.niches.iter().find(|n| n.id == id) {
            Some(n) => check_niche(n, &mut p),
            None => p.0.push(format!("niches/{id}.toml: its id is not “{id}”")),
        }
    }
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    for n in &lib.niches {
        for a in &n.aliases {
            if let Some(other) = owner.insert(a.to_lowercase(), &n.id) {
                p.0.push(format!("alias “{a}” is in both {other} and {}", n.id));
            }
        }
    }
    p.0
}

#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn min(&mut self, what: &str, items: &[String], n: usize) {
        if items.len() < n {
            self.0.push(format!("{what}: {} (needs {n}+)", items.len()));
        }
        let mut seen = BTreeSet::new();
        for i in items {
            if i.trim().is_empty() {
                self.0.push(format!("{what}: an empty entry"));
            }
            if !seen.insert(i.to_lowercase()) {
                self.0.push(format!("{what}: “{i}” twice"));
            }
        }
    }

    /// Only known placeholders; `need` (if any) present in every template; no digits unless the
    /// text is a timing cue.
    fn templates(&mut self, what: &str, items: &[String], need: Option<&str>, digits: bool) {
        for t in items {
            for name in placeholders(t) {
                if !PLACEHOLDERS.contains(&name) {
                    self.0
                        .push(format!("{what}: unknown placeholder {{{name}}} in “{t}”"));
                }
            }
            if need.is_some_and(|n| !t.contains(&format!("{{{n}}}"))) {
                self.0
                    .push(format!("{what}: “{t}” lacks {{{}}}", need.unwrap_or("")));
            }
            if !digits && t.chars().any(|c| c.is_ascii_digit()) {
                self.0.push(format!("{what}: “{t}” has a digit"));
            }
            if t.contains('#') {
                self.0.push(format!("{what}: “{t}” has a hashtag"));
            }
        }
    }
}

fn check_hooks(h: &HooksFile, p: &mut Problems) {
    p.min("hooks.toml counts", &h.counts, 2);
    for c in &h.counts {
        if !matches!(c.parse::<u32>(), Ok(2..=10)) {
            p.0.push(format!("hooks.toml counts: “{c}” is not a small count"));
        }
    }
    for name in h.formulas.keys() {
        if Formula::parse(name).is_none() {
            p.0.push(format!("hooks.toml: unknown formula “{name}”"));
        }
    }
    for f in Formula::ALL {
        let what = format!("hooks.toml {}", f.as_str());
        let t = h.templates(f);
        p.min(&what, t, 8);
        p.templates(&what, t, Some("topic"), false);
        if f == Formula::Statistic {
            for s in t
                .iter()
                .filter(|s| s.contains("{number}") || s.contains("{niche}"))
            {
                p.0.push(format!(
                    "{what}: “{s}” takes {{number}} or {{niche}}; statistic hooks may not"
                ));
            }
        }
    }
}

const FRAMEWORKS: [&str; 8] = [
    "aida",
    "pas",
    "story_lesson_cta",
    "listicle",
    "myth_vs_fact",
    "before_after",
    "how_to_steps",
    "behind_the_scenes",
];

fn check_captions(c: &CaptionsFile, p: &mut Problems) {
    p.min("captions.toml playful_emoji", &c.playful_emoji, 3);
    for (goal, list) in [
        ("engagement", &c.ctas.engagement),
        ("leads", &c.ctas.leads),
        ("sales", &c.ctas.sales),
    ] {
        let what = format!("captions.toml ctas.{goal}");
        p.min(&what, list, 5);
        p.templates(&what, list, None, false);
    }
    for id in FRAMEWORKS {
        if !c.frameworks.iter().any(|f| f.id == id) {
            p.0.push(format!("captions.toml: framework {id} is missing"));
        }
    }
    for f in &c.frameworks {
        let what = format!("captions.toml {}", f.id);
        p.min(&format!("{what} hooks"), &f.hooks, 3);
        p.templates(&what, &f.hooks, Some("topic"), false);
        for (len, lines, lo, hi) in [
            ("short", &f.short, 1, 2),
            ("medium", &f.medium, 3, 5),
            ("long", &f.long, 6, 10),
        ] {
            if !(lo..=hi).contains(&lines.len()) {
                p.0.push(format!(
                    "{what} {len}: {} lines (needs {lo}–{hi})",
                    lines.len()
                ));
            }
            p.templates(&format!("{what} {len}"), lines, None, false);
        }
    }
}

fn check_reels(r: &ReelsFile, p: &mut Problems) {
    if r.formats.len() < 12 {
        p.0.push(format!(
            "reels.toml: {} formats (needs 12+)",
            r.formats.len()
        ));
    }
    let mut ids = BTreeSet::new();
    for f in &r.formats {
        let what = format!("reels.toml {}", f.id);
        if !ids.insert(&f.id) {
            p.0.push(format!("{what}: id twice"));
        }
        if !["image", "carousel", "reel"].contains(&f.echoes.as_str()) {
            p.0.push(format!("{what}: echoes “{}”", f.echoes));
        }
        p.min(&format!("{what} titles"), &f.titles, 3);
        p.templates(&format!("{what} titles"), &f.titles, Some("topic"), true);
        p.min(&format!("{what} hooks"), &f.hooks, 2);
        p.templates(&format!("{what} hooks"), &f.hooks, None, true);
        p.min(&format!("{what} beats"), &f.beats, 3);
        p.templates(&format!("{what} beats"), &f.beats, None, true);
        p.min(&format!("{what} on_screen_text"), &f.on_screen_text, 2);
        p.templates(
            &format!("{what} on_screen_text"),
            &f.on_screen_text,
            None,
            true,
        );
        p.min(&format!("{what} ctas"), &f.ctas, 2);
        p.templates(&format!("{what} ctas"), &f.ctas, None, false);
        let single = [f.concept.clone(), f.caption_angle.clone()];
        p.templates(&what, &single, None, false);
        p.min(&format!("{what} signals"), &f.signals, 2);
        let [lo, hi] = f.length;
        if !(5..=90).contains(&lo) || !(lo..=90).contains(&hi) {
            p.0.push(format!("{what}: length {lo}–{hi} s"));
        }
    }
}

fn check_niche(n: &Niche, p: &mut Problems) {
    let what = format!("niches/{}.toml", n.id);
    p.min(&format!("{what} aliases"), &n.aliases, 4);
    p.min(&format!("{what} pillars"), &n.pillars, 5);
    p.min(&format!("{what} topics"), &n.topics, 15);
    p.min(&format!("{what} results"), &n.results, 5);
    p.templates(&what, &n.topics, None, false);
    p.templates(&what, &n.results, None, false);
    p.templates(&what, &n.pillars, None, false);
    p.templates(&what, std::slice::from_ref(&n.audience), None, false);
    // The word and label may hold a name with a digit ("B2B"); statistic hooks never use {niche}.
    p.templates(&what, &[n.word.clone(), n.label.clone()], None, true);
    p.min(&format!("{what} broad"), &n.hashtags.broad, 8);
    p.min(&format!("{what} mid"), &n.hashtags.mid, 12);
    p.min(&format!("{what} niche"), &n.hashtags.niche, 15);
    let mut seen = BTreeSet::new();
    for t in n.hashtags.all() {
        if !seen.insert(t) {
            p.0.push(format!("{what}: #{t} in two tiers"));
        }
        if let Err(e) = check_tag(&format!("#{t}")) {
            p.0.push(format!("{what}: {e}"));
        }
        if is_generic_tag(t) {
            p.0.push(format!("{what}: #{t} is generic"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_library_file_parses_and_keeps_the_rules() {
        let lib = load().unwrap_or_else(|e| panic!("{e}"));
        let problems = check_library(&lib);
        assert!(
            problems.is_empty(),
            "library problems:\n{}",
            problems.join("\n")
        );
    }
}
