//! The built `instagrowth-license-server` on loopback for the window tests: a fresh signing key
//! and SQLite database in a temp dir, and its admin CLI to issue and revoke licences.
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{bin, free_port};

pub struct LicenseServer {
    child: Child,
    pub url: String,
    /// The base64 public key the app must trust (debug builds read it at run time).
    pub public_key: String,
    db_url: String,
    _dir: tempfile::TempDir,
}

impl LicenseServer {
    pub fn start() -> LicenseServer {
        let dir = tempfile::tempdir().unwrap();
        let key_path: PathBuf = dir.path().join("signing.pem");
        let out = Command::new(bin("instagrowth-license-server"))
            .args(["keygen", "--out"])
            .arg(&key_path)
            .output()
            .unwrap();
        assert!(out.status.success(), "keygen failed");
        let public_key = String::from_utf8(out.stdout).unwrap().trim().to_string();
        let db_url = format!("sqlite://{}", dir.path().join("license.db").display());
        let port = free_port();
        let child = Command::new(bin("instagrowth-license-server"))
            .arg("serve")
            .env_clear()
            .env("LICENSE_DB_URL", &db_url)
            .env("LICENSE_LISTEN", format!("127.0.0.1:{port}"))
            .env("LICENSE_SIGNING_KEY", &key_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "the licence server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        LicenseServer {
            child,
            url: format!("http://127.0.0.1:{port}"),
            public_key,
            db_url,
            _dir: dir,
        }
    }

    /// The admin CLI on the server's database; its stdout.
    pub fn admin(&self, args: &[&str]) -> String {
        let out = Command::new(bin("instagrowth-license-server"))
            .env("LICENSE_DB_URL", &self.db_url)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// A new licence of `plan`; its purchase key.
    pub fn issue(&self, plan: &str) -> String {
        let out = self.admin(&[
            "licenses",
            "issue",
            "--plan",
            plan,
            "--email",
            "studio@example.com",
            "--json",
        ]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["key"].as_str().unwrap().to_string()
    }

    /// What the app needs to talk to this server and trust its files.
    pub fn app_env(&self) -> [(&'static str, &str); 2] {
        [
            ("INSTAGROWTH_LICENSE_SERVER", self.url.as_str()),
            ("INSTAGROWTH_LICENSE_PUBLIC_KEY", self.public_key.as_str()),
        ]
    }
}

impl Drop for LicenseServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
