//! `instagrowth replies` against a temporary workspace: the JSON contract, the text for people,
//! stdin, CSV input, the leads CSV, and bad input that changes nothing.
mod common;

use common::Ws;
use predicates::prelude::*;
use serde_json::Value;

const COMMENTS: &str = "\
giulia.rossi: quanto costa il trattamento viso? vorrei prenotare per sabato
tom: your studio changed my skin, thank you!!
spam_bot_77: Get 5k followers cheap, check my bio 🔥
";

fn replies(ws: &Ws, input: &std::path::Path) -> Value {
    ws.json(&[
        "replies",
        "--client",
        "@glow",
        "--input",
        input.to_str().unwrap(),
        "--offline",
    ])
}

#[test]
fn the_json_contract_and_a_second_run_that_changes_nothing() {
    let ws = Ws::with_client("Glow Studio", "glow", "skincare");
    let input = ws.path("comments.txt");
    std::fs::write(&input, COMMENTS).unwrap();
    let v = replies(&ws, &input);
    let messages = v["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 3);
    for m in messages {
        for key in [
            "author",
            "text",
            "intent",
            "sentiment",
            "language",
            "lead_score",
            "drafts",
        ] {
            assert!(!m[key].is_null(), "{key} missing in {m}");
        }
    }
    let giulia = &messages[0];
    assert_eq!(
        giulia["author"], "giulia.rossi",
        "the best lead comes first"
    );
    assert_eq!(giulia["language"], "it");
    assert!(giulia["lead_score"].as_u64().unwrap() >= 50);
    let drafts = giulia["drafts"].as_array().unwrap();
    assert!((2..=3).contains(&drafts.len()));
    assert!(drafts.iter().all(|d| !d.as_str().unwrap().is_empty()));
    let spam = messages
        .iter()
        .find(|m| m["author"] == "spam_bot_77")
        .unwrap();
    assert_eq!(spam["intent"], "spam");
    assert_eq!(spam["drafts"].as_array().unwrap().len(), 0);
    assert_eq!(v["counts"]["added"], 3);

    let again = replies(&ws, &input);
    assert_eq!(
        (
            again["counts"]["added"].as_u64(),
            again["counts"]["unchanged"].as_u64()
        ),
        (Some(0), Some(3))
    );
    assert_eq!(again["messages"][0]["id"], giulia["id"]);
}

#[test]
fn text_for_people_from_stdin_and_a_leads_csv() {
    let ws = Ws::with_client("Glow Studio", "glow", "skincare");
    let leads = ws.path("leads.csv");
    let out = ws
        .cmd()
        .args([
            "replies",
            "--client",
            "@glow",
            "--input",
            "-",
            "--offline",
            "--channel",
            "dm",
        ])
        .arg("--leads-csv")
        .arg(&leads)
        .write_stdin(COMMENTS)
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.starts_with("1. @giulia.rossi — "), "{stdout}");
    assert!(stdout.contains("Why: "), "lead reasons are shown: {stdout}");
    assert!(stdout.contains("No reply: hide or report it"), "{stdout}");
    assert!(stderr.contains("3 new"), "{stderr}");
    assert!(stderr.contains("Nothing was sent"), "{stderr}");
    let csv = std::fs::read_to_string(&leads).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("author,lead_score,reasons"));
    assert_eq!(lines.len(), 2, "one lead: {csv}");
    assert!(lines[1].starts_with("giulia.rossi,"));
}

#[test]
fn a_csv_file_of_comments() {
    let ws = Ws::with_client("Glow Studio", "glow", "skincare");
    let input = ws.path("export.csv");
    std::fs::write(
        &input,
        "username;comment;timestamp\nana;¿tienen envíos a México?;2026-11-20T09:30:00Z\n",
    )
    .unwrap();
    let v = replies(&ws, &input);
    let m = &v["messages"][0];
    assert_eq!(
        (
            m["author"].as_str(),
            m["language"].as_str(),
            m["received_at"].as_str()
        ),
        (Some("ana"), Some("es"), Some("2026-11-20T09:30:00Z"))
    );
}

#[test]
fn bad_input_exits_with_one_line_and_changes_nothing() {
    let ws = Ws::new();
    ws.cmd()
        .args(["replies", "--client", "@glow", "--input"])
        .arg(ws.path("missing.txt"))
        .assert()
        .failure()
        .stderr(
            predicate::str::starts_with("error: cannot read ")
                .and(predicate::str::contains("missing.txt")),
        );
    assert!(!ws.data_dir().exists(), "no workspace was created");

    let ws = Ws::with_client("Glow Studio", "glow", "skincare");
    let empty = ws.path("empty.txt");
    std::fs::write(&empty, "\n  \n").unwrap();
    ws.cmd()
        .args(["replies", "--client", "@glow", "--offline", "--input"])
        .arg(&empty)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("no messages")
                .and(predicate::str::is_match("^[^\n]*\n$").unwrap()),
        );
    let bad = ws.path("bad.csv");
    std::fs::write(&bad, "username,date\nana,2026-01-01\n").unwrap();
    ws.cmd()
        .args(["replies", "--client", "@glow", "--offline", "--input"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("text"));
    ws.cmd()
        .args(["replies", "--client", "@nobody", "--offline", "--input"])
        .arg(&bad)
        .assert()
        .failure();
    ws.cmd()
        .args(["replies", "--client", "@glow"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--input"));
    ws.cmd()
        .args([
            "replies",
            "--client",
            "@glow",
            "--awaiting-dms",
            "--offline",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("awaiting a reply"));
    // None of that queued anything: the first real run adds all three.
    let input = ws.path("comments.txt");
    std::fs::write(&input, COMMENTS).unwrap();
    assert_eq!(replies(&ws, &input)["counts"]["added"], 3);
}
