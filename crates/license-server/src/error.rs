//! Errors. [`ApiError`] is what a client of the HTTP API sees: an HTTP status and
//! `{"error": {"code", "detail"}}` with Keygen-style codes the app branches on (`NOT_FOUND`,
//! `SUSPENDED`, `EXPIRED`, `REVOKED`, `TOO_MANY_MACHINES`, `FINGERPRINT_MISMATCH`, `KEY_INVALID`,
//! `RATE_LIMITED`, `BAD_REQUEST`…) and a sentence a person can act on. [`ServerError`] is what the
//! operator sees: start-up and CLI failures, one line each.
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An answer other than success, as the API sends it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {detail}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
    /// Seconds, for `429`.
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            detail: detail.into(),
            retry_after: None,
        }
    }

    pub fn bad_request(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "BAD_REQUEST", detail)
    }

    pub fn not_found(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", detail)
    }

    pub fn rate_limited(retry_after: u64) -> ApiError {
        ApiError {
            retry_after: Some(retry_after.max(1)),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                format!("too many requests: try again in {} s", retry_after.max(1)),
            )
        }
    }

    /// Something on our side: logged in full, shown to the client as a short apology.
    pub fn internal(what: &str, e: impl std::fmt::Display) -> ApiError {
        tracing::error!("{what}: {e}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL",
            format!("the licence server failed ({what}); try again in a minute"),
        )
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> ApiError {
        ApiError::internal("database", e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({ "error": { "code": self.code, "detail": self.detail } });
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from_str(&secs.to_string()).expect("digits are a valid header"),
            );
        }
        response
    }
}

/// Start-up, CLI and background failures, for the operator.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("{0}")]
    Config(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    License(#[from] instagrowth_license::LicenseError),
    #[error("{0}")]
    Catalog(#[from] instagrowth_license::CatalogError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Input to the CLI that breaks a rule; nothing was changed.
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
}
