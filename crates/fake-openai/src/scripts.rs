//! What the fake answers to one `POST /v1/chat/completions`: the [`Script`] queue's items.

use std::time::Duration;

/// One scripted answer to a chat completion request.
#[derive(Debug, Clone)]
pub enum Script {
    /// 200: the assistant message's content is this string (it may be deliberately invalid JSON).
    /// Non-streaming requests get a `chat.completion` object; `"stream": true` requests get SSE.
    Reply(String),
    /// An error status with OpenAI's error body; `retry_after` adds a `Retry-After: N` header
    /// (seconds). A status that is not a valid HTTP status is sent as 500.
    Error {
        status: u16,
        message: String,
        /// The error body's `"type"`.
        kind: String,
        code: Option<String>,
        retry_after: Option<u64>,
    },
    /// Waits this long before answering with the inner script (to trip client read timeouts).
    Slow(Duration, Box<Script>),
    /// Streaming only: sends the first `cut_after` content chunks of `content` and then closes the
    /// connection abruptly — no `[DONE]`, no final chunk. A non-streaming request gets a 200
    /// whose JSON body is cut in the middle (a complete HTTP body holding half a JSON document).
    Truncated { content: String, cut_after: usize },
}

impl Script {
    /// A 200 whose assistant content is `content`.
    pub fn reply(content: impl Into<String>) -> Script {
        Script::Reply(content.into())
    }

    /// `inner`, answered after `delay`.
    pub fn slow(delay: Duration, inner: Script) -> Script {
        Script::Slow(delay, Box::new(inner))
    }

    /// A stream cut after `cut_after` content chunks (see [`Script::Truncated`]).
    pub fn truncated(content: impl Into<String>, cut_after: usize) -> Script {
        Script::Truncated {
            content: content.into(),
            cut_after,
        }
    }

    /// Any OpenAI error: `status` with `{"error":{"message","type","param":null,"code"}}`.
    pub fn error(status: u16, message: &str, kind: &str, code: Option<&str>) -> Script {
        Script::Error {
            status,
            message: message.to_owned(),
            kind: kind.to_owned(),
            code: code.map(str::to_owned),
            retry_after: None,
        }
    }

    /// 429 "requests" / "rate_limit_exceeded" with `Retry-After: retry_after_secs`.
    pub fn rate_limited(retry_after_secs: u64) -> Script {
        Script::Error {
            status: 429,
            message: format!(
                "Rate limit reached for gpt-4o-mini in organization org-fake on requests per min \
                 (RPM): Limit 3, Used 3, Requested 1. Please try again in {retry_after_secs}s. \
                 Visit https://platform.openai.com/account/rate-limits to learn more."
            ),
            kind: "requests".to_owned(),
            code: Some("rate_limit_exceeded".to_owned()),
            retry_after: Some(retry_after_secs),
        }
    }

    /// 429 "insufficient_quota": the account has no credit left (retrying does not help).
    pub fn quota() -> Script {
        Script::error(
            429,
            "You exceeded your current quota, please check your plan and billing details.",
            "insufficient_quota",
            Some("insufficient_quota"),
        )
    }

    /// 500 "server_error".
    pub fn server_error() -> Script {
        Script::error(
            500,
            "The server had an error while processing your request. Sorry about that!",
            "server_error",
            None,
        )
    }

    /// 400 "context_length_exceeded".
    pub fn context_too_long() -> Script {
        Script::error(
            400,
            "This model's maximum context length is 128000 tokens. However, your messages \
             resulted in 130512 tokens. Please reduce the length of the messages.",
            "invalid_request_error",
            Some("context_length_exceeded"),
        )
    }

    /// 404 "model_not_found" for `name`.
    pub fn unknown_model(name: &str) -> Script {
        Script::error(
            404,
            &format!("The model `{name}` does not exist or you do not have access to it."),
            "invalid_request_error",
            Some("model_not_found"),
        )
    }

    /// 401 "invalid_api_key", as [`crate::FakeOpenAi::require_key`] answers a wrong key.
    pub fn bad_key() -> Script {
        Script::error(
            401,
            &crate::wire::incorrect_key_message("sk-...xyz"),
            "invalid_request_error",
            Some("invalid_api_key"),
        )
    }
}
