use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::error::{StoreError, StoreResult};

/// The workspace database's file name inside the data directory.
pub const DB_FILE_NAME: &str = "instagrowth.db";

/// Migrations from the repository's `migrations/` folder, embedded at compile time.
pub(crate) static MIGRATOR: Migrator = sqlx::migrate!("../../migrations");

/// An open workspace database.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the workspace database in `data_dir` and migrates it.
    pub async fn open_dir(data_dir: &Path) -> StoreResult<Self> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Self::open_file(&data_dir.join(DB_FILE_NAME)).await
    }

    /// Opens (creating if needed) the database file at `path` and migrates it.
    pub async fn open_file(path: &Path) -> StoreResult<Self> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            // WAL lets the app and a CLI run read while one of them writes, and survives a crash
            // mid-write without losing committed transactions.
            .journal_mode(SqliteJournalMode::Wal)
            // NORMAL is durable across application crashes in WAL mode; only an OS crash can
            // lose the very last commits. FULL would fsync on every commit for little gain here.
            .synchronous(SqliteSynchronous::Normal);
        let pool = SqlitePoolOptions::new()
            // SQLite allows one writer at a time; a handful of connections is plenty for readers.
            .max_connections(4)
            .connect_with(common(options))
            .await?;
        Self::migrated(pool).await
    }

    /// A private in-memory database with the real migrations, for tests and benchmarks.
    pub async fn open_in_memory() -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?;
        let pool = SqlitePoolOptions::new()
            // Each in-memory connection is its own database: keep exactly one, forever.
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(common(options))
            .await?;
        Self::migrated(pool).await
    }

    async fn migrated(pool: SqlitePool) -> StoreResult<Self> {
        refuse_newer_schema(&pool).await?;
        MIGRATOR.run(&pool).await?;
        Ok(Store { pool })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The newest migration version this binary knows.
    pub fn known_schema_version() -> i64 {
        MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
    }

    /// Closes the pool, checkpointing the WAL into the main file.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn common(options: SqliteConnectOptions) -> SqliteConnectOptions {
    options
        // Cascades (a deleted client takes its tags, later its posts) rely on this.
        .foreign_keys(true)
        // The app and the CLI share the file: wait for the other's write instead of failing
        // at once with SQLITE_BUSY.
        .busy_timeout(Duration::from_secs(5))
}

/// An older binary must not touch a database that a newer one migrated: it does not know the
/// newer tables' rules. Compare before running any migration.
async fn refuse_newer_schema(pool: &SqlitePool) -> StoreResult<()> {
    let has_table: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_optional(pool)
    .await?;
    if has_table.is_none() {
        return Ok(());
    }
    let found: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(pool)
        .await?;
    let known = Store::known_schema_version();
    match found {
        Some(found) if found > known => Err(StoreError::SchemaTooNew { found, known }),
        _ => Ok(()),
    }
}
