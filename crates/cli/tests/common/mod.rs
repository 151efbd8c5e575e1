//! A temporary workspace for running `instagrowth` as a program: the data dir is `<tmp>/ws`,
//! files a test writes or reads go beside it.
#![allow(dead_code)]
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub struct Ws(tempfile::TempDir);

impl Ws {
    pub fn new() -> Ws {
        Ws(tempfile::tempdir().unwrap())
    }

    /// A workspace with one client.
    pub fn with_client(name: &str, handle: &str, niche: &str) -> Ws {
        let ws = Ws::new();
        ws.cmd()
            .args([
                "clients", "add", "--name", name, "--handle", handle, "--niche", niche,
            ])
            .assert()
            .success();
        ws
    }

    pub fn root(&self) -> &Path {
        self.0.path()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.0.path().join("ws")
    }

    /// A file beside the workspace.
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("instagrowth").unwrap();
        c.env_remove("INSTAGROWTH_DATA_DIR")
            .env_remove("RUST_LOG")
            .arg("--data-dir")
            .arg(self.data_dir());
        c
    }

    /// What the workspace holds, table by table (`audits`, `plans`, …), as a backup counts it.
    #[allow(dead_code)]
    pub fn counts(&self) -> Value {
        let file = self.path("counts.igbackup");
        let _ = std::fs::remove_file(&file);
        let made = self.json(&["backup", "create", file.to_str().unwrap()]);
        std::fs::remove_file(&file).unwrap();
        made["counts"].clone()
    }

    /// Runs `args`, which must succeed, and returns what it printed.
    pub fn text(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    /// Runs with `--json` and returns the one JSON document printed.
    pub fn json(&self, args: &[&str]) -> Value {
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
}
