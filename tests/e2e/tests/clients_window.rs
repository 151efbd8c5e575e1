//! The real desktop window: create a client through the form, see it listed, quit, start the app
//! again and see it still there; then the CLI on the same data dir lists it too.
use std::process::Command;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use instagrowth_e2e::{artifacts_dir, bin, capabilities, Driver, Sandbox};

const WAIT: Duration = Duration::from_secs(30);

async fn open_app(driver: &Driver, sandbox: &Sandbox) -> Client {
    let args = vec![
        "--data-dir".to_string(),
        sandbox.workspace().display().to_string(),
    ];
    let client = ClientBuilder::native()
        .capabilities(capabilities(&bin("instagrowth-os"), &args))
        .connect(&driver.url())
        .await
        .expect("WebDriver session with the app");
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("body[data-ready='true']"))
        .await
        .expect("the UI reports ready after its first commands");
    client
}

async fn css(client: &Client, selector: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector} did not appear: {e}"))
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts_dir().join(name), png).unwrap();
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
async fn a_client_created_in_the_window_survives_a_restart_and_reaches_the_cli() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);

    // First run: an empty workspace, then a client through the form.
    let app = open_app(&driver, &sandbox).await;
    let title = app.title().await.unwrap();
    assert_eq!(title, "InstaGrowth OS");
    css(&app, "[data-testid='clients-empty']").await;
    screenshot(&app, "01-empty.png").await;

    css(&app, "[data-testid='new-client']")
        .await
        .click()
        .await
        .unwrap();
    css(&app, "[data-testid='field-name']")
        .await
        .send_keys("Glow Studio")
        .await
        .unwrap();
    css(&app, "[data-testid='field-handle']")
        .await
        .send_keys("glow studio")
        .await
        .unwrap();
    css(&app, "[data-testid='form-save']")
        .await
        .click()
        .await
        .unwrap();
    // A handle with a space is refused under the handle field, and nothing is saved.
    let err = css(&app, "[data-testid='error-handle']")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        err.to_lowercase().contains("space") || err.to_lowercase().contains("letters"),
        "handle error: {err}"
    );

    let handle = css(&app, "[data-testid='field-handle']").await;
    handle.clear().await.unwrap();
    handle.send_keys("@Glow.Studio").await.unwrap();
    css(&app, "[data-testid='field-niche']")
        .await
        .send_keys("Skincare")
        .await
        .unwrap();
    css(&app, "[data-testid='field-tags']")
        .await
        .send_keys("retainer, beauty")
        .await
        .unwrap();
    screenshot(&app, "02-form.png").await;
    css(&app, "[data-testid='form-save']")
        .await
        .click()
        .await
        .unwrap();

    // The app shows the new client; the list has it.
    css(&app, "[data-testid='nav-clients']")
        .await
        .click()
        .await
        .unwrap();
    let row = css(
        &app,
        "[data-testid='client-row'][data-handle='glow.studio']",
    )
    .await;
    assert!(row.text().await.unwrap().contains("Glow Studio"));
    screenshot(&app, "03-list.png").await;
    app.close().await.unwrap();

    // Second run: the client is still there.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let app = open_app(&driver, &sandbox).await;
    let row = css(
        &app,
        "[data-testid='client-row'][data-handle='glow.studio']",
    )
    .await;
    assert!(row.text().await.unwrap().contains("Glow Studio"));
    screenshot(&app, "04-after-restart.png").await;
    app.close().await.unwrap();
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
