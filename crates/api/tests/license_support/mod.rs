//! The real licence server in-process on loopback (a temporary SQLite database, a fresh signing
//! key), its admin path for issuing and revoking licences, and workspaces whose licence
//! configuration points at it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use instagrowth_ai::KeychainError;
use instagrowth_api::license::{KeyStore, LicenseConfig};
use instagrowth_api::Workspace;
use instagrowth_license::{default_catalog, generate_signing_key, LicenseStatus, SigningKey};
use instagrowth_license_server::config::RateLimits;
use instagrowth_license_server::queries::licenses::{self, NewLicense};
use instagrowth_license_server::queries::{customers, machines};
use instagrowth_license_server::{Db, Running, ServerConfig};

/// A key store in memory: for tests only (the app always uses the OS keychain).
#[derive(Default)]
pub struct MemoryStore(Mutex<HashMap<String, String>>);

impl MemoryStore {
    pub fn secrets(&self) -> Vec<String> {
        self.0.lock().unwrap().values().cloned().collect()
    }
}

impl KeyStore for MemoryStore {
    fn get(&self, account: &str) -> Result<Option<String>, KeychainError> {
        Ok(self.0.lock().unwrap().get(account).cloned())
    }
    fn set(&self, account: &str, secret: &str) -> Result<(), KeychainError> {
        self.0.lock().unwrap().insert(account.into(), secret.into());
        Ok(())
    }
    fn delete(&self, account: &str) -> Result<bool, KeychainError> {
        Ok(self.0.lock().unwrap().remove(account).is_some())
    }
    fn name(&self) -> &'static str {
        "memory (tests)"
    }
}

/// A key store that is never reachable, as on a machine without a keychain.
pub struct NoKeychain;

impl KeyStore for NoKeychain {
    fn get(&self, _: &str) -> Result<Option<String>, KeychainError> {
        Err(unavailable())
    }
    fn set(&self, _: &str, _: &str) -> Result<(), KeychainError> {
        Err(unavailable())
    }
    fn delete(&self, _: &str) -> Result<bool, KeychainError> {
        Err(unavailable())
    }
    fn name(&self) -> &'static str {
        "none"
    }
}

fn unavailable() -> KeychainError {
    KeychainError::Unavailable(
        "no OS keychain is reachable (test); start a desktop session. Nothing was stored.".into(),
    )
}

pub struct LicenseServer {
    pub running: Running,
    pub db: Db,
    pub key: SigningKey,
    _dir: tempfile::TempDir,
}

impl LicenseServer {
    pub async fn start() -> LicenseServer {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("license.db").display());
        let db = Db::open(&url).await.expect("the licence database opens");
        let key = generate_signing_key();
        let mut config = ServerConfig::new(key.clone(), default_catalog().clone());
        config.rate_limits = RateLimits {
            per_ip_per_minute: 100_000,
            per_key_per_minute: 100_000,
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let running = instagrowth_license_server::start(db.clone(), config, listener).unwrap();
        LicenseServer {
            running,
            db,
            key,
            _dir: dir,
        }
    }

    pub fn url(&self) -> String {
        self.running.url()
    }

    /// Issues a licence as the admin CLI's `licenses issue` does; its purchase key.
    pub async fn issue(&self, plan: &str) -> String {
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
                add_ons: &[],
                customer_id: Some(&c.id),
                stripe_subscription_id: None,
                expires_at: None,
            },
            now,
        )
        .await
        .unwrap();
        key.as_str().to_string()
    }

    async fn license_id(&self, key: &str) -> String {
        let key = instagrowth_license::parse_purchase_key(key).unwrap();
        let mut conn = self.db.pool().acquire().await.unwrap();
        licenses::by_key_hash(&mut conn, &key.hash())
            .await
            .unwrap()
            .expect("the licence exists")
            .id
    }

    /// The operator's hold (`licenses revoke` / `suspend`), or `None` (`reinstate`).
    pub async fn hold(&self, key: &str, hold: Option<LicenseStatus>) {
        let id = self.license_id(key).await;
        let mut conn = self.db.pool().acquire().await.unwrap();
        licenses::set_hold(&mut conn, &id, hold, chrono::Utc::now().timestamp())
            .await
            .unwrap();
    }

    /// Machines activated on the key's licence.
    pub async fn machines(&self, key: &str) -> i64 {
        let id = self.license_id(key).await;
        let mut conn = self.db.pool().acquire().await.unwrap();
        machines::count(&mut conn, &id).await.unwrap()
    }

    /// A new workspace in a temp dir on "machine" `machine`, its purchase key kept in memory
    /// (the dir lives as long as the returned handle).
    pub async fn fresh_workspace(&self, machine: &str) -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let ws = self
            .workspace(dir.path(), machine, Arc::new(MemoryStore::default()))
            .await;
        (dir, ws)
    }

    /// A workspace in `dir` on "machine" `machine`, trusting this server's key.
    pub async fn workspace(
        &self,
        dir: &std::path::Path,
        machine: &str,
        store: Arc<dyn KeyStore>,
    ) -> Workspace {
        let mut ws = Workspace::open(dir).await.unwrap();
        let mut cfg = LicenseConfig::new(&self.url(), self.key.verifying_key(), store);
        cfg.machine_id = Some(machine.into());
        ws.set_license_config(cfg);
        ws
    }
}

/// A stand-in "licence server" on loopback that answers every request with the same licence
/// file, as a revoked user would run one to serve a file saved earlier (release builds accept
/// `INSTAGROWTH_LICENSE_SERVER=http://127.0.0.1:…`).
pub struct Replay {
    url: String,
    task: tokio::task::JoinHandle<()>,
}

impl Replay {
    pub async fn serving(license_file: &str) -> Replay {
        let body = serde_json::json!({ "license_file": license_file, "machines_in_use": 1 });
        let app = axum::Router::new().fallback(move || {
            let body = body.clone();
            async move { axum::Json(body) }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Replay { url, task }
    }

    pub fn url(&self) -> String {
        self.url.clone()
    }
}

impl Drop for Replay {
    fn drop(&mut self) {
        self.task.abort();
    }
}
