//! Where the purchase key is kept: the OS keychain, and nowhere else. The licence file (which is
//! not secret: it is signed, bound to this machine, and useless elsewhere) lives in the data
//! folder; the key that can activate more machines does not.
//!
//! [`KeyStore`] is the seam: the app and the CLI always use [`OsKeychain`] (what
//! [`super::LicenseConfig::from_build`] puts there). Tests give the workspace a store of their own,
//! written in the test; no in-memory store ships in this crate, so the app cannot fall back to
//! one. The calls block (the Secret Service client drives its own D-Bus connection), so
//! `with_store` runs them on a blocking thread.
use std::sync::Arc;

use instagrowth_ai::{Keychain, KeychainError};

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// A place for secrets, by account name. Every method blocks.
pub trait KeyStore: Send + Sync + 'static {
    /// The secret under `account`, if any. Fails when the store cannot be reached.
    fn get(&self, account: &str) -> Result<Option<String>, KeychainError>;
    /// Stores `secret` under `account`, replacing what was there.
    fn set(&self, account: &str, secret: &str) -> Result<(), KeychainError>;
    /// Removes the secret under `account`; `false` when there was none.
    fn delete(&self, account: &str) -> Result<bool, KeychainError>;
    /// What the store is, for logs ("OS keychain").
    fn name(&self) -> &'static str;
}

/// The OS keychain (Secret Service, macOS Keychain, Windows Credential Manager) through
/// [`instagrowth_ai::Keychain`]: no keychain, no licence key (never a fallback).
#[derive(Debug, Clone, Copy, Default)]
pub struct OsKeychain;

impl KeyStore for OsKeychain {
    fn get(&self, account: &str) -> Result<Option<String>, KeychainError> {
        Keychain::open()?.get(account)
    }

    fn set(&self, account: &str, secret: &str) -> Result<(), KeychainError> {
        Keychain::open()?.set(account, secret)
    }

    fn delete(&self, account: &str) -> Result<bool, KeychainError> {
        Keychain::open()?.delete(account)
    }

    fn name(&self) -> &'static str {
        "OS keychain"
    }
}

/// The keychain account of this workspace's purchase key (per workspace, like the AI keys).
pub(crate) async fn account(ws: &Workspace) -> ApiResult<String> {
    Ok(format!(
        "license-key/{}",
        crate::ai::key::workspace_id(ws).await?
    ))
}

/// Runs a key-store operation off the async threads.
pub(crate) async fn with_store<T: Send + 'static>(
    ws: &Workspace,
    op: impl FnOnce(&dyn KeyStore) -> Result<T, KeychainError> + Send + 'static,
) -> ApiResult<T> {
    let store: Arc<dyn KeyStore> = ws.license_config().key_store.clone();
    tokio::task::spawn_blocking(move || op(store.as_ref()))
        .await
        .map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("the keychain task failed: {e}"),
            )
        })?
        .map_err(Into::into)
}
