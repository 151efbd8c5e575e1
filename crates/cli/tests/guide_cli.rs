//! `instagrowth guide` as a program: search ranks the right article first, an unknown article
//! fails in one clear line; neither needs (or creates) a workspace.
use assert_cmd::Command;

fn guide(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("instagrowth").unwrap();
    c.env_remove("INSTAGROWTH_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.join("never-created"))
        .arg("guide");
    c
}

#[test]
fn search_lists_the_best_article_first_and_show_refuses_an_unknown_id() {
    let tmp = tempfile::tempdir().unwrap();
    let out = guide(tmp.path())
        .args(["search", "shadowban", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let hits: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(hits[0]["id"], "shadowban-risk", "{hits}");
    assert!(hits[0]["snippet"].as_str().unwrap().len() > 20);

    let out = guide(tmp.path())
        .args(["show", "nope"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim(), "error: There is no help article \"nope\".");
    assert!(out.stdout.is_empty());

    let out = guide(tmp.path())
        .args(["show", "audit-scores"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("How audit scores are computed"), "{text}");
    assert!(
        !tmp.path().join("never-created").exists(),
        "no workspace made"
    );
}
