//! The lexicon: the words and phrases triage reads, one TOML file per language under `lexicon/`
//! (`en`, `es`, `de`, `fr`, `pt`, `it`) plus `emoji.toml` shared by all, embedded at compile time
//! and parsed once.
//!
//! # What a language file holds
//! - `function_words` — everyday words of the language ("the", "und", "che", "jajaja"…) for
//!   language detection; every other cue counts for detection too.
//! - `question_words` — words that open a question ("how", "wie", "quanto"…), for urgency.
//! - `negators` — words that flip the sentiment word right after them ("not good", "no me
//!   gusta"): within two words.
//! - `positive`, `negative` — sentiment words.
//! - `urgency` — explicit urgency ("asap", "still waiting", "dringend", "subito"…).
//! - `soon` — near dates ("today", "tomorrow", "mañana"…): with a purchase or pricing question
//!   they make it urgent.
//! - `[intent.<intent>]` — cues for every intent but `other`, in three tiers: `strong` (3
//!   points), `cues` (2) and `weak` (1). Spam cues are `[intent.spam]`.
//! - `[lead]` — cues for the lead signals of [`crate::score_lead`], by signal id.
//!
//! # How cues are written and matched
//! A cue is a word or phrase in lower case, written the way people write it (accents welcome);
//! it is folded like messages are (see [`crate::text`]) and matches whole words only, so "hi"
//! never matches inside "this". A word of a cue may end or start with `*` to match the start or
//! the end of a word: `jaja*` matches "jajajaja", `*marke` matches "Schmuckmarke" (at least three
//! letters besides the `*`). A unit test checks every file parses and keeps these rules, so a bad
//! edit fails `cargo test`, never the app.
//!
//! # Shared words
//! The same word may be a cue in several languages ("top", "collab", "de"). For language
//! detection a word counts `1 / n` for each of the `n` languages that list it (see
//! [`Entry::share`]).
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::{Intent, Language};
use crate::text::{bare_emoji, fold_phrase, Token};

const FILES: [(Language, &str, &str); 6] = [
    (Language::En, "en.toml", include_str!("../lexicon/en.toml")),
    (Language::Es, "es.toml", include_str!("../lexicon/es.toml")),
    (Language::De, "de.toml", include_str!("../lexicon/de.toml")),
    (Language::Fr, "fr.toml", include_str!("../lexicon/fr.toml")),
    (Language::Pt, "pt.toml", include_str!("../lexicon/pt.toml")),
    (Language::It, "it.toml", include_str!("../lexicon/it.toml")),
];
const EMOJI: &str = include_str!("../lexicon/emoji.toml");

/// Points for a cue in each tier of `[intent.*]`.
pub(crate) const STRONG: u32 = 3;
pub(crate) const CUE: u32 = 2;
pub(crate) const WEAK: u32 = 1;

