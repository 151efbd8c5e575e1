//! `import_batches`: one row per import run, with what it read and changed.
use sqlx::{FromRow, SqliteConnection};

use crate::db::Store;
use crate::error::StoreResult;
use crate::imports::{BatchInfo, ImportOutcome};
use crate::model::instagram::{json_list, source_column, to_json_list, ImportBatch};

#[derive(FromRow)]
struct Row {
    id: String,
    client_id: String,
    source: String,
    file_names: String,
    sha256: String,
    started_at: String,
    finished_at: String,
    posts_added: u32,
    posts_updated: u32,
    with_insights: u32,
    dm_threads: u32,
    follower_snapshots: u32,
    skipped: u32,
    warnings: String,
    first_post_at: Option<String>,
    last_post_at: Option<String>,
}

/// The client's imports, the newest first.
pub async fn list_for_client(store: &Store, client_id: &str) -> StoreResult<Vec<ImportBatch>> {
    let rows = sqlx::query_as::<_, Row>(
        "SELECT id, client_id, source, file_names, sha256, started_at, finished_at, posts_added, \
         posts_updated, with_insights, dm_threads, follower_snapshots, skipped, warnings, \
         first_post_at, last_post_at FROM import_batches WHERE client_id = ? \
         ORDER BY finished_at DESC, rowid DESC",
    )
    .bind(client_id)
    .fetch_all(store.pool())
    .await?;
    let batches = rows
        .into_iter()
        .map(|r| {
            Ok(ImportBatch {
                source: source_column(&r.source)?,
                file_names: json_list(&r.file_names)?,
                warnings: json_list(&r.warnings)?,
                id: r.id,
                client_id: r.client_id,
                sha256: r.sha256,
                started_at: r.started_at,
                finished_at: r.finished_at,
                posts_added: r.posts_added,
                posts_updated: r.posts_updated,
                with_insights: r.with_insights,
                dm_threads: r.dm_threads,
                follower_snapshots: r.follower_snapshots,
                skipped: r.skipped,
                first_post_at: r.first_post_at,
                last_post_at: r.last_post_at,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(batches)
}

/// Opens the batch row (zero counts) so the rows an import writes can point at it.
pub(crate) async fn start(
    conn: &mut SqliteConnection,
    id: &str,
    client_id: &str,
    batch: &BatchInfo,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO import_batches (id, client_id, source, file_names, sha256, started_at, \
         finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(client_id)
    .bind(batch.source.as_str())
    .bind(to_json_list(&batch.file_names))
    .bind(&batch.sha256)
    .bind(&batch.started_at)
    .bind(&batch.started_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Records the import's counts and warnings on its batch row.
pub(crate) async fn finish(
    conn: &mut SqliteConnection,
    o: &ImportOutcome,
    finished_at: &str,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE import_batches SET finished_at = ?, posts_added = ?, posts_updated = ?, \
         with_insights = ?, dm_threads = ?, follower_snapshots = ?, skipped = ?, warnings = ?, \
         first_post_at = ?, last_post_at = ? WHERE id = ?",
    )
    .bind(finished_at)
    .bind(o.posts_added)
    .bind(o.posts_updated)
    .bind(o.with_insights)
    .bind(o.dm_threads)
    .bind(o.follower_snapshots)
    .bind(o.skipped)
    .bind(to_json_list(&o.warnings))
    .bind(&o.first_post_at)
    .bind(&o.last_post_at)
    .bind(&o.batch_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// When the client's newest import began reading its files (RFC 3339, UTC), or `None` without
/// any import.
pub async fn latest_started_at(store: &Store, client_id: &str) -> StoreResult<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT MAX(started_at) FROM import_batches WHERE client_id = ?")
            .bind(client_id)
            .fetch_one(store.pool())
            .await?,
    )
}
