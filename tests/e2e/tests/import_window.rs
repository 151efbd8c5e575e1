//! Importing a client's data-download export through the window, then seeing the dashboard.
#[path = "../../../crates/import/tests/support/mod.rs"]
mod support;

use std::process::Command;
use std::time::Duration;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{bin, capabilities, screenshot, Driver, Sandbox};
use support::{Export, Layout};

const WAIT: Duration = Duration::from_secs(30);
const T0: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z
const DAY: i64 = 86_400;

fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

fn fixture() -> Export {
    let mut e = Export::new(Layout::Newer)
        .profile("glow.studio", "Glow Studio", ("Username", "Name"))
        .followers(&["a", "b", "c", "d"], T0 + 40 * DAY)
        .following(&["a"], T0 + 40 * DAY)
        .thread(
            "ana_1",
            &["Ana", "Glow Studio"],
            &[("Ana", T0 * 1000, "Price?")],
        )
        .story(T0 + 5 * DAY, "media/stories/202601/s.jpg")
        .reel(T0 + 6 * DAY, "Reel #skincare", "media/reels/202601/r.mp4")
        .reel_insights(
            T0 + 6 * DAY,
            &[
                ("Instagram Plays", "5,400"),
                ("Likes", "300"),
                ("Comments", "20"),
            ],
        );
    for i in 0..12 {
        let uri = format!("media/posts/202601/p{i}.jpg");
        let caption = format!("Post {i} #skincare");
        let likes = (40 + i * 13).to_string();
        e = e.post(T0 + i * 3 * DAY, &caption, &[&uri]).post_insights(
            &uri,
            T0 + i * 3 * DAY,
            &caption,
            &[
                ("Likes", &likes),
                ("Comments", "4"),
                ("Saves", "6"),
                ("Accounts reached", "800"),
            ],
        );
    }
    e
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn an_export_imported_in_the_window_fills_the_dashboard() {
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
            "Glow Studio",
            "--handle",
            "glow.studio",
        ])
        .status()
        .unwrap();
    assert!(ok.success());
    let zip = sandbox.root.path().join("instagram-glow.studio.zip");
    fixture().write_zip(&zip);

    let driver = Driver::start(&sandbox);
    let app = Session::new(
        &driver.url(),
        capabilities(
            &bin("instagrowth-os"),
            &["--data-dir".to_string(), ws.clone()],
        ),
    );
    app.wait_for("body[data-ready='true']", WAIT);
    app.click(&app.wait_for(
        "[data-testid='client-row'][data-handle='glow.studio']",
        WAIT,
    ));
    app.wait_for(&by_id("dashboard-empty"), WAIT);

    let path = app.wait_for(&by_id("import-path"), WAIT);
    app.send_keys(&path, &zip.display().to_string());
    app.click(&app.wait_for(&by_id("import-path-go"), WAIT));

    let summary = app.text_content(&app.wait_for(&by_id("import-summary"), WAIT));
    assert!(
        summary.contains("14"),
        "14 posts added (12 images, a reel, a story): {summary}"
    );
    let dashboard = app.wait_for(&by_id("client-dashboard"), WAIT);
    app.wait_for(&by_id("chart-engagement"), WAIT);
    app.wait_for(&by_id("chart-cadence"), WAIT);
    app.wait_for(&by_id("chart-format-mix"), WAIT);
    app.wait_for(&by_id("chart-followers"), WAIT);
    let top = app.text_content(&app.wait_for(&by_id("top-posts"), WAIT));
    assert!(
        top.contains("Post 11"),
        "the most-liked image is among the top posts: {top}"
    );
    let history = app.text_content(&app.wait_for(&by_id("import-history"), WAIT));
    assert!(history.contains("instagram-glow.studio.zip"), "{history}");
    app.scroll_into_view(&dashboard);
    std::thread::sleep(Duration::from_millis(300));
    screenshot("21-dashboard.png");
    app.scroll_into_view(&app.wait_for(&by_id("top-posts"), WAIT));
    std::thread::sleep(Duration::from_millis(300));
    screenshot("22-top-posts.png");
    app.quit();
}
