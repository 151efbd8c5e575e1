//! Caption craft: long enough to say something, a first line that hooks, and a call to action.

/// Phrases that ask the reader to do something (English plus the common ones in the other five
/// languages the importer reads).
const CTA: [&str; 40] = [
    "comment",
    "save this",
    "save it",
    "save for",
    "share",
    "send this",
    "tag a",
    "tag someone",
    "tag your",
    "link in bio",
    "link in my bio",
    "dm me",
    "dm us",
    "send me a dm",
    "message me",
    "follow for",
    "follow @",
    "click",
    "tap the",
    "shop",
    "book now",
    "book a",
    "sign up",
    "register",
    "download",
    "let me know",
    "tell me",
    "what do you think",
    "which one",
    "drop a",
    "comenta",
    "guarda",
    "comparte",
    "enlace en",
    "kommentier",
    "speicher",
    "teile",
    "commente",
    "partage",
    "salva",
];

/// The caption without its hashtags.
pub fn body(caption: &str) -> String {
    caption
        .split_whitespace()
        .filter(|w| !w.starts_with('#'))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn has_cta(caption: &str) -> bool {
    let lower = caption.to_lowercase();
    CTA.iter().any(|c| lower.contains(c)) || body(&lower).trim_end().ends_with('?')
}

/// A first line that can stop a scroll: present, not a hashtag or mention, short enough to show
/// before "more" (≤ 125 characters), and at least three words.
pub fn has_hook(caption: &str) -> bool {
    let first = caption
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let words = first
        .split_whitespace()
        .filter(|w| !w.starts_with('#') && !w.starts_with('@'))
        .count();
    !first.starts_with('#') && words >= 3 && first.chars().count() <= 125
}

/// At least 50 characters once hashtags are taken out.
pub fn long_enough(caption: &str) -> bool {
    body(caption).chars().count() >= 50
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_checks() {
        let good = "3 mistakes that age your skin faster\n\nNumber two surprised me. Save this for your next shop! #skincare";
        assert!(has_cta(good) && has_hook(good) && long_enough(good));
        assert!(!has_hook("#skincare #glow"));
        assert!(!has_hook("New post"));
        assert!(has_cta("Which one would you pick?"));
        assert!(!has_cta("Sunday vibes ☀️"));
        assert!(!long_enough(
            "Short one #a #b #c #d #e #f #g #h #i #j #k #l #m"
        ));
    }
}
