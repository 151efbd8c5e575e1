//! The UI and the articles cannot drift apart: every `<HelpLink article="…">` in the UI names an
//! article that exists, and the keyboard-shortcuts article names every shortcut in
//! `ui/src/shortcuts.ts`.
use std::path::{Path, PathBuf};

fn ui_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src")
}

fn tsx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            tsx_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "tsx") {
            out.push(path);
        }
    }
}

/// The values of `name="…"` attributes in `text`.
fn attribute_values<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!("{name}=\"");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(&needle) {
        // Only a whole attribute name: `article="`, not `data-article="`.
        let before = rest[..i].chars().last();
        rest = &rest[i + needle.len()..];
        let Some(end) = rest.find('"') else { break };
        if before.is_some_and(|c| c.is_whitespace()) {
            out.push(&rest[..end]);
        }
        rest = &rest[end..];
    }
    out
}

#[test]
fn every_context_link_names_an_article() {
    let ids = instagrowth_help::ids();
    let mut files = Vec::new();
    tsx_files(&ui_src(), &mut files);
    let mut links = 0;
    for f in files {
        if f.components().any(|c| c.as_os_str() == "__tests__") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for id in attribute_values(&text, "article") {
            links += 1;
            assert!(
                ids.iter().any(|k| k == id),
                "{} links to help article {id:?}, which does not exist",
                f.display()
            );
        }
    }
    assert!(links >= 10, "only {links} context links found");
}

#[test]
fn the_shortcuts_article_names_every_shortcut() {
    let ts = std::fs::read_to_string(ui_src().join("shortcuts.ts")).unwrap();
    let keys: Vec<&str> = ts
        .split("keys: \"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(keys.len() >= 4, "{keys:?}");
    let article = instagrowth_help::markdown("keyboard-shortcuts").unwrap();
    for k in keys {
        assert!(
            article.contains(k),
            "ui/src/shortcuts.ts has {k} but the keyboard-shortcuts article does not"
        );
    }
}

#[test]
fn attribute_values_are_found() {
    assert_eq!(
        attribute_values(
            r#"<HelpLink article="a-b">x</HelpLink> data-article="no""#,
            "article"
        ),
        vec!["a-b"]
    );
}
