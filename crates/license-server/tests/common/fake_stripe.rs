//! A local stand-in for the two Stripe API calls the server makes, speaking Stripe's wire format:
//! `GET /v1/checkout/sessions/{id}/line_items` (a `list` of `item`s with `price` and
//! `quantity`) and `POST /v1/billing_portal/sessions` (form-encoded `customer`, `return_url` →
//! a `billing_portal.session`), both behind `Authorization: Bearer <secret key>`, with Stripe's
//! error bodies for a bad key (401) and an unknown session (404).
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use serde_json::{json, Value};

pub const API_KEY: &str = "sk_test_fake_51Hx0123456789";

#[derive(Default)]
pub struct Inner {
    /// Session id → line items (price, quantity).
    pub line_items: HashMap<String, Vec<(String, u64)>>,
    /// Every portal request's form.
    pub portal_requests: Vec<HashMap<String, String>>,
    pub line_item_requests: usize,
}

#[derive(Clone, Default)]
pub struct FakeStripe {
    pub inner: Arc<Mutex<Inner>>,
    pub base_url: String,
}

impl FakeStripe {
    pub async fn start() -> FakeStripe {
        let inner: Arc<Mutex<Inner>> = Arc::default();
        let app = Router::new()
            .route("/v1/checkout/sessions/{id}/line_items", get(line_items))
            .route("/v1/billing_portal/sessions", post(portal))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        FakeStripe {
            inner,
            base_url: format!("http://{addr}"),
        }
    }

    pub fn set_line_items(&self, session: &str, items: &[(&str, u64)]) {
        self.inner.lock().unwrap().line_items.insert(
            session.to_string(),
            items.iter().map(|(p, q)| (p.to_string(), *q)).collect(),
        );
    }
}

fn unauthorized(headers: &HeaderMap) -> Option<(StatusCode, Json<Value>)> {
    let ok = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bearer {API_KEY}"));
    (!ok).then(|| {
        (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": {
                "message": "Invalid API Key provided: sk_test_****",
                "type": "invalid_request_error",
            }})),
        )
    })
}

async fn line_items(
    State(inner): State<Arc<Mutex<Inner>>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> (StatusCode, Json<Value>) {
    if let Some(refusal) = unauthorized(&headers) {
        return refusal;
    }
    let mut inner = inner.lock().unwrap();
    inner.line_item_requests += 1;
    let Some(items) = inner.line_items.get(&id) else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"error": {
                "code": "resource_missing",
                "message": format!("No such checkout.session: '{id}'"),
                "param": "id",
                "type": "invalid_request_error",
            }})),
        );
    };
    let data: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(n, (price, quantity))| {
            json!({
                "id": format!("li_{id}_{n}"),
                "object": "item",
                "amount_discount": 0,
                "amount_subtotal": 900,
                "amount_tax": 0,
                "amount_total": 900,
                "currency": "usd",
                "description": "InstaGrowth OS",
                "price": { "id": price, "object": "price", "currency": "usd", "unit_amount": 900, "product": format!("prod_{price}") },
                "quantity": quantity,
            })
        })
        .collect();
    (
        StatusCode::OK,
        Json(json!({
            "object": "list",
            "data": data,
            "has_more": false,
            "url": format!("/v1/checkout/sessions/{id}/line_items"),
        })),
    )
}

async fn portal(
    State(inner): State<Arc<Mutex<Inner>>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if let Some(refusal) = unauthorized(&headers) {
        return refusal;
    }
    let customer = form.get("customer").cloned().unwrap_or_default();
    let return_url = form.get("return_url").cloned();
    inner.lock().unwrap().portal_requests.push(form);
    (
        StatusCode::OK,
        Json(json!({
            "id": "bps_1TestPortal",
            "object": "billing_portal.session",
            "configuration": "bpc_1Test",
            "created": 1_767_225_600,
            "customer": customer,
            "livemode": false,
            "locale": null,
            "on_behalf_of": null,
            "return_url": return_url,
            "url": format!("https://billing.stripe.com/p/session/test_{customer}"),
        })),
    )
}
