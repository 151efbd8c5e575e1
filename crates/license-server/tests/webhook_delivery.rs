//! Stripe webhook delivery against the real server over HTTP: signatures (a bad one stores
//! nothing; Stripe's second `v1` may be the right one), replays, and events out of order — on
//! SQLite and (ignored unless run under scripts/with-postgres.sh) PostgreSQL. What the events do
//! to licences is in `webhooks.rs`.
mod common;

use common::stripe_events::*;
use common::{code, Harness, TestDb, WEBHOOK_SECRET};
use instagrowth_license_server::stripe::signature;
use reqwest::StatusCode;

on_both_databases!(
    bad_signatures_store_nothing,
    a_second_v1_value_may_be_the_right_one,
    a_replayed_event_has_no_second_effect,
    updated_before_created_converges,
    an_older_event_after_a_newer_one_is_ignored,
);

async fn bad_signatures_store_nothing(db: TestDb) {
    let h = Harness::start(db).await;
    let e = event(
        "evt_bad",
        "customer.subscription.created",
        now(),
        subscription(
            "sub_bad",
            "cus_1",
            "active",
            &[("price_pro_monthly", 1)],
            now() + 86_400,
            false,
        ),
    );
    let body = serde_json::to_vec(&e).unwrap();
    let t = now();
    let cases = [
        (
            "wrong secret",
            Some(signature::sign(&body, "whsec_wrong", t)),
        ),
        (
            "stale timestamp",
            Some(signature::sign(&body, WEBHOOK_SECRET, t - 301)),
        ),
        (
            "future timestamp",
            Some(signature::sign(&body, WEBHOOK_SECRET, t + 400)),
        ),
        ("missing header", None),
        (
            "v0 only",
            Some(signature::sign(&body, WEBHOOK_SECRET, t).replace("v1=", "v0=")),
        ),
    ];
    for (what, header) in cases {
        let (status, answer) = h.send_raw(body.clone(), header).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what}");
        assert_eq!(code(&answer), "SIGNATURE_INVALID", "{what}");
    }
    // The signature covers the raw bytes: the same JSON with different spacing does not verify.
    let header = signature::sign(&body, WEBHOOK_SECRET, t);
    let respaced = serde_json::to_vec_pretty(&e).unwrap();
    let (status, _) = h.send_raw(respaced, Some(header)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(h.count("stripe_events").await, 0);
    assert_eq!(h.count("licenses").await, 0);
    // And the right signature goes through.
    let (status, answer) = h.send_event(&e).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["outcome"], "applied");
    assert_eq!(h.count("stripe_events").await, 1);
}

async fn a_second_v1_value_may_be_the_right_one(db: TestDb) {
    let h = Harness::start(db).await;
    let e = event(
        "evt_rot",
        "customer.subscription.created",
        now(),
        subscription(
            "sub_rot",
            "cus_1",
            "active",
            &[("price_pro_monthly", 1)],
            now() + 86_400,
            false,
        ),
    );
    let body = serde_json::to_vec(&e).unwrap();
    let t = now();
    let old = signature::sign(&body, "whsec_previous", t);
    let new = signature::sign(&body, WEBHOOK_SECRET, t);
    let header = format!("{},{}", old, new.split_once(',').unwrap().1);
    assert_eq!(header.matches("v1=").count(), 2);
    let (status, answer) = h.send_raw(body, Some(header)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(
        h.license_by_subscription("sub_rot")
            .await
            .unwrap()
            .plan
            .as_deref(),
        Some("pro")
    );
}

async fn a_replayed_event_has_no_second_effect(db: TestDb) {
    let h = Harness::start(db).await;
    let t = now();
    let failed = event(
        "evt_fail_1",
        "invoice.payment_failed",
        t,
        invoice(
            "in_1",
            "cus_1",
            "ana@example.com",
            "sub_1",
            false,
            t + 86_400,
        ),
    );
    let (s1, a1) = h.send_event(&failed).await;
    let (s2, a2) = h.send_event(&failed).await;
    assert_eq!((s1, s2), (StatusCode::OK, StatusCode::OK));
    assert_eq!(a1["outcome"], "applied");
    assert_eq!(a2["outcome"], "duplicate");
    let mails: Vec<_> = h
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == "payment_failed")
        .collect();
    assert_eq!(mails.len(), 1, "one e-mail however often Stripe delivers");
    assert_eq!(h.count("stripe_events").await, 1);
}

