//! The app's own schema, as its embedded migrations make it — the one source of truth for what a
//! workspace database may contain and for the names SQL may be built from.
//!
//! - [`difference_from_app`] checks a database file that came from outside (a backup being
//!   restored) against a fresh in-memory database migrated by the same migrations up to the same
//!   version: the applied migrations (versions and checksums) and every `sqlite_master` entry
//!   (type, name, table, SQL with whitespace normalised). A crafted file could otherwise bring
//!   triggers (SQL that would run on the app's next write), views, extra tables or changed table
//!   definitions into the workspace; any difference is named.
//! - [`app_tables`] lists the tables and columns the migrations make, so code that builds SQL from
//!   table and column names (the client export) takes them from here, never from the
//!   `sqlite_master` or `pragma_table_info` of a database it opened.
//!
//! The `_sqlx_migrations` table's own definition is sqlx's, not the app's (and may change with
//! sqlx), so only its rows are compared; anything attached to it (a trigger, an index) is an
//! object like any other. `sqlite_stat*` tables (kept by `ANALYZE`, planner statistics only) are
//! left out.
use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqlitePool, SqlitePoolOptions};
use sqlx::{ConnectOptions, Connection};

use crate::db::MIGRATOR;
use crate::error::StoreResult;

const MIGRATIONS_TABLE: &str = "_sqlx_migrations";

/// One `sqlite_master` entry, its SQL with whitespace runs collapsed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SchemaObject {
    kind: String,
    name: String,
    table: String,
    sql: Option<String>,
}

/// A table the app's migrations make, with its columns in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppTable {
    pub name: String,
    pub columns: Vec<String>,
}

/// A private in-memory database migrated by the app's migrations (up to `upto`, else all). A
/// pool of exactly one connection (each in-memory connection is its own database): migrating
/// through a pool keeps the future `Send` for any lifetime, which the app's commands need (sqlx's
/// `Acquire` for `&mut SqliteConnection` is not general enough).
async fn reference(upto: Option<i64>) -> StoreResult<SqlitePool> {
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(SqliteConnectOptions::from_str("sqlite::memory:")?)
        .await?;
    match upto {
        Some(version) => MIGRATOR.run_to(version, &pool).await?,
        None => MIGRATOR.run(&pool).await?,
    }
    Ok(pool)
}

async fn objects(conn: &mut SqliteConnection) -> StoreResult<Vec<SchemaObject>> {
    let rows: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT type, name, tbl_name, sql FROM sqlite_master \
         WHERE name NOT LIKE 'sqlite_stat%' AND NOT (type = 'table' AND name = ?) \
         ORDER BY type, name",
    )
    .bind(MIGRATIONS_TABLE)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, name, table, sql)| SchemaObject {
            kind,
            name,
            table,
            sql: sql.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")),
        })
        .collect())
}

/// What differs between the database file at `path` and the app's own schema at the same
/// migration version, in a phrase (`"it has a trigger wipe_posts that InstaGrowth OS does not
/// make"`); `None` when nothing does. The file is opened read-only and nothing in it runs.
pub async fn difference_from_app(path: &Path) -> StoreResult<Option<String>> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await?;
    let result = async {
        if let Some(problem) = migrations_problem(&mut conn).await? {
            return Ok(Some(problem));
        }
        let applied: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&mut conn)
            .await?;
        let reference = reference(applied).await?;
        let want = objects(&mut *reference.acquire().await?).await?;
        reference.close().await;
        let have = objects(&mut conn).await?;
        Ok(compare(&have, &want))
    }
    .await;
    conn.close().await?;
    result
}

/// The applied migrations must be the app's first ones, each with the app's checksum.
async fn migrations_problem(conn: &mut SqliteConnection) -> StoreResult<Option<String>> {
    let has_table: Option<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
            .bind(MIGRATIONS_TABLE)
            .fetch_optional(&mut *conn)
            .await?;
    if has_table.is_none() {
        return Ok(Some("it has no record of its migrations".into()));
    }
    let applied: Vec<(i64, Vec<u8>, bool)> =
        sqlx::query_as("SELECT version, checksum, success FROM _sqlx_migrations ORDER BY version")
            .fetch_all(&mut *conn)
            .await?;
    if applied.is_empty() {
        return Ok(Some("it has no record of its migrations".into()));
    }
    let mut known: Vec<_> = MIGRATOR
        .iter()
        .filter(|m| m.migration_type.is_up_migration())
        .collect();
    known.sort_by_key(|m| m.version);
    for (i, (version, checksum, success)) in applied.iter().enumerate() {
        let Some(m) = known.iter().find(|m| m.version == *version) else {
            return Ok(Some(format!(
                "its migration {version} is not one of this app's"
            )));
        };
        if m.checksum.as_ref() != checksum.as_slice() {
            return Ok(Some(format!(
                "its migration {version} differs from this app's"
            )));
        }
        if !success {
            return Ok(Some(format!("its migration {version} did not finish")));
        }
        if known.get(i).map(|k| k.version) != Some(*version) {
            let missing = known[i].version;
            return Ok(Some(format!("it lacks the migration {missing}")));
        }
    }
    Ok(None)
}

fn compare(have: &[SchemaObject], want: &[SchemaObject]) -> Option<String> {
    let key = |o: &SchemaObject| (o.kind.clone(), o.name.clone());
    for o in have {
        match want.iter().find(|w| key(w) == key(o)) {
            None => {
                let article = if o.kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                return Some(format!(
                    "it has {article} {} {} that InstaGrowth OS does not make",
                    o.kind, o.name
                ));
            }
            Some(w) if w != o => {
                return Some(format!(
                    "its {} {} differs from InstaGrowth OS's",
                    o.kind, o.name
                ))
            }
            Some(_) => {}
        }
    }
    want.iter()
        .find(|w| !have.iter().any(|o| key(o) == key(w)))
        .map(|w| format!("it lacks the {} {}", w.kind, w.name))
}

/// The tables the app's migrations make (its own and sqlx's bookkeeping left out), by name,
/// each with its columns in order.
pub async fn app_tables() -> StoreResult<Vec<AppTable>> {
    let pool = reference(None).await?;
    let mut conn = pool.acquire().await?;
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> ? ORDER BY name",
    )
    .bind(MIGRATIONS_TABLE)
    .fetch_all(&mut *conn)
    .await?;
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(&name)
                .fetch_all(&mut *conn)
                .await?;
        tables.push(AppTable { name, columns });
    }
    drop(conn);
    pool.close().await;
    Ok(tables)
}
