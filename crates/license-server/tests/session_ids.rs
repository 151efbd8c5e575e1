//! A Checkout session id unseals the once-only key page, so it is kept out of the database's rows
//! and out of every log line, at every level — through the webhook (also when Stripe's API
//! refuses it), the success page, and request tracing. Its own test binary: it installs the
//! global log subscriber.
mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use common::fake_stripe::{self, FakeStripe};
use common::stripe_events::*;
use common::{Harness, TestDb};
use reqwest::StatusCode;

on_both_databases!(session_ids_stay_out_of_rows_and_logs);

#[derive(Clone)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Everything logged so far by this test binary, at every level.
fn logs() -> Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        let captured = Captured(Arc::default());
        let writer = captured.clone();
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .init();
        captured
    })
    .clone()
}

async fn session_ids_stay_out_of_rows_and_logs(db: TestDb) {
    let logs = logs();
    let run = uuid::Uuid::new_v4().simple().to_string();
    let paid = format!("cs_test_a1Paid{run}");
    let sub = format!("cs_test_b1Sub{run}");
    let missing = format!("cs_test_c1Missing{run}");
    let stripe = FakeStripe::start().await;
    stripe.set_line_items(&paid, &[("price_report_single", 1)]);
    let base = stripe.base_url.clone();
    let h = Harness::start_with(db, move |c| {
        c.stripe_api_key = Some(fake_stripe::API_KEY.into());
        c.stripe_api_base = base;
    })
    .await;
    let (status, body) = h
        .send_event(&event(
            &format!("evt_p{run}"),
            "checkout.session.completed",
            now(),
            checkout_payment(&paid, None, "p@example.com", &format!("pi_{run}")),
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Stripe does not know these sessions: a warning for the subscription, an error (and a
    // retry from Stripe) for the payment — neither naming the session.
    let (status, _) = h
        .send_event(&event(
            &format!("evt_s{run}"),
            "checkout.session.completed",
            now(),
            checkout_subscription(&sub, "cus_s", "s@example.com", &format!("sub_{run}")),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = h
        .send_event(&event(
            &format!("evt_m{run}"),
            "checkout.session.completed",
            now(),
            checkout_payment(&missing, None, "m@example.com", &format!("pi_m{run}")),
        ))
        .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    for s in [&paid, &sub, &missing] {
        let page = h.get(&format!("/v1/checkout/success?session_id={s}")).await;
        assert_eq!(page.status(), StatusCode::OK);
    }

    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM one_time_purchases")
        .fetch_all(h.db.pool())
        .await
        .unwrap();
    assert_eq!(ids.len(), 1);
    let stored: Vec<String> = sqlx::query_scalar(
        "SELECT session_hash FROM checkout_keys UNION ALL SELECT COALESCE(payment_intent, '') FROM one_time_purchases",
    )
    .fetch_all(h.db.pool())
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned();
    assert!(text.contains("stripe event"), "the log was captured");
    for s in [&paid, &sub, &missing] {
        assert!(
            !ids.iter().chain(&stored).any(|v| v.contains(s.as_str())),
            "{s} stored in {ids:?}"
        );
        let at = text.find(s.as_str());
        assert!(
            at.is_none(),
            "{s} logged: …{}…",
            &text[at.unwrap().saturating_sub(300)..]
                .chars()
                .take(600)
                .collect::<String>()
        );
    }
}
