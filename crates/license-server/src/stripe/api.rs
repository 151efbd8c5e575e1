//! The two Stripe API calls the server makes, with the secret key as a Bearer token:
//! - `GET /v1/checkout/sessions/{id}/line_items` — a Checkout Session's event carries no line
//!   items, so a one-time purchase (and, when the key is set, a new subscription's plan) is read
//!   from here;
//! - `POST /v1/billing_portal/sessions` (form: `customer`, `return_url`) — a short-lived link to
//!   Stripe's customer portal.
use std::time::Duration;

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StripeApiError {
    #[error("STRIPE_API_KEY is not set, so the Stripe API cannot be called")]
    NotConfigured,
    #[error("Stripe cannot be reached: {0}")]
    Unreachable(String),
    #[error("Stripe answered {status}: {message}")]
    Refused { status: u16, message: String },
    #[error("Stripe's answer could not be read: {0}")]
    BadAnswer(String),
}

impl StripeApiError {
    /// The error with `secret` blanked out of its message.
    fn without(self, secret: &str) -> StripeApiError {
        let blank = |s: String| s.replace(secret, "(a Checkout Session)");
        match self {
            StripeApiError::NotConfigured => StripeApiError::NotConfigured,
            StripeApiError::Unreachable(m) => StripeApiError::Unreachable(blank(m)),
            StripeApiError::Refused { status, message } => StripeApiError::Refused {
                status,
                message: blank(message),
            },
            StripeApiError::BadAnswer(m) => StripeApiError::BadAnswer(blank(m)),
        }
    }
}

#[derive(Clone, Debug)]
pub struct StripeApi {
    http: reqwest::Client,
    base: String,
    key: Option<String>,
}

impl StripeApi {
    pub fn new(base: &str, key: Option<String>) -> StripeApi {
        StripeApi {
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(20))
                .build()
                .expect("a default HTTP client builds"),
            base: base.trim_end_matches('/').to_string(),
            key,
        }
    }

    pub fn configured(&self) -> bool {
        self.key.is_some()
    }

    /// Every line item of a Checkout Session as (price id, quantity). An error never names the
    /// session (Stripe's "No such checkout.session: 'cs_…'"): its id opens the success page's
    /// key, and errors are logged.
    pub async fn line_items(&self, session_id: &str) -> Result<Vec<(String, u64)>, StripeApiError> {
        self.all_line_items(session_id)
            .await
            .map_err(|e| e.without(session_id))
    }

    async fn all_line_items(&self, session_id: &str) -> Result<Vec<(String, u64)>, StripeApiError> {
        let key = self.key.as_deref().ok_or(StripeApiError::NotConfigured)?;
        let mut out = Vec::new();
        let mut starting_after: Option<String> = None;
        loop {
            let mut query = vec![("limit".to_string(), "100".to_string())];
            if let Some(after) = &starting_after {
                query.push(("starting_after".into(), after.clone()));
            }
            let url = format!(
                "{}/v1/checkout/sessions/{}/line_items",
                self.base,
                urlencode(session_id)
            );
            let page = self
                .answer(self.http.get(url).query(&query).bearer_auth(key))
                .await?;
            let data = page
                .get("data")
                .and_then(Value::as_array)
                .ok_or_else(|| StripeApiError::BadAnswer("no data list".into()))?;
            for item in data {
                let price = super::objects::id_of(item.get("price")).ok_or_else(|| {
                    StripeApiError::BadAnswer("a line item without a price".into())
                })?;
                let quantity = item.get("quantity").and_then(Value::as_u64).unwrap_or(1);
                out.push((price, quantity));
            }
            let more = page
                .get("has_more")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            match data
                .last()
                .and_then(|i| i.get("id"))
                .and_then(Value::as_str)
            {
                Some(last) if more => starting_after = Some(last.to_string()),
                _ => return Ok(out),
            }
        }
    }

    /// A billing portal session's URL for `customer`, coming back to `return_url`.
    pub async fn portal_session(
        &self,
        customer: &str,
        return_url: &str,
    ) -> Result<String, StripeApiError> {
        let key = self.key.as_deref().ok_or(StripeApiError::NotConfigured)?;
        let answer = self
            .answer(
                self.http
                    .post(format!("{}/v1/billing_portal/sessions", self.base))
                    .bearer_auth(key)
                    .form(&[("customer", customer), ("return_url", return_url)]),
            )
            .await?;
        answer
            .get("url")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| StripeApiError::BadAnswer("no url in the portal session".into()))
    }

    async fn answer(&self, request: reqwest::RequestBuilder) -> Result<Value, StripeApiError> {
        let response = request
            .send()
            .await
            .map_err(|e| StripeApiError::Unreachable(e.without_url().to_string()))?;
        let status = response.status();
        let body: Value = response
            .json()
            .await
            .map_err(|e| StripeApiError::BadAnswer(e.to_string()))?;
        if !status.is_success() {
            let message = super::objects::str_at(&body, &["error", "message"])
                .unwrap_or_else(|| "no message".into());
            return Err(StripeApiError::Refused {
                status: status.as_u16(),
                message,
            });
        }
        Ok(body)
    }
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
