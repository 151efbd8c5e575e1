//! `stripe_events`: every event applied, by id. Stripe delivers at least once; the insert that
//! finds the id already there tells the webhook to do nothing.
use sqlx::AnyConnection;

/// Records the event; `false` when it was already recorded (a redelivery).
pub async fn record(
    conn: &mut AnyConnection,
    id: &str,
    event_type: &str,
    created: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO stripe_events (id, type, created, received_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(event_type)
    .bind(created)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many events were recorded (for tests and `healthz`-style checks).
pub async fn count(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM stripe_events")
        .fetch_one(conn)
        .await
}
