//! The activation screen's helpers: a purchase key checked on every keystroke, and the key read
//! from the purchase e-mail's link (`instagrowth://activate?key=…`). Both are pure: nothing is
//! stored and nothing goes online.
use instagrowth_license::{check_progress, KeyCheck};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// The link scheme the app registers with the operating system.
pub const LINK_SCHEME: &str = "instagrowth";

/// Where a key being typed stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KeyProgressState {
    /// Fine so far, not complete yet.
    Incomplete,
    /// Complete, and its check character matches: ready to activate.
    Valid,
    /// Already wrong: a character keys never have, too many characters, or a typo.
    Invalid,
}

/// What the activation screen shows under the key field as it is typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KeyProgress {
    pub state: KeyProgressState,
    /// Key characters typed so far (the `IGOS` prefix and dashes not counted).
    pub typed: u32,
    /// Key characters a complete key has (20).
    pub needed: u32,
    /// The key as it will be sent (`IGOS-XXXXX-XXXXX-XXXXX-XXXXX`), once valid.
    pub normalized: Option<String>,
    /// What is wrong, once invalid.
    pub message: Option<String>,
}

/// Checks a key as typed so far; see `instagrowth_license::purchase_key` for what is accepted.
pub fn check_key(input: &str) -> KeyProgress {
    let needed = instagrowth_license::purchase_key::KEY_CHARS as u32;
    match check_progress(input) {
        KeyCheck::Incomplete { typed, .. } => KeyProgress {
            state: KeyProgressState::Incomplete,
            typed: typed as u32,
            needed,
            normalized: None,
            message: None,
        },
        KeyCheck::Valid(key) => KeyProgress {
            state: KeyProgressState::Valid,
            typed: needed,
            needed,
            normalized: Some(key.as_str().to_string()),
            message: None,
        },
        KeyCheck::Invalid(e) => KeyProgress {
            state: KeyProgressState::Invalid,
            typed: 0,
            needed,
            normalized: None,
            message: Some(e.to_string()),
        },
    }
}

/// The purchase key in an activation link, `instagrowth://activate?key=IGOS-…` (also with
/// `instagrowth:activate?key=…` or a trailing slash, as mail clients rewrite links). The key is
/// only read here; it is checked like a typed one when the user activates.
pub fn key_from_link(link: &str) -> ApiResult<String> {
    let bad = |why: &str| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "this is not an activation link ({why}): paste the key from the e-mail instead"
            ),
        )
    };
    let url = reqwest::Url::parse(link.trim()).map_err(|_| bad("not a link"))?;
    if url.scheme() != LINK_SCHEME {
        return Err(bad("it does not start with instagrowth://"));
    }
    let action = url
        .host_str()
        .map(str::to_string)
        .unwrap_or_else(|| url.path().trim_matches('/').to_string());
    if !action.eq_ignore_ascii_case("activate") {
        return Err(bad("it does not ask to activate"));
    }
    let key = url
        .query_pairs()
        .find(|(k, _)| k == "key")
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| bad("it holds no key"))?;
    if key.chars().count() > 100 {
        return Err(bad("the key in it is far too long"));
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "IGOS-7KQ3M-2B9XD-4RTV8-WJ6H";

    fn valid_key() -> String {
        instagrowth_license::generate_purchase_key()
            .as_str()
            .to_string()
    }

    #[test]
    fn a_key_is_checked_as_it_is_typed() {
        let key = valid_key();
        let empty = check_key("");
        assert_eq!(
            (empty.state, empty.typed, empty.needed),
            (KeyProgressState::Incomplete, 0, 20)
        );
        let part = check_key(&key[..12]);
        assert_eq!((part.state, part.typed), (KeyProgressState::Incomplete, 6));
        let whole = check_key(&key.to_lowercase().replace('-', " "));
        assert_eq!(whole.state, KeyProgressState::Valid);
        assert_eq!(whole.normalized.as_deref(), Some(key.as_str()));
        assert_eq!(whole.typed, 20);

        // One character changed: the check character catches it.
        let last = key.chars().last().unwrap();
        let other = if last == '0' { '1' } else { '0' };
        let typo = format!("{}{other}", &key[..key.len() - 1]);
        let wrong = check_key(&typo);
        assert_eq!(wrong.state, KeyProgressState::Invalid);
        assert!(wrong.message.unwrap().contains("typo"));
        let bad_char = check_key("IGOS-7K#");
        assert_eq!(bad_char.state, KeyProgressState::Invalid);
        assert!(bad_char.message.is_some());
        assert_eq!(
            check_key(&format!("{key}X")).state,
            KeyProgressState::Invalid
        );
    }

    #[test]
    fn the_key_is_read_from_an_activation_link() {
        for link in [
            format!("instagrowth://activate?key={KEY}"),
            format!("instagrowth://activate/?key={KEY}&utm_source=mail"),
            format!("instagrowth:activate?key={KEY}"),
            format!(" INSTAGROWTH://ACTIVATE?key={}", KEY.replace('-', "%2D")),
        ] {
            assert_eq!(key_from_link(&link).unwrap(), KEY, "{link}");
        }
        for bad in [
            "https://example.com/activate?key=IGOS",
            "instagrowth://open?key=IGOS-1",
            "instagrowth://activate",
            "instagrowth://activate?key=",
            "not a link",
        ] {
            let e = key_from_link(bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput, "{bad}");
            assert!(e.message.contains("not an activation link"), "{bad}");
        }
    }
}
