//! E-mail through a real SMTP server on loopback (aiosmtpd writing a Maildir): delivery, retries
//! across an SMTP outage, and no double sends with two server instances on one database.
mod common;

use std::time::{Duration, Instant};

use common::smtp::{free_port, read_maildir, SmtpServer};
use common::stripe_events::*;
use common::{base_config, Harness, TestDb};
use instagrowth_license_server::Db;

on_both_databases!(
    the_key_email_is_delivered,
    mail_waits_out_an_smtp_outage,
    two_instances_send_each_mail_once,
);

fn smtp(port: u16) -> impl FnOnce(&mut instagrowth_license_server::ServerConfig) {
    move |c| {
        c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.mail_from = "InstaGrowth OS <licences@example.test>".into();
    }
}

/// Waits (up to 20 s) until `check` holds.
async fn eventually<F: FnMut() -> bool>(what: &str, mut check: F) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn the_key_email_is_delivered(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = SmtpServer::start(port, &dir.path().join("mail"));
    let h = Harness::start_with(db, smtp(port)).await;
    h.send_event(&event(
        "evt_m",
        "checkout.session.completed",
        now(),
        checkout_subscription("cs_m", "cus_m", "buyer@example.com", "sub_m"),
    ))
    .await;
    eventually("the key e-mail", || server.messages().len() == 1).await;
    let page = h
        .get("/v1/checkout/success?session_id=cs_m")
        .await
        .text()
        .await
        .unwrap();
    let key = &page[page.find("IGOS-").unwrap()..][..28];
    let raw = &server.messages()[0];
    assert!(raw.contains("To: buyer@example.com"), "{raw}");
    assert!(
        raw.contains("From: \"InstaGrowth OS\" <licences@example.test>")
            || raw.contains("From: InstaGrowth OS <licences@example.test>"),
        "{raw}"
    );
    assert!(
        raw.contains("Subject: Your InstaGrowth OS licence key"),
        "{raw}"
    );
    assert!(raw.contains(key), "the key is in the mail: {raw}");
    // Once sent, the outbox no longer holds the key.
    let rows = h.outbox().await;
    assert_eq!(rows.len(), 1);
    assert!(rows[0].sent_at.is_some());
    assert_eq!(rows[0].body, "");
}

async fn mail_waits_out_an_smtp_outage(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("mail");
    let port = free_port();
    let h = Harness::start_with(db, smtp(port)).await;
    h.send_event(&event(
        "evt_pf",
        "invoice.payment_failed",
        now(),
        invoice(
            "in_o",
            "cus_o",
            "late@example.com",
            "sub_o",
            false,
            now() + 86_400,
        ),
    ))
    .await;
    // Nothing listens yet: the attempt fails and is scheduled again.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let rows = h.outbox().await;
        if rows[0].attempts >= 1 {
            assert!(rows[0].sent_at.is_none());
            assert!(rows[0].last_error.is_some());
            break;
        }
        assert!(Instant::now() < deadline, "no failed attempt recorded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(read_maildir(&maildir).is_empty());
    let server = SmtpServer::start(port, &maildir);
    eventually("the retried e-mail", || server.messages().len() == 1).await;
    let raw = &server.messages()[0];
    assert!(
        raw.contains("To: late@example.com") && raw.contains("payment failed"),
        "{raw}"
    );
    let rows = h.outbox().await;
    assert!(rows[0].attempts >= 2, "{rows:?}");
    assert!(rows[0].sent_at.is_some());
}

async fn two_instances_send_each_mail_once(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = SmtpServer::start(port, &dir.path().join("mail"));
    // Queue while no instance sends, then start two on the same database.
    let url = db.url.clone();
    let queue = Db::open(&url).await.unwrap();
    {
        let mut conn = queue.pool().acquire().await.unwrap();
        for n in 0..12 {
            instagrowth_license_server::queries::outbox::enqueue(
                &mut conn,
                "test",
                &format!("user{n}@example.com"),
                "Hello",
                "Body",
                now(),
            )
            .await
            .unwrap();
        }
    }
    let h = Harness::start_with(db, smtp(port)).await;
    let mut config = base_config();
    smtp(port)(&mut config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let _second =
        instagrowth_license_server::start(Db::open(&url).await.unwrap(), config, listener).unwrap();
    eventually("all twelve", || server.messages().len() >= 12).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(server.messages().len(), 12, "no message sent twice");
    assert!(h
        .outbox()
        .await
        .iter()
        .all(|r| r.sent_at.is_some() && r.attempts == 1));
}
