//! The signed update channel end to end, as Tauri's own updater test does it: version N of the
//! app (this build, 0.1.0) runs under Xvfb from a copy of its binary; version N+1 (the same
//! sources built as `NEXT`, by scripts/test.sh) is signed with a fresh minisign key by the Tauri
//! CLI, served over HTTP on loopback and registered with the built licence server's update feed.
//!
//! 1. On the stable channel nothing is offered: the release is on beta only.
//! 2. On beta it is offered — but signed by another key: the install is refused, the binary is
//!    untouched and N keeps running.
//! 3. Correctly signed on stable: found, downloaded, verified, installed over the binary, and the
//!    app restarts as N+1 (its log says so).
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use instagrowth_e2e::license_server::LicenseServer;
use instagrowth_e2e::webdriver::Session;
use instagrowth_e2e::{
    bin, capabilities, free_port, repo_root, screenshot, target_dir, Driver, Sandbox,
};

const WAIT: Duration = Duration::from_secs(30);
/// The version scripts/test.sh builds N+1 as.
const NEXT: &str = "9.9.9-e2e";

fn by_id(id: &str) -> String {
    format!("[data-testid='{id}']")
}

fn tauri_cli() -> PathBuf {
    let cli = repo_root().join("ui/node_modules/.bin/tauri");
    assert!(
        cli.exists(),
        "{} is missing: run scripts/test.sh (npm ci)",
        cli.display()
    );
    cli
}

