//! What the server reads from Stripe's JSON, tolerant of API versions: ids that may be expanded
//! objects, `current_period_end` on the subscription (before 2025-03-31.basil) or on each item
//! (since), an invoice's subscription at the top (before basil) or under
//! `parent.subscription_details` (since). Everything else in an event is ignored.
use instagrowth_license::{Catalog, CatalogItem, LicenseStatus};
use serde_json::Value;

use crate::queries::licenses::Items;

/// The envelope of every event.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub event_type: String,
    pub created: i64,
    pub object: Value,
}

impl Event {
    pub fn parse(body: &[u8]) -> Result<Event, String> {
        let v: Value =
            serde_json::from_slice(body).map_err(|e| format!("the body is not JSON: {e}"))?;
        let id = str_at(&v, &["id"]).ok_or("the event has no id")?;
        let event_type = str_at(&v, &["type"]).ok_or("the event has no type")?;
        let created = v
            .get("created")
            .and_then(Value::as_i64)
            .ok_or("the event has no created time")?;
        let object = v
            .pointer("/data/object")
            .cloned()
            .ok_or("the event has no data.object")?;
        Ok(Event {
            id,
            event_type,
            created,
            object,
        })
    }

    /// The id of the object the event is about.
    pub fn object_id(&self) -> Option<String> {
        id_of(self.object.get("id"))
    }
}

/// A string at a path of keys.
pub fn str_at(v: &Value, path: &[&str]) -> Option<String> {
    let mut cur = v;
    for key in path {
        cur = cur.get(key)?;
    }
    cur.as_str().map(str::to_string)
}

/// An id that may be a string or an expanded object with an `id`.
pub fn id_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// Stripe's subscription status as a licence status.
pub fn subscription_status(stripe: &str) -> LicenseStatus {
    match stripe {
        "active" => LicenseStatus::Active,
        "trialing" => LicenseStatus::Trialing,
        "past_due" => LicenseStatus::PastDue,
        "canceled" => LicenseStatus::Canceled,
        "incomplete_expired" => LicenseStatus::Expired,
        // incomplete (first payment pending), unpaid (retries exhausted), paused: no use.
        _ => LicenseStatus::Suspended,
    }
}

/// A subscription object's items: plan, add-ons (price → catalogue), period end, cancellation.
pub fn subscription_items(sub: &Value, catalog: &Catalog) -> Items {
    let mut prices = Vec::new();
    let mut item_period_end: Option<i64> = None;
    for item in sub
        .pointer("/items/data")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let quantity = item.get("quantity").and_then(Value::as_u64).unwrap_or(1);
        if let Some(price) = id_of(item.get("price")).or_else(|| id_of(item.get("plan"))) {
            prices.push((price, quantity));
        }
        if let Some(end) = item.get("current_period_end").and_then(Value::as_i64) {
            item_period_end = Some(item_period_end.map_or(end, |e: i64| e.max(end)));
        }
    }
    let (plan, add_ons) = classify(&prices, catalog);
    Items {
        plan,
        add_ons,
        current_period_end: sub
            .get("current_period_end")
            .and_then(Value::as_i64)
            .or(item_period_end),
        cancel_at_period_end: sub.get("cancel_at_period_end").and_then(Value::as_bool),
    }
}

/// Prices with quantities → the plan (the first plan price) and add-ons; one-time prices and
/// prices the catalogue does not sell are left out (and logged).
pub fn classify(
    prices: &[(String, u64)],
    catalog: &Catalog,
) -> (Option<String>, Vec<(String, u32)>) {
    let mut plan = None;
    let mut add_ons = Vec::new();
    for (price, quantity) in prices {
        let quantity = u32::try_from(*quantity).unwrap_or(u32::MAX);
        match catalog.item_for_price(price) {
            Some(CatalogItem::Plan(id)) if plan.is_none() => plan = Some(id),
            Some(CatalogItem::AddOn(id)) => add_ons.push((id, quantity)),
            Some(other) => {
                tracing::warn!(price, item = other.id(), "price ignored on a subscription")
            }
            None => tracing::warn!(price, "a Stripe price the catalogue does not list"),
        }
    }
    (plan, add_ons)
}

/// One-time products in a list of prices with quantities.
pub fn one_time_products(prices: &[(String, u64)], catalog: &Catalog) -> Vec<(String, u32)> {
    prices
        .iter()
        .filter_map(|(price, quantity)| match catalog.item_for_price(price) {
            Some(CatalogItem::OneTime(id)) => {
                Some((id, u32::try_from(*quantity).unwrap_or(u32::MAX)))
            }
            _ => {
                tracing::warn!(price, "not a one-time product in the catalogue");
                None
            }
        })
        .collect()
}

/// The subscription an invoice belongs to (basil and before).
pub fn invoice_subscription(invoice: &Value) -> Option<String> {
    id_of(invoice.pointer("/parent/subscription_details/subscription"))
        .or_else(|| id_of(invoice.get("subscription")))
}

/// The latest period end among an invoice's lines.
pub fn invoice_period_end(invoice: &Value) -> Option<i64> {
    invoice
        .pointer("/lines/data")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|line| line.pointer("/period/end").and_then(Value::as_i64))
        .max()
}

/// The order of event types on one object, for events in the same second.
pub fn type_rank(event_type: &str) -> i64 {
    match event_type {
        "customer.subscription.created" | "invoice.payment_failed" => 1,
        "customer.subscription.updated" | "invoice.paid" => 2,
        "customer.subscription.deleted" => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use instagrowth_license::default_catalog;
    use serde_json::json;

    #[test]
    fn items_read_both_api_versions() {
        let old = json!({"current_period_end": 100, "cancel_at_period_end": false,
            "items": {"data": [{"price": {"id": "price_pro_monthly"}, "quantity": 1},
                               {"price": {"id": "price_extra_clients_10"}, "quantity": 2}]}});
        let items = subscription_items(&old, default_catalog());
        assert_eq!(items.plan.as_deref(), Some("pro"));
        assert_eq!(items.add_ons, vec![("extra_clients_10".to_string(), 2)]);
        assert_eq!(items.current_period_end, Some(100));
        assert_eq!(items.cancel_at_period_end, Some(false));
        let basil = json!({"items": {"data": [{"price": {"id": "price_agency_monthly"},
            "quantity": 1, "current_period_end": 200}]}});
        let items = subscription_items(&basil, default_catalog());
        assert_eq!(items.plan.as_deref(), Some("agency"));
        assert_eq!(items.current_period_end, Some(200));
        assert_eq!(items.cancel_at_period_end, None);
    }

    #[test]
    fn invoices_name_their_subscription_either_way() {
        let basil = json!({"parent": {"subscription_details": {"subscription": "sub_1"}}});
        assert_eq!(invoice_subscription(&basil).as_deref(), Some("sub_1"));
        let old = json!({"subscription": {"id": "sub_2"}});
        assert_eq!(invoice_subscription(&old).as_deref(), Some("sub_2"));
        assert_eq!(invoice_subscription(&json!({"subscription": null})), None);
    }

    #[test]
    fn statuses_map_to_licence_statuses() {
        assert_eq!(subscription_status("past_due"), LicenseStatus::PastDue);
        assert_eq!(subscription_status("unpaid"), LicenseStatus::Suspended);
        assert_eq!(
            subscription_status("incomplete_expired"),
            LicenseStatus::Expired
        );
        assert_eq!(subscription_status("canceled"), LicenseStatus::Canceled);
    }
}
