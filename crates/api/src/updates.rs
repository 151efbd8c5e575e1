//! Updates: which channel this workspace follows (stable by default, beta by choice) and the
//! updater's endpoint on the licence server. The download, the signature check and the install
//! are the Tauri updater plugin's (the app's `update_commands.rs`); this module is what decides
//! where it looks, shared with the CLI.
//!
//! The endpoint is
//! `{licence server}/v1/updates/{channel}/{{target}}/{{arch}}/{{current_version}}?bundle={{bundle_type}}`
//! (formats.md §7): the server answers the newest newer release for this OS, architecture and
//! package type (an app installed from a .deb is offered a .deb), or `204`. Beta users also get stable releases. Signatures are checked against the public key
//! built into the app, bound to the version (`requireSignedVersion`), so an older signed release
//! can never be offered as a newer one.
use instagrowth_store::queries::settings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::license::server_url;
use crate::Workspace;

/// The workspace setting holding the channel.
pub const CHANNEL_SETTING: &str = "update_channel";
/// How often the running app checks, in seconds (and once at start).
pub const CHECK_EVERY_SECS: u64 = 6 * 60 * 60;

/// Which releases the app is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UpdateChannel {
    /// Releases for everyone.
    #[default]
    Stable,
    /// Early releases too (and every stable one).
    Beta,
}

impl UpdateChannel {
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateChannel::Stable => "stable",
            UpdateChannel::Beta => "beta",
        }
    }

    /// `stable` or `beta`; anything else is refused with the setting's name.
    pub fn parse(s: &str) -> ApiResult<UpdateChannel> {
        match s.trim().to_ascii_lowercase().as_str() {
            "stable" => Ok(UpdateChannel::Stable),
            "beta" => Ok(UpdateChannel::Beta),
            other => Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("“{other}” is not an update channel: use stable or beta"),
            )
            .with_field(CHANNEL_SETTING)),
        }
    }
}

/// What the Updates settings show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpdateSettings {
    pub channel: UpdateChannel,
    /// The version running now.
    pub current_version: String,
    /// Where the updater asks (with the `{{…}}` variables the updater fills in).
    pub endpoint: String,
}

/// A newer release the updater found (its signature is checked when it is downloaded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpdateInfo {
    pub version: String,
    pub current_version: String,
    /// Release notes as the vendor wrote them (plain text or Markdown).
    pub notes: Option<String>,
    /// RFC 3339, when given.
    pub pub_date: Option<String>,
}

/// How a download and install goes, streamed to the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum UpdateEvent {
    /// The download began; `total` bytes when the server said.
    Started {
        #[ts(type = "number | null")]
        total: Option<u64>,
    },
    /// Bytes received so far.
    Progress {
        #[ts(type = "number")]
        downloaded: u64,
        #[ts(type = "number | null")]
        total: Option<u64>,
    },
    /// Downloaded and its signature verified: installing.
    Installing,
    /// Installed: the app restarts into the new version.
    Installed { version: String },
}

/// The channel this workspace follows.
pub async fn channel(ws: &Workspace) -> ApiResult<UpdateChannel> {
    Ok(settings::get(ws.store(), CHANNEL_SETTING)
        .await?
        .and_then(|s| UpdateChannel::parse(&s).ok())
        .unwrap_or_default())
}

/// Follows `channel` from now on.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn set_channel(ws: &Workspace, channel: UpdateChannel) -> ApiResult<UpdateSettings> {
    settings::set(ws.store(), CHANNEL_SETTING, channel.as_str()).await?;
    update_settings(ws).await
}

/// The updater's endpoint for this workspace (see the module docs).
pub async fn endpoint(ws: &Workspace) -> ApiResult<String> {
    let server = server_url(ws).await?;
    let channel = channel(ws).await?;
    Ok(format!(
        "{server}/v1/updates/{}/{{{{target}}}}/{{{{arch}}}}/{{{{current_version}}}}?bundle={{{{bundle_type}}}}",
        channel.as_str()
    ))
}

/// The channel, the running version and the endpoint.
pub async fn update_settings(ws: &Workspace) -> ApiResult<UpdateSettings> {
    Ok(UpdateSettings {
        channel: channel(ws).await?,
        current_version: env!("CARGO_PKG_VERSION").to_string(),
        endpoint: endpoint(ws).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_channel_is_stable_until_beta_is_chosen_and_names_the_endpoint() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(dir.path()).await.unwrap();
        crate::license::set_server_url(&ws, Some("https://licenses.example.com"))
            .await
            .unwrap();
        let s = update_settings(&ws).await.unwrap();
        assert_eq!(s.channel, UpdateChannel::Stable);
        assert_eq!(
            s.endpoint,
            "https://licenses.example.com/v1/updates/stable/{{target}}/{{arch}}/{{current_version}}?bundle={{bundle_type}}"
        );
        let s = set_channel(&ws, UpdateChannel::Beta).await.unwrap();
        assert_eq!(s.channel, UpdateChannel::Beta);
        assert!(s.endpoint.contains("/v1/updates/beta/{{target}}"));
        assert_eq!(channel(&ws).await.unwrap(), UpdateChannel::Beta);
        assert_eq!(UpdateChannel::parse(" BETA ").unwrap(), UpdateChannel::Beta);
        let e = UpdateChannel::parse("nightly").unwrap_err();
        assert_eq!(e.field.as_deref(), Some(CHANNEL_SETTING));
    }
}
