//! Stripe webhooks against the real server over HTTP, signed exactly as Stripe signs them: what
//! subscriptions, Checkout, payments, refunds and one-time purchases do to licences, keys and
//! mail — on SQLite and (ignored unless run under scripts/with-postgres.sh) PostgreSQL. Delivery
//! itself (signatures, replays, order) is in `webhook_delivery.rs`.
mod common;

use common::fake_stripe::{self, FakeStripe};
use common::flows::{key_from_success_page, subscribe};
use common::stripe_events::*;
use common::{activate_body, code, Harness, TestDb};
use reqwest::StatusCode;
use serde_json::json;

on_both_databases!(
    deleted_cancels_the_licence,
    payment_failed_means_past_due_then_paid_restores,
    checkout_first_then_subscription_events,
    subscription_events_first_then_checkout,
    checkout_reads_line_items_from_the_stripe_api,
    unknown_events_are_acknowledged_and_ignored,
    the_older_api_shape_is_read_too,
);

async fn deleted_cancels_the_licence(db: TestDb) {
    let h = Harness::start(db).await;
    let t = now() - 100;
    let key = subscribe(&h, "sub_d", "cs_d", "price_pro_monthly", t).await;
    let (status, _) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::OK);
    h.send_event(&event(
        "evt_del",
        "customer.subscription.deleted",
        t + 50,
        subscription(
            "sub_d",
            "cus_sub_d",
            "canceled",
            &[("price_pro_monthly", 1)],
            t + 50,
            false,
        ),
    ))
    .await;
    assert_eq!(
        h.license_by_subscription("sub_d").await.unwrap().status,
        "canceled"
    );
    let (status, body) = h
        .post(
            "/v1/licenses/validate",
            &json!({"key": key, "fingerprint": common::fp(1)}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(code(&body), "EXPIRED");
    assert!(body["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("canceled"));
}

async fn payment_failed_means_past_due_then_paid_restores(db: TestDb) {
    let h = Harness::start(db).await;
    let t = now() - 1000;
    let key = subscribe(&h, "sub_p", "cs_p", "price_pro_monthly", t).await;
    h.send_event(&event(
        "evt_pf",
        "invoice.payment_failed",
        t + 10,
        invoice(
            "in_p",
            "cus_sub_p",
            "billing@example.com",
            "sub_p",
            false,
            t + 30 * 86_400,
        ),
    ))
    .await;
    let l = h.license_by_subscription("sub_p").await.unwrap();
    assert_eq!(l.status, "past_due");
    assert_eq!(l.past_due_since, Some(t + 10));
    let mail = h
        .outbox()
        .await
        .into_iter()
        .find(|m| m.kind == "payment_failed")
        .expect("mail queued");
    assert_eq!(mail.to_addr, "billing@example.com");
    assert!(mail.body.contains(&key[..10]) && !mail.body.contains(&key));
    // Past due still works, but the file must be refreshed from the failure on: the grace is
    // the payment grace.
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"]["status"], "past_due");
    assert_eq!(
        body["payload"]["refresh_by"],
        instagrowth_license_server::time::rfc3339(t + 10)
    );
    let later_end = t + 60 * 86_400;
    h.send_event(&event(
        "evt_paid",
        "invoice.paid",
        t + 20,
        invoice(
            "in_p",
            "cus_sub_p",
            "billing@example.com",
            "sub_p",
            true,
            later_end,
        ),
    ))
    .await;
    let l = h.license_by_subscription("sub_p").await.unwrap();
    assert_eq!(l.status, "active");
    assert_eq!(l.past_due_since, None);
    assert_eq!(l.current_period_end, Some(later_end));
}

async fn checkout_first_then_subscription_events(db: TestDb) {
    let h = Harness::start(db).await;
    let t = now();
    h.send_event(&event(
        "evt_cs1",
        "checkout.session.completed",
        t,
        checkout_subscription("cs_first", "cus_f", "first@example.com", "sub_f"),
    ))
    .await;
    // No API key: the plan comes with the subscription's events; until then the key is pending.
    let key = key_from_success_page(&h, "cs_first").await;
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(code(&body), "LICENSE_PENDING");
    h.send_event(&event(
        "evt_sc1",
        "customer.subscription.created",
        t,
        subscription(
            "sub_f",
            "cus_f",
            "active",
            &[("price_pro_monthly", 1)],
            t + 30 * 86_400,
            false,
        ),
    ))
    .await;
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"]["plan"], "pro");
    assert_eq!(body["payload"]["customer_email"], "first@example.com");
    // The key e-mail was queued once, to the Checkout e-mail.
    let mails: Vec<_> = h
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "purchase_key")
        .collect();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to_addr, "first@example.com");
    assert!(mails[0].body.contains(&key));
    assert!(
        mails[0]
            .body
            .contains(&format!("instagrowth://activate?key={key}")),
        "the e-mail's activation link opens the app with the key filled in"
    );
    // The success page shows the key once, then says it was e-mailed.
    let again = h
        .get("/v1/checkout/success?session_id=cs_first")
        .await
        .text()
        .await
        .unwrap();
    assert!(!again.contains(&key));
    assert!(again.contains("already shown") && again.contains(&key[..10]));
    let unknown = h
        .get("/v1/checkout/success?session_id=cs_nope")
        .await
        .text()
        .await
        .unwrap();
    assert!(unknown.contains("being processed"));
    // The key is stored only as its hash and prefix.
    let stored: Vec<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT key_hash, key_prefix FROM licenses")
            .fetch_all(h.db.pool())
            .await
            .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].1.as_deref(), Some(&key[..10]));
    assert_ne!(stored[0].0.as_deref(), Some(key.as_str()));
}

