//! "Open after saving" for exports: the OS opens a file by its extension, so the app opens only
//! the file the export just wrote, of the kind it wrote (`instagrowth_api::export_path`: the
//! export itself refuses a path named for another kind before writing).
use std::path::Path;

use instagrowth_api::export_path::{self, ExportKind};
use tauri_plugin_opener::OpenerExt;

/// Opens the `kind` export of `bytes` bytes just written to `path` in the default app; a path
/// that is not that file is logged and left alone, and so is a failure to open (it was saved).
pub fn open_export(app: &tauri::AppHandle, path: &Path, kind: ExportKind, bytes: u64) {
    if !export_path::openable(path, kind, bytes) {
        tracing::warn!(path = %path.display(), ?kind, "not opening: not the file the export wrote");
        return;
    }
    if let Err(e) = app.opener().open_path(path.to_string_lossy(), None::<&str>) {
        tracing::warn!(error = %e, ?kind, "could not open the export");
    }
}
