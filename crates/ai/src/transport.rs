//! The HTTP transport under `async-openai`: connect and read timeouts, and bounded retries with
//! exponential backoff and full jitter on 429 (not when the quota is exhausted), 5xx and refused
//! connections, honouring `Retry-After` up to a cap. Installed as the client's tower service.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_openai::error::OpenAIError;
use async_openai::middleware::HttpRequestFactory;
use reqwest::Response;

/// Timeouts for one provider call.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// Establishing the connection.
    pub connect: Duration,
    /// Between two reads: a stalled server, or a model that has not started answering.
    pub read: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            // Local models on a laptop can take a while before the first token.
            read: Duration::from_secs(90),
        }
    }
}

/// How often and how long to retry.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The first backoff; each further one doubles, up to `max_backoff`.
    pub base: Duration,
    pub max_backoff: Duration,
    /// A `Retry-After` longer than this is not waited for: the call fails and says when to retry.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            base: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// Full jitter: a uniformly random wait between zero and the capped exponential backoff.
    pub fn backoff(&self, retry: u32) -> Duration {
        let cap = self
            .base
            .saturating_mul(2u32.saturating_pow(retry))
            .min(self.max_backoff);
        cap.mul_f64(fastrand::f64())
    }
}

/// A retry about to happen, for progress reporting.
#[derive(Debug, Clone)]
pub struct RetryNotice {
    pub attempt: u32,
    pub wait: Duration,
    pub reason: String,
}

/// What the transport observed during one call (shared with the caller).
#[derive(Debug, Default)]
pub(crate) struct Observed {
    pub attempts: u32,
    pub retry_after: Option<Duration>,
    pub notices: Vec<RetryNotice>,
}

pub(crate) type SharedObserved = Arc<Mutex<Observed>>;

pub(crate) fn http_client(timeouts: Timeouts) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .connect_timeout(timeouts.connect)
        .read_timeout(timeouts.read)
        .user_agent(concat!("InstaGrowthOS/", env!("CARGO_PKG_VERSION")))
        .build()
}

type HttpFuture = Pin<Box<dyn Future<Output = Result<Response, OpenAIError>> + Send>>;

/// The tower service `async-openai` sends every request through.
pub(crate) fn retrying_service(
    http: reqwest::Client,
    policy: RetryPolicy,
    observed: SharedObserved,
) -> impl tower::Service<
    HttpRequestFactory,
    Response = Response,
    Error = OpenAIError,
    Future = HttpFuture,
> + Clone
       + Send
       + Sync
       + 'static {
    tower::service_fn(move |factory: HttpRequestFactory| -> HttpFuture {
        let http = http.clone();
        let observed = observed.clone();
        Box::pin(async move { send(&http, &factory, policy, &observed).await })
    })
}

async fn send(
    http: &reqwest::Client,
    factory: &HttpRequestFactory,
    policy: RetryPolicy,
    observed: &SharedObserved,
) -> Result<Response, OpenAIError> {
    let mut retry = 0u32;
    loop {
        observed.lock().unwrap().attempts += 1;
        let request = factory.build().await?;
        let outcome = http.execute(request).await;
        let (reason, retry_after, last) = match outcome {
            Ok(resp) if resp.status().is_success() => return Ok(resp),
            Ok(resp) if resp.status().as_u16() == 429 => {
                let retry_after = retry_after(resp.headers());
                let (resp, quota) = rebuffer(resp).await?;
                if quota {
                    return Ok(resp);
                }
                observed.lock().unwrap().retry_after = retry_after;
                ("rate limited (429)".to_string(), retry_after, Ok(resp))
            }
            Ok(resp) if resp.status().is_server_error() => {
                let status = resp.status().as_u16();
                let retry_after = retry_after(resp.headers());
                let (resp, _) = rebuffer(resp).await?;
                (format!("provider error ({status})"), retry_after, Ok(resp))
            }
            Ok(resp) => return Ok(resp),
            Err(e) if e.is_connect() => ("connection refused".to_string(), None, Err(e)),
            Err(e) => return Err(OpenAIError::Reqwest(e)),
        };
        if retry >= policy.max_retries {
            return last.map_err(OpenAIError::Reqwest);
        }
        let wait = match retry_after {
            Some(d) if d > policy.max_retry_after => return last.map_err(OpenAIError::Reqwest),
            Some(d) => d,
            None => policy.backoff(retry),
        };
        retry += 1;
        tracing::info!(attempt = retry + 1, wait_ms = wait.as_millis() as u64, %reason, "retrying the provider");
        observed.lock().unwrap().notices.push(RetryNotice {
            attempt: retry + 1,
            wait,
            reason,
        });
        tokio::time::sleep(wait).await;
    }
}

fn retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    // `retry-after-ms` is not standard; an HTTP date is rare from these APIs and treated as 1 s.
    value
        .parse::<f64>()
        .ok()
        .map(|s| Duration::from_secs_f64(s.max(0.0)))
}

/// Reads a response's body so it can be inspected, and rebuilds an equal response for
/// `async-openai` to classify. `true` when it is a 429 for an exhausted quota (not retryable).
async fn rebuffer(resp: Response) -> Result<(Response, bool), OpenAIError> {
    let status = resp.status();
    let headers = resp.headers().clone();
    let version = resp.version();
    let body = resp.bytes().await.map_err(OpenAIError::Reqwest)?;
    let quota = status.as_u16() == 429 && {
        let text = String::from_utf8_lossy(&body);
        text.contains("insufficient_quota")
    };
    let mut rebuilt = http::Response::new(body);
    *rebuilt.status_mut() = status;
    *rebuilt.headers_mut() = headers;
    *rebuilt.version_mut() = version;
    Ok((Response::from(rebuilt), quota))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_jittered_and_capped() {
        let p = RetryPolicy::default();
        for retry in 0..10 {
            let cap = p.base.saturating_mul(2u32.pow(retry)).min(p.max_backoff);
            for _ in 0..50 {
                assert!(p.backoff(retry) <= cap);
            }
        }
        let distinct: std::collections::HashSet<_> = (0..20).map(|_| p.backoff(3)).collect();
        assert!(distinct.len() > 1, "no jitter");
    }

    #[test]
    fn retry_after_reads_seconds() {
        let mut h = http::HeaderMap::new();
        assert_eq!(retry_after(&h), None);
        h.insert(http::header::RETRY_AFTER, "2".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(2)));
        h.insert(http::header::RETRY_AFTER, "0.5".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_millis(500)));
    }
}
