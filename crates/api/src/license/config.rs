//! What the licence code runs with: the licence server's address, the vendor's public key that
//! every licence file must verify under, the app key of machine fingerprints, and where the
//! purchase key is kept. [`LicenseConfig::from_build`] is what the app and the CLI use; tests give
//! a [`crate::Workspace`] their own with [`crate::Workspace::set_license_config`].
//!
//! # The licence server's address, first that is set
//! 1. the environment variable `INSTAGROWTH_LICENSE_SERVER` at run time (read when the workspace
//!    opens: a test, a staging server, a support case);
//! 2. the workspace setting `license_server` ([`set_server_url`]; the settings page);
//! 3. `INSTAGROWTH_LICENSE_SERVER` when the app was built;
//! 4. [`DEFAULT_SERVER_URL`].
//!
//! # The public key
//! `INSTAGROWTH_LICENSE_PUBLIC_KEY` when the app was built: the base64 line that
//! `instagrowth-license-server keygen` prints. A build without it embeds [`UNSET_PUBLIC_KEY`], a
//! key whose private half was thrown away when it was made: such a build verifies no licence file
//! at all and runs the trial only (it fails closed). Debug builds (never shipped) also read
//! `INSTAGROWTH_LICENSE_PUBLIC_KEY` at run time, so the CLI and the window can be tested end to end
//! against a local licence server; release builds ignore the variable at run time.
use std::sync::Arc;

use instagrowth_license::{public_key_from_base64, VerifyingKey};
use instagrowth_store::queries::settings;

use super::key_store::{KeyStore, OsKeychain};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// The vendor's licence server when neither the build nor the run says otherwise.
pub const DEFAULT_SERVER_URL: &str = "https://licenses.instagrowth.app";
/// The environment variable naming the licence server (at build time and at run time).
pub const SERVER_ENV: &str = "INSTAGROWTH_LICENSE_SERVER";
/// The environment variable holding the public key (at build time; at run time in debug builds).
pub const PUBLIC_KEY_ENV: &str = "INSTAGROWTH_LICENSE_PUBLIC_KEY";
/// The workspace setting naming the licence server.
pub const SERVER_SETTING: &str = "license_server";
/// The public key of a build made without `INSTAGROWTH_LICENSE_PUBLIC_KEY`. Its private half was
/// never stored, so nothing verifies under it: such a build runs the trial only.
pub const UNSET_PUBLIC_KEY: &str = "dg+3FN/9dMz2BGHeSIFKloe+fPUYi37QdL97+z43u5c=";
/// The HMAC key of machine fingerprints: the licence server sees HMAC(this, machine id), never the
/// machine id. Changing it changes every fingerprint, so every machine would need activating
/// again: never change it.
pub const APP_KEY: &[u8] = b"InstaGrowth OS machine fingerprint v1";

/// See the module docs.
#[derive(Clone)]
pub struct LicenseConfig {
    /// The licence server of the build (step 3–4 of the module docs), no trailing slash.
    pub server_url: String,
    /// The run-time override (step 1), if any.
    pub server_override: Option<String>,
    /// Every licence file must verify under this key.
    pub public_key: VerifyingKey,
    /// The HMAC key of this machine's fingerprint ([`APP_KEY`]).
    pub app_key: Vec<u8>,
    /// Stands in for the OS machine id (tests: two "machines" in one process); `None` reads the
    /// OS machine id.
    pub machine_id: Option<String>,
    /// Where the purchase key is kept: the OS keychain ([`OsKeychain`]) in the app and the CLI.
    pub key_store: Arc<dyn KeyStore>,
}

impl LicenseConfig {
    /// What the app and the CLI run with: see the module docs.
    pub fn from_build() -> LicenseConfig {
        let server_url = option_env!("INSTAGROWTH_LICENSE_SERVER")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(DEFAULT_SERVER_URL);
        let server_override = std::env::var(SERVER_ENV)
            .ok()
            .filter(|s| !s.trim().is_empty())
            .map(|s| trim_url(&s));
        LicenseConfig {
            server_url: trim_url(server_url),
            server_override,
            public_key: embedded_public_key(),
            app_key: APP_KEY.to_vec(),
            machine_id: None,
            key_store: Arc::new(OsKeychain),
        }
    }

    /// A configuration around a server, a public key and a key store, with the app's fingerprint
    /// key and the OS machine id (tests change the fields they need).
    pub fn new(
        server_url: &str,
        public_key: VerifyingKey,
        key_store: Arc<dyn KeyStore>,
    ) -> LicenseConfig {
        LicenseConfig {
            server_url: trim_url(server_url),
            server_override: None,
            public_key,
            app_key: APP_KEY.to_vec(),
            machine_id: None,
            key_store,
        }
    }
}

