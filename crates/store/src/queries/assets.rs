//! `assets`: files the workspace owns (the agency logo), kept in the database for backups.
use crate::db::Store;
use crate::error::StoreResult;

pub async fn get(store: &Store, key: &str) -> StoreResult<Option<(String, Vec<u8>)>> {
    Ok(
        sqlx::query_as::<_, (String, Vec<u8>)>("SELECT mime, bytes FROM assets WHERE key = ?")
            .bind(key)
            .fetch_optional(store.pool())
            .await?,
    )
}

pub async fn put(store: &Store, key: &str, mime: &str, bytes: &[u8]) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO assets (key, mime, bytes, updated_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (key) DO UPDATE SET mime = excluded.mime, bytes = excluded.bytes, \
         updated_at = excluded.updated_at",
    )
    .bind(key)
    .bind(mime)
    .bind(bytes)
    .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn delete(store: &Store, key: &str) -> StoreResult<bool> {
    let r = sqlx::query("DELETE FROM assets WHERE key = ?")
        .bind(key)
        .execute(store.pool())
        .await?;
    Ok(r.rows_affected() > 0)
}
