//! Consistent copies of the workspace database for backups: [`snapshot_to`] writes one with
//! SQLite's `VACUUM INTO` (a transactionally consistent, compacted copy, taken while the app may
//! be writing), leaving out the settings the caller names (those of this computer: the API's
//! `backup` module decides which); [`counts`] reads what a database file holds, to describe a
//! backup and check a restore; [`settings_of`] and [`replace_settings`] carry settings across a
//! restore.
use std::path::Path;

use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::db::Store;
use crate::error::StoreResult;

/// What a workspace database holds, by table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct WorkspaceCounts {
    #[ts(type = "number")]
    pub clients: i64,
    #[ts(type = "number")]
    pub posts: i64,
    #[ts(type = "number")]
    pub follower_snapshots: i64,
    #[ts(type = "number")]
    pub audits: i64,
    #[ts(type = "number")]
    pub plans: i64,
    #[ts(type = "number")]
    pub content_items: i64,
    #[ts(type = "number")]
    pub reply_messages: i64,
    #[ts(type = "number")]
    pub settings: i64,
}

/// Writes a consistent copy of `store` to `path` (which must not exist), without the settings
/// whose key `leave_out` names.
pub async fn snapshot_to(
    store: &Store,
    path: &Path,
    leave_out: &(dyn Fn(&str) -> bool + Sync),
) -> StoreResult<()> {
    sqlx::query("VACUUM INTO ?")
        .bind(path.to_string_lossy().into_owned())
        .execute(store.pool())
        .await?;
    let mut conn = SqliteConnectOptions::new().filename(path).connect().await?;
    let keys: Vec<String> = sqlx::query_scalar("SELECT key FROM settings")
        .fetch_all(&mut conn)
        .await?;
    for key in keys.iter().filter(|k| leave_out(k)) {
        sqlx::query("DELETE FROM settings WHERE key = ?")
            .bind(key)
            .execute(&mut conn)
            .await?;
    }
    conn.close().await?;
    Ok(())
}

/// Every setting (key, value) of the workspace database file at `path`, which nobody else may
/// have open (a restore holds the workspace lock): opened for writing so that a `-wal` left by a
/// crash is read too.
pub async fn settings_of(path: &Path) -> StoreResult<Vec<(String, String)>> {
    let mut conn = SqliteConnectOptions::new().filename(path).connect().await?;
    let rows = sqlx::query_as("SELECT key, value FROM settings ORDER BY key")
        .fetch_all(&mut conn)
        .await;
    conn.close().await?;
    Ok(rows?)
}

/// In one transaction: removes every setting of `store` whose key `replaced` names, then stores
/// `values` (which replace any setting of the same key).
pub async fn replace_settings(
    store: &Store,
    replaced: &(dyn Fn(&str) -> bool + Sync),
    values: &[(String, String)],
) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    let keys: Vec<String> = sqlx::query_scalar("SELECT key FROM settings")
        .fetch_all(&mut *tx)
        .await?;
    for key in keys.iter().filter(|k| replaced(k)) {
        sqlx::query("DELETE FROM settings WHERE key = ?")
            .bind(key)
            .execute(&mut *tx)
            .await?;
    }
    for (key, value) in values {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES (?, ?) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What the database file at `path` holds (opened read-only; it must be a workspace database).
pub async fn counts(path: &Path) -> StoreResult<WorkspaceCounts> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await?;
    let mut c = WorkspaceCounts::default();
    for (table, slot) in [
        ("clients", &mut c.clients),
        ("posts", &mut c.posts),
        ("follower_snapshots", &mut c.follower_snapshots),
        ("audits", &mut c.audits),
        ("plans", &mut c.plans),
        ("content_items", &mut c.content_items),
        ("reply_messages", &mut c.reply_messages),
        ("settings", &mut c.settings),
    ] {
        *slot = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(&mut conn)
            .await?;
    }
    conn.close().await?;
    Ok(c)
}

/// `PRAGMA integrity_check` of the database file at `path`: `None` when it is sound, else what
/// SQLite found.
pub async fn integrity_problem(path: &Path) -> StoreResult<Option<String>> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await?;
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await?;
    conn.close().await?;
    Ok((rows != ["ok"]).then(|| rows.join("; ")))
}

/// The newest migration applied to the database file at `path` (0 for none).
pub async fn schema_version(path: &Path) -> StoreResult<i64> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await?;
    let v: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut conn)
            .await
            .unwrap_or(None);
    conn.close().await?;
    Ok(v.unwrap_or(0))
}
