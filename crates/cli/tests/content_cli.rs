//! `instagrowth content` against a temporary workspace: the JSON contract, CSV and PDF files.
mod common;

use common::Ws;
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn hashtag_sets_as_json_csv_and_pdf() {
    let ws = Ws::with_client("Iron Den", "iron.den", "fitness gym");
    let csv = ws.path("tags.csv");
    let pdf = ws.path("tags.pdf");
    let out = ws
        .cmd()
        .args([
            "content",
            "--client",
            "@iron.den",
            "--kind",
            "hashtags",
            "--count",
            "4",
            "--offline",
            "--seed",
            "9",
            "--json",
            "--csv",
        ])
        .arg(&csv)
        .arg("--pdf")
        .arg(&pdf)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        (v["kind"].as_str(), v["source"].as_str()),
        (Some("hashtags"), Some("offline"))
    );
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    for item in items {
        let tags = item["tags"].as_array().unwrap();
        assert!((1..=5).contains(&tags.len()));
        assert!(tags.iter().all(|t| t.as_str().unwrap().starts_with('#')));
    }
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 5, "a header and four sets");
    let pdf_text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let pdf_text = String::from_utf8_lossy(&pdf_text.stdout);
    assert!(
        pdf_text.contains("Content pack") && pdf_text.contains("Iron Den"),
        "{pdf_text}"
    );
    // Same seed, same draft.
    let again = ws
        .cmd()
        .args([
            "content",
            "--client",
            "@iron.den",
            "--kind",
            "hashtags",
            "--count",
            "4",
            "--offline",
            "--seed",
            "9",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        serde_json::from_slice::<Value>(&again).unwrap()["items"],
        v["items"]
    );
}

#[test]
fn text_output_and_refusals() {
    let ws = Ws::with_client("Iron Den", "iron.den", "fitness gym");
    ws.cmd()
        .args([
            "content",
            "--client",
            "@iron.den",
            "--kind",
            "hooks",
            "--count",
            "3",
            "--topic",
            "leg day",
            "--offline",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("1. "))
        .stderr(predicate::str::contains(
            "drafted offline from the fitness library",
        ));
    ws.cmd()
        .args([
            "content",
            "--client",
            "@iron.den",
            "--kind",
            "hooks",
            "--count",
            "0",
        ])
        .assert()
        .code(2)
        .stderr("error: --count is 1 to 30, not 0\n");
    ws.cmd()
        .args(["content", "--client", "@iron.den", "--kind", "memes"])
        .assert()
        .code(2);
    ws.cmd()
        .args([
            "content",
            "--client",
            "@nobody",
            "--kind",
            "hooks",
            "--offline",
        ])
        .assert()
        .code(3);
}
