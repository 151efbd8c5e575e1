//! The database: SQLite by default, PostgreSQL for `postgres://` URLs, through sqlx's Any driver
//! so one set of queries serves both.
//!
//! # Two migration folders
//! `migrations/sqlite` and `migrations/postgres` hold the same tables in each dialect (an
//! auto-increment id and integer widths differ); change both together. Portability rules for
//! queries: `$1, $2…` placeholders (SQLite reads them by number too), times as Unix seconds,
//! flags as 0/1, lists as JSON text, and `ON CONFLICT` upserts, which both databases have.
//!
//! # Locking
//! A write that must see a consistent count (seats) starts by updating the licence row
//! ([`crate::queries::licenses::lock`]): on PostgreSQL that row lock serialises activations of
//! one licence (the same effect as `SELECT … FOR UPDATE`); on SQLite the first write takes the
//! database's single write lock, and WAL lets readers go on meanwhile. Outbox rows are claimed
//! with `FOR UPDATE SKIP LOCKED` on PostgreSQL ([`Backend::skip_locked`]).
use std::time::Duration;

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyPool, Executor, Transaction};

use crate::error::ServerError;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Which database is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The URL's database, or why it is not one this server runs on.
    pub fn of_url(url: &str) -> Result<Backend, ServerError> {
        let scheme = url.split(':').next().unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Backend::Sqlite),
            "postgres" | "postgresql" => Ok(Backend::Postgres),
            _ => Err(ServerError::Config(format!(
                "LICENSE_DB_URL must start with sqlite:// or postgres:// (got “{scheme}:…”)"
            ))),
        }
    }

    /// `FOR UPDATE SKIP LOCKED` where rows can be locked one by one (PostgreSQL); nothing on
    /// SQLite, whose single writer already excludes the others.
    pub fn skip_locked(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
        }
    }
}

/// An open, migrated database.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Opens the database at `url` (a SQLite file is created if missing) and migrates it.
    pub async fn open(url: &str) -> Result<Db, ServerError> {
        install_default_drivers();
        let backend = Backend::of_url(url)?;
        let (url, max) = match backend {
            // One writer at a time anyway; a few connections let reads go on meanwhile.
            Backend::Sqlite => (sqlite_url(url), 4),
            Backend::Postgres => (url.to_string(), 16),
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL: readers never wait for the writer and a crash loses no commit.
                        // NORMAL is durable across process crashes in WAL mode. Foreign keys make
                        // cascades work; the busy timeout makes writers queue instead of failing.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&pool).await?;
        Ok(Db { pool, backend })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A transaction. Every write that must be all-or-nothing runs in one.
    pub async fn begin(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        self.pool.begin().await
    }

    /// Whether the database answers (`/healthz`).
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A SQLite URL that creates the file if missing (`mode=rwc`) unless it says otherwise.
fn sqlite_url(url: &str) -> String {
    if url.contains("mode=") || url.contains(":memory:") {
        url.to_string()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backends_come_from_the_scheme() {
        assert_eq!(
            Backend::of_url("sqlite://license.db").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(
            Backend::of_url("postgres://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::of_url("postgresql://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert!(Backend::of_url("mysql://u@h/db").is_err());
    }

    #[test]
    fn sqlite_files_are_created() {
        assert_eq!(sqlite_url("sqlite://a.db"), "sqlite://a.db?mode=rwc");
        assert_eq!(
            sqlite_url("sqlite://a.db?cache=shared"),
            "sqlite://a.db?cache=shared&mode=rwc"
        );
        assert_eq!(sqlite_url("sqlite://a.db?mode=ro"), "sqlite://a.db?mode=ro");
    }
}
