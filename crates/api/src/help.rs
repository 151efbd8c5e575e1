//! The help centre: offline articles and their search (see `instagrowth-help`). Needs no
//! workspace, so the app can show help even when the workspace could not open.
pub use instagrowth_help::{HelpArticle, HelpArticleSummary, HelpHit};

use crate::{ApiError, ApiResult, ErrorCode};

/// Articles matching `query`, best first; none for an empty query.
pub fn search(query: &str) -> ApiResult<Vec<HelpHit>> {
    Ok(instagrowth_help::search(query))
}

/// Every article, grouped by category in the help centre's order.
pub fn list() -> ApiResult<Vec<HelpArticleSummary>> {
    Ok(instagrowth_help::list())
}

/// One article, rendered; `not_found` for an unknown id.
pub fn article(id: &str) -> ApiResult<HelpArticle> {
    instagrowth_help::article(id).ok_or_else(|| not_found(id))
}

/// One article's Markdown body, for the CLI; `not_found` for an unknown id.
pub fn markdown(id: &str) -> ApiResult<&'static str> {
    instagrowth_help::markdown(id).ok_or_else(|| not_found(id))
}

/// A link from an article to the web, checked before the app opens it in the browser: only
/// `https://` addresses (the app opens nothing else from help).
pub fn external_link(url: &str) -> ApiResult<&str> {
    let ok = url
        .strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty() && !url.chars().any(char::is_whitespace));
    if ok {
        Ok(url)
    } else {
        Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("Help opens only https:// links, not \"{url}\"."),
        )
        .with_field("url"))
    }
}

fn not_found(id: &str) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        format!("There is no help article \"{id}\"."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_article_is_not_found() {
        let e = article("nope").unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
        assert!(e.message.contains("nope"));
        assert!(article("audit-scores").is_ok());
        assert!(search("").unwrap().is_empty());
    }

    #[test]
    fn only_https_links_open() {
        assert!(external_link("https://help.instagram.com/").is_ok());
        for bad in [
            "http://x.example",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https://a b",
        ] {
            assert_eq!(
                external_link(bad).unwrap_err().code,
                ErrorCode::InvalidInput,
                "{bad}"
            );
        }
    }
}
