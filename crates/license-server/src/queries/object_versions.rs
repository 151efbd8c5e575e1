//! `object_versions`: the newest event applied per Stripe object. Stripe does not deliver in
//! order, so an event older than one already applied to the same object is ignored. "Older" is
//! `(created, rank)`: `created` has one-second resolution and Stripe often emits
//! `customer.subscription.created` and `.updated` in the same second, so the type's rank breaks
//! the tie (created < updated < deleted; payment_failed < paid). Equal pairs apply, so two
//! updates in one second apply in arrival order.
use sqlx::AnyConnection;

/// Claims `(created, rank)` as the newest for `object_id`; `false` when a newer one was applied.
/// Inside the event's transaction this also locks the object's row until commit.
pub async fn advance(
    conn: &mut AnyConnection,
    object_id: &str,
    created: i64,
    rank: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO object_versions (object_id, created, type_rank) VALUES ($1, $2, $3) \
         ON CONFLICT (object_id) DO UPDATE SET created = excluded.created, type_rank = excluded.type_rank \
         WHERE (object_versions.created, object_versions.type_rank) <= (excluded.created, excluded.type_rank)",
    )
    .bind(object_id)
    .bind(created)
    .bind(rank)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
