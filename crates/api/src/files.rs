//! Writing files the user asked for (exports) without ever leaving half a file.
use std::io::Write;
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
    let (bytes, dest) = (bytes.to_vec(), path.to_path_buf());
    let result = tokio::task::spawn_blocking(move || write_then_rename(&tmp, &dest, &bytes))
        .await
        .unwrap_or_else(|e| Err(std::io::Error::other(e)));
    result.map_err(fail)
}

/// The file is written, flushed to disk and closed through the one handle that wrote it, then
/// renamed over `dest`. Flushing through that handle matters on Windows, where
/// `FlushFileBuffers` refuses a handle opened read-only (an earlier version reopened the file to
/// sync it, and every export failed there). A failure removes the temporary file.
fn write_then_rename(tmp: &Path, dest: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let written = (|| {
        let mut file = std::fs::File::create(tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    let result = written.and_then(|()| std::fs::rename(tmp, dest));
    if result.is_err() {
        let _ = std::fs::remove_file(tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    // These run on Linux, macOS and Windows (.github/workflows/test.yml): on Windows the earlier
    // version failed every one of them ("Access is denied" from syncing a read-only handle).
    #[tokio::test]
    async fn writes_a_new_file_and_leaves_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.pdf");
        write_atomically(&path, b"%PDF-1.7 first").await.unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7 first");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["report.pdf"]);
    }

    #[tokio::test]
    async fn replaces_an_existing_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.csv");
        std::fs::write(&path, "an older and much longer export of the plan").unwrap();
        write_atomically(&path, b"date,post").await.unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"date,post");
    }

    #[tokio::test]
    async fn a_missing_folder_is_named_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone").join("plan.ics");
        let err = write_atomically(&path, b"BEGIN:VCALENDAR")
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert!(err.message.contains("does not exist"), "{}", err.message);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[tokio::test]
    async fn a_failed_rename_leaves_neither_file_nor_part() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should go: the rename fails on every OS.
        let path = dir.path().join("taken");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("inside"), "x").unwrap();
        let err = write_atomically(&path, b"data").await.unwrap_err();
        assert!(err.message.contains("cannot write"), "{}", err.message);
        assert!(!dir.path().join(".taken.part").exists());
        assert!(path.is_dir());
    }
}
