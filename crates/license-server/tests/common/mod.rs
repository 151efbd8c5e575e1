//! Shared test set-up: the real server on 127.0.0.1:0 over a fresh database (SQLite in a temp
//! folder, or a fresh PostgreSQL database per test on `LICENSE_TEST_PG_URL`), a reqwest client,
//! Stripe events built in Stripe's shapes and signed exactly as Stripe signs them.
#![allow(dead_code)]

pub mod fake_stripe;
pub mod flows;
pub mod smtp;
pub mod stripe_events;

use std::time::Duration;

use instagrowth_license::{default_catalog, LicenseStatus, SigningKey, VerifyingKey};
use instagrowth_license_server::queries::customers;
use instagrowth_license_server::queries::licenses::{self, NewLicense};
use instagrowth_license_server::stripe::signature;
use instagrowth_license_server::{config::RateLimits, Db, Running, ServerConfig};
use reqwest::StatusCode;
use serde_json::Value;

pub const WEBHOOK_SECRET: &str = "whsec_test_0123456789abcdef";

/// Runs one generic test body on SQLite, and (ignored unless asked) on PostgreSQL.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::common::TestDb::sqlite()).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                #[ignore = "needs PostgreSQL: scripts/with-postgres.sh cargo test -p instagrowth-license-server -- --ignored"]
                async fn $name() {
                    super::$name(super::common::TestDb::postgres().await).await
                }
            )*
        }
    };
}

/// A fresh database for one test.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        TestDb {
            url: format!("sqlite://{}", dir.path().join("license.db").display()),
            _dir: Some(dir),
        }
    }

    /// A new database on the server at `LICENSE_TEST_PG_URL`.
    pub async fn postgres() -> TestDb {
        use sqlx::Connection;
        let base = std::env::var("LICENSE_TEST_PG_URL")
            .expect("LICENSE_TEST_PG_URL is not set: run under scripts/with-postgres.sh");
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::PgConnection::connect(&base).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .unwrap();
        let mut url = url::Url::parse(&base).unwrap();
        url.set_path(&name);
        TestDb {
            url: url.to_string(),
            _dir: None,
        }
    }
}

pub fn signing_key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

pub fn public_key() -> VerifyingKey {
    signing_key().verifying_key()
}

/// A running server and what the tests need around it.
pub struct Harness {
    pub server: Running,
    pub db: Db,
    pub config: ServerConfig,
    pub http: reqwest::Client,
    pub test_db: TestDb,
}

pub fn base_config() -> ServerConfig {
    let mut config = ServerConfig::new(signing_key(), default_catalog().clone());
    config.stripe_webhook_secret = Some(WEBHOOK_SECRET.into());
    config.public_url = "https://licences.example.test".into();
    // High enough that only the rate-limit tests ever meet it.
    config.rate_limits = RateLimits {
        per_ip_per_minute: 100_000,
        per_key_per_minute: 100_000,
    };
    config.outbox_interval = Duration::from_millis(200);
    config.mail_retry_base = Duration::from_secs(1);
    config
}

impl Harness {
    pub async fn start(test_db: TestDb) -> Harness {
        Harness::start_with(test_db, |_| {}).await
    }

