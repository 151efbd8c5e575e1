//! Everything stored about one client, table by table, for a data export (a client asking for
//! their data, or leaving the agency). The tables are found from the schema itself — every table
//! with a `client_id` column, the client's own row, and the messages of its DM threads — so a
//! table added later is exported without anyone remembering to add it here.
use serde_json::Value;
use sqlx::Row;

use crate::db::Store;
use crate::error::StoreResult;

/// One table's rows about the client, each row a JSON object (column → value).
#[derive(Debug, Clone, PartialEq)]
pub struct TableRows {
    pub table: String,
    pub rows: Vec<Value>,
}

/// The rows about `client_id` in every table that holds any, tables in name order.
pub async fn client_rows(store: &Store, client_id: &str) -> StoreResult<Vec<TableRows>> {
    let mut conn = store.pool().acquire().await?;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx_%' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for table in tables {
        let columns: Vec<String> = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT name FROM pragma_table_info('{table}')"
        )))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.get::<String, _>(0))
        .collect();
        let filter = if table == "clients" {
            "id = ?1".to_string()
        } else if columns.iter().any(|c| c == "client_id") {
            "client_id = ?1".to_string()
        } else if table == "dm_messages" && columns.iter().any(|c| c == "thread_id") {
            "thread_id IN (SELECT id FROM dm_threads WHERE client_id = ?1)".to_string()
        } else {
            continue;
        };
        // Each row as a JSON object built by SQLite (column names come from the schema).
        let pairs = columns
            .iter()
            .map(|c| format!("'{c}', \"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let order = format!("ORDER BY \"{}\"", columns[0]);
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT json_object({pairs}) FROM \"{table}\" WHERE {filter} {order}"
        )))
        .bind(client_id)
        .fetch_all(&mut *conn)
        .await?;
        let rows = rows
            .iter()
            .map(|r| serde_json::from_str(r).unwrap_or(Value::Null))
            .collect();
        out.push(TableRows { table, rows });
    }
    Ok(out)
}
