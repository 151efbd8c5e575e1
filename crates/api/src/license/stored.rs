//! What this computer keeps about the licence, besides the key in the keychain:
//!
//! - `license.lic` in the data folder: the signed licence file as the server sent it, written
//!   atomically (a temporary file renamed over it), only ever after it verified;
//! - in the workspace's settings table: `license_last_seen` (the latest time any check saw, or
//!   the latest signed time of a file the server sent, moved only forward — see
//!   [`advance_last_seen`] — whichever server answered), `trial_started_at` (written on first
//!   use, never reset by removing the licence file), and `license_refusal` (the server's last
//!   refusal: revoked, suspended, expired…, cleared by the next success).
//!
//! Times are stored as RFC 3339 UTC ([`instagrowth_license::format_time`]).
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use instagrowth_license::format_time;
use instagrowth_store::queries::settings;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::files::write_atomically;
use crate::Workspace;

/// The licence file's name in the data folder.
pub const FILE_NAME: &str = "license.lic";
/// Largest licence file read (a real one is about 2 KB).
const MAX_FILE_BYTES: u64 = 256 * 1024;

pub(crate) const LAST_SEEN: &str = "license_last_seen";
pub(crate) const TRIAL_STARTED: &str = "trial_started_at";
pub(crate) const REFUSAL: &str = "license_refusal";
/// Machines on the licence at the last answer from the server (informational).
pub(crate) const SEATS_IN_USE: &str = "license_seats_in_use";

/// The server's last word against the licence, kept until a refresh or activation succeeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Refusal {
    /// The server's code: `REVOKED`, `SUSPENDED`, `EXPIRED`, `FINGERPRINT_MISMATCH`, `NOT_FOUND`…
    pub code: String,
    /// The server's sentence.
    pub detail: String,
    /// When it was heard (RFC 3339).
    pub at: String,
}

/// Where the licence file lives; `None` for an in-memory workspace (which keeps no licence).
pub(crate) fn file_path(ws: &Workspace) -> Option<PathBuf> {
    let dir = ws.data_dir();
    (!dir.as_os_str().is_empty()).then(|| dir.join(FILE_NAME))
}

/// The licence file's text, if there is one.
pub(crate) async fn read_file(ws: &Workspace) -> ApiResult<Option<String>> {
    let Some(path) = file_path(ws) else {
        return Ok(None);
    };
    let meta = match tokio::fs::metadata(&path).await {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error("read", &path, e)),
    };
    if meta.len() > MAX_FILE_BYTES {
        // Not a licence file: let verification say so, without reading it all.
        return Ok(Some(String::new()));
    }
    match tokio::fs::read(&path).await {
        // Bytes that are not UTF-8 are not a licence file either; verification refuses them.
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error("read", &path, e)),
    }
}

/// Stores a verified licence file, atomically.
pub(crate) async fn write_file(ws: &Workspace, text: &str) -> ApiResult<()> {
    let path = file_path(ws).ok_or_else(no_folder)?;
    write_atomically(&path, text.as_bytes())
        .await
        .map_err(|e| ApiError::new(ErrorCode::DataDir, e.message))
}

/// Removes the licence file (nothing to do when there is none).
pub(crate) async fn remove_file(ws: &Workspace) -> ApiResult<()> {
    let Some(path) = file_path(ws) else {
        return Ok(());
    };
    match tokio::fs::remove_file(&path).await {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_error("remove", &path, e)),
    }
}

/// Refuses to go on without a data folder (an in-memory workspace).
pub(crate) fn require_folder(ws: &Workspace) -> ApiResult<()> {
    file_path(ws).map(|_| ()).ok_or_else(no_folder)
}

fn no_folder() -> ApiError {
    ApiError::new(
        ErrorCode::DataDir,
        "this workspace has no data folder, so it cannot keep a licence",
    )
}

fn io_error(what: &str, path: &std::path::Path, e: std::io::Error) -> ApiError {
    ApiError::new(
        ErrorCode::DataDir,
        format!("cannot {what} the licence file {}: {e}", path.display()),
    )
}

async fn get_time(ws: &Workspace, key: &str) -> ApiResult<Option<DateTime<Utc>>> {
    let Some(text) = settings::get(ws.store(), key).await? else {
        return Ok(None);
    };
    match DateTime::parse_from_rfc3339(text.trim()) {
        Ok(t) => Ok(Some(t.with_timezone(&Utc))),
        Err(_) if text.trim().is_empty() => Ok(None),
        Err(e) => {
            tracing::warn!(key, "a stored time does not parse ({e}); ignored");
            Ok(None)
        }
    }
}

/// The latest time a check saw.
pub(crate) async fn last_seen(ws: &Workspace) -> ApiResult<Option<DateTime<Utc>>> {
    get_time(ws, LAST_SEEN).await
}

/// Moves the last-seen time forward to `now` (never back: see
/// [`instagrowth_license::advance_last_seen`]). `seen` is what was read before the check.
pub(crate) async fn advance_last_seen(
    ws: &Workspace,
    seen: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let next = instagrowth_license::advance_last_seen(seen, now);
    // Re-read: another check may have moved it meanwhile; never write an earlier time.
    let current = last_seen(ws).await?;
    if current.is_some_and(|c| c >= next) {
        return Ok(());
    }
    settings::set(ws.store(), LAST_SEEN, &format_time(next)).await?;
    Ok(())
}

/// When the trial started; written as `now` on first use.
pub(crate) async fn trial_started(ws: &Workspace, now: DateTime<Utc>) -> ApiResult<DateTime<Utc>> {
    if let Some(t) = get_time(ws, TRIAL_STARTED).await? {
        return Ok(t);
    }
    settings::set(ws.store(), TRIAL_STARTED, &format_time(now)).await?;
    // Read back what was stored (whole seconds), so every caller counts from the same instant.
    Ok(get_time(ws, TRIAL_STARTED).await?.unwrap_or(now))
}

/// The server's last refusal, if one stands.
pub(crate) async fn refusal(ws: &Workspace) -> ApiResult<Option<Refusal>> {
    Ok(settings::get(ws.store(), REFUSAL)
        .await?
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            serde_json::from_str(&s).unwrap_or_else(|_| Refusal {
                code: "REFUSED".into(),
                detail: "the licence server refused this licence".into(),
                at: String::new(),
            })
        }))
}

pub(crate) async fn record_refusal(ws: &Workspace, refusal: &Refusal) -> ApiResult<()> {
    let json = serde_json::to_string(refusal).expect("strings serialise");
    settings::set(ws.store(), REFUSAL, &json).await?;
    Ok(())
}

pub(crate) async fn clear_refusal(ws: &Workspace) -> ApiResult<()> {
    settings::set(ws.store(), REFUSAL, "").await?;
    Ok(())
}

/// Machines on the licence at the server's last answer, if it said.
pub(crate) async fn seats_in_use(ws: &Workspace) -> ApiResult<Option<u32>> {
    Ok(settings::get(ws.store(), SEATS_IN_USE)
        .await?
        .and_then(|s| s.trim().parse().ok()))
}

/// Records (or, with `None`, forgets) the machines on the licence.
pub(crate) async fn set_seats_in_use(ws: &Workspace, n: Option<u32>) -> ApiResult<()> {
    let value = n.map(|n| n.to_string()).unwrap_or_default();
    settings::set(ws.store(), SEATS_IN_USE, &value).await?;
    Ok(())
}
