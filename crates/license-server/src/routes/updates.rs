//! `GET /v1/updates/{channel}/{target}/{arch}/{current_version}`: the Tauri updater's dynamic
//! endpoint (formats.md §7). The newest release on the channel for that target and arch whose
//! version is greater than `current_version` by semver, as `{version, notes, pub_date, url,
//! signature}`; `204 No Content` when there is none. The beta channel sees stable releases too
//! (a beta user is never held back from a newer stable); another channel is `404`.
//!
//! `?bundle=` is how the asking app was installed (the updater's `{{bundle_type}}`: `appimage`,
//! `deb`, `rpm`, `msi`, `nsis`, `app`, or `unknown`): only releases for that package type, or for
//! any (`bundle = ''`), are offered — an app installed from a .deb must never be handed an
//! AppImage. At the same version, the one made for the package type wins.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::error::ApiError;
use crate::queries::releases;
use crate::server::AppState;

#[derive(Debug, serde::Deserialize)]
pub struct UpdateQuery {
    #[serde(default)]
    bundle: Option<String>,
}

pub async fn latest(
    State(state): State<AppState>,
    Path((channel, target, arch, current)): Path<(String, String, String, String)>,
    Query(q): Query<UpdateQuery>,
) -> Result<Response, ApiError> {
    let bundle = q.bundle.unwrap_or_default();
    let current = semver::Version::parse(current.trim_start_matches('v'))
        .map_err(|_| ApiError::bad_request(format!("“{current}” is not a version like 1.2.3")))?;
    let channels: &[&str] = match channel.as_str() {
        "stable" => &["stable"],
        "beta" => &["beta", "stable"],
        _ => {
            return Err(ApiError::not_found(format!(
                "there is no update channel “{channel}”: use stable or beta"
            )))
        }
    };
    let mut conn = state.db.pool().acquire().await?;
    let mut candidates = Vec::new();
    for c in channels {
        candidates.extend(releases::for_platform(&mut conn, c, &target, &arch).await?);
    }
    let newest = candidates
        .into_iter()
        .filter(|r| r.bundle.is_empty() || r.bundle == bundle)
        .filter_map(|r| semver::Version::parse(&r.version).ok().map(|v| (v, r)))
        .filter(|(v, _)| *v > current)
        .max_by(|a, b| {
            a.0.cmp(&b.0)
                .then((!a.1.bundle.is_empty()).cmp(&!b.1.bundle.is_empty()))
        });
    Ok(match newest {
        None => StatusCode::NO_CONTENT.into_response(),
        Some((version, r)) => Json(json!({
            "version": version.to_string(),
            "notes": r.notes,
            "pub_date": r.pub_date,
            "url": r.url,
            "signature": r.signature,
        }))
        .into_response(),
    })
}
