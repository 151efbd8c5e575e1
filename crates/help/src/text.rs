//! Words for the index and the query: lowercase, split on anything not a letter or digit, simple
//! plurals and "-ing" folded, a short list of stop words left out.

const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how",
    "i", "if", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so", "that", "the",
    "their", "this", "to", "was", "we", "what", "when", "where", "which", "why", "will", "with",
    "you", "your",
];

pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// Folds simple plurals and "-ing": `hashtags` → `hashtag`, `replies` → `reply`,
/// `boxes` → `box`, `posting` → `post`, `running` → `run`. Both the index and the query use it,
/// so it only has to be consistent, not correct English.
pub(crate) fn stem(word: &str) -> String {
    let n = word.chars().count();
    if !word.is_ascii() || n <= 3 {
        return word.to_string();
    }
    if let Some(base) = word.strip_suffix("ies") {
        if n > 4 {
            return format!("{base}y");
        }
    }
    if let Some(base) = word.strip_suffix("ing") {
        if base.len() >= 3 {
            let b = base.as_bytes();
            let l = b.len();
            // running → run, shipping → ship (but not "calling" → "cal": ll/ss stay)
            if b[l - 1] == b[l - 2]
                && !matches!(b[l - 1], b'l' | b's' | b'z')
                && !is_vowel(b[l - 1])
            {
                return base[..l - 1].to_string();
            }
            return base.to_string();
        }
    }
    for suffix in ["sses", "xes", "ches", "shes"] {
        if word.ends_with(suffix) {
            return word[..word.len() - 2].to_string();
        }
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_string();
    }
    if let Some(base) = word.strip_suffix('s') {
        return base.to_string();
    }
    word.to_string()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A word in a text: its folded form and where it is (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Lowercased, not folded (prefix matching uses it).
    pub raw: String,
    pub term: String,
    pub start: usize,
    pub end: usize,
}

/// Every word of `text`, stop words included (see [`is_stop_word`]).
pub(crate) fn words(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let push = |s: usize, e: usize, out: &mut Vec<Token>| {
        let raw = text[s..e].to_lowercase();
        let term = stem(&raw);
        out.push(Token {
            raw,
            term,
            start: s,
            end: e,
        });
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(s, i, &mut out);
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut out);
    }
    out
}

/// The folded words of `text` without stop words.
pub(crate) fn terms(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|t| !is_stop_word(&t.raw))
        .map(|t| t.term)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_plurals_and_ing() {
        for (w, s) in [
            ("hashtags", "hashtag"),
            ("replies", "reply"),
            ("posting", "post"),
            ("running", "run"),
            ("calling", "call"),
            ("business", "business"),
            ("status", "status"),
            ("seats", "seat"),
            ("boxes", "box"),
            ("leaves", "leave"),
            ("shadowban", "shadowban"),
            ("ing", "ing"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }

    #[test]
    fn splits_and_drops_stop_words() {
        assert_eq!(
            terms("What leaves my computer? E-mail & Wi-Fi"),
            vec!["leave", "computer", "e", "mail", "wi", "fi"]
        );
    }
}
