//! The HTTP side: one fallback handler that records each request, checks the key, then routes.

use std::collections::VecDeque;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;
use serde_json::Value;

use crate::wire::{self, Meta};
use crate::{Recorded, Script};

/// Pause between two streamed events, so clients really see increments.
const STREAM_PAUSE: Duration = Duration::from_millis(5);

/// Everything the test thread and the server thread share.
pub(crate) struct FakeState {
    pub required_key: Option<String>,
    pub models: Vec<String>,
    pub queue: VecDeque<Script>,
    pub default_content: String,
    pub requests: Vec<Recorded>,
    pub chat_count: usize,
    next_id: u64,
}

impl FakeState {
    pub(crate) fn new() -> FakeState {
        FakeState {
            required_key: None,
            models: vec!["gpt-4o-mini".to_owned(), "gpt-4o".to_owned()],
            queue: VecDeque::new(),
            default_content: r#"{"ok":true}"#.to_owned(),
            requests: Vec::new(),
            chat_count: 0,
            next_id: 0,
        }
    }
}

pub(crate) type Shared = Arc<Mutex<FakeState>>;

/// A panicking test must not poison the fake for the other assertions.
pub(crate) fn lock(shared: &Shared) -> MutexGuard<'_, FakeState> {
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

pub(crate) fn router(shared: Shared) -> Router {
    Router::new().fallback(handle).with_state(shared)
}

async fn handle(State(shared): State<Shared>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let body = parse_body(&bytes);
    let method = parts.method.as_str().to_owned();
    let path = parts.uri.path().to_owned();
    let is_chat = method == "POST" && path == "/v1/chat/completions";

    let required_key = {
        let mut state = lock(&shared);
        state.requests.push(Recorded {
            method: method.clone(),
            path: path.clone(),
            headers: header_pairs(&parts.headers),
            body: body.clone(),
        });
        if is_chat {
            state.chat_count += 1;
        }
        state.required_key.clone()
    };
    if let Some(key) = required_key {
        if let Some(refusal) = check_key(&parts.headers, &key) {
            return refusal;
        }
    }

    match (method.as_str(), path.as_str()) {
        ("POST", "/v1/chat/completions") => chat(&shared, &body).await,
        ("GET", "/v1/models") => {
            json_response(StatusCode::OK, &wire::model_list(&lock(&shared).models))
        }
        ("GET", model) if model.starts_with("/v1/models/") => {
            let id = &model["/v1/models/".len()..];
            if lock(&shared).models.iter().any(|m| m == id) {
                json_response(StatusCode::OK, &wire::model_object(id))
            } else {
                let message =
                    format!("The model `{id}` does not exist or you do not have access to it.");
                let code = Some("model_not_found");
                error_response(404, &message, "invalid_request_error", code, None)
            }
        }
        _ => json_response(
            StatusCode::NOT_FOUND,
            &wire::error_body(
                &format!("Invalid URL ({method} {path})"),
                "invalid_request_error",
                None,
            ),
        ),
    }
}

/// JSON bodies are parsed; an empty body is `Null`; anything else is kept as a (lossy) string.
fn parse_body(bytes: &Bytes) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(bytes).into_owned()))
}

fn header_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), value)
        })
        .collect()
}

/// `None` when the request carries `Authorization: Bearer KEY`, else the 401 to send.
fn check_key(headers: &HeaderMap, key: &str) -> Option<Response> {
    let given = headers
        .get(header::AUTHORIZATION)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    let given = given
        .as_deref()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let message = match given {
        Some(given) if given == key => return None,
        Some(given) if !given.is_empty() => wire::incorrect_key_message(given),
        _ => "You didn't provide an API key. You need to provide your API key in an \
              Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
            .to_owned(),
    };
    Some(json_response(
        StatusCode::UNAUTHORIZED,
        &wire::error_body(&message, "invalid_request_error", Some("invalid_api_key")),
    ))
}

/// What the answer to one chat request needs besides its script.
struct ChatRequest {
    meta: Meta,
    stream: bool,
    include_usage: bool,
    prompt_tokens: u64,
}

