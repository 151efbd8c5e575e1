//! A workspace moved to a new computer, in the real window: an agency's workspace (two clients,
//! one whose reach halved, a 7-day plan starting today) is backed up with the CLI; the app on a
//! fresh data dir opens on the first-run setup, restores the backup through its own command and
//! starts over — the setup is gone, the clients are there, and the home panel says who needs
//! attention and what is due today.
#[path = "../../../crates/import/tests/support/mod.rs"]
mod support;

use std::time::Duration;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{bin, by_id, capabilities, cli, screenshot, Driver, Sandbox};
use support::{glow_studio, now_secs, Export};

const WAIT: Duration = Duration::from_secs(30);
const DAY: i64 = 86_400;

/// 20 posts, one every 3 days; reach per post about halves in the last 4 weeks.
fn falling_reach() -> Export {
    let now = now_secs();
    let mut e = glow_studio(500, now);
    for i in 0..20i64 {
        let ts = now - (1 + i * 3) * DAY;
        let uri = format!("media/posts/2026/p{i}.jpg");
        let caption = format!("Calmer skin, part {i} #skincare");
        let reach = (if i < 9 { 300 + i * 5 } else { 700 + i * 5 }).to_string();
        e = e.post(ts, &caption, &[&uri]).post_insights(
            &uri,
            ts,
            &caption,
            &[
                ("Likes", "40"),
                ("Comments", "3"),
                ("Accounts reached", &reach),
            ],
        );
    }
    e
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn a_backup_restored_in_the_app_brings_the_clients_and_what_needs_attention() {
    // The agency's old computer.
    let old = Sandbox::new();
    cli(
        &old,
        &[
            "clients",
            "add",
            "--name",
            "Glow Studio",
            "--handle",
            "glow.studio",
        ],
    );
    cli(
        &old,
        &[
            "clients",
            "add",
            "--name",
            "Nova Fitness",
            "--handle",
            "nova.fit",
        ],
    );
    let zip = old.root.path().join("glow.zip");
    falling_reach().write_zip(&zip);
    cli(
        &old,
        &["import", "--client", "@glow.studio", zip.to_str().unwrap()],
    );
    let today = chrono::Local::now().date_naive().to_string();
    cli(
        &old,
        &[
            "plan",
            "--client",
            "@glow.studio",
            "--days",
            "7",
            "--start",
            &today,
            "--offline",
        ],
    );
    let file = old.root.path().join("agency.igbackup");
    cli(&old, &["backup", "create", file.to_str().unwrap()]);

    // The new computer: a fresh data dir opens on the setup.
    let new = Sandbox::first_run();
    let driver = Driver::start(&new);
    let args = vec![
        "--data-dir".to_string(),
        new.workspace().display().to_string(),
    ];
    let app = Session::new(&driver.url(), capabilities(&bin("instagrowth-os"), &args));
    app.wait_for("body[data-ready='true']", WAIT);
    app.wait_for(&by_id("wizard"), WAIT);

    // "Restore a backup…" picks the file in a native dialog WebDriver cannot drive; the command
    // behind it is called as the button calls it, then the window starts over as it does.
    let restored = app.execute_async(&format!(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('backup_restore', {{ path: {path:?} }})
           .then(m => done(m.counts.clients), e => done('error: ' + JSON.stringify(e)));",
        path = file.display().to_string()
    ));
    assert_eq!(restored, 2, "{restored}");
    app.execute_async("location.reload(); arguments[arguments.length - 1](null);");
    std::thread::sleep(Duration::from_millis(500));
    app.wait_for("body[data-ready='true']", WAIT);
    app.wait_for("[data-testid='client-row'][data-handle='nova.fit']", WAIT);
    assert!(
        app.find(&by_id("wizard")).is_none(),
        "a restored workspace is set up"
    );

    // The home panel: Glow's reach fell by about half, and its plan has items today.
    let attention = app.wait_text("[data-testid='home-attention-row']", "Glow Studio", WAIT);
    assert!(attention.contains("Reach per post fell"), "{attention}");
    let due = app.wait_text("[data-testid='home-due-row']", "Glow Studio", WAIT);
    assert!(!due.is_empty());
    std::thread::sleep(Duration::from_millis(300));
    screenshot("home-01-after-restore.png");

    // Opening the client from the panel.
    app.click(&app.wait_for(&by_id("home-attention-row"), WAIT));
    app.wait_text("[data-testid='client-title']", "Glow Studio", WAIT);
    app.quit();

    // The CLI sees the same restored workspace.
    let listed = cli(&new, &["clients", "list", "--json"]);
    assert!(
        listed.contains("glow.studio") && listed.contains("nova.fit"),
        "{listed}"
    );
}
