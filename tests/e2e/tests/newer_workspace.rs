//! A workspace saved by a newer version: the window says so plainly and nothing is changed.
use std::time::Duration;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{bin, capabilities, screenshot, Driver, Sandbox};
use instagrowth_store::{Store, DB_FILE_NAME};

/// Makes the sandbox's workspace look migrated by a future version.
fn workspace_from_the_future(sandbox: &Sandbox) -> i64 {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = Store::open_dir(&sandbox.workspace()).await.unwrap();
        let future = Store::known_schema_version() + 1;
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES (?, 'from a newer version', 1, x'00', 0)",
        )
        .bind(future)
        .execute(store.pool())
        .await
        .unwrap();
        store.close().await;
        future
    })
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn a_workspace_from_a_newer_version_is_refused_with_a_clear_message() {
    let sandbox = Sandbox::new();
    let future = workspace_from_the_future(&sandbox);
    let db = sandbox.workspace().join(DB_FILE_NAME);
    let before = std::fs::read(&db).unwrap();

    let driver = Driver::start(&sandbox);
    let args = vec![
        "--data-dir".to_string(),
        sandbox.workspace().display().to_string(),
    ];
    let app = Session::new(&driver.url(), capabilities(&bin("instagrowth-os"), &args));
    let banner = app.wait_for("[data-testid='app-error']", Duration::from_secs(30));
    let text = app.text_content(&banner);
    assert!(
        text.contains("This workspace was saved by a newer version of InstaGrowth OS"),
        "{text}"
    );
    assert!(text.contains(&future.to_string()), "{text}");
    // The version still shows: app_info does not need the workspace.
    let version = app.wait_for("[data-testid='app-version']", Duration::from_secs(10));
    assert_eq!(app.text_content(&version), env!("CARGO_PKG_VERSION"));
    screenshot("10-newer-workspace.png");
    app.quit();
    drop(driver);

    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the newer workspace was modified"
    );
}
