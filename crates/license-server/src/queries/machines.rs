//! `machines`: one row per activated machine, one seat each; `UNIQUE(license_id, fingerprint)` so
//! the same machine never takes two seats. Activation counts seats after
//! [`super::licenses::lock`], so concurrent activations of one licence never exceed its seats.
use serde::Serialize;
use sqlx::AnyConnection;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct MachineRow {
    pub id: String,
    pub license_id: String,
    pub fingerprint: String,
    pub name: String,
    pub platform: String,
    pub app_version: String,
    pub activated_at: i64,
    pub last_validated_at: i64,
}

const COLUMNS: &str =
    "id, license_id, fingerprint, name, platform, app_version, activated_at, last_validated_at";

pub async fn find(
    conn: &mut AnyConnection,
    license_id: &str,
    fingerprint: &str,
) -> Result<Option<MachineRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM machines WHERE license_id = $1 AND fingerprint = $2"
    )))
    .bind(license_id)
    .bind(fingerprint)
    .fetch_optional(conn)
    .await
}

pub async fn list(
    conn: &mut AnyConnection,
    license_id: &str,
) -> Result<Vec<MachineRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM machines WHERE license_id = $1 ORDER BY activated_at, id"
    )))
    .bind(license_id)
    .fetch_all(conn)
    .await
}

pub async fn count(conn: &mut AnyConnection, license_id: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM machines WHERE license_id = $1")
        .bind(license_id)
        .fetch_one(conn)
        .await
}

pub async fn insert(conn: &mut AnyConnection, m: &MachineRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO machines (id, license_id, fingerprint, name, platform, app_version, activated_at, last_validated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&m.id)
    .bind(&m.license_id)
    .bind(&m.fingerprint)
    .bind(&m.name)
    .bind(&m.platform)
    .bind(&m.app_version)
    .bind(m.activated_at)
    .bind(m.last_validated_at)
    .execute(conn)
    .await
    .map(|_| ())
}

/// A machine seen again: its name, platform and version may have changed.
pub async fn touch(
    conn: &mut AnyConnection,
    id: &str,
    name: Option<&str>,
    platform: Option<&str>,
    app_version: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE machines SET name = COALESCE($1, name), platform = COALESCE($2, platform), \
         app_version = COALESCE($3, app_version), last_validated_at = $4 WHERE id = $5",
    )
    .bind(name)
    .bind(platform)
    .bind(app_version)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Frees the machine's seat; `false` when it was not activated.
pub async fn delete(
    conn: &mut AnyConnection,
    license_id: &str,
    fingerprint: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM machines WHERE license_id = $1 AND fingerprint = $2")
        .bind(license_id)
        .bind(fingerprint)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Frees every seat of the licence; how many.
pub async fn delete_all(conn: &mut AnyConnection, license_id: &str) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM machines WHERE license_id = $1")
        .bind(license_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
