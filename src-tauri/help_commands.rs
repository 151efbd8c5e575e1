//! Tauri commands of the help centre: one line each into `instagrowth_api::help`. They need no
//! workspace, so help works even when the workspace could not open.
use instagrowth_api::help::{self, HelpArticle, HelpArticleSummary, HelpHit};
use instagrowth_api::ApiResult;

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
