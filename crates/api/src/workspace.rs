use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use instagrowth_store::Store;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::license::LicenseConfig;
use crate::workspace_lock::WorkspaceLock;

/// An open workspace: its data directory and database, and the shared workspace lock
/// ([`crate::workspace_lock`]) it holds until [`Workspace::close`] or its last clone is dropped.
#[derive(Clone, Debug)]
pub struct Workspace {
    data_dir: PathBuf,
    store: Store,
    /// The licence server, public key and key store ([`LicenseConfig::from_build`] unless a test
    /// set its own).
    license: Arc<LicenseConfig>,
    /// Shared by every clone; `None` once closed (and for an in-memory workspace).
    lock: Arc<Mutex<Option<WorkspaceLock>>>,
}

impl Workspace {
    /// Opens the workspace in `data_dir`, creating and migrating its database as needed. Refused
    /// with [`ErrorCode::WorkspaceInUse`] while a backup is being restored into it.
    #[tracing::instrument(err(level = "info", Debug))]
    pub async fn open(data_dir: &Path) -> ApiResult<Self> {
        let lock = WorkspaceLock::shared(data_dir)?;
        let store = Store::open_dir(data_dir).await?;
        Ok(Workspace {
            data_dir: data_dir.to_path_buf(),
            store,
            license: Arc::new(LicenseConfig::from_build()),
            lock: Arc::new(Mutex::new(Some(lock))),
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
            license: Arc::new(LicenseConfig::from_build()),
            lock: Arc::default(),
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What the licence code runs with (see [`crate::license::config`]).
    pub fn license_config(&self) -> &LicenseConfig {
        &self.license
    }

    /// Replaces the licence configuration of this handle (and of clones made after). Tests use it
    /// to talk to their own licence server and key store; the app and the CLI never call it.
    pub fn set_license_config(&mut self, config: LicenseConfig) {
        self.license = Arc::new(config);
    }

    /// Closes the database (for every clone) and releases the workspace lock, so a restore may
    /// replace it.
    pub async fn close(&self) {
        self.store.close().await;
        self.lock.lock().unwrap_or_else(|e| e.into_inner()).take();
    }
}
