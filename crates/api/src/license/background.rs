//! The app's background check: while it runs, the app calls [`refresh_if_due`] at start and
//! then every hour. It goes online only when [`LicenseStatus::refresh_due`] says so and a key is
//! stored; no network is not an error here (the stored file's grace applies), and a refusal is
//! what turns the app read-only in time.
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::activation::refresh;
use super::status::{status_at, LicenseStatus};
use crate::error::{ApiError, ErrorCode};
use crate::{ApiResult, Workspace};

/// How often the app runs [`refresh_if_due`], in seconds.
pub const CHECK_EVERY_SECS: u64 = 60 * 60;

/// What a background check found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackgroundCheck {
    /// Where the licence stands after the check.
    pub status: LicenseStatus,
    /// Whether the licence server was asked (a refresh was due).
    pub attempted: bool,
    /// Whether a fresh licence file was stored.
    pub refreshed: bool,
    /// Why the refresh did not succeed: the server unreachable (the grace applies) or a refusal
    /// (the licence is read-only now).
    pub error: Option<ApiError>,
}

/// Refreshes the licence file online if it is due (see the module docs).
pub async fn refresh_if_due(ws: &Workspace) -> ApiResult<BackgroundCheck> {
    refresh_if_due_at(ws, Utc::now()).await
}

/// [`refresh_if_due`] with the clock given (tests age the licence file this way).
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn refresh_if_due_at(ws: &Workspace, now: DateTime<Utc>) -> ApiResult<BackgroundCheck> {
    let before = status_at(ws, now).await?;
    if !before.refresh_due || before.key_prefix.is_none() {
        return Ok(BackgroundCheck {
            status: before,
            attempted: false,
            refreshed: false,
            error: None,
        });
    }
    match refresh(ws).await {
        // Where it stands at the same `now` as before (the refresh's own status uses the clock).
        Ok(_) => Ok(BackgroundCheck {
            status: status_at(ws, now).await?,
            attempted: true,
            refreshed: true,
            error: None,
        }),
        Err(e) if e.code == ErrorCode::Database || e.code == ErrorCode::DataDir => Err(e),
        Err(e) => {
            tracing::info!(code = ?e.code, "background licence refresh did not succeed: {}", e.message);
            Ok(BackgroundCheck {
                status: status_at(ws, now).await?,
                attempted: true,
                refreshed: false,
                error: Some(e),
            })
        }
    }
}
