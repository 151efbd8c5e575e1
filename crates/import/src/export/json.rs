//! Reading the export's loosely typed JSON: every text repaired from mojibake, every failure
//! naming the file it came from.
use serde_json::Value;

use crate::error::{ImportError, ImportResult};
use crate::text::repair_mojibake;

/// Parses one file of the export, within the caps on what its values may take (see `bounded`).
pub fn parse(file: &str, bytes: &[u8]) -> ImportResult<Value> {
    super::bounded::parse(file, bytes)
}

/// Per-item warnings of one file listed in full; the rest are counted in one closing line, so
/// a file of a million undated items is not a million warnings.
pub const LISTED_WARNINGS: usize = 10;

/// One file's per-item warnings: the first [`LISTED_WARNINGS`] in full, then a count.
pub struct Warnings<'a> {
    out: &'a mut Vec<String>,
    listed: usize,
    more: usize,
}

impl<'a> Warnings<'a> {
    pub fn new(out: &'a mut Vec<String>) -> Self {
        Warnings {
            out,
            listed: 0,
            more: 0,
        }
    }

    /// Adds a warning; `text` is only built while they are still listed.
    pub fn push(&mut self, text: impl FnOnce() -> String) {
        if self.listed < LISTED_WARNINGS {
            self.listed += 1;
            self.out.push(text());
        } else {
            self.more += 1;
        }
    }

    /// The closing count, `summary(n)` for the `n` not listed, if any.
    pub fn finish(self, summary: impl FnOnce(usize) -> String) {
        if self.more > 0 {
            self.out.push(summary(self.more));
        }
    }
}

pub fn shape(file: &str, detail: impl Into<String>) -> ImportError {
    ImportError::BadShape {
        file: file.to_string(),
        detail: detail.into(),
    }
}

/// A string member, repaired; `None` when absent or not a string.
pub fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(repair_mojibake)
}

/// The latest Unix time (seconds) taken as real: 9999-12-31T23:59:59Z. Anything outside
/// 0..=this is not a date (a fuzzer found `1E00000022`).
pub const MAX_SECONDS: i64 = 253_402_300_799;

/// A Unix-time member, accepting numbers and numeric strings; `None` when it is not a
/// plausible time.
pub fn seconds(v: &Value, key: &str) -> Option<i64> {
    let raw = match v.get(key)? {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && f.abs() < 1e15)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }?;
    let max = if key.ends_with("_ms") {
        MAX_SECONDS * 1000
    } else {
        MAX_SECONDS
    };
    (0..=max).contains(&raw).then_some(raw)
}

/// The array at `key` (or the value itself when `key` is empty); a wrong type is a shape error.
pub fn array<'a>(file: &str, v: &'a Value, key: &str) -> ImportResult<&'a [Value]> {
    let target = if key.is_empty() { Some(v) } else { v.get(key) };
    match target {
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(shape(
            file,
            format!("{} should be a list, found {}", name(key), kind(other)),
        )),
        None => Err(shape(file, format!("{} is missing", name(key)))),
    }
}

fn name(key: &str) -> String {
    if key.is_empty() {
        "the top level".into()
    } else {
        format!("\"{key}\"")
    }
}

pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn implausible_times_are_not_times() {
        let v = json!({"a": 1E22, "b": -5, "c": "1700000000", "d": 1.7e9, "e": 253402300800i64, "timestamp_ms": 1700000000000i64});
        assert_eq!(seconds(&v, "a"), None);
        assert_eq!(seconds(&v, "b"), None);
        assert_eq!(seconds(&v, "c"), Some(1_700_000_000));
        assert_eq!(seconds(&v, "d"), Some(1_700_000_000));
        assert_eq!(seconds(&v, "e"), None);
        assert_eq!(seconds(&v, "timestamp_ms"), Some(1_700_000_000_000));
    }
}
