//! `instagrowth home` against a temporary workspace: the JSON contract on a fixed day, the text
//! for people, and a bad `--today` refused in one line.
mod common;

use common::Ws;

#[test]
fn home_as_json_on_a_fixed_day() {
    let ws = Ws::with_client("Iron Den", "iron.den", "fitness gym");
    ws.cmd()
        .args([
            "clients",
            "add",
            "--name",
            "Old Bakery",
            "--handle",
            "bakery",
        ])
        .assert()
        .success();
    ws.json(&["clients", "archive", "@bakery"]);
    ws.cmd()
        .args([
            "plan",
            "--client",
            "@iron.den",
            "--days",
            "7",
            "--start",
            "2026-12-01",
            "--stories-per-day",
            "2",
            "--offline",
            "--json",
        ])
        .assert()
        .success();

    let v = ws.json(&["home", "--today", "2026-12-02"]);
    assert_eq!(v["today"], "2026-12-02");
    assert_eq!(v["active_clients"], 1, "the archived client is not counted");
    let clients = v["clients"].as_array().unwrap();
    assert_eq!(clients.len(), 1, "{v:#}");
    let c = &clients[0];
    assert_eq!(c["name"], "Iron Den");
    assert_eq!(c["handle"], "iron.den");
    let reasons = c["reasons"].as_array().unwrap();
    let kinds: Vec<&str> = reasons
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    // Yesterday's items were not marked done: overdue, so the plan reason is high and first.
    assert_eq!(kinds, ["plan_items_due", "never_imported"], "{v:#}");
    assert_eq!(reasons[0]["severity"], "high");
    let due = v["due_today"].as_array().unwrap();
    assert!(due.len() >= 2, "two stories a day at least: {v:#}");
    let msg = reasons[0]["message"].as_str().unwrap();
    assert!(
        msg.starts_with(&format!("{} plan items due today, ", due.len()))
            && msg.ends_with(" overdue."),
        "{msg}"
    );
    assert_eq!(
        reasons[1]["message"],
        "No data yet — import their Instagram export."
    );
    for d in due {
        assert_eq!(d["client_name"], "Iron Den");
        assert_eq!(d["date"], "2026-12-02");
        assert!(d["time"].as_str().is_some_and(|t| t.len() == 5));
        assert!(d["type"].is_string() && d["item_id"].is_string() && d["plan_id"].is_string());
    }
    let times: Vec<&str> = due.iter().map(|d| d["time"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "due items are in time order");

    // The day before the plan starts, nothing is due and only the missing data remains.
    let v = ws.json(&["home", "--today", "2026-11-30"]);
    assert!(v["due_today"].as_array().unwrap().is_empty());
    assert_eq!(v["clients"][0]["reasons"][0]["kind"], "never_imported");

    // For people: the client and its reasons, then today's items.
    let text = ws.text(&["home", "--today", "2026-12-02"]);
    assert!(text.contains("NEEDS ATTENTION"), "{text}");
    assert!(text.contains("Iron Den (@iron.den)"), "{text}");
    assert!(text.contains("DUE TODAY"), "{text}");
}

#[test]
fn a_bad_day_is_refused_in_one_line() {
    let ws = Ws::new();
    let out = ws
        .cmd()
        .args(["home", "--today", "31/03/2026"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("is not a date like 2026-03-31"), "{err}");
    assert!(
        !ws.data_dir().exists(),
        "refused before the workspace opens"
    );
}
