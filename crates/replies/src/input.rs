//! Reading messages: pasted text (one message a line) or a CSV export. Untrusted input
//! throughout: nothing here can panic, whatever the bytes (it only slices strings at boundaries
//! it found), and the limits below keep a batch to what a person can work through.
//!
//! # Pasted text
//! One message per non-blank line. A line `maria_lopez: how much?` or `@maria_lopez: …` gives
//! the author when the part before `: ` is an Instagram username (`[A-Za-z0-9._]`, 1–30
//! characters, not only digits) or a display name of one to three capitalised words ("Maria
//! Lopez"). Labels people type are not authors: "Question: how much?", "PS: …", "Note: …" (see
//! [`LABELS`]); neither is anything without a space after the colon ("10:30 works?") or with
//! nothing after it. Without an author the whole line is the text and the author is "".
//!
//! # CSV
//! A header row names the columns, in any case, with any of the names in [`AUTHOR_HEADERS`],
//! [`TEXT_HEADERS`] (both required), [`DATE_HEADERS`] and [`POST_HEADERS`] (optional); spaces and
//! dashes in a header count as underscores ("Created At"). A UTF-8 byte-order mark is skipped;
//! the delimiter is `,`, `;` or a tab, whichever the header line holds most of (outside quotes).
//! Rows with an empty text are skipped; a row with more filled cells than the header has
//! columns is refused (usually a comma inside an unquoted text). Dates may be RFC 3339,
//! `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DD` (read as UTC), and are stored as
//! `YYYY-MM-DDTHH:MM:SSZ`.
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::error::RepliesError;
use crate::model::{Channel, Message};

/// The most messages one paste or file may hold.
pub const MAX_MESSAGES: usize = 2000;
/// The longest message, in characters: Instagram's own caption and comment limit.
pub const MAX_TEXT_CHARS: usize = 2200;

/// Header names for each column, lower case.
pub(crate) const AUTHOR_HEADERS: [&str; 5] = ["username", "author", "user", "from", "name"];
pub(crate) const TEXT_HEADERS: [&str; 4] = ["text", "comment", "message", "body"];
pub(crate) const DATE_HEADERS: [&str; 5] =
    ["date", "time", "timestamp", "created_at", "received_at"];
pub(crate) const POST_HEADERS: [&str; 4] = ["post", "post_url", "permalink", "media"];

/// Words people put before a colon that are not authors, lower case.
pub(crate) const LABELS: [&str; 40] = [
    "question",
    "questions",
    "q",
    "a",
    "answer",
    "hi",
    "hello",
    "hey",
    "update",
    "ps",
    "pps",
    "note",
    "nb",
    "edit",
    "re",
    "fyi",
    "reply",
    "comment",
    "dm",
    "me",
    "you",
    "price",
    "info",
    "important",
    "urgent",
    "btw",
    "tip",
    "warning",
    "ok",
    "okay",
    "yes",
    "no",
    "thanks",
    "pregunta",
    "frage",
    "domanda",
    "pergunta",
    "nota",
    "precio",
    "preis",
];

/// Messages from pasted text, one per non-blank line.
pub fn parse_pasted(text: &str, channel: Channel) -> Result<Vec<Message>, RepliesError> {
    let count = text.lines().filter(|l| !l.trim().is_empty()).count();
    if count > MAX_MESSAGES {
        return Err(RepliesError::TooManyMessages {
            count,
            max: MAX_MESSAGES,
        });
    }
    let mut out = Vec::with_capacity(count);
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.chars().count() > MAX_TEXT_CHARS {
            return Err(RepliesError::TextTooLong {
                line: i + 1,
                max: MAX_TEXT_CHARS,
            });
        }
        let (author, text) = split_author(line);
        out.push(Message {
            author: author.to_string(),
            text: text.to_string(),
            received_at: None,
            post: None,
            channel,
        });
    }
    if out.is_empty() {
        return Err(RepliesError::EmptyInput);
    }
    Ok(out)
}

/// `("maria", "how much?")` from `"@maria: how much?"`; `("", line)` when the line names no
/// author.
pub(crate) fn split_author(line: &str) -> (&str, &str) {
    let Some(colon) = line.find(": ") else {
        return ("", line);
    };
    let (head, rest) = (line[..colon].trim(), line[colon + 2..].trim());
    if rest.is_empty() {
        return ("", line);
    }
    let name = head.strip_prefix('@').unwrap_or(head);
    if is_username(name) || (!head.starts_with('@') && is_display_name(name)) {
        let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
        if !LABELS.contains(&first.as_str()) {
            return (name, rest);
        }
    }
    ("", line)
}

