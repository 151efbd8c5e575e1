//! `customers`: who pays — a Stripe customer, or an e-mail for licences issued by hand.
use serde::Serialize;
use sqlx::AnyConnection;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Customer {
    pub id: String,
    pub stripe_customer_id: Option<String>,
    pub email: Option<String>,
    pub created_at: i64,
}

/// The customer with this Stripe id, created if new; `email` is recorded when given.
pub async fn ensure_stripe(
    conn: &mut AnyConnection,
    stripe_customer_id: &str,
    email: Option<&str>,
    now: i64,
) -> Result<Customer, sqlx::Error> {
    sqlx::query(
        "INSERT INTO customers (id, stripe_customer_id, email, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (stripe_customer_id) DO NOTHING",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(stripe_customer_id)
    .bind(email)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if let Some(email) = email {
        sqlx::query("UPDATE customers SET email = $1 WHERE stripe_customer_id = $2")
            .bind(email)
            .bind(stripe_customer_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query_as("SELECT id, stripe_customer_id, email, created_at FROM customers WHERE stripe_customer_id = $1")
        .bind(stripe_customer_id)
        .fetch_one(&mut *conn)
        .await
}

/// A customer known only by e-mail (no Stripe id): the existing one, or a new one.
pub async fn ensure_email(
    conn: &mut AnyConnection,
    email: &str,
    now: i64,
) -> Result<Customer, sqlx::Error> {
    if let Some(c) = sqlx::query_as::<_, Customer>(
        "SELECT id, stripe_customer_id, email, created_at FROM customers \
         WHERE email = $1 AND stripe_customer_id IS NULL ORDER BY created_at LIMIT 1",
    )
    .bind(email)
    .fetch_optional(&mut *conn)
    .await?
    {
        return Ok(c);
    }
    let c = Customer {
        id: uuid::Uuid::new_v4().to_string(),
        stripe_customer_id: None,
        email: Some(email.to_string()),
        created_at: now,
    };
    sqlx::query("INSERT INTO customers (id, stripe_customer_id, email, created_at) VALUES ($1, NULL, $2, $3)")
        .bind(&c.id)
        .bind(email)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(c)
}

/// Every customer, newest first.
pub async fn list(conn: &mut AnyConnection) -> Result<Vec<Customer>, sqlx::Error> {
    sqlx::query_as("SELECT id, stripe_customer_id, email, created_at FROM customers ORDER BY created_at DESC, id")
        .fetch_all(conn)
        .await
}
