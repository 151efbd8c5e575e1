//! The licence in a workspace against the real licence server on loopback: activation, the
//! seats, a revocation heard at refresh, deactivation, an unreachable server, a server signing
//! with a key the app does not trust, no keychain, and the server address in force.
mod license_support;

use std::sync::Arc;

use instagrowth_api::license::{self, LicenseState, FILE_NAME};
use instagrowth_api::ErrorCode;
use instagrowth_license::{default_catalog, generate_signing_key, LicenseStatus};
use license_support::{LicenseServer, MemoryStore, NoKeychain};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activation_makes_the_licence_active_with_the_plans_entitlements() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::default());
    let ws = server
        .workspace(dir.path(), "machine-1", store.clone())
        .await;
    assert_eq!(
        license::status(&ws).await.unwrap().state,
        LicenseState::Trial
    );

    // As typed: lower case, spaces instead of dashes.
    let typed = key.to_lowercase().replace('-', " ");
    let s = license::activate(&ws, &typed, Some("Ana's laptop"))
        .await
        .unwrap();
    assert_eq!(s.state, LicenseState::Active);
    assert_eq!(s.code, "VALID");
    assert_eq!(s.plan, "pro");
    assert_eq!(s.plan_label, "Pro");
    assert_eq!(
        s.entitlements,
        default_catalog().entitlements("pro", &[], &[]).unwrap()
    );
    assert_eq!(s.status.as_deref(), Some("active"));
    assert_eq!(s.key_prefix.as_deref(), Some(&key[..10]));
    assert_eq!(s.machine_name.as_deref(), Some("Ana's laptop"));
    assert_eq!(s.seats_in_use, Some(1), "1 of the plan's 2 seats");
    assert_eq!(s.server_url, server.url());
    assert_eq!(s.trial_ends_at, None);
    assert!(s.refresh_by.is_some() && s.read_only_at.is_some());
    assert!(!s.refresh_due);

    // The file is on disk and verifies; the key is in the key store and not in the workspace.
    let file = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert!(file.starts_with("-----BEGIN LICENSE FILE-----"));
    assert!(!file.contains(&key));
    assert_eq!(store.secrets(), vec![key.clone()]);
    assert_eq!(server.machines(&key).await, 1);
    let (ents, read_only) = license::current_entitlements(&ws).await.unwrap();
    assert_eq!(ents.max_active_clients, Some(10));
    assert!(!read_only);

    // Activating the same machine again takes no second seat; a refresh works.
    license::activate(&ws, &key, None).await.unwrap();
    assert_eq!(server.machines(&key).await, 1);
    let s = license::refresh(&ws).await.unwrap();
    assert_eq!(s.state, LicenseState::Active);

    // The status of a reopened workspace (as at the next start) is the same, offline.
    let reopened = server.workspace(dir.path(), "machine-1", store).await;
    assert_eq!(
        license::status(&reopened).await.unwrap().state,
        LicenseState::Active
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_machine_beyond_the_seats_is_refused_with_a_clear_message() {
    let server = LicenseServer::start().await;
    let key = server.issue("starter").await; // one seat
    let first_dir = tempfile::tempdir().unwrap();
    let first = server
        .workspace(
            first_dir.path(),
            "machine-1",
            Arc::new(MemoryStore::default()),
        )
        .await;
    license::activate(&first, &key, None).await.unwrap();

    let second_dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::default());
    let second = server
        .workspace(second_dir.path(), "machine-2", store.clone())
        .await;
    let e = license::activate(&second, &key, Some("Bo's desktop"))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseRefused);
    assert_eq!(
        e.message,
        "the licence server refused: all 1 seats of this licence are in use: deactivate a machine first (TOO_MANY_MACHINES)"
    );
    // Nothing stored on the second machine; it is still in its trial.
    assert!(!second_dir.path().join(FILE_NAME).exists());
    assert!(store.secrets().is_empty());
    assert_eq!(
        license::status(&second).await.unwrap().state,
        LicenseState::Trial
    );
    assert_eq!(server.machines(&key).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revocation_heard_at_refresh_makes_the_licence_read_only_despite_a_fresh_file() {
    let server = LicenseServer::start().await;
    let key = server.issue("agency").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = server
        .workspace(dir.path(), "machine-1", Arc::new(MemoryStore::default()))
        .await;
    license::activate(&ws, &key, None).await.unwrap();
    let file_before = std::fs::read(dir.path().join(FILE_NAME)).unwrap();

    server.hold(&key, Some(LicenseStatus::Revoked)).await;
    let e = license::refresh(&ws).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseRefused);
    assert!(e.message.contains("(REVOKED)"), "{}", e.message);
    assert!(e.message.contains("read-only"), "{}", e.message);

    // The file is untouched and still within its TTL, yet the licence is read-only.
    assert_eq!(
        std::fs::read(dir.path().join(FILE_NAME)).unwrap(),
        file_before
    );
    let s = license::status(&ws).await.unwrap();
    assert_eq!(s.state, LicenseState::ReadOnly);
    assert_eq!(s.code, "REVOKED");
    assert_eq!(s.plan, "agency");
    let reason = s.reason.unwrap();
    assert!(
        reason.contains("this licence was revoked and cannot be used again (REVOKED)"),
        "{reason}"
    );
    assert!(reason.contains("viewable and exportable"), "{reason}");
    let (_, read_only) = license::current_entitlements(&ws).await.unwrap();
    assert!(read_only);

    // Reinstated at the server: the next refresh clears it. Files are signed to the second, and
    // after a refusal only a file issued after the stored one counts, so the re-issue must come
    // in a later second than the activation (as it always does outside a test).
    server.hold(&key, None).await;
    let this_second = chrono::Utc::now().timestamp();
    while chrono::Utc::now().timestamp() == this_second {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let s = license::refresh(&ws).await.unwrap();
    assert_eq!((s.state, s.code.as_str()), (LicenseState::Active, "VALID"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deactivation_frees_the_seat_and_removes_the_licence_here() {
    let server = LicenseServer::start().await;
    let key = server.issue("starter").await;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::default());
    let ws = server
        .workspace(dir.path(), "machine-1", store.clone())
        .await;
    license::activate(&ws, &key, None).await.unwrap();
    assert_eq!(server.machines(&key).await, 1);

    let s = license::deactivate(&ws).await.unwrap();
    assert_eq!(s.state, LicenseState::Trial, "back in the trial");
    assert_eq!(s.seats_in_use, None);
    assert_eq!(server.machines(&key).await, 0);
    assert!(!dir.path().join(FILE_NAME).exists());
    assert!(store.secrets().is_empty());
    assert_eq!(
        license::deactivate(&ws).await.unwrap_err().code,
        ErrorCode::LicenseNotActivated
    );

    // The freed seat takes another machine.
    let other_dir = tempfile::tempdir().unwrap();
    let other = server
        .workspace(
            other_dir.path(),
            "machine-2",
            Arc::new(MemoryStore::default()),
        )
        .await;
    assert_eq!(
        license::activate(&other, &key, None).await.unwrap().state,
        LicenseState::Active
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_server_changes_nothing() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::default());
    let ws = server
        .workspace(dir.path(), "machine-1", store.clone())
        .await;
    license::activate(&ws, &key, None).await.unwrap();
    let file = std::fs::read(dir.path().join(FILE_NAME)).unwrap();

    // The server goes away (its port closes).
    drop(server);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;

    let e = license::refresh(&ws).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseServerUnreachable, "{}", e.message);
    let e = license::deactivate(&ws).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseServerUnreachable, "{}", e.message);
    assert!(e.message.contains("stays activated"), "{}", e.message);
    assert_eq!(std::fs::read(dir.path().join(FILE_NAME)).unwrap(), file);
    assert_eq!(store.secrets(), vec![key]);
    // Offline, the file carries on.
    assert_eq!(
        license::status(&ws).await.unwrap().state,
        LicenseState::Active
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_signed_by_a_key_the_app_does_not_trust_is_never_stored() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::default());
    let mut ws = server
        .workspace(dir.path(), "machine-1", store.clone())
        .await;
    let mut cfg = ws.license_config().clone();
    cfg.public_key = generate_signing_key().verifying_key();
    ws.set_license_config(cfg);

    let e = license::activate(&ws, &key, None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseTampered, "{}", e.message);
    assert!(!dir.path().join(FILE_NAME).exists());
    assert!(store.secrets().is_empty());
    assert_eq!(
        license::status(&ws).await.unwrap().state,
        LicenseState::Trial
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_keychain_nothing_is_activated_or_stored() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = server
        .workspace(dir.path(), "machine-1", Arc::new(NoKeychain))
        .await;
    let e = license::activate(&ws, &key, None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::KeychainUnavailable);
    assert!(e.message.contains("Nothing was stored"), "{}", e.message);
    assert_eq!(server.machines(&key).await, 0, "no seat was taken");
    assert!(!dir.path().join(FILE_NAME).exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_billing_portal_needs_a_stripe_customer() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = server
        .workspace(dir.path(), "machine-1", Arc::new(MemoryStore::default()))
        .await;
    license::activate(&ws, &key, None).await.unwrap();
    // Issued by hand, not bought through Stripe: the server says so.
    let e = license::portal_url(&ws).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseRefused);
    assert!(e.message.contains("(NO_BILLING_ACCOUNT)"), "{}", e.message);
    // Not a refusal of the licence: it stays active.
    assert_eq!(
        license::status(&ws).await.unwrap().state,
        LicenseState::Active
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_workspace_setting_names_the_server_unless_the_environment_does() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let dir = tempfile::tempdir().unwrap();
    let mut ws = server
        .workspace(dir.path(), "machine-1", Arc::new(MemoryStore::default()))
        .await;
    // The build's address is wrong; the setting puts the real one in force.
    let mut cfg = ws.license_config().clone();
    cfg.server_url = "http://127.0.0.1:9".into();
    ws.set_license_config(cfg.clone());
    assert_eq!(
        license::activate(&ws, &key, None).await.unwrap_err().code,
        ErrorCode::LicenseServerUnreachable
    );
    assert_eq!(
        license::set_server_url(&ws, Some(&format!("{}/", server.url())))
            .await
            .unwrap(),
        server.url()
    );
    assert_eq!(
        license::activate(&ws, &key, None).await.unwrap().server_url,
        server.url()
    );
    assert_eq!(
        license::set_server_url(&ws, Some("http://example.com"))
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("license_server")
    );
    // The run-time override (INSTAGROWTH_LICENSE_SERVER) wins over the setting.
    cfg.server_override = Some("http://127.0.0.1:9".into());
    ws.set_license_config(cfg);
    assert_eq!(
        license::status(&ws).await.unwrap().server_url,
        "http://127.0.0.1:9"
    );
    assert_eq!(
        license::refresh(&ws).await.unwrap_err().code,
        ErrorCode::LicenseServerUnreachable
    );
    // Back to the build's: an empty setting.
    assert_eq!(
        license::set_server_url(&ws, None).await.unwrap(),
        "http://127.0.0.1:9"
    );
}
