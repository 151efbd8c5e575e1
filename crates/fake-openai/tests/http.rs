//! The fake over real HTTP on loopback, seen by a plain reqwest client.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use instagrowth_fake_openai::{FakeOpenAi, Script};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn chat_body(stream: bool, include_usage: bool) -> Value {
    let mut body = json!({
        "model": "gpt-4o-mini",
        "messages": [
            {"role": "system", "content": "You write captions."},
            {"role": "user", "content": "Three captions for a bakery, please."}
        ]
    });
    if stream {
        body["stream"] = json!(true);
    }
    if include_usage {
        body["stream_options"] = json!({"include_usage": true});
    }
    body
}

async fn post_chat(fake: &FakeOpenAi, body: &Value, key: Option<&str>) -> reqwest::Response {
    let client = reqwest::Client::new();
    let mut request = client
        .post(format!("{}/chat/completions", fake.base_url()))
        .json(body);
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    request.send().await.expect("send")
}

/// The raw SSE body as it arrived, whether the body ended in a transport error, and how many
/// separate pieces the client read.
async fn read_stream_pieces(response: reqwest::Response) -> (String, bool, usize) {
    use futures_util::StreamExt;
    let mut text = String::new();
    let mut pieces = 0;
    let mut stream = response.bytes_stream();
    while let Some(item) = stream.next().await {
        match item {
            Ok(bytes) => {
                pieces += 1;
                text.push_str(std::str::from_utf8(&bytes).expect("utf-8"));
            }
            Err(_) => return (text, true, pieces),
        }
    }
    (text, false, pieces)
}

async fn read_stream(response: reqwest::Response) -> (String, bool) {
    let (text, failed, _) = read_stream_pieces(response).await;
    (text, failed)
}

/// The `data:` payloads of an SSE body.
fn events(text: &str) -> Vec<String> {
    text.split("\n\n")
        .filter(|event| !event.is_empty())
        .map(|event| {
            event
                .strip_prefix("data: ")
                .unwrap_or_else(|| panic!("not a data event: {event:?}"))
                .to_owned()
        })
        .collect()
}

fn content_of(chunks: &[Value]) -> String {
    chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .collect()
}

