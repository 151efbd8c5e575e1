//! OpenAI's JSON shapes: completions, stream chunks, model lists and error bodies.

use serde_json::{json, Value};

/// Characters of content per streamed chunk.
pub(crate) const CHUNK_CHARS: usize = 8;

/// The last event of a complete stream.
pub(crate) const SSE_DONE: &str = "data: [DONE]\n\n";

/// What every object answering one request shares.
pub(crate) struct Meta {
    pub id: String,
    pub created: u64,
    pub model: String,
}

/// `{"error":{"message":..,"type":..,"param":null,"code":..}}`
pub(crate) fn error_body(message: &str, kind: &str, code: Option<&str>) -> Value {
    json!({"error": {"message": message, "type": kind, "param": null, "code": code}})
}

/// The 401 message for a wrong key; only its last 3 characters are shown.
pub(crate) fn incorrect_key_message(given: &str) -> String {
    let tail: String = {
        let mut last: Vec<char> = given.chars().rev().take(3).collect();
        last.reverse();
        last.into_iter().collect()
    };
    format!("Incorrect API key provided: sk-...{tail}.")
}

/// Deterministic estimate: characters of all message contents / 4, at least 1.
pub(crate) fn prompt_tokens(request: &Value) -> u64 {
    let chars: usize = request["messages"]
        .as_array()
        .map(|messages| messages.iter().map(|m| content_chars(&m["content"])).sum())
        .unwrap_or(0);
    tokens(chars)
}

/// Deterministic estimate: content characters / 4, at least 1.
pub(crate) fn completion_tokens(content: &str) -> u64 {
    tokens(content.chars().count())
}

fn tokens(chars: usize) -> u64 {
    u64::try_from(chars / 4).unwrap_or(u64::MAX).max(1)
}

/// A message's content is a string or an array of parts (`{"type":"text","text":..}`).
fn content_chars(content: &Value) -> usize {
    match content {
        Value::String(text) => text.chars().count(),
        Value::Array(parts) => parts
            .iter()
            .filter_map(|part| part["text"].as_str())
            .map(|text| text.chars().count())
            .sum(),
        _ => 0,
    }
}

pub(crate) fn usage(prompt: u64, completion: u64) -> Value {
    json!({"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion})
}

/// A non-streaming `chat.completion` object.
pub(crate) fn completion(meta: &Meta, content: &str, usage: Value) -> Value {
    json!({
        "id": meta.id,
        "object": "chat.completion",
        "created": meta.created,
        "model": meta.model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content, "refusal": null},
            "logprobs": null,
            "finish_reason": "stop"
        }],
        "usage": usage,
        "system_fingerprint": "fp_fake"
    })
}

/// A `chat.completion.chunk` with one choice. When the client asked for usage, OpenAI sends
/// `"usage": null` on every chunk but the last, so `with_usage_null` adds it.
pub(crate) fn chunk(
    meta: &Meta,
    delta: Value,
    finish_reason: Option<&str>,
    with_usage_null: bool,
) -> Value {
    let mut chunk = json!({
        "id": meta.id,
        "object": "chat.completion.chunk",
        "created": meta.created,
        "model": meta.model,
        "system_fingerprint": "fp_fake",
        "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish_reason}]
    });
    if with_usage_null {
        chunk["usage"] = Value::Null;
    }
    chunk
}

/// The final usage chunk (`stream_options.include_usage`): no choices.
pub(crate) fn usage_chunk(meta: &Meta, usage: Value) -> Value {
    json!({
        "id": meta.id,
        "object": "chat.completion.chunk",
        "created": meta.created,
        "model": meta.model,
        "system_fingerprint": "fp_fake",
        "choices": [],
        "usage": usage
    })
}

/// One server-sent event.
pub(crate) fn sse_event(value: &Value) -> String {
    format!("data: {value}\n\n")
}

/// `content` in pieces of `size` characters (never splitting a character).
pub(crate) fn split_chars(content: &str, size: usize) -> Vec<String> {
    let chars: Vec<char> = content.chars().collect();
    chars
        .chunks(size.max(1))
        .map(|piece| piece.iter().collect())
        .collect()
}

/// The longest prefix of `text` at most half its bytes long, ending on a char boundary.
pub(crate) fn first_half(text: &str) -> &str {
    let mut end = text.len() / 2;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

pub(crate) fn model_object(id: &str) -> Value {
    json!({"id": id, "object": "model", "created": 1_686_935_002_u64, "owned_by": "openai"})
}

pub(crate) fn model_list(models: &[String]) -> Value {
    let data: Vec<Value> = models.iter().map(|id| model_object(id)).collect();
    json!({"object": "list", "data": data})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_char_boundaries() {
        let pieces = split_chars("héllo wörld, ça va? 🙂🙂", 8);
        assert_eq!(pieces.concat(), "héllo wörld, ça va? 🙂🙂");
        assert!(pieces.iter().all(|p| p.chars().count() <= 8));
        assert!(split_chars("", 8).is_empty());
    }

    #[test]
    fn first_half_respects_char_boundaries() {
        assert_eq!(first_half("ab🙂"), "ab");
        assert_eq!(first_half("abcd"), "ab");
    }

    #[test]
    fn token_estimates_are_at_least_one() {
        assert_eq!(completion_tokens(""), 1);
        assert_eq!(completion_tokens("abcdefgh"), 2);
        let request = json!({"messages": [
            {"role": "system", "content": "abcd"},
            {"role": "user", "content": [{"type": "text", "text": "efghijkl"}]}
        ]});
        assert_eq!(prompt_tokens(&request), 3);
        assert_eq!(prompt_tokens(&json!({})), 1);
    }

    #[test]
    fn key_message_shows_last_three_chars_only() {
        assert_eq!(
            incorrect_key_message("sk-secret-abc"),
            "Incorrect API key provided: sk-...abc."
        );
        assert_eq!(
            incorrect_key_message("x"),
            "Incorrect API key provided: sk-...x."
        );
    }
}
