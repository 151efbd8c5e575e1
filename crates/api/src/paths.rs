//! Where the workspace lives. The app and the CLI resolve it the same way, so they share data.
use std::path::PathBuf;

/// The app's identifier; also the name of its folder in the OS app-data directory.
pub const APP_IDENTIFIER: &str = "com.instagrowth.desktop";

/// Environment variable that overrides the data directory (as `--data-dir` does).
pub const DATA_DIR_ENV: &str = "INSTAGROWTH_DATA_DIR";

/// The OS app-data directory for the app — the same folder Tauri's `app_data_dir()` gives:
/// `~/.local/share/<id>` on Linux, `~/Library/Application Support/<id>` on macOS,
/// `%APPDATA%\<id>` on Windows.
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

/// `explicit` (from `--data-dir`) wins, then `INSTAGROWTH_DATA_DIR`, then the OS default.
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_data_dir)
}

/// The OS log directory for the app — where Tauri's `app_log_dir()` points:
/// `~/.local/share/<id>/logs` on Linux, `~/Library/Logs/<id>` on macOS,
/// `%LOCALAPPDATA%\<id>\logs` on Windows.
pub fn default_log_dir() -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        dirs::home_dir().map(|h| h.join("Library/Logs").join(APP_IDENTIFIER))
    } else {
        dirs::data_local_dir().map(|d| d.join(APP_IDENTIFIER).join("logs"))
    }
}

/// Where reports are saved when the user has not chosen a place (the first-run setup's PDF):
/// `InstaGrowth OS` in the OS documents folder, else in the home folder; created if missing.
pub fn default_reports_dir() -> Result<PathBuf, crate::ApiError> {
    let base = dirs::document_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join("Documents")))
        .ok_or_else(|| {
            crate::ApiError::new(
                crate::ErrorCode::DataDir,
                "cannot find a documents or home folder: choose where to save the report",
            )
        })?;
    let dir = base.join("InstaGrowth OS");
    std::fs::create_dir_all(&dir).map_err(|e| {
        crate::ApiError::new(
            crate::ErrorCode::DataDir,
            format!("cannot create {}: {e}", dir.display()),
        )
    })?;
    Ok(dir)
}

/// `file_name` in [`default_reports_dir`]; a name with a folder in it is refused.
pub fn default_report_path(file_name: &str) -> Result<PathBuf, crate::ApiError> {
    let plain = std::path::Path::new(file_name)
        .file_name()
        .and_then(|n| n.to_str());
    if plain != Some(file_name) {
        return Err(crate::ApiError::new(
            crate::ErrorCode::InvalidInput,
            format!("\"{file_name}\" is not a plain file name"),
        ));
    }
    Ok(default_reports_dir()?.join(file_name))
}

/// The value of `--data-dir DIR` or `--data-dir=DIR` in an argument list, if any.
pub fn data_dir_arg<I: IntoIterator<Item = String>>(args: I) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        if a == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(v) = a.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_arg_reads_both_spellings() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            data_dir_arg(args(&["app", "--data-dir", "/x"])),
            Some("/x".into())
        );
        assert_eq!(
            data_dir_arg(args(&["app", "--data-dir=/y"])),
            Some("/y".into())
        );
        assert_eq!(data_dir_arg(args(&["app", "--data-dir"])), None);
        assert_eq!(data_dir_arg(args(&["app"])), None);
    }
}
