//! The AI provider through the real window: choose a provider, store the key (to the OS keychain
//! of the desktop session), test the connection, stream a sample and cancel one, read the usage
//! page — against a local OpenAI-compatible server. Then the key is searched for on disk (the
//! workspace, the settings, the logs: the whole sandboxed home) and is nowhere.
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{bin, capabilities, screenshot, Driver, Sandbox};
use instagrowth_fake_openai::{FakeOpenAi, Script};

const WAIT: Duration = Duration::from_secs(30);
const KEY: &str = "sk-proj-e2eWINDOWkey0123456789abcdQRST";
const HOOKS: &str = r#"{"hooks": [{"text": "The SPF mistake almost everyone makes", "formula": "mistake"}, {"text": "Before and after 30 days of double cleansing", "formula": "before_after"}, {"text": "Is your serum doing anything at all?", "formula": "question"}]}"#;

fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

fn open_app(driver: &Driver, sandbox: &Sandbox) -> Session {
    let args = vec![
        "--data-dir".to_string(),
        sandbox.workspace().display().to_string(),
    ];
    let app = Session::new(&driver.url(), capabilities(&bin("instagrowth-os"), &args));
    app.wait_for("body[data-ready='true']", WAIT);
    app
}

/// Waits until the element's text contains `needle`; returns the text.
fn wait_text(app: &Session, id: &str, needle: &str) -> String {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        if let Some(el) = app.find(&by_id(id)) {
            let text = app.text_content(&el);
            if text.contains(needle) {
                return text;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{id} never said “{needle}”: “{text}”"
            );
        } else {
            assert!(std::time::Instant::now() < deadline, "{id} never appeared");
        }
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

fn files_containing(root: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle))
            {
                hits.push(path);
            }
        }
    }
    hits
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus with a keyring and tauri-driver: run scripts/test.sh"]
fn an_agency_sets_up_its_own_provider_and_the_key_stays_in_the_keychain() {
    let server = FakeOpenAi::start();
    server.require_key(KEY);
    server.set_default_content(HOOKS);
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let app = open_app(&driver, &sandbox);

    // Nothing set up: the page says drafts are offline.
    app.click(&app.wait_for(&by_id("nav-settings"), WAIT));
    app.wait_for(&by_id("settings-page"), WAIT);
    wait_text(&app, "ai-status", "offline");

    // OpenAI's preset, pointed at the local server.
    app.click(&app.wait_for("[data-testid='ai-preset'] option[value='openai']", WAIT));
    let url = app.wait_for(&by_id("ai-base-url"), WAIT);
    app.clear(&url);
    app.send_keys(&url, &server.base_url());
    let model = app.wait_for(&by_id("ai-model"), WAIT);
    app.clear(&model);
    app.send_keys(&model, "gpt-4o-mini");
    app.click(&app.wait_for(&by_id("ai-save"), WAIT));
    wait_text(&app, "ai-status", "needs an API key");

    // The key goes to the keychain; the page shows only a hint.
    app.send_keys(&app.wait_for(&by_id("ai-key-input"), WAIT), KEY);
    app.click(&app.wait_for(&by_id("ai-key-save"), WAIT));
    wait_text(&app, "ai-key-hint", "sk-…QRST");
    assert!(!app
        .text_content(&app.wait_for(&by_id("settings-page"), WAIT))
        .contains(KEY));

    app.click(&app.wait_for(&by_id("ai-test"), WAIT));
    wait_text(&app, "ai-test-result", "gpt-4o-mini");
    screenshot("ai-01-settings.png");

    // A sample streams in: three hooks, tagged with their formulas.
    app.click(&app.wait_for(&by_id("ai-sample"), WAIT));
    wait_text(&app, "ai-sample-meta", "gpt-4o-mini");
    assert_eq!(count(&app, "[data-testid='ai-sample-item']"), 3);
    let first = app.text_content(&app.wait_for(&by_id("ai-sample-item"), WAIT));
    assert!(
        first.contains("The SPF mistake almost everyone makes"),
        "{first}"
    );
    app.scroll_into_view(&app.wait_for(&by_id("ai-test"), WAIT));
    screenshot("ai-02-sample.png");

    // A slow answer is cancelled from the window: nothing is charged.
    server.push(Script::slow(Duration::from_secs(20), Script::reply(HOOKS)));
    app.click(&app.wait_for(&by_id("ai-sample"), WAIT));
    app.click(&app.wait_for(&by_id("ai-sample-cancel"), WAIT));
    wait_text(&app, "ai-sample-error", "nothing was charged");
    wait_text(&app, "credit-line", "1 of 100");

    // The usage page: the test, the sample and the cancelled sample.
    app.click(&app.wait_for(&by_id("nav-usage"), WAIT));
    app.wait_for(&by_id("usage-page"), WAIT);
    app.wait_for(&by_id("usage-call-row"), WAIT);
    assert_eq!(count(&app, "[data-testid='usage-call-row']"), 3);
    assert_eq!(count(&app, "[data-testid='usage-month-row']"), 1);
    let outcomes = app.text_content(&app.wait_for(&by_id("usage-recent"), WAIT));
    assert!(outcomes.contains("cancelled"), "{outcomes}");
    screenshot("ai-03-usage.png");
    app.quit();
    drop(driver);

    // The CLI sees the same provider and the same key (through the keychain).
    let out = Command::new(bin("instagrowth"))
        .args(["--data-dir"])
        .arg(sandbox.workspace())
        .args(["ai", "status", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["key"]["hint"], "sk-…QRST");
    assert_eq!(status["credits_used"], 1);

    // Nowhere on disk: the workspace, the app's settings and logs, the whole sandboxed home.
    let logs = sandbox
        .root
        .path()
        .join("data/com.instagrowth.desktop/logs");
    assert!(
        std::fs::read_dir(&logs).is_ok_and(|mut d| d.next().is_some()),
        "the app wrote no log in {}",
        logs.display()
    );
    assert_eq!(
        files_containing(sandbox.root.path(), KEY.as_bytes()),
        Vec::<PathBuf>::new()
    );
}
