//! The rules client input must follow. Each failure names its field and says what is wrong in
//! words a user can act on.

use crate::error::{StoreError, StoreResult};

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_HANDLE_CHARS: usize = 30;
pub const MAX_TAG_CHARS: usize = 40;
pub const MAX_TAGS: usize = 20;
pub const MAX_TEXT_CHARS: usize = 5_000;

/// A client's display name: trimmed, 1–100 characters.
pub fn name(raw: &str) -> StoreResult<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(StoreError::invalid("name", "the client needs a name"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(StoreError::invalid(
            "name",
            format!("the name is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    Ok(name.to_string())
}

/// An Instagram username by Instagram's rules: 1–30 letters, digits, `.` and `_`; not starting
/// or ending with `.`, no `..`. Returned lower-case without the leading `@`.
pub fn handle(raw: &str) -> StoreResult<String> {
    let trimmed = raw.trim();
    let handle = trimmed.strip_prefix('@').unwrap_or(trimmed).to_lowercase();
    if handle.is_empty() {
        return Err(StoreError::invalid(
            "handle",
            "the client needs an Instagram handle",
        ));
    }
    if let Some(bad) = handle
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '.' || *c == '_'))
    {
        let what = if bad.is_whitespace() {
            "a space".to_string()
        } else {
            format!("'{bad}'")
        };
        return Err(StoreError::invalid(
            "handle",
            format!(
                "@{handle} is not a valid Instagram handle: it contains {what}; use only letters, digits, '.' and '_'"
            ),
        ));
    }
    if handle.len() > MAX_HANDLE_CHARS {
        return Err(StoreError::invalid(
            "handle",
            format!(
                "an Instagram handle has at most {MAX_HANDLE_CHARS} characters; @{handle} has {}",
                handle.len()
            ),
        ));
    }
    if handle.starts_with('.') || handle.ends_with('.') {
        return Err(StoreError::invalid(
            "handle",
            format!("@{handle} is not a valid Instagram handle: it cannot start or end with '.'"),
        ));
    }
    if handle.contains("..") {
        return Err(StoreError::invalid(
            "handle",
            format!("@{handle} is not a valid Instagram handle: it cannot contain '..'"),
        ));
    }
    Ok(handle)
}

/// Tags: trimmed, a leading `#` dropped, lower-cased, empty ones dropped, duplicates merged,
/// sorted; each at most 40 characters, at most 20 of them.
pub fn tags(raw: &[String]) -> StoreResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in raw {
        let t = tag.trim();
        let t = t.strip_prefix('#').unwrap_or(t).trim().to_lowercase();
        if t.is_empty() {
            continue;
        }
        if t.chars().count() > MAX_TAG_CHARS {
            return Err(StoreError::invalid(
                "tags",
                format!("the tag '{t}' is longer than {MAX_TAG_CHARS} characters"),
            ));
        }
        if t.contains(',') {
            return Err(StoreError::invalid(
                "tags",
                format!("the tag '{t}' contains a comma"),
            ));
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    if out.len() > MAX_TAGS {
        return Err(StoreError::invalid(
            "tags",
            format!(
                "a client can carry at most {MAX_TAGS} tags; {} given",
                out.len()
            ),
        ));
    }
    out.sort();
    Ok(out)
}

/// Free text (niche, goals, audience, voice, notes): trimmed, at most 5,000 characters.
pub fn text(field: &'static str, raw: &str) -> StoreResult<String> {
    let t = raw.trim();
    if t.chars().count() > MAX_TEXT_CHARS {
        return Err(StoreError::invalid(
            field,
            format!(
                "{} is longer than {MAX_TEXT_CHARS} characters",
                field.replace('_', " ")
            ),
        ));
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(e: StoreError) -> &'static str {
        match e {
            StoreError::Invalid { field, .. } => field,
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn handles_are_normalised() {
        assert_eq!(handle("@Glow.Studio_1").unwrap(), "glow.studio_1");
        assert_eq!(handle("  bakery  ").unwrap(), "bakery");
        assert_eq!(handle(&"a".repeat(30)).unwrap().len(), 30);
    }

    #[test]
    fn bad_handles_are_refused_with_a_reason() {
        for bad in [
            "",
            "@",
            "has space",
            "émilie",
            "a-b",
            ".dot",
            "dot.",
            "a..b",
            &"a".repeat(31),
        ] {
            let err = handle(bad).unwrap_err();
            assert!(!err.to_string().is_empty());
            assert_eq!(field_of(err), "handle", "{bad}");
        }
        assert!(handle("has space")
            .unwrap_err()
            .to_string()
            .contains("a space"));
        assert!(handle("a-b").unwrap_err().to_string().contains("'-'"));
    }

    #[test]
    fn names_must_have_text() {
        assert_eq!(field_of(name("   ").unwrap_err()), "name");
        assert_eq!(field_of(name(&"x".repeat(101)).unwrap_err()), "name");
        assert_eq!(name("  Glow Studio ").unwrap(), "Glow Studio");
    }

    #[test]
    fn tags_are_cleaned_and_deduplicated() {
        let t = tags(&[
            "#Fitness".into(),
            "retainer".into(),
            " fitness ".into(),
            "".into(),
        ])
        .unwrap();
        assert_eq!(t, vec!["fitness", "retainer"]);
        assert!(tags(&["a,b".into()]).is_err());
        let many: Vec<String> = (0..21).map(|i| format!("t{i}")).collect();
        assert_eq!(field_of(tags(&many).unwrap_err()), "tags");
    }
}
