//! Workspace settings the app and the CLI share (stored in the workspace database).
use instagrowth_store::queries::settings;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// The IANA time zone that local times in imports (the Business Suite CSV) are read in.
pub async fn time_zone(ws: &Workspace) -> ApiResult<String> {
    Ok(settings::get_time_zone(ws.store()).await?)
}

/// Sets the workspace time zone after checking it is a known IANA name.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn set_time_zone(ws: &Workspace, zone: &str) -> ApiResult<String> {
    let zone = zone.trim();
    let tz: chrono_tz::Tz = zone.parse().map_err(|_| ApiError {
        code: ErrorCode::InvalidInput,
        message: format!(
            "\"{zone}\" is not a time zone name like Europe/Berlin or America/New_York"
        ),
        field: Some("time_zone".into()),
    })?;
    settings::set_time_zone(ws.store(), tz.name()).await?;
    Ok(tz.name().to_string())
}
