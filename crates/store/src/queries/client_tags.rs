//! `client_tags`: the labels on each client.
use sqlx::SqliteConnection;

use crate::db::Store;
use crate::error::StoreResult;

/// Replaces a client's tags with `tags` (already validated).
pub async fn replace(
    conn: &mut SqliteConnection,
    client_id: &str,
    tags: &[String],
) -> StoreResult<()> {
    sqlx::query("DELETE FROM client_tags WHERE client_id = ?")
        .bind(client_id)
        .execute(&mut *conn)
        .await?;
    for tag in tags {
        sqlx::query("INSERT INTO client_tags (client_id, tag) VALUES (?, ?)")
            .bind(client_id)
            .bind(tag)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A client's tags, sorted.
pub async fn for_client(conn: &mut SqliteConnection, client_id: &str) -> StoreResult<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT tag FROM client_tags WHERE client_id = ? ORDER BY tag")
            .bind(client_id)
            .fetch_all(&mut *conn)
            .await?,
    )
}

/// Every tag in use, sorted, for the tag filter.
pub async fn all(store: &Store) -> StoreResult<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT DISTINCT tag FROM client_tags ORDER BY tag")
            .fetch_all(store.pool())
            .await?,
    )
}
