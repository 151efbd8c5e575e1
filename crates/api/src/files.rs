//! Writing files the user asked for (exports) without ever leaving half a file.
use std::path::Path;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// Writes `bytes` to a temporary file in the same folder, flushes it, then renames it over `path`.
pub async fn write_atomically(path: &Path, bytes: &[u8]) -> ApiResult<()> {
    let fail = |e: std::io::Error| ApiError {
        code: ErrorCode::InvalidInput,
        message: format!("cannot write {}: {e}", path.display()),
        field: Some("path".into()),
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: format!("the folder {} does not exist", dir.display()),
            field: Some("path".into()),
        });
    }
    let name = path.file_name().ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("{} is not a file name", path.display()),
        )
    })?;
    let tmp = dir.join(format!(".{}.part", name.to_string_lossy()));
    let result = async {
        tokio::fs::write(&tmp, bytes).await?;
        let f = tokio::fs::File::open(&tmp).await?;
        f.sync_all().await?;
        tokio::fs::rename(&tmp, path).await
    }
    .await;
    if let Err(e) = result {
        let _ = tokio::fs::remove_file(&tmp).await;
        return Err(fail(e));
    }
    Ok(())
}
