//! The template library's own rules, checked by the drafts' tests: every set for both channels,
//! known styles and placeholders, no digits or hashtags, lengths that fit the channel.
use super::*;

/// The styles templates may have (English labels for people).
const STYLES: [&str; 9] = [
    "Warm",
    "Short",
    "Move to DM",
    "With the link",
    "With the brand",
    "Apologetic",
    "Ask for details",
    "Friendly",
    "Grateful",
];

/// The placeholders templates may use.
const PLACEHOLDERS: [&str; 5] = ["name", "cname", "brand", "link", "emoji"];

/// The template sets, by file key.
const POOLS: [&str; 8] = [
    "purchase",
    "pricing",
    "support",
    "complaint",
    "praise",
    "collaboration",
    "other",
    "question",
];

/// Everything in the template files that breaks the rules (empty when all is well): every set
/// for both channels, three styles without `{brand}` or `{link}`, known styles and placeholders,
/// no digits or hashtags, `{link}` only for purchase and pricing, no emoji for complaints, and
/// short enough for the channel with a long name, brand and link.
pub(super) fn check_library() -> Vec<String> {
    use std::collections::BTreeSet;
    let mut problems = Vec::new();
    let files = match load() {
        Ok(f) => f,
        Err(e) => return vec![e],
    };
    for (lang, file) in &files {
        for key in POOLS {
            for channel in [Channel::Comment, Channel::Dm] {
                let at = format!("drafts/{}.toml [{key}] {channel:?}", lang.as_str());
                let tpls = file.pool(key).for_channel(channel);
                let plain: BTreeSet<&str> = tpls
                    .iter()
                    .filter(|t| !t.text.contains("{brand}") && !t.text.contains("{link}"))
                    .map(|t| t.style.as_str())
                    .collect();
                if plain.len() < 3 {
                    problems.push(format!(
                        "{at}: {} styles without {{brand}} or {{link}} (needs 3)",
                        plain.len()
                    ));
                }
                // A brand that avoids its language's "thank you" or "DM" still gets a draft.
                let thanks = thank_words(*lang);
                let sober = tpls.iter().any(|t| {
                    !t.text.contains("{brand}")
                        && !t.text.contains("{link}")
                        && !thanks
                            .iter()
                            .chain(&["DM", "sorry"])
                            .any(|w| crate::text::find_phrase(&t.text, w).is_some())
                });
                if !sober {
                    problems.push(format!("{at}: every template says thank you, sorry or DM"));
                }
                let mut texts = BTreeSet::new();
                for t in tpls {
                    let at = format!("{at} “{}”", t.text);
                    if !STYLES.contains(&t.style.as_str()) {
                        problems.push(format!("{at}: unknown style {}", t.style));
                    }
                    if !texts.insert(&t.text) {
                        problems.push(format!("{at}: listed twice"));
                    }
                    if t.text.chars().any(|c| c.is_ascii_digit()) {
                        problems.push(format!("{at}: holds a digit"));
                    }
                    for p in placeholders(&t.text) {
                        if !PLACEHOLDERS.contains(&p) {
                            problems.push(format!("{at}: unknown placeholder {{{p}}}"));
                        }
                    }
                    if t.text.contains("{link}") && !matches!(key, "purchase" | "pricing") {
                        problems.push(format!("{at}: {{link}} outside purchase and pricing"));
                    }
                    if (t.text.contains("{link}")) != (t.style == "With the link") {
                        problems.push(format!(
                            "{at}: {{link}} and the style “With the link” go together"
                        ));
                    }
                    if key == "complaint" && t.text.contains("{emoji}") {
                        problems.push(format!("{at}: complaints take no emoji"));
                    }
                    let fill = Fill {
                        name: Some("Maximiliana-Josefina"),
                        brand: "The Glow Studio & Skin Atelier Berlin",
                        link: "https://glowstudio-skin-atelier.example.com/book/facial",
                        emoji: vec!["🥰✨".into(), "💛".into()],
                    };
                    let long = render(&t.text, &fill);
                    let rules = crate::model::BrandRules {
                        emoji: EmojiUse::Playful,
                        ..Default::default()
                    };
                    if let Err(e) = check_reply(&long, channel, &rules) {
                        problems.push(format!("{at}: {e}"));
                    }
                    let bare = render(
                        &t.text,
                        &Fill {
                            name: None,
                            brand: "B",
                            link: "L",
                            emoji: Vec::new(),
                        },
                    );
                    if bare.contains("  ") || bare.starts_with([',', ' ']) || bare.contains(" ,") {
                        problems.push(format!("{at}: renders as “{bare}” without a name"));
                    }
                }
            }
        }
    }
    problems
}

/// A language's words for "thank you", for the variety rule in `check_library`.
fn thank_words(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::Es => &["gracias"],
        Language::De => &["danke", "dank"],
        Language::Fr => &["merci"],
        Language::Pt => &["obrigado", "obrigada", "agradece"],
        Language::It => &["grazie", "ringrazia"],
        _ => &["thank", "thanks"],
    }
}

fn placeholders(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => {
                out.push(after);
                break;
            }
        }
    }
    if rest.contains('}') {
        out.push("}");
    }
    out
}