/// The lead signals that have cues in `[lead]` (the others are found by shape: contacts, numbers).
pub(crate) const LEAD_CUE_SIGNALS: [&str; 10] = [
    "asks_price",
    "asks_availability",
    "asks_location",
    "mentions_budget",
    "wants_to_buy",
    "asks_booking",
    "asks_dm",
    "asks_shipping",
    "names_quantity_or_date",
    "business_enquiry",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LangFile {
    function_words: Vec<String>,
    question_words: Vec<String>,
    negators: Vec<String>,
    positive: Vec<String>,
    negative: Vec<String>,
    urgency: Vec<String>,
    soon: Vec<String>,
    intent: BTreeMap<String, Tiers>,
    lead: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tiers {
    #[serde(default)]
    strong: Vec<String>,
    #[serde(default)]
    cues: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EmojiFile {
    positive: Vec<String>,
    negative: Vec<String>,
}

/// What a cue is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Function,
    Question,
    Negator,
    Positive,
    Negative,
    Urgency,
    Soon,
    /// An intent cue with its points.
    Intent(Intent, u32),
    /// A lead signal id from [`LEAD_CUE_SIGNALS`].
    Lead(&'static str),
}

/// One word of a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pat {
    Word(String),
    /// `jaja*`
    Prefix(String),
    /// `*marke`
    Suffix(String),
}

impl Pat {
    fn matches(&self, t: &Token) -> bool {
        match self {
            Pat::Word(w) => t.forms().any(|f| f == w),
            Pat::Prefix(p) => t.forms().any(|f| f.starts_with(p.as_str())),
            Pat::Suffix(s) => t.forms().any(|f| f.ends_with(s.as_str())),
        }
    }
}

/// One cue of one language.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub lang: Language,
    pub kind: Kind,
    /// As written in the file.
    pub text: String,
    pats: Vec<Pat>,
    /// How many languages list this cue (folded), for any purpose: its language evidence is
    /// `1 / share`.
    pub share: u8,
}

/// A cue found in a message: `tokens[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

pub(crate) struct Lexicon {
    pub entries: Vec<Entry>,
    /// Entries by their first word (exact words only).
    by_first: HashMap<String, Vec<usize>>,
    /// Entries whose first word has a `*`.
    wild_first: Vec<usize>,
    pub emoji_positive: BTreeSet<String>,
    pub emoji_negative: BTreeSet<String>,
}

impl Lexicon {
    /// Every cue in `tokens`, in order of position then file order. A cue that matches twice
    /// at the same place is listed once.
    pub fn scan(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for start in 0..tokens.len() {
            let mut candidates: BTreeSet<usize> = BTreeSet::new();
            for form in tokens[start].forms() {
                if let Some(ids) = self.by_first.get(form) {
                    candidates.extend(ids.iter().copied());
                }
            }
            candidates.extend(self.wild_first.iter().copied());
            for id in candidates {
                let pats = &self.entries[id].pats;
                let end = start + pats.len();
                if end <= tokens.len()
                    && pats
                        .iter()
                        .zip(&tokens[start..end])
                        .all(|(p, t)| p.matches(t))
                {
                    hits.push(Hit {
                        entry: id,
                        start,
                        end,
                    });
                }
            }
        }
        hits
    }

    pub fn entry(&self, h: &Hit) -> &Entry {
        &self.entries[h.entry]
    }
}

/// The lexicon, parsed at first use. The files are part of the build and a unit test parses
/// them, so this cannot fail in a tested build.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> =
        LazyLock::new(|| load().unwrap_or_else(|e| panic!("the embedded lexicon is broken: {e}")));
    &LEXICON
}

fn parse_pats(cue: &str) -> Vec<Pat> {
    cue.split_whitespace()
        .flat_map(|w| {
            let (pre, word, post) = (w.starts_with('*'), w.trim_matches('*'), w.ends_with('*'));
            let folded: Vec<String> = fold_phrase(word).split(' ').map(String::from).collect();
            let n = folded.len();
            folded
                .into_iter()
                .enumerate()
                .filter(|(_, f)| !f.is_empty())
                .map(move |(i, f)| {
                    if post && i + 1 == n {
                        Pat::Prefix(f)
                    } else if pre && i == 0 {
                        Pat::Suffix(f)
                    } else {
                        Pat::Word(f)
                    }
                })
        })
        .collect()
}

