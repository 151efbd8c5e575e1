//! The single surface the desktop app (`src-tauri/`) and the `instagrowth` CLI call.
//!
//! Each function here is what one Tauri command or one CLI subcommand does; both stay thin.
//! Errors leave as [`ApiError`] — `{code, message, field}` — so the UI branches on a code.

pub mod ai;
pub mod audit;
pub mod backup;
pub mod bindings;
pub mod branding;
pub mod client_export;
pub mod clients;
pub mod content;
pub mod dashboard;
mod error;
pub mod export_path;
pub mod files;
pub mod help;
pub mod home;
pub mod import;
mod info;
pub mod license;
pub mod manual;
pub mod onboarding;
pub mod paths;
pub mod planner;
pub mod replies;
mod report_format;
pub mod running;
pub mod settings;
pub mod updates;
mod workspace;
pub mod workspace_lock;

pub use error::{ApiError, ApiResult, ErrorCode};
pub use info::AppInfo;
pub use instagrowth_store::{ArchivedFilter, Client, ClientPatch, ClientQuery, NewClient};
pub use workspace::Workspace;
