//! The licence while the app runs: the background check (at start, then hourly) that refreshes
//! the licence file when due and tells the window where the licence stands (`license-changed`),
//! and activation links from the purchase e-mail (`instagrowth://activate?key=…`), at launch or
//! while running, handed to the window (`license-link`).
use std::time::Duration;

use instagrowth_api::license;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_deep_link::DeepLinkExt;

use crate::state::AppState;

/// The window hears where the licence stands after each background check.
pub const CHANGED_EVENT: &str = "license-changed";
/// The window hears the key of an activation link that arrived while it runs.
pub const LINK_EVENT: &str = "license-link";
/// The first check waits this long, so it never competes with the window's first paint.
const FIRST_CHECK_AFTER: Duration = Duration::from_secs(5);

/// Starts the background check and listens for activation links.
pub fn start(app: &AppHandle) {
    // Installed packages (deb, rpm, MSI, NSIS, the macOS bundle) register the scheme when
    // installed; an AppImage is never installed, so it registers itself when run.
    #[cfg(target_os = "linux")]
    if app.env().appimage.is_some() {
        if let Err(e) = app.deep_link().register_all() {
            tracing::warn!(error = %e, "could not register instagrowth: links for this AppImage");
        }
    }
    let handle = app.clone();
    app.deep_link().on_open_url(move |event| {
        for url in event.urls() {
            on_link(&handle, url.as_str());
        }
    });
    // A launch by a link (Linux, Windows: the link is an argument). Read from the arguments
    // here rather than the plugin's `get_current`, which takes a link only when it is the sole
    // argument; `key_from_link` accepts nothing but an activation link anyway.
    let prefix = format!("{}:", license::LINK_SCHEME);
    for arg in std::env::args().skip(1) {
        if arg.to_ascii_lowercase().starts_with(&prefix) {
            on_link(app, &arg);
        }
    }
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_CHECK_AFTER).await;
        loop {
            check(&handle).await;
            tokio::time::sleep(Duration::from_secs(license::CHECK_EVERY_SECS)).await;
        }
    });
}

async fn check(app: &AppHandle) {
    let state = app.state::<AppState>();
    let Ok(ws) = state.workspace() else { return };
    match license::refresh_if_due(&ws).await {
        Ok(check) => {
            if check.refreshed {
                tracing::info!(state = ?check.status.state, "licence refreshed in the background");
            }
            let _ = app.emit(CHANGED_EVENT, &check.status);
        }
        Err(e) => tracing::warn!(error = %e, "background licence check failed"),
    }
}

fn on_link(app: &AppHandle, link: &str) {
    match license::key_from_link(link) {
        Ok(key) => {
            tracing::info!("activation link received");
            app.state::<AppState>().set_link_key(key.clone());
            let _ = app.emit(LINK_EVENT, key);
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }
        Err(e) => tracing::warn!("ignored a link: {}", e.message),
    }
}
