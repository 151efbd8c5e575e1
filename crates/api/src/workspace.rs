use std::path::{Path, PathBuf};

use instagrowth_store::Store;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// An open workspace: its data directory and database.
#[derive(Clone, Debug)]
pub struct Workspace {
    data_dir: PathBuf,
    store: Store,
}

impl Workspace {
    /// Opens the workspace in `data_dir`, creating and migrating its database as needed.
    #[tracing::instrument(err(level = "info", Debug))]
    pub async fn open(data_dir: &Path) -> ApiResult<Self> {
        let store = Store::open_dir(data_dir).await?;
        Ok(Workspace {
            data_dir: data_dir.to_path_buf(),
            store,
        })
    }

    /// Opens the workspace at the resolved location (see [`crate::paths::resolve_data_dir`]).
    pub async fn open_resolved(explicit: Option<PathBuf>) -> ApiResult<Self> {
        let dir = crate::paths::resolve_data_dir(explicit).ok_or_else(|| {
            ApiError::new(
                ErrorCode::DataDir,
                "cannot find the OS app-data directory; pass --data-dir or set INSTAGROWTH_DATA_DIR",
            )
        })?;
        Self::open(&dir).await
    }

    /// A workspace over an in-memory database, for tests.
    pub async fn in_memory() -> ApiResult<Self> {
        Ok(Workspace {
            data_dir: PathBuf::new(),
            store: Store::open_in_memory().await?,
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub async fn close(&self) {
        self.store.close().await;
    }
}
