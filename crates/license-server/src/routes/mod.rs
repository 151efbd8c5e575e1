//! The HTTP API, one module per group: [`licenses`] (activate, validate, deactivate),
//! [`portal`] (Stripe's billing portal), [`updates`] (the Tauri updater feed), [`health`].
//! The webhook is [`crate::stripe::webhook`]; the success page [`crate::checkout_page`].
pub mod health;
pub mod licenses;
pub mod portal;
pub mod updates;

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use instagrowth_license::PurchaseKey;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON body whose refusal speaks the API's error format (`BAD_REQUEST`,
/// `PAYLOAD_TOO_LARGE`) instead of axum's plain text.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => Err(refusal(rejection)),
        }
    }
}

fn refusal(rejection: JsonRejection) -> ApiError {
    let status = rejection.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(status, "PAYLOAD_TOO_LARGE", "the request body is too large")
    } else {
        ApiError::new(status, "BAD_REQUEST", rejection.body_text())
    }
}

/// A purchase key as typed, or `400 KEY_INVALID` with what is wrong with it.
pub fn parse_key(input: &str) -> Result<PurchaseKey, ApiError> {
    instagrowth_license::parse_purchase_key(input)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "KEY_INVALID", e.to_string()))
}

/// A required text field: trimmed, non-empty, at most `max` characters.
pub fn field<'a>(name: &str, value: &'a str, max: usize) -> Result<&'a str, ApiError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(ApiError::bad_request(format!("“{name}” is empty")));
    }
    if v.chars().count() > max {
        return Err(ApiError::bad_request(format!(
            "“{name}” is longer than {max} characters"
        )));
    }
    Ok(v)
}

/// A machine fingerprint: 16–128 characters of letters, digits, `-` and `_` (the app sends 64
/// hex characters).
pub fn fingerprint(value: &str) -> Result<&str, ApiError> {
    let v = field("fingerprint", value, 128)?;
    if v.len() < 16
        || !v
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(ApiError::bad_request(
            "“fingerprint” must be 16–128 letters, digits, '-' or '_' (the app sends 64 hex characters)",
        ));
    }
    Ok(v)
}
