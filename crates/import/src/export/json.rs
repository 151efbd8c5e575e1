//! Reading the export's loosely typed JSON: every text repaired from mojibake, every failure
//! naming the file it came from.
use serde_json::Value;

use crate::error::{ImportError, ImportResult};
use crate::text::repair_mojibake;

/// Parses one file of the export.
pub fn parse(file: &str, bytes: &[u8]) -> ImportResult<Value> {
    serde_json::from_slice(bytes).map_err(|e| ImportError::BadJson {
        file: file.to_string(),
        detail: e.to_string(),
    })
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

/// A Unix-time member (seconds), accepting numbers and numeric strings.
pub fn seconds(v: &Value, key: &str) -> Option<i64> {
    match v.get(key)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
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
