//! The licence in the real window against the built licence server on loopback: the trial's
//! banner, a purchase key checked as it is typed (a typo caught before any request), activation
//! of this computer's seat, a revocation heard by "Check now" that makes the app read-only while
//! everything made stays viewable — and the activation link from the purchase e-mail opening the
//! app with the key filled in.
use std::process::Command;
use std::time::Duration;

use instagrowth_e2e::license_server::LicenseServer;
use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{bin, capabilities, screenshot, Driver, Sandbox};

const WAIT: Duration = Duration::from_secs(30);

fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

fn cli(sandbox: &Sandbox, server: &LicenseServer, args: &[&str]) -> std::process::Output {
    let mut c = Command::new(bin("instagrowth"));
    sandbox.apply(&mut c);
    c.envs(server.app_env())
        .arg("--data-dir")
        .arg(sandbox.workspace())
        .args(args)
        .output()
        .unwrap()
}

/// The key with its last character changed: the check character catches it.
fn with_typo(key: &str) -> String {
    let last = key.chars().last().unwrap();
    let other = if last == '0' { '1' } else { '0' };
    format!("{}{other}", &key[..key.len() - 1])
}

fn wait_attr(app: &Session, css: &str, attr: &str, value: &str) {
    app.wait_for(&format!("{css}[{attr}='{value}']"), WAIT);
}

