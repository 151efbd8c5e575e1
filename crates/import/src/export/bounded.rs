//! Parses one file of the export into a [`Value`] under a budget: what the parsed tree may
//! allocate and how deep it may nest. The byte caps on the archive are not enough on their own:
//! 254 MiB of `[0,0,…]` is 133 million values, and serde_json's `Value` spends 32 bytes on each
//! (more on objects), so a 260 KB zip would take gigabytes. The tree is built here, value by
//! value, and charged as it grows, so parsing stops at the cap instead of after the allocation.
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::error::{ImportError, ImportResult};

/// At most this many bytes (estimated, see [`Cost`]) for one file's parsed values. Real files
/// measured with the same estimate: 50,000 posts with their media metadata about 230 MB, a DM
/// thread of 100,000 messages about 180 MB. Followers and following are not read into a tree
/// (see `accounts`), so no count of followers meets this cap. With the
/// file's own bytes (at most [`super::MAX_ENTRY_BYTES`]) an import stays under 1 GiB: 254 MiB of
/// `[0,0,…]` peaks at about 550 MB, of `[{"":0},…]` at about 800 MB.
pub const MAX_TREE_BYTES: u64 = 512 * 1024 * 1024;

/// At most this many levels of nesting. Real files nest 8 deep at most (insights: list → entry
/// → media map → media → metadata → exif list → entry); serde_json itself stops at 128.
pub const MAX_DEPTH: usize = 32;

/// What parts of the tree cost, in bytes: close to what they allocate.
struct Cost;

impl Cost {
    /// One `Value` (the size of every value, in its list or map slot).
    const VALUE: u64 = std::mem::size_of::<Value>() as u64;
    /// A list element: its slot plus the list's spare capacity (lists grow by doubling).
    const ELEMENT: u64 = 2 * Self::VALUE;
    /// A map's storage per 11 members: a B-tree node (11 keys and 11 values) and its links.
    const NODE: u64 = 11 * (std::mem::size_of::<String>() as u64 + Self::VALUE) + 16;
    /// Members per B-tree node.
    const NODE_MEMBERS: usize = 11;

    /// A string's heap block: none when empty, else its length rounded up as an allocator
    /// does, at least 32 bytes.
    fn text(len: usize) -> u64 {
        if len == 0 {
            0
        } else {
            (len as u64 + 8).next_multiple_of(16).max(32)
        }
    }
}

/// Which cap a file went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Limit {
    Size,
    Depth,
}

/// The budget one file is parsed under, shared by every level of the tree.
struct Budget {
    used: u64,
    max: u64,
    depth: usize,
    max_depth: usize,
    hit: Option<Limit>,
}

impl Budget {
    fn charge<E: de::Error>(&mut self, bytes: u64) -> Result<(), E> {
        self.used = self.used.saturating_add(bytes);
        if self.used > self.max {
            return Err(self.stop(Limit::Size));
        }
        Ok(())
    }

    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.stop(Limit::Depth));
        }
        Ok(())
    }

    fn stop<E: de::Error>(&mut self, limit: Limit) -> E {
        self.hit = Some(limit);
        E::custom("the file is over the import's limits")
    }
}

/// Parses one file of the export, naming it in every error.
pub fn parse(file: &str, bytes: &[u8]) -> ImportResult<Value> {
    parse_within(file, bytes, MAX_TREE_BYTES, MAX_DEPTH).map(|(v, _)| v)
}

/// [`parse`] under the given caps; also returns what the tree was charged.
fn parse_within(
    file: &str,
    bytes: &[u8],
    max: u64,
    max_depth: usize,
) -> ImportResult<(Value, u64)> {
    let mut budget = Budget {
        used: Cost::VALUE,
        max,
        depth: 0,
        max_depth,
        hit: None,
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let parsed = Bounded(&mut budget)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    match (parsed, budget.hit) {
        (Ok(v), _) => Ok((v, budget.used)),
        (Err(_), Some(Limit::Size)) => Err(ImportError::TooComplex {
            file: file.to_string(),
            limit_mb: max >> 20,
        }),
        (Err(_), Some(Limit::Depth)) => Err(ImportError::TooDeep {
            file: file.to_string(),
            limit: max_depth,
        }),
        (Err(e), None) => Err(ImportError::BadJson {
            file: file.to_string(),
            detail: e.to_string(),
        }),
    }
}

/// Builds one value (and everything inside it) against the budget.
struct Bounded<'a>(&'a mut Budget);

impl<'de> DeserializeSeed<'de> for Bounded<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Bounded<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.0.charge(Cost::text(v.len()))?;
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.0.charge(Cost::text(v.len()))?;
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let budget = self.0;
        budget.enter()?;
        let mut items = Vec::new();
        loop {
            budget.charge(Cost::ELEMENT)?;
            match seq.next_element_seed(Bounded(&mut *budget))? {
                Some(v) => items.push(v),
                None => break,
            }
        }
        budget.depth -= 1;
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let budget = self.0;
        budget.enter()?;
        let mut members = Map::new();
        let mut count = 0usize;
        while let Some(key) = map.next_key::<String>()? {
            if count.is_multiple_of(Cost::NODE_MEMBERS) {
                budget.charge(Cost::NODE)?;
            }
            count += 1;
            budget.charge(Cost::text(key.len()))?;
            let value = map.next_value_seed(Bounded(&mut *budget))?;
            members.insert(key, value);
        }
        budget.depth -= 1;
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_come_out_as_serde_json_reads_them() {
        let text = r#"{"a": [1, -2, 3.5, 1e400, "x\u00e9", null, true, {"b": {}}], "c": 18446744073709551615}"#;
        let ours = parse("f.json", text.as_bytes());
        let theirs: Result<Value, _> = serde_json::from_str(text);
        match theirs {
            Ok(v) => assert_eq!(ours.unwrap(), v),
            Err(_) => assert!(matches!(ours, Err(ImportError::BadJson { .. }))),
        }
        let plain =
            r#"{"a": [1, -2, 3.5, "x\u00e9", null, true, {"b": {}}], "c": 18446744073709551615}"#;
        assert_eq!(
            parse("f.json", plain.as_bytes()).unwrap(),
            serde_json::from_str::<Value>(plain).unwrap()
        );
    }

    #[test]
    fn trailing_garbage_and_truncation_are_bad_json() {
        for bad in [&b"[1] x"[..], b"[1,", b"", b"{\"a\" 1}"] {
            assert!(
                matches!(parse("f.json", bad), Err(ImportError::BadJson { .. })),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn the_caps_are_exact() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse("f.json", nested(MAX_DEPTH).as_bytes()).is_ok());
        assert!(matches!(
            parse("f.json", nested(MAX_DEPTH + 1).as_bytes()),
            Err(ImportError::TooDeep {
                limit: MAX_DEPTH,
                ..
            })
        ));
        let (_, cost) = parse_within("f.json", b"[0,0,0]", u64::MAX, MAX_DEPTH).unwrap();
        // The root, three elements and the end of the list.
        assert_eq!(cost, Cost::VALUE + 4 * Cost::ELEMENT);
        assert!(parse_within("f.json", b"[0,0,0]", cost, MAX_DEPTH).is_ok());
        assert!(matches!(
            parse_within("f.json", b"[0,0,0]", cost - 1, MAX_DEPTH),
            Err(ImportError::TooComplex { .. })
        ));
    }
}
