//! The AI provider as the app and the CLI use it: provider settings in the workspace, the API
//! key in the OS keychain (`key`), the monthly credit allowance and the usage ledger (`ledger`),
//! and generation that records every call and tells callers when to draft offline (`run`).
//!
//! Features build a [`instagrowth_ai::Prompt`] from stored data — every number in it comes from
//! the store — and ask for a typed answer; the model never supplies a number shown to the user.
mod config;
pub(crate) mod key;
mod ledger;
mod run;
mod sample;

pub use config::{
    configure, configure_preset, disable, presets, set_allowance, status, AiStatus, KeyState,
    PresetInfo, DEFAULT_MONTHLY_CREDITS,
};
pub use key::{remove_key, set_key};
pub use ledger::{delete_price, prices, set_price, usage, usage_by_client, UsageReport};
pub use run::{generate, list_models, test_connection, AiEvent, AiOutcome};
pub use sample::{sample_hooks, SampleHook, SampleHooks, SampleResult};
