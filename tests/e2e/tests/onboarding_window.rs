//! The first-run setup in the real window, on a fresh data dir: the trial, offline drafting, the
//! agency's brand, the first client — then the app is closed and opened again, and the setup
//! resumes at the import — the client's export imported, the first audit run and its branded PDF
//! saved to Documents without a dialog. It ends on the client's page; the CLI agrees it is done.
#[path = "../../../crates/import/tests/support/mod.rs"]
mod support;

use std::process::Command;
use std::time::Duration;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{
    artifacts_dir, bin, by_id, capabilities, cli, screenshot, wait_for_app_exit, Driver, Sandbox,
};
use support::{glow_studio, now_secs, Export};

const WAIT: Duration = Duration::from_secs(30);
const DAY: i64 = 86_400;

/// 18 posts over the last 9 weeks with insights, and 600 followers.
fn fixture() -> Export {
    let now = now_secs();
    let mut e = glow_studio(600, now);
    for i in 0..18i64 {
        let ts = now - (1 + i * 3) * DAY;
        let uri = format!("media/posts/2026/p{i}.jpg");
        let caption =
            format!("Step {i} to calmer skin. Which one do you skip? #skincare #berlinbeauty");
        let likes = (40 + (i * 7) % 30).to_string();
        let reach = (400 + (i * 13) % 120).to_string();
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

fn launch(driver: &Driver, sandbox: &Sandbox) -> Session {
    wait_for_app_exit();
    let args = vec![
        "--data-dir".to_string(),
        sandbox.workspace().display().to_string(),
    ];
    let app = Session::new(&driver.url(), capabilities(&bin("instagrowth-os"), &args));
    app.wait_for("body[data-ready='true']", WAIT);
    app
}

fn step_title(app: &Session, needle: &str) {
    app.wait_text(&by_id("wizard-step-title"), needle, WAIT);
}

fn next(app: &Session) {
    app.click(&app.wait_for(&format!("{}:not([disabled])", by_id("wizard-next")), WAIT));
}

fn onboarding_json(sandbox: &Sandbox) -> serde_json::Value {
    serde_json::from_str(&cli(sandbox, &["onboarding", "status", "--json"])).unwrap()
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn a_new_seat_goes_from_the_first_start_to_an_audit_pdf() {
    let sandbox = Sandbox::first_run();
    let zip = sandbox.root.path().join("instagram-glow.studio.zip");
    fixture().write_zip(&zip);
    let driver = Driver::start(&sandbox);

    // 1. The licence: the trial.
    let app = launch(&driver, &sandbox);
    app.wait_for(&by_id("wizard"), WAIT);
    step_title(&app, "Your licence");
    let trial = app.text_content(&app.wait_for(&by_id("wizard-trial"), WAIT));
    assert!(trial.contains("14 days left"), "{trial}");
    std::thread::sleep(Duration::from_millis(300));
    screenshot("onboarding-01-licence.png");
    next(&app);

    // 2. AI: offline only.
    step_title(&app, "AI provider");
    // The provider's cards, as in Settings, then back to offline only.
    app.click(&app.wait_for(&by_id("wizard-ai-provider"), WAIT));
    app.wait_for(&by_id("ai-status"), WAIT);
    std::thread::sleep(Duration::from_millis(300));
    screenshot("onboarding-02-ai-provider.png");
    app.click(&app.wait_for(&by_id("wizard-ai-offline"), WAIT));
    assert!(app.find(&by_id("ai-status")).is_none());
    screenshot("onboarding-02-ai.png");
    next(&app);

    // 3. Branding, with the cover preview.
    step_title(&app, "brand");
    let name = app.wait_for(&by_id("branding-agency-name"), WAIT);
    app.clear(&name);
    app.send_keys(&name, "Northwind Social");
    app.click(&app.wait_for(&by_id("branding-save"), WAIT));
    app.wait_text(&by_id("branding-preview"), "Northwind Social", WAIT);
    std::thread::sleep(Duration::from_millis(300));
    screenshot("onboarding-03-branding.png");
    next(&app);

    // 4. The first client.
    step_title(&app, "first client");
    app.click(&app.wait_for(&by_id("wizard-add-client"), WAIT));
    app.send_keys(&app.wait_for(&by_id("field-name"), WAIT), "Glow Studio");
    app.send_keys(&app.wait_for(&by_id("field-handle"), WAIT), "glow.studio");
    app.send_keys(&app.wait_for(&by_id("field-niche"), WAIT), "Skincare");
    app.click(&app.wait_for(&by_id("form-save"), WAIT));
    app.wait_gone(&by_id("client-form"), WAIT);
    let card = app.text_content(&app.wait_for(&by_id("wizard-client"), WAIT));
    assert!(card.contains("@glow.studio"), "{card}");
    next(&app);
    step_title(&app, "Instagram data");

    // Closed mid-way and opened again: the setup resumes at the import, with its client.
    app.quit();
    let o = onboarding_json(&sandbox);
    assert_eq!(o["step"], "import", "{o}");
    assert_eq!(o["done"].as_array().unwrap().len(), 4, "{o}");
    let app = launch(&driver, &sandbox);
    step_title(&app, "Glow Studio's Instagram data");

    // Help from inside the setup opens over it, on the article the step links to.
    app.click(&app.wait_for(
        "[data-testid='help-link'][data-help-article='getting-client-data']",
        WAIT,
    ));
    app.wait_text(
        &by_id("help-article-title"),
        "Getting a client's Instagram data",
        WAIT,
    );
    std::thread::sleep(Duration::from_millis(300));
    screenshot("onboarding-04-help.png");
    // Esc closes it (sent to a control inside the dialog).
    app.send_keys(&app.wait_for(&by_id("help-back"), WAIT), "\u{E00C}");
    app.wait_gone("[role='dialog']", WAIT);
    assert!(app.find(&by_id("wizard")).is_some());

    // 5. The client's export, by its path.
    let path = app.wait_for(&by_id("import-path"), WAIT);
    app.send_keys(&path, &zip.display().to_string());
    app.click(&app.wait_for(&by_id("import-path-go"), WAIT));
    let summary = app.text_content(&app.wait_for(&by_id("import-summary"), WAIT));
    assert!(summary.contains("18"), "18 posts added: {summary}");
    screenshot("onboarding-05-import.png");
    next(&app);

    // 6. The first audit, and its PDF saved to Documents.
    step_title(&app, "first audit");
    app.click(&app.wait_for(&by_id("audit-run"), WAIT));
    app.wait_for(&by_id("audit-score-cards"), WAIT);
    let open_after = app.wait_for(&by_id("wizard-open-after"), WAIT);
    app.click(&open_after);
    app.click(&app.wait_for(&by_id("wizard-save-pdf"), WAIT));
    let saved = app.text_content(&app.wait_for(&by_id("wizard-pdf-saved"), WAIT));
    std::thread::sleep(Duration::from_millis(300));
    screenshot("onboarding-06-audit.png");
    let pdf = sandbox
        .root
        .path()
        .join("home/Documents/InstaGrowth OS")
        .read_dir()
        .expect("the reports folder in Documents")
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .expect("a PDF in Documents/InstaGrowth OS");
    assert!(
        saved.contains(&pdf.display().to_string()),
        "{saved} vs {}",
        pdf.display()
    );
    assert!(pdf
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("glow.studio-audit-"));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by scripts/test.sh)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Northwind Social"),
        "the agency's brand: {text}"
    );
    assert!(text.contains("Glow Studio"), "the client: {text}");
    // Its cover and first page, to look at.
    let pages = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-l", "2"])
        .arg(&pdf)
        .arg(artifacts_dir().join("onboarding-pdf"))
        .status()
        .unwrap();
    assert!(pages.success());

    // Finish: the client's page, and the setup is done for the CLI too.
    app.click(&app.wait_for(&by_id("wizard-finish"), WAIT));
    app.wait_gone(&by_id("wizard"), WAIT);
    app.wait_for(&by_id("client-page"), WAIT);
    std::thread::sleep(Duration::from_millis(300));
    screenshot("onboarding-07-done.png");
    app.quit();
    let o = onboarding_json(&sandbox);
    assert_eq!(o["finished"], true, "{o}");
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn skipping_the_setup_opens_the_client_list_until_help_brings_it_back() {
    let sandbox = Sandbox::first_run();
    let driver = Driver::start(&sandbox);
    let app = launch(&driver, &sandbox);
    app.click(&app.wait_for(&by_id("wizard-skip"), WAIT));
    app.wait_gone(&by_id("wizard"), WAIT);
    app.wait_for(&by_id("nav-clients"), WAIT);
    app.quit();
    assert_eq!(onboarding_json(&sandbox)["skipped"], true);
    let app = launch(&driver, &sandbox);
    app.wait_for(&by_id("nav-clients"), WAIT);
    assert!(app.find(&by_id("wizard")).is_none());

    // The help centre finds the article for a question, offline.
    app.click(&app.wait_for(&by_id("nav-help"), WAIT));
    app.send_keys(&app.wait_for(&by_id("help-search"), WAIT), "shadowb");
    app.wait_text(&by_id("help-hit"), "Shadowban risk", WAIT);
    app.click(&app.wait_for(&by_id("help-hit"), WAIT));
    app.wait_for(&by_id("help-article-body"), WAIT);
    assert!(app
        .text_of(&by_id("help-article-title"))
        .contains("Shadowban risk"));
    screenshot("help-01-search.png");

    // …and Setup guide brings the setup back where it was left.
    app.click(&app.wait_for(&by_id("help-resume-setup"), WAIT));
    step_title(&app, "Your licence");
    app.quit();
}
