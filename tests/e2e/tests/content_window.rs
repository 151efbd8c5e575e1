//! Content in the real window: draft hashtag sets for a client offline, regenerate one, save one
//! to the library, mark it used there — then the CLI sees the saved item's set is never offered
//! again.
use std::process::Command;
use std::time::Duration;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{bin, capabilities, screenshot, Driver, Sandbox};

const WAIT: Duration = Duration::from_secs(30);

fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

fn count(app: &Session, css: &str) -> usize {
    app.execute_async(&format!(
        "arguments[arguments.length - 1](document.querySelectorAll(\"{css}\").length);"
    ))
    .as_u64()
    .unwrap_or(0) as usize
}

fn wait_count(app: &Session, css: &str, n: usize) {
    let deadline = std::time::Instant::now() + WAIT;
    while count(app, css) != n {
        assert!(
            std::time::Instant::now() < deadline,
            "{css}: {} not {n}",
            count(app, css)
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn an_agency_drafts_content_and_saves_it_to_the_library() {
    let sandbox = Sandbox::new();
    let ws = sandbox.workspace().display().to_string();
    let mut add = Command::new(bin("instagrowth"));
    sandbox.apply(&mut add);
    let ok = add
        .args([
            "--data-dir",
            &ws,
            "clients",
            "add",
            "--name",
            "Iron Den",
            "--handle",
            "iron.den",
            "--niche",
            "fitness gym",
        ])
        .status()
        .unwrap();
    assert!(ok.success());

    let driver = Driver::start(&sandbox);
    let app = Session::new(
        &driver.url(),
        capabilities(
            &bin("instagrowth-os"),
            &["--data-dir".to_string(), ws.clone()],
        ),
    );
    app.wait_for("body[data-ready='true']", WAIT);
    app.click(&app.wait_for("[data-testid='client-row'][data-handle='iron.den']", WAIT));
    app.click(&app.wait_for(&by_id("client-tab-content"), WAIT));

    app.click(&app.wait_for(
        "[data-testid='content-kind'] option[value='hashtags']",
        WAIT,
    ));
    let n = app.wait_for(&by_id("content-count"), WAIT);
    app.clear(&n);
    app.send_keys(&n, "4");
    app.click(&app.wait_for(&by_id("content-offline"), WAIT));
    app.click(&app.wait_for(&by_id("content-generate"), WAIT));
    wait_count(&app, "[data-testid='content-item']", 4);
    let source = app.text_content(&app.wait_for(&by_id("content-source"), WAIT));
    assert!(source.contains("fitness"), "{source}");
    let first = app.text_content(&app.wait_for(&by_id("content-item"), WAIT));
    assert!(first.contains('#'), "{first}");
    screenshot("content-01-draft.png");

    // Save the first set; the library shows it; mark it used.
    app.click(&app.wait_for(&by_id("content-save"), WAIT));
    app.wait_for(&by_id("content-saved"), WAIT);
    app.click(&app.wait_for(&by_id("content-view-library"), WAIT));
    wait_count(&app, "[data-testid='library-item']", 1);
    app.click(&app.wait_for(&by_id("library-mark-used"), WAIT));
    // It stays on screen (to undo) with its date; the next load hides it.
    app.wait_for(&by_id("library-used-on"), WAIT);
    screenshot("content-02-library.png");
    app.quit();
    drop(driver);

    // Through the CLI on the same workspace: the used set is never offered again.
    let tags: Vec<String> = first
        .split_whitespace()
        .filter(|w| w.starts_with('#'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '#')
                .to_string()
        })
        .collect();
    for seed in 0..5 {
        let mut c = Command::new(bin("instagrowth"));
        sandbox.apply(&mut c);
        let out = c
            .args([
                "--data-dir",
                &ws,
                "content",
                "--client",
                "@iron.den",
                "--kind",
                "hashtags",
                "--count",
                "10",
                "--offline",
                "--json",
                "--seed",
                &seed.to_string(),
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for item in v["items"].as_array().unwrap() {
            let set: Vec<String> = item["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_string())
                .collect();
            assert_ne!(set, tags, "a used set was offered again");
        }
    }
}
