//! The purchase key through the real OS keychain (Secret Service under
//! `scripts/desktop-session.sh`) against the real licence server: stored at activation, never
//! written to the workspace, removed at deactivation; and no activation at all without a keychain.
mod license_support;

use std::sync::Arc;

use instagrowth_api::license::{self, LicenseState, OsKeychain, FILE_NAME};
use instagrowth_api::ErrorCode;
use license_support::LicenseServer;

/// Every file under `dir` holding `needle`.
fn files_containing(dir: &std::path::Path, needle: &[u8]) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle)
            {
                hits.push(path);
            }
        }
    }
    hits
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a D-Bus session with an unlocked keyring: scripts/desktop-session.sh"]
async fn the_purchase_key_lives_in_the_keychain_and_nowhere_in_the_workspace() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = server
        .workspace(dir.path(), "machine-1", Arc::new(OsKeychain))
        .await;
    let s = license::activate(&ws, &key, Some("CI desktop"))
        .await
        .unwrap();
    assert_eq!(s.state, LicenseState::Active);
    assert!(dir.path().join(FILE_NAME).exists());

    // The key is used from the keychain: a refresh needs it.
    assert_eq!(
        license::refresh(&ws).await.unwrap().state,
        LicenseState::Active
    );
    ws.close().await;
    assert!(files_containing(dir.path(), key.as_bytes()).is_empty());
    assert!(files_containing(dir.path(), &key.as_bytes()[10..]).is_empty());

    let ws = server
        .workspace(dir.path(), "machine-1", Arc::new(OsKeychain))
        .await;
    let s = license::deactivate(&ws).await.unwrap();
    assert_eq!(s.state, LicenseState::Trial);
    assert_eq!(server.machines(&key).await, 0);
    // The key is gone from the keychain too.
    assert_eq!(
        license::refresh(&ws).await.unwrap_err().code,
        ErrorCode::LicenseNotActivated
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs to run without any D-Bus session: see scripts/test.sh"]
async fn without_a_keychain_activation_is_refused_and_nothing_is_stored() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = server
        .workspace(dir.path(), "machine-1", Arc::new(OsKeychain))
        .await;
    let e = license::activate(&ws, &key, None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::KeychainUnavailable);
    assert!(
        e.message.contains("no OS keychain is reachable"),
        "{}",
        e.message
    );
    assert!(!e.message.contains(&key));
    assert_eq!(server.machines(&key).await, 0, "no seat was taken");
    ws.close().await;
    assert!(files_containing(dir.path(), key.as_bytes()).is_empty());
    assert!(!dir.path().join(FILE_NAME).exists());
}
