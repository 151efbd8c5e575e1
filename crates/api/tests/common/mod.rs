//! Shared set-up for the API tests.
use std::path::Path;

use instagrowth_api::{clients, NewClient, Workspace};
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::ConnectOptions;

/// An in-memory workspace (real migrations) with one client, @glow.
#[allow(dead_code)]
pub async fn workspace_with_glow() -> Workspace {
    let ws = Workspace::in_memory().await.unwrap();
    let glow = NewClient {
        name: "Glow".into(),
        handle: "glow".into(),
        ..Default::default()
    };
    clients::add(&ws, &glow).await.unwrap();
    ws
}

/// The database inside the backup `file`, unpacked to `db` and opened (for tests that read or
/// craft what a backup holds).
#[allow(dead_code)]
pub async fn backup_database(file: &Path, db: &Path) -> SqliteConnection {
    let mut z = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    std::io::copy(
        &mut z.by_name("workspace.db").unwrap(),
        &mut std::fs::File::create(db).unwrap(),
    )
    .unwrap();
    SqliteConnectOptions::new()
        .filename(db)
        .connect()
        .await
        .unwrap()
}
