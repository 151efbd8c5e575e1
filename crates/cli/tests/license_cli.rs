//! `instagrowth license …` as a program: the trial of a fresh workspace, a mistyped key refused
//! in one line before any request, and (under `scripts/desktop-session.sh`, with a keychain) the
//! whole life of a licence against the built `instagrowth-license-server` binary.
mod common;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::Ws;
use serde_json::Value;

/// A loopback port that accepts connections but never answers: any request shows in its queue.
fn silent_server() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    (listener, url)
}

fn connections(listener: &TcpListener) -> usize {
    listener.set_nonblocking(true).unwrap();
    std::iter::from_fn(|| listener.accept().ok()).count()
}

#[test]
fn a_fresh_workspace_is_in_its_trial() {
    let ws = Ws::new();
    let (listener, url) = silent_server();
    let out = ws
        .cmd()
        .env("INSTAGROWTH_LICENSE_SERVER", &url)
        .args(["license", "status", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["state"], "trial");
    assert_eq!(s["code"], "TRIAL");
    assert_eq!(s["plan"], "trial");
    assert_eq!(s["entitlements"]["max_active_clients"], 3);
    assert_eq!(s["entitlements"]["seats"], 1);
    assert!(s["trial_ends_at"].is_string());
    assert_eq!(s["read_only_at"], s["trial_ends_at"]);
    assert_eq!(
        s["server_url"],
        url.as_str(),
        "INSTAGROWTH_LICENSE_SERVER is in force"
    );
    assert_eq!(s["refresh_due"], false);
    assert!(s["key_prefix"].is_null());

    let out = ws
        .cmd()
        .env("INSTAGROWTH_LICENSE_SERVER", &url)
        .args(["license", "status"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("State         Trial (TRIAL)"), "{text}");
    assert!(text.contains("Clients       up to 3 active"), "{text}");
    assert!(text.contains("Trial: 14 days left"), "{text}");
    assert_eq!(connections(&listener), 0, "status never goes online");
}

#[test]
fn a_mistyped_key_fails_in_one_line_before_any_request() {
    let ws = Ws::new();
    let (listener, url) = silent_server();
    let key = "IGOS-7KQ3M-2B9XD-4RTV8-WJ6H0";
    for bad in [key, "IGOS-7KQ3M", "not a key"] {
        let out = ws
            .cmd()
            .env("INSTAGROWTH_LICENSE_SERVER", &url)
            .args(["license", "activate", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("error: "), "{err}");
        assert!(
            err.contains("typo") || err.contains("characters") || err.contains("never appears"),
            "{err}"
        );
    }
    assert_eq!(connections(&listener), 0, "no request was made");
    assert!(
        !ws.data_dir().exists(),
        "refused before the workspace was even created"
    );
}

// --- The built licence server ---

fn server_bin() -> PathBuf {
    let bin = assert_cmd::cargo::cargo_bin("instagrowth-license-server");
    assert!(
        bin.exists(),
        "{} is not built: run `cargo build -p instagrowth-license-server` first",
        bin.display()
    );
    bin
}

struct ServerProcess {
    child: Child,
    url: String,
    db_url: String,
    public_key: String,
    _dir: tempfile::TempDir,
}

impl ServerProcess {
    fn start() -> ServerProcess {
        let dir = tempfile::tempdir().unwrap();
        let db_url = format!("sqlite://{}", dir.path().join("license.db").display());
        let key_path = dir.path().join("signing.pem");
        let out = std::process::Command::new(server_bin())
            .args(["keygen", "--out"])
            .arg(&key_path)
            .output()
            .unwrap();
        assert!(out.status.success());
        let public_key = String::from_utf8(out.stdout).unwrap().trim().to_string();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new(server_bin())
            .arg("serve")
            .env_clear()
            .env("LICENSE_DB_URL", &db_url)
            .env("LICENSE_LISTEN", format!("127.0.0.1:{port}"))
            .env("LICENSE_SIGNING_KEY", &key_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = ServerProcess {
            child,
            url: format!("http://127.0.0.1:{port}"),
            db_url,
            public_key,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "the licence server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// The admin CLI on the server's database.
    fn admin(&self, args: &[&str]) -> String {
        let out = std::process::Command::new(server_bin())
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
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
#[ignore = "needs a D-Bus session with an unlocked keyring: scripts/desktop-session.sh"]
fn a_licence_is_activated_revoked_and_deactivated_against_the_server_binary() {
    let server = ServerProcess::start();
    let issued: Value = serde_json::from_str(&server.admin(&[
        "licenses",
        "issue",
        "--plan",
        "pro",
        "--email",
        "ana@example.com",
        "--json",
    ]))
    .unwrap();
    let key = issued["key"].as_str().unwrap().to_string();
    let ws = Ws::new();
    let cli = |args: &[&str]| {
        let mut c = ws.cmd();
        c.env("INSTAGROWTH_LICENSE_SERVER", &server.url)
            // Debug builds only: trust this server's freshly made key.
            .env("INSTAGROWTH_LICENSE_PUBLIC_KEY", &server.public_key)
            .args(args);
        c.output().unwrap()
    };
    let json = |args: &[&str]| -> Value {
        let out = cli(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };

    // The key from stdin, off the command line.
    let mut c = ws.cmd();
    c.env("INSTAGROWTH_LICENSE_SERVER", &server.url)
        .env("INSTAGROWTH_LICENSE_PUBLIC_KEY", &server.public_key)
        .args([
            "license",
            "activate",
            "-",
            "--machine-name",
            "CI box",
            "--json",
        ])
        .write_stdin(format!("{key}\n"));
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["state"], "active");
    assert_eq!(s["plan"], "pro");
    assert_eq!(s["machine_name"], "CI box");
    assert_eq!(s["entitlements"]["max_active_clients"], 10);

    let s = json(&["license", "status", "--json"]);
    assert_eq!(
        (s["state"].as_str(), s["plan"].as_str()),
        (Some("active"), Some("pro"))
    );

    server.admin(&["licenses", "revoke", &key]);
    let out = cli(&["license", "refresh"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("(REVOKED)"), "{err}");
    let s = json(&["license", "status", "--json"]);
    assert_eq!(s["state"], "read_only");
    assert_eq!(s["code"], "REVOKED");

    let s = json(&["license", "deactivate", "--json"]);
    assert_eq!(s["state"], "trial");
    let shown: Value =
        serde_json::from_str(&server.admin(&["licenses", "show", &key, "--json"])).unwrap();
    assert_eq!(
        shown["machines"].as_array().unwrap().len(),
        0,
        "the seat is free"
    );
}