/// The folded key of a cue, for [`Entry::share`].
fn key(cue: &str) -> String {
    cue.split_whitespace()
        .map(|w| {
            let core = fold_phrase(w.trim_matches('*'));
            format!(
                "{}{core}{}",
                if w.starts_with('*') { "*" } else { "" },
                if w.ends_with('*') { "*" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn intent_key(name: &str) -> Option<Intent> {
    Intent::parse(name).filter(|i| *i != Intent::Other)
}

pub(crate) fn load() -> Result<Lexicon, String> {
    let mut entries = Vec::new();
    for (lang, name, src) in FILES {
        let f: LangFile = toml::from_str(src).map_err(|e| format!("lexicon/{name}: {e}"))?;
        let mut add = |kind: Kind, list: &[String]| {
            for text in list {
                entries.push(Entry {
                    lang,
                    kind,
                    text: text.clone(),
                    pats: parse_pats(text),
                    share: 1,
                });
            }
        };
        add(Kind::Function, &f.function_words);
        add(Kind::Question, &f.question_words);
        add(Kind::Negator, &f.negators);
        add(Kind::Positive, &f.positive);
        add(Kind::Negative, &f.negative);
        add(Kind::Urgency, &f.urgency);
        add(Kind::Soon, &f.soon);
        for (intent, tiers) in &f.intent {
            let i = intent_key(intent).ok_or_else(|| {
                format!("lexicon/{name}: [intent.{intent}] is not an intent with cues")
            })?;
            add(Kind::Intent(i, STRONG), &tiers.strong);
            add(Kind::Intent(i, CUE), &tiers.cues);
            add(Kind::Intent(i, WEAK), &tiers.weak);
        }
        for (signal, list) in &f.lead {
            let s = LEAD_CUE_SIGNALS
                .iter()
                .find(|s| **s == signal.as_str())
                .ok_or_else(|| {
                    format!("lexicon/{name}: [lead] {signal} is not a lead signal with cues")
                })?;
            add(Kind::Lead(s), list);
        }
    }
    // Shares: how many languages list each folded cue.
    let mut langs_of: BTreeMap<String, BTreeSet<Language>> = BTreeMap::new();
    for e in &entries {
        langs_of.entry(key(&e.text)).or_default().insert(e.lang);
    }
    for e in &mut entries {
        e.share = langs_of[&key(&e.text)].len() as u8;
    }
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    let mut wild_first = Vec::new();
    for (id, e) in entries.iter().enumerate() {
        match e.pats.first() {
            Some(Pat::Word(w)) => by_first.entry(w.clone()).or_default().push(id),
            Some(_) => wild_first.push(id),
            None => {}
        }
    }
    let emoji: EmojiFile = toml::from_str(EMOJI).map_err(|e| format!("lexicon/emoji.toml: {e}"))?;
    Ok(Lexicon {
        entries,
        by_first,
        wild_first,
        emoji_positive: emoji.positive.iter().map(|e| bare_emoji(e)).collect(),
        emoji_negative: emoji.negative.iter().map(|e| bare_emoji(e)).collect(),
    })
}

/// Everything in the files that breaks the rules in the module doc (empty when all is well).
#[cfg(test)]
fn check_lexicon() -> Vec<String> {
    let mut problems = Vec::new();
    for (lang, name, src) in FILES {
        let f: LangFile = match toml::from_str(src) {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("lexicon/{name}: {e}"));
                continue;
            }
        };
        let mut lists: Vec<(String, &Vec<String>)> = vec![
            ("function_words".into(), &f.function_words),
            ("question_words".into(), &f.question_words),
            ("negators".into(), &f.negators),
            ("positive".into(), &f.positive),
            ("negative".into(), &f.negative),
            ("urgency".into(), &f.urgency),
            ("soon".into(), &f.soon),
        ];
        for (intent, t) in &f.intent {
            lists.push((format!("intent.{intent}.strong"), &t.strong));
            lists.push((format!("intent.{intent}.cues"), &t.cues));
            lists.push((format!("intent.{intent}.weak"), &t.weak));
            if intent_key(intent).is_none() {
                problems.push(format!(
                    "lexicon/{name}: [intent.{intent}] is not an intent with cues"
                ));
            }
        }
        for i in Intent::ALL.into_iter().filter(|i| *i != Intent::Other) {
            match f.intent.get(i.as_str()) {
                Some(t) if t.strong.len() + t.cues.len() >= 8 => {}
                _ => problems.push(format!(
                    "lexicon/{name}: [intent.{}] needs at least 8 cues",
                    i.as_str()
                )),
            }
        }
        for (signal, list) in &f.lead {
            lists.push((format!("lead.{signal}"), list));
        }
        for s in LEAD_CUE_SIGNALS {
            if f.lead.get(s).is_none_or(|l| l.len() < 3) {
                problems.push(format!("lexicon/{name}: [lead] {s} needs at least 3 cues"));
            }
        }
        for (what, list) in lists {
            let mut seen = BTreeSet::new();
            for cue in list {
                let at = format!("lexicon/{name} {what}: “{cue}”");
                if cue.trim().is_empty() {
                    problems.push(format!("{at} is empty"));
                    continue;
                }
                if *cue != cue.to_lowercase() || cue.trim() != cue {
                    problems.push(format!("{at} is not lower case and trimmed"));
                }
                if !cue
                    .chars()
                    .all(|c| c.is_alphanumeric() || " '’-*".contains(c))
                {
                    problems.push(format!("{at} has a character a message word never holds"));
                }
                for w in cue.split_whitespace() {
                    let core = w.trim_matches('*');
                    if w != core
                        && (crate::text::fold(core).chars().count() < 3 || core.contains('*'))
                    {
                        problems.push(format!("{at}: a wildcard word needs three letters"));
                    }
                }
                if parse_pats(cue).is_empty() {
                    problems.push(format!("{at} has no word"));
                }
                if !seen.insert(key(cue)) {
                    problems.push(format!("{at} is listed twice"));
                }
            }
        }
        let _ = lang;
    }
    match toml::from_str::<EmojiFile>(EMOJI) {
        Ok(e) => {
            for em in e.positive.iter().chain(&e.negative) {
                if crate::text::emoji_clusters(em).len() != 1 {
                    problems.push(format!("lexicon/emoji.toml: “{em}” is not one emoji"));
                }
            }
            let pos: BTreeSet<String> = e.positive.iter().map(|x| bare_emoji(x)).collect();
            for n in &e.negative {
                if pos.contains(&bare_emoji(n)) {
                    problems.push(format!(
                        "lexicon/emoji.toml: “{n}” is both positive and negative"
                    ));
                }
            }
        }
        Err(e) => problems.push(format!("lexicon/emoji.toml: {e}")),
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Scan;

    #[test]
    fn every_lexicon_file_parses_and_keeps_the_rules() {
        load().unwrap_or_else(|e| panic!("{e}"));
        let problems = check_lexicon();
        assert!(
            problems.is_empty(),
            "lexicon problems:\n{}",
            problems.join("\n")
        );
    }

    fn hits_of(text: &str, kind: Kind) -> Vec<String> {
        let scan = Scan::new(text);
        let lex = lexicon();
        lex.scan(&scan.tokens)
            .iter()
            .filter(|h| lex.entry(h).kind == kind)
            .map(|h| text[scan.tokens[h.start].start..scan.tokens[h.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn matches_whole_words_folded() {
        assert_eq!(
            hits_of("PRÉCIO? quánto", Kind::Intent(Intent::Pricing, STRONG)).len(),
            1
        );
        assert!(hits_of("this is priceless", Kind::Intent(Intent::Pricing, STRONG)).is_empty());
        assert!(hits_of("this", Kind::Function).iter().all(|h| h != "hi"));
        assert_eq!(
            hits_of("How MUCH is it", Kind::Intent(Intent::Pricing, STRONG)),
            ["How MUCH", "How MUCH is"]
        );
        assert_eq!(
            hits_of(
                "Wir sind eine kleine Schmuckmarke",
                Kind::Intent(Intent::Collaboration, CUE)
            ),
            ["Schmuckmarke"]
        );
        assert!(hits_of("jajajajaja", Kind::Function).contains(&"jajajajaja".to_string()));
    }

    #[test]
    fn shared_words_are_shared() {
        let lex = lexicon();
        let shares: Vec<u8> = lex
            .entries
            .iter()
            .filter(|e| e.text == "de" && e.kind == Kind::Function)
            .map(|e| e.share)
            .collect();
        assert!(shares.len() >= 3 && shares.iter().all(|s| *s as usize == shares.len()));
        assert!(lex.emoji_positive.contains("❤"));
        assert!(lex.emoji_negative.contains("😡"));
    }
}
