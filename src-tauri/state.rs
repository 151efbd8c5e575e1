use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use instagrowth_import::Progress;

use instagrowth_api::backup::{self, BackupManifest};
use instagrowth_api::running::{AiRun, ImportRun, RunningWork};
use instagrowth_api::{paths, ApiError, ApiResult, ErrorCode, Workspace};

/// What the commands share: the open workspace, or why it could not be opened (for example a
/// database from a newer version) — the UI shows that error instead of the app failing to start.
pub struct AppState {
    data_dir: Option<PathBuf>,
    /// Replaced, not mutated, when a backup is restored: commands hold a clone (a pool handle)
    /// for the length of their call.
    workspace: RwLock<ApiResult<Workspace>>,
    /// Set while a restore swaps the database, so no import or AI run starts meanwhile.
    restoring: std::sync::atomic::AtomicBool,
    /// The import and AI generations running now, so each can be cancelled; each is registered
    /// by a guard that ends it on drop, so no early return leaves one behind.
    running: RunningWork,
    /// A purchase key from an activation link (`instagrowth://activate?key=…`) that the window
    /// has not taken yet: the link may arrive before the UI is listening.
    link_key: Mutex<Option<String>>,
}

impl AppState {
    /// Opens the workspace from `--data-dir`, `INSTAGROWTH_DATA_DIR` or the OS app-data folder.
    pub fn open_from_args() -> Self {
        let data_dir = paths::resolve_data_dir(paths::data_dir_arg(std::env::args().skip(1)));
        tauri::async_runtime::block_on(AppState::open(data_dir))
    }

    /// Opens the workspace in `data_dir` (`None`: no folder could be found).
    pub async fn open(data_dir: Option<PathBuf>) -> Self {
        let started = std::time::Instant::now();
        let workspace = match &data_dir {
            Some(dir) => Workspace::open(dir).await,
            None => Err(ApiError::new(
                ErrorCode::DataDir,
                "cannot find the OS app-data folder; start the app with --data-dir DIR",
            )),
        };
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        match &workspace {
            Ok(ws) => tracing::info!(data_dir = %ws.data_dir().display(), ms, "workspace open"),
            Err(e) => tracing::error!(error = %e, "workspace could not be opened"),
        }
        AppState {
            data_dir,
            workspace: RwLock::new(workspace),
            restoring: Default::default(),
            running: RunningWork::new(),
            link_key: Mutex::default(),
        }
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// The open workspace (a cheap clone: the pool is shared), or why there is none.
    pub fn workspace(&self) -> Result<Workspace, ApiError> {
        if self.restoring.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(ApiError::new(
                ErrorCode::Busy,
                "a backup is being restored; try again in a moment",
            ));
        }
        self.workspace
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// True while an import or an AI generation runs.
    pub fn has_running_work(&self) -> bool {
        self.running.has_running_work()
    }

    /// Restores a backup into this workspace's folder: closes the database, restores (which
    /// refuses a workspace that has clients, so nothing is overwritten), and opens it again —
    /// the restored one, or the untouched one when the restore was refused.
    pub async fn restore_backup(&self, file: &Path) -> ApiResult<BackupManifest> {
        let Some(dir) = self.data_dir.clone() else {
            return Err(self.workspace().err().unwrap_or_else(|| {
                ApiError::new(ErrorCode::DataDir, "the workspace has no folder")
            }));
        };
        if self.has_running_work() {
            return Err(ApiError::new(
                ErrorCode::Busy,
                "an import or an AI generation is running: let it finish or cancel it, then restore",
            ));
        }
        let current = self.workspace()?;
        // Checked before anything closes: a refusal should not even blink the open workspace.
        backup::check_restore_target(&current, file).await?;
        self.restoring
            .store(true, std::sync::atomic::Ordering::SeqCst);
        current.close().await;
        let restored = backup::restore(&dir, file).await;
        let reopened = Workspace::open(&dir).await;
        if let Err(e) = &reopened {
            tracing::error!(error = %e, "workspace could not be reopened after a restore");
        }
        *self.workspace.write().unwrap_or_else(|e| e.into_inner()) = reopened;
        self.restoring
            .store(false, std::sync::atomic::Ordering::SeqCst);
        restored
    }

    /// Registers a new import reporting to `on_progress`; it ends when the guard is dropped.
    pub fn begin_import(
        &self,
        on_progress: impl Fn(Progress) + Send + Sync + 'static,
    ) -> ImportRun<'_> {
        self.running.begin_import(on_progress)
    }

    pub fn cancel_import(&self) {
        self.running.cancel_import();
    }

    /// Registers an AI generation under `run_id`; it ends when the guard is dropped, and
    /// `cancel_ai_run` cancels its token.
    pub fn begin_ai_run(&self, run_id: &str) -> AiRun<'_> {
        self.running.begin_ai_run(run_id)
    }

    pub fn cancel_ai_run(&self, run_id: &str) {
        self.running.cancel_ai_run(run_id);
    }

    /// Keeps the key of an activation link until the window takes it.
    pub fn set_link_key(&self, key: String) {
        *self.link_key.lock().unwrap_or_else(|e| e.into_inner()) = Some(key);
    }

    /// The key of the last activation link, once.
    pub fn take_link_key(&self) -> Option<String> {
        self.link_key
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    pub async fn close(&self) {
        let open = self
            .workspace
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Ok(ws) = open {
            ws.close().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use instagrowth_api::{backup, clients, NewClient};

    use super::*;

    async fn add(ws: &Workspace, handle: &str) {
        let client = NewClient {
            name: handle.to_uppercase(),
            handle: handle.into(),
            ..Default::default()
        };
        clients::add(ws, &client).await.unwrap();
    }

    async fn handles(state: &AppState) -> Vec<String> {
        let ws = state.workspace().unwrap();
        let query = Default::default();
        let list = clients::list(&ws, &query).await.unwrap();
        list.into_iter().map(|c| c.handle).collect()
    }

    #[tokio::test]
    async fn a_restore_swaps_the_open_workspace_and_a_refused_one_leaves_it_working() {
        let source = tempfile::tempdir().unwrap();
        let file = source.path().join("agency.igbackup");
        {
            let ws = Workspace::open(source.path()).await.unwrap();
            add(&ws, "glow").await;
            add(&ws, "nova").await;
            backup::create(&ws, &file).await.unwrap();
            ws.close().await;
        }

        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(Some(dir.path().to_path_buf())).await;
        assert!(handles(&state).await.is_empty());
        let manifest = state.restore_backup(&file).await.unwrap();
        assert_eq!(manifest.counts.clients, 2);
        // The same state now serves the restored database.
        assert_eq!(handles(&state).await, ["glow", "nova"]);

        // Now it has clients: refused, and the open workspace still answers.
        let e = state.restore_backup(&file).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert!(
            e.message.contains("already has 2 client(s)"),
            "{}",
            e.message
        );
        add(&state.workspace().unwrap(), "zoe").await;
        assert_eq!(handles(&state).await, ["glow", "nova", "zoe"]);

        // Not while an import runs.
        let _import = state.begin_import(|_| {});
        let e = state.restore_backup(&file).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Busy);
        state.close().await;
    }
}
