//! How the rules read a message: words folded for matching, with their place in the original text
//! kept so evidence can quote it as written; mentions, links, e-mail addresses and emoji set
//! apart.
//!
//! # Folding
//! Matching happens on folded words: lower-case, accents removed (é→e, ß→ss, ç→c, ã→a, ñ→n,
//! œ→oe, æ→ae…), apostrophes inside a word dropped ("doesn't" → "doesnt", "c'est" → "cest",
//! because people type both). A word is a run of letters and digits; anything else separates
//! words. `@mentions`, links and e-mail addresses are not words: they are listed apart, so a
//! username like `@top_promo_ita` never reads as "top promo". People stretch words ("soooo",
//! "encantaaa", "thank youuu"): every word also carries its stretched-out forms (runs of three or
//! more of a letter cut to one and to two), and a cue matches any of them.
//!
//! Nothing here indexes a string except at the char boundaries it found itself, so no input can
//! make it panic.

/// One word of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Folded (lower-case, no accents, no apostrophes).
    pub norm: String,
    /// The folded word with stretched letters cut to one and to two, when different.
    pub alts: Vec<String>,
}

impl Token {
    /// The folded word and its unstretched forms.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.norm.as_str()).chain(self.alts.iter().map(String::as_str))
    }

    pub fn is_number(&self) -> bool {
        self.norm.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// A message taken apart for the rules.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    pub tokens: Vec<Token>,
    /// Byte ranges of `@mentions`.
    pub mentions: Vec<(usize, usize)>,
    /// Byte ranges of links (`https://…`, `www.…`, `shop.example.com/…`).
    pub links: Vec<(usize, usize)>,
    /// Byte ranges of e-mail addresses.
    pub emails: Vec<(usize, usize)>,
    /// Byte ranges of phone numbers (8 to 15 digits, with `+`, spaces, dots, dashes, brackets).
    pub phones: Vec<(usize, usize)>,
    /// The emoji, one string per emoji as shown (variation selectors removed).
    pub emoji: Vec<String>,
    /// Whether the text has `?` or `¿`.
    pub question_mark: bool,
}

impl Scan {
    pub fn new(text: &str) -> Scan {
        let mut scan = Scan {
            question_mark: text.contains(['?', '¿']),
            emoji: emoji_clusters(text),
            ..Scan::default()
        };
        for (start, chunk) in chunks(text) {
            let end = start + chunk.len();
            let bare = chunk.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
            let bare_end = start + bare.len();
            if chunk.starts_with('@') && chunk.len() > 1 {
                scan.mentions.push((start, bare_end.max(start + 1)));
            } else if is_email(bare) {
                scan.emails.push((start, bare_end));
            } else if is_link(bare) {
                scan.links.push((start, bare_end));
            } else {
                words(text, start, end, &mut scan.tokens);
            }
        }
        scan.phones = phones(text);
        // Digits inside a phone number are not quantities.
        let phones = &scan.phones;
        scan.tokens.retain(|t| {
            !(t.is_number() && phones.iter().any(|&(s, e)| t.start >= s && t.end <= e))
        });
        scan
    }

    /// Whether any word is a letter word (not only numbers).
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| !t.is_number()).count()
    }
}

/// Whitespace-separated chunks with their byte offsets.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |c| (c.as_ptr() as usize - text.as_ptr() as usize, c))
}

/// The words of `text[start..end]`, appended to `out`.
fn words(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let chunk = &text[start..end];
    let mut cur: Option<(usize, usize, String)> = None;
    let mut chars = chunk.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = start + i;
        if c.is_alphanumeric() {
            let (_, e, norm) = cur.get_or_insert((at, at, String::new()));
            fold_char(c, norm);
            *e = at + c.len_utf8();
        } else if is_apostrophe(c)
            && cur.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric())
        {
            // Inside a word: dropped.
        } else if let Some((s, e, norm)) = cur.take() {
            push_token(out, s, e, norm);
        }
    }
    if let Some((s, e, norm)) = cur.take() {
        push_token(out, s, e, norm);
    }
}

fn push_token(out: &mut Vec<Token>, start: usize, end: usize, norm: String) {
    if norm.is_empty() {
        return;
    }
    let mut alts = Vec::new();
    for keep in [1, 2] {
        let s = squeeze(&norm, keep);
        if s != norm && !alts.contains(&s) {
            alts.push(s);
        }
    }
    out.push(Token {
        start,
        end,
        norm,
        alts,
    });
}

/// Cuts every run of three or more of the same letter to `keep` letters.
fn squeeze(s: &str, keep: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        while j < chars.len() && chars[j] == chars[i] {
            j += 1;
        }
        let run = j - i;
        let n = if run >= 3 && chars[i].is_alphabetic() {
            keep
        } else {
            run
        };
        out.extend(std::iter::repeat_n(chars[i], n));
        i = j;
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '´')
}

