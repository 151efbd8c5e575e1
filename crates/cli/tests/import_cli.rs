//! `instagrowth import` against a temporary workspace, with exports built in their real structure.
#[path = "../../import/tests/support/mod.rs"]
mod support;

use assert_cmd::Command;
use serde_json::Value;
use support::{Export, Layout};

const T0: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z
const DAY: i64 = 86_400;

struct Ws(tempfile::TempDir);

impl Ws {
    fn new() -> Self {
        let ws = Ws(tempfile::tempdir().unwrap());
        ws.cmd()
            .args([
                "clients",
                "add",
                "--name",
                "Glow Studio",
                "--handle",
                "glow.studio",
            ])
            .assert()
            .success();
        ws
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("instagrowth").unwrap();
        c.env_remove("INSTAGROWTH_DATA_DIR")
            .arg("--data-dir")
            .arg(self.0.path().join("ws"));
        c
    }

    fn import_json(&self, path: &std::path::Path, extra: &[&str]) -> Value {
        let out = self
            .cmd()
            .args(["import", "--client", "@glow.studio", "--json"])
            .args(extra)
            .arg(path)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }
}

fn export(username: &str) -> Export {
    Export::new(Layout::Newer)
        .profile(username, "Glow Studio", ("Username", "Name"))
        .post(
            T0,
            "Morning routine #skincare",
            &["media/posts/202601/a.jpg"],
        )
        .post(
            T0 + DAY,
            "Steps",
            &["media/posts/202601/b1.jpg", "media/posts/202601/b2.jpg"],
        )
        .reel(T0 + 2 * DAY, "Reel", "media/reels/202601/r.mp4")
        .story(T0 + 3 * DAY, "media/stories/202601/s.jpg")
        .followers(&["a", "b"], T0)
        .thread(
            "ana_1",
            &["Ana", "Glow Studio"],
            &[("Ana", T0 * 1000, "Price?")],
        )
        .post_insights(
            "media/posts/202601/a.jpg",
            T0,
            "Morning routine #skincare",
            &[("Likes", "120"), ("Accounts reached", "900")],
        )
}

#[test]
fn import_prints_the_summary_contract_and_is_repeatable() {
    let ws = Ws::new();
    let zip = ws.0.path().join("instagram.zip");
    export("glow.studio").write_zip(&zip);

    let first = ws.import_json(&zip, &[]);
    assert_eq!(first["source"], "ig_export");
    assert_eq!(first["posts_added"], 4);
    assert_eq!(first["posts_updated"], 0);
    assert_eq!(
        first["by_kind"],
        serde_json::json!({"image": 1, "carousel": 1, "reel": 1, "story": 1})
    );
    assert_eq!(first["with_insights"], 1);
    assert_eq!(first["dm_threads"], 1);
    assert_eq!(first["follower_snapshots"], 1);
    assert_eq!(first["skipped"], 0);
    assert_eq!(first["warnings"], serde_json::json!([]));
    assert_eq!(first["first_post_at"], "2026-01-01T00:00:00Z");
    assert!(first["last_post_at"]
        .as_str()
        .unwrap()
        .starts_with("2026-01-04"));

    // The same file again adds and changes nothing.
    let again = ws.import_json(&zip, &[]);
    assert_eq!(
        (
            again["posts_added"].as_u64(),
            again["posts_updated"].as_u64()
        ),
        (Some(0), Some(0))
    );
    assert_eq!(again["dm_threads"], 0);
}

#[test]
fn another_accounts_export_needs_force() {
    let ws = Ws::new();
    let zip = ws.0.path().join("other.zip");
    export("someone.else").write_zip(&zip);
    let out = ws
        .cmd()
        .args(["import", "--client", "@glow.studio"])
        .arg(&zip)
        .assert()
        .failure()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("@someone.else") && err.contains("--force"),
        "{err}"
    );
    // Nothing was written.
    let again = ws.import_json(&zip, &["--force"]);
    assert_eq!(again["posts_added"], 4);
}

#[test]
fn bad_files_are_refused_in_one_line() {
    let ws = Ws::new();
    let html = ws.0.path().join("export.zip");
    support::write_zip(&html, &[("start_here.html".into(), b"<html/>".to_vec())]);
    for (path, needle, code) in [
        (html.clone(), "JSON", 2),
        (ws.0.path().join("missing.zip"), "does not exist", 3),
    ] {
        let out = ws
            .cmd()
            .args(["import", "--client", "@glow.studio"])
            .arg(&path)
            .assert()
            .failure()
            .code(code)
            .get_output()
            .clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
    }
}

#[test]
fn human_output_names_what_was_imported() {
    let ws = Ws::new();
    let dir = ws.0.path().join("unpacked");
    export("glow.studio").write_dir(&dir);
    let out = ws
        .cmd()
        .args(["import", "--client", "glow.studio"])
        .arg(&dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("Imported ig_export from unpacked: 4 new, 0 updated (1 carousel, 1 image, 1 reel, 1 story)"), "{text}");
    assert!(
        text.contains("Posts from 2026-01-01 to 2026-01-04"),
        "{text}"
    );
    assert!(
        text.contains("1 with insights, 1 DM thread, 1 follower snapshot, 0 skipped"),
        "{text}"
    );
}

#[test]
fn a_business_suite_csv_uses_the_workspace_time_zone() {
    let ws = Ws::new();
    ws.cmd()
        .args(["settings", "time-zone", "Europe/Berlin"])
        .assert()
        .success();
    let csv = ws.0.path().join("content.csv");
    std::fs::write(
        &csv,
        "\u{feff}Post ID,Account username,Description,Publish time,Permalink,Post type,Date,Views,Reach,Likes,Shares,Follows,Comments,Saves\n\
         1,glow.studio,Routine #skincare,03/27/2026 06:08,https://www.instagram.com/p/AAA/,IG image,Lifetime,\"12,400\",9000,320,12,4,18,40\n\
         2,glow.studio,Reel,03/28/2026 19:30,https://www.instagram.com/reel/BBB/,IG reel,Lifetime,50000,41000,1200,80,25,60,200\n",
    )
    .unwrap();
    let out = ws.import_json(&csv, &[]);
    assert_eq!(out["source"], "business_suite_csv");
    assert_eq!(out["posts_added"], 2);
    assert_eq!(out["with_insights"], 2);
    // 06:08 in Berlin (CET, before the switch to summer time on the 29th) is 05:08 UTC.
    assert_eq!(out["first_post_at"], "2026-03-27T05:08:00Z");
    let again = ws.import_json(&csv, &[]);
    assert_eq!(
        (
            again["posts_added"].as_u64(),
            again["posts_updated"].as_u64()
        ),
        (Some(0), Some(0))
    );
}
