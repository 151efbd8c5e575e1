//! The help centre as a user meets it: every article renders, typical questions find the right
//! article first, typing a prefix already finds it, and nonsense finds nothing.
use instagrowth_help::{article, ids, list, render_html, search, CATEGORIES};

#[test]
fn every_article_parses_renders_and_links_to_real_articles() {
    let all = list();
    assert!(all.len() >= 15, "{} articles", all.len());
    let known = ids();
    for s in &all {
        assert!(
            CATEGORIES.contains(&s.category.as_str()),
            "{}: unknown category {}",
            s.id,
            s.category
        );
        assert!(
            s.summary.ends_with('.'),
            "{}: the summary is one sentence",
            s.id
        );
        let a = article(&s.id).expect("listed articles exist");
        assert!(a.html.contains("<p>"), "{} renders", s.id);
        assert!(!a.html.contains("<script"), "{}", s.id);
        let words = instagrowth_help::plain_text(instagrowth_help::markdown(&s.id).unwrap())
            .split_whitespace()
            .count();
        assert!((200..=700).contains(&words), "{}: {words} words", s.id);
        for r in &a.related {
            assert_ne!(r.id, s.id, "{} is related to itself", s.id);
        }
        // Every help: link goes to an article that exists.
        for part in a.html.split("href=\"help:").skip(1) {
            let target = &part[..part.find('"').unwrap()];
            assert!(
                known.iter().any(|k| k == target),
                "{} links to {target}",
                s.id
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for id in &known {
        assert!(seen.insert(id), "{id} twice");
    }
}

#[test]
fn list_is_in_category_order() {
    let ranks: Vec<usize> = list()
        .iter()
        .map(|a| CATEGORIES.iter().position(|c| *c == a.category).unwrap())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
}

#[test]
fn typical_questions_find_the_right_article_first() {
    for (query, want) in [
        ("shadowban", "shadowban-risk"),
        ("engagement rate benchmark", "audit-scores"),
        ("download json instagram", "getting-client-data"),
        ("ollama local model", "ai-models"),
        ("keychain linux", "troubleshooting"),
        ("seats", "licences-and-seats"),
        ("backup", "backup-and-export"),
        ("what leaves my computer", "privacy"),
        ("too many hashtags", "hashtag-rules"),
        ("keyboard shortcuts", "keyboard-shortcuts"),
        ("beta channel", "updates"),
        ("white label logo", "branding-and-pdfs"),
        ("lead score", "reply-assistant"),
        ("calendar ics", "growth-plans"),
        ("reel ideas hooks", "content-drafts"),
        ("resume setup wizard", "first-run-setup"),
    ] {
        let hits = search(query);
        assert_eq!(
            hits.first().map(|h| h.id.as_str()),
            Some(want),
            "{query:?} → {:?}",
            hits.iter().map(|h| &h.id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_prefix_finds_the_article_while_typing() {
    let hits = search("shadowb");
    assert_eq!(hits[0].id, "shadowban-risk");
    assert_eq!(search("hasht")[0].id, "hashtag-rules");
}

#[test]
fn nonsense_and_empty_queries_find_nothing() {
    assert!(search("zzqxv").is_empty());
    assert!(search("").is_empty());
    assert!(search("   ").is_empty());
    assert!(search("the and of").is_empty());
}

#[test]
fn hits_carry_a_plain_snippet_around_the_match() {
    let hits = search("gnome keyring");
    let t = hits.iter().find(|h| h.id == "troubleshooting").unwrap();
    assert!(t.snippet.to_lowercase().contains("gnome"), "{}", t.snippet);
    assert!(t.snippet.chars().count() <= 170, "{}", t.snippet);
    assert!(
        !t.snippet.contains("**") && !t.snippet.contains("]("),
        "{}",
        t.snippet
    );
}

#[test]
fn raw_html_in_markdown_is_escaped() {
    let html = render_html("Hi <script>alert('x')</script> and <img src=x onerror=alert(1)>");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[test]
fn an_unknown_article_is_none() {
    assert!(article("nope").is_none());
}
