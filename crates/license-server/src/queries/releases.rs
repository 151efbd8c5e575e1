//! `releases`: app builds for the Tauri updater, one row per channel × version × target × arch ×
//! package type (`bundle`: `appimage`, `deb`, `rpm`, `msi`, `nsis`, `app`, or `''` for any).
use serde::Serialize;
use sqlx::AnyConnection;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Release {
    pub id: String,
    pub channel: String,
    pub version: String,
    pub target: String,
    pub arch: String,
    /// The package type this build installs as (the updater's `{{bundle_type}}`); `""`: any.
    pub bundle: String,
    pub url: String,
    /// The contents of the updater `.sig` file.
    pub signature: String,
    pub notes: String,
    /// RFC 3339.
    pub pub_date: String,
    pub created_at: i64,
}

const COLUMNS: &str =
    "id, channel, version, target, arch, bundle, url, signature, notes, pub_date, created_at";

/// Adds a release; `false` when that channel/version/target/arch/bundle already exists.
pub async fn insert(conn: &mut AnyConnection, r: &Release) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO releases (id, channel, version, target, arch, bundle, url, signature, notes, pub_date, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (channel, version, target, arch, bundle) DO NOTHING",
    )
    .bind(&r.id)
    .bind(&r.channel)
    .bind(&r.version)
    .bind(&r.target)
    .bind(&r.arch)
    .bind(&r.bundle)
    .bind(&r.url)
    .bind(&r.signature)
    .bind(&r.notes)
    .bind(&r.pub_date)
    .bind(r.created_at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every release for one channel and platform, any package type (the caller picks the newest by
/// semver among those that suit the installation).
pub async fn for_platform(
    conn: &mut AnyConnection,
    channel: &str,
    target: &str,
    arch: &str,
) -> Result<Vec<Release>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM releases WHERE channel = $1 AND target = $2 AND arch = $3"
    )))
    .bind(channel)
    .bind(target)
    .bind(arch)
    .fetch_all(conn)
    .await
}

pub async fn list(conn: &mut AnyConnection) -> Result<Vec<Release>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM releases ORDER BY channel, created_at DESC, target, arch"
    )))
    .fetch_all(conn)
    .await
}
