//! `GET /v1/checkout/success?session_id=cs_…`: the page Stripe Checkout returns to (set the
//! Checkout `success_url` to `LICENSE_PUBLIC_URL/v1/checkout/success?session_id={CHECKOUT_SESSION_ID}`).
//! It shows the purchase key exactly once ([`crate::queries::checkout_keys`]); later views say it
//! was e-mailed. While the webhook is still on its way, it says so and reloads itself.
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use crate::error::ApiError;
use crate::queries::checkout_keys::{self, Shown};
use crate::server::AppState;
use crate::time;

#[derive(Debug, Deserialize)]
pub struct SuccessQuery {
    pub session_id: Option<String>,
}

pub async fn success(
    State(state): State<AppState>,
    Query(q): Query<SuccessQuery>,
) -> Result<Response, ApiError> {
    let session_id = q
        .session_id
        .filter(|s| !s.is_empty() && s.len() <= 255)
        .ok_or_else(|| ApiError::bad_request("session_id is missing"))?;
    let mut conn = state.db.pool().acquire().await?;
    let shown = checkout_keys::take(&mut conn, &session_id, time::now()).await?;
    let (refresh, body) = match shown {
        Shown::Key { key, prefix } => {
            tracing::info!(key = prefix, "purchase key shown on the success page");
            (
                false,
                format!(
                    "<h1>Thank you!</h1><p>Your licence key:</p><p class=key>{}</p>\
                     <p>Copy it now: this page shows it only once. It was also e-mailed to you.</p>\
                     <p><a class=open href=\"instagrowth://activate?key={}\">Open InstaGrowth OS with this key</a> \
                     on the computer where it is installed, or open <b>Licence</b> in the app's sidebar and paste it.</p>",
                    escape(&key),
                    escape(&key)
                ),
            )
        }
        Shown::AlreadyShown { prefix } => (
            false,
            format!(
                "<h1>Thank you!</h1><p>The key for this purchase ({}-…) was already shown once. \
                 It was e-mailed to you: look for “Your InstaGrowth OS licence key”.</p>",
                escape(&prefix)
            ),
        ),
        Shown::Unknown => (
            true,
            "<h1>Thank you!</h1><p>Your payment is being processed. This page will show your key in a \
             moment, and it will be e-mailed to you. Credits bought for an existing licence appear in \
             the app at its next refresh.</p>"
                .to_string(),
        ),
    };
    let refresh = if refresh {
        "<meta http-equiv=refresh content=5>"
    } else {
        ""
    };
    let html = format!(
        "<!doctype html><html lang=en><meta charset=utf-8>{refresh}<title>InstaGrowth OS — purchase</title>\
         <style>body{{font:16px system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em}}\
         .key{{font:600 1.3em ui-monospace,monospace;padding:.6em;background:#f3f3f3;user-select:all}}</style>\
         <body>{body}</body></html>"
    );
    // Never cached: the key must not sit in a shared cache or the browser's back button.
    Ok(([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