    pub async fn start_with(test_db: TestDb, tweak: impl FnOnce(&mut ServerConfig)) -> Harness {
        let mut config = base_config();
        tweak(&mut config);
        let db = Db::open(&test_db.url).await.expect("database opens");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let server =
            instagrowth_license_server::start(db.clone(), config.clone(), listener).unwrap();
        Harness {
            server,
            db,
            config,
            http: reqwest::Client::new(),
            test_db,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }

    pub async fn post(&self, path: &str, body: &Value) -> (StatusCode, Value) {
        let r = self
            .http
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(self.url(path)).send().await.unwrap()
    }

    /// Sends a Stripe event signed now with the test secret.
    pub async fn send_event(&self, event: &Value) -> (StatusCode, Value) {
        let body = serde_json::to_vec(event).unwrap();
        let header = signature::sign(&body, WEBHOOK_SECRET, chrono::Utc::now().timestamp());
        self.send_raw(body, Some(header)).await
    }

    /// Sends bytes with the given Stripe-Signature header.
    pub async fn send_raw(&self, body: Vec<u8>, header: Option<String>) -> (StatusCode, Value) {
        let mut req = self
            .http
            .post(self.url("/v1/stripe/webhook"))
            .header("content-type", "application/json")
            .body(body);
        if let Some(h) = header {
            req = req.header("Stripe-Signature", h);
        }
        let r = req.send().await.unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// The status the server answers a POST to `path` that declares a body of `len` bytes,
    /// before any of the body is sent. An over-limit body is refused on its Content-Length
    /// alone; sending it whole would race the server closing the connection (a broken pipe in
    /// the client instead of the 413).
    pub async fn status_for_declared_length(&self, path: &str, len: usize) -> u16 {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let url = reqwest::Url::parse(&self.url(path)).unwrap();
        let addr = format!("{}:{}", url.host_str().unwrap(), url.port().unwrap());
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
             Stripe-Signature: t=1,v1=00\r\nContent-Length: {len}\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        let mut buf = vec![0u8; 64];
        // No answer without the body means no limit: the server is waiting for it.
        let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("the server waited for the body instead of refusing its length")
            .unwrap();
        let line = String::from_utf8_lossy(&buf[..n]).to_string();
        line.split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no HTTP status in {line:?}"))
    }

    /// Issues a licence straight into the database (as `licenses issue` does); its key.
    pub async fn issue(
        &self,
        plan: &str,
        add_ons: &[(String, u32)],
        expires_at: Option<i64>,
    ) -> String {
        let key = instagrowth_license::generate_purchase_key();
        let mut conn = self.db.pool().acquire().await.unwrap();
        let now = chrono::Utc::now().timestamp();
        let c = customers::ensure_email(&mut conn, "ana@example.com", now)
            .await
            .unwrap();
        licenses::insert(
            &mut conn,
            &NewLicense {
                key_hash: Some(&key.hash()),
                key_prefix: Some(&key.prefix()),
                plan: Some(plan),
                status: LicenseStatus::Active,
                add_ons,
                customer_id: Some(&c.id),
                stripe_subscription_id: None,
                expires_at,
            },
            now,
        )
        .await
        .unwrap();
        key.as_str().to_string()
    }

    pub async fn license_by_key(&self, key: &str) -> licenses::LicenseRow {
        let key = instagrowth_license::parse_purchase_key(key).unwrap();
        let mut conn = self.db.pool().acquire().await.unwrap();
        licenses::by_key_hash(&mut conn, &key.hash())
            .await
            .unwrap()
            .unwrap()
    }

    pub async fn license_by_subscription(&self, sub: &str) -> Option<licenses::LicenseRow> {
        let mut conn = self.db.pool().acquire().await.unwrap();
        licenses::by_subscription(&mut conn, sub).await.unwrap()
    }

    pub async fn outbox(&self) -> Vec<instagrowth_license_server::queries::outbox::OutboxRow> {
        let mut conn = self.db.pool().acquire().await.unwrap();
        instagrowth_license_server::queries::outbox::list(&mut conn)
            .await
            .unwrap()
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(self.db.pool())
            .await
            .unwrap()
    }
}

/// A fingerprint like the app's (64 hex characters) for machine `n`.
pub fn fp(n: u32) -> String {
    instagrowth_license::fingerprint(&format!("machine-{n}"), b"test-app-key")
}

pub fn activate_body(key: &str, n: u32) -> Value {
    serde_json::json!({
        "key": key,
        "fingerprint": fp(n),
        "machine_name": format!("Machine {n}"),
        "platform": "linux",
        "app_version": "1.0.0",
    })
}

/// The error code of an API error body.
pub fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("")
}
