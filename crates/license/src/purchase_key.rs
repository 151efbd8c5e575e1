//! Purchase keys: what a buyer receives by e-mail and types into the app once.
//!
//! A key reads `IGOS-XXXXX-XXXXX-XXXXX-XXXXX`: the product prefix `IGOS`, then 20 characters from
//! Crockford's base-32 alphabet (no I, L, O or U) in four groups of five. The first 19 are random
//! (95 bits from the operating system); the 20th is a check character that catches every
//! single-character typo and every swap of two characters — see [`crate::check_char`] for the
//! alphabet, the checksum and why.
//!
//! # What [`parse`] accepts
//! People paste keys with spaces, in lower case, without the prefix, or type O for 0. So:
//! - case does not matter; whitespace and dashes (also the typographic dashes mail clients put in:
//!   ‐ ‑ ‒ – — −) are ignored;
//! - a leading `IGOS` is the prefix, and is optional; while it is being typed (`I`, `IG`, `IGO`)
//!   it counts as no key characters yet;
//! - look-alikes map to what they look like: O → 0, I and L → 1, U → V;
//! - anything else is [`KeyError::BadCharacter`], then the count must be 20
//!   ([`KeyError::WrongLength`]), then the check character must match ([`KeyError::CheckFailed`]).
//!
//! The normalised form — what [`PurchaseKey::as_str`] and `Display` give and what
//! [`PurchaseKey::hash`] hashes — is the formatted key, upper case with the prefix and dashes, so
//! the app and the server always agree on it. A key is a secret: `Debug` shows only its prefix,
//! the server stores only its hash.
use std::fmt;
use std::str::FromStr;

use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::check_char::{char_of, check_value, is_valid, value_of};
use crate::error::KeyError;
use crate::hex::hex;

/// The product prefix every key starts with.
pub const KEY_PREFIX: &str = "IGOS";
/// Key characters after the prefix (19 random + 1 check).
pub const KEY_CHARS: usize = 20;
/// Characters per group.
pub const GROUP_LEN: usize = 5;

/// A well-formed purchase key, normalised (`IGOS-XXXXX-XXXXX-XXXXX-XXXXX`).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct PurchaseKey(String);

/// Where a key being typed stands, for feedback on every keystroke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyCheck {
    /// Fine so far; `typed` of `needed` key characters (the prefix not counted).
    Incomplete { typed: usize, needed: usize },
    /// Complete and the check character matches.
    Valid(PurchaseKey),
    /// A bad character, too many characters, or a complete key with a typo.
    Invalid(KeyError),
}

/// A new random key (95 random bits from the operating system, plus the check character).
pub fn generate() -> PurchaseKey {
    let mut bytes = [0u8; 12];
    OsRng.fill_bytes(&mut bytes);
    let mut bits = bytes
        .iter()
        .fold(0u128, |acc, &b| (acc << 8) | u128::from(b));
    let mut values = Vec::with_capacity(KEY_CHARS);
    for _ in 0..KEY_CHARS - 1 {
        values.push((bits & 31) as u8);
        bits >>= 5;
    }
    values.push(check_value(&values));
    PurchaseKey::from_values(&values)
}

/// Reads a key as a person typed or pasted it; see the module docs for what is accepted.
pub fn parse(input: &str) -> Result<PurchaseKey, KeyError> {
    let values = key_values(input)?;
    if values.len() != KEY_CHARS {
        return Err(KeyError::WrongLength {
            found: values.len(),
            expected: KEY_CHARS,
        });
    }
    if !is_valid(&values) {
        return Err(KeyError::CheckFailed);
    }
    Ok(PurchaseKey::from_values(&values))
}

/// Where a key being typed stands: incomplete (with how far along), valid, or already wrong.
pub fn check_progress(input: &str) -> KeyCheck {
    match key_values(input) {
        Err(e) => KeyCheck::Invalid(e),
        Ok(values) if values.len() < KEY_CHARS => KeyCheck::Incomplete {
            typed: values.len(),
            needed: KEY_CHARS,
        },
        Ok(_) => match parse(input) {
            Ok(key) => KeyCheck::Valid(key),
            Err(e) => KeyCheck::Invalid(e),
        },
    }
}

impl PurchaseKey {
    /// The normalised key, `IGOS-XXXXX-XXXXX-XXXXX-XXXXX`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `IGOS-` and the first group (`IGOS-7KQ3M`): shown to support, written in the licence.
    pub fn prefix(&self) -> String {
        self.0[..KEY_PREFIX.len() + 1 + GROUP_LEN].to_string()
    }

