//! `instagrowth clients …` run as a program against a temporary data dir.
use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

struct Ws(tempfile::TempDir);

impl Ws {
    fn new() -> Self {
        Ws(tempfile::tempdir().unwrap())
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("instagrowth").unwrap();
        c.env_remove("INSTAGROWTH_DATA_DIR").env_remove("RUST_LOG");
        c.arg("--data-dir").arg(self.0.path());
        c
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self
            .cmd()
            .args(args)
            .arg("--json")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap_or_else(|e| {
            panic!(
                "not one JSON document ({e}): {}",
                String::from_utf8_lossy(&out)
            )
        })
    }

    fn handles(&self, extra: &[&str]) -> Vec<String> {
        let mut args = vec!["clients", "list"];
        args.extend_from_slice(extra);
        self.json(&args)
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["handle"].as_str().unwrap().to_string())
            .collect()
    }
}

#[test]
fn add_list_show_update_archive_delete() {
    let ws = Ws::new();
    let added = ws.json(&[
        "clients",
        "add",
        "--name",
        "Glow Studio",
        "--handle",
        "@Glow.Studio",
        "--niche",
        "skincare",
        "--tag",
        "retainer,beauty",
    ]);
    assert_eq!(added["handle"], "glow.studio");
    let id = added["id"].as_str().unwrap().to_string();

    let list = ws.json(&["clients", "list"]);
    let first = &list.as_array().unwrap()[0];
    for key in ["id", "name", "handle", "niche", "tags", "archived"] {
        assert!(first.get(key).is_some(), "list entries carry {key}");
    }
    assert_eq!(first["tags"], serde_json::json!(["beauty", "retainer"]));
    assert_eq!(first["archived"], false);

    // Addressed by id or @handle alike.
    assert_eq!(
        ws.json(&["clients", "show", "@glow.studio"])["id"],
        id.as_str()
    );
    assert_eq!(ws.json(&["clients", "show", &id])["handle"], "glow.studio");

    let updated = ws.json(&[
        "clients",
        "update",
        "@glow.studio",
        "--niche",
        "clean skincare",
        "--tag",
        "vip",
    ]);
    assert_eq!(updated["niche"], "clean skincare");
    assert_eq!(
        updated["tags"],
        serde_json::json!(["beauty", "retainer", "vip"])
    );
    assert_eq!(updated["name"], "Glow Studio");

    ws.json(&["clients", "add", "--name", "Bakery", "--handle", "bakery"]);
    assert_eq!(ws.handles(&["--search", "glow"]), vec!["glow.studio"]);
    assert_eq!(ws.handles(&["--tag", "vip"]), vec!["glow.studio"]);

    assert_eq!(
        ws.json(&["clients", "archive", "@bakery"])["archived"],
        true
    );
    assert_eq!(ws.handles(&[]), vec!["glow.studio"]);
    assert_eq!(ws.handles(&["--archived"]), vec!["bakery"]);
    assert_eq!(ws.handles(&["--all"]), vec!["bakery", "glow.studio"]);
    assert_eq!(
        ws.json(&["clients", "unarchive", "@bakery"])["archived"],
        false
    );

    ws.cmd()
        .args(["clients", "delete", "@bakery", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Deleted @bakery"));
    assert_eq!(ws.handles(&["--all"]), vec!["glow.studio"]);
}

#[test]
fn human_output_is_a_table() {
    let ws = Ws::new();
    ws.cmd()
        .args(["clients", "list"])
        .assert()
        .success()
        .stdout("No clients.\n");
    ws.cmd()
        .args([
            "clients",
            "add",
            "--name",
            "Glow Studio",
            "--handle",
            "glow",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Added @glow (Glow Studio)"));
    ws.cmd()
        .args(["clients", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("@glow").and(predicate::str::contains("1 client\n")));
}

/// One human line on stderr, a non-zero exit, stdout empty, and nothing changed.
fn refused(ws: &Ws, args: &[&str], code: i32, message: &str) {
    let out = ws
        .cmd()
        .args(args)
        .assert()
        .failure()
        .code(code)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr:?}");
    assert!(stderr.starts_with("error: "), "{stderr:?}");
    assert!(
        stderr.contains(message),
        "{stderr:?} should mention {message:?}"
    );
    assert!(
        out.stdout.is_empty(),
        "stdout: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let ws = Ws::new();
    ws.json(&[
        "clients", "add", "--name", "Glow", "--handle", "glow", "--tag", "a",
    ]);
    let before = ws.json(&["clients", "list", "--all"]);

    refused(
        &ws,
        &[
            "clients", "add", "--name", "X", "--handle", "glow", "--json",
        ],
        2,
        "already exists",
    );
    refused(
        &ws,
        &["clients", "add", "--name", "X", "--handle", "bad handle"],
        2,
        "not a valid Instagram handle",
    );
    refused(
        &ws,
        &["clients", "add", "--name", "  ", "--handle", "fine"],
        2,
        "needs a name",
    );
    refused(
        &ws,
        &["clients", "add", "--handle", "fine"],
        2,
        "--name <NAME>",
    );
    refused(
        &ws,
        &[
            "clients", "add", "--name", "X", "--handle", "fine", "--bogus",
        ],
        2,
        "--bogus",
    );
    refused(
        &ws,
        &["clients", "show", "@nobody"],
        3,
        "no client matches @nobody",
    );
    refused(
        &ws,
        &["clients", "update", "@glow", "--handle", "a..b"],
        2,
        "'..'",
    );
    refused(&ws, &["clients", "update", "@glow"], 2, "nothing to change");
    refused(&ws, &["clients", "delete", "@glow"], 2, "--yes");
    refused(&ws, &["clients", "archive", "nope"], 3, "no client matches");

    assert_eq!(ws.json(&["clients", "list", "--all"]), before);
}

#[test]
fn argument_mistakes_create_no_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("new");
    for args in [
        &["clients", "add", "--handle", "x"][..],
        &["clients", "update", "@x"],
        &["clients", "frobnicate"],
    ] {
        let out = Command::cargo_bin("instagrowth")
            .unwrap()
            .arg("--data-dir")
            .arg(&ws)
            .args(args)
            .assert()
            .failure()
            .code(2)
            .get_output()
            .clone();
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).lines().count(),
            1,
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(!ws.exists(), "a failed command created the workspace");
}

#[test]
fn data_dir_comes_from_the_environment_too() {
    let ws = Ws::new();
    let mut c = Command::cargo_bin("instagrowth").unwrap();
    c.env("INSTAGROWTH_DATA_DIR", ws.0.path())
        .args(["clients", "add", "--name", "Env", "--handle", "env"])
        .assert()
        .success();
    assert_eq!(ws.handles(&[]), vec!["env"]);
    assert!(ws.0.path().join("instagrowth.db").exists());
}