/// An Instagram username: 1–30 of `[A-Za-z0-9._]`, not only digits or dots.
pub(crate) fn is_username(s: &str) -> bool {
    (1..=30).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
        && s.chars().any(|c| c.is_ascii_alphabetic())
}

/// A display name: one to three words of letters (with `'`, `-` or `.` inside), each starting
/// with a capital.
fn is_display_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && s.chars().count() <= 40
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        })
}

/// Messages from a CSV export.
pub fn parse_csv(bytes: &[u8], channel: Channel) -> Result<Vec<Message>, RepliesError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(RepliesError::EmptyInput);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(bytes))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => return Err(RepliesError::EmptyInput),
        Some(Err(e)) => return Err(bad_row(1, &e)),
        Some(Ok(h)) => h,
    };
    let names: Vec<String> = header
        .iter()
        .map(|f| {
            String::from_utf8_lossy(f)
                .trim()
                .to_lowercase()
                .replace([' ', '-'], "_")
        })
        .collect();
    let find = |accepted: &[&str]| names.iter().position(|n| accepted.contains(&n.as_str()));
    let text_col =
        find(&TEXT_HEADERS).ok_or_else(|| RepliesError::CsvMissingColumn("text".into()))?;
    let author_col =
        find(&AUTHOR_HEADERS).ok_or_else(|| RepliesError::CsvMissingColumn("author".into()))?;
    let date_col = find(&DATE_HEADERS);
    let post_col = find(&POST_HEADERS);
    let width = names
        .iter()
        .rposition(|n| !n.is_empty())
        .map_or(0, |i| i + 1);

    let mut out = Vec::new();
    let mut count = 0usize;
    for rec in records {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            bad_row(line, &e)
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let cell = |i: Option<usize>| -> Result<Option<&str>, RepliesError> {
            match i.and_then(|i| rec.get(i)) {
                None => Ok(None),
                Some(b) => std::str::from_utf8(b)
                    .map(|s| Some(s.trim()))
                    .map_err(|_| RepliesError::InvalidUtf8 { line }),
            }
        };
        // Every cell must be text, read or not.
        for b in rec.iter() {
            if std::str::from_utf8(b).is_err() {
                return Err(RepliesError::InvalidUtf8 { line });
            }
        }
        let filled = rec
            .iter()
            .rposition(|b| !b.trim_ascii().is_empty())
            .map_or(0, |i| i + 1);
        if filled > width {
            return Err(RepliesError::CsvBadRow {
                line,
                reason: format!(
                    "it has {filled} cells but the header names {width} columns; put quotes around any text that holds the delimiter"
                ),
            });
        }
        let text = cell(Some(text_col))?.unwrap_or("");
        if text.is_empty() {
            continue;
        }
        count += 1;
        if count > MAX_MESSAGES {
            continue; // counted for the error below
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(RepliesError::TextTooLong {
                line,
                max: MAX_TEXT_CHARS,
            });
        }
        let author = cell(Some(author_col))?.unwrap_or("");
        let author = author.strip_prefix('@').unwrap_or(author).trim();
        let received_at = match cell(date_col)? {
            None | Some("") => None,
            Some(v) => Some(parse_date(v).ok_or_else(|| RepliesError::BadDate {
                line,
                value: v.chars().take(60).collect(),
            })?),
        };
        let post = cell(post_col)?.filter(|p| !p.is_empty()).map(String::from);
        out.push(Message {
            author: author.to_string(),
            text: text.to_string(),
            received_at,
            post,
            channel,
        });
    }
    if count > MAX_MESSAGES {
        return Err(RepliesError::TooManyMessages {
            count,
            max: MAX_MESSAGES,
        });
    }
    if out.is_empty() {
        return Err(RepliesError::EmptyInput);
    }
    Ok(out)
}

fn bad_row(line: usize, e: &csv::Error) -> RepliesError {
    RepliesError::CsvBadRow {
        line,
        reason: e.to_string(),
    }
}