#[tokio::test]
async fn plain_reply_has_openai_shape_and_usage() {
    let fake = FakeOpenAi::start();
    fake.push(Script::reply(
        r#"{"captions":["Fresh bread, fresh start"]}"#,
    ));
    let response = post_chat(&fake, &chat_body(false, false), None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/json"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["object"], "chat.completion");
    assert!(body["id"].as_str().unwrap().starts_with("chatcmpl-"));
    assert!(body["created"].as_u64().unwrap() > 1_700_000_000);
    assert_eq!(body["model"], "gpt-4o-mini");
    assert_eq!(body["system_fingerprint"], "fp_fake");
    let choice = &body["choices"][0];
    assert_eq!(choice["index"], 0);
    assert_eq!(choice["finish_reason"], "stop");
    assert_eq!(choice["message"]["role"], "assistant");
    assert_eq!(choice["message"]["refusal"], Value::Null);
    let content = r#"{"captions":["Fresh bread, fresh start"]}"#;
    assert_eq!(choice["message"]["content"], content);
    // Messages hold 19 + 36 = 55 characters: 13 prompt tokens; content has 42: 10.
    assert_eq!(
        body["usage"],
        json!({"prompt_tokens": 13, "completion_tokens": 10, "total_tokens": 23})
    );
    assert_eq!(fake.chat_count(), 1);
}

#[tokio::test]
async fn queue_is_fifo_then_default_content() {
    let fake = FakeOpenAi::start();
    fake.push(Script::reply("first"));
    fake.push(Script::reply("second"));
    let mut seen = Vec::new();
    for _ in 0..3 {
        let body: Value = post_chat(&fake, &chat_body(false, false), None)
            .await
            .json()
            .await
            .unwrap();
        seen.push(
            body["choices"][0]["message"]["content"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    assert_eq!(seen, ["first", "second", r#"{"ok":true}"#]);
    fake.set_default_content("not json {");
    let body: Value = post_chat(&fake, &chat_body(false, false), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["choices"][0]["message"]["content"], "not json {");
    assert_eq!(fake.chat_count(), 4);
}

#[tokio::test]
async fn stream_chunks_concatenate_and_end_with_done() {
    let fake = FakeOpenAi::start();
    let content = "Crème brûlée at dawn 🥐 — come early!";
    fake.push(Script::reply(content));
    let response = post_chat(&fake, &chat_body(true, false), None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let (text, failed, pieces) = read_stream_pieces(response).await;
    assert!(!failed);
    // Events are flushed one by one, not buffered into one write.
    assert!(pieces > 1, "the stream arrived in {pieces} piece(s)");
    let events = events(&text);
    assert_eq!(events.last().unwrap(), "[DONE]");
    let chunks: Vec<Value> = events[..events.len() - 1]
        .iter()
        .map(|e| serde_json::from_str(e).unwrap())
        .collect();
    assert!(chunks
        .iter()
        .all(|c| c["object"] == "chat.completion.chunk"));
    assert_eq!(
        chunks[0]["choices"][0]["delta"],
        json!({"role": "assistant", "content": ""})
    );
    assert_eq!(content_of(&chunks), content);
    // Role chunk, 5 pieces of at most 8 characters, the stop chunk; no usage chunk.
    assert_eq!(chunks.len(), 1 + 5 + 1);
    let last = chunks.last().unwrap();
    assert_eq!(last["choices"][0]["delta"], json!({}));
    assert_eq!(last["choices"][0]["finish_reason"], "stop");
    assert!(chunks.iter().all(|c| c.get("usage").is_none()));
}

#[tokio::test]
async fn stream_sends_usage_chunk_only_when_asked() {
    let fake = FakeOpenAi::start();
    fake.push(Script::reply("0123456789abcdef"));
    let response = post_chat(&fake, &chat_body(true, true), None).await;
    let (text, failed) = read_stream(response).await;
    assert!(!failed);
    let events = events(&text);
    assert_eq!(events.last().unwrap(), "[DONE]");
    let usage: Value = serde_json::from_str(&events[events.len() - 2]).unwrap();
    assert_eq!(usage["choices"], json!([]));
    assert_eq!(
        usage["usage"],
        json!({"prompt_tokens": 13, "completion_tokens": 4, "total_tokens": 17})
    );
    let stop: Value = serde_json::from_str(&events[events.len() - 3]).unwrap();
    assert_eq!(stop["choices"][0]["finish_reason"], "stop");
    assert_eq!(stop["usage"], Value::Null);
}

#[tokio::test]
async fn require_key_refuses_missing_and_wrong_keys() {
    let fake = FakeOpenAi::start();
    fake.require_key("sk-test-right-key");
    fake.push(Script::reply("served"));

    let missing = post_chat(&fake, &chat_body(false, false), None).await;
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid_api_key");

    let wrong = post_chat(&fake, &chat_body(false, false), Some("sk-wrong-abc")).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let body: Value = wrong.json().await.unwrap();
    assert_eq!(
        body,
        json!({"error": {
            "message": "Incorrect API key provided: sk-...abc.",
            "type": "invalid_request_error",
            "param": null,
            "code": "invalid_api_key"
        }})
    );

    let right = post_chat(&fake, &chat_body(false, false), Some("sk-test-right-key")).await;
    assert_eq!(right.status(), StatusCode::OK);
    let body: Value = right.json().await.unwrap();
    // Refused requests did not consume the script.
    assert_eq!(body["choices"][0]["message"]["content"], "served");
    assert_eq!(fake.chat_count(), 3);
    assert_eq!(fake.requests().len(), 3);
}

#[tokio::test]
async fn scripted_errors_carry_openai_bodies_and_retry_after() {
    let fake = FakeOpenAi::start();
    fake.push(Script::rate_limited(7));
    fake.push(Script::quota());
    fake.push(Script::unknown_model("gpt-9"));

    let limited = post_chat(&fake, &chat_body(false, false), None).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.headers()["retry-after"].to_str().unwrap(), "7");
    let body: Value = limited.json().await.unwrap();
    assert_eq!(body["error"]["type"], "requests");
    assert_eq!(body["error"]["code"], "rate_limit_exceeded");
    assert_eq!(body["error"]["param"], Value::Null);
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("Rate limit reached for gpt-4o-mini"));

    // A streaming request gets the same JSON error, not SSE.
    let quota = post_chat(&fake, &chat_body(true, false), None).await;
    assert_eq!(quota.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(quota.headers().get("retry-after").is_none());
    let body: Value = quota.json().await.unwrap();
    assert_eq!(body["error"]["type"], "insufficient_quota");

    let unknown = post_chat(&fake, &chat_body(false, false), None).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let body: Value = unknown.json().await.unwrap();
    assert_eq!(body["error"]["code"], "model_not_found");
    assert_eq!(
        body["error"]["message"],
        "The model `gpt-9` does not exist or you do not have access to it."
    );
}

#[tokio::test]
async fn slow_waits_before_answering() {
    let fake = FakeOpenAi::start();
    let delay = Duration::from_millis(300);
    fake.push(Script::slow(delay, Script::reply("late")));
    let started = Instant::now();
    let body: Value = post_chat(&fake, &chat_body(false, false), None)
        .await
        .json()
        .await
        .unwrap();
    assert!(started.elapsed() >= delay);
    assert_eq!(body["choices"][0]["message"]["content"], "late");
}

#[tokio::test]
async fn slow_trips_a_client_timeout() {
    let fake = FakeOpenAi::start();
    fake.push(Script::slow(
        Duration::from_secs(30),
        Script::reply("never"),
    ));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let result = client
        .post(format!("{}/chat/completions", fake.base_url()))
        .json(&chat_body(false, false))
        .send()
        .await;
    assert!(result.unwrap_err().is_timeout());
    // Dropping the fake with the slow answer still pending must not wait 30 s.
}

#[tokio::test]
async fn truncated_stream_ends_in_an_error_without_done() {
    let fake = FakeOpenAi::start();
    fake.push(Script::truncated("abcdefgh12345678ABCDEFGH", 2));
    let response = post_chat(&fake, &chat_body(true, true), None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let (text, failed) = read_stream(response).await;
    assert!(failed, "the body must end in an error, got {text:?}");
    assert!(!text.contains("[DONE]"));
    let chunks: Vec<Value> = events(&text)
        .iter()
        .map(|e| serde_json::from_str(e).unwrap())
        .collect();
    assert_eq!(content_of(&chunks), "abcdefgh12345678");
    assert!(chunks
        .iter()
        .all(|c| c["choices"][0]["finish_reason"].is_null()));
}

#[tokio::test]
async fn truncated_non_stream_sends_half_a_json_body() {
    let fake = FakeOpenAi::start();
    fake.push(Script::truncated("whatever", 1));
    let response = post_chat(&fake, &chat_body(false, false), None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    assert!(text.starts_with(r#"{"#));
    assert!(serde_json::from_str::<Value>(&text).is_err());
}

#[tokio::test]
async fn models_lists_the_set_models() {
    let fake = FakeOpenAi::start();
    let client = reqwest::Client::new();
    let url = format!("{}/models", fake.base_url());
    let body: Value = client.get(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["object"], "list");
    let ids: Vec<&str> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["gpt-4o-mini", "gpt-4o"]);
    assert_eq!(body["data"][0]["object"], "model");

    fake.set_models(&["gpt-4.1-nano"]);
    let body: Value = client.get(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["data"][0]["id"], "gpt-4.1-nano");
    assert_eq!(body["data"].as_array().unwrap().len(), 1);
    assert_eq!(fake.chat_count(), 0);
}

#[tokio::test]
async fn requests_records_bodies_headers_and_unknown_paths() {
    let fake = FakeOpenAi::start();
    let client = reqwest::Client::new();
    let sent = chat_body(false, false);
    post_chat(&fake, &sent, Some("sk-any")).await;
    let missing = client
        .get(format!("{}/nothing-here", fake.base_url()))
        .header("x-probe", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let body: Value = missing.json().await.unwrap();
    assert_eq!(
        body["error"]["message"],
        "Invalid URL (GET /v1/nothing-here)"
    );
    assert_eq!(body["error"]["type"], "invalid_request_error");

    let recorded = fake.requests();
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0].method, "POST");
    assert_eq!(recorded[0].path, "/v1/chat/completions");
    assert_eq!(recorded[0].body, sent);
    assert_eq!(recorded[0].header("Authorization"), Some("Bearer sk-any"));
    assert_eq!(recorded[0].header("content-type"), Some("application/json"));
    assert_eq!(recorded[1].method, "GET");
    assert_eq!(recorded[1].path, "/v1/nothing-here");
    assert_eq!(recorded[1].body, Value::Null);
    assert_eq!(recorded[1].header("x-probe"), Some("1"));
}

/// A plain #[test] (no runtime around it) works too, here with a hand-written HTTP/1.1 request.
#[test]
fn works_from_a_plain_test_and_stops_when_dropped() {
    let fake = FakeOpenAi::start();
    let addr = fake
        .base_url()
        .trim_start_matches("http://")
        .trim_end_matches("/v1")
        .to_owned();
    let mut tcp = std::net::TcpStream::connect(&addr).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(
        tcp,
        "GET /v1/models HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    tcp.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains(r#""id":"gpt-4o-mini""#));
    assert_eq!(fake.requests()[0].path, "/v1/models");

    drop(fake);
    assert!(std::net::TcpStream::connect(&addr).is_err());
}
