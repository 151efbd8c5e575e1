//! Every refused import — bad files, another account's export, a cancel — writes nothing.
mod common;
#[path = "../../import/tests/support/mod.rs"]
mod support;

use std::path::Path;

use instagrowth_api::dashboard::client_dashboard;
use instagrowth_api::import::{run, ImportRequest};
use instagrowth_api::{ErrorCode, Workspace};
use instagrowth_import::Control;
use support::{write_zip, Export, Layout};

const T0: i64 = 1_767_225_600;

async fn assert_nothing_written(ws: &Workspace) {
    let d = client_dashboard(ws, "@glow").await.unwrap();
    assert_eq!(d.total_posts, 0);
    assert!(d.followers.is_empty());
    assert!(d.imports.is_empty(), "no batch recorded");
}

fn request(paths: Vec<std::path::PathBuf>, force: bool) -> ImportRequest {
    ImportRequest {
        client: "@glow".into(),
        paths,
        force,
    }
}

/// Importing `path` is refused as an invalid import whose message holds `needle`, and nothing is
/// written.
async fn assert_refused(ws: &Workspace, path: &Path, needle: &str) {
    let err = run(
        ws,
        &request(vec![path.to_path_buf()], false),
        Control::new(),
    )
    .await
    .unwrap_err();
    let shown = path.display();
    assert_eq!(err.code, ErrorCode::InvalidImport, "{shown}: {err:?}");
    assert!(err.message.contains(needle), "{shown}: {}", err.message);
    assert_nothing_written(ws).await;
}

#[tokio::test]
async fn refused_imports_change_nothing() {
    let ws = common::workspace_with_glow().await;
    let dir = tempfile::tempdir().unwrap();
    let zip = |name: &str, files: &[(&str, &[u8])]| {
        let p = dir.path().join(name);
        let owned: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        write_zip(&p, &owned);
        p
    };
    let csv = dir.path().join("no-time.csv");
    std::fs::write(&csv, "Post ID,Post type,Views\n1,IG image,100\n").unwrap();
    let cases = [
        (
            zip(
                "truncated.zip",
                &[(
                    "your_instagram_activity/content/posts_1.json",
                    b"[{\"media\": [",
                )],
            ),
            "is not valid JSON",
        ),
        (
            zip("html.zip", &[("start_here.html", b"<html/>")]),
            "choosing the JSON format",
        ),
        (zip("evil.zip", &[("../../x.json", b"[]")]), "unsafe path"),
        (zip("empty.zip", &[]), "is empty"),
        (csv, "Publish time"),
    ];
    for (path, needle) in cases {
        assert_refused(&ws, &path, needle).await;
    }
}

#[tokio::test]
async fn another_accounts_export_and_a_cancel_change_nothing() {
    let ws = common::workspace_with_glow().await;
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("other.zip");
    Export::new(Layout::Newer)
        .profile("not.glow", "Someone", ("Username", "Name"))
        .post(T0, "hello", &["media/posts/1.jpg"])
        .followers(&["a"], T0)
        .write_zip(&zip);

    let err = run(&ws, &request(vec![zip.clone()], false), Control::new())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::HandleMismatch);
    assert!(
        err.message.contains("@not.glow") && err.message.contains("@glow"),
        "{}",
        err.message
    );
    assert_nothing_written(&ws).await;

    let ctl = Control::new();
    ctl.cancel();
    let err = run(&ws, &request(vec![zip.clone()], true), ctl)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert_nothing_written(&ws).await;

    // Confirmed, it lands.
    let out = run(&ws, &request(vec![zip], true), Control::new())
        .await
        .unwrap();
    assert_eq!(out.posts_added, 1);
}

#[tokio::test]
async fn files_past_the_parse_caps_change_nothing() {
    // Each beside a valid export, so a skipped file would still have written posts and followers.
    let ws = common::workspace_with_glow().await;
    let dir = tempfile::tempdir().unwrap();
    let export = |name: &str, file: &str, bytes: Vec<u8>| {
        let path = dir.path().join(name);
        Export::new(Layout::Newer)
            .post(T0, "hello", &["media/posts/1.jpg"])
            .followers(&["a"], T0)
            .file(file, &bytes)
            .write_zip(&path);
        path
    };
    let thread = "your_instagram_activity/messages/inbox/ana_1/message_1.json";
    let mut zeros = b"[0".to_vec();
    zeros.extend(b",0".repeat(10_000_000));
    zeros.push(b']');
    let depth = instagrowth_import::export::MAX_DEPTH + 1;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth)).into_bytes();
    let csv = dir.path().join("content.csv");
    std::fs::File::create(&csv)
        .unwrap()
        .set_len(instagrowth_import::business_suite::MAX_CSV_BYTES + 1)
        .unwrap();
    let cases = [
        (
            export("values.zip", thread, zeros),
            "message_1.json holds more values",
        ),
        (
            export("deep.zip", thread, deep),
            "message_1.json nests more than",
        ),
        (csv, "content.csv is larger than"),
    ];
    for (path, needle) in cases {
        assert_refused(&ws, &path, needle).await;
    }
}
