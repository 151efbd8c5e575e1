//! The JSON schema of an answer type, in the subset OpenAI's strict structured outputs accept:
//! every object closed (`additionalProperties: false`) with all its properties required (optional
//! fields are nullable instead), and no `format` the provider does not know.
use schemars::JsonSchema;
use serde_json::{Map, Value};

const KNOWN_FORMATS: [&str; 9] = [
    "date-time",
    "time",
    "date",
    "duration",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uuid",
];

/// The strict schema of `T`.
pub fn strict_schema<T: JsonSchema>() -> Value {
    let mut schema = schemars::schema_for!(T).to_value();
    if let Value::Object(map) = &mut schema {
        map.remove("$schema");
    }
    tighten(&mut schema);
    schema
}

fn tighten(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| !KNOWN_FORMATS.contains(&f))
            {
                map.remove("format");
            }
            let is_object = map.get("type").is_some_and(|t| {
                t == "object"
                    || t.as_array()
                        .is_some_and(|a| a.iter().any(|x| x == "object"))
            });
            if is_object || map.contains_key("properties") {
                close_object(map);
            }
            for child in map.values_mut() {
                tighten(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tighten),
        _ => {}
    }
}

fn close_object(map: &mut Map<String, Value>) {
    map.insert("additionalProperties".into(), Value::Bool(false));
    let names: Vec<Value> = map
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().map(Value::String).collect())
        .unwrap_or_default();
    map.insert("required".into(), Value::Array(names));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(JsonSchema, serde::Deserialize)]
    #[allow(dead_code)]
    struct Hook {
        text: String,
        formula: String,
        rank: u32,
        note: Option<String>,
    }

    #[derive(JsonSchema, serde::Deserialize)]
    #[allow(dead_code)]
    struct Hooks {
        hooks: Vec<Hook>,
    }

    #[test]
    fn objects_are_closed_and_fully_required() {
        let s = strict_schema::<Hooks>();
        assert!(s.get("$schema").is_none());
        assert_eq!(s["additionalProperties"], false);
        assert_eq!(s["required"], serde_json::json!(["hooks"]));
        let hook = &s["$defs"]["Hook"];
        assert_eq!(hook["additionalProperties"], false);
        let mut req: Vec<&str> = hook["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        req.sort();
        assert_eq!(req, ["formula", "note", "rank", "text"]);
        assert!(
            hook["properties"]["rank"].get("format").is_none(),
            "uint32 is not a format OpenAI knows"
        );
    }
}
