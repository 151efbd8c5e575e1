//! Offline reply drafts: two or three variants in the message's language, from the templates in
//! `drafts/<language>.toml` (embedded, parsed once), filled and checked under the brand's rules.
//!
//! # What is drafted
//! - **How many**: three for purchase, pricing, support, complaint and collaboration, and for any
//!   message whose lead score is at least [`LEAD_FOR_THREE`]; two for praise and other; **none for
//!   spam** — the UI shows "no reply: hide or report it" instead, since answering a bot only
//!   feeds it.
//! - **Language**: the triage's language; Other falls back to English.
//! - **Which templates**: the intent's templates for the channel; other messages that ask
//!   something ("what song is this?") use the `question` set. Comment templates are one or two
//!   sentences and take money talk to DMs; DM templates are fuller and end with the brand's
//!   `sign_off`. Each variant has its own style ("Warm", "Short", "Move to DM", "With the
//!   link"…). A template naming `{brand}` or `{link}` is used only when the client has one; with a
//!   booking link, purchase and pricing drafts lead with the "With the link" variant.
//! - **Name**: the author's first name when [`crate::first_name`] finds one ("Hi Maria!"),
//!   otherwise a greeting without a name (never a username, which may hold digits).
//! - **Emoji**: by the brand's rules — none; at most one; or, for a playful brand, two at the
//!   first place a template allows one and one at the next, three at most. Complaints get none.
//! - **Facts**: templates hold no digits, prices, discounts or promises; the only digits a draft
//!   can hold come from the client's brand name, link or sign-off.
//!
//! # Checks
//! Every draft passes [`check_reply`]. A variant that breaks a rule (an avoid word, an emoji too
//! many because the sign-off has one) is retried without emoji, then dropped for the next
//! template of another style; so a brand that avoids "DM" still gets the variants that say
//! "message". If every template breaks a rule (a sign-off holding an avoid word), there are no
//! drafts.
//!
//! # Determinism
//! The order templates are tried in comes from a SplitMix64 stream seeded with the seed and the
//! message text: the same message, triage, context and seed give the same drafts; another seed
//! may pick other templates and emoji.
use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::{
    Channel, DraftContext, EmojiUse, Intent, Language, Message, ReplyDraft, Triage,
};
use crate::rules::{check_reply, ReplyProblem};
use crate::template::{first_name, tidy_spaces};
use crate::triage::asks_question;

const FILES: [(Language, &str, &str); 6] = [
    (Language::En, "en.toml", include_str!("../drafts/en.toml")),
    (Language::Es, "es.toml", include_str!("../drafts/es.toml")),
    (Language::De, "de.toml", include_str!("../drafts/de.toml")),
    (Language::Fr, "fr.toml", include_str!("../drafts/fr.toml")),
    (Language::Pt, "pt.toml", include_str!("../drafts/pt.toml")),
    (Language::It, "it.toml", include_str!("../drafts/it.toml")),
];

/// A lead this good gets three drafts whatever its intent.
pub const LEAD_FOR_THREE: u32 = 40;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftFile {
    purchase: Pool,
    pricing: Pool,
    support: Pool,
    complaint: Pool,
    praise: Pool,
    collaboration: Pool,
    other: Pool,
    question: Pool,
}

