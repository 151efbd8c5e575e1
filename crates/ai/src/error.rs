//! What can go wrong talking to a provider, each case with a plain message a user can act on.
//! Provider errors arrive as `async_openai::error::OpenAIError` and are classified here.
use std::time::Duration;

use async_openai::error::OpenAIError;

use crate::keychain::KeychainError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AiError {
    #[error("no AI provider is set up; drafts are written offline")]
    NotConfigured,
    #[error("{0}")]
    Keychain(String),
    #[error("{provider} needs an API key: add it in Settings → AI provider")]
    MissingKey { provider: String },
    #[error(
        "the provider refused the API key (401): check or replace it in Settings → AI provider"
    )]
    BadKey,
    #[error("the API key has no access to model “{model}” (403): {detail}")]
    NoAccess { model: String, detail: String },
    #[error("the provider does not know model “{model}” (404): pick another model in Settings → AI provider")]
    UnknownModel { model: String },
    #[error("the provider's address answered 404 — check the base URL (it usually ends in /v1)")]
    WrongAddress,
    #[error("the provider account is out of credit or over its quota: {detail}")]
    QuotaExhausted { detail: String },
    #[error("the provider is rate-limiting requests (429) and still was after {attempts} tries{}", retry_hint(.retry_after_secs))]
    RateLimited {
        attempts: u32,
        retry_after_secs: Option<u64>,
    },
    #[error("the provider cannot be reached ({detail}); drafts are written offline")]
    Unreachable { detail: String },
    #[error("the provider did not answer within {secs} s")]
    Timeout { secs: u64 },
    #[error("the request is too long for model “{model}”: {detail}")]
    ContextTooLong { model: String, detail: String },
    #[error("the provider had an error ({status}) and still had it after {attempts} tries")]
    ProviderDown { status: u16, attempts: u32 },
    #[error("the provider refused the request ({status}): {detail}")]
    Refused { status: u16, detail: String },
    #[error("the answer stopped before it was complete ({detail})")]
    Interrupted { detail: String },
    #[error("the model's answer was not usable, even after asking it to fix it: {detail}")]
    InvalidAnswer { detail: String },
    #[error("this month's AI credits are used up ({used} of {allowance}); drafts are written offline until {renews}")]
    CreditsSpent {
        used: i64,
        allowance: i64,
        renews: String,
    },
    #[error("cancelled")]
    Cancelled,
}

fn retry_hint(secs: &Option<u64>) -> String {
    match secs {
        Some(s) => format!("; try again in {s} s"),
        None => "; try again in a minute".into(),
    }
}

impl From<KeychainError> for AiError {
    fn from(e: KeychainError) -> Self {
        AiError::Keychain(e.to_string())
    }
}

impl AiError {
    /// A stable, machine-readable name (ledger outcome, UI error code).
    pub fn code(&self) -> &'static str {
        match self {
            AiError::NotConfigured => "ai_not_configured",
            AiError::Keychain(_) => "keychain_unavailable",
            AiError::MissingKey { .. } => "ai_missing_key",
            AiError::BadKey => "ai_bad_key",
            AiError::NoAccess { .. } => "ai_no_access",
            AiError::UnknownModel { .. } | AiError::WrongAddress => "ai_unknown_model",
            AiError::QuotaExhausted { .. } => "ai_quota_exhausted",
            AiError::RateLimited { .. } => "ai_rate_limited",
            AiError::Unreachable { .. } => "ai_unreachable",
            AiError::Timeout { .. } => "ai_timeout",
            AiError::ContextTooLong { .. } => "ai_context_too_long",
            AiError::ProviderDown { .. }
            | AiError::Refused { .. }
            | AiError::Interrupted { .. } => "ai_provider_error",
            AiError::InvalidAnswer { .. } => "ai_invalid_answer",
            AiError::CreditsSpent { .. } => "ai_credits_spent",
            AiError::Cancelled => "cancelled",
        }
    }

    /// Whether the caller should fall back to the offline draft without bothering the user:
    /// nothing is configured, or the provider cannot be reached at all.
    pub fn means_offline(&self) -> bool {
        matches!(
            self,
            AiError::NotConfigured | AiError::Unreachable { .. } | AiError::CreditsSpent { .. }
        )
    }
}

