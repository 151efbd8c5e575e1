//! Ranked search over the articles: a word in the title counts most, then keywords, then the
//! summary, then the body (BM25, so a word repeated in a long article does not drown the rest).
//! The last word of the query also matches as a prefix, so results appear while typing.
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::articles::{self, Article};
use crate::render::plain_text;
use crate::text::{self, is_stop_word};
use crate::HelpHit;

const TITLE: f64 = 10.0;
const KEYWORDS: f64 = 6.0;
const SUMMARY: f64 = 3.0;
const BODY: f64 = 1.0;
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// A word matched only as a prefix of the last query word counts this much of an exact one.
const PREFIX: f64 = 0.7;
const MAX_HITS: usize = 20;
const SNIPPET_CHARS: usize = 160;

struct Doc {
    article: &'static Article,
    title: HashSet<String>,
    keywords: HashSet<String>,
    summary: HashSet<String>,
    body: HashMap<String, u32>,
    body_len: f64,
    plain: String,
}

struct Index {
    docs: Vec<Doc>,
    /// In how many articles each word appears (in any field).
    df: HashMap<String, u32>,
    avg_body_len: f64,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut docs = Vec::new();
        let mut df: HashMap<String, u32> = HashMap::new();
        for article in articles::all() {
            let plain = plain_text(&article.body);
            let mut body: HashMap<String, u32> = HashMap::new();
            let body_terms = text::terms(&plain);
            for t in &body_terms {
                *body.entry(t.clone()).or_default() += 1;
            }
            let doc = Doc {
                article,
                title: text::terms(&article.title).into_iter().collect(),
                keywords: text::terms(&article.keywords.join(" "))
                    .into_iter()
                    .collect(),
                summary: text::terms(&article.summary).into_iter().collect(),
                body,
                body_len: body_terms.len() as f64,
                plain,
            };
            let all: HashSet<&String> = doc
                .title
                .iter()
                .chain(&doc.keywords)
                .chain(&doc.summary)
                .chain(doc.body.keys())
                .collect();
            for t in all {
                *df.entry(t.clone()).or_default() += 1;
            }
            docs.push(doc);
        }
        let avg_body_len =
            (docs.iter().map(|d| d.body_len).sum::<f64>() / docs.len().max(1) as f64).max(1.0);
        Index {
            docs,
            df,
            avg_body_len,
        }
    })
}

/// One query word and the index words it stands for (with their weight: 1, or [`PREFIX`]).
struct QueryTerm {
    matches: Vec<(String, f64)>,
}

fn query_terms(index: &Index, query: &str) -> Vec<QueryTerm> {
    let words = text::words(query);
    // The last word is still being typed unless the query ends with a space or punctuation.
    let typing = query.chars().last().is_some_and(char::is_alphanumeric);
    let last = words.len().saturating_sub(1);
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, w) in words.iter().enumerate() {
        let prefix = typing && i == last && w.raw.chars().count() >= 3;
        if is_stop_word(&w.raw) && !prefix {
            continue;
        }
        if !seen.insert(w.raw.clone()) {
            continue;
        }
        let mut matches = Vec::new();
        if !is_stop_word(&w.raw) && index.df.contains_key(&w.term) {
            matches.push((w.term.clone(), 1.0));
        }
        if prefix {
            for t in index.df.keys() {
                if *t != w.term && t.starts_with(&w.raw) {
                    matches.push((t.clone(), PREFIX));
                }
            }
        }
        out.push(QueryTerm { matches });
    }
    out
}

fn idf(index: &Index, term: &str) -> f64 {
    let n = index.docs.len() as f64;
    let df = f64::from(index.df.get(term).copied().unwrap_or(0));
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

fn field_score(index: &Index, doc: &Doc, term: &str) -> f64 {
    let mut s = 0.0;
    if doc.title.contains(term) {
        s += TITLE;
    }
    if doc.keywords.contains(term) {
        s += KEYWORDS;
    }
    if doc.summary.contains(term) {
        s += SUMMARY;
    }
    if let Some(&tf) = doc.body.get(term) {
        let tf = f64::from(tf);
        let norm = K1 * (1.0 - B + B * doc.body_len / index.avg_body_len);
        s += BODY * tf * (K1 + 1.0) / (tf + norm);
    }
    s
}

/// The articles that match `query`, best first; an empty (or stop-word-only) query finds nothing.
pub fn search(query: &str) -> Vec<HelpHit> {
    let index = index();
    let terms = query_terms(index, query);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, usize, HashSet<&str>)> = Vec::new();
    for (i, doc) in index.docs.iter().enumerate() {
        let mut total = 0.0;
        let mut matched = 0usize;
        let mut hit_terms: HashSet<&str> = HashSet::new();
        for qt in &terms {
            let mut best = 0.0f64;
            for (t, weight) in &qt.matches {
                let s = field_score(index, doc, t) * idf(index, t) * weight;
                if s > 0.0 {
                    hit_terms.insert(t.as_str());
                }
                best = best.max(s);
            }
            if best > 0.0 {
                matched += 1;
                total += best;
            }
        }
        if matched > 0 {
            let coverage = matched as f64 / terms.len() as f64;
            scored.push((total * coverage * coverage, i, hit_terms));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(MAX_HITS)
        .map(|(_, i, hit_terms)| {
            let doc = &index.docs[i];
            let a = doc.article;
            HelpHit {
                id: a.id.clone(),
                title: a.title.clone(),
                category: a.category.clone(),
                summary: a.summary.clone(),
                snippet: snippet(&doc.plain, &hit_terms),
            }
        })
        .collect()
}

/// About [`SNIPPET_CHARS`] characters of `plain` around the first word in `terms`, cut at word
/// boundaries, with "…" where text was left out. The start of the text if no word matches.
fn snippet(plain: &str, terms: &HashSet<&str>) -> String {
    let first = text::words(plain)
        .into_iter()
        .find(|w| !is_stop_word(&w.raw) && terms.contains(w.term.as_str()))
        .map(|w| w.start)
        .unwrap_or(0);
    // Up to 50 characters of lead-in before the match.
    let chars: Vec<(usize, char)> = plain.char_indices().collect();
    let at = chars.iter().position(|(b, _)| *b >= first).unwrap_or(0);
    let mut start = at.saturating_sub(50);
    if start > 0 {
        // Start at the beginning of a word.
        while start < at && !chars[start - 1].1.is_whitespace() {
            start += 1;
        }
    }
    let mut end = (start + SNIPPET_CHARS).min(chars.len());
    if end < chars.len() {
        while end > at + 1 && !chars[end].1.is_whitespace() {
            end -= 1;
        }
    }
    let from = chars.get(start).map_or(plain.len(), |c| c.0);
    let to = chars.get(end).map_or(plain.len(), |c| c.0);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(plain[from..to].trim());
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_centres_on_the_match() {
        let plain = "word ".repeat(60) + "target here and then " + &"more ".repeat(60);
        let terms: HashSet<&str> = ["target"].into_iter().collect();
        let s = snippet(&plain, &terms);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("target"));
        assert!(
            s.chars().count() <= SNIPPET_CHARS + 2,
            "{}",
            s.chars().count()
        );
        let short = snippet("short text", &terms);
        assert_eq!(short, "short text");
    }
}
