use serde::Serialize;
use ts_rs::TS;

use crate::Workspace;

/// What the About box and diagnostics show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    #[ts(type = "number")]
    pub schema_version: i64,
}

impl AppInfo {
    pub fn of(ws: &Workspace) -> Self {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: ws.data_dir().display().to_string(),
            schema_version: instagrowth_store::Store::known_schema_version(),
        }
    }
}
