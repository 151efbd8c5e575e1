//! An old licence file served again: a revoked user keeps a file saved earlier, serves it from a
//! loopback "licence server" (release builds accept `INSTAGROWTH_LICENSE_SERVER=http://127.0.0.1:…`)
//! and sets the clock back. A refresh or an activation never accepts a file issued before the
//! stored one, and the last-seen time never moves back, whichever server answers. Times are
//! injected (`status_at`), counted from the real server's signed `issued_at`.
mod license_support;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use instagrowth_api::license::{self, LicenseState, FILE_NAME};
use instagrowth_api::{ErrorCode, Workspace};
use instagrowth_license::{format_time, sign, verify, LicensePayload, LicenseStatus};
use instagrowth_store::queries::settings;
use license_support::{LicenseServer, MemoryStore, Replay};

/// The real licence server, a "pro" key it issued, and a workspace in `dir` activated with it.
async fn activated() -> (LicenseServer, String, tempfile::TempDir, Workspace) {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = server
        .workspace(dir.path(), "machine-1", Arc::new(MemoryStore::default()))
        .await;
    license::activate(&ws, &key, None).await.unwrap();
    (server, key, dir, ws)
}

/// The licence file stored in `dir`, verified under `server`'s key.
fn stored(server: &LicenseServer, dir: &std::path::Path) -> (String, LicensePayload) {
    let text = std::fs::read_to_string(dir.join(FILE_NAME)).unwrap();
    let payload = verify(&text, &server.key.verifying_key()).unwrap();
    (text, payload)
}

/// The same payload, signed by the real server's key, issued `back` earlier.
fn older(server: &LicenseServer, p: &LicensePayload, back: Duration) -> String {
    let mut old = p.clone();
    let issued = p.issued_at().unwrap() - back;
    old.issued_at = format_time(issued);
    old.refresh_by = format_time(issued + Duration::days(14));
    sign(&old, &server.key)
}

async fn last_seen(ws: &Workspace) -> Option<String> {
    settings::get(ws.store(), "license_last_seen")
        .await
        .unwrap()
}

/// The workspace's handle, its licence server replaced by `url` (as the environment would).
fn pointed_at(ws: &Workspace, url: &str) -> Workspace {
    let mut ws = ws.clone();
    let mut cfg = ws.license_config().clone();
    cfg.server_override = Some(url.to_string());
    ws.set_license_config(cfg);
    ws
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_refuses_a_file_issued_before_the_stored_one_and_keeps_the_refusal() {
    let (server, key, dir, ws) = activated().await;
    let (file, payload) = stored(&server, dir.path());
    let issued: DateTime<Utc> = payload.issued_at().unwrap();
    // Two days on (injected), the licence is revoked and the app hears it.
    let later = issued + Duration::days(2);
    license::status_at(&ws, later).await.unwrap();
    let seen = last_seen(&ws).await;
    assert_eq!(seen, Some(format_time(later)));
    server.hold(&key, Some(LicenseStatus::Revoked)).await;
    assert_eq!(
        license::refresh(&ws).await.unwrap_err().code,
        ErrorCode::LicenseRefused
    );
    let refusal = settings::get(ws.store(), "license_refusal").await.unwrap();
    assert!(refusal.as_deref().unwrap_or("").contains("REVOKED"));

    // A file saved a day before the stored one, served from loopback.
    let replay = Replay::serving(&older(&server, &payload, Duration::days(1))).await;
    let local = pointed_at(&ws, &replay.url());
    let e = license::refresh(&local).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseOutdated, "{}", e.message);
    assert!(e.message.contains("nothing was stored"), "{}", e.message);
    // Nothing stored, the refusal stands, the last-seen time did not move.
    assert_eq!(
        std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap(),
        file
    );
    assert_eq!(
        settings::get(ws.store(), "license_refusal").await.unwrap(),
        refusal
    );
    assert_eq!(last_seen(&ws).await, seen);
    let s = license::status_at(&ws, later).await.unwrap();
    assert_eq!(
        (s.state, s.code.as_str()),
        (LicenseState::ReadOnly, "REVOKED")
    );

    // The stored file itself, saved before the revocation and served again, is no answer
    // either: the refusal stands.
    let same = Replay::serving(&file).await;
    let e = license::refresh(&pointed_at(&ws, &same.url()))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseOutdated, "{}", e.message);
    assert!(e.message.contains("no later than"), "{}", e.message);
    assert_eq!(
        settings::get(ws.store(), "license_refusal").await.unwrap(),
        refusal
    );
    let s = license::status_at(&ws, later).await.unwrap();
    assert_eq!(
        (s.state, s.code.as_str()),
        (LicenseState::ReadOnly, "REVOKED")
    );

    // Activating with it is no better.
    let e = license::activate(&local, &key, None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseOutdated, "{}", e.message);
    assert_eq!(
        std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap(),
        file
    );
    assert_eq!(
        settings::get(ws.store(), "license_refusal").await.unwrap(),
        refusal
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accepted_file_never_moves_the_last_seen_time_back() {
    let (server, _key, dir, ws) = activated().await;
    let (file, payload) = stored(&server, dir.path());
    let issued = payload.issued_at().unwrap();
    let later = issued + Duration::days(3);
    license::status_at(&ws, later).await.unwrap();

    // The stored file itself, served again: accepted (it is no older), but the last-seen time
    // stays three days on — so the clock set back to the file's day is still caught.
    let replay = Replay::serving(&file).await;
    license::refresh(&pointed_at(&ws, &replay.url()))
        .await
        .unwrap();
    assert_eq!(last_seen(&ws).await, Some(format_time(later)));
    let s = license::status_at(&ws, issued + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(
        (s.state, s.code.as_str()),
        (LicenseState::ReadOnly, "CLOCK_TAMPERED")
    );
}
