//! The rules every reply keeps, drafted here or written by the AI provider: not empty, short
//! enough for its channel, none of the brand's avoid words (whole words, any case, accents
//! folded: avoiding "cheap" refuses "CHEAP!" but not "cheapest"), no more emoji than the brand
//! allows (none, one, or three for a playful brand), no `{variable}` left unfilled, and no
//! hashtags (a reply is a conversation, not a caption).
use serde::Serialize;

use crate::model::{BrandRules, Channel, EmojiUse};
use crate::text::{emoji_clusters, find_phrase};

/// The longest comment reply, in characters: a reply people read in the thread at a glance.
pub const MAX_COMMENT_CHARS: usize = 300;
/// The longest DM reply, in characters.
pub const MAX_DM_CHARS: usize = 1000;

/// Why a reply may not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyProblem {
    #[error("the reply is empty")]
    Empty,
    #[error("the reply is {len} characters long; at most {max} fit here")]
    TooLong { max: usize, len: usize },
    #[error("the reply uses “{0}”, which this brand avoids")]
    AvoidWord(String),
    #[error("the reply has {found} emoji; this brand allows {allowed}")]
    TooManyEmoji { allowed: usize, found: usize },
    #[error("the reply still holds {{{0}}}: fill it in or take it out")]
    UnfilledVariable(String),
    #[error("replies carry no hashtags: take the # words out")]
    Hashtags,
}

impl ReplyProblem {
    /// A stable code the UI can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ReplyProblem::Empty => "empty",
            ReplyProblem::TooLong { .. } => "too_long",
            ReplyProblem::AvoidWord(_) => "avoid_word",
            ReplyProblem::TooManyEmoji { .. } => "too_many_emoji",
            ReplyProblem::UnfilledVariable(_) => "unfilled_variable",
            ReplyProblem::Hashtags => "hashtags",
        }
    }
}

/// How many emoji a reply may hold under `e`.
pub(crate) fn allowed_emoji(e: EmojiUse) -> usize {
    match e {
        EmojiUse::None => 0,
        EmojiUse::Light => 1,
        EmojiUse::Playful => 3,
    }
}

/// The longest reply for `channel`, in characters.
pub(crate) fn max_chars(channel: Channel) -> usize {
    match channel {
        Channel::Comment => MAX_COMMENT_CHARS,
        Channel::Dm => MAX_DM_CHARS,
    }
}

/// Checks `text` as a reply on `channel` under the brand's `rules`; the first problem found.
pub fn check_reply(text: &str, channel: Channel, rules: &BrandRules) -> Result<(), ReplyProblem> {
    if text.trim().is_empty() {
        return Err(ReplyProblem::Empty);
    }
    if let Some(v) = leftover_variable(text) {
        return Err(ReplyProblem::UnfilledVariable(v));
    }
    let len = text.chars().count();
    let max = max_chars(channel);
    if len > max {
        return Err(ReplyProblem::TooLong { max, len });
    }
    for w in &rules.avoid_words {
        if find_phrase(text, w.trim()).is_some() {
            return Err(ReplyProblem::AvoidWord(w.trim().to_string()));
        }
    }
    let found = emoji_clusters(text).len();
    let allowed = allowed_emoji(rules.emoji);
    if found > allowed {
        return Err(ReplyProblem::TooManyEmoji { allowed, found });
    }
    if has_hashtag(text) {
        return Err(ReplyProblem::Hashtags);
    }
    Ok(())
}

/// The first `{name}` left in `text`: braces around a word without spaces.
fn leftover_variable(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find(['}', '{']);
        match close {
            Some(c) if after[c..].starts_with('}') => {
                let name = &after[..c];
                if !name.is_empty()
                    && name.chars().count() <= 40
                    && !name.contains(char::is_whitespace)
                {
                    return Some(name.to_string());
                }
                rest = &after[c + 1..];
            }
            Some(c) => rest = &after[c..],
            None => return None,
        }
    }
    None
}

/// A `#` right before a letter or digit, at the start or after a non-word character.
fn has_hashtag(text: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '#'
            && !prev.is_some_and(char::is_alphanumeric)
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            return true;
        }
        prev = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(avoid: &[&str], emoji: EmojiUse) -> BrandRules {
        BrandRules {
            avoid_words: avoid.iter().map(|s| s.to_string()).collect(),
            emoji,
            ..BrandRules::default()
        }
    }

    #[test]
    fn avoid_words_are_whole_words_any_case_and_accent() {
        let r = rules(&["cheap", "crème brûlée", "DM"], EmojiUse::Light);
        assert_eq!(
            check_reply("So CHEAP!", Channel::Comment, &r),
            Err(ReplyProblem::AvoidWord("cheap".into()))
        );
        assert!(check_reply("our cheapest option", Channel::Comment, &r).is_ok());
        assert_eq!(
            check_reply("try our creme brulee", Channel::Comment, &r),
            Err(ReplyProblem::AvoidWord("crème brûlée".into()))
        );
        assert!(check_reply("send us a dm", Channel::Comment, &r).is_err());
        assert!(check_reply("admin", Channel::Comment, &r).is_ok());
        assert!(check_reply("ok", Channel::Comment, &rules(&["", "  "], EmojiUse::Light)).is_ok());
    }

    #[test]
    fn emoji_limits() {
        let text = "Thank you 😍❤️";
        assert_eq!(
            check_reply(text, Channel::Comment, &rules(&[], EmojiUse::None)),
            Err(ReplyProblem::TooManyEmoji {
                allowed: 0,
                found: 2
            })
        );
        assert!(check_reply(text, Channel::Comment, &rules(&[], EmojiUse::Light)).is_err());
        assert!(check_reply(text, Channel::Comment, &rules(&[], EmojiUse::Playful)).is_ok());
        assert!(check_reply("👍🏽", Channel::Comment, &rules(&[], EmojiUse::Light)).is_ok());
        assert!(check_reply("😍😍😍😍", Channel::Comment, &rules(&[], EmojiUse::Playful)).is_err());
    }

    #[test]
    fn length_empty_variables_hashtags() {
        let r = BrandRules::default();
        assert_eq!(
            check_reply("  \n", Channel::Dm, &r),
            Err(ReplyProblem::Empty)
        );
        let long = "a".repeat(MAX_COMMENT_CHARS + 1);
        assert_eq!(
            check_reply(&long, Channel::Comment, &r),
            Err(ReplyProblem::TooLong {
                max: MAX_COMMENT_CHARS,
                len: MAX_COMMENT_CHARS + 1
            })
        );
        assert!(check_reply(&long, Channel::Dm, &r).is_ok());
        assert!(check_reply(&"a".repeat(MAX_DM_CHARS + 1), Channel::Dm, &r).is_err());
        assert_eq!(
            check_reply("Hi {first_name}!", Channel::Dm, &r),
            Err(ReplyProblem::UnfilledVariable("first_name".into()))
        );
        assert!(check_reply("a { b } c, {", Channel::Dm, &r).is_ok());
        assert_eq!(
            check_reply("new in #skincare", Channel::Dm, &r),
            Err(ReplyProblem::Hashtags)
        );
        assert!(check_reply("size C# or item #", Channel::Dm, &r).is_ok());
        assert_eq!(ReplyProblem::Hashtags.code(), "hashtags");
    }
}
