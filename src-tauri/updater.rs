//! The app's updates through tauri-plugin-updater: the updater is built per check with the
//! workspace's endpoint (its channel on the licence server, `instagrowth_api::updates`), the
//! found release is kept until the user says "Install", and a background check at start and
//! every few hours tells the window (`update-available`). The plugin verifies the download's
//! minisign signature against the public key in `tauri.conf.json` (bound to the version:
//! `requireSignedVersion`) before anything is installed.
use std::sync::Mutex;
use std::time::Duration;

use instagrowth_api::updates::{self, UpdateInfo};
use instagrowth_api::{ApiError, ApiResult, ErrorCode};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_updater::{Error as UpdaterError, Update, UpdaterExt};

use crate::state::AppState;

/// The window hears of a newer release found in the background.
pub const AVAILABLE_EVENT: &str = "update-available";
/// Debug builds (never shipped) trust this public key instead of the configured one, so the
/// end-to-end test can sign its own releases.
const PUBKEY_ENV: &str = "INSTAGROWTH_UPDATER_PUBKEY";
/// The first background check waits this long after start.
const FIRST_CHECK_AFTER: Duration = Duration::from_secs(20);
/// How long a check or download may stall.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The release found by the last check, until installed or superseded.
#[derive(Default)]
pub struct PendingUpdate(pub Mutex<Option<Update>>);

/// Asks the update server of this workspace's channel for a newer release; keeps it for
/// [`PendingUpdate`] and describes it.
pub async fn check<R: Runtime>(app: &AppHandle<R>) -> ApiResult<Option<UpdateInfo>> {
    let ws = app.state::<AppState>();
    let endpoint = updates::endpoint(&ws.workspace()?).await?;
    let url = endpoint.parse().map_err(|e| {
        ApiError::new(
            ErrorCode::UpdateUnreachable,
            format!("the update address “{endpoint}” is not valid: {e}"),
        )
    })?;
    let mut builder = app
        .updater_builder()
        .timeout(TIMEOUT)
        .endpoints(vec![url])
        .map_err(to_api_error)?;
    if cfg!(debug_assertions) {
        if let Ok(key) = std::env::var(PUBKEY_ENV) {
            builder = builder.pubkey(key);
        }
    }
    let found = builder
        .build()
        .map_err(to_api_error)?
        .check()
        .await
        .map_err(to_api_error)?;
    let info = found.as_ref().map(|u| UpdateInfo {
        version: u.version.clone(),
        current_version: u.current_version.clone(),
        notes: u.body.clone().filter(|b| !b.trim().is_empty()),
        pub_date: u.date.and_then(|d| {
            d.format(&time::format_description::well_known::Rfc3339)
                .ok()
        }),
    });
    *app.state::<PendingUpdate>()
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = found;
    if let Some(i) = &info {
        tracing::info!(version = %i.version, "an update is available");
    }
    Ok(info)
}

/// The pending release, taken (a failed install needs a new check).
pub fn take_pending<R: Runtime>(app: &AppHandle<R>) -> ApiResult<Update> {
    app.state::<PendingUpdate>()
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::UpdateFailed,
                "no update is waiting to be installed: check for updates first",
            )
        })
}

/// Starts the background check (at start, then every few hours).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_CHECK_AFTER).await;
        loop {
            match check(&app).await {
                Ok(Some(info)) => {
                    let _ = app.emit(AVAILABLE_EVENT, &info);
                }
                Ok(None) => tracing::debug!("no update"),
                Err(e) => tracing::info!(code = ?e.code, "background update check: {}", e.message),
            }
            tokio::time::sleep(Duration::from_secs(updates::CHECK_EVERY_SECS)).await;
        }
    });
}

/// The updater's errors as the window shows them: unreachable, a bad signature, or a failed
/// install — each says that nothing changed.
pub fn to_api_error(e: UpdaterError) -> ApiError {
    use UpdaterError as E;
    let (code, message) = match &e {
        E::Minisign(_) | E::Base64(_) | E::SignatureUtf8(_) => (
            ErrorCode::UpdateSignature,
            format!("the update's signature does not match this app's key ({e}); it was not installed"),
        ),
        E::SignedVersionMismatch { .. } | E::MissingSignedVersion => (
            ErrorCode::UpdateSignature,
            format!("the update is not signed for the version it claims to be ({e}); it was not installed"),
        ),
        E::Reqwest(_) | E::Network(_) | E::ReleaseNotFound | E::Serialization(_) | E::UrlParse(_)
        | E::InsecureTransportProtocol | E::TargetNotFound(_) | E::TargetsNotFound(_) => (
            ErrorCode::UpdateUnreachable,
            format!("the update server could not be reached or gave no usable answer ({e}); nothing changed"),
        ),
        _ => (
            ErrorCode::UpdateFailed,
            format!("the update could not be installed ({e}); this version keeps running"),
        ),
    };
    ApiError::new(code, message)
}
