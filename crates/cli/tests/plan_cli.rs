//! `instagrowth plan` against a temporary workspace: the JSON contract and the export files.
mod common;

use common::Ws;
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn a_thirty_day_plan_as_json_ics_csv_and_pdf() {
    let ws = Ws::with_client("Iron Den", "iron.den", "fitness gym");
    let dir = ws.root();
    let out = ws
        .cmd()
        .args([
            "plan",
            "--client",
            "@iron.den",
            "--days",
            "30",
            "--start",
            "2026-12-01",
            "--offline",
            "--json",
            "--ics",
        ])
        .arg(dir.join("plan.ics"))
        .arg("--csv")
        .arg(dir.join("plan.csv"))
        .arg("--pdf")
        .arg(dir.join("plan.pdf"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["start"], "2026-12-01");
    let days = v["days"].as_array().unwrap();
    assert_eq!(days.len(), 30);
    assert_eq!(days[0]["date"], "2026-12-01");
    let item = &days
        .iter()
        .find(|d| !d["items"].as_array().unwrap().is_empty())
        .unwrap()["items"][0];
    for k in ["type", "time", "topic"] {
        assert!(item.get(k).is_some(), "{k}");
    }
    assert!(v["targets"].is_array());
    let ics = std::fs::read_to_string(dir.join("plan.ics")).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR") && ics.contains("BEGIN:VEVENT"));
    assert!(std::fs::read_to_string(dir.join("plan.csv"))
        .unwrap()
        .starts_with("date,time,"));
    let text = std::process::Command::new("pdftotext")
        .arg(dir.join("plan.pdf"))
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("30-day growth plan"));
}

#[test]
fn refusals() {
    let ws = Ws::with_client("Iron Den", "iron.den", "fitness gym");
    ws.cmd()
        .args(["plan", "--client", "@iron.den", "--days", "10"])
        .assert()
        .code(2)
        .stderr("error: --days is 7, 14 or 30, not 10\n");
    // Each export named for its own kind, checked before the plan is made.
    for (flag, name, want) in [
        ("--ics", "plan.pdf", ".ics"),
        ("--csv", "plan.ics", ".csv"),
        ("--pdf", "plan.csv", ".pdf"),
    ] {
        let wrong = ws.path(name);
        ws.cmd()
            .args([
                "plan",
                "--client",
                "@iron.den",
                "--days",
                "7",
                "--offline",
                flag,
            ])
            .arg(&wrong)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(want));
        assert!(!wrong.exists(), "{name} was written");
    }
    assert_eq!(
        ws.counts()["plans"],
        0,
        "a plan was made before its export was refused"
    );

    ws.cmd()
        .args(["plan", "--client", "@nobody", "--days", "7"])
        .assert()
        .code(3);
}
