//! The licence server's HTTP API as the app calls it (JSON over HTTPS, see the licence server's
//! `routes/licenses.rs` and `routes/portal.rs`):
//!
//! - `POST /v1/licenses/activate {key, fingerprint, machine_name, platform, app_version}`
//! - `POST /v1/licenses/validate {key, fingerprint}`
//! - `POST /v1/licenses/deactivate {key, fingerprint}`
//! - `POST /v1/portal {key}` → `{url}`
//!
//! A refusal comes as `{"error": {"code", "detail"}}` with a Keygen-style code. What an answer
//! means for the app ([`Failure`]):
//! - **no answer** (no connection, a timeout, a body that is not the API's — a captive portal, a
//!   proxy page), or a **temporary** one (`408`, `429`, `5xx`): [`Failure::Unreachable`] —
//!   nothing is decided, the stored licence file stands;
//! - **a final refusal** (`403`: revoked, suspended, expired, no free seat, machine not activated;
//!   `404`: no such key or machine): [`Failure::Refused`] with [`Failure::is_final`] — a refresh
//!   records it, and the licence goes read-only;
//! - any other `4xx` (`409` payment still processing, `400`): refused this time, not recorded.
//!
//! Success bodies are read up to [`MAX_BODY_BYTES`]; the licence file in them is verified by the
//! caller before anything is stored.
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::config::check_url;
use crate::error::{ApiError, ApiResult, ErrorCode};

/// How long to wait for a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a whole request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Largest answer read (a licence answer is a few KB).
pub(crate) const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Why a call did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// No usable answer: see the module docs.
    Unreachable(String),
    /// The server answered with a refusal.
    Refused {
        status: u16,
        code: String,
        detail: String,
    },
}

impl Failure {
    /// A refusal that stands until something changes at the server (see the module docs).
    pub(crate) fn is_final(&self) -> bool {
        matches!(
            self,
            Failure::Refused {
                status: 403 | 404,
                ..
            }
        )
    }

    /// The error a person sees; `server` names the licence server.
    pub(crate) fn into_error(self, server: &str) -> ApiError {
        match self {
            Failure::Unreachable(why) => ApiError::new(
                ErrorCode::LicenseServerUnreachable,
                format!(
                    "the licence server ({server}) cannot be reached ({why}): check the internet connection and try again; nothing was changed"
                ),
            ),
            Failure::Refused { code, detail, .. } if code == "KEY_INVALID" => {
                ApiError::new(ErrorCode::LicenseInvalidKey, detail).with_field("key")
            }
            Failure::Refused { code, detail, .. } => ApiError::new(
                ErrorCode::LicenseRefused,
                format!("the licence server refused: {detail} ({code})"),
            ),
        }
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    code: String,
    detail: String,
}

/// The licence server's answer to activate and validate.
#[derive(Debug, Deserialize)]
pub(crate) struct Issued {
    /// The signed licence file; its `payload` beside it is ignored (the file is the truth).
    pub license_file: String,
    /// Machines activated on the licence, this one included (older servers do not say).
    #[serde(default)]
    pub machines_in_use: Option<u32>,
}

/// The answer to `POST /v1/portal`.
#[derive(Debug, Deserialize)]
pub(crate) struct Portal {
    pub url: String,
}

/// POSTs `body` as JSON to `server` + `path`. `Err(Ok(failure))` is the server's (or the
/// network's) failure; `Err(Err(e))` a bad server address, refused before any request.
pub(crate) async fn post<T: DeserializeOwned>(
    server: &str,
    path: &str,
    body: &Value,
) -> ApiResult<Result<T, Failure>> {
    let base = check_url(server)?;
    let http = reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .user_agent(concat!("InstaGrowthOS/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("HTTP client: {e}")))?;
    let url = format!("{base}{path}");
    let mut response = match http.post(&url).json(body).send().await {
        Ok(r) => r,
        Err(e) => return Ok(Err(Failure::Unreachable(transport_reason(&e)))),
    };
    let status = response.status().as_u16();
    let mut bytes = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if bytes.len() + chunk.len() > MAX_BODY_BYTES {
                    return Ok(Err(Failure::Unreachable(
                        "the answer is far larger than a licence".into(),
                    )));
                }
                bytes.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(e) => return Ok(Err(Failure::Unreachable(transport_reason(&e)))),
        }
    }
    if (200..300).contains(&status) {
        return Ok(serde_json::from_slice::<T>(&bytes).map_err(|_| {
            Failure::Unreachable(format!(
                "HTTP {status} with an answer that is not the licence server's: is the address right?"
            ))
        }));
    }
    let temporary = matches!(status, 408 | 429) || status >= 500;
    match serde_json::from_slice::<ErrorBody>(&bytes) {
        Ok(ErrorBody { error }) if !temporary => Ok(Err(Failure::Refused {
            status,
            code: error.code,
            detail: error.detail,
        })),
        Ok(ErrorBody { error }) => Ok(Err(Failure::Unreachable(format!(
            "{}: {}",
            error.code, error.detail
        )))),
        Err(_) => Ok(Err(Failure::Unreachable(format!(
            "HTTP {status} from something that is not the licence server"
        )))),
    }
}

fn transport_reason(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "no answer in time".into()
    } else if e.is_connect() {
        "no connection".into()
    } else {
        // reqwest's message names the URL, never the body (which holds the key).
        let mut text = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            text = format!("{text}: {s}");
            source = s.source();
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_403_and_404_are_final() {
        let refused = |status| Failure::Refused {
            status,
            code: "X".into(),
            detail: "d".into(),
        };
        assert!(refused(403).is_final());
        assert!(refused(404).is_final());
        assert!(!refused(409).is_final());
        assert!(!refused(400).is_final());
        assert!(!Failure::Unreachable("x".into()).is_final());
    }

    #[test]
    fn failures_become_errors_with_the_servers_code() {
        let e = Failure::Refused {
            status: 403,
            code: "REVOKED".into(),
            detail: "this licence was revoked".into(),
        }
        .into_error("https://l.example");
        assert_eq!(e.code, ErrorCode::LicenseRefused);
        assert_eq!(
            e.message,
            "the licence server refused: this licence was revoked (REVOKED)"
        );
        let e = Failure::Unreachable("no connection".into()).into_error("https://l.example");
        assert_eq!(e.code, ErrorCode::LicenseServerUnreachable);
        assert!(e.message.contains("https://l.example"), "{}", e.message);
        let e = Failure::Refused {
            status: 400,
            code: "KEY_INVALID".into(),
            detail: "the key has a typo".into(),
        }
        .into_error("x");
        assert_eq!(e.code, ErrorCode::LicenseInvalidKey);
    }

    #[tokio::test]
    async fn nothing_listening_is_unreachable() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let r = post::<Issued>(
            &format!("http://127.0.0.1:{port}"),
            "/v1/licenses/validate",
            &serde_json::json!({}),
        )
        .await
        .unwrap();
        assert!(matches!(r, Err(Failure::Unreachable(_))), "{r:?}");
    }

    #[tokio::test]
    async fn a_bad_address_is_refused_before_any_request() {
        let e = post::<Issued>("ftp://x", "/v1/portal", &serde_json::json!({}))
            .await
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput);
    }
}
