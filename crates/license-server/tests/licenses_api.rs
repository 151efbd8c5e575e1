//! The app's API against the real server over HTTP: activation and seats, the signed file,
//! status codes, rate and size limits, the billing portal (against a local fake Stripe), the
//! updater feed and the health check — on SQLite and (ignored unless asked) PostgreSQL.
mod common;

use common::fake_stripe::{self, FakeStripe};
use common::stripe_events::*;
use common::{activate_body, code, fp, public_key, Harness, TestDb};
use instagrowth_license::{default_catalog, verify, LicenseStatus};
use instagrowth_license_server::config::RateLimits;
use instagrowth_license_server::queries::{licenses, releases};
use reqwest::StatusCode;
use serde_json::json;

on_both_databases!(
    seats_are_counted_per_machine,
    concurrent_activations_never_exceed_the_seats,
    the_file_verifies_and_carries_the_entitlements,
    refusals_answer_with_their_codes,
    rate_limits_answer_429_with_retry_after,
    forwarded_for_counts_the_address_the_proxy_saw,
    bodies_over_the_limit_are_refused,
    the_portal_returns_stripes_url,
    the_update_feed_picks_the_newest_newer_release,
    healthz_checks_the_database,
);

async fn seats_are_counted_per_machine(db: TestDb) {
    let h = Harness::start(db).await;
    let key = h.issue("pro", &[], None).await; // 2 seats
    for (n, in_use) in [(1, 1), (1, 1), (2, 2), (2, 2), (1, 2)] {
        let (status, body) = h
            .post("/v1/licenses/activate", &activate_body(&key, n))
            .await;
        assert_eq!(status, StatusCode::OK, "machine {n}: {body}");
        assert_eq!(body["machines_in_use"], in_use, "machine {n}");
    }
    let (status, body) = h
        .post(
            "/v1/licenses/validate",
            &json!({"key": key, "fingerprint": fp(1)}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["machines_in_use"], 2, "validate counts the seats too");
    assert_eq!(
        h.count("machines").await,
        2,
        "the same machine twice uses one seat"
    );
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 3))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(code(&body), "TOO_MANY_MACHINES");
    let (status, body) = h
        .post(
            "/v1/licenses/deactivate",
            &json!({"key": key, "fingerprint": fp(2)}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["machines"], 1);
    let (status, _) = h
        .post("/v1/licenses/activate", &activate_body(&key, 3))
        .await;
    assert_eq!(status, StatusCode::OK, "a freed seat can be taken");
    let (status, body) = h
        .post(
            "/v1/licenses/deactivate",
            &json!({"key": key, "fingerprint": fp(2)}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(code(&body), "NOT_FOUND");
    // A renamed machine keeps its seat and its new name.
    let mut again = activate_body(&key, 3);
    again["machine_name"] = json!("Renamed");
    let (_, body) = h.post("/v1/licenses/activate", &again).await;
    assert_eq!(body["payload"]["machine"]["name"], "Renamed");
    assert_eq!(h.count("machines").await, 2);
}

async fn concurrent_activations_never_exceed_the_seats(db: TestDb) {
    let h = Harness::start(db).await;
    let key = h.issue("agency", &[], None).await; // 5 seats
    let mut tasks = Vec::new();
    for n in 0..20 {
        let http = h.http.clone();
        let url = h.url("/v1/licenses/activate");
        let body = activate_body(&key, n);
        tasks.push(tokio::spawn(async move {
            let r = http.post(url).json(&body).send().await.unwrap();
            let status = r.status();
            (status, r.json::<serde_json::Value>().await.unwrap())
        }));
    }
    let mut ok = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            StatusCode::OK => ok += 1,
            _ => assert_eq!(code(&body), "TOO_MANY_MACHINES", "{body}"),
        }
    }
    assert_eq!(ok, 5);
    assert_eq!(h.count("machines").await, 5);
    // The same new machine many times at once still takes one seat.
    let key2 = h.issue("pro", &[], None).await;
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let http = h.http.clone();
        let url = h.url("/v1/licenses/activate");
        let body = activate_body(&key2, 99);
        tasks.push(tokio::spawn(async move {
            http.post(url).json(&body).send().await.unwrap().status()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    let lic = h.license_by_key(&key2).await;
    let mut conn = h.db.pool().acquire().await.unwrap();
    let used = instagrowth_license_server::queries::machines::count(&mut conn, &lic.id)
        .await
        .unwrap();
    assert_eq!(used, 1, "{statuses:?}");
    assert!(statuses.contains(&StatusCode::OK));
}

async fn the_file_verifies_and_carries_the_entitlements(db: TestDb) {
    let h = Harness::start(db).await;
    let add_ons = vec![("extra_clients_10".to_string(), 2)];
    let key = h.issue("agency", &add_ons, None).await;
    let (status, body) = h
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let file = body["license_file"].as_str().unwrap();
    assert!(file.starts_with("-----BEGIN LICENSE FILE-----"));
    let payload =
        verify(file, &public_key()).expect("the file verifies with the vendor's public key");
    assert_eq!(serde_json::to_value(&payload).unwrap(), body["payload"]);
    let expected = default_catalog()
        .entitlements("agency", &add_ons, &[])
        .unwrap();
    assert_eq!(payload.entitlements, expected);
    assert_eq!(payload.entitlements.max_active_clients, Some(60));
    assert_eq!(payload.plan, "agency");
    assert_eq!(payload.status, LicenseStatus::Active);
    assert_eq!(payload.machine.fingerprint, fp(1));
    assert_eq!(payload.key_prefix, key[..10]);
    assert_eq!(payload.customer_email.as_deref(), Some("ana@example.com"));
    assert_eq!(payload.grace_days, 7);
    assert_eq!(payload.expires_at, None);
    let ttl = payload.refresh_by().unwrap() - payload.issued_at().unwrap();
    assert_eq!(ttl.num_days(), 14);
    // Another vendor's key does not verify it; neither does an edited file.
    let other = instagrowth_license::SigningKey::from_bytes(&[8; 32]).verifying_key();
    assert!(verify(file, &other).is_err());
    // Validate refreshes it for the same machine.
    let (status, body) = h
        .post(
            "/v1/licenses/validate",
            &json!({"key": key, "fingerprint": fp(1)}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(verify(body["license_file"].as_str().unwrap(), &public_key()).is_ok());
    // The key is accepted as people type it.
    let sloppy = key.to_lowercase().replace('-', " ");
    let (status, _) = h
        .post(
            "/v1/licenses/validate",
            &json!({"key": sloppy, "fingerprint": fp(1)}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
}

async fn refusals_answer_with_their_codes(db: TestDb) {
    let h = Harness::start(db).await;
    let now = now();
    let suspended = h.issue("pro", &[], None).await;
    let revoked = h.issue("pro", &[], None).await;
    let expired = h.issue("pro", &[], Some(now - 10)).await;
    let mut conn = h.db.pool().acquire().await.unwrap();
    let s = h.license_by_key(&suspended).await;
    licenses::set_hold(&mut conn, &s.id, Some(LicenseStatus::Suspended), now)
        .await
        .unwrap();
    let r = h.license_by_key(&revoked).await;
    licenses::set_hold(&mut conn, &r.id, Some(LicenseStatus::Revoked), now)
        .await
        .unwrap();
    drop(conn);
    for (key, status, expected) in [
        (&suspended, StatusCode::FORBIDDEN, "SUSPENDED"),
        (&revoked, StatusCode::FORBIDDEN, "REVOKED"),
        (&expired, StatusCode::FORBIDDEN, "EXPIRED"),
    ] {
        let (s, body) = h
            .post("/v1/licenses/activate", &activate_body(key, 1))
            .await;
        assert_eq!((s, code(&body)), (status, expected), "{body}");
    }
    assert_eq!(h.count("machines").await, 0, "a refusal takes no seat");

    let good = h.issue("starter", &[], None).await;
    let (s, body) = h
        .post(
            "/v1/licenses/validate",
            &json!({"key": good, "fingerprint": fp(5)}),
        )
        .await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::FORBIDDEN, "FINGERPRINT_MISMATCH")
    );
    let (s, body) = h
        .post("/v1/licenses/activate", &activate_body("IGOS-12345", 1))
        .await;
    assert_eq!((s, code(&body)), (StatusCode::BAD_REQUEST, "KEY_INVALID"));
    assert!(body["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("characters"));
    let unknown = instagrowth_license::generate_purchase_key();
    let (s, body) = h
        .post("/v1/licenses/activate", &activate_body(unknown.as_str(), 1))
        .await;
    assert_eq!((s, code(&body)), (StatusCode::NOT_FOUND, "NOT_FOUND"));
    let (s, body) = h.post("/v1/licenses/activate", &json!({"key": good})).await;
    assert_eq!((s.is_client_error(), code(&body)), (true, "BAD_REQUEST"));
    let mut short_fp = activate_body(&good, 1);
    short_fp["fingerprint"] = json!("abc");
    let (s, body) = h.post("/v1/licenses/activate", &short_fp).await;
    assert_eq!((s, code(&body)), (StatusCode::BAD_REQUEST, "BAD_REQUEST"));
    // Suspension is lifted by the operator; it then works.
    let mut conn = h.db.pool().acquire().await.unwrap();
    licenses::set_hold(&mut conn, &s_id(&h, &suspended).await, None, now)
        .await
        .unwrap();
    let (s, _) = h
        .post("/v1/licenses/activate", &activate_body(&suspended, 1))
        .await;
    assert_eq!(s, StatusCode::OK);
}

async fn s_id(h: &Harness, key: &str) -> String {
    h.license_by_key(key).await.id
}

async fn rate_limits_answer_429_with_retry_after(db: TestDb) {
    let h = Harness::start_with(db, |c| {
        c.rate_limits = RateLimits {
            per_ip_per_minute: 1000,
            per_key_per_minute: 3,
        };
    })
    .await;
    let key = h.issue("pro", &[], None).await;
    for _ in 0..3 {
        let (s, _) = h
            .post("/v1/licenses/activate", &activate_body(&key, 1))
            .await;
        assert_eq!(s, StatusCode::OK);
    }
    let r = h
        .http
        .post(h.url("/v1/licenses/validate"))
        .json(&json!({"key": key, "fingerprint": fp(1)}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(code(&body), "RATE_LIMITED");
    // Another key is not held back by this one.
    let other = h.issue("pro", &[], None).await;
    let (s, _) = h
        .post("/v1/licenses/activate", &activate_body(&other, 1))
        .await;
    assert_eq!(s, StatusCode::OK);

    let h2 = Harness::start_with(TestDb::sqlite(), |c| {
        c.rate_limits = RateLimits {
            per_ip_per_minute: 2,
            per_key_per_minute: 1000,
        };
    })
    .await;
    let key = h2.issue("pro", &[], None).await;
    h2.post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    h2.post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    let (s, body) = h2
        .post("/v1/licenses/activate", &activate_body(&key, 1))
        .await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::TOO_MANY_REQUESTS, "RATE_LIMITED")
    );
    // The update feed and health check are not limited.
    assert_eq!(h2.get("/healthz").await.status(), StatusCode::OK);
}

/// Behind a proxy the left of `X-Forwarded-For` is whatever the client wrote; the limit counts
/// the address the trusted proxy appended (the right-most entry, or `hops` from the right).
async fn forwarded_for_counts_the_address_the_proxy_saw(db: TestDb) {
    let h = Harness::start_with(db, |c| {
        c.rate_limits = RateLimits {
            per_ip_per_minute: 5,
            per_key_per_minute: 1000,
        };
        c.client_ip_header = Some("X-Forwarded-For".into());
    })
    .await;
    let key = h.issue("pro", &[], None).await;
    let send = |forwarded: String| {
        h.http
            .post(h.url("/v1/licenses/activate"))
            .header("X-Forwarded-For", forwarded)
            .json(&activate_body(&key, 1))
            .send()
    };
    let mut limited = 0;
    for n in 0..15 {
        let r = send(format!("10.9.{n}.1, 203.0.113.7")).await.unwrap();
        limited += usize::from(r.status() == StatusCode::TOO_MANY_REQUESTS);
    }
    assert_eq!(limited, 10, "forged entries on the left change nothing");
    // Another client behind the same proxy is counted on its own.
    let r = send("203.0.113.8".into()).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // A header repeated on several lines reads as one list: still the proxy's entry.
    let r = h
        .http
        .post(h.url("/v1/licenses/activate"))
        .header("X-Forwarded-For", "203.0.113.9")
        .header("X-Forwarded-For", "203.0.113.7")
        .json(&activate_body(&key, 1))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);

    // Two proxies in a row: the client is the second entry from the right.
    let h2 = Harness::start_with(TestDb::sqlite(), |c| {
        c.rate_limits = RateLimits {
            per_ip_per_minute: 5,
            per_key_per_minute: 1000,
        };
        c.client_ip_header = Some("X-Forwarded-For".into());
        c.trusted_proxy_hops = 2;
    })
    .await;
    let key = h2.issue("pro", &[], None).await;
    let mut limited = 0;
    for n in 0..15 {
        let r = h2
            .http
            .post(h2.url("/v1/licenses/activate"))
            .header(
                "X-Forwarded-For",
                format!("10.9.{n}.1, 198.51.100.4, 10.0.0.{n}"),
            )
            .json(&activate_body(&key, 1))
            .send()
            .await
            .unwrap();
        limited += usize::from(r.status() == StatusCode::TOO_MANY_REQUESTS);
    }
    assert_eq!(limited, 10);
}

async fn bodies_over_the_limit_are_refused(db: TestDb) {
    let h = Harness::start(db).await;
    let key = h.issue("pro", &[], None).await;
    let mut big = activate_body(&key, 1);
    big["machine_name"] = json!("x".repeat(20 * 1024));
    let (s, body) = h.post("/v1/licenses/activate", &big).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    // The webhook takes more (Stripe's events are larger), but not without end.
    assert_eq!(
        h.status_for_declared_length("/v1/stripe/webhook", 600 * 1024)
            .await,
        StatusCode::PAYLOAD_TOO_LARGE.as_u16()
    );
    let (s, _) = h
        .send_raw(vec![b' '; 100 * 1024], Some("t=1,v1=00".into()))
        .await;
    assert_eq!(
        s,
        StatusCode::BAD_REQUEST,
        "within the webhook's limit, refused for its signature"
    );
}

async fn the_portal_returns_stripes_url(db: TestDb) {
    let stripe = FakeStripe::start().await;
    let h = Harness::start_with(db, |c| {
        c.stripe_api_key = Some(fake_stripe::API_KEY.into());
        c.stripe_api_base = stripe.base_url.clone();
    })
    .await;
    let t = now();
    h.send_event(&event(
        "evt_cs",
        "checkout.session.completed",
        t,
        checkout_subscription("cs_portal", "cus_portal", "p@example.com", "sub_portal"),
    ))
    .await;
    let page = h
        .get("/v1/checkout/success?session_id=cs_portal")
        .await
        .text()
        .await
        .unwrap();
    let key = &page[page.find("IGOS-").unwrap()..][..28];
    let (s, body) = h.post("/v1/portal", &json!({"key": key})).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(
        body["url"],
        "https://billing.stripe.com/p/session/test_cus_portal"
    );
    let seen = stripe.inner.lock().unwrap().portal_requests.clone();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0]["customer"], "cus_portal");
    assert_eq!(
        seen[0]["return_url"],
        "https://licences.example.test/v1/portal/return"
    );
    // A licence issued by hand has no Stripe customer.
    let manual = h.issue("pro", &[], None).await;
    let (s, body) = h.post("/v1/portal", &json!({"key": manual})).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::NOT_FOUND, "NO_BILLING_ACCOUNT")
    );
    // A wrong API key is Stripe's 401, answered as a gateway error.
    let h2 = Harness::start_with(TestDb::sqlite(), |c| {
        c.stripe_api_key = Some("sk_test_wrong".into());
        c.stripe_api_base = stripe.base_url.clone();
    })
    .await;
    h2.send_event(&event(
        "evt_cs2",
        "checkout.session.completed",
        t,
        checkout_subscription("cs_p2", "cus_p2", "p@example.com", "sub_p2"),
    ))
    .await;
    let page = h2
        .get("/v1/checkout/success?session_id=cs_p2")
        .await
        .text()
        .await
        .unwrap();
    let key = &page[page.find("IGOS-").unwrap()..][..28];
    let (s, body) = h2.post("/v1/portal", &json!({"key": key})).await;
    assert_eq!(
        (s, code(&body)),
        (StatusCode::BAD_GATEWAY, "STRIPE_UNAVAILABLE")
    );
}

async fn the_update_feed_picks_the_newest_newer_release(db: TestDb) {
    let h = Harness::start(db).await;
    let mut conn = h.db.pool().acquire().await.unwrap();
    for (channel, version, target) in [
        ("stable", "1.2.0", "linux"),
        ("stable", "1.10.0", "linux"),
        ("stable", "1.9.3", "linux"),
        ("beta", "2.0.0-beta.1", "linux"),
        ("stable", "3.0.0", "windows"),
    ] {
        releases::insert(
            &mut conn,
            &releases::Release {
                id: uuid::Uuid::new_v4().to_string(),
                channel: channel.into(),
                version: version.into(),
                target: target.into(),
                arch: "x86_64".into(),
                bundle: String::new(),
                url: format!("https://dl.example.test/{version}/{target}.tar.gz"),
                signature: format!("sig-{version}"),
                notes: format!("Notes {version}"),
                pub_date: "2026-11-01T00:00:00Z".into(),
                created_at: 0,
            },
        )
        .await
        .unwrap();
    }
    drop(conn);
    let r = h.get("/v1/updates/stable/linux/x86_64/1.2.0").await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(
        body,
        json!({
            "version": "1.10.0",
            "notes": "Notes 1.10.0",
            "pub_date": "2026-11-01T00:00:00Z",
            "url": "https://dl.example.test/1.10.0/linux.tar.gz",
            "signature": "sig-1.10.0",
        }),
        "semver order, not text order"
    );
    assert_eq!(
        h.get("/v1/updates/stable/linux/x86_64/1.10.0")
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        h.get("/v1/updates/stable/darwin/aarch64/1.0.0")
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let beta: serde_json::Value = h
        .get("/v1/updates/beta/linux/x86_64/1.10.0")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(beta["version"], "2.0.0-beta.1");
    // Beta users get stable releases too: the stable 1.10.0 is newer than their 1.9.0.
    let beta_old: serde_json::Value = h
        .get("/v1/updates/beta/linux/x86_64/1.9.0")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(beta_old["version"], "2.0.0-beta.1", "the newest of both");
    let windows_beta: serde_json::Value = h
        .get("/v1/updates/beta/windows/x86_64/2.5.0")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        windows_beta["version"], "3.0.0",
        "a stable release reaches beta users"
    );
    assert_eq!(
        h.get("/v1/updates/nightly/linux/x86_64/1.0.0")
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "only stable and beta exist"
    );
    assert_eq!(
        h.get("/v1/updates/stable/linux/x86_64/latest")
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );

    // Per package type: a .deb installation never gets the AppImage, and the reverse.
    let mut conn = h.db.pool().acquire().await.unwrap();
    for (version, bundle) in [("1.11.0", "deb"), ("1.12.0", "appimage"), ("1.10.0", "deb")] {
        assert!(releases::insert(
            &mut conn,
            &releases::Release {
                id: uuid::Uuid::new_v4().to_string(),
                channel: "stable".into(),
                version: version.into(),
                target: "linux".into(),
                arch: "x86_64".into(),
                bundle: bundle.into(),
                url: format!("https://dl.example.test/{version}/app.{bundle}"),
                signature: format!("sig-{version}-{bundle}"),
                notes: String::new(),
                pub_date: "2026-11-02T00:00:00Z".into(),
                created_at: 0,
            },
        )
        .await
        .unwrap());
    }
    drop(conn);
    let pick = |bundle: &'static str| {
        let h = &h;
        async move {
            let r = h
                .get(&format!(
                    "/v1/updates/stable/linux/x86_64/1.9.0?bundle={bundle}"
                ))
                .await;
            let v: serde_json::Value = r.json().await.unwrap();
            (
                v["version"].as_str().unwrap().to_string(),
                v["url"].as_str().unwrap().to_string(),
            )
        }
    };
    assert_eq!(
        pick("deb").await,
        (
            "1.11.0".to_string(),
            "https://dl.example.test/1.11.0/app.deb".to_string()
        )
    );
    assert_eq!(
        pick("appimage").await,
        (
            "1.12.0".to_string(),
            "https://dl.example.test/1.12.0/app.appimage".to_string()
        )
    );
    assert_eq!(
        pick("unknown").await,
        (
            "1.10.0".to_string(),
            "https://dl.example.test/1.10.0/linux.tar.gz".to_string()
        ),
        "a build of unknown packaging only gets builds for any"
    );
}

async fn healthz_checks_the_database(db: TestDb) {
    let h = Harness::start(db).await;
    let r = h.get("/healthz").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["status"], "ok");
    h.db.close().await;
    assert_eq!(
        h.get("/healthz").await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
}
