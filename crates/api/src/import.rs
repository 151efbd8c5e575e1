//! Importing a client's Instagram data: parse off the async runtime, check the account, write
//! everything in one transaction. What `instagrowth import` and the app's import screen do.
use std::path::PathBuf;

use chrono::{SecondsFormat, Utc};
use instagrowth_import::{parse_paths, Control, ParseOptions};
use instagrowth_store::imports::{self, BatchInfo, ImportOutcome};
use instagrowth_store::queries::{clients, settings};

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// What to import, for whom.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// Client id or @handle.
    pub client: String,
    /// One folder, one or more export zips, or one Business Suite CSV.
    pub paths: Vec<PathBuf>,
    /// Import even when the export's username is not the client's handle.
    pub force: bool,
}

/// Runs an import. `ctl` reports progress and can cancel; a cancelled import writes nothing.
#[tracing::instrument(skip(ws, ctl), fields(client = %req.client), err(level = "info", Debug))]
pub async fn run(ws: &Workspace, req: &ImportRequest, ctl: Control) -> ApiResult<ImportOutcome> {
    crate::license::require_writable(ws, "New imports").await?;
    let client = clients::resolve(ws.store(), &req.client).await?;
    let time_zone = time_zone(ws).await?;
    let started_at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);

    let paths = req.paths.clone();
    let parse_ctl = ctl.clone();
    let (parsed, files) = tokio::task::spawn_blocking(move || {
        parse_paths(&paths, &ParseOptions { time_zone }, &parse_ctl)
    })
    .await
    .map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("the import stopped unexpectedly: {e}"),
        )
    })??;

    if let Some(username) = &parsed.username {
        if username != &client.handle && !req.force {
            return Err(ApiError {
                code: ErrorCode::HandleMismatch,
                message: format!(
                    "this export belongs to @{username}, not @{}; nothing was imported — import it anyway with --force (in the app: confirm)",
                    client.handle
                ),
                field: None,
            });
        }
    }
    ctl.check()?;
    let batch = BatchInfo {
        source: parsed
            .source
            .unwrap_or(instagrowth_model::SourceKind::IgExport),
        file_names: files.names,
        sha256: files.sha256,
        started_at,
    };
    let outcome = imports::write(ws.store(), &client.id, &batch, &parsed).await?;
    tracing::info!(
        added = outcome.posts_added,
        updated = outcome.posts_updated,
        "import saved"
    );
    Ok(outcome)
}

/// The workspace's time zone setting, for sources with local times.
async fn time_zone(ws: &Workspace) -> ApiResult<chrono_tz::Tz> {
    let name = settings::get_time_zone(ws.store()).await?;
    name.parse().map_err(|_| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("the workspace time zone \"{name}\" is not a known IANA zone; set one such as Europe/Berlin"),
        )
    })
}
