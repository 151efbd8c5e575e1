//! The embedded articles and their front matter.
use std::sync::OnceLock;

use serde::Deserialize;

use crate::HelpArticleSummary;

/// `(file name, source)` of one article in `articles/`, embedded at compile time.
macro_rules! article {
    ($id:literal) => {
        (
            concat!($id, ".md"),
            include_str!(concat!("../articles/", $id, ".md")),
        )
    };
}

/// Every article's source. A test checks that each file in `articles/` is listed here.
pub(crate) const SOURCES: &[(&str, &str)] = &[
    article!("first-run-setup"),
    article!("getting-client-data"),
    article!("audit-scores"),
    article!("shadowban-risk"),
    article!("hashtag-rules"),
    article!("content-drafts"),
    article!("growth-plans"),
    article!("reply-assistant"),
    article!("ai-models"),
    article!("branding-and-pdfs"),
    article!("licences-and-seats"),
    article!("updates"),
    article!("backup-and-export"),
    article!("privacy"),
    article!("troubleshooting"),
    article!("keyboard-shortcuts"),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    category: String,
    summary: String,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Article {
    pub id: String,
    pub title: String,
    pub category: String,
    pub summary: String,
    pub keywords: Vec<String>,
    pub related: Vec<String>,
    /// Markdown, without the front matter.
    pub body: String,
}

impl Article {
    pub fn summary(&self) -> HelpArticleSummary {
        HelpArticleSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            category: self.category.clone(),
            summary: self.summary.clone(),
        }
    }
}

/// Splits `+++\n<toml>\n+++\n<markdown>` and reads the front matter.
pub(crate) fn parse(source: &str) -> Result<Article, String> {
    let source = source.trim_start_matches('\u{feff}');
    let rest = source
        .strip_prefix("+++\n")
        .or_else(|| source.strip_prefix("+++\r\n"))
        .ok_or("the article does not start with a `+++` line")?;
    let end = rest
        .find("\n+++")
        .ok_or("the front matter has no closing `+++` line")?;
    let front: FrontMatter =
        toml::from_str(&rest[..end]).map_err(|e| format!("bad front matter: {e}"))?;
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']).to_string();
    Ok(Article {
        id: front.id,
        title: front.title,
        category: front.category,
        summary: front.summary,
        keywords: front.keywords,
        related: front.related,
        body,
    })
}

/// The articles, parsed once. The sources are ours and a test parses every one, so a bad one is
/// a build mistake.
pub(crate) fn all() -> &'static [Article] {
    static ALL: OnceLock<Vec<Article>> = OnceLock::new();
    ALL.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(file, src)| parse(src).unwrap_or_else(|e| panic!("help article {file}: {e}")))
            .collect()
    })
}

pub(crate) fn find(id: &str) -> Option<&'static Article> {
    all().iter().find(|a| a.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_listed_and_parses() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".md"))
            .collect();
        files.sort();
        let mut listed: Vec<String> = SOURCES.iter().map(|(f, _)| f.to_string()).collect();
        listed.sort();
        assert_eq!(files, listed, "articles/ and SOURCES differ");
        for (file, src) in SOURCES {
            let a = parse(src).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(format!("{}.md", a.id), *file, "the id is the file name");
        }
    }

    #[test]
    fn front_matter_is_required() {
        assert!(parse("# no front matter").is_err());
        assert!(parse("+++\nid = \"x\"\n").is_err());
        let a = parse("+++\nid = \"x\"\ntitle = \"X\"\ncategory = \"AI\"\nsummary = \"S.\"\nkeywords = [\"k\"]\n+++\n\nBody\n").unwrap();
        assert_eq!(a.id, "x");
        assert_eq!(a.keywords, vec!["k"]);
        assert_eq!(a.body, "Body\n");
    }
}