    /// Lower-case hex SHA-256 of the normalised key: what the server stores instead of the key.
    pub fn hash(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))
    }

    fn from_values(values: &[u8]) -> PurchaseKey {
        let mut s = String::with_capacity(KEY_PREFIX.len() + KEY_CHARS + KEY_CHARS / GROUP_LEN);
        s.push_str(KEY_PREFIX);
        for group in values.chunks(GROUP_LEN) {
            s.push('-');
            s.extend(group.iter().map(|&v| char_of(v)));
        }
        PurchaseKey(s)
    }
}

/// The key characters' values, the prefix and separators dropped; the first bad character
/// stops it.
fn key_values(input: &str) -> Result<Vec<u8>, KeyError> {
    let chars: Vec<char> = input
        .chars()
        .filter(|&c| !c.is_whitespace() && !is_dash(c))
        .collect();
    let upper: String = chars.iter().map(char::to_ascii_uppercase).collect();
    let skip = if upper.starts_with(KEY_PREFIX) {
        KEY_PREFIX.len()
    } else if !upper.is_empty() && KEY_PREFIX.starts_with(upper.as_str()) {
        // The prefix, still being typed.
        upper.len()
    } else {
        0
    };
    chars[skip..]
        .iter()
        .map(|&c| value_of(c).ok_or(KeyError::BadCharacter(c)))
        .collect()
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

impl fmt::Display for PurchaseKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Only the prefix: a key is a secret and `Debug` ends up in logs.
impl fmt::Debug for PurchaseKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PurchaseKey({}-…)", self.prefix())
    }
}

impl FromStr for PurchaseKey {
    type Err = KeyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

impl TryFrom<String> for PurchaseKey {
    type Error = KeyError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        parse(&s)
    }
}