impl DraftFile {
    fn pool(&self, key: &str) -> &Pool {
        match key {
            "purchase" => &self.purchase,
            "pricing" => &self.pricing,
            "support" => &self.support,
            "complaint" => &self.complaint,
            "praise" => &self.praise,
            "collaboration" => &self.collaboration,
            "question" => &self.question,
            _ => &self.other,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pool {
    comment: Vec<Tpl>,
    dm: Vec<Tpl>,
}

impl Pool {
    fn for_channel(&self, c: Channel) -> &[Tpl] {
        match c {
            Channel::Comment => &self.comment,
            Channel::Dm => &self.dm,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tpl {
    style: String,
    text: String,
}

fn load() -> Result<Vec<(Language, DraftFile)>, String> {
    FILES
        .iter()
        .map(|(lang, name, src)| {
            toml::from_str(src)
                .map(|f| (*lang, f))
                .map_err(|e| format!("drafts/{name}: {e}"))
        })
        .collect()
}

fn library() -> &'static [(Language, DraftFile)] {
    static LIB: LazyLock<Vec<(Language, DraftFile)>> = LazyLock::new(|| {
        load().unwrap_or_else(|e| panic!("the embedded reply templates are broken: {e}"))
    });
    &LIB
}

/// The emoji drafts may use, by template set. Complaints get none.
fn emoji_set(pool: &str) -> &'static [&'static str] {
    match pool {
        "purchase" => &["✨", "😊", "🛍️"],
        "pricing" => &["😊", "✨"],
        "support" => &["🙏", "💛"],
        "praise" => &["🥰", "💛", "🙌", "✨", "😍"],
        "collaboration" => &["🤝", "✨", "😊"],
        "other" => &["😊", "👋", "💛"],
        "question" => &["😊", "💬"],
        _ => &[],
    }
}

/// How many drafts a message gets.
fn wanted(intent: Intent, lead_score: u32) -> usize {
    match intent {
        Intent::Spam => 0,
        Intent::Praise | Intent::Other if lead_score < LEAD_FOR_THREE => 2,
        _ => 3,
    }
}

fn pool_key(intent: Intent, text: &str) -> &'static str {
    match intent {
        Intent::Purchase => "purchase",
        Intent::Pricing => "pricing",
        Intent::Support => "support",
        Intent::Complaint => "complaint",
        Intent::Praise => "praise",
        Intent::Collaboration => "collaboration",
        Intent::Other | Intent::Spam if asks_question(text) => "question",
        Intent::Other | Intent::Spam => "other",
    }
}

/// SplitMix64 over the seed and an FNV-1a hash of the message.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, text: &str) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in text.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(seed ^ h.rotate_left(29))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// What fills a template.
struct Fill<'a> {
    name: Option<&'a str>,
    brand: &'a str,
    link: &'a str,
    /// The emoji for each `{emoji}`, in order (already limited by the brand's rules).
    emoji: Vec<String>,
}

fn render(tpl: &str, f: &Fill) -> String {
    let mut out = String::with_capacity(tpl.len() + 48);
    let mut rest = tpl;
    let mut nth_emoji = 0;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        match &after[..close] {
            "name" => {
                if let Some(n) = f.name {
                    out.push(' ');
                    out.push_str(n);
                }
            }
            "cname" => {
                if let Some(n) = f.name {
                    out.push_str(", ");
                    out.push_str(n);
                }
            }
            "brand" => out.push_str(f.brand),
            "link" => out.push_str(f.link),
            "emoji" => {
                if let Some(e) = f.emoji.get(nth_emoji) {
                    if !e.is_empty() {
                        out.push(' ');
                        out.push_str(e);
                    }
                }
                nth_emoji += 1;
            }
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    tidy_spaces(&out)
}

/// The emoji for each `{emoji}` place of a template under `rule`: none; one at the first; or
/// two at the first and one at the second (three at most).
fn pick_emoji(set: &[&str], rule: EmojiUse, places: usize, rng: &mut Rng) -> Vec<String> {
    if set.is_empty() || places == 0 {
        return Vec::new();
    }
    let mut pick = |n: usize| -> String {
        let mut chosen: Vec<&str> = Vec::new();
        while chosen.len() < n.min(set.len()) {
            let e = set[rng.below(set.len())];
            if !chosen.contains(&e) {
                chosen.push(e);
            }
        }
        chosen.concat()
    };
    match rule {
        EmojiUse::None => Vec::new(),
        EmojiUse::Light => vec![pick(1)],
        EmojiUse::Playful => {
            let mut v = vec![pick(2)];
            if places > 1 {
                v.push(pick(1));
            }
            v
        }
    }
}

/// Drafts replies to `m` (see the module doc). Empty for spam.
pub fn draft_replies(m: &Message, t: &Triage, ctx: &DraftContext, seed: u64) -> Vec<ReplyDraft> {
    let want = wanted(t.intent, t.lead_score);
    if want == 0 {
        return Vec::new();
    }
    let lang = if t.language == Language::Other {
        Language::En
    } else {
        t.language
    };
    let key = pool_key(t.intent, &m.text);
    let Some((_, file)) = library().iter().find(|(l, _)| *l == lang) else {
        return Vec::new();
    };
    let rules = &ctx.rules;
    let brand = ctx.brand.trim();
    let link = rules.booking_link.trim();
    let sign_off = rules.sign_off.trim();
    let name = first_name(&m.author);
    let mut rng = Rng::new(seed, &m.text);

    let mut order: Vec<&Tpl> = file
        .pool(key)
        .for_channel(m.channel)
        .iter()
        .filter(|tpl| !tpl.text.contains("{brand}") || !brand.is_empty())
        .filter(|tpl| !tpl.text.contains("{link}") || !link.is_empty())
        .collect();
    rng.shuffle(&mut order);
    // A booking link is what buyers need most: its variant goes first (a stable sort keeps
    // the shuffled order otherwise).
    order.sort_by_key(|tpl| !tpl.text.contains("{link}"));

    let mut out: Vec<ReplyDraft> = Vec::new();
    for tpl in order {
        if out.len() == want {
            break;
        }
        if out.iter().any(|d| d.style == tpl.style) {
            continue;
        }
        let places = tpl.text.matches("{emoji}").count();
        let emoji = pick_emoji(emoji_set(key), rules.emoji, places, &mut rng);
        let mut fill = Fill {
            name: name.as_deref(),
            brand,
            link,
            emoji,
        };
        let finish = |body: String| -> String {
            if m.channel == Channel::Dm && !sign_off.is_empty() {
                format!("{body}\n\n{sign_off}")
            } else {
                body
            }
        };
        let mut text = finish(render(&tpl.text, &fill));
        if let Err(ReplyProblem::TooManyEmoji { .. }) = check_reply(&text, m.channel, rules) {
            fill.emoji.clear();
            text = finish(render(&tpl.text, &fill));
        }
        if check_reply(&text, m.channel, rules).is_err() || out.iter().any(|d| d.text == text) {
            continue;
        }
        out.push(ReplyDraft {
            text,
            style: tpl.style.clone(),
        });
    }
    out
}

#[cfg(test)]
mod library_check;

#[cfg(test)]
mod tests {
    use super::library_check::check_library;
    use super::*;
    use crate::model::{BrandRules, Sentiment, Urgency};
    use std::collections::BTreeSet;

    #[test]
    fn every_template_file_parses_and_keeps_the_rules() {
        let problems = check_library();
        assert!(
            problems.is_empty(),
            "template problems:\n{}",
            problems.join("\n")
        );
    }

    fn msg(author: &str, text: &str, channel: Channel) -> Message {
        Message {
            author: author.into(),
            text: text.into(),
            received_at: None,
            post: None,
            channel,
        }
    }

    fn tri(intent: Intent, language: Language, lead_score: u32) -> Triage {
        Triage {
            intent,
            sentiment: Sentiment::Neutral,
            language,
            urgency: Urgency::Normal,
            lead_score,
            lead_reasons: Vec::new(),
            intent_evidence: Vec::new(),
            priority: 0,
        }
    }

    fn ctx(rules: BrandRules) -> DraftContext {
        DraftContext {
            brand: "Glow Studio".into(),
            niche: "skincare".into(),
            voice: "warm".into(),
            rules,
        }
    }

    #[test]
    fn counts_by_intent_and_none_for_spam() {
        let m = msg("maria_lopez92", "how much?", Channel::Comment);
        let c = ctx(BrandRules::default());
        for (intent, lead, n) in [
            (Intent::Pricing, 45, 3),
            (Intent::Purchase, 55, 3),
            (Intent::Support, 5, 3),
            (Intent::Complaint, 0, 3),
            (Intent::Collaboration, 15, 3),
            (Intent::Praise, 5, 2),
            (Intent::Other, 0, 2),
            (Intent::Other, 45, 3),
            (Intent::Spam, 0, 0),
        ] {
            let d = draft_replies(&m, &tri(intent, Language::En, lead), &c, 7);
            assert_eq!(d.len(), n, "{intent:?}: {d:?}");
        }
    }

    #[test]
    fn names_links_sign_offs_and_emoji() {
        let rules = BrandRules {
            sign_off: "— Ana at Glow Studio".into(),
            booking_link: "glowstudio.com/book".into(),
            emoji: EmojiUse::None,
            ..BrandRules::default()
        };
        let m = msg("maria_lopez92", "quiero reservar", Channel::Dm);
        let d = draft_replies(
            &m,
            &tri(Intent::Purchase, Language::Es, 60),
            &ctx(rules.clone()),
            1,
        );
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].style, "With the link");
        assert!(d[0].text.contains("glowstudio.com/book"));
        for x in &d {
            assert!(x.text.ends_with("\n\n— Ana at Glow Studio"), "{}", x.text);
            assert!(x.text.contains("Maria"), "{}", x.text);
            assert!(!x.text.contains("92"));
            check_reply(&x.text, Channel::Dm, &rules).unwrap();
        }
        // Comments: no sign-off; an unknown name greets without one.
        let m = msg("glowfan_22", "how much?", Channel::Comment);
        for x in draft_replies(
            &m,
            &tri(Intent::Pricing, Language::En, 45),
            &ctx(rules.clone()),
            1,
        ) {
            assert!(!x.text.contains("Ana"), "{}", x.text);
            assert!(!x.text.contains("glowfan"), "{}", x.text);
        }
        // Playful: up to three emoji, and some.
        let playful = BrandRules {
            emoji: EmojiUse::Playful,
            ..rules
        };
        let m = msg("", "love it", Channel::Comment);
        let all: Vec<ReplyDraft> = (0..20)
            .flat_map(|s| {
                draft_replies(
                    &m,
                    &tri(Intent::Praise, Language::En, 5),
                    &ctx(playful.clone()),
                    s,
                )
            })
            .collect();
        assert!(all
            .iter()
            .any(|d| crate::text::emoji_clusters(&d.text).len() >= 2));
    }

    #[test]
    fn avoid_words_drop_variants_but_keep_one() {
        let rules = BrandRules {
            avoid_words: vec!["DM".into(), "inbox".into()],
            ..BrandRules::default()
        };
        let m = msg("", "how much?", Channel::Comment);
        for seed in 0..10 {
            let d = draft_replies(
                &m,
                &tri(Intent::Pricing, Language::En, 45),
                &ctx(rules.clone()),
                seed,
            );
            assert!(!d.is_empty());
            for x in &d {
                assert!(
                    !x.text.contains("DM") && !x.text.contains("inbox"),
                    "{}",
                    x.text
                );
            }
        }
        // A sign-off holding an avoid word leaves no DM drafts.
        let rules = BrandRules {
            avoid_words: vec!["Ana".into()],
            sign_off: "— Ana".into(),
            ..BrandRules::default()
        };
        let m = msg("", "how much?", Channel::Dm);
        assert!(
            draft_replies(&m, &tri(Intent::Pricing, Language::En, 45), &ctx(rules), 1).is_empty()
        );
    }

    #[test]
    fn deterministic_per_seed() {
        let m = msg("giulia.r", "quanto costa?", Channel::Comment);
        let t = tri(Intent::Pricing, Language::It, 45);
        let c = ctx(BrandRules::default());
        assert_eq!(draft_replies(&m, &t, &c, 42), draft_replies(&m, &t, &c, 42));
        let distinct: BTreeSet<Vec<String>> = (0..30)
            .map(|s| {
                draft_replies(&m, &t, &c, s)
                    .into_iter()
                    .map(|d| d.text)
                    .collect()
            })
            .collect();
        assert!(distinct.len() > 1, "every seed gave the same drafts");
    }

    #[test]
    fn other_language_drafts_in_english_and_questions_get_answers() {
        let m = msg("", "what song is this?", Channel::Comment);
        let d = draft_replies(
            &m,
            &tri(Intent::Other, Language::Other, 0),
            &ctx(BrandRules::default()),
            3,
        );
        assert_eq!(d.len(), 2);
        assert!(
            d.iter().all(|x| x.text.contains("question")
                || x.text.contains("asking")
                || x.text.contains("message")),
            "{d:?}"
        );
    }
}
