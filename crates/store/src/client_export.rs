//! Everything stored about one client, table by table, for a data export (a client asking for
//! their data, or leaving the agency). The tables are found from the app's own schema
//! ([`crate::schema::app_tables`]: what its migrations make) — every table with a `client_id`
//! column, the client's own row, and the messages of its DM threads — so a table added later is
//! exported without anyone remembering to add it here. Table and column names are never read
//! from the database being exported: a table or column crafted into it (a restored backup, a
//! hand-edited file) is neither exported nor able to change the SQL built here.
use serde_json::Value;

use crate::db::Store;
use crate::error::StoreResult;
use crate::schema::app_tables;

/// One table's rows about the client, each row a JSON object (column → value).
#[derive(Debug, Clone, PartialEq)]
pub struct TableRows {
    pub table: String,
    pub rows: Vec<Value>,
}

/// `name` as an SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `text` as an SQL string literal.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The rows about `client_id` in every table that holds any, tables in name order.
pub async fn client_rows(store: &Store, client_id: &str) -> StoreResult<Vec<TableRows>> {
    let tables = app_tables().await?;
    let mut conn = store.pool().acquire().await?;
    let mut out = Vec::new();
    for t in tables {
        let has = |c: &str| t.columns.iter().any(|col| col == c);
        let filter = if t.name == "clients" {
            "id = ?1".to_string()
        } else if has("client_id") {
            "client_id = ?1".to_string()
        } else if t.name == "dm_messages" && has("thread_id") {
            "thread_id IN (SELECT id FROM dm_threads WHERE client_id = ?1)".to_string()
        } else {
            continue;
        };
        // Each row as a JSON object built by SQLite, its keys the app's own column names.
        let pairs = t
            .columns
            .iter()
            .map(|c| format!("{}, {}", literal(c), ident(c)))
            .collect::<Vec<_>>()
            .join(", ");
        let order = format!("ORDER BY {}", ident(&t.columns[0]));
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT json_object({pairs}) FROM {} WHERE {filter} {order}",
            ident(&t.name)
        )))
        .bind(client_id)
        .fetch_all(&mut *conn)
        .await?;
        let rows = rows
            .iter()
            .map(|r| serde_json::from_str(r).unwrap_or(Value::Null))
            .collect();
        out.push(TableRows {
            table: t.name,
            rows,
        });
    }
    Ok(out)
}