#[test]
#[ignore = "needs the built app and licence server, Xvfb, D-Bus with a keyring and tauri-driver: run scripts/test.sh"]
fn a_seat_is_activated_in_the_window_and_a_revocation_makes_it_read_only() {
    let server = LicenseServer::start();
    let key = server.issue("pro");
    let sandbox = Sandbox::new();
    let out = cli(
        &sandbox,
        &server,
        &[
            "clients",
            "add",
            "--name",
            "Glow Studio",
            "--handle",
            "glow",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let ws = sandbox.workspace().display().to_string();
    let driver = Driver::start_with_env(&sandbox, &server.app_env());
    let app = Session::new(
        &driver.url(),
        capabilities(&bin("instagrowth-os"), &["--data-dir".to_string(), ws]),
    );
    app.wait_for("body[data-ready='true']", WAIT);

    // The trial, said on every page.
    let banner = app.wait_for(&by_id("license-banner"), WAIT);
    let text = app.text_content(&banner);
    assert!(text.contains("Trial: 14 days left"), "{text}");
    screenshot("license-01-trial.png");
    app.click(&app.wait_for(&by_id("license-banner-open"), WAIT));
    app.wait_for(&by_id("license-page"), WAIT);

    // A typo is caught as it is typed; the server is never asked.
    let input = app.wait_for(&by_id("license-key-input"), WAIT);
    app.send_keys(&input, &with_typo(&key));
    wait_attr(&app, &by_id("license-key-check"), "data-state", "invalid");
    let check = app.text_content(&app.wait_for(&by_id("license-key-check"), WAIT));
    assert!(check.contains("typo"), "{check}");
    let disabled = app.execute_async(
        "arguments[0](document.querySelector(\"[data-testid='license-activate']\").disabled);",
    );
    assert_eq!(disabled, true, "Activate waits for a valid key");
    screenshot("license-02-typo.png");

    // The real key as people paste it: lower case, spaces.
    app.clear(&input);
    app.send_keys(&input, &key.to_lowercase().replace('-', " "));
    wait_attr(&app, &by_id("license-key-check"), "data-state", "valid");
    let name = app.wait_for(&by_id("license-machine-name"), WAIT);
    app.clear(&name);
    app.send_keys(&name, "E2E workstation");
    app.click(&app.wait_for(&by_id("license-activate"), WAIT));
    wait_attr(&app, &by_id("license-summary"), "data-state", "active");
    let plan = app.text_content(&app.wait_for(&by_id("license-plan"), WAIT));
    assert_eq!(plan.trim(), "Pro");
    let seats = app.text_content(&app.wait_for(&by_id("license-seats"), WAIT));
    assert_eq!(seats.trim(), "1 of 2 in use");
    let machine = app.text_content(&app.wait_for(&by_id("license-machine"), WAIT));
    assert_eq!(machine.trim(), "E2E workstation");
    std::thread::sleep(Duration::from_millis(300));
    screenshot("license-03-active.png");
    // Active: no banner on the other pages either.
    app.click(&app.wait_for(&by_id("nav-clients"), WAIT));
    app.wait_for("[data-testid='client-row'][data-handle='glow']", WAIT);
    assert!(
        app.find(&by_id("license-banner")).is_none(),
        "no banner once active"
    );

    // Revoked at the server: "Check now" hears it and the app turns read-only.
    server.admin(&["licenses", "revoke", &key]);
    app.click(&app.wait_for(&by_id("nav-license"), WAIT));
    app.click(&app.wait_for(&by_id("license-refresh"), WAIT));
    wait_attr(&app, &by_id("license-summary"), "data-state", "read_only");
    let reason = app.text_content(&app.wait_for(&by_id("license-reason"), WAIT));
    assert!(reason.contains("revoked"), "{reason}");
    screenshot("license-04-revoked.png");

    // Every other page says so in the banner.
    app.click(&app.wait_for(&by_id("nav-clients"), WAIT));
    wait_attr(&app, &by_id("license-banner"), "data-state", "read_only");
    let banner = app.text_content(&app.wait_for(&by_id("license-banner"), WAIT));
    assert!(banner.contains("revoked"), "{banner}");
    assert!(banner.contains("viewable and exportable"), "{banner}");

    // Everything made stays viewable; nothing new can be made.
    app.click(&app.wait_for("[data-testid='client-row'][data-handle='glow']", WAIT));
    app.wait_for(&by_id("client-title"), WAIT);
    app.click(&app.wait_for(&by_id("nav-clients"), WAIT));
    app.click(&app.wait_for(&by_id("new-client"), WAIT));
    app.send_keys(&app.wait_for(&by_id("field-name"), WAIT), "Nova");
    app.send_keys(&app.wait_for(&by_id("field-handle"), WAIT), "nova\u{E007}");
    let refused = app.text_content(&app.wait_for(&by_id("form-error"), WAIT));
    assert!(refused.contains("read-only"), "{refused}");
    screenshot("license-05-refused.png");
    app.quit();
    drop(driver);

    // The CLI on the same workspace agrees.
    let out = cli(&sandbox, &server, &["license", "status", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (s["state"].as_str(), s["code"].as_str()),
        (Some("read_only"), Some("REVOKED"))
    );
    let out = cli(&sandbox, &server, &["clients", "list", "--json"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("glow"));
}

#[test]
#[ignore = "needs the built app and licence server, Xvfb, D-Bus with a keyring and tauri-driver: run scripts/test.sh"]
fn an_activation_link_opens_the_app_with_the_key_filled_in() {
    let server = LicenseServer::start();
    let key = server.issue("starter");
    let sandbox = Sandbox::new();
    let driver = Driver::start_with_env(&sandbox, &server.app_env());
    // As the operating system starts it for a link: the link is the argument (the data folder
    // is the default one, inside the sandbox's XDG_DATA_HOME).
    // A new computer (that default folder is fresh): the link lands in the first-run setup's
    // licence step, the key filled in.
    let link = format!("instagrowth://activate?key={key}");
    let app = Session::new(&driver.url(), capabilities(&bin("instagrowth-os"), &[link]));
    app.wait_for(&by_id("wizard"), WAIT);
    app.wait_text(&by_id("wizard-step-title"), "Your licence", WAIT);
    app.wait_for(&by_id("license-key-input"), WAIT);
    let value = app.execute_async(
        "arguments[0](document.querySelector(\"[data-testid='license-key-input']\").value);",
    );
    assert_eq!(value, key.as_str());
    wait_attr(&app, &by_id("license-key-check"), "data-state", "valid");
    screenshot("license-06-link.png");
    app.click(&app.wait_for(&by_id("license-activate"), WAIT));
    let done = app.wait_text(&by_id("wizard-license-done"), "Activated", WAIT);
    assert!(done.contains("Starter"), "{done}");
    app.quit();
}
