//! A client's data in one zip, for the client (a data-subject request) or for handing an account
//! over: `client.json`, one `<table>.json` per table that holds anything about the client (found
//! from the schema: see `instagrowth_store::client_export`), and a `README.txt` saying what each
//! is. JSON kept in text columns (audit documents, plan items, drafts) is embedded as JSON, not
//! as an escaped string. Secrets are never in the database, so never here.
use std::io::Write;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ClientExport {
    pub path: String,
    pub handle: String,
    /// `<table>`: rows, for the tables that held anything.
    pub tables: Vec<(String, u32)>,
}

/// Writes everything stored about `client` (id or @handle) to the zip `dest` (replaced if it
/// exists, never left half-written). Never gated by the licence: a client's data is theirs.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn export(ws: &Workspace, client: &str, dest: &Path) -> ApiResult<ClientExport> {
    crate::export_path::check(dest, crate::export_path::ExportKind::Zip)?;
    let c = instagrowth_store::queries::clients::resolve(ws.store(), client).await?;
    let tables = instagrowth_store::client_export::client_rows(ws.store(), &c.id).await?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut summary = Vec::new();
    let mut readme = format!(
        "Everything InstaGrowth OS stores about @{} ({}), exported {}.\n\n\
         client.json is the client's profile; each other file is one table, one JSON object per\n\
         row. Ids link them: client_id is this client, thread_id a DM thread, plan_id a plan.\n\n",
        c.handle,
        c.name,
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    files.push((
        "client.json".into(),
        serde_json::to_vec_pretty(&c).expect("a client serialises"),
    ));
    for t in tables {
        if t.rows.is_empty() {
            continue;
        }
        let rows: Vec<Value> = t.rows.into_iter().map(embed_json_text).collect();
        readme.push_str(&format!("{}.json — {} row(s)\n", t.table, rows.len()));
        summary.push((t.table.clone(), rows.len() as u32));
        files.push((
            format!("{}.json", t.table),
            serde_json::to_vec_pretty(&rows).expect("rows serialise"),
        ));
    }
    files.push(("README.txt".into(), readme.into_bytes()));
    let bytes = zip_files(&files)?;
    crate::files::write_atomically(dest, &bytes).await?;
    tracing::info!(handle = %c.handle, "client data exported");
    Ok(ClientExport {
        path: dest.display().to_string(),
        handle: c.handle,
        tables: summary,
    })
}

/// Text columns that hold JSON (an object or an array) become that JSON.
fn embed_json_text(row: Value) -> Value {
    match row {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = match &v {
                        Value::String(s)
                            if (s.starts_with('{') && s.ends_with('}'))
                                || (s.starts_with('[') && s.ends_with(']')) =>
                        {
                            serde_json::from_str(s).unwrap_or(v)
                        }
                        _ => v,
                    };
                    (k, v)
                })
                .collect(),
        ),
        other => other,
    }
}

fn zip_files(files: &[(String, Vec<u8>)]) -> ApiResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let result = (|| -> zip::result::ZipResult<Vec<u8>> {
        for (name, bytes) in files {
            zip.start_file(name.as_str(), opts)?;
            zip.write_all(bytes)?;
        }
        Ok(zip.finish()?.into_inner())
    })();
    result.map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("the export could not be packed: {e}"),
        )
    })
}