async fn chat(shared: &Shared, body: &Value) -> Response {
    if !body.is_object() {
        return json_response(
            StatusCode::BAD_REQUEST,
            &wire::error_body(
                "We could not parse the JSON body of your request. (HINT: This likely means you \
                 aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, \
                 but what was sent was not valid JSON.)",
                "invalid_request_error",
                None,
            ),
        );
    }
    let Some(model) = body["model"].as_str() else {
        return json_response(
            StatusCode::BAD_REQUEST,
            &wire::error_body(
                "you must provide a model parameter",
                "invalid_request_error",
                None,
            ),
        );
    };
    let (script, id) = {
        let mut state = lock(shared);
        let script = match state.queue.pop_front() {
            Some(script) => script,
            None => Script::Reply(state.default_content.clone()),
        };
        state.next_id += 1;
        (script, state.next_id)
    };
    let created = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let request = ChatRequest {
        meta: Meta {
            id: format!("chatcmpl-{id}"),
            created,
            model: model.to_owned(),
        },
        stream: body["stream"].as_bool() == Some(true),
        include_usage: body["stream_options"]["include_usage"].as_bool() == Some(true),
        prompt_tokens: wire::prompt_tokens(body),
    };
    answer(script, &request).await
}

async fn answer(mut script: Script, request: &ChatRequest) -> Response {
    loop {
        match script {
            Script::Slow(delay, inner) => {
                tokio::time::sleep(delay).await;
                script = *inner;
            }
            Script::Error {
                status,
                message,
                kind,
                code,
                retry_after,
            } => return error_response(status, &message, &kind, code.as_deref(), retry_after),
            Script::Reply(content) if request.stream => {
                return stream_response(request, &content, None)
            }
            Script::Reply(content) => {
                let usage = wire::usage(request.prompt_tokens, wire::completion_tokens(&content));
                return json_response(
                    StatusCode::OK,
                    &wire::completion(&request.meta, &content, usage),
                );
            }
            Script::Truncated { content, cut_after } if request.stream => {
                return stream_response(request, &content, Some(cut_after))
            }
            Script::Truncated { content, .. } => {
                let usage = wire::usage(request.prompt_tokens, wire::completion_tokens(&content));
                let full = wire::completion(&request.meta, &content, usage).to_string();
                return raw_response(
                    StatusCode::OK,
                    "application/json",
                    Body::from(wire::first_half(&full).to_owned()),
                );
            }
        }
    }
}

/// The SSE answer. With `cut_after`, only that many content chunks are sent and the body
/// stream then yields an `io::Error`: hyper aborts the connection without the terminating
/// zero-length chunk, so the client's body read fails ("error decoding response body").
/// Merely ending the stream would instead look like a clean, complete response that happens to
/// lack `[DONE]`, which many SSE clients silently accept.
fn stream_response(request: &ChatRequest, content: &str, cut_after: Option<usize>) -> Response {
    let meta = &request.meta;
    let usage_null = request.include_usage;
    let pieces = wire::split_chars(content, wire::CHUNK_CHARS);
    let sent = cut_after.map_or(pieces.len(), |cut| cut.min(pieces.len()));

    let mut events = vec![wire::sse_event(&wire::chunk(
        meta,
        serde_json::json!({"role": "assistant", "content": ""}),
        None,
        usage_null,
    ))];
    for piece in &pieces[..sent] {
        let delta = serde_json::json!({ "content": piece });
        events.push(wire::sse_event(&wire::chunk(meta, delta, None, usage_null)));
    }
    if cut_after.is_none() {
        let stop = wire::chunk(meta, serde_json::json!({}), Some("stop"), usage_null);
        events.push(wire::sse_event(&stop));
        if request.include_usage {
            let usage = wire::usage(request.prompt_tokens, wire::completion_tokens(content));
            events.push(wire::sse_event(&wire::usage_chunk(meta, usage)));
        }
        events.push(wire::SSE_DONE.to_owned());
    }

    let events: Vec<Bytes> = events.into_iter().map(Bytes::from).collect();
    let abort = cut_after.is_some();
    let stream = futures_util::stream::unfold(
        (events.into_iter(), true, abort),
        |(mut events, first, abort)| async move {
            if !first {
                tokio::time::sleep(STREAM_PAUSE).await;
            }
            match events.next() {
                Some(event) => Some((Ok(event), (events, false, abort))),
                None if abort => {
                    let cut = io::Error::new(io::ErrorKind::ConnectionAborted, "stream truncated");
                    Some((Err(cut), (events, false, false)))
                }
                None => None,
            }
        },
    );
    let mut response = raw_response(
        StatusCode::OK,
        "text/event-stream",
        Body::from_stream(stream),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

fn error_response(
    status: u16,
    message: &str,
    kind: &str,
    code: Option<&str>,
    retry_after: Option<u64>,
) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = json_response(status, &wire::error_body(message, kind, code));
    if let Some(seconds) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    raw_response(status, "application/json", Body::from(body.to_string()))
}

fn raw_response(status: StatusCode, content_type: &'static str, body: Body) -> Response {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
