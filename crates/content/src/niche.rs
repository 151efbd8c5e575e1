//! The niches of the library (`library/niches/*.toml`) and how a client's free-text niche maps to
//! one: every alias is matched as whole words (plurals folded); a strong alias scores 2 a word (so
//! "food truck" outweighs "food"), a weak one ("coach", "studio") 1; the highest total wins, and a
//! tie goes to the niche whose alias appears first in the text.
use std::collections::BTreeSet;

use serde::Deserialize;

use crate::library::library;

/// One niche file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Niche {
    pub id: String,
    pub label: String,
    /// What `{niche}` becomes mid-sentence ("skincare", "real estate").
    pub word: String,
    /// Words or phrases that map a client's niche here.
    pub aliases: Vec<String>,
    /// Words that hint at the niche but are shared with others; they count half.
    #[serde(default)]
    pub weak_aliases: Vec<String>,
    /// The audience when the client has none.
    pub audience: String,
    pub pillars: Vec<String>,
    pub topics: Vec<String>,
    /// Outcomes for `{result}` ("clearer skin").
    pub results: Vec<String>,
    pub hashtags: Tiers,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Tiers {
    pub broad: Vec<String>,
    pub mid: Vec<String>,
    pub niche: Vec<String>,
}

impl Tiers {
    /// The tier of `tag` (without `#`) in this niche.
    pub fn tier_of(&self, tag: &str) -> Option<&'static str> {
        if self.broad.iter().any(|t| t == tag) {
            Some("broad")
        } else if self.mid.iter().any(|t| t == tag) {
            Some("mid")
        } else if self.niche.iter().any(|t| t == tag) {
            Some("niche")
        } else {
            None
        }
    }

    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.broad.iter().chain(&self.mid).chain(&self.niche)
    }
}

/// Lower-case words, with a plural "s" folded ("salons" → "salon").
pub(crate) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold_plural)
        .collect()
}

fn fold_plural(w: &str) -> String {
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// The position of the first whole-word occurrence of `alias` in `text_words`.
fn find_alias(text_words: &[String], alias: &str) -> Option<usize> {
    let alias_words = words(alias);
    if alias_words.is_empty() || alias_words.len() > text_words.len() {
        return None;
    }
    (0..=text_words.len() - alias_words.len())
        .find(|&i| text_words[i..i + alias_words.len()] == alias_words[..])
}

/// The library niche for a client's free-text niche ("skincare studio" → `beauty`), if any.
pub fn match_niche(free_text: &str) -> Option<&'static str> {
    best_niche(free_text).map(|n| n.id.as_str())
}

pub(crate) fn best_niche(free_text: &str) -> Option<&'static Niche> {
    let text = words(free_text);
    if text.is_empty() {
        return None;
    }
    let mut best: Option<(usize, std::cmp::Reverse<usize>, &'static Niche)> = None;
    for niche in &library().niches {
        let strong: BTreeSet<String> = niche
            .aliases
            .iter()
            .chain([&niche.id, &niche.word])
            .map(|a| words(&a.replace('_', " ")).join(" "))
            .collect();
        let weak: BTreeSet<String> = niche
            .weak_aliases
            .iter()
            .map(|a| words(a).join(" "))
            .filter(|a| !strong.contains(a))
            .collect();
        let mut score = 0;
        let mut first = usize::MAX;
        for (alias, strong) in strong
            .iter()
            .map(|a| (a, true))
            .chain(weak.iter().map(|a| (a, false)))
        {
            if let Some(pos) = find_alias(&text, alias) {
                // A strong alias counts 2 a word, so "food truck" beats "food".
                score += if strong {
                    2 * alias.split(' ').count()
                } else {
                    1
                };
                first = first.min(pos);
            }
        }
        if score == 0 {
            continue;
        }
        let key = (score, std::cmp::Reverse(first));
        if best.as_ref().is_none_or(|(s, f, _)| key > (*s, *f)) {
            best = Some((key.0, key.1, niche));
        }
    }
    best.map(|(_, _, n)| n)
}

/// The library niche with this id.
pub(crate) fn niche_by_id(id: &str) -> Option<&'static Niche> {
    library().niches.iter().find(|n| n.id == id)
}

/// Every library niche as (id, label), in library order.
pub fn niches() -> Vec<(&'static str, &'static str)> {
    library()
        .niches
        .iter()
        .map(|n| (n.id.as_str(), n.label.as_str()))
        .collect()
}
