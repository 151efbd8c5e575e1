//! `ai_prices`: the editable per-model price table used to estimate what AI calls cost.
use sqlx::FromRow;

use crate::db::Store;
use crate::error::{StoreError, StoreResult};

/// One priced model (USD per million tokens as micro-dollars).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct PriceRow {
    pub model: String,
    pub input_micro_usd_per_mtok: i64,
    pub output_micro_usd_per_mtok: i64,
}

/// Every priced model, by name.
pub async fn list(store: &Store) -> StoreResult<Vec<PriceRow>> {
    Ok(sqlx::query_as::<_, PriceRow>(
        "SELECT model, input_micro_usd_per_mtok, output_micro_usd_per_mtok FROM ai_prices ORDER BY model",
    )
    .fetch_all(store.pool())
    .await?)
}

/// Adds or changes a model's price.
pub async fn upsert(store: &Store, price: &PriceRow) -> StoreResult<()> {
    let model = price.model.trim();
    if model.is_empty() {
        return Err(StoreError::invalid(
            "model",
            "enter the model name the price is for",
        ));
    }
    if price.input_micro_usd_per_mtok < 0 || price.output_micro_usd_per_mtok < 0 {
        return Err(StoreError::invalid("price", "a price cannot be negative"));
    }
    sqlx::query(
        "INSERT INTO ai_prices (model, input_micro_usd_per_mtok, output_micro_usd_per_mtok) \
         VALUES (?, ?, ?) ON CONFLICT (model) DO UPDATE SET \
         input_micro_usd_per_mtok = excluded.input_micro_usd_per_mtok, \
         output_micro_usd_per_mtok = excluded.output_micro_usd_per_mtok",
    )
    .bind(model)
    .bind(price.input_micro_usd_per_mtok)
    .bind(price.output_micro_usd_per_mtok)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Removes a model's price; `false` when it had none.
pub async fn delete(store: &Store, model: &str) -> StoreResult<bool> {
    let done = sqlx::query("DELETE FROM ai_prices WHERE model = ?")
        .bind(model.trim())
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}
