//! The real desktop window: create a client through the form, see it listed, quit, start the app
//! again and see it still there; then the CLI on the same data dir lists it too.
use std::process::Command;
use std::time::Duration;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{bin, capabilities, screenshot, Driver, Sandbox};

const WAIT: Duration = Duration::from_secs(30);

fn open_app(driver: &Driver, sandbox: &Sandbox) -> Session {
    let args = vec![
        "--data-dir".to_string(),
        sandbox.workspace().display().to_string(),
    ];
    let app = Session::new(&driver.url(), capabilities(&bin("instagrowth-os"), &args));
    // The UI marks itself ready once its first commands succeeded.
    app.wait_for("body[data-ready='true']", WAIT);
    app
}

fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn a_client_created_in_the_window_survives_a_restart_and_reaches_the_cli() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);

    // First run: an empty workspace, then a client through the form.
    let app = open_app(&driver, &sandbox);
    assert_eq!(app.title(), "InstaGrowth OS");
    the_window_may_call_only_the_apps_own_commands(&app);
    app.wait_for(&by_id("clients-empty"), WAIT);
    screenshot("01-empty.png");

    app.click(&app.wait_for(&by_id("new-client"), WAIT));
    app.send_keys(&app.wait_for(&by_id("field-name"), WAIT), "Glow Studio");
    app.send_keys(&app.wait_for(&by_id("field-handle"), WAIT), "glow studio");
    app.click(&app.wait_for(&by_id("form-save"), WAIT));
    // A handle with a space is refused under the handle field, and nothing is saved.
    let err = app
        .text(&app.wait_for(&by_id("error-handle"), WAIT))
        .to_lowercase();
    assert!(
        err.contains("space") || err.contains("letters"),
        "handle error: {err}"
    );
    assert!(app.find(&by_id("client-row")).is_none());

    let handle = app.wait_for(&by_id("field-handle"), WAIT);
    app.clear(&handle);
    app.send_keys(&handle, "@Glow.Studio");
    app.send_keys(&app.wait_for(&by_id("field-niche"), WAIT), "Skincare");
    app.send_keys(
        &app.wait_for(&by_id("field-tags"), WAIT),
        "retainer, beauty",
    );
    screenshot("02-form.png");
    app.click(&app.wait_for(&by_id("form-save"), WAIT));
    // Saving closes the form.
    app.wait_gone(&by_id("client-form"), WAIT);

    // The list shows the new client.
    app.click(&app.wait_for(&by_id("nav-clients"), WAIT));
    let row = app.wait_for(
        "[data-testid='client-row'][data-handle='glow.studio']",
        WAIT,
    );
    screenshot("03-list.png");
    let text = app.text_content(&row);
    assert!(text.contains("Glow Studio"), "row text: {text:?}");

    // Its page shows what was typed, normalised.
    app.click(&row);
    let page_handle = app.text(&app.wait_for(&by_id("client-handle"), WAIT));
    assert!(page_handle.contains("@glow.studio"), "{page_handle}");
    screenshot("04-client-page.png");

    // Move and resize the window; tauri-driver kills the app on quit, so this also shows the
    // geometry is saved without a clean exit.
    let moved = app.set_window_rect(90, 40, 1100, 720);
    std::thread::sleep(Duration::from_millis(1200));
    app.quit();

    // Second run: the client is still there.
    std::thread::sleep(Duration::from_millis(500));
    let app = open_app(&driver, &sandbox);
    let row = app.wait_for(
        "[data-testid='client-row'][data-handle='glow.studio']",
        WAIT,
    );
    let text = app.text_content(&row);
    assert!(text.contains("Glow Studio"), "row text: {text:?}");
    screenshot("05-after-restart.png");
    let rect = app.window_rect();
    for key in ["width", "height", "x", "y"] {
        assert_eq!(
            rect[key], moved[key],
            "window {key} not restored: {rect} vs {moved}"
        );
    }
    app.quit();
    drop(driver);

    // The CLI reads the same workspace.
    let mut cli = Command::new(bin("instagrowth"));
    sandbox.apply(&mut cli);
    let out = cli
        .args([
            "--data-dir",
            &sandbox.workspace().display().to_string(),
            "clients",
            "list",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().expect("a JSON array");
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["handle"], "glow.studio");
    assert_eq!(list[0]["name"], "Glow Studio");
    assert_eq!(list[0]["niche"], "Skincare");
    assert_eq!(list[0]["tags"], serde_json::json!(["beauty", "retainer"]));
    assert_eq!(list[0]["archived"], false);
}

/// The capability grants the app's own commands and nothing else: a core command such as the
/// app version is refused, while one of ours answers.
fn the_window_may_call_only_the_apps_own_commands(app: &Session) {
    let call = |cmd: &str| {
        app.execute_async(&format!(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke({cmd:?}, {{}})
               .then(v => done({{ ok: v }}), e => done({{ err: String(e) }}));"
        ))
    };
    let denied = call("plugin:app|version");
    let err = denied["err"]
        .as_str()
        .unwrap_or_else(|| panic!("core command was allowed: {denied}"));
    assert!(err.contains("not allowed"), "{err}");
    let allowed = call("app_info");
    assert_eq!(
        allowed["ok"]["version"],
        env!("CARGO_PKG_VERSION"),
        "{allowed}"
    );
}
