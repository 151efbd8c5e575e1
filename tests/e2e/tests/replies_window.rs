//! The reply assistant in the real window: paste comments, triage them offline, copy a draft to
//! the system clipboard and mark the message handled — then the CLI on the same workspace sees
//! the same queue, with that message handled.
use std::process::Command;
use std::time::Duration;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{bin, capabilities, screenshot, Driver, Sandbox};

const WAIT: Duration = Duration::from_secs(30);

const COMMENTS: &str =
    "giulia.rossi: quanto costa il trattamento viso? vorrei prenotare per sabato\n\
tom: your studio changed my skin, thank you!!\n\
spam_bot_77: Get 5k followers cheap, check my bio";

fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

fn js(app: &Session, body: &str) -> serde_json::Value {
    app.execute_async(&format!(
        "const done = arguments[arguments.length - 1]; {body}"
    ))
}

fn count(app: &Session, css: &str) -> usize {
    js(
        app,
        &format!("done(document.querySelectorAll(\"{css}\").length);"),
    )
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

fn clipboard_text() -> String {
    // The app owns the X clipboard; read it the way another program would.
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        if let Ok(text) = arboard::Clipboard::new().and_then(|mut c| c.get_text()) {
            if !text.is_empty() {
                return text;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "nothing reached the clipboard"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn cli(sandbox: &Sandbox, args: &[&str]) -> serde_json::Value {
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
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn an_agency_triages_comments_and_copies_a_draft() {
    let sandbox = Sandbox::new();
    cli(
        &sandbox,
        &[
            "clients",
            "add",
            "--name",
            "Glow Studio",
            "--handle",
            "glow",
            "--niche",
            "skincare",
        ],
    );
    let ws = sandbox.workspace().display().to_string();
    let driver = Driver::start(&sandbox);
    let app = Session::new(
        &driver.url(),
        capabilities(&bin("instagrowth-os"), &["--data-dir".to_string(), ws]),
    );
    app.wait_for("body[data-ready='true']", WAIT);
    app.click(&app.wait_for("[data-testid='client-row'][data-handle='glow']", WAIT));
    app.click(&app.wait_for(&by_id("client-tab-replies"), WAIT));

    let paste = app.wait_for(&by_id("replies-paste"), WAIT);
    // Typed as a person would: each line, then the Enter key (W3C WebDriver's \u{E007}).
    app.send_keys(&paste, &COMMENTS.replace('\n', "\u{E007}"));
    app.click(&app.wait_for(&by_id("replies-triage"), WAIT));
    wait_count(&app, "[data-testid='reply-card']", 3);
    let summary = app.text_content(&app.wait_for(&by_id("replies-summary"), WAIT));
    assert!(summary.contains('3'), "{summary}");

    // The Italian price-and-booking question is the top lead; the bot is last with no draft.
    let first = js(
        &app,
        "const c = document.querySelector(\"[data-testid='reply-card']\");\
         done([c.dataset.intent, Number(c.dataset.leadScore), c.textContent]);",
    );
    assert!(
        ["pricing", "purchase"].contains(&first[0].as_str().unwrap()),
        "{first}"
    );
    assert!(first[1].as_u64().unwrap() >= 50, "{first}");
    assert!(
        first[2].as_str().unwrap().contains("giulia.rossi"),
        "{first}"
    );
    let last_intent = js(
        &app,
        "const cs = document.querySelectorAll(\"[data-testid='reply-card']\");\
         done(cs[cs.length - 1].dataset.intent);",
    );
    assert_eq!(last_intent, "spam");
    screenshot("replies-01-queue.png");

    // Copy the first draft of the top message: the system clipboard holds exactly its text.
    let draft = js(
        &app,
        "const d = document.querySelector(\"[data-testid='reply-card'] [data-testid='reply-draft']\");\
         done(d.value !== undefined ? d.value : d.textContent);",
    );
    let draft = draft.as_str().unwrap().trim().to_string();
    assert!(!draft.is_empty());
    app.click(&app.wait_for(&by_id("copy-draft"), WAIT));
    assert_eq!(clipboard_text().trim(), draft);

    // Handled: it leaves the queue.
    app.click(&app.wait_for(&by_id("reply-handled"), WAIT));
    wait_count(&app, "[data-testid='reply-card']", 2);
    screenshot("replies-02-handled.png");

    // The leads view lists the handled lead too; the reply settings open over it.
    app.click(&app.wait_for(&by_id("replies-leads-tab"), WAIT));
    wait_count(&app, "[data-testid='leads-row']", 1);
    screenshot("replies-03-leads.png");
    app.click(&app.wait_for(&by_id("replies-settings"), WAIT));
    app.wait_for(&by_id("rules-avoid"), WAIT);
    std::thread::sleep(Duration::from_millis(400)); // the dialog's fade-in
    screenshot("replies-04-settings.png");
    app.quit();
    drop(driver);

    // The CLI on the same workspace: nothing new, and the message is handled.
    let file = sandbox.workspace().with_file_name("comments.txt");
    std::fs::write(&file, COMMENTS).unwrap();
    let v = cli(
        &sandbox,
        &[
            "replies",
            "--client",
            "@glow",
            "--input",
            file.to_str().unwrap(),
            "--offline",
            "--json",
        ],
    );
    assert_eq!(v["counts"]["unchanged"], 3, "{v}");
    let giulia = v["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["author"] == "giulia.rossi")
        .unwrap();
    assert!(giulia["handled_at"].is_string(), "{giulia}");
}
