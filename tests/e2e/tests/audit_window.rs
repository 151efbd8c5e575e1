//! The audit in the real window: brand the agency in Settings, run an audit of an imported client,
//! read its sections, export the PDF through the app's own command, and keep PNGs of its pages
//! (`pdftoppm`) under `target/e2e/` to look at.
#[path = "../../../crates/import/tests/support/mod.rs"]
mod support;

use std::process::Command;
use std::time::Duration;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{artifacts_dir, bin, capabilities, screenshot, Driver, Sandbox};
use support::{glow_studio, now_secs, Export};

const WAIT: Duration = Duration::from_secs(30);
const DAY: i64 = 86_400;

fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

/// 24 posts over the last 12 weeks with insights; reach halves in the last month; some posts
/// carry too many hashtags.
fn fixture() -> Export {
    let now = now_secs();
    let mut e = glow_studio(900, now);
    for i in 0..24i64 {
        let ts = now - (1 + i * 3) * DAY - (i % 5) * 3_600 * 3;
        let uri = format!("media/posts/2026/p{i}.jpg");
        let tags = if i % 4 == 0 {
            " #skincare #glow #spf #serum #routine #explore #viral"
        } else {
            " #skincare #berlinbeauty #dryskin"
        };
        let caption = format!("{} steps to calmer skin this winter, part {i}\nWhich one do you skip? Save this for later.{tags}", i % 4 + 2);
        let likes = (40 + (i * 7) % 30).to_string();
        let reach = (if i < 10 {
            260 + i * 10
        } else {
            640 + (i * 13) % 120
        })
        .to_string();
        e = e.post(ts, &caption, &[&uri]).post_insights(
            &uri,
            ts,
            &caption,
            &[
                ("Likes", &likes),
                ("Comments", "4"),
                ("Saves", "3"),
                ("Accounts reached", &reach),
            ],
        );
    }
    e
}

fn cli(sandbox: &Sandbox, args: &[&str]) {
    let mut c = Command::new(bin("instagrowth"));
    sandbox.apply(&mut c);
    let out = c
        .arg("--data-dir")
        .arg(sandbox.workspace())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn wait_text(app: &Session, id: &str, needle: &str) -> String {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        if let Some(el) = app.find(&by_id(id)) {
            let t = app.text_content(&el);
            if t.contains(needle) {
                return t;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{id} never said “{needle}”"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn count(app: &Session, css: &str) -> usize {
    app.execute_async(&format!(
        "arguments[arguments.length - 1](document.querySelectorAll(\"{css}\").length);"
    ))
    .as_u64()
    .unwrap_or(0) as usize
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn an_agency_runs_an_audit_and_exports_its_branded_pdf() {
    let sandbox = Sandbox::new();
    cli(
        &sandbox,
        &[
            "clients",
            "add",
            "--name",
            "Glow Studio",
            "--handle",
            "glow.studio",
            "--niche",
            "skincare",
        ],
    );
    let zip = sandbox.root.path().join("instagram-glow.studio.zip");
    fixture().write_zip(&zip);
    cli(
        &sandbox,
        &[
            "import",
            "--client",
            "@glow.studio",
            &zip.display().to_string(),
        ],
    );

    let driver = Driver::start(&sandbox);
    let args = vec![
        "--data-dir".to_string(),
        sandbox.workspace().display().to_string(),
    ];
    let app = Session::new(&driver.url(), capabilities(&bin("instagrowth-os"), &args));
    app.wait_for("body[data-ready='true']", WAIT);

    // Branding first: the agency's name goes on the report.
    app.click(&app.wait_for(&by_id("nav-settings"), WAIT));
    let name = app.wait_for(&by_id("branding-agency-name"), WAIT);
    app.scroll_into_view(&name);
    app.clear(&name);
    app.send_keys(&name, "Northwind Social");
    let contact = app.wait_for(&by_id("branding-contact"), WAIT);
    app.clear(&contact);
    app.send_keys(&contact, "hello@northwind.social · northwind.social");
    app.click(&app.wait_for(&by_id("branding-save"), WAIT));
    wait_text(&app, "branding-preview", "Northwind Social");
    std::thread::sleep(Duration::from_millis(300));
    screenshot("audit-01-branding.png");

    // The client's audit tab: run one.
    app.click(&app.wait_for(&by_id("nav-clients"), WAIT));
    app.click(&app.wait_for(
        "[data-testid='client-row'][data-handle='glow.studio']",
        WAIT,
    ));
    app.click(&app.wait_for(&by_id("client-tab-audit"), WAIT));
    app.wait_for(&by_id("audit-empty"), WAIT);
    app.click(&app.wait_for(&by_id("audit-run"), WAIT));
    app.wait_for(&by_id("audit-score-cards"), WAIT);
    assert!(count(&app, "[data-testid='audit-finding']") >= 3);
    assert_eq!(count(&app, "[data-testid='audit-roadmap-week']"), 4);
    assert_eq!(count(&app, "[data-testid='audit-signal']"), 8);
    wait_text(&app, "audit-summary", "Glow Studio");
    wait_text(&app, "audit-narrative-source", "offline");
    std::thread::sleep(Duration::from_millis(300));
    screenshot("audit-02-tab.png");
    app.scroll_into_view(&app.wait_for(&by_id("audit-heatmap"), WAIT));
    std::thread::sleep(Duration::from_millis(300));
    screenshot("audit-03-heatmap.png");

    // A second audit compares with the first; the history lists both.
    app.click(&app.wait_for(&by_id("audit-run"), WAIT));
    app.wait_for(&by_id("audit-changes"), WAIT);
    let deadline = std::time::Instant::now() + WAIT;
    while count(&app, "[data-testid='audit-history-row']") < 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "history did not list two audits"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    // Export through the app's own command (the native save dialog cannot be driven over
    // WebDriver; the button's dialog flow is covered by the component tests).
    let pdf = sandbox.root.path().join("glow-audit.pdf");
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const id = await window.__TAURI_INTERNALS__.invoke('audit_history', {{ key: '@glow.studio' }}).then(h => h[0].id);
         window.__TAURI_INTERNALS__.invoke('audit_export_pdf', {{ id, path: {path:?}, openAfter: false }}).then(r => done(r.bytes), e => done('error: ' + JSON.stringify(e)));",
        path = pdf.display().to_string()
    );
    let bytes = app.execute_async(&format!("(async () => {{ {script} }})();"));
    assert!(bytes.as_u64().unwrap_or(0) > 10_000, "export: {bytes}");
    app.quit();
    drop(driver);

    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for needle in [
        "Northwind Social",
        "hello@northwind.social",
        "Glow Studio",
        "@glow.studio",
        "Instagram account audit",
        "What matters most",
        "Your 30-day roadmap",
        "Since the last audit",
    ] {
        assert!(text.contains(needle), "“{needle}” missing from the PDF");
    }
    // Every page as a PNG, to look at.
    let prefix = artifacts_dir().join("audit-pdf");
    let ok = Command::new("pdftoppm")
        .args(["-png", "-r", "70"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(ok.success());
    std::fs::copy(&pdf, artifacts_dir().join("audit.pdf")).unwrap();
}
