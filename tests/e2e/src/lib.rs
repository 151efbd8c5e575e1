//! Helpers for the end-to-end tests in `tests/`: they drive the built desktop app in a real
//! window (Xvfb) over WebDriver (tauri-driver + WebKitWebDriver). Run them with
//! `scripts/test.sh`, which builds the app and starts the display and D-Bus session first.
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub mod license_server;
pub mod webdriver;

/// The workspace root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// `CARGO_TARGET_DIR` or `<root>/target`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
}

/// Where built binaries are: the target dir's debug profile.
pub fn bin(name: &str) -> PathBuf {
    let path = target_dir().join("debug").join(name);
    assert!(
        path.exists(),
        "{} is not built; run scripts/test.sh (it builds the app first)",
        path.display()
    );
    path
}

/// Where screenshots go: `<target>/e2e/`.
pub fn artifacts_dir() -> PathBuf {
    let dir = repo_root().join("target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Saves a PNG of the X display (the app's window) as `<target>/e2e/<name>`.
/// WebKitWebDriver's own screenshot command never answers under Xvfb, so ImageMagick's
/// `import` grabs the display instead.
pub fn screenshot(name: &str) {
    let path = artifacts_dir().join(name);
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(&path)
        .status()
        .expect("ImageMagick's import (scripts/test.sh installs it)");
    assert!(status.success(), "screenshot {name} failed");
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A private home for one test run: HOME and the XDG folders point into a temp dir, so the
/// app's settings, logs and window state never touch the real user's.
pub struct Sandbox {
    pub root: tempfile::TempDir,
}

impl Sandbox {
    /// A sandbox whose workspace has the first-run setup put aside (as `instagrowth onboarding
    /// skip` does), so the app opens on the client list.
    pub fn new() -> Self {
        let sandbox = Sandbox::first_run();
        cli(&sandbox, &["onboarding", "skip"]);
        sandbox
    }

    /// A sandbox with nothing in it: the app opens on the first-run setup.
    pub fn first_run() -> Self {
        let root = tempfile::tempdir().unwrap();
        for d in ["home", "data", "config", "cache", "workspace"] {
            std::fs::create_dir_all(root.path().join(d)).unwrap();
        }
        Sandbox { root }
    }

    pub fn workspace(&self) -> PathBuf {
        self.root.path().join("workspace")
    }

    pub fn apply(&self, cmd: &mut Command) {
        let p = self.root.path();
        cmd.env("HOME", p.join("home"))
            .env("XDG_DATA_HOME", p.join("data"))
            .env("XDG_CONFIG_HOME", p.join("config"))
            .env("XDG_CACHE_HOME", p.join("cache"))
            .env_remove("INSTAGROWTH_DATA_DIR");
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

/// A running tauri-driver; killed on drop.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    pub fn start(sandbox: &Sandbox) -> Self {
        Driver::start_with_env(sandbox, &[])
    }

    /// [`Driver::start`] with extra environment variables for the app it launches (the app
    /// inherits tauri-driver's environment).
    pub fn start_with_env(sandbox: &Sandbox, env: &[(&str, &str)]) -> Self {
        // The app allows one instance: a previous test's app still shutting down would take this
        // test's launch over, and the new session would fail.
        wait_for_previous_apps();
        let port = free_port();
        let native = free_port();
        let exe = std::env::var_os("TAURI_DRIVER")
            .map(PathBuf::from)
            .unwrap_or_else(|| "tauri-driver".into());
        let mut cmd = Command::new(&exe);
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        // Software rendering: Xvfb has no GPU.
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
        sandbox.apply(&mut cmd);
        let child = cmd.spawn().unwrap_or_else(|e| {
            panic!(
                "cannot start {}: {e} (scripts/test.sh installs it)",
                exe.display()
            )
        });
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Process ids of running processes whose executable's file name satisfies `matches`.
fn running(matches: impl Fn(&str) -> bool) -> Vec<u32> {
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(exe) = std::fs::read_link(entry.path().join("exe")) else {
            continue;
        };
        if matches(&exe.file_name().unwrap_or_default().to_string_lossy()) {
            pids.push(pid);
        }
    }
    pids
}

/// Running `instagrowth-os` apps (any copy of the binary).
fn running_apps() -> Vec<u32> {
    running(|name| name == "instagrowth-os" || name.starts_with("instagrowth-os "))
}

fn kill(pid: u32) {
    eprintln!("killing process {pid} left by an earlier test");
    let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
}

/// Ends what earlier tests left: their WebKitWebDriver (killing tauri-driver does not end it,
/// and a stale one now and then broke the next session), then waits up to 20 s for their apps to
/// exit and kills what is left.
fn wait_for_previous_apps() {
    for pid in running(|name| name.starts_with("WebKitWebDriver")) {
        kill(pid);
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    while !running_apps().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    for pid in running_apps() {
        kill(pid);
    }
}

/// The CSS selector of `[data-testid='id']`.
pub fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

/// Runs the `instagrowth` CLI on the sandbox's workspace; returns its stdout, panics with its
/// stderr when it fails.
pub fn cli(sandbox: &Sandbox, args: &[&str]) -> String {
    let mut c = Command::new(bin("instagrowth"));
    sandbox.apply(&mut c);
    let out = c
        .arg("--data-dir")
        .arg(sandbox.workspace())
        .args(args)
        .output()
        .expect("the instagrowth CLI (scripts/test.sh builds it)");
    assert!(
        out.status.success(),
        "instagrowth {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Waits up to 20 s for the apps of ended sessions to exit, so the next launch is not handed to a
/// closing one (the app allows one instance).
pub fn wait_for_app_exit() {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !running_apps().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// WebDriver capabilities that make tauri-driver launch `app` with `args`.
pub fn capabilities(app: &Path, args: &[String]) -> serde_json::Map<String, serde_json::Value> {
    let caps = serde_json::json!({
        "browserName": "wry",
        "tauri:options": { "application": app, "args": args }
    });
    caps.as_object().unwrap().clone()
}
