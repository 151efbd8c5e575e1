//! One-time purchases against the real server over HTTP, with a fake Stripe API for the line
//! items: which licence a purchase lands on (a proven licence, the same Stripe customer, else a
//! new licence — never a typed e-mail alone), and what a refund takes back (that purchase's
//! credits, nothing else) — on SQLite and (ignored unless asked) PostgreSQL.
mod common;

use common::fake_stripe::{self, FakeStripe};
use common::flows::{key_from_success_page, subscribe};
use common::stripe_events::*;
use common::{activate_body, fp, Harness, TestDb};
use instagrowth_license::{buy_more_reference, parse_purchase_key};
use reqwest::StatusCode;
use serde_json::{json, Value};

on_both_databases!(
    a_refunded_first_purchase_leaves_its_licence_alone,
    a_purchase_by_the_same_stripe_customer_adds_credits,
    a_refund_takes_back_the_purchase_and_nothing_else,
    an_email_match_alone_makes_a_new_licence,
    a_proven_licence_gets_the_purchase,
);

async fn with_stripe(db: TestDb) -> (Harness, FakeStripe) {
    let stripe = FakeStripe::start().await;
    let base = stripe.base_url.clone();
    let h = Harness::start_with(db, move |c| {
        c.stripe_api_key = Some(fake_stripe::API_KEY.into());
        c.stripe_api_base = base;
    })
    .await;
    (h, stripe)
}

/// The app's "buy more" reference for the licence of `key`.
async fn reference_for(h: &Harness, key: &str) -> String {
    let id = h.license_by_key(key).await.id;
    buy_more_reference(&parse_purchase_key(key).unwrap(), &id)
}

async fn validate(h: &Harness, key: &str) -> (StatusCode, Value) {
    h.post(
        "/v1/licenses/validate",
        &json!({"key": key, "fingerprint": fp(1)}),
    )
    .await
}

/// Stripe delivers `session` (a completed Checkout Session) as event `evt_<its id>`; answered 200.
async fn completed(h: &Harness, session: Value) {
    let id = format!("evt_{}", session["id"].as_str().unwrap());
    let (status, body) = h
        .send_event(&event(&id, "checkout.session.completed", now(), session))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// Stripe delivers the refund of `payment_intent` (charge `charge`); answered 200.
async fn refunded(h: &Harness, charge: &str, payment_intent: &str) {
    let id = format!("evt_{charge}");
    let (status, body) = h
        .send_event(&event(
            &id,
            "charge.refunded",
            now(),
            charge_refunded(charge, payment_intent),
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn kinds_to(h: &Harness, kind: &str) -> Vec<String> {
    h.outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == kind)
        .map(|m| m.to_addr)
        .collect()
}

async fn a_refunded_first_purchase_leaves_its_licence_alone(db: TestDb) {
    let (h, stripe) = with_stripe(db).await;
    stripe.set_line_items("cs_one", &[("price_report_single", 2)]);
    completed(
        &h,
        checkout_payment("cs_one", None, "once@example.com", "pi_one"),
    )
    .await;
    let key = key_from_success_page(&h, "cs_one").await;
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"]["plan"], "trial");
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([{"kind": "audit_report", "count": 2}])
    );
    assert!(
        body["payload"]["expires_at"].is_string(),
        "a one-time licence ends"
    );

    refunded(&h, "ch_1", "pi_one").await;
    // The credits go; the licence stays what it was: revoking is the operator's decision.
    let l = h.license_by_key(&key).await;
    assert_eq!((l.status.as_str(), l.hold.as_deref()), ("active", None));
    let (status, body) = validate(&h, &key).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([])
    );
    assert_eq!(
        kinds_to(&h, "purchase_refunded").await,
        vec!["once@example.com".to_string()]
    );
}

async fn a_purchase_by_the_same_stripe_customer_adds_credits(db: TestDb) {
    let (h, stripe) = with_stripe(db).await;
    stripe.set_line_items("cs_extra", &[("price_content_pack", 3)]);
    let t = now() - 100;
    let key = subscribe(&h, "sub_e", "cs_e", "price_pro_monthly", t).await;
    completed(
        &h,
        checkout_payment("cs_extra", Some("cus_sub_e"), "ana@example.com", "pi_extra"),
    )
    .await;
    assert_eq!(
        h.count("licenses").await,
        1,
        "credits go to the subscriber's licence"
    );
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([{"kind": "content_pack", "count": 3}])
    );
    // A refund removes the credits and leaves the subscription alone.
    refunded(&h, "ch_2", "pi_extra").await;
    let (_, body) = validate(&h, &key).await;
    assert_eq!(body["payload"]["status"], "active");
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([])
    );
}

