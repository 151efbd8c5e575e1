//! `follower_snapshots`: followers and following of a client on a date, per source.
use chrono::NaiveDate;
use instagrowth_model::{FollowerSnapshot, SourceKind};
use sqlx::{FromRow, SqliteConnection};

use crate::db::Store;
use crate::error::{StoreError, StoreResult};
use crate::model::instagram::{source_column, StoredSnapshot};

#[derive(FromRow)]
struct Row {
    date: String,
    followers: Option<i64>,
    following: Option<i64>,
    source: String,
    batch_id: Option<String>,
}

/// The client's snapshots, oldest date first (sources of one date in name order).
pub async fn list_for_client(store: &Store, client_id: &str) -> StoreResult<Vec<StoredSnapshot>> {
    let rows = sqlx::query_as::<_, Row>(
        "SELECT date, followers, following, source, batch_id FROM follower_snapshots \
         WHERE client_id = ? ORDER BY date, source",
    )
    .bind(client_id)
    .fetch_all(store.pool())
    .await?;
    let snapshots = rows
        .into_iter()
        .map(|r| {
            Ok(StoredSnapshot {
                source: source_column(&r.source)?,
                date: r.date,
                followers: r.followers,
                following: r.following,
                batch_id: r.batch_id,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(snapshots)
}

/// Writes an imported snapshot (see [`upsert`]); one without any number is left out.
/// True when a row was added or changed.
pub(crate) async fn import(
    conn: &mut SqliteConnection,
    client_id: &str,
    source: SourceKind,
    s: &FollowerSnapshot,
    batch_id: &str,
) -> StoreResult<bool> {
    if s.followers.is_none() && s.following.is_none() {
        return Ok(false);
    }
    let date = NaiveDate::parse_from_str(s.date.trim(), "%Y-%m-%d")
        .map_err(|_| {
            let message = format!("follower count date {:?} is not a YYYY-MM-DD date", s.date);
            StoreError::invalid("follower_snapshots", message)
        })?
        .format("%Y-%m-%d")
        .to_string();
    upsert(
        conn,
        client_id,
        source,
        &date,
        (s.followers, s.following),
        batch_id,
    )
    .await
}

/// Adds the snapshot, or merges it into the one of the same client, date and source (a known
/// number wins, an unknown one keeps the stored number). True when a row was added or changed.
async fn upsert(
    conn: &mut SqliteConnection,
    client_id: &str,
    source: SourceKind,
    date: &str,
    (followers, following): (Option<i64>, Option<i64>),
    batch_id: &str,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "INSERT INTO follower_snapshots (client_id, date, source, followers, following, batch_id) \
         VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (client_id, date, source) DO UPDATE SET \
         followers = COALESCE(excluded.followers, followers), \
         following = COALESCE(excluded.following, following), \
         batch_id = excluded.batch_id \
         WHERE COALESCE(excluded.followers, followers) IS NOT followers \
         OR COALESCE(excluded.following, following) IS NOT following",
    )
    .bind(client_id)
    .bind(date)
    .bind(source.as_str())
    .bind(followers)
    .bind(following)
    .bind(batch_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}
