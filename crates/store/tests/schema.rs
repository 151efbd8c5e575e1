//! Opening a database file: pragmas, migrations, and refusing a newer schema.
use instagrowth_store::queries::clients;
use instagrowth_store::{NewClient, Store, StoreError};

#[tokio::test]
async fn file_database_uses_wal_and_foreign_keys_and_persists() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(&dir.path().join("nested/ws"))
        .await
        .unwrap();
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(fk, 1);
    let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(busy >= 1000);
    clients::insert(
        &store,
        &NewClient {
            name: "A".into(),
            handle: "a".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    store.close().await;

    let again = Store::open_dir(&dir.path().join("nested/ws"))
        .await
        .unwrap();
    assert_eq!(clients::count_active(&again).await.unwrap(), 1);
}

#[tokio::test]
async fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).await.unwrap();
    let future = Store::known_schema_version() + 1;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (?, 'from the future', 1, x'00', 0)",
    )
    .bind(future)
    .execute(store.pool())
    .await
    .unwrap();
    store.close().await;
    let before = std::fs::read(dir.path().join(instagrowth_store::DB_FILE_NAME)).unwrap();

    match Store::open_dir(dir.path()).await {
        Err(e @ StoreError::SchemaTooNew { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("newer version"), "{msg}");
            assert!(msg.contains(&future.to_string()), "{msg}");
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
    let after = std::fs::read(dir.path().join(instagrowth_store::DB_FILE_NAME)).unwrap();
    assert_eq!(before, after, "the newer database was modified");
}
