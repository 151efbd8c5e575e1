//! `one_time_purchases`: one-time products bought through Checkout in payment mode. Their credits
//! count while not refunded; a full refund (`charge.refunded`) marks the row refunded. A row's id
//! is the Checkout session id's SHA-256 and the line number — never the session id, which opens
//! the success page's key.
use sqlx::AnyConnection;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Purchase {
    pub id: String,
    pub license_id: String,
    pub product: String,
    pub quantity: i64,
    pub payment_intent: Option<String>,
    pub refunded_at: Option<i64>,
    pub created_at: i64,
}

/// Records a purchase; `false` if already recorded.
pub async fn insert(conn: &mut AnyConnection, p: &Purchase) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO one_time_purchases (id, license_id, product, quantity, payment_intent, refunded_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, NULL, $6) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&p.id)
    .bind(&p.license_id)
    .bind(&p.product)
    .bind(p.quantity)
    .bind(p.payment_intent.as_deref())
    .bind(p.created_at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Products and quantities still in force for a licence (not refunded).
pub async fn active_for_license(
    conn: &mut AnyConnection,
    license_id: &str,
) -> Result<Vec<(String, u32)>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT product, quantity FROM one_time_purchases WHERE license_id = $1 AND refunded_at IS NULL ORDER BY created_at, id",
    )
    .bind(license_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(p, q)| (p, u32::try_from(q).unwrap_or(0)))
        .collect())
}

/// Marks every not-yet-refunded purchase paid by `payment_intent` refunded; the purchases it
/// refunded (each one's credits stop counting; nothing else about its licence changes).
pub async fn refund_payment_intent(
    conn: &mut AnyConnection,
    payment_intent: &str,
    now: i64,
) -> Result<Vec<Purchase>, sqlx::Error> {
    let refunded: Vec<Purchase> = sqlx::query_as(
        "SELECT id, license_id, product, quantity, payment_intent, refunded_at, created_at \
         FROM one_time_purchases WHERE payment_intent = $1 AND refunded_at IS NULL ORDER BY id",
    )
    .bind(payment_intent)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("UPDATE one_time_purchases SET refunded_at = $1 WHERE payment_intent = $2 AND refunded_at IS NULL")
        .bind(now)
        .bind(payment_intent)
        .execute(&mut *conn)
        .await?;
    Ok(refunded)
}
