//! Tauri commands of the help centre: one line each into `instagrowth_api::help`. They need no
//! workspace, so help works even when the workspace could not open.
use instagrowth_api::help::{self, HelpArticle, HelpArticleSummary, HelpHit};
use instagrowth_api::ApiResult;
use tauri_plugin_opener::OpenerExt;

#[tauri::command]
pub fn help_search(query: String) -> ApiResult<Vec<HelpHit>> {
    help::search(&query)
}

#[tauri::command]
pub fn help_list() -> ApiResult<Vec<HelpArticleSummary>> {
    help::list()
}

#[tauri::command]
pub fn help_article(id: String) -> ApiResult<HelpArticle> {
    help::article(&id)
}

/// Opens an article's `https://` link in the browser (anything else is refused).
#[tauri::command]
pub fn help_open_link(app: tauri::AppHandle, url: String) -> ApiResult<()> {
    let url = help::external_link(&url)?;
    if let Err(e) = app.opener().open_url(url, None::<&str>) {
        tracing::warn!(error = %e, "could not open a help link in the browser");
    }
    Ok(())
}
