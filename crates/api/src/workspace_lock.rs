//! The workspace lock: an advisory lock on `instagrowth.db.lock` beside the database, so a
//! restore never replaces a database (and deletes its `-wal`/`-shm`) that the app or another
//! `instagrowth` command has open.
//!
//! - Every open [`crate::Workspace`] holds a **shared** lock until it is closed or its last
//!   handle dropped: the app for as long as it shows the workspace, a CLI command while it runs.
//!   Readers share, so the app and a CLI command side by side is normal use.
//! - A restore takes the **exclusive** lock, without waiting: while anyone has the workspace
//!   open it is refused with [`ErrorCode::WorkspaceInUse`]; while a restore runs, opening the
//!   workspace is refused the same way. The app's own restore closes its workspace (releasing
//!   its shared lock) before it restores, and reopens after.
//!
//! `std::fs::File::try_lock`/`try_lock_shared` (`flock` on Unix and macOS, `LockFileEx` on
//! Windows): the lock is per open file, so two handles in one process exclude each other as two
//! processes do, and closing the file — also when a process dies — releases it. It is taken on a
//! file of its own, never on the database: on Windows a locked range cannot be read or written
//! through other handles. Where the file system cannot lock at all (some network shares), the
//! workspace opens without the lock, with a warning in the log, rather than not at all.
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// The lock file's name in the data folder.
pub const LOCK_FILE_NAME: &str = "instagrowth.db.lock";

/// A held workspace lock; released when dropped.
#[derive(Debug)]
pub(crate) struct WorkspaceLock {
    _file: Option<File>,
}

#[derive(Clone, Copy)]
enum Mode {
    Shared,
    Exclusive,
}

impl WorkspaceLock {
    /// The lock an open workspace holds (the folder is created if missing).
    pub(crate) fn shared(dir: &Path) -> ApiResult<WorkspaceLock> {
        take(dir, Mode::Shared)
    }

    /// The lock a restore holds while it replaces the database.
    pub(crate) fn exclusive(dir: &Path) -> ApiResult<WorkspaceLock> {
        take(dir, Mode::Exclusive)
    }
}

fn take(dir: &Path, mode: Mode) -> ApiResult<WorkspaceLock> {
    let folder_error = |e: std::io::Error| {
        ApiError::new(
            ErrorCode::DataDir,
            format!("cannot use the data directory {}: {e}", dir.display()),
        )
    };
    std::fs::create_dir_all(dir).map_err(folder_error)?;
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(LOCK_FILE_NAME))
        .map_err(folder_error)?;
    let taken = match mode {
        Mode::Shared => file.try_lock_shared(),
        Mode::Exclusive => file.try_lock(),
    };
    match taken {
        Ok(()) => Ok(WorkspaceLock { _file: Some(file) }),
        Err(TryLockError::WouldBlock) => Err(in_use(dir, mode)),
        Err(TryLockError::Error(e)) => {
            tracing::warn!(dir = %dir.display(), "the workspace cannot be locked here ({e}); going on without the lock");
            Ok(WorkspaceLock { _file: None })
        }
    }
}

fn in_use(dir: &Path, mode: Mode) -> ApiError {
    let message = match mode {
        Mode::Exclusive => format!(
            "the workspace at {} is open in InstaGrowth OS (or another instagrowth command); close it and try again — nothing was changed",
            dir.display()
        ),
        Mode::Shared => format!(
            "a backup is being restored into the workspace at {}; try again when it is done — nothing was changed",
            dir.display()
        ),
    };
    ApiError::new(ErrorCode::WorkspaceInUse, message)
}
