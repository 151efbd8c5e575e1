//! The built `instagrowth-license-server` binary against a temporary SQLite database: keygen,
//! licences, customers, releases, and `serve` configured from the environment.
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn db_url(&self) -> String {
        format!("sqlite://{}", self.path("license.db").display())
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("instagrowth-license-server").unwrap();
        c.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("LICENSE_DB_URL", self.db_url());
        c
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{args:?} printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// Runs a command that must fail; its stderr.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} should fail");
        String::from_utf8(out.stderr).unwrap()
    }
}

#[test]
fn keygen_writes_a_key_once_and_prints_the_public_key() {
    let env = Env::new();
    let key_path = env.path("signing.pem");
    let out = env
        .cmd()
        .args(["keygen", "--out"])
        .arg(&key_path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let public = String::from_utf8(out.stdout).unwrap();
    let public = instagrowth_license::public_key_from_base64(public.trim()).expect("a public key");
    let pem = std::fs::read_to_string(&key_path).unwrap();
    let private = instagrowth_license::signing_key_from_pem(&pem).unwrap();
    assert_eq!(private.verifying_key(), public);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key_path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let err = env.fails(&["keygen", "--out", key_path.to_str().unwrap()]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&key_path).unwrap(),
        pem,
        "never overwritten"
    );
}