async fn a_refund_takes_back_the_purchase_and_nothing_else(db: TestDb) {
    let (h, stripe) = with_stripe(db).await;
    stripe.set_line_items("cs_hand", &[("price_report_single", 2)]);
    stripe.set_line_items("cs_hand2", &[("price_content_pack", 1)]);
    // A licence issued by hand (no subscription), with an add-on of its own.
    let key = h
        .issue("pro", &[("extra_clients_10".to_string(), 1)], None)
        .await;
    let reference = reference_for(&h, &key).await;
    for (n, session) in ["cs_hand", "cs_hand2"].into_iter().enumerate() {
        let mut s = checkout_payment(session, None, "ana@example.com", &format!("pi_hand{n}"));
        s["client_reference_id"] = json!(reference);
        completed(&h, s).await;
    }
    assert_eq!(h.count("licenses").await, 1);
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([{"kind": "audit_report", "count": 2}, {"kind": "content_pack", "count": 1}])
    );
    refunded(&h, "ch_hand", "pi_hand0").await;
    // Exactly that purchase's credits go; the plan, the add-on, the other purchase and the
    // licence's status stay.
    let (status, body) = validate(&h, &key).await;
    assert_eq!(status, StatusCode::OK, "the licence is not revoked: {body}");
    let p = &body["payload"];
    assert_eq!(
        (p["status"].as_str(), p["plan"].as_str()),
        (Some("active"), Some("pro"))
    );
    assert_eq!(
        p["entitlements"]["one_time_credits"],
        json!([{"kind": "content_pack", "count": 1}])
    );
    assert_eq!(p["entitlements"]["max_active_clients"], 20);
    assert_eq!(p["entitlements"]["add_ons"], json!(["extra_clients_10"]));
    // Refunding the other purchase too leaves a licence issued by hand as it was issued.
    refunded(&h, "ch_hand2", "pi_hand1").await;
    let (status, body) = validate(&h, &key).await;
    assert_eq!(status, StatusCode::OK, "the licence is not revoked: {body}");
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([])
    );
    assert_eq!(body["payload"]["entitlements"]["max_active_clients"], 20);
    let l = h.license_by_key(&key).await;
    assert_eq!((l.status.as_str(), l.hold.as_deref()), ("active", None));
    assert_eq!(
        kinds_to(&h, "purchase_refunded").await,
        vec!["ana@example.com".to_string(), "ana@example.com".to_string()]
    );
}

async fn an_email_match_alone_makes_a_new_licence(db: TestDb) {
    let (h, stripe) = with_stripe(db).await;
    stripe.set_line_items("cs_victim", &[("price_content_pack", 2)]);
    // Someone subscribes typing another person's e-mail address…
    h.send_event(&event(
        "evt_cs_mallory",
        "checkout.session.completed",
        now() - 60,
        checkout_subscription(
            "cs_mallory",
            "cus_mallory",
            "vera@example.com",
            "sub_mallory",
        ),
    ))
    .await;
    h.send_event(&event(
        "evt_sub_mallory",
        "customer.subscription.created",
        now() - 60,
        subscription(
            "sub_mallory",
            "cus_mallory",
            "active",
            &[("price_pro_monthly", 1)],
            now() + 30 * 86_400,
            false,
        ),
    ))
    .await;
    let mallory = key_from_success_page(&h, "cs_mallory").await;
    // …and that person buys credits as a guest, with her own address.
    completed(
        &h,
        checkout_payment("cs_victim", None, "vera@example.com", "pi_victim"),
    )
    .await;
    assert_eq!(h.count("licenses").await, 2, "a new licence for the buyer");
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&mallory, 1))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([]),
        "the other subscriber gets nothing"
    );
    let vera = key_from_success_page(&h, "cs_victim").await;
    assert_ne!(vera, mallory);
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&vera, 2))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([{"kind": "content_pack", "count": 2}])
    );
    // Both keys are mailed to the address typed, each once.
    assert_eq!(
        kinds_to(&h, "purchase_key").await,
        vec![
            "vera@example.com".to_string(),
            "vera@example.com".to_string()
        ]
    );
}

async fn a_proven_licence_gets_the_purchase(db: TestDb) {
    let (h, stripe) = with_stripe(db).await;
    for s in ["cs_ref", "cs_meta", "cs_forged", "cs_junk"] {
        stripe.set_line_items(s, &[("price_report_single", 1)]);
    }
    let key = subscribe(&h, "sub_p", "cs_p", "price_pro_monthly", now() - 100).await;
    let reference = reference_for(&h, &key).await;
    // A guest checkout (another Stripe customer, another e-mail) through the app's link.
    let mut s = checkout_payment("cs_ref", Some("cus_guest"), "else@example.com", "pi_ref");
    s["client_reference_id"] = json!(reference);
    completed(&h, s).await;
    // The same reference in the session's metadata (a Checkout Session made through the API).
    let mut s = checkout_payment("cs_meta", None, "else@example.com", "pi_meta");
    s["metadata"] = json!({ "instagrowth_license_ref": reference });
    completed(&h, s).await;
    assert_eq!(h.count("licenses").await, 1);
    let (_, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([{"kind": "audit_report", "count": 2}])
    );
    // A reference naming the licence with a made-up proof, and junk: no proof, so a new
    // licence each — never an error that would lose the purchase.
    let id = h.license_by_key(&key).await.id;
    for (session, r) in [
        ("cs_forged", format!("igl1_{id}_{}", "0".repeat(32))),
        ("cs_junk", "not-a-reference".to_string()),
    ] {
        let mut s = checkout_payment(session, None, "ana@example.com", &format!("pi_{session}"));
        s["client_reference_id"] = json!(r);
        completed(&h, s).await;
    }
    assert_eq!(h.count("licenses").await, 3);
    let (_, body) = validate(&h, &key).await;
    assert_eq!(
        body["payload"]["entitlements"]["one_time_credits"],
        json!([{"kind": "audit_report", "count": 2}])
    );
}