impl From<PurchaseKey> for String {
    fn from(k: PurchaseKey) -> String {
        k.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed valid key: 19 chosen characters and their check character.
    fn fixed() -> PurchaseKey {
        let values: Vec<u8> = "7KQ3MABCDE0123456XY"
            .chars()
            .map(|c| value_of(c).unwrap())
            .collect();
        let mut all = values.clone();
        all.push(check_value(&values));
        PurchaseKey::from_values(&all)
    }

    #[test]
    fn generated_keys_have_the_format_and_are_valid() {
        for _ in 0..200 {
            let k = generate();
            let s = k.as_str();
            assert_eq!(s.len(), 28);
            assert!(s.starts_with("IGOS-"));
            let groups: Vec<&str> = s.split('-').collect();
            assert_eq!(groups.len(), 5);
            for g in &groups[1..] {
                assert_eq!(g.len(), 5);
                assert!(g.bytes().all(|b| crate::check_char::ALPHABET.contains(&b)));
            }
            assert_eq!(parse(s), Ok(k.clone()));
            assert_eq!(k.to_string(), s);
        }
    }

    #[test]
    fn generated_keys_are_random() {
        let keys: std::collections::BTreeSet<String> =
            (0..1000).map(|_| generate().as_str().to_string()).collect();
        assert_eq!(keys.len(), 1000);
        // Every character appears in every random position over 1000 keys (chance of a miss
        // is about 19 × 32 × (31/32)¹⁰⁰⁰ ≈ 10⁻¹¹).
        for pos in 0..19 {
            let i = 5 + pos + pos / 5;
            let seen: std::collections::BTreeSet<u8> =
                keys.iter().map(|k| k.as_bytes()[i]).collect();
            assert_eq!(seen.len(), 32, "position {pos}");
        }
    }

    #[test]
    fn parse_forgives_case_spacing_dashes_and_the_prefix() {
        let k = fixed();
        let plain = k.as_str().to_string();
        let body: String = plain[5..].replace('-', "");
        for input in [
            plain.clone(),
            plain.to_lowercase(),
            format!("  {plain}\n"),
            body.clone(),
            body.to_lowercase(),
            format!("IGOS{body}"),
            format!("igos {}", plain[5..].replace('-', " ")),
            plain.replace('-', "–"),
            plain.replace('-', ""),
        ] {
            assert_eq!(parse(&input), Ok(k.clone()), "{input:?}");
        }
    }

    #[test]
    fn look_alikes_are_read_as_what_they_look_like() {
        // A key holding 0, 1 and V, typed with O, I/L and U.
        let values: Vec<u8> = "01V01V01V01V01V01V0"
            .chars()
            .map(|c| value_of(c).unwrap())
            .collect();
        let mut all = values.clone();
        all.push(check_value(&values));
        let k = PurchaseKey::from_values(&all);
        let typed = k.as_str()[5..]
            .replacen('0', "O", 3)
            .replacen('1', "I", 2)
            .replacen('1', "l", 1)
            .replacen('V', "u", 2);
        assert_ne!(typed, k.as_str()[5..]);
        assert_eq!(parse(&typed), Ok(k.clone()));
        assert_eq!(parse(&format!("igos-{typed}")), Ok(k));
    }

    #[test]
    fn errors_are_specific() {
        let k = fixed();
        let body = k.as_str()[5..].to_string();
        assert_eq!(
            parse(&body[..body.len() - 1]),
            Err(KeyError::WrongLength {
                found: 19,
                expected: 20
            })
        );
        assert_eq!(
            parse(&format!("{body}7")),
            Err(KeyError::WrongLength {
                found: 21,
                expected: 20
            })
        );
        assert_eq!(
            parse(&body.replacen('Q', "*", 1)),
            Err(KeyError::BadCharacter('*'))
        );
        assert_eq!(parse(&format!("{body}.")), Err(KeyError::BadCharacter('.')));
        let last = body.chars().last().unwrap();
        let other = if last == 'Z' { 'Y' } else { 'Z' };
        let typo = format!("{}{other}", &body[..body.len() - 1]);
        assert_eq!(parse(&typo), Err(KeyError::CheckFailed));
        assert_eq!(
            parse(""),
            Err(KeyError::WrongLength {
                found: 0,
                expected: 20
            })
        );
        assert_eq!(
            parse("IGOS-"),
            Err(KeyError::WrongLength {
                found: 0,
                expected: 20
            })
        );
    }

    #[test]
    fn every_typo_in_a_sample_of_keys_is_caught() {
        let keys: Vec<PurchaseKey> = (0..100).map(|_| generate()).chain([fixed()]).collect();
        let alphabet: Vec<char> = crate::check_char::ALPHABET
            .iter()
            .map(|&b| char::from(b))
            .collect();
        for k in keys {
            let body: Vec<char> = k.as_str().chars().filter(|&c| c != '-').skip(4).collect();
            assert_eq!(body.len(), 20);
            for i in 0..20 {
                for &c in &alphabet {
                    if c != body[i] {
                        let mut typo = body.clone();
                        typo[i] = c;
                        let typed: String = typo.iter().collect();
                        assert_eq!(parse(&typed), Err(KeyError::CheckFailed), "{k} at {i}");
                    }
                }
                if i + 1 < 20 && body[i] != body[i + 1] {
                    let mut swapped = body.clone();
                    swapped.swap(i, i + 1);
                    let typed: String = swapped.iter().collect();
                    assert_eq!(parse(&typed), Err(KeyError::CheckFailed), "{k} swap {i}");
                }
            }
        }
    }

    #[test]
    fn progress_follows_the_typing() {
        let k = fixed();
        let s = k.as_str();
        assert_eq!(
            check_progress(""),
            KeyCheck::Incomplete {
                typed: 0,
                needed: 20
            }
        );
        for partial in ["I", "ig", "IGO", "IGOS", "IGOS-"] {
            assert_eq!(
                check_progress(partial),
                KeyCheck::Incomplete {
                    typed: 0,
                    needed: 20
                },
                "{partial}"
            );
        }
        for n in 6..s.len() {
            let typed = s[5..n].chars().filter(|&c| c != '-').count();
            assert_eq!(
                check_progress(&s[..n]),
                KeyCheck::Incomplete { typed, needed: 20 },
                "{}",
                &s[..n]
            );
        }
        assert_eq!(check_progress(s), KeyCheck::Valid(k.clone()));
        assert_eq!(
            check_progress(&format!("{s}X")),
            KeyCheck::Invalid(KeyError::WrongLength {
                found: 21,
                expected: 20
            })
        );
        assert_eq!(
            check_progress("IGOS-7K!"),
            KeyCheck::Invalid(KeyError::BadCharacter('!'))
        );
        let typo = s.replacen('7', "8", 1);
        assert_eq!(
            check_progress(&typo),
            KeyCheck::Invalid(KeyError::CheckFailed)
        );
    }

    #[test]
    fn prefix_hash_and_debug() {
        let k = fixed();
        assert_eq!(k.prefix(), "IGOS-7KQ3M");
        let h = k.hash();
        assert_eq!(h.len(), 64);
        assert!(h
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        assert_eq!(parse(&k.as_str().to_lowercase()).unwrap().hash(), h);
        assert_eq!(hex(&Sha256::digest(k.as_str().as_bytes())), h);
        assert_ne!(generate().hash(), h);
        let debug = format!("{k:?}");
        assert_eq!(debug, "PurchaseKey(IGOS-7KQ3M-…)");
        assert!(!debug.contains(&k.as_str()[11..]));
    }

    #[test]
    fn serde_uses_the_normalised_string_and_validates() {
        let k = fixed();
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, format!("\"{}\"", k.as_str()));
        let back: PurchaseKey =
            serde_json::from_str(&format!("\"{}\"", k.as_str().to_lowercase())).unwrap();
        assert_eq!(back, k);
        assert!(serde_json::from_str::<PurchaseKey>("\"IGOS-00000\"").is_err());
        assert_eq!(
            "  igos ".parse::<PurchaseKey>().unwrap_err().code(),
            "KEY_WRONG_LENGTH"
        );
    }
}