#[test]
fn licenses_are_issued_listed_shown_and_changed() {
    let env = Env::new();
    let issued = env.json(&[
        "licenses",
        "issue",
        "--plan",
        "pro",
        "--email",
        "ana@example.com",
        "--add-on",
        "extra_clients_10:2",
        "--add-on",
        "white_label",
        "--expires",
        "2099-12-31",
        "--json",
    ]);
    let key = issued["key"].as_str().unwrap().to_string();
    let id = issued["license_id"].as_str().unwrap().to_string();
    assert!(instagrowth_license::parse_purchase_key(&key).is_ok());
    assert_eq!(issued["expires_at"], "2099-12-31T23:59:59Z");

    // Plain issue prints the key alone on stdout.
    let out = env
        .cmd()
        .args([
            "licenses",
            "issue",
            "--plan",
            "starter",
            "--email",
            "bo@example.com",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let plain = String::from_utf8(out.stdout).unwrap();
    assert!(
        instagrowth_license::parse_purchase_key(plain.trim()).is_ok(),
        "{plain}"
    );

    let list = env.json(&["licenses", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let listed = env.cmd().args(["licenses", "list"]).output().unwrap();
    let table = String::from_utf8(listed.stdout).unwrap();
    assert!(
        table.contains(&key[..10]) && !table.contains(&key),
        "the table shows prefixes only"
    );

    let shown = env.json(&["licenses", "show", &key[..10], "--json"]);
    assert_eq!(shown["id"], id.as_str());
    assert_eq!(shown["plan"], "pro");
    assert_eq!(shown["status"], "active");
    assert_eq!(
        shown["add_ons"],
        serde_json::json!([["extra_clients_10", 2], ["white_label", 1]])
    );
    // Pro is 10 clients and 2 seats; two packs of ten clients and the white-label add-on.
    let grants = &shown["entitlements"];
    assert_eq!(
        (
            grants["max_active_clients"].as_u64(),
            grants["seats"].as_u64(),
            grants["white_label"].as_bool()
        ),
        (Some(30), Some(2), Some(true))
    );
    let text = env
        .cmd()
        .args(["licenses", "show", &key[..10]])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("Grants    30 active clients · 2 seats · white-label"),
        "{text}"
    );
    assert_eq!(
        env.json(&["licenses", "show", &key, "--json"])["id"],
        id.as_str()
    );
    let stored: String = std::fs::read(env.path("license.db"))
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap();
    assert!(!stored.contains(&key), "the database holds no key");

    for (args, status) in [
        (vec!["suspend"], "suspended"),
        (vec!["reinstate", "--reason", "paid"], "active"),
        (vec!["revoke"], "revoked"),
    ] {
        env.cmd()
            .args(["licenses"])
            .args(&args)
            .arg(&id)
            .assert()
            .success();
        assert_eq!(
            env.json(&["licenses", "show", &id, "--json"])["status"],
            status,
            "{args:?}"
        );
    }
    env.cmd()
        .args(["licenses", "reinstate", &id, "--reason", "a mistake"])
        .assert()
        .success();
    env.cmd()
        .args(["licenses", "extend", &id, "--until", "2100-01-31"])
        .assert()
        .success();
    assert_eq!(
        env.json(&["licenses", "show", &id, "--json"])["expires_at"],
        "2100-01-31T23:59:59Z"
    );
    let out = env
        .cmd()
        .args(["licenses", "reset-machines", &key[..10]])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("Freed 0 seat(s)"));

    let customers = env.json(&["customers", "list", "--json"]);
    let emails: Vec<&str> = customers
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["email"].as_str().unwrap())
        .collect();
    assert!(emails.contains(&"ana@example.com") && emails.contains(&"bo@example.com"));
}

#[test]
fn reinstate_records_who_and_why() {
    let env = Env::new();
    let issued = env.json(&[
        "licenses",
        "issue",
        "--plan",
        "pro",
        "--email",
        "ana@example.com",
        "--json",
    ]);
    let id = issued["license_id"].as_str().unwrap().to_string();
    env.cmd()
        .args([
            "licenses",
            "revoke",
            &id,
            "--by",
            "alice",
            "--reason",
            "chargeback",
        ])
        .assert()
        .success();
    // Without a reason nothing changes.
    let err = env.fails(&["licenses", "reinstate", &id]);
    assert!(err.contains("--reason"), "{err}");
    assert_eq!(
        env.json(&["licenses", "show", &id, "--json"])["status"],
        "revoked"
    );
    // Who defaults to the OS user.
    env.cmd()
        .env("USER", "carol")
        .env("USERNAME", "carol")
        .args([
            "licenses",
            "reinstate",
            &id,
            "--reason",
            "the bank sided with the customer",
        ])
        .assert()
        .success();
    assert_eq!(
        env.json(&["licenses", "show", &id, "--json"])["status"],
        "active"
    );
    // Reinstating what is not held is refused.
    let err = env.fails(&["licenses", "reinstate", &id, "--reason", "again"]);
    assert!(err.contains("nothing to reinstate"), "{err}");

    // A licence revoked the old way (a refund wrote `revoked` as its status) comes back too.
    let url = env.db_url();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let db = instagrowth_license_server::Db::open(&url).await.unwrap();
        let mut conn = db.pool().acquire().await.unwrap();
        instagrowth_license_server::queries::licenses::set_status(
            &mut conn,
            &id,
            instagrowth_license::LicenseStatus::Revoked,
            1,
        )
        .await
        .unwrap();
        drop(conn);
        db.close().await;
    });
    assert_eq!(
        env.json(&["licenses", "show", &id, "--json"])["status"],
        "revoked"
    );
    env.cmd()
        .args([
            "licenses",
            "reinstate",
            &id,
            "--by",
            "dan",
            "--reason",
            "refund was a mistake",
        ])
        .assert()
        .success();
    assert_eq!(
        env.json(&["licenses", "show", &id, "--json"])["status"],
        "active"
    );

    let history = env.json(&["licenses", "history", &id, "--json"]);
    let rows: Vec<(&str, &str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["by"].as_str().unwrap(),
                e["reason"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("revoke", "alice", "chargeback"),
            ("reinstate", "carol", "the bank sided with the customer"),
            ("reinstate", "dan", "refund was a mistake"),
        ]
    );
    let text = env
        .cmd()
        .args(["licenses", "history", &id])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("reinstate") && text.contains("carol") && text.contains("chargeback"),
        "{text}"
    );
}