impl std::fmt::Debug for LicenseConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LicenseConfig")
            .field("server_url", &self.server_url)
            .field("server_override", &self.server_override)
            .field(
                "public_key",
                &instagrowth_license::public_key_base64(&self.public_key),
            )
            .field("machine_id", &self.machine_id.as_ref().map(|_| "(set)"))
            .field("key_store", &self.key_store.name())
            .finish_non_exhaustive()
    }
}

/// The build's public key (or, in a debug build, the run's); [`UNSET_PUBLIC_KEY`] when none is
/// given or the one given is not a public key.
fn embedded_public_key() -> VerifyingKey {
    let at_run_time = if cfg!(debug_assertions) {
        std::env::var(PUBLIC_KEY_ENV)
            .ok()
            .filter(|s| !s.trim().is_empty())
    } else {
        None
    };
    let given = at_run_time
        .as_deref()
        .or(option_env!("INSTAGROWTH_LICENSE_PUBLIC_KEY"));
    if let Some(b64) = given {
        match public_key_from_base64(b64) {
            Ok(key) => return key,
            Err(e) => tracing::error!(
                "{PUBLIC_KEY_ENV} is not a public key ({e}): no licence file will verify"
            ),
        }
    }
    public_key_from_base64(UNSET_PUBLIC_KEY).expect("UNSET_PUBLIC_KEY is checked by a unit test")
}

fn trim_url(url: &str) -> String {
    url.trim().trim_end_matches('/').to_string()
}

/// The licence server in force (see the module docs), without a trailing slash.
pub async fn server_url(ws: &Workspace) -> ApiResult<String> {
    let cfg = ws.license_config();
    if let Some(url) = &cfg.server_override {
        return Ok(url.clone());
    }
    if let Some(url) = settings::get(ws.store(), SERVER_SETTING).await? {
        if !url.trim().is_empty() {
            return Ok(trim_url(&url));
        }
    }
    Ok(cfg.server_url.clone())
}

/// Sets the workspace's licence server (`None` or empty: back to the build's). Only `https://`
/// addresses, or `http://` on this machine (a local test server), are accepted: the licence
/// file is signed, but the purchase key travels in the request.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn set_server_url(ws: &Workspace, url: Option<&str>) -> ApiResult<String> {
    let url = url.map(str::trim).unwrap_or_default();
    if url.is_empty() {
        settings::set(ws.store(), SERVER_SETTING, "").await?;
    } else {
        let checked = check_url(url)?;
        settings::set(ws.store(), SERVER_SETTING, &checked).await?;
    }
    server_url(ws).await
}

/// `url` as a licence server's base address, or why it cannot be one.
pub(crate) fn check_url(url: &str) -> ApiResult<String> {
    let invalid = |why: &str| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("“{url}” cannot be the licence server: {why}"),
        )
        .with_field(SERVER_SETTING)
    };
    let parsed = reqwest::Url::parse(url.trim())
        .map_err(|e| invalid(&format!("{e}; write it like https://licenses.example.com")))?;
    let local = matches!(
        parsed.host_str(),
        Some("localhost" | "127.0.0.1" | "[::1]" | "::1")
    );
    match parsed.scheme() {
        "https" => {}
        "http" if local => {}
        "http" => return Err(invalid("use https:// (http:// only for this machine)")),
        _ => return Err(invalid("use an https:// address")),
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(invalid("leave out ? and # parts"));
    }
    Ok(trim_url(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unset_public_key_is_a_valid_key() {
        assert!(public_key_from_base64(UNSET_PUBLIC_KEY).is_ok());
    }

    #[test]
    fn licence_server_addresses_are_checked() {
        assert_eq!(
            check_url("https://licenses.example.com/").unwrap(),
            "https://licenses.example.com"
        );
        assert_eq!(
            check_url(" http://127.0.0.1:8787 ").unwrap(),
            "http://127.0.0.1:8787"
        );
        assert!(check_url("http://localhost:1/base").is_ok());
        for bad in [
            "licenses.example.com",
            "http://licenses.example.com",
            "ftp://licenses.example.com",
            "https://licenses.example.com/?x=1",
        ] {
            let e = check_url(bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput, "{bad}");
            assert_eq!(e.field.as_deref(), Some(SERVER_SETTING));
        }
    }
}
