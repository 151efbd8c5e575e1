//! The layer every AI feature uses. So far: where the provider's API key lives — the OS keychain
//! and nowhere else (`keychain`).
pub mod keychain;

pub use keychain::{Keychain, KeychainError};