async fn subscription_events_first_then_checkout(db: TestDb) {
    let h = Harness::start(db).await;
    let t = now();
    h.send_event(&event(
        "evt_su",
        "customer.subscription.updated",
        t + 2,
        subscription(
            "sub_r",
            "cus_r",
            "active",
            &[("price_agency_monthly", 1), ("price_extra_clients_10", 2)],
            t + 30 * 86_400,
            false,
        ),
    ))
    .await;
    h.send_event(&event(
        "evt_sc",
        "customer.subscription.created",
        t,
        subscription(
            "sub_r",
            "cus_r",
            "incomplete",
            &[("price_agency_monthly", 1)],
            t + 30 * 86_400,
            false,
        ),
    ))
    .await;
    let l = h.license_by_subscription("sub_r").await.unwrap();
    assert!(l.key_hash.is_none(), "no key before Checkout");
    h.send_event(&event(
        "evt_cs",
        "checkout.session.completed",
        t + 1,
        checkout_subscription("cs_r", "cus_r", "late@example.com", "sub_r"),
    ))
    .await;
    let key = key_from_success_page(&h, "cs_r").await;
    assert_eq!(
        h.count("licenses").await,
        1,
        "both orders meet on one licence"
    );
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let p = &body["payload"];
    assert_eq!(p["plan"], "agency");
    assert_eq!(p["status"], "active");
    assert_eq!(p["entitlements"]["max_active_clients"], 60);
    assert_eq!(p["entitlements"]["add_ons"], json!(["extra_clients_10"]));
    assert_eq!(p["customer_email"], "late@example.com");
}

async fn checkout_reads_line_items_from_the_stripe_api(db: TestDb) {
    let stripe = FakeStripe::start().await;
    stripe.set_line_items(
        "cs_li",
        &[("price_pro_monthly", 1), ("price_extra_clients_10", 2)],
    );
    let h = Harness::start_with(db, |c| {
        c.stripe_api_key = Some(fake_stripe::API_KEY.into());
        c.stripe_api_base = stripe.base_url.clone();
    })
    .await;
    h.send_event(&event(
        "evt_li",
        "checkout.session.completed",
        now(),
        checkout_subscription("cs_li", "cus_li", "li@example.com", "sub_li"),
    ))
    .await;
    assert_eq!(stripe.inner.lock().unwrap().line_item_requests, 1);
    let key = key_from_success_page(&h, "cs_li").await;
    // The plan is known before any subscription event.
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"]["plan"], "pro");
    assert_eq!(body["payload"]["entitlements"]["max_active_clients"], 30);

    // A wrong API key: Stripe refuses; a payment-mode Checkout then fails (Stripe retries) and
    // stores nothing.
    let h2 = Harness::start_with(TestDb::sqlite(), |c| {
        c.stripe_api_key = Some("sk_test_wrong".into());
        c.stripe_api_base = stripe.base_url.clone();
    })
    .await;
    stripe.set_line_items("cs_pay_x", &[("price_report_single", 1)]);
    let (status, body) = h2
        .send_event(&event(
            "evt_px",
            "checkout.session.completed",
            now(),
            checkout_payment("cs_pay_x", Some("cus_x"), "x@example.com", "pi_x"),
        ))
        .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    assert_eq!(h2.count("stripe_events").await, 0);
}

async fn unknown_events_are_acknowledged_and_ignored(db: TestDb) {
    let h = Harness::start(db).await;
    let (status, answer) = h
        .send_event(&event(
            "evt_x",
            "customer.created",
            now(),
            json!({"id": "cus_x", "object": "customer", "email": "x@example.com"}),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["outcome"], "ignored");
    assert_eq!(h.count("customers").await, 0);
}

async fn the_older_api_shape_is_read_too(db: TestDb) {
    let h = Harness::start(db).await;
    let end = now() + 10 * 86_400;
    h.send_event(&event(
        "evt_old_shape",
        "customer.subscription.created",
        now(),
        subscription_old_shape("sub_v", "cus_v", "trialing", "price_starter_monthly", end),
    ))
    .await;
    let l = h.license_by_subscription("sub_v").await.unwrap();
    assert_eq!(l.current_period_end, Some(end));
    assert_eq!(
        (l.plan.as_deref(), l.status.as_str()),
        (Some("starter"), "trialing")
    );
    // An invoice in the older shape (subscription at the top) finds the licence too.
    let mut inv = invoice(
        "in_v",
        "cus_v",
        "v@example.com",
        "sub_v",
        true,
        end + 30 * 86_400,
    );
    inv.as_object_mut().unwrap().remove("parent");
    inv["subscription"] = json!("sub_v");
    h.send_event(&event("evt_inv_v", "invoice.paid", now() + 1, inv))
        .await;
    let l = h.license_by_subscription("sub_v").await.unwrap();
    assert_eq!(l.current_period_end, Some(end + 30 * 86_400));
    assert_eq!(l.status, "active");
}