/// Lower-case, accents folded: the form every cue is written in.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Folds a phrase the way messages are folded: words joined by single spaces, apostrophes inside
/// words dropped, everything else a separator.
pub(crate) fn fold_phrase(s: &str) -> String {
    let mut toks = Vec::new();
    words(s, 0, s.len(), &mut toks);
    toks.into_iter()
        .map(|t| t.norm)
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn fold_char(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' | 'ẞ' => "ss",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// A link: a scheme, `www.`, or `name.tld` with a common top-level domain (so "ok.thanks" is not).
fn is_link(s: &str) -> bool {
    let lower = s.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return true;
    }
    let host = lower.split('/').next().unwrap_or("");
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    const TLDS: [&str; 22] = [
        "com", "net", "org", "io", "co", "ly", "me", "shop", "store", "app", "link", "xyz", "es",
        "de", "fr", "it", "pt", "br", "uk", "info", "biz", "online",
    ];
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && TLDS.contains(&tld)
}

/// Phone numbers: runs of digits with `+ - . ( )` and single spaces, holding 8 to 15 digits.
fn phones(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut digits = 0;
    let mut prev_space = false;
    let close = |start: Option<usize>, end: usize, digits: usize, out: &mut Vec<(usize, usize)>| {
        if let Some(s) = start {
            if (8..=15).contains(&digits) && !starts_with_date(&text[s..end]) {
                out.push((s, end));
            }
        }
    };
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let in_run = start.is_some();
        if c.is_ascii_digit() {
            if !in_run {
                // A number glued to letters ("abc123") is not a phone number.
                if prev.is_some_and(|p| p.is_alphanumeric()) {
                    prev = Some(c);
                    continue;
                }
                start = Some(i);
                digits = 0;
            }
            digits += 1;
            end = i + 1;
            prev_space = false;
        } else if c == '+' && !in_run {
            start = Some(i);
            digits = 0;
            end = i + 1;
        } else if in_run && matches!(c, '-' | '.' | '(' | ')' | '/') {
            prev_space = false;
        } else if in_run && c == ' ' && !prev_space {
            prev_space = true;
        } else if c == '(' && !in_run {
            start = Some(i);
            digits = 0;
            end = i + 1;
        } else {
            close(start.take(), end, digits, &mut out);
            prev_space = false;
        }
        prev = Some(c);
    }
    close(start, end, digits, &mut out);
    out
}

/// Whether a run of digits starts like a date with a four-digit year ("2024-05-31",
/// "31/05/2024"), which is not a phone number.
fn starts_with_date(run: &str) -> bool {
    let groups: Vec<(&str, Option<char>)> = {
        let mut out = Vec::new();
        let mut rest = run.trim_start_matches(['+', '(']);
        while !rest.is_empty() {
            let n = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let (g, tail) = rest.split_at(n);
            let sep = tail.chars().next();
            out.push((g, sep));
            rest = tail.trim_start_matches(|c: char| !c.is_ascii_digit());
        }
        out
    };
    if groups.len() < 3 {
        return false;
    }
    let (a, b, c) = (groups[0].0.len(), groups[1].0.len(), groups[2].0.len());
    let same_sep = groups[0].1.is_some()
        && groups[0].1 == groups[1].1
        && matches!(groups[0].1, Some('-' | '/' | '.'));
    same_sep
        && ((a == 4 && (1..=2).contains(&b) && (1..=2).contains(&c))
            || ((1..=2).contains(&a) && (1..=2).contains(&b) && c == 4))
}

/// Whether `c` starts an emoji (pictographs, symbols, dingbats, hearts, flags).
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1F5FF
        | 0x1F600..=0x1F64F
        | 0x1F680..=0x1F6FF
        | 0x1F900..=0x1F9FF
        | 0x1FA70..=0x1FAFF
        | 0x1F1E6..=0x1F1FF
        | 0x2600..=0x27BF
        | 0x2B50 | 0x2B55 | 0x2B06 | 0x2B07 | 0x2B05 | 0x2934 | 0x2935
        | 0x1F004 | 0x1F0CF | 0x1F18E | 0x1F191..=0x1F19A
    ) && !is_modifier(c)
}

fn is_modifier(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF)
}

fn is_regional(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// The emoji in `text`, one entry per emoji as people see it: a ZWJ sequence, a flag, an emoji
/// with a skin tone are one. Variation selectors are removed.
pub(crate) fn emoji_clusters(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_emoji(c) {
            continue;
        }
        let mut cluster = String::new();
        cluster.push(c);
        if is_regional(c) {
            if let Some(&n) = chars.peek() {
                if is_regional(n) {
                    cluster.push(n);
                    chars.next();
                }
            }
            out.push(cluster);
            continue;
        }
        while let Some(&n) = chars.peek() {
            if n == '\u{FE0F}' || n == '\u{FE0E}' || n == '\u{20E3}' {
                chars.next();
            } else if is_modifier(n) {
                cluster.push(n);
                chars.next();
            } else if n == '\u{200D}' {
                chars.next();
                if let Some(&m) = chars.peek() {
                    if is_emoji(m) {
                        cluster.push('\u{200D}');
                        cluster.push(m);
                        chars.next();
                    }
                }
            } else {
                break;
            }
        }
        out.push(cluster);
    }
    out
}

