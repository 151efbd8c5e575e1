use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

/// What the About box and diagnostics show. Available even when the workspace failed to open.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    /// The workspace folder in use; `null` when none could be resolved.
    pub data_dir: Option<String>,
    /// The newest database schema this version knows.
    #[ts(type = "number")]
    pub schema_version: i64,
}

impl AppInfo {
    pub fn new(data_dir: Option<&Path>) -> Self {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: data_dir.map(|d| d.display().to_string()),
            schema_version: instagrowth_store::Store::known_schema_version(),
        }
    }

    /// The same, naming the running app's own version (the desktop app's package version, which
    /// the updater compares).
    pub fn with_version(mut self, version: String) -> Self {
        self.version = version;
        self
    }
}
