//! `instagrowth audit` on an imported export: the JSON contract, the PDF, and refusals.
mod common;
#[path = "../../import/tests/support/mod.rs"]
mod support;

use common::Ws;
use predicates::prelude::*;
use serde_json::Value;
use support::{glow_studio, now_secs};

const DAY: i64 = 86_400;

/// 20 posts over the last 95 days with insights, 400 followers, hashtags over the limit on some.
fn imported() -> Ws {
    let ws = Ws::new();
    ws.cmd()
        .args([
            "clients",
            "add",
            "--name",
            "Glow Studio",
            "--handle",
            "glow.studio",
            "--niche",
            "skincare",
        ])
        .assert()
        .success();
    let now = now_secs();
    let mut e = glow_studio(400, now);
    for i in 0..20i64 {
        let ts = now - (2 + i * 5) * DAY;
        let uri = format!("media/posts/2026/p{i}.jpg");
        let tags = if i % 3 == 0 {
            " #skincare #glow #spf #serum #routine #explore #viral"
        } else {
            " #skincare #berlin"
        };
        let caption =
            format!("Three steps to calmer skin, part {i}\nWhich step do you skip?{tags}");
        let likes = (30 + i * 2).to_string();
        let reach = (if i < 6 { 150 } else { 600 }).to_string();
        e = e.post(ts, &caption, &[&uri]).post_insights(
            &uri,
            ts,
            &caption,
            &[
                ("Likes", &likes),
                ("Comments", "3"),
                ("Saves", "2"),
                ("Accounts reached", &reach),
            ],
        );
    }
    let zip = ws.path("export.zip");
    e.write_zip(&zip);
    ws.cmd()
        .args(["import", "--client", "@glow.studio"])
        .arg(&zip)
        .assert()
        .success();
    ws
}

#[test]
fn the_audit_json_has_the_documented_shape_and_the_pdf_reads_back() {
    let ws = imported();
    let pdf = ws.path("glow-audit.pdf");
    let out = ws
        .cmd()
        .args([
            "audit",
            "--client",
            "@glow.studio",
            "--offline",
            "--json",
            "--pdf",
        ])
        .arg(&pdf)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(
        v["engagement_rate"].as_f64().unwrap() > 0.0
            && v["engagement_rate"].as_f64().unwrap() < 1.0,
        "a fraction"
    );
    assert!(v["engagement_rate_by_reach"].is_number());
    assert_eq!(v["tier_benchmark"]["tier"], "0–1K");
    assert!(v["tier_benchmark"]["median"].is_number());
    assert!(v["content_score"]["score"].is_number());
    assert_eq!(v["content_score"]["parts"].as_array().unwrap().len(), 5);
    assert!(["low", "medium", "high"].contains(&v["shadowban_risk"]["level"].as_str().unwrap()));
    let signal = &v["shadowban_risk"]["signals"][1];
    for k in ["name", "value", "threshold", "weight", "explanation"] {
        assert!(signal.get(k).is_some(), "signal.{k}");
    }
    let over = v["shadowban_risk"]["signals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "hashtags_over_limit")
        .unwrap();
    assert_eq!(over["triggered"], true);
    // The last 90 days hold posts 0–17; posts 0, 3, … 15 carry 7 hashtags.
    assert_eq!(over["posts"].as_array().unwrap().len(), 6);
    assert!(v["findings"].as_array().unwrap().len() >= 3);
    assert!(v["best_times"]["sample_size"].as_u64().unwrap() > 0);
    assert_eq!(v["roadmap"]["weeks"].as_array().unwrap().len(), 4);
    assert!(v["roadmap"]["start"].is_string() && v["roadmap"]["weeks"][0]["actions"].is_array());
    assert_eq!(v["narrative"]["source"], "offline");
    assert!(v["narrative"]["summary"]
        .as_str()
        .unwrap()
        .contains("Glow Studio"));
    assert!(v["not_assessed"].is_array());

    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for needle in [
        "Instagram account audit",
        "Glow Studio",
        "@glow.studio",
        "What matters most",
        "Your 30-day roadmap",
        "More than 5 hashtags",
    ] {
        assert!(text.contains(needle), "{needle} missing from the PDF");
    }

    // The text output for people, and the history: a second audit compares with the first.
    ws.cmd()
        .args(["audit", "--client", "@glow.studio", "--offline"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Content score:").and(predicate::str::contains("Week 4")));
}

#[test]
fn refusals_change_nothing() {
    let ws = imported();
    ws.cmd()
        .args([
            "audit",
            "--client",
            "@glow.studio",
            "--pdf",
            "/no/such/folder/a.pdf",
        ])
        .assert()
        .code(2)
        .stderr("error: the folder /no/such/folder does not exist\n");
    // A file named for another kind is refused before the audit runs (it used to be stored
    // first, then the PDF refused).
    let txt = ws.path("report.txt");
    let audits = ws.counts()["audits"].clone();
    ws.cmd()
        .args(["audit", "--client", "@glow.studio", "--pdf"])
        .arg(&txt)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".pdf"));
    assert!(!txt.exists());
    assert_eq!(ws.counts()["audits"], audits);
    ws.cmd()
        .args(["audit", "--client", "@nobody"])
        .assert()
        .code(3);
    ws.cmd()
        .args(["branding", "--primary", "blue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("#4f46e5"));
    let bad_logo = ws.path("logo.gif");
    std::fs::write(&bad_logo, b"GIF89a....").unwrap();
    ws.cmd()
        .args(["branding", "--logo"])
        .arg(&bad_logo)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("PNG or JPEG"));
    let b: Value = serde_json::from_slice(
        &ws.cmd()
            .args(["branding", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(b["primary_color"], "#4f46e5");
    assert_eq!(b["has_logo"], false);
}
