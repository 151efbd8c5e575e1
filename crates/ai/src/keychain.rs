//! Secrets (the AI provider's API key, later the licence key) in the OS keychain: Secret Service
//! on Linux, the Keychain on macOS, the Credential Manager on Windows. When none is reachable the
//! caller gets [`KeychainError::Unavailable`] with what to do — never a silent in-memory or
//! plaintext fallback. Secrets never appear in errors or logs.
//!
//! The calls block (the Secret Service client drives its own D-Bus connection): from async code,
//! run them on a blocking thread (`tokio::task::spawn_blocking`), never on a runtime worker.
use std::sync::{Arc, OnceLock};

use keyring_core::{Entry, Error};

/// The service name secrets are filed under.
pub const SERVICE: &str = "com.instagrowth.desktop";

#[derive(Debug, Clone, thiserror::Error)]
pub enum KeychainError {
    #[error("{0}")]
    Unavailable(String),
    #[error("the OS keychain refused the request: {0}")]
    Failed(String),
}

/// The OS keychain, opened once per process.
#[derive(Debug, Clone)]
pub struct Keychain {
    service: String,
}

static STORE: OnceLock<Result<(), KeychainError>> = OnceLock::new();

impl Keychain {
    /// Connects to the OS keychain (once per process).
    pub fn open() -> Result<Self, KeychainError> {
        Self::open_service(SERVICE)
    }

    /// A keychain filing under another service name (tests use their own).
    pub fn open_service(service: &str) -> Result<Self, KeychainError> {
        STORE.get_or_init(install_store).clone()?;
        Ok(Keychain {
            service: service.to_string(),
        })
    }

    /// Stores `secret` under `account`, replacing what was there.
    pub fn set(&self, account: &str, secret: &str) -> Result<(), KeychainError> {
        self.entry(account)?.set_password(secret).map_err(classify)
    }

    /// The secret under `account`, if any.
    pub fn get(&self, account: &str) -> Result<Option<String>, KeychainError> {
        match self.entry(account)?.get_password() {
            Ok(s) => Ok(Some(s)),
            Err(Error::NoEntry) => Ok(None),
            Err(e) => Err(classify(e)),
        }
    }

    /// Removes the secret under `account`; `false` when there was none.
    pub fn delete(&self, account: &str) -> Result<bool, KeychainError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(Error::NoEntry) => Ok(false),
            Err(e) => Err(classify(e)),
        }
    }

    fn entry(&self, account: &str) -> Result<Entry, KeychainError> {
        Entry::new(&self.service, account).map_err(classify)
    }
}

#[cfg(target_os = "linux")]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

fn install_store() -> Result<(), KeychainError> {
    let store = platform_store().map_err(|e| unavailable(&e))?;
    keyring_core::set_default_store(store);
    Ok(())
}

fn unavailable(e: &Error) -> KeychainError {
    let hint = if cfg!(target_os = "linux") {
        "start a desktop session with a Secret Service keyring (GNOME Keyring or KWallet) and unlock it"
    } else if cfg!(target_os = "macos") {
        "unlock the login keychain"
    } else {
        "make sure Windows Credential Manager is available"
    };
    tracing::warn!(error = %e, "no OS keychain");
    KeychainError::Unavailable(format!(
        "no OS keychain is reachable ({e}); {hint}. Nothing was stored."
    ))
}

fn classify(e: Error) -> KeychainError {
    match e {
        Error::NoStorageAccess(_) | Error::NoDefaultStore => unavailable(&e),
        other => KeychainError::Failed(other.to_string()),
    }
}
