//! `instagrowth backup` as a program: create, inspect, restore into a new folder with the same
//! clients; restoring over a workspace with clients is refused in one line and changes nothing.
mod common;

use assert_cmd::Command;
use common::Ws;

fn at(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("instagrowth").unwrap();
    c.env_remove("INSTAGROWTH_DATA_DIR")
        .arg("--data-dir")
        .arg(dir);
    c
}

#[test]
fn a_backup_is_made_inspected_and_restored_into_a_new_folder() {
    let ws = Ws::with_client("Glow Studio", "glow", "skincare");
    ws.cmd()
        .args(["clients", "add", "--name", "Nova", "--handle", "nova"])
        .assert()
        .success();
    let file = ws.path("agency.igbackup");
    let made = ws.json(&["backup", "create", file.to_str().unwrap()]);
    assert_eq!(made["counts"]["clients"], 2);
    assert_eq!(made["format"], 1);

    let text = ws.text(&["backup", "inspect", file.to_str().unwrap()]);
    assert!(text.contains("clients     2"), "{text}");

    let restored_dir = ws.path("restored");
    let out = at(&restored_dir)
        .args(["backup", "restore", file.to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with(&format!("Restored into {}", restored_dir.display())),
        "{text}"
    );
    assert!(text.contains("set the AI key again"), "{text}");

    let list = |dir: &std::path::Path| -> serde_json::Value {
        let out = at(dir)
            .args(["clients", "list", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    assert_eq!(list(&restored_dir), list(&ws.data_dir()));

    // Over a workspace with clients: one line, exit 2, nothing changed.
    let out = ws
        .cmd()
        .args(["backup", "restore", file.to_str().unwrap()])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("already has 2 client(s)"), "{err}");

    // A missing file: refused before any workspace is made.
    let nowhere = ws.path("nowhere");
    at(&nowhere)
        .args([
            "backup",
            "restore",
            ws.path("missing.igbackup").to_str().unwrap(),
        ])
        .assert()
        .code(2);
    assert!(!nowhere.join("instagrowth.db").exists());
}

#[test]
fn a_clients_data_is_exported_to_a_zip() {
    let ws = Ws::with_client("Glow Studio", "glow", "skincare");
    let zip_path = ws.path("glow-data.zip");
    let done = ws.json(&[
        "clients",
        "export",
        "@glow",
        "--out",
        zip_path.to_str().unwrap(),
    ]);
    assert_eq!(done["handle"], "glow");
    let mut z = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let client: serde_json::Value =
        serde_json::from_reader(z.by_name("client.json").unwrap()).unwrap();
    assert_eq!(client["name"], "Glow Studio");
    assert!(z.by_name("README.txt").is_ok());

    let out = ws
        .cmd()
        .args(["clients", "export", "@nobody", "--out"])
        .arg(ws.path("x.zip"))
        .assert()
        .code(3)
        .get_output()
        .clone();
    assert!(String::from_utf8(out.stderr).unwrap().contains("nobody"));
    assert!(!ws.path("x.zip").exists());
}

#[test]
fn a_restore_is_refused_while_the_workspace_is_open_in_the_app() {
    let ws = Ws::with_client("Glow Studio", "glow", "skincare");
    let file = ws.path("agency.igbackup");
    ws.json(&["backup", "create", file.to_str().unwrap()]);

    // The app has the (empty) target workspace open: the API's own open, in this process.
    let target = ws.path("target");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let open = rt
        .block_on(instagrowth_api::Workspace::open(&target))
        .unwrap();
    let out = at(&target)
        .args(["backup", "restore", file.to_str().unwrap()])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "error: the workspace at {} is open in InstaGrowth OS (or another instagrowth command); close it and try again — nothing was changed\n",
            target.display()
        )
    );
    let listed = |dir: &std::path::Path| -> serde_json::Value {
        let out = at(dir)
            .args(["clients", "list", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    // A command beside the open app reads it as usual: nothing was restored.
    assert_eq!(listed(&target), serde_json::json!([]));

    // Closed in the app: the restore goes through.
    rt.block_on(open.close());
    drop(open);
    at(&target)
        .args(["backup", "restore", file.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(listed(&target), listed(&ws.data_dir()));
}
