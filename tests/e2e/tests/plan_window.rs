//! A growth plan in the real window: make a 14-day plan, find an item in the calendar, move it
//! to another day, mark it done; the CLI's ICS export of the same workspace has the move.
use std::process::Command;
use std::time::Duration;

use chrono::Datelike;

use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{bin, capabilities, screenshot, Driver, Sandbox};

const WAIT: Duration = Duration::from_secs(30);

fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

fn attr(app: &Session, css: &str, name: &str) -> String {
    app.execute_async(&format!(
        "const e = document.querySelector(\"{css}\"); arguments[arguments.length - 1](e ? e.getAttribute('{name}') : null);"
    ))
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[test]
#[ignore = "needs the built app, Xvfb, D-Bus and tauri-driver: run scripts/test.sh"]
fn an_agency_makes_a_plan_and_moves_an_item_in_the_calendar() {
    // Dates relative to the day the test runs: the plan starts next Monday, its last day is the
    // 14th (the app's "today" is the machine's, so fixed dates would age).
    let today = chrono::Local::now().date_naive();
    let monday = today + chrono::Days::new(7 - u64::from(today.weekday().num_days_from_monday()));
    let (first_day, last) = (
        monday.to_string(),
        (monday + chrono::Days::new(13)).to_string(),
    );
    let sandbox = Sandbox::new();
    let ws = sandbox.workspace().display().to_string();
    let mut add = Command::new(bin("instagrowth"));
    sandbox.apply(&mut add);
    assert!(add
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
            "fitness gym"
        ])
        .status()
        .unwrap()
        .success());

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
    app.click(&app.wait_for(&by_id("client-tab-plan"), WAIT));
    app.wait_for(&by_id("plan-empty"), WAIT);
    app.click(&app.wait_for(
        "[data-testid='plan-days'] [value='14'], [data-testid='plan-days'][value='14']",
        WAIT,
    ));
    let start = app.wait_for(&by_id("plan-start"), WAIT);
    app.execute_async(&format!("const e = document.querySelector(\"[data-testid='plan-start']\"); const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(e, '{first_day}'); e.dispatchEvent(new Event('input', {{ bubbles: true }})); e.dispatchEvent(new Event('change', {{ bubbles: true }})); arguments[arguments.length - 1](true);"));
    let _ = start;
    app.click(&app.wait_for(&by_id("plan-create"), WAIT));
    app.wait_for(&by_id("plan-calendar"), WAIT);
    app.wait_for(
        &format!("[data-testid='plan-day'][data-date='{last}']"),
        WAIT,
    );
    std::thread::sleep(Duration::from_millis(300));
    screenshot("plan-01-calendar.png");

    // The first feed post: open it, move it to the last day, mark it done.
    let post = "[data-testid='plan-item'][data-type='reel'], [data-testid='plan-item'][data-type='carousel'], [data-testid='plan-item'][data-type='image']";
    let id = attr(&app, post, "data-id");
    assert!(!id.is_empty(), "no feed post in the calendar");
    app.click(&app.wait_for(&format!("[data-testid='plan-item'][data-id='{id}']"), WAIT));
    app.wait_for(&by_id("plan-item-detail"), WAIT);
    app.click(&app.wait_for(
        &format!("[data-testid='plan-item-move'] option[value='{last}']"),
        WAIT,
    ));
    app.click(&app.wait_for(&by_id("plan-item-move-go"), WAIT));
    app.wait_for(&format!("[data-testid='plan-day'][data-date='{last}'] [data-testid='plan-item'][data-id='{id}']"), WAIT);
    app.click(&app.wait_for(&by_id("plan-item-done"), WAIT));
    std::thread::sleep(Duration::from_millis(500));
    screenshot("plan-02-moved.png");
    app.quit();
    drop(driver);

    // The stored plan has the move and the tick.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (stored, request): (String, String) = rt.block_on(async {
        let store = instagrowth_store::Store::open_dir(&sandbox.workspace())
            .await
            .unwrap();
        let row = sqlx::query_as("SELECT plan, request FROM plans WHERE active = 1")
            .fetch_one(store.pool())
            .await
            .unwrap();
        store.close().await;
        row
    });
    let plan: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let request: serde_json::Value = serde_json::from_str(&request).unwrap();
    let day = plan["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == last.as_str())
        .unwrap();
    let moved = day["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id.as_str())
        .expect("the item is on the plan's last day");
    assert_eq!(moved["done"], true);

    // A regenerated plan (the CLI, the same request) keeps the item's calendar UID.
    let mut c = Command::new(bin("instagrowth"));
    sandbox.apply(&mut c);
    let ics = sandbox.root.path().join("plan.ics");
    let n = |k: &str| request[k].as_u64().unwrap().to_string();
    let goal = request["goal"].as_str().unwrap().to_string();
    let mut args: Vec<String> = [
        "--data-dir",
        &ws,
        "plan",
        "--client",
        "@iron.den",
        "--days",
        "14",
        "--start",
        &first_day,
        "--offline",
        "--json",
        "--goal",
        &goal,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend([
        "--posts-per-week".into(),
        n("posts_per_week"),
        "--stories-per-day".into(),
        n("stories_per_day"),
    ]);
    for p in request["pillars"].as_array().unwrap() {
        args.extend(["--pillar".to_string(), p.as_str().unwrap().to_string()]);
    }
    let out = c.args(&args).arg("--ics").arg(&ics).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Long lines are folded (RFC 5545 §3.1): unfold before searching.
    let text = std::fs::read_to_string(&ics)
        .unwrap()
        .replace("\r\n ", "")
        .replace("\n ", "");
    assert!(
        text.contains(&format!("-{id}@instagrowth.os")),
        "the regenerated plan's ICS keeps the item's UID ({id}); request {request}; UIDs: {:?}",
        text.lines()
            .filter(|l| l.starts_with("UID:"))
            .take(5)
            .collect::<Vec<_>>()
    );
}
