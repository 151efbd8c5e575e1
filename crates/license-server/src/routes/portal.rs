//! `POST /v1/portal {key}` → `{url}`: a short-lived link to Stripe's customer portal for the
//! key's customer, returning to `LICENSE_PUBLIC_URL/v1/portal/return`.
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Html;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{parse_key, ApiJson};
use crate::error::ApiError;
use crate::queries::licenses;
use crate::server::AppState;
use crate::stripe::api::StripeApiError;

#[derive(Debug, Deserialize)]
pub struct PortalRequest {
    pub key: String,
}

pub async fn portal(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<PortalRequest>,
) -> Result<Json<Value>, ApiError> {
    let key = parse_key(&req.key)?;
    state.limiters.check_key(&key.hash())?;
    let mut conn = state.db.pool().acquire().await?;
    let license = licenses::by_key_hash(&mut conn, &key.hash())
        .await?
        .ok_or_else(|| ApiError::not_found("no licence has this key"))?;
    drop(conn);
    let customer = license.stripe_customer_id.ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "NO_BILLING_ACCOUNT",
            "this licence was not bought through Stripe, so it has no billing page",
        )
    })?;
    let return_url = format!("{}/v1/portal/return", state.config.public_url);
    let url = state
        .stripe
        .portal_session(&customer, &return_url)
        .await
        .map_err(|e| match e {
            StripeApiError::NotConfigured => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "NOT_CONFIGURED",
                "the billing portal is not set up on this server",
            ),
            other => {
                tracing::error!(key = key.prefix(), "billing portal: {other}");
                ApiError::new(
                    StatusCode::BAD_GATEWAY,
                    "STRIPE_UNAVAILABLE",
                    "Stripe did not open the billing page: try again in a minute",
                )
            }
        })?;
    tracing::info!(key = key.prefix(), "billing portal opened");
    Ok(Json(json!({ "url": url })))
}

/// Where the portal sends the customer back.
pub async fn portal_return() -> Html<&'static str> {
    Html(
        "<!doctype html><meta charset=utf-8><title>InstaGrowth OS</title>\
         <p>Your billing details are saved. You can close this window and go back to InstaGrowth OS.</p>",
    )
}
