//! Followers and following files, read straight into what is kept: each account's username
//! and the newest timestamp. Agency clients have millions of followers, and as a tree of values
//! (two small objects per follower) such a file would pass the tree's cap in `bounded`; read
//! here, item by item into small typed structs, memory follows the usernames kept, not the
//! file. Junk stays bounded without the tree's cap: a list of anything but accounts fails at its
//! first item with a type error, unknown members are skipped without being kept
//! ([`IgnoredAny`]: serde_json reads them through without recursion, a byte of its buffer per
//! level of nesting), and what is read typed nests four deep, far under serde_json's own
//! recursion limit (still reported as too deep, should it be reached).
use std::collections::BTreeSet;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::error::Category;

use super::json::{self, MAX_SECONDS};
use crate::error::{ImportError, ImportResult};
use crate::text::repair_mojibake;

/// serde_json's own nesting limit, which stops junk nested inside the members skipped here.
pub const SERDE_DEPTH: usize = 128;

/// What a followers or following file adds: its usernames go into `into`; returns the newest
/// `timestamp` in it, for dating the snapshot.
pub fn read(file: &str, bytes: &[u8], into: &mut BTreeSet<String>) -> ImportResult<Option<i64>> {
    let mut newest = None;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let top = TopLevel {
        into,
        newest: &mut newest,
    };
    let outcome = top.deserialize(&mut de).and_then(|found| {
        de.end()?;
        Ok(found)
    });
    match outcome {
        Ok(true) => Ok(newest),
        // The old reading of an object without the list: "the top level should be a list".
        Ok(false) => Err(json::shape(
            file,
            "the top level should be a list, found an object",
        )),
        Err(e) => Err(error(file, e)),
    }
}

/// A serde_json failure as the import's error naming `file`: a value of the wrong type is a
/// shape error, nesting past serde_json's limit is too deep, anything else is not JSON.
fn error(file: &str, e: serde_json::Error) -> ImportError {
    match e.classify() {
        Category::Data => json::shape(file, e.to_string()),
        Category::Syntax if e.to_string().starts_with("recursion limit exceeded") => {
            ImportError::TooDeep {
                file: file.to_string(),
                limit: SERDE_DEPTH,
            }
        }
        _ => ImportError::BadJson {
            file: file.to_string(),
            detail: e.to_string(),
        },
    }
}

/// The file: a list of accounts (followers) or an object whose `relationships_…` member is that
/// list (following). Yields whether the list was found.
struct TopLevel<'a> {
    into: &'a mut BTreeSet<String>,
    newest: &'a mut Option<i64>,
}

impl<'de> DeserializeSeed<'de> for TopLevel<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopLevel<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of accounts")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        Accounts {
            into: self.into,
            newest: self.newest,
        }
        .visit_seq(seq)
        .map(|()| true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            if !found && key.starts_with("relationships_") {
                map.next_value_seed(Accounts {
                    into: &mut *self.into,
                    newest: &mut *self.newest,
                })?;
                found = true;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// The list of accounts, each read, kept and dropped in turn: only the usernames stay.
struct Accounts<'a> {
    into: &'a mut BTreeSet<String>,
    newest: &'a mut Option<i64>,
}

impl<'de> DeserializeSeed<'de> for Accounts<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Accounts<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of accounts")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(account) = seq.next_element_seed(Object::<Account>(PhantomData))? {
            for ts in account
                .string_list_data
                .iter()
                .flatten()
                .filter_map(|d| d.timestamp.0)
            {
                *self.newest = Some(self.newest.map_or(ts, |n| n.max(ts)));
            }
            // The name is in `string_list_data[0].value` in some exports, in `title` in others.
            let from_list = account
                .string_list_data
                .and_then(|l| l.into_iter().next())
                .and_then(|d| d.value.0)
                .filter(|s| !s.is_empty());
            let name = from_list
                .or(account.title.0)
                .map(|s| repair_mojibake(&s))
                .filter(|s| !s.is_empty());
            if let Some(n) = name {
                self.into.insert(n.to_lowercase());
            }
        }
        Ok(())
    }
}

