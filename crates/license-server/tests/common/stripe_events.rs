//! Stripe events in the shapes of Stripe's API reference (API version 2025-03-31.basil unless a
//! test asks for the older shape): the `event` envelope around a `checkout.session`, a
//! `subscription` with `items.data[].price` and per-item periods, an `invoice` with
//! `parent.subscription_details`, a `charge`.
use serde_json::{json, Value};

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

pub fn event(id: &str, event_type: &str, created: i64, object: Value) -> Value {
    json!({
        "id": id,
        "object": "event",
        "api_version": "2025-03-31.basil",
        "created": created,
        "data": { "object": object, "previous_attributes": {} },
        "livemode": false,
        "pending_webhooks": 1,
        "request": { "id": null, "idempotency_key": null },
        "type": event_type,
    })
}

/// A subscription with `items` as (price id, quantity), each item's period ending `period_end`.
pub fn subscription(
    id: &str,
    customer: &str,
    status: &str,
    items: &[(&str, u64)],
    period_end: i64,
    cancel_at_period_end: bool,
) -> Value {
    let data: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(n, (price, quantity))| {
            json!({
                "id": format!("si_{id}_{n}"),
                "object": "subscription_item",
                "created": period_end - 30 * 86_400,
                "current_period_start": period_end - 30 * 86_400,
                "current_period_end": period_end,
                "metadata": {},
                "price": {
                    "id": price,
                    "object": "price",
                    "active": true,
                    "currency": "usd",
                    "product": format!("prod_{price}"),
                    "recurring": { "interval": "month", "interval_count": 1, "usage_type": "licensed" },
                    "type": "recurring",
                    "unit_amount": 4900,
                },
                "quantity": quantity,
                "subscription": id,
            })
        })
        .collect();
    json!({
        "id": id,
        "object": "subscription",
        "cancel_at_period_end": cancel_at_period_end,
        "canceled_at": null,
        "collection_method": "charge_automatically",
        "created": period_end - 30 * 86_400,
        "currency": "usd",
        "customer": customer,
        "items": { "object": "list", "data": data, "has_more": false, "url": format!("/v1/subscription_items?subscription={id}") },
        "latest_invoice": format!("in_{id}"),
        "livemode": false,
        "metadata": {},
        "status": status,
    })
}

/// The same subscription in the pre-basil shape: `current_period_end` on the subscription.
pub fn subscription_old_shape(
    id: &str,
    customer: &str,
    status: &str,
    price: &str,
    period_end: i64,
) -> Value {
    let mut s = subscription(id, customer, status, &[(price, 1)], period_end, false);
    s["current_period_end"] = json!(period_end);
    s["items"]["data"][0]
        .as_object_mut()
        .unwrap()
        .remove("current_period_end");
    s
}

pub fn checkout_subscription(session: &str, customer: &str, email: &str, sub: &str) -> Value {
    json!({
        "id": session,
        "object": "checkout.session",
        "amount_subtotal": 4900,
        "amount_total": 4900,
        "cancel_url": "https://example.test/cancel",
        "client_reference_id": null,
        "currency": "usd",
        "customer": customer,
        "customer_details": { "email": email, "name": "Ana Lima", "phone": null, "tax_exempt": "none", "tax_ids": [] },
        "customer_email": null,
        "livemode": false,
        "metadata": {},
        "mode": "subscription",
        "payment_intent": null,
        "payment_status": "paid",
        "status": "complete",
        "subscription": sub,
        "success_url": "https://licences.example.test/v1/checkout/success?session_id={CHECKOUT_SESSION_ID}",
    })
}

pub fn checkout_payment(
    session: &str,
    customer: Option<&str>,
    email: &str,
    payment_intent: &str,
) -> Value {
    let mut s = checkout_subscription(session, customer.unwrap_or(""), email, "");
    s["mode"] = json!("payment");
    s["subscription"] = Value::Null;
    s["customer"] = customer.map_or(Value::Null, |c| json!(c));
    s["payment_intent"] = json!(payment_intent);
    s["amount_total"] = json!(900);
    s
}

/// An invoice of `sub` (basil: under `parent.subscription_details`).
pub fn invoice(
    id: &str,
    customer: &str,
    email: &str,
    sub: &str,
    paid: bool,
    period_end: i64,
) -> Value {
    json!({
        "id": id,
        "object": "invoice",
        "amount_due": 4900,
        "amount_paid": if paid { 4900 } else { 0 },
        "amount_remaining": if paid { 0 } else { 4900 },
        "attempt_count": 1,
        "billing_reason": "subscription_cycle",
        "collection_method": "charge_automatically",
        "currency": "usd",
        "customer": customer,
        "customer_email": email,
        "lines": { "object": "list", "has_more": false, "data": [{
            "id": format!("il_{id}"),
            "object": "line_item",
            "amount": 4900,
            "currency": "usd",
            "period": { "start": period_end - 30 * 86_400, "end": period_end },
            "quantity": 1,
        }]},
        "livemode": false,
        "parent": {
            "type": "subscription_details",
            "quote_details": null,
            "subscription_details": { "metadata": {}, "subscription": sub },
        },
        "status": if paid { "paid" } else { "open" },
    })
}

pub fn charge_refunded(id: &str, payment_intent: &str) -> Value {
    json!({
        "id": id,
        "object": "charge",
        "amount": 900,
        "amount_captured": 900,
        "amount_refunded": 900,
        "captured": true,
        "currency": "usd",
        "paid": true,
        "payment_intent": payment_intent,
        "refunded": true,
        "status": "succeeded",
    })
}
