//! The layer every AI feature uses: an OpenAI-compatible provider (`provider`: presets, base URL,
//! model, headers) whose API key lives only in the OS keychain (`keychain`); typed generation
//! that streams, can be cancelled and repairs one unusable answer (`generate`); timeouts and
//! retries with backoff and jitter (`transport`); plain, distinct errors (`error`); and the
//! estimated cost of a call (`pricing`). No tauri here: the app and the CLI both call this.
pub mod client;
pub mod error;
pub mod generate;
pub mod items;
pub mod keychain;
pub mod pricing;
pub mod provider;
pub mod schema;
pub mod transport;

pub use client::{Call, ConnectionTest, Failed, Provider, Usage};
pub use error::AiError;
pub use generate::{Answer, Generated, Progress, Prompt};
pub use items::StreamedItem;
pub use keychain::{Keychain, KeychainError};
pub use provider::{ExtraHeader, Preset, ProviderSettings, SettingsError, StructuredMode};
pub use tokio_util::sync::CancellationToken;
pub use transport::{RetryNotice, RetryPolicy, Timeouts};
