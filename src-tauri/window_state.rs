//! Window size and position between runs. tauri-plugin-window-state restores them at start and
//! saves them at a clean exit; this also saves them shortly after each move or resize, so a crash
//! or a killed process keeps them too.
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime, Window, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// How long a window must stay still before its geometry is written.
const SETTLE: Duration = Duration::from_millis(400);

/// Counts moves and resizes; a pending save only writes if no newer event came after it.
#[derive(Default)]
pub struct PendingSave(AtomicU64);

pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_window_state::Builder::default().build()
}

pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
        return;
    }
    let app = window.app_handle().clone();
    let Some(pending) = app.try_state::<PendingSave>() else {
        return;
    };
    let generation = pending.0.fetch_add(1, Ordering::SeqCst) + 1;
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(SETTLE).await;
        let still_latest = app
            .try_state::<PendingSave>()
            .is_some_and(|p| p.0.load(Ordering::SeqCst) == generation);
        if still_latest {
            if let Err(e) = app.save_window_state(StateFlags::all()) {
                tracing::warn!(error = %e, "could not save the window's size and position");
            }
        }
    });
}