/// `,`, `;` or tab: whichever the first line holds most of outside quotes (`,` on a tie).
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let [c, s, t] = counts;
    if s > c && s >= t {
        b';'
    } else if t > c && t > s {
        b'\t'
    } else {
        b','
    }
}

/// RFC 3339, `YYYY-MM-DD HH:MM[:SS]` (or with a `T`) or `YYYY-MM-DD`, as
/// `YYYY-MM-DDTHH:MM:SSZ` in UTC.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let utc: DateTime<Utc> = if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        d.with_timezone(&Utc)
    } else if let Some(d) = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    {
        d.and_utc()
    } else {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()?
            .and_hms_opt(0, 0, 0)?
            .and_utc()
    };
    Some(utc.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(text: &str) -> Vec<(String, String)> {
        parse_pasted(text, Channel::Comment)
            .unwrap()
            .into_iter()
            .map(|m| (m.author, m.text))
            .collect()
    }

    fn pair(a: &str, t: &str) -> (String, String) {
        (a.to_string(), t.to_string())
    }

    #[test]
    fn pasted_lines_with_and_without_authors() {
        let got = authors(
            "@maria.lopez92: how much? 😍\r\n\r\n  glow_fan: love it  \nMaria Lopez: precio?\nsuper cute\n",
        );
        assert_eq!(
            got,
            [
                pair("maria.lopez92", "how much? 😍"),
                pair("glow_fan", "love it"),
                pair("Maria Lopez", "precio?"),
                pair("", "super cute"),
            ]
        );
    }

    #[test]
    fn labels_times_and_sentences_are_not_authors() {
        for line in [
            "Question: how much?",
            "PS: do you ship to Spain?",
            "note: still waiting",
            "10:30 works?",
            "12: is this a number",
            "my question: how much",
            "Ana:",
            "Ana:no space",
            "wow this is so cute: need it",
            "Hi: is it available",
            "Quick Question Here Now: x",
            "@: hello",
        ] {
            let got = authors(line);
            assert_eq!(got, [pair("", line.trim())], "{line}");
        }
        // A username may hold digits, just not only digits.
        assert_eq!(authors("user2024: hi"), [pair("user2024", "hi")]);
        assert_eq!(authors("José: hola"), [pair("José", "hola")]);
    }

    #[test]
    fn pasted_limits() {
        assert_eq!(
            parse_pasted(" \n\n\t\n", Channel::Dm),
            Err(RepliesError::EmptyInput)
        );
        let long = format!("ok\n{}", "é".repeat(MAX_TEXT_CHARS + 1));
        assert_eq!(
            parse_pasted(&long, Channel::Dm),
            Err(RepliesError::TextTooLong {
                line: 2,
                max: MAX_TEXT_CHARS
            })
        );
        assert!(parse_pasted(&"é".repeat(MAX_TEXT_CHARS), Channel::Dm).is_ok());
        let many = "hi\n".repeat(MAX_MESSAGES + 1);
        assert_eq!(
            parse_pasted(&many, Channel::Dm),
            Err(RepliesError::TooManyMessages {
                count: MAX_MESSAGES + 1,
                max: MAX_MESSAGES
            })
        );
        assert_eq!(
            parse_pasted(&"hi\n".repeat(MAX_MESSAGES), Channel::Dm)
                .unwrap()
                .len(),
            MAX_MESSAGES
        );
    }

    #[test]
    fn csv_with_bom_crlf_quotes_and_dates() {
        let csv = "\u{feff}Username,Comment,Created At,Permalink\r\n\
                   @ana,\"hi, how much?\",2024-05-31 14:30,https://instagram.com/p/abc\r\n\
                   bob,\"she said \"\"wow\"\"\nthen left\",2024-05-31,\r\n\
                   carl,,2024-05-31,\r\n\
                   dora,ciao,2024-05-31T16:30:00+02:00,\r\n";
        let m = parse_csv(csv.as_bytes(), Channel::Comment).unwrap();
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].author, "ana");
        assert_eq!(m[0].text, "hi, how much?");
        assert_eq!(m[0].received_at.as_deref(), Some("2024-05-31T14:30:00Z"));
        assert_eq!(m[0].post.as_deref(), Some("https://instagram.com/p/abc"));
        assert_eq!(m[1].text, "she said \"wow\"\nthen left");
        assert_eq!(m[1].received_at.as_deref(), Some("2024-05-31T00:00:00Z"));
        assert_eq!(m[1].post, None);
        assert_eq!(m[2].received_at.as_deref(), Some("2024-05-31T14:30:00Z"));
    }

    #[test]
    fn csv_delimiters() {
        let semi = "author;text;date\nana;hola, ¿precio?;\n";
        let m = parse_csv(semi.as_bytes(), Channel::Dm).unwrap();
        assert_eq!(
            (m[0].author.as_str(), m[0].text.as_str()),
            ("ana", "hola, ¿precio?")
        );
        assert_eq!(m[0].received_at, None);
        assert_eq!(m[0].channel, Channel::Dm);
        let tab = "from\tmessage\nana\tpreis, bitte?\n";
        assert_eq!(
            parse_csv(tab.as_bytes(), Channel::Dm).unwrap()[0].text,
            "preis, bitte?"
        );
    }

    #[test]
    fn csv_errors_name_the_line() {
        let no_text = "username,date\nana,2024-01-01\n";
        let e = parse_csv(no_text.as_bytes(), Channel::Comment).unwrap_err();
        assert_eq!(e, RepliesError::CsvMissingColumn("text".into()));
        let no_author = "text\nhi\n";
        assert_eq!(
            parse_csv(no_author.as_bytes(), Channel::Comment)
                .unwrap_err()
                .code(),
            "csv_missing_column"
        );
        let bad_date = "user,text,date\nana,hi,2024-01-01\nbob,hey,yesterday\n";
        assert_eq!(
            parse_csv(bad_date.as_bytes(), Channel::Comment).unwrap_err(),
            RepliesError::BadDate {
                line: 3,
                value: "yesterday".into()
            }
        );
        let mut bytes = b"user,text\nana,hi\nbob,caf".to_vec();
        bytes.extend([0xE9, b'\n']);
        assert_eq!(
            parse_csv(&bytes, Channel::Comment).unwrap_err(),
            RepliesError::InvalidUtf8 { line: 3 }
        );
        let shifted = "user,text\nana,hi, how much?\n";
        let e = parse_csv(shifted.as_bytes(), Channel::Comment).unwrap_err();
        assert!(
            matches!(e, RepliesError::CsvBadRow { line: 2, .. }),
            "{e:?}"
        );
        assert_eq!(
            parse_csv(b"", Channel::Comment),
            Err(RepliesError::EmptyInput)
        );
        assert_eq!(
            parse_csv(b"user,text\n", Channel::Comment),
            Err(RepliesError::EmptyInput)
        );
        assert_eq!(
            parse_csv(b"user,text\nana,\n", Channel::Comment),
            Err(RepliesError::EmptyInput)
        );
        let long = format!("user,text\nana,{}\n", "a".repeat(MAX_TEXT_CHARS + 1));
        assert_eq!(
            parse_csv(long.as_bytes(), Channel::Comment),
            Err(RepliesError::TextTooLong {
                line: 2,
                max: MAX_TEXT_CHARS
            })
        );
        let many = format!("user,text\n{}", "ana,hi\n".repeat(MAX_MESSAGES + 5));
        assert_eq!(
            parse_csv(many.as_bytes(), Channel::Comment),
            Err(RepliesError::TooManyMessages {
                count: MAX_MESSAGES + 5,
                max: MAX_MESSAGES
            })
        );
    }

    #[test]
    fn trailing_empty_cells_are_fine() {
        let csv = "user,text\nana,hi,,\n";
        assert_eq!(
            parse_csv(csv.as_bytes(), Channel::Comment).unwrap()[0].text,
            "hi"
        );
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        let inputs: [&[u8]; 10] = [
            b"\"",
            b"\xEF\xBB",
            b"\xEF\xBB\xBF",
            b"text,user\n\"unterminated",
            b"text;user\r\r\r\n;;;;",
            b"\xff\xfe\x00t\x00e\x00x\x00t",
            b"user,text\n\xff,\xff",
            b"user,text,date\na,b,\xe2\x82",
            b",,,,\n,,,,",
            "user:text\n@ä: ü\n: :\n".as_bytes(),
        ];
        for b in inputs {
            let _ = parse_csv(b, Channel::Comment);
            let _ = parse_pasted(&String::from_utf8_lossy(b), Channel::Comment);
        }
    }
}