/// Removes variation selectors: how emoji cues are compared.
pub(crate) fn bare_emoji(s: &str) -> String {
    s.chars()
        .filter(|&c| c != '\u{FE0F}' && c != '\u{FE0E}')
        .collect()
}

/// Whole-word, case- and accent-insensitive search for `phrase` in `text`: the byte range of the
/// first match, as written. Used for brand rules' avoid words.
pub(crate) fn find_phrase(text: &str, phrase: &str) -> Option<(usize, usize)> {
    let pat: Vec<String> = {
        let mut toks = Vec::new();
        words(phrase, 0, phrase.len(), &mut toks);
        toks.into_iter().map(|t| t.norm).collect()
    };
    if pat.is_empty() {
        return None;
    }
    let mut toks = Vec::new();
    words(text, 0, text.len(), &mut toks);
    toks.windows(pat.len())
        .find(|w| w.iter().zip(&pat).all(|(t, p)| t.norm == *p))
        .map(|w| (w[0].start, w[w.len() - 1].end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &Scan) -> Vec<&str> {
        s.tokens.iter().map(|t| t.norm.as_str()).collect()
    }

    #[test]
    fn folds_accents_and_apostrophes() {
        assert_eq!(fold("Précio CUÁNTO Straße Ça"), "precio cuanto strasse ca");
        assert_eq!(
            fold_phrase("Doesn't it? C'est l’été!"),
            "doesnt it cest lete"
        );
        let s = Scan::new("¿Cuánto cuesta?  Wie VIEL kostet's");
        assert_eq!(norms(&s), ["cuanto", "cuesta", "wie", "viel", "kostets"]);
        assert!(s.question_mark);
        assert_eq!(
            &"¿Cuánto cuesta?"[s.tokens[0].start..s.tokens[0].end],
            "Cuánto"
        );
    }

    #[test]
    fn sets_apart_mentions_links_emails_phones() {
        let text = "promote on @top_promo_ita 🔥 www.spam.io or mail ana.b@gmail.com / +34 612 345 678 for 2";
        let s = Scan::new(text);
        assert_eq!(norms(&s), ["promote", "on", "or", "mail", "for", "2"]);
        assert_eq!(&text[s.mentions[0].0..s.mentions[0].1], "@top_promo_ita");
        assert_eq!(&text[s.links[0].0..s.links[0].1], "www.spam.io");
        assert_eq!(&text[s.emails[0].0..s.emails[0].1], "ana.b@gmail.com");
        assert_eq!(&text[s.phones[0].0..s.phones[0].1], "+34 612 345 678");
        assert_eq!(s.emoji, ["🔥"]);
        assert!(Scan::new("ok.thanks").links.is_empty());
        assert!(Scan::new("order 12345 please").phones.is_empty());
        assert!(Scan::new("on 2024-05-31 14:30 or 31/05/2024")
            .phones
            .is_empty());
        assert_eq!(Scan::new("call 06.12.34.56.78").phones.len(), 1);
    }

    #[test]
    fn stretched_words_have_their_plain_forms() {
        let s = Scan::new("me encantaaa sooo goood");
        let forms: Vec<Vec<&str>> = s.tokens.iter().map(|t| t.forms().collect()).collect();
        assert!(forms[1].contains(&"encanta"));
        assert!(forms[2].contains(&"so"));
        assert!(forms[3].contains(&"good"));
    }

    #[test]
    fn counts_emoji_as_people_see_them() {
        assert_eq!(emoji_clusters("❤️ 👍🏽 👨‍👩‍👧 🇪🇸 ok").len(), 4);
        assert_eq!(emoji_clusters("😍😍😍").len(), 3);
        assert!(emoji_clusters("plain text, 10:30 © 2024").is_empty());
        assert_eq!(bare_emoji("❤️"), "❤");
    }

    #[test]
    fn finds_whole_phrases_only() {
        assert_eq!(find_phrase("This is CHEAP!", "cheap"), Some((8, 13)));
        assert_eq!(find_phrase("this", "hi"), None);
        assert_eq!(find_phrase("Très bon prix", "tres bon"), Some((0, 9)));
        assert_eq!(find_phrase("anything", ""), None);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "",
            "'",
            "@",
            "@@",
            "a@",
            "@b.c",
            "’’’",
            "+",
            "(((",
            "\u{200D}\u{FE0F}",
            "é'",
            "x\u{0301}y",
            "🏽",
            "🇪",
            "1-2-3-4-5-6-7-8-9-0-1-2-3-4-5-6-7",
        ] {
            let _ = Scan::new(s);
            let _ = fold_phrase(s);
            let _ = find_phrase(s, s);
        }
    }
}