async fn updated_before_created_converges(db: TestDb) {
    let h = Harness::start(db).await;
    let t = now();
    let end = t + 30 * 86_400;
    let created = event(
        "evt_c",
        "customer.subscription.created",
        t,
        subscription(
            "sub_o",
            "cus_o",
            "incomplete",
            &[("price_pro_monthly", 1)],
            end,
            false,
        ),
    );
    let updated = event(
        "evt_u",
        "customer.subscription.updated",
        t + 1,
        subscription(
            "sub_o",
            "cus_o",
            "active",
            &[("price_agency_monthly", 1)],
            end,
            false,
        ),
    );
    let (_, a) = h.send_event(&updated).await;
    assert_eq!(a["outcome"], "applied");
    let (_, a) = h.send_event(&created).await;
    assert_eq!(a["outcome"], "stale");
    let l = h.license_by_subscription("sub_o").await.unwrap();
    assert_eq!(l.plan.as_deref(), Some("agency"));
    assert_eq!(l.status, "active");
    assert_eq!(l.current_period_end, Some(end));
    assert_eq!(l.stripe_customer_id.as_deref(), Some("cus_o"));

    // Same second: `created` ranks before `updated`, so it cannot undo it either.
    let u2 = event(
        "evt_u2",
        "customer.subscription.updated",
        t + 5,
        subscription(
            "sub_s",
            "cus_s",
            "active",
            &[("price_pro_monthly", 1)],
            end,
            false,
        ),
    );
    let c2 = event(
        "evt_c2",
        "customer.subscription.created",
        t + 5,
        subscription(
            "sub_s",
            "cus_s",
            "incomplete",
            &[("price_starter_monthly", 1)],
            end,
            false,
        ),
    );
    h.send_event(&u2).await;
    let (_, a) = h.send_event(&c2).await;
    assert_eq!(a["outcome"], "stale");
    let l = h.license_by_subscription("sub_s").await.unwrap();
    assert_eq!(
        (l.plan.as_deref(), l.status.as_str()),
        (Some("pro"), "active")
    );
}

async fn an_older_event_after_a_newer_one_is_ignored(db: TestDb) {
    let h = Harness::start(db).await;
    let t = now();
    let end = t + 30 * 86_400;
    let newer = event(
        "evt_n",
        "customer.subscription.updated",
        t + 10,
        subscription(
            "sub_n",
            "cus_n",
            "active",
            &[("price_agency_monthly", 1), ("price_white_label", 1)],
            end,
            true,
        ),
    );
    let older = event(
        "evt_old",
        "customer.subscription.updated",
        t + 5,
        subscription(
            "sub_n",
            "cus_n",
            "past_due",
            &[("price_pro_monthly", 1)],
            end - 86_400,
            false,
        ),
    );
    h.send_event(&newer).await;
    let (status, a) = h.send_event(&older).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(a["outcome"], "stale");
    let l = h.license_by_subscription("sub_n").await.unwrap();
    assert_eq!(l.plan.as_deref(), Some("agency"));
    assert_eq!(l.status, "active");
    assert_eq!(l.add_on_list(), vec![("white_label".to_string(), 1)]);
    assert_eq!(l.cancel_at_period_end, 1);
    assert_eq!(l.current_period_end, Some(end));
    // An invoice event older than the subscription's status does not change it either.
    let old_failure = event(
        "evt_f_old",
        "invoice.payment_failed",
        t + 1,
        invoice("in_old", "cus_n", "ana@example.com", "sub_n", false, end),
    );
    h.send_event(&old_failure).await;
    assert_eq!(
        h.license_by_subscription("sub_n").await.unwrap().status,
        "active"
    );
}