#[test]
fn bad_input_fails_with_one_line_and_changes_nothing() {
    let env = Env::new();
    let err = env.fails(&[
        "licenses",
        "issue",
        "--plan",
        "gold",
        "--email",
        "a@example.com",
    ]);
    assert!(
        err.contains("no plan “gold”") && err.contains("starter"),
        "{err}"
    );
    let err = env.fails(&[
        "licenses",
        "issue",
        "--plan",
        "pro",
        "--email",
        "a@example.com",
        "--add-on",
        "rocket",
    ]);
    assert!(err.contains("rocket"), "{err}");
    let err = env.fails(&[
        "licenses",
        "issue",
        "--plan",
        "pro",
        "--email",
        "a@example.com",
        "--add-on",
        "white_label:0",
    ]);
    assert!(err.contains("quantity"), "{err}");
    let err = env.fails(&[
        "licenses",
        "issue",
        "--plan",
        "pro",
        "--email",
        "a@example.com",
        "--expires",
        "31/12/2099",
    ]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    let err = env.fails(&[
        "licenses",
        "issue",
        "--plan",
        "pro",
        "--email",
        "not-an-address",
    ]);
    assert!(err.contains("e-mail"), "{err}");
    let err = env.fails(&["licenses", "show", "IGOS-ZZZZZ"]);
    assert!(err.contains("no licence"), "{err}");
    assert_eq!(err.trim().lines().count(), 1);
    assert_eq!(
        env.json(&["licenses", "list", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn releases_are_added_and_listed() {
    let env = Env::new();
    let sig = env.path("app.tar.gz.sig");
    std::fs::write(&sig, "dW50cnVzdGVkIGNvbW1lbnQ6IHNpZ25hdHVyZQ==\n").unwrap();
    env.cmd()
        .args([
            "releases",
            "add",
            "--channel",
            "stable",
            "--version",
            "1.4.0",
            "--target",
            "linux",
            "--arch",
            "x86_64",
            "--url",
            "https://dl.example.test/1.4.0/app.AppImage.tar.gz",
            "--signature",
        ])
        .arg(&sig)
        .args([
            "--notes",
            "Faster imports",
            "--pub-date",
            "2026-11-20T10:00:00+01:00",
        ])
        .assert()
        .success();
    let err = env.fails(&[
        "releases",
        "add",
        "--channel",
        "stable",
        "--version",
        "1.4.0",
        "--target",
        "linux",
        "--arch",
        "x86_64",
        "--url",
        "https://dl.example.test/x",
        "--signature",
        "abc",
    ]);
    assert!(err.contains("already published"), "{err}");
    let err = env.fails(&[
        "releases",
        "add",
        "--channel",
        "stable",
        "--version",
        "one",
        "--target",
        "linux",
        "--arch",
        "x86_64",
        "--url",
        "https://dl.example.test/x",
        "--signature",
        "abc",
    ]);
    assert!(err.contains("semver"), "{err}");
    env.fails(&[
        "releases",
        "add",
        "--channel",
        "nightly",
        "--version",
        "1.5.0",
        "--target",
        "linux",
        "--arch",
        "x86_64",
        "--url",
        "https://dl.example.test/x",
        "--signature",
        "abc",
    ]);
    let list = env.json(&["releases", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        list[0]["signature"],
        "dW50cnVzdGVkIGNvbW1lbnQ6IHNpZ25hdHVyZQ=="
    );
    assert_eq!(list[0]["pub_date"], "2026-11-20T09:00:00Z");
    assert_eq!(list[0]["notes"], "Faster imports");
}

#[test]
fn serve_runs_from_the_environment() {
    let env = Env::new();
    let key_path = env.path("signing.pem");
    env.cmd()
        .args(["keygen", "--out"])
        .arg(&key_path)
        .assert()
        .success();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let bin = assert_cmd::cargo::cargo_bin("instagrowth-license-server");
    let mut child = std::process::Command::new(bin)
        .arg("serve")
        .env_clear()
        .env("LICENSE_DB_URL", env.db_url())
        .env("LICENSE_LISTEN", format!("127.0.0.1:{port}"))
        .env("LICENSE_SIGNING_KEY", &key_path)
        .env("STRIPE_WEBHOOK_SECRET", "whsec_x")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let url = format!("http://127.0.0.1:{port}/healthz");
    let ok = loop {
        if let Ok(r) = reqwest::blocking_get(&url) {
            break r;
        }
        assert!(Instant::now() < deadline, "serve did not answer");
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(ok, 200);
    assert!(
        env.path("license.db").exists(),
        "the SQLite file was created"
    );
}

mod reqwest {
    /// A blocking GET without a blocking HTTP client: a tiny runtime around reqwest's async one.
    pub fn blocking_get(url: &str) -> Result<u16, ()> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            ::reqwest::get(url)
                .await
                .map(|r| r.status().as_u16())
                .map_err(|_| ())
        })
    }
}
