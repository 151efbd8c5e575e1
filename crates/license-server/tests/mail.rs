//! E-mail through a real SMTP server on loopback (aiosmtpd writing a Maildir): delivery, retries
//! across an SMTP outage, permanent refusals and the retry bound (after which no key is left in
//! the outbox), and no double sends with two server instances on one database, even when the
//! SMTP server is slow.
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
    a_rejected_address_is_abandoned_and_its_key_erased,
    transient_failures_stop_after_the_bound,
    a_slow_server_never_gets_one_mail_twice,
    unsent_mail_is_abandoned_after_its_keep_time,
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

/// Queues `count` test mails (to user0@…, user1@…) in the database at `url`, due now.
async fn queue_mails(url: &str, count: usize) {
    let db = Db::open(url).await.unwrap();
    let mut conn = db.pool().acquire().await.unwrap();
    for n in 0..count {
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

async fn two_instances_send_each_mail_once(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = SmtpServer::start(port, &dir.path().join("mail"));
    // Queue while no instance sends, then start two on the same database.
    let url = db.url.clone();
    queue_mails(&url, 12).await;
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

/// (attempts, body, sent_at, last_error) of every outbox row, oldest first.
async fn rows(h: &Harness) -> Vec<(i64, String, Option<i64>, Option<String>)> {
    sqlx::query_as("SELECT attempts, body, sent_at, last_error FROM outbox ORDER BY id")
        .fetch_all(h.db.pool())
        .await
        .unwrap()
}

async fn a_rejected_address_is_abandoned_and_its_key_erased(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = SmtpServer::start_picky(port, &dir.path().join("mail"), 0.0);
    let h = Harness::start_with(db, smtp(port)).await;
    h.send_event(&event(
        "evt_b",
        "checkout.session.completed",
        now(),
        checkout_subscription("cs_b", "cus_b", "bounce@example.com", "sub_b"),
    ))
    .await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while rows(&h).await[0].0 == 0 {
        assert!(Instant::now() < deadline, "no attempt made");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Retries would come after 1 s, 2 s…: wait past two of them.
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let (attempts, body, sent_at, last_error) = rows(&h).await.remove(0);
    assert_eq!(attempts, 1, "a permanent refusal is not retried");
    assert_eq!(sent_at, None);
    assert!(last_error.unwrap_or_default().contains("550"));
    assert_eq!(body, "", "no key left in the outbox");
    assert!(server.messages().is_empty());
    let row = h.outbox().await.remove(0);
    assert!(row.abandoned_at.is_some());
}

async fn transient_failures_stop_after_the_bound(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let _server = SmtpServer::start_picky(port, &dir.path().join("mail"), 0.0);
    let h = Harness::start_with(db, |c| {
        smtp(port)(c);
        c.mail_max_attempts = 3;
    })
    .await;
    h.send_event(&event(
        "evt_l",
        "checkout.session.completed",
        now(),
        checkout_subscription("cs_l", "cus_l", "later@example.com", "sub_l"),
    ))
    .await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while h.outbox().await[0].abandoned_at.is_none() {
        assert!(
            Instant::now() < deadline,
            "never abandoned: {:?}",
            rows(&h).await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let (attempts, body, sent_at, last_error) = rows(&h).await.remove(0);
    assert_eq!((attempts, sent_at), (3, None));
    assert!(last_error.unwrap_or_default().contains("451"));
    assert_eq!(body, "", "no key left in the outbox");
}

async fn a_slow_server_never_gets_one_mail_twice(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    // Each message takes a second: six take longer than a lease.
    let server = SmtpServer::start_picky(port, &dir.path().join("mail"), 1.0);
    let url = db.url.clone();
    queue_mails(&url, 6).await;
    let tweak = move |c: &mut instagrowth_license_server::ServerConfig| {
        smtp(port)(c);
        c.mail_lease = Duration::from_secs(4);
    };
    let h = Harness::start_with(db, tweak).await;
    let mut config = base_config();
    tweak(&mut config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let _second =
        instagrowth_license_server::start(Db::open(&url).await.unwrap(), config, listener).unwrap();
    eventually("all six", || server.messages().len() >= 6).await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(server.messages().len(), 6, "no message sent twice");
    assert!(h.outbox().await.iter().all(|r| r.sent_at.is_some()));
}

async fn unsent_mail_is_abandoned_after_its_keep_time(db: TestDb) {
    // No SMTP_URL: the key mail waits, but not for ever.
    let h = Harness::start(db).await;
    h.send_event(&event(
        "evt_w",
        "checkout.session.completed",
        now(),
        checkout_subscription("cs_w", "cus_w", "wait@example.com", "sub_w"),
    ))
    .await;
    let queued = h.outbox().await.remove(0);
    assert!(queued.body.contains("IGOS-"));
    let keep = i64::try_from(h.config.mail_max_age.as_secs()).unwrap();
    let t0 = now();
    instagrowth_license_server::mail::worker::sweep(&h.db, &h.config, t0 + keep - 60)
        .await
        .unwrap();
    assert_eq!(h.outbox().await[0].abandoned_at, None, "not yet");
    instagrowth_license_server::mail::worker::sweep(&h.db, &h.config, t0 + keep + 60)
        .await
        .unwrap();
    let row = h.outbox().await.remove(0);
    assert!(row.abandoned_at.is_some());
    assert_eq!((row.body.as_str(), row.sent_at), ("", None));
}
