//! Text found in exports: mojibake repair, hashtags and mentions, and numbers as people write them.

/// Instagram's JSON export writes UTF-8 text as if each byte were a Latin-1 code point
/// (`Ã©` for `é`). When every char fits in a byte and those bytes are valid UTF-8, decode them.
pub fn repair_mojibake(s: &str) -> String {
    if !s.chars().any(|c| ('\u{80}'..='\u{ff}').contains(&c)) {
        return s.to_string();
    }
    let mut bytes = Vec::with_capacity(s.len());
    for c in s.chars() {
        let code = c as u32;
        if code > 0xff {
            return s.to_string();
        }
        bytes.push(code as u8);
    }
    match String::from_utf8(bytes) {
        Ok(fixed) => fixed,
        Err(_) => s.to_string(),
    }
}

/// `#tags` in order of first appearance, lower-cased, without `#`, unique.
pub fn hashtags(caption: &str) -> Vec<String> {
    tokens(caption, '#')
}

/// `@mentions` in order of first appearance, lower-cased, without `@`, unique.
pub fn mentions(caption: &str) -> Vec<String> {
    tokens(caption, '@')
        .into_iter()
        .map(|m| m.trim_end_matches('.').to_string())
        .filter(|m| !m.is_empty())
        .collect()
}

fn tokens(text: &str, sigil: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let preceded_ok = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if chars[i] == sigil && preceded_ok {
            let start = i + 1;
            let mut end = start;
            while end < chars.len() && is_tag_char(chars[end], sigil) {
                end += 1;
            }
            if end > start {
                let tag: String = chars[start..end].iter().collect::<String>().to_lowercase();
                if !tag.chars().all(|c| c.is_ascii_digit()) && !out.contains(&tag) {
                    out.push(tag);
                }
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn is_tag_char(c: char, sigil: char) -> bool {
    c.is_alphanumeric() || c == '_' || (sigil == '@' && c == '.')
}

/// A count as exports write it: `1200`, `"1,200"`, `"1.200"`, `"1 200"`, `"12K"`, `"1.2K"`,
/// `"1,5 Mio."`… `None` for `--`, empty or anything else that is not a number.
pub fn parse_count(raw: &str) -> Option<i64> {
    let s = raw.trim().trim_matches('"').trim();
    if s.is_empty() || s.chars().all(|c| c == '-' || c == '–' || c == '—') {
        return None;
    }
    let lower = s.to_lowercase();
    let lower = lower.trim_end_matches('.');
    let (mantissa, factor) = [
        ("mio", 1_000_000.0),
        ("mil", 1_000.0),
        ("mln", 1_000_000.0),
        ("k", 1_000.0),
        ("m", 1_000_000.0),
        ("b", 1_000_000_000.0),
        ("tsd", 1_000.0),
    ]
    .iter()
    .find_map(|(suffix, f)| {
        lower
            .strip_suffix(suffix)
            .map(|m| (m.trim().to_string(), *f))
    })
    .unwrap_or((lower.to_string(), 1.0));
    if factor > 1.0 {
        // With a suffix, ',' or '.' is a decimal mark: "1.2K", "1,2K".
        let m = mantissa.replace(['\u{a0}', ' '], "").replace(',', ".");
        let value: f64 = m.parse().ok()?;
        return (value.is_finite() && value >= 0.0).then(|| (value * factor).round() as i64);
    }
    // Without one, separators group thousands: "1,200", "1.200", "1 200".
    let digits: String = mantissa
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_repaired_and_clean_text_kept() {
        assert_eq!(repair_mojibake("Caf\u{c3}\u{a9}"), "Café");
        assert_eq!(repair_mojibake("Café"), "Café"); // already fine: 'é' alone is not valid UTF-8 bytes
        assert_eq!(repair_mojibake("plain"), "plain");
        assert_eq!(repair_mojibake("😀 ok"), "😀 ok");
    }

    #[test]
    fn emoji_mojibake_becomes_the_emoji() {
        // "😀" is F0 9F 98 80; the export writes each byte as a char.
        let broken: String = [0xF0u8, 0x9F, 0x98, 0x80]
            .iter()
            .map(|b| *b as char)
            .collect();
        assert_eq!(repair_mojibake(&broken), "😀");
    }

    #[test]
    fn tags_and_mentions() {
        let c = "New drop! #Skincare #glow #skincare @Glow.Studio. with @ana_b #2024 email a@b.c";
        assert_eq!(hashtags(c), vec!["skincare", "glow"]);
        assert_eq!(mentions(c), vec!["glow.studio", "ana_b"]);
        assert_eq!(hashtags("#café #日本"), vec!["café", "日本"]);
    }

    #[test]
    fn counts_in_every_spelling() {
        for (raw, want) in [
            ("1200", Some(1200)),
            ("1,200", Some(1200)),
            ("1.200", Some(1200)),
            ("\"12,400\"", Some(12400)),
            ("1 200", Some(1200)),
            ("12K", Some(12_000)),
            ("1.2K", Some(1_200)),
            ("1,5K", Some(1_500)),
            ("3M", Some(3_000_000)),
            ("1,5 Mio.", Some(1_500_000)),
            ("--", None),
            ("", None),
            ("n/a", None),
            ("-5", None),
        ] {
            assert_eq!(parse_count(raw), want, "{raw}");
        }
    }
}