/// A `T` read only from an object: a derived struct also reads from a list (`[[…]]` would be
/// an account of defaults), which no account is.
struct Object<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Object<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Object<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an account (an object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

/// One account; every other member (`media_list_data`, `href`, …) is skipped unread.
#[derive(Deserialize)]
struct Account {
    #[serde(default)]
    title: Text,
    #[serde(default)]
    string_list_data: Option<Vec<Entry>>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    value: Text,
    #[serde(default)]
    timestamp: Seconds,
}

/// Visitor methods that read any value of another kind as `None`: null, booleans, and lists
/// and objects (skipped through, element by element, without being kept).
macro_rules! none_otherwise {
    () => {
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    };
}

/// A member kept only when it is a string; any other value is skipped, as the tree's reading
/// did (`json::text`).
#[derive(Default)]
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor).map(Text)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text")
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    none_otherwise!();
}

/// A Unix time in seconds, from a number or a numeric string, kept only when plausible
/// (0..=[`MAX_SECONDS`]), as `json::seconds` reads it; any other value is skipped.
#[derive(Default)]
struct Seconds(Option<i64>);

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = deserializer.deserialize_any(SecondsVisitor)?;
        Ok(Seconds(raw.filter(|t| (0..=MAX_SECONDS).contains(t))))
    }
}

struct SecondsVisitor;

impl<'de> Visitor<'de> for SecondsVisitor {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Unix time")
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(v.trim().parse().ok())
    }

    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(i64::try_from(v).ok())
    }

    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok((v.is_finite() && v.abs() < 1e15).then_some(v as i64))
    }

    none_otherwise!();
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "connections/followers_and_following/followers_1.json";

    fn read_text(text: &str) -> ImportResult<(Vec<String>, Option<i64>)> {
        let mut set = BTreeSet::new();
        let newest = read(FILE, text.as_bytes(), &mut set)?;
        Ok((set.into_iter().collect(), newest))
    }

    #[test]
    fn names_from_value_or_title_repaired_and_lowercased() {
        let followers = r#"[
            {"title": "", "media_list_data": [{"x": [1]}], "string_list_data": [{"href": "h", "value": "Ana_B", "timestamp": 1700000000}]},
            {"title": "zed", "string_list_data": [{"href": "h", "timestamp": "1700000500"}]},
            {"title": "Jos\u00c3\u00a9", "string_list_data": []},
            {"title": 5, "string_list_data": [{"value": ["odd"], "timestamp": 1E22}]},
            {"string_list_data": null}
        ]"#;
        let (names, newest) = read_text(followers).unwrap();
        assert_eq!(names, ["ana_b", "josé", "zed"]);
        assert_eq!(newest, Some(1_700_000_500));
        let following = r#"{"relationships_following": [{"title": "bo.c", "string_list_data": [{"timestamp": 1.7e9}]}], "other": {"a": []}}"#;
        assert_eq!(
            read_text(following).unwrap(),
            (vec!["bo.c".to_string()], Some(1_700_000_000))
        );
    }

    #[test]
    fn junk_is_refused_naming_the_file() {
        let refused = |text: &str| {
            let e = read_text(text).unwrap_err();
            assert!(e.to_string().contains("followers_1.json"), "{e}");
            e
        };
        // A list of anything but accounts stops at its first item.
        assert!(matches!(refused("[0,0,0,0]"), ImportError::BadShape { .. }));
        assert!(matches!(
            refused(r#"{"relationships_following": "x"}"#),
            ImportError::BadShape { .. }
        ));
        assert!(matches!(refused("12"), ImportError::BadShape { .. }));
        let e = refused(r#"{"something_else": []}"#);
        assert!(e.to_string().contains("should be a list"), "{e}");
        assert!(matches!(
            refused("[{\"title\": "),
            ImportError::BadJson { .. }
        ));
        assert!(matches!(refused("[] x"), ImportError::BadJson { .. }));
        // Nested lists where accounts belong stop at the first item.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(refused(&deep), ImportError::BadShape { .. }));
        // Inside a skipped member serde_json reads nesting through without recursion (a byte of
        // its buffer per level, so at most the file's size): no stack overflow, nothing kept.
        let deep = format!(
            "[{{\"title\": \"ana\", \"media_list_data\": {}{}}}]",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(read_text(&deep).unwrap().0, ["ana"]);
    }
}
