//! A configured provider: settings, the key (fetched from the keychain by the caller), timeouts
//! and retry policy. Builds the real `async-openai` client over our transport for each call, and
//! keeps the tally of a call (tokens, attempts, the model that answered) for the usage ledger.
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_openai::config::OpenAIConfig;
use async_openai::error::{ApiErrorResponse, OpenAIError, WrappedError};
use async_openai::types::chat::{
    ChatCompletionRequestUserMessage, CompletionUsage, CreateChatCompletionRequest,
};
use async_openai::Client;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{classify, from_transport, AiError, CallContext};
use crate::generate::estimate_tokens;
use crate::provider::ProviderSettings;
use crate::transport::{
    http_client, retrying_service, Observed, RetryPolicy, SharedObserved, Timeouts,
};

/// Tokens a call used, as the provider reported them (or estimated when it did not).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Usage {
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
    /// True when the provider sent no usage and the counts are estimates.
    pub estimated: bool,
}

/// What one generation took, successful or not.
#[derive(Debug, Clone)]
pub struct Call {
    /// The model that answered (as the provider named it), else the one asked for.
    pub model: String,
    pub usage: Usage,
    /// HTTP attempts, retries included.
    pub attempts: u32,
    pub latency: Duration,
}

/// A failed generation and what it took (for the ledger; a failure costs nothing).
#[derive(Debug, Clone)]
pub struct Failed {
    pub error: AiError,
    pub call: Call,
}

/// Result of "Test connection".
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ConnectionTest {
    /// The model that answered.
    pub model: String,
    #[ts(type = "number")]
    pub latency_ms: u64,
    pub usage: Usage,
}

/// A provider ready to call.
#[derive(Clone)]
pub struct Provider {
    pub(crate) settings: ProviderSettings,
    key: Option<String>,
    pub(crate) timeouts: Timeouts,
    retry: RetryPolicy,
}

impl std::fmt::Debug for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Provider")
            .field("settings", &self.settings)
            .field("key", &self.key.as_ref().map(|_| "<in the keychain>"))
            .finish()
    }
}

impl Provider {
    pub fn new(settings: ProviderSettings, key: Option<String>) -> Provider {
        Provider {
            settings,
            key: key.filter(|k| !k.trim().is_empty()),
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
        }
    }