/// What the HTTP layer saw beyond the error itself (the retry layer fills it in).
#[derive(Debug, Clone, Default)]
pub(crate) struct CallContext {
    pub model: String,
    pub attempts: u32,
    pub retry_after: Option<Duration>,
    pub read_timeout: Duration,
}

/// Whether a 400 says the provider does not accept the `response_format` we sent.
pub(crate) fn refuses_response_format(e: &OpenAIError) -> bool {
    match e {
        OpenAIError::ApiError(r)
            if r.status_code.as_u16() == 400 || r.status_code.as_u16() == 422 =>
        {
            let m = r.api_error.message.to_ascii_lowercase();
            m.contains("response_format") || m.contains("json_schema") || m.contains("json_object")
        }
        _ => false,
    }
}

pub(crate) fn classify(e: OpenAIError, cx: &CallContext) -> AiError {
    match e {
        OpenAIError::Reqwest(e) => from_transport(&e, cx),
        OpenAIError::ApiError(r) => {
            let status = r.status_code.as_u16();
            let err = r.api_error;
            let code = err.code.as_deref().unwrap_or_default();
            let kind = err.r#type.as_deref().unwrap_or_default();
            let message = first_line(&err.message);
            let lower = message.to_ascii_lowercase();
            match status {
                401 => AiError::BadKey,
                403 => AiError::NoAccess {
                    model: cx.model.clone(),
                    detail: message,
                },
                404 if code == "model_not_found" || lower.contains("model") => {
                    AiError::UnknownModel {
                        model: cx.model.clone(),
                    }
                }
                404 => AiError::WrongAddress,
                402 => AiError::QuotaExhausted { detail: message },
                429 if kind == "insufficient_quota" || code == "insufficient_quota" => {
                    AiError::QuotaExhausted { detail: message }
                }
                429 => AiError::RateLimited {
                    attempts: cx.attempts.max(1),
                    retry_after_secs: cx.retry_after.map(|d| d.as_secs().max(1)),
                },
                _ if code == "context_length_exceeded"
                    || lower.contains("context length")
                    || lower.contains("context_length")
                    || lower.contains("maximum context")
                    || lower.contains("too many tokens") =>
                {
                    AiError::ContextTooLong {
                        model: cx.model.clone(),
                        detail: message,
                    }
                }
                500..=599 => AiError::ProviderDown {
                    status,
                    attempts: cx.attempts.max(1),
                },
                _ => AiError::Refused {
                    status,
                    detail: message,
                },
            }
        }
        OpenAIError::JSONDeserialize(e, _) => AiError::Interrupted {
            detail: format!("the provider's reply was not in the OpenAI format: {e}"),
        },
        OpenAIError::StreamError(e) => AiError::Interrupted {
            detail: first_line(&e.to_string()),
        },
        OpenAIError::Boxed(e) => AiError::Unreachable {
            detail: first_line(&e.to_string()),
        },
        OpenAIError::InvalidArgument(m) => AiError::Refused {
            status: 0,
            detail: m,
        },
        other => AiError::Refused {
            status: 0,
            detail: first_line(&other.to_string()),
        },
    }
}

pub(crate) fn from_transport(e: &reqwest::Error, cx: &CallContext) -> AiError {
    if e.is_timeout() {
        AiError::Timeout {
            secs: cx.read_timeout.as_secs().max(1),
        }
    } else if e.is_connect() {
        AiError::Unreachable {
            detail: "connection refused or no network".into(),
        }
    } else if e.is_body() || e.is_decode() {
        AiError::Interrupted {
            detail: "the connection closed mid-answer".into(),
        }
    } else {
        AiError::Unreachable {
            detail: first_line(
                &std::error::Error::source(e).map_or_else(|| e.to_string(), |s| s.to_string()),
            ),
        }
    }
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or_default().trim();
    let mut out: String = line.chars().take(300).collect();
    if line.chars().count() > 300 {
        out.push('…');
    }
    out
}