/// A minisign key pair made by the Tauri CLI: (private key file, public key as the config holds it).
fn signing_key(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let out = Command::new(tauri_cli())
        .args(["signer", "generate", "--ci", "-p", "", "-w"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let public = std::fs::read_to_string(key.with_extension("key.pub"))
        .or_else(|_| std::fs::read_to_string(format!("{}.pub", key.display())))
        .unwrap();
    (key, public.trim().to_string())
}

/// Signs `file` for `version` with `key`; the `.sig` file's contents.
fn sign(key: &Path, file: &Path, version: &str) -> String {
    let out = Command::new(tauri_cli())
        .args(["signer", "sign", "-p", "", "--app-version", version, "-f"])
        .arg(key)
        .arg(file)
        .env_remove("TAURI_SIGNING_PRIVATE_KEY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(format!("{}.sig", file.display()))
        .unwrap()
        .trim()
        .to_string()
}

/// A static file server on loopback (what a vendor's download host is).
struct FileServer {
    child: Child,
    url: String,
}

impl FileServer {
    fn start(dir: &Path) -> FileServer {
        let port = free_port();
        let child = Command::new("/usr/bin/python3")
            .args([
                "-m",
                "http.server",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--directory",
            ])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + WAIT;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the file server did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        FileServer {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for FileServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn release(server: &LicenseServer, channel: &str, url: &str, signature: &str) {
    server.admin(&[
        "releases",
        "add",
        "--channel",
        channel,
        "--version",
        NEXT,
        "--target",
        "linux",
        "--arch",
        "x86_64",
        "--url",
        url,
        "--signature",
        signature,
        "--notes",
        "The dashboard home.\n- Faster imports",
    ]);
}

/// A file's length and a fingerprint of its bytes (the binaries are tens of MB: never print them).
fn sha(path: &Path) -> (usize, u64) {
    use std::hash::{Hash, Hasher};
    let bytes = std::fs::read(path).unwrap();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    (bytes.len(), h.finish())
}

/// Processes running `exe`.
fn running(exe: &Path) -> Vec<u32> {
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Ok(target) = std::fs::read_link(entry.path().join("exe")) {
            let t = target.to_string_lossy().replace(" (deleted)", "");
            if Path::new(&t) == exe {
                pids.push(pid);
            }
        }
    }
    pids
}

/// The app's log lines so far (every log file in the sandbox's log folder).
fn logs(sandbox: &Sandbox) -> String {
    let dir = sandbox
        .root
        .path()
        .join("data/com.instagrowth.desktop/logs");
    let mut all = String::new();
    for f in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        all.push_str(&std::fs::read_to_string(f.path()).unwrap_or_default());
    }
    all
}

fn open_updates(app: &Session) {
    app.click(&app.wait_for(&by_id("nav-settings"), WAIT));
    let card = app.wait_for(&by_id("updates"), WAIT);
    app.scroll_into_view(&card);
}

fn choose_channel(app: &Session, channel: &str) {
    let js = format!(
        "const s = document.querySelector(\"[data-testid='updates-channel']\");\
         const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;\
         set.call(s, '{channel}'); s.dispatchEvent(new Event('change', {{bubbles: true}}));\
         arguments[0](true);"
    );
    app.execute_async(&js);
    // Chosen once the back end has saved it (the select shows what was saved).
    let deadline = Instant::now() + WAIT;
    let read = "arguments[0](document.querySelector(\"[data-testid='updates-channel']\").value);";
    while app.execute_async(read) != channel {
        assert!(
            Instant::now() < deadline,
            "the channel did not change to {channel}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
#[ignore = "needs the built app (N and N+1), the licence server, Xvfb and tauri-driver: run scripts/test.sh"]
fn the_app_updates_itself_over_the_signed_channel_and_refuses_a_tampered_update() {
    let next = target_dir().join("updater/instagrowth-os-next");
    assert!(
        next.exists(),
        "{} is not built: run scripts/test.sh",
        next.display()
    );
    let work = tempfile::tempdir().unwrap();
    let (key, public) = signing_key(work.path(), "updater.key");
    let (other_key, _) = signing_key(work.path(), "other.key");

    // The download host: N+1 as published, and the same bytes signed by the wrong key.
    let files = work.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let published = files.join("instagrowth-os-next");
    std::fs::copy(&next, &published).unwrap();
    let good_sig = sign(&key, &published, NEXT);
    let forged = files.join("instagrowth-os-forged");
    std::fs::copy(&next, &forged).unwrap();
    let bad_sig = sign(&other_key, &forged, NEXT);
    let host = FileServer::start(&files);

    let server = LicenseServer::start();
    release(
        &server,
        "beta",
        &format!("{}/instagrowth-os-forged", host.url),
        &bad_sig,
    );

    // Version N runs from its own copy: the updater replaces that file.
    let app_dir = work.path().join("app");
    std::fs::create_dir_all(&app_dir).unwrap();
    let installed = app_dir.join("instagrowth-os");
    std::fs::copy(bin("instagrowth-os"), &installed).unwrap();
    let before = sha(&installed);

    let sandbox = Sandbox::new();
    let ws = sandbox.workspace().display().to_string();
    let mut env = server.app_env().to_vec();
    env.push(("INSTAGROWTH_UPDATER_PUBKEY", public.as_str()));
    let driver = Driver::start_with_env(&sandbox, &env);
    let app = Session::new(
        &driver.url(),
        capabilities(&installed, &["--data-dir".to_string(), ws]),
    );
    app.wait_for("body[data-ready='true']", WAIT);
    open_updates(&app);
    app.wait_for("[data-testid='updates-version']", WAIT);
    let version = app.text_content(&app.wait_for(&by_id("updates-version"), WAIT));
    assert_eq!(version.trim(), "0.1.0");

    // 1. Stable: nothing for this version (the release is beta only).
    app.click(&app.wait_for(&by_id("updates-check"), WAIT));
    let result = app.text_content(&app.wait_for(&by_id("updates-result"), WAIT));
    assert!(
        result.contains("newest version on the stable channel"),
        "{result}"
    );

    // 2. Beta: offered, but its signature is another key's — refused, nothing installed.
    choose_channel(&app, "beta");
    app.wait_gone(&by_id("updates-result"), WAIT);
    app.click(&app.wait_for(&by_id("updates-check"), WAIT));
    let dialog = app.wait_for("[role='dialog']", WAIT);
    let text = app.text_content(&dialog);
    assert!(
        text.contains(&format!("InstaGrowth OS {NEXT} is available")),
        "{text}"
    );
    assert!(text.contains("The dashboard home."), "{text}");
    screenshot("updater-01-offered.png");
    app.click(&app.wait_for(&by_id("update-install"), WAIT));
    let error = app.wait_for(
        "[data-testid='update-error'][data-code='update_signature']",
        WAIT,
    );
    let message = app.text_content(&error);
    assert!(message.contains("not installed"), "{message}");
    screenshot("updater-02-refused.png");
    assert_eq!(sha(&installed), before, "the binary is untouched");
    app.click(&app.wait_for(&by_id("update-later"), WAIT));
    app.wait_gone("[role='dialog']", WAIT);
    let version = app.text_content(&app.wait_for(&by_id("updates-version"), WAIT));
    assert_eq!(version.trim(), "0.1.0", "N keeps running");

    // 3. The real release on stable: found, verified, installed, restarted as N+1.
    release(
        &server,
        "stable",
        &format!("{}/instagrowth-os-next", host.url),
        &good_sig,
    );
    choose_channel(&app, "stable");
    app.click(&app.wait_for(&by_id("updates-check"), WAIT));
    app.wait_for("[role='dialog']", WAIT);
    app.click(&app.wait_for(&by_id("update-install"), WAIT));

    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let log = logs(&sandbox);
        let restarted = log
            .lines()
            .any(|l| l.contains("app version") && l.contains(&format!("version={NEXT}")));
        if restarted {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the app did not restart as {NEXT}; log:\n{log}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    assert_eq!(
        sha(&installed),
        sha(&published),
        "N+1 replaced N on disk (N was {before:?}, N+1's build is {:?})",
        sha(&next)
    );
    assert!(logs(&sandbox).contains("update installed: restarting"));
    std::thread::sleep(Duration::from_millis(1500));
    screenshot("updater-03-restarted.png");
    for pid in running(&installed) {
        let _ = Command::new("kill").arg(pid.to_string()).status();
    }
    drop(app);
    drop(driver);
}
