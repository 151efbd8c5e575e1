//! `settings`: workspace settings the app and the CLI share, as key → text.
use crate::db::Store;
use crate::error::{StoreError, StoreResult};

/// The key of the workspace's time zone (an IANA name such as `Europe/Berlin`).
pub const TIME_ZONE: &str = "time_zone";

/// The time zone used when none was set.
pub const DEFAULT_TIME_ZONE: &str = "UTC";

/// The value stored under `key`, if any.
pub async fn get(store: &Store, key: &str) -> StoreResult<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(store.pool())
            .await?,
    )
}

/// Stores `value` under `key`, replacing any earlier value.
pub async fn set(store: &Store, key: &str, value: &str) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?, ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The workspace's time zone; [`DEFAULT_TIME_ZONE`] when unset.
pub async fn get_time_zone(store: &Store) -> StoreResult<String> {
    Ok(get(store, TIME_ZONE)
        .await?
        .unwrap_or_else(|| DEFAULT_TIME_ZONE.to_string()))
}

/// Sets the workspace's time zone. Only emptiness is checked here: the caller validates the
/// IANA name (the store has no time-zone database).
pub async fn set_time_zone(store: &Store, tz: &str) -> StoreResult<()> {
    let tz = tz.trim();
    if tz.is_empty() {
        return Err(StoreError::invalid("time_zone", "choose a time zone"));
    }
    set(store, TIME_ZONE, tz).await
}
