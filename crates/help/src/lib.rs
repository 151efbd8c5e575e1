//! The in-app help centre, offline: Markdown articles embedded at compile time (`articles/*.md`,
//! each with a TOML front matter block between `+++` lines), rendered to HTML with raw HTML
//! escaped, and searched with a small ranked index (title > keywords > summary > body).
//!
//! Links between articles are written `[text](help:article-id)` and stay `href="help:…"` so the
//! UI can open the other article itself.
mod articles;
mod render;
mod search;
mod text;

use serde::Serialize;
use ts_rs::TS;

pub use render::{plain_text, render_html};
pub use search::search;

/// The categories, in the order the help centre lists them.
pub const CATEGORIES: &[&str] = &[
    "Getting started",
    "Audits",
    "Content and plans",
    "Replies",
    "AI",
    "Agency and licence",
    "Data and privacy",
    "Troubleshooting",
];

/// An article as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HelpArticleSummary {
    pub id: String,
    pub title: String,
    pub category: String,
    /// One sentence.
    pub summary: String,
}

/// One article, ready to show: `html` is escaped (raw HTML in the source becomes text); links to
/// other articles are `href="help:article-id"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HelpArticle {
    pub id: String,
    pub title: String,
    pub category: String,
    pub summary: String,
    pub html: String,
    pub related: Vec<HelpArticleSummary>,
}

/// One search result, best first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HelpHit {
    pub id: String,
    pub title: String,
    pub category: String,
    pub summary: String,
    /// About 160 characters of the body around the first matching word, plain text.
    pub snippet: String,
}

/// Every article, by category (in [`CATEGORIES`] order), then title.
pub fn list() -> Vec<HelpArticleSummary> {
    let mut all: Vec<&articles::Article> = articles::all().iter().collect();
    all.sort_by_key(|a| (category_rank(&a.category), a.title.to_lowercase()));
    all.into_iter().map(|a| a.summary()).collect()
}

/// The article `id`, rendered, or `None` if there is no such article.
pub fn article(id: &str) -> Option<HelpArticle> {
    let a = articles::find(id)?;
    Some(HelpArticle {
        id: a.id.clone(),
        title: a.title.clone(),
        category: a.category.clone(),
        summary: a.summary.clone(),
        html: render_html(&a.body),
        related: a
            .related
            .iter()
            .filter_map(|r| articles::find(r))
            .map(|r| r.summary())
            .collect(),
    })
}

/// The article's Markdown body (without its front matter), for the CLI.
pub fn markdown(id: &str) -> Option<&'static str> {
    articles::find(id).map(|a| a.body.as_str())
}

/// Every article id, in list order.
pub fn ids() -> Vec<String> {
    list().into_iter().map(|a| a.id).collect()
}

fn category_rank(category: &str) -> usize {
    CATEGORIES
        .iter()
        .position(|c| *c == category)
        .unwrap_or(CATEGORIES.len())
}