    pub fn with_timeouts(mut self, timeouts: Timeouts) -> Provider {
        self.timeouts = timeouts;
        self
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Provider {
        self.retry = retry;
        self
    }

    pub fn settings(&self) -> &ProviderSettings {
        &self.settings
    }

    pub(crate) fn client(&self) -> Result<(Client<OpenAIConfig>, SharedObserved), AiError> {
        let mut config = OpenAIConfig::new()
            .with_api_base(self.settings.base_url.clone())
            .with_api_key(self.key.clone().unwrap_or_default())
            .with_org_id("")
            .with_project_id("");
        for h in &self.settings.extra_headers {
            let name =
                http::HeaderName::from_bytes(h.name.as_bytes()).map_err(|_| AiError::Refused {
                    status: 0,
                    detail: format!("“{}” is not a valid header name", h.name),
                })?;
            config = config
                .with_header(name, h.value.as_str())
                .map_err(|e| classify(e, &CallContext::default()))?;
        }
        let http = http_client(self.timeouts).map_err(|e| AiError::Unreachable {
            detail: e.to_string(),
        })?;
        let observed: SharedObserved = Arc::new(Mutex::new(Observed::default()));
        let client = Client::with_config(config).with_http_service(retrying_service(
            http,
            self.retry,
            observed.clone(),
        ));
        Ok((client, observed))
    }

    /// The models the provider offers (`GET /models`), sorted; empty when it lists none.
    pub async fn list_models(&self) -> Result<Vec<String>, AiError> {
        #[derive(Deserialize)]
        struct Listed {
            data: Vec<Entry>,
        }
        #[derive(Deserialize)]
        struct Entry {
            id: String,
        }
        let cx = CallContext {
            model: self.settings.model.clone(),
            attempts: 1,
            retry_after: None,
            read_timeout: self.timeouts.read,
        };
        let http = http_client(self.timeouts).map_err(|e| AiError::Unreachable {
            detail: e.to_string(),
        })?;
        let mut req = http.get(format!("{}/models", self.settings.base_url));
        if let Some(key) = &self.key {
            req = req.bearer_auth(key);
        }
        for h in &self.settings.extra_headers {
            req = req.header(h.name.as_str(), h.value.as_str());
        }
        let resp = req.send().await.map_err(|e| from_transport(&e, &cx))?;
        let status = resp.status();
        let body = resp.bytes().await.map_err(|e| from_transport(&e, &cx))?;
        if !status.is_success() {
            let api_error = serde_json::from_slice::<WrappedError>(&body)
                .map(|w| w.error)
                .unwrap_or_default();
            let e = OpenAIError::ApiError(ApiErrorResponse {
                status_code: status,
                api_error,
            });
            return Err(match classify(e, &cx) {
                AiError::UnknownModel { .. } => AiError::WrongAddress,
                other => other,
            });
        }
        let listed: Listed = serde_json::from_slice(&body).map_err(|e| AiError::Interrupted {
            detail: format!("the model list was not in the OpenAI format: {e}"),
        })?;
        let mut ids: Vec<String> = listed.data.into_iter().map(|m| m.id).collect();
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    /// One small completion: proves the address, the key and the model, and measures latency.
    pub async fn test_connection(&self) -> Result<ConnectionTest, Failed> {
        let started = Instant::now();
        let mut tally = Tally::new(&self.settings.model);
        let result = async {
            let (client, observed) = self.client()?;
            let request = CreateChatCompletionRequest {
                model: self.settings.model.clone(),
                messages: vec![ChatCompletionRequestUserMessage::from(
                    "Reply with the single word OK.",
                )
                .into()],
                ..Default::default()
            };
            let answer = client.chat().create(request).await;
            tally.absorb(&observed);
            let answer = answer.map_err(|e| classify(e, &tally.context(self.timeouts.read)))?;
            if !answer.model.is_empty() {
                tally.model = answer.model.clone();
            }
            let text = answer
                .choices
                .first()
                .and_then(|c| c.message.content.clone())
                .unwrap_or_default();
            tally.add_usage(answer.usage.as_ref(), 40, &text);
            Ok::<_, AiError>(())
        }
        .await;
        let call = tally.finish(started.elapsed());
        match result {
            Ok(()) => Ok(ConnectionTest {
                model: call.model.clone(),
                latency_ms: call.latency.as_millis() as u64,
                usage: call.usage,
            }),
            Err(error) => Err(Failed { error, call }),
        }
    }
}

/// Running totals for one call.
#[derive(Debug)]
pub(crate) struct Tally {
    pub model: String,
    usage: Usage,
    attempts: u32,
    retry_after: Option<Duration>,
    pub notices_seen: usize,
}

impl Tally {
    pub fn new(model: &str) -> Tally {
        Tally {
            model: model.to_string(),
            usage: Usage::default(),
            attempts: 0,
            retry_after: None,
            notices_seen: 0,
        }
    }

    /// Takes the transport's counts after a request.
    pub fn absorb(&mut self, observed: &SharedObserved) {
        let mut o = observed.lock().unwrap();
        self.attempts += std::mem::take(&mut o.attempts);
        if o.retry_after.is_some() {
            self.retry_after = o.retry_after;
        }
    }

    pub fn context(&self, read_timeout: Duration) -> CallContext {
        CallContext {
            model: self.model.clone(),
            attempts: self.attempts,
            retry_after: self.retry_after,
            read_timeout,
        }
    }

    /// Adds a request's tokens: as reported, else estimated from the text.
    pub fn add_usage(
        &mut self,
        reported: Option<&CompletionUsage>,
        prompt_chars: usize,
        answer: &str,
    ) {
        match reported {
            Some(u) => {
                self.usage.prompt_tokens += u.prompt_tokens;
                self.usage.completion_tokens += u.completion_tokens;
            }
            None => {
                self.usage.prompt_tokens += (prompt_chars as u32).div_ceil(4);
                self.usage.completion_tokens += estimate_tokens(answer);
                self.usage.estimated = true;
            }
        }
    }

    pub fn finish(self, latency: Duration) -> Call {
        Call {
            model: self.model,
            usage: self.usage,
            attempts: self.attempts.max(1),
            latency,
        }
    }
}
