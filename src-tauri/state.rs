use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use instagrowth_ai::CancellationToken;

use instagrowth_import::{Control, Progress};

use instagrowth_api::{paths, ApiError, ApiResult, ErrorCode, Workspace};

/// What the commands share: the open workspace, or why it could not be opened (for example a
/// database from a newer version) — the UI shows that error instead of the app failing to start.
pub struct AppState {
    data_dir: Option<PathBuf>,
    workspace: ApiResult<Workspace>,
    /// The import running now, so it can be cancelled.
    import: Mutex<Option<Control>>,
    /// AI generations running now, by the run id the UI chose, so each can be cancelled.
    ai_runs: Mutex<HashMap<String, CancellationToken>>,
    /// A purchase key from an activation link (`instagrowth://activate?key=…`) that the window
    /// has not taken yet: the link may arrive before the UI is listening.
    link_key: Mutex<Option<String>>,
}

impl AppState {
    /// Opens the workspace from `--data-dir`, `INSTAGROWTH_DATA_DIR` or the OS app-data folder.
    pub fn open_from_args() -> Self {
        let data_dir = paths::resolve_data_dir(paths::data_dir_arg(std::env::args().skip(1)));
        let started = std::time::Instant::now();
        let workspace = match &data_dir {
            Some(dir) => tauri::async_runtime::block_on(Workspace::open(dir)),
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
            workspace,
            import: Mutex::new(None),
            ai_runs: Mutex::default(),
            link_key: Mutex::default(),
        }
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    pub fn workspace(&self) -> Result<&Workspace, ApiError> {
        self.workspace.as_ref().map_err(Clone::clone)
    }

    /// A fresh control for a new import, reporting to `on_progress`.
    pub fn begin_import(&self, on_progress: impl Fn(Progress) + Send + Sync + 'static) -> Control {
        let ctl = Control::new().on_progress(on_progress);
        *self.import.lock().unwrap_or_else(|e| e.into_inner()) = Some(ctl.clone());
        ctl
    }

    pub fn end_import(&self) {
        self.import.lock().unwrap_or_else(|e| e.into_inner()).take();
    }

    pub fn cancel_import(&self) {
        if let Some(ctl) = self
            .import
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
        {
            ctl.cancel();
        }
    }

    /// Registers an AI generation under `run_id`; its token is cancelled by `cancel_ai_run`.
    pub fn begin_ai_run(&self, run_id: &str) -> CancellationToken {
        let token = CancellationToken::new();
        self.ai_runs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(run_id.to_string(), token.clone());
        token
    }

    pub fn end_ai_run(&self, run_id: &str) {
        self.ai_runs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(run_id);
    }

    pub fn cancel_ai_run(&self, run_id: &str) {
        if let Some(t) = self
            .ai_runs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(run_id)
        {
            t.cancel();
        }
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
        if let Ok(ws) = &self.workspace {
            ws.close().await;
        }
    }
}
