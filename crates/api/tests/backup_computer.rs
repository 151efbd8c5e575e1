//! Settings that describe this computer stay with it across a restore: a seat activated in the
//! first-run setup, then a backup from another computer restored, keeps its workspace id (which
//! names its keychain entries), its licence server and its AI key hints — so the licence still
//! refreshes and deactivates, and a backup can never point the next activation elsewhere. Real
//! SQLite files, the real licence server on loopback.
mod common;
mod license_support;

use std::sync::Arc;

use instagrowth_api::license::{self, LicenseState};
use instagrowth_api::{backup, clients, ClientQuery, NewClient, Workspace};
use instagrowth_store::queries::settings;
use license_support::{LicenseServer, MemoryStore};
use sqlx::Connection;

/// The settings of another computer's workspace, all of which must stay there.
const THEIRS: [(&str, &str); 6] = [
    ("workspace.id", "other-computers-workspace"),
    ("license_server", "https://licences.attacker.example"),
    ("ai.key_hint.openai", "sk-…THEM"),
    (
        "ai.provider",
        r#"{"preset":"custom","base_url":"https://ai.attacker.example/v1"}"#,
    ),
    ("update_channel", "beta"),
    ("license_last_seen", "2020-01-01T00:00:00Z"),
];

async fn settings_in_backup(file: &std::path::Path, dir: &std::path::Path) -> Vec<String> {
    let mut conn = common::backup_database(file, &dir.join("inside.db")).await;
    let keys: Vec<String> = sqlx::query_scalar("SELECT key FROM settings ORDER BY key")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    keys
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restore_keeps_this_computers_settings_and_its_licence_and_keys_resolve() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let root = tempfile::tempdir().unwrap();

    // Another computer's workspace, with its own id, licence server, key hint and channel.
    let other = Workspace::open(&root.path().join("other")).await.unwrap();
    clients::add(
        &other,
        &NewClient {
            name: "Glow Studio".into(),
            handle: "glow".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    for (k, v) in THEIRS {
        settings::set(other.store(), k, v).await.unwrap();
    }
    let file = root.path().join("agency.igbackup");
    backup::create(&other, &file).await.unwrap();
    other.close().await;
    // The backup leaves them out in the first place.
    let travelled = settings_in_backup(&file, root.path()).await;
    for (k, _) in THEIRS {
        assert!(!travelled.iter().any(|t| t == k), "{k} in {travelled:?}");
    }

    // This computer: activated in the first-run setup (no clients yet), an AI key stored.
    let dir = root.path().join("here");
    let store = Arc::new(MemoryStore::default());
    let here = server.workspace(&dir, "machine-1", store.clone()).await;
    license::activate(&here, &key, None).await.unwrap();
    settings::set(here.store(), "ai.key_hint.openai", "sk-…MINE")
        .await
        .unwrap();
    let id = settings::get(here.store(), "workspace.id").await.unwrap();
    assert!(id.is_some());
    here.close().await;

    backup::restore(&dir, &file).await.unwrap();

    let here = server.workspace(&dir, "machine-1", store).await;
    let handles: Vec<String> = clients::list(&here, &ClientQuery::default())
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.handle)
        .collect();
    assert_eq!(handles, ["glow"], "the work came over");
    let get = |k: &'static str| {
        let here = here.clone();
        async move { settings::get(here.store(), k).await.unwrap() }
    };
    assert_eq!(
        get("workspace.id").await,
        id,
        "the keychain entries' name stays"
    );
    assert_eq!(get("ai.key_hint.openai").await.as_deref(), Some("sk-…MINE"));
    for k in ["license_server", "ai.provider", "update_channel"] {
        assert_eq!(get(k).await, None, "{k} is this computer's (unset here)");
    }
    assert_ne!(
        get("license_last_seen").await.as_deref(),
        Some("2020-01-01T00:00:00Z")
    );
    // The licence still resolves: refresh, and deactivation frees the seat.
    let s = license::refresh(&here).await.unwrap();
    assert_eq!(
        (s.state, s.server_url.as_str()),
        (LicenseState::Active, server.url().as_str())
    );
    assert_eq!(server.machines(&key).await, 1);
    license::deactivate(&here).await.unwrap();
    assert_eq!(server.machines(&key).await, 0, "the seat was freed");
}
