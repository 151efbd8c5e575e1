//! The agency's own reply templates: `{variable}` filling, and first names from authors.
//!
//! # Variables
//! `{first_name}`, `{username}`, `{brand}`, `{sign_off}`, `{link}`, `{post}` ([`TEMPLATE_VARIABLES`];
//! spaces inside the braces are allowed, `{ brand }`). Braces are for variables only: a `{` never
//! closed or a `}` never opened is an error, and so is an unknown name, so a typo shows when the
//! template is saved, not in a reply. Filling is one pass: a value holding braces is never filled
//! again.
//!
//! When the first name is not known, `{first_name}` becomes the username with its `@`
//! ("@glowfan"), or "there" without one ("Hi there!"). Other empty values leave nothing; the
//! doubled spaces that leaves are collapsed (also before `,` `.` `!` `?`), and the result is
//! trimmed.
use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::error::RepliesError;
use crate::model::TemplateVars;
use crate::text::fold;

/// The variables a template may use.
pub const TEMPLATE_VARIABLES: [&str; 6] = [
    "first_name",
    "username",
    "brand",
    "sign_off",
    "link",
    "post",
];

const FIRST_NAMES: &str = include_str!("../lexicon/first_names.txt");

/// Words that make a display name a business, not a person ("Glow Studio").
const BUSINESS_WORDS: [&str; 40] = [
    "studio",
    "shop",
    "store",
    "boutique",
    "official",
    "salon",
    "beauty",
    "cafe",
    "bakery",
    "fitness",
    "agency",
    "media",
    "design",
    "co",
    "company",
    "brand",
    "team",
    "club",
    "nails",
    "hair",
    "skin",
    "skincare",
    "lab",
    "labs",
    "gym",
    "spa",
    "clinic",
    "kitchen",
    "market",
    "collective",
    "store",
    "atelier",
    "tienda",
    "estudio",
    "laden",
    "boutik",
    "negozio",
    "loja",
    "the",
    "by",
];

/// One {variable} or literal run of a template.
enum Part<'a> {
    Text(&'a str),
    Var(&'a str),
}

fn parts(body: &str) -> Result<Vec<Part<'_>>, RepliesError> {
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let open = rest.find('{');
        let close = rest.find('}');
        match (open, close) {
            (None, None) => {
                if !rest.is_empty() {
                    out.push(Part::Text(rest));
                }
                return Ok(out);
            }
            (_, Some(c)) if open.is_none_or(|o| c < o) => {
                return Err(RepliesError::StrayClosingBrace)
            }
            (Some(o), _) => {
                let after = &rest[o + 1..];
                let end = after.find('}').ok_or(RepliesError::UnclosedBrace)?;
                if after[..end].contains('{') {
                    return Err(RepliesError::UnclosedBrace);
                }
                if o > 0 {
                    out.push(Part::Text(&rest[..o]));
                }
                let name = after[..end].trim();
                if !TEMPLATE_VARIABLES.contains(&name) {
                    return Err(RepliesError::UnknownVariable(name.to_string()));
                }
                out.push(Part::Var(name));
                rest = &after[end + 1..];
            }
            (None, Some(_)) => return Err(RepliesError::StrayClosingBrace),
        }
    }
}

/// Checks a template: not empty, braces balanced, only known variables.
pub fn check_template(body: &str) -> Result<(), RepliesError> {
    if body.trim().is_empty() {
        return Err(RepliesError::EmptyTemplate);
    }
    parts(body).map(|_| ())
}

/// Fills a template (see the module doc for empty values).
pub fn render_template(body: &str, vars: &TemplateVars) -> Result<String, RepliesError> {
    check_template(body)?;
    let mut out = String::with_capacity(body.len() + 32);
    for p in parts(body)? {
        match p {
            Part::Text(t) => out.push_str(t),
            Part::Var(name) => out.push_str(&value(name, vars)),
        }
    }
    Ok(tidy(&out))
}

fn value(name: &str, v: &TemplateVars) -> String {
    let username = v.username.trim().trim_start_matches('@');
    match name {
        "first_name" => match v.first_name.as_deref().map(str::trim) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ if !username.is_empty() => format!("@{username}"),
            _ => "there".to_string(),
        },
        "username" => {
            if username.is_empty() {
                String::new()
            } else {
                format!("@{username}")
            }
        }
        "brand" => v.brand.trim().to_string(),
        "sign_off" => v.sign_off.trim().to_string(),
        "link" => v.link.trim().to_string(),
        "post" => v.post.trim().to_string(),
        _ => String::new(),
    }
}

/// Collapses runs of spaces within each line, drops a space before `, . ! ?`, trims.
pub(crate) fn tidy(s: &str) -> String {
    let lines: Vec<String> = s
        .split('\n')
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            for c in line.chars() {
                if c == ' ' && (out.ends_with(' ') || out.is_empty()) {
                    continue;
                }
                if matches!(c, ',' | '.' | '!' | '?') && out.ends_with(' ') {
                    out.pop();
                }
                out.push(c);
            }
            out.trim_end().to_string()
        })
        .collect();
    lines.join("\n").trim().to_string()
}

/// Collapses runs of spaces within each line and trims: for drafts, where a space before `!` is
/// French typography, not a gap.
pub(crate) fn tidy_spaces(s: &str) -> String {
    let lines: Vec<String> = s
        .split('\n')
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            for c in line.chars() {
                if c == ' ' && (out.ends_with(' ') || out.is_empty()) {
                    continue;
                }
                out.push(c);
            }
            out.trim_end().to_string()
        })
        .collect();
    lines.join("\n").trim().to_string()
}

fn first_names() -> &'static BTreeSet<String> {
    static NAMES: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
        FIRST_NAMES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold)
            .collect()
    });
    &NAMES
}

/// Whether `word` is a first name we know (any case, accents folded).
pub(crate) fn is_first_name(word: &str) -> bool {
    first_names().contains(&fold(word))
}

/// The first name in an author: "Maria Lopez" → "Maria"; a username whose first word (split on
/// `.`, `_`, `-` and digits) is a known first name → that name: "maria.lopez", "maria_lopez92"
/// → "Maria", and so is a name followed by an `s` and a word ("mariaslife"). "glowstudio",
/// "Glow Studio" → `None`. Capitalised when written all in one case.
pub fn first_name(author: &str) -> Option<String> {
    let author = author.trim().trim_start_matches('@');
    if author.contains(char::is_whitespace) {
        // A display name: the first word, unless it reads as a business.
        let words: Vec<&str> = author.split_whitespace().collect();
        let first = words[0];
        let letters = first
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        let business = words.iter().any(|w| {
            BUSINESS_WORDS.contains(&fold(w).trim_matches(|c: char| !c.is_alphanumeric()))
        });
        if letters && first.chars().count() >= 2 && words.len() <= 4 && !business {
            return Some(capitalise(first));
        }
        return None;
    }
    let token: String = author
        .split(|c: char| c == '.' || c == '_' || c == '-' || c.is_ascii_digit())
        .find(|t| !t.is_empty())?
        .to_string();
    if !token.chars().all(char::is_alphabetic) || token.chars().count() < 2 {
        return None;
    }
    if is_first_name(&token) {
        return Some(capitalise(&token));
    }
    // "mariaslife", "annasworld": a name of four letters or more, an "s", and a word.
    let lower = token.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    for cut in (4..chars.len().saturating_sub(3)).rev() {
        let name: String = chars[..cut].iter().collect();
        if chars[cut] == 's' && is_first_name(&name) {
            let original: String = token.chars().take(cut).collect();
            return Some(capitalise(&original));
        }
    }
    None
}

/// "maria" → "Maria", "MARIA" → "Maria", "McKenzie" stays.
fn capitalise(s: &str) -> String {
    let one_case = s == s.to_lowercase() || s == s.to_uppercase();
    if !one_case {
        return s.to_string();
    }
    let lower = s.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> TemplateVars {
        TemplateVars {
            first_name: Some("Maria".into()),
            username: "maria.lopez".into(),
            brand: "Glow Studio".into(),
            sign_off: "— Ana".into(),
            link: "glowstudio.com/book".into(),
            post: String::new(),
        }
    }

    #[test]
    fn renders_every_variable_once() {
        let got = render_template(
            "Hi {first_name} ({username})! Book at {link}, love from {brand} {post}.\n{ sign_off }",
            &vars(),
        )
        .unwrap();
        assert_eq!(
            got,
            "Hi Maria (@maria.lopez)! Book at glowstudio.com/book, love from Glow Studio.\n— Ana"
        );
        let tricky = TemplateVars {
            brand: "{link}".into(),
            ..vars()
        };
        assert_eq!(render_template("{brand}", &tricky).unwrap(), "{link}");
    }

    #[test]
    fn first_name_falls_back_to_username_then_there() {
        let v = TemplateVars {
            first_name: None,
            ..vars()
        };
        assert_eq!(
            render_template("Hi {first_name}!", &v).unwrap(),
            "Hi @maria.lopez!"
        );
        let v = TemplateVars {
            first_name: Some("  ".into()),
            username: String::new(),
            ..vars()
        };
        assert_eq!(
            render_template("Hi {first_name}!", &v).unwrap(),
            "Hi there!"
        );
        assert_eq!(
            render_template("Thanks {username} !", &v).unwrap(),
            "Thanks!"
        );
    }

    #[test]
    fn template_errors() {
        assert_eq!(check_template("  "), Err(RepliesError::EmptyTemplate));
        assert_eq!(
            check_template("Hi {frist_name}"),
            Err(RepliesError::UnknownVariable("frist_name".into()))
        );
        assert_eq!(
            check_template("Hi {first_name"),
            Err(RepliesError::UnclosedBrace)
        );
        assert_eq!(
            check_template("Hi {first_{name}}"),
            Err(RepliesError::UnclosedBrace)
        );
        assert_eq!(
            check_template("Hi first_name}"),
            Err(RepliesError::StrayClosingBrace)
        );
        assert_eq!(
            check_template("} {brand}"),
            Err(RepliesError::StrayClosingBrace)
        );
        assert_eq!(
            check_template("{}"),
            Err(RepliesError::UnknownVariable(String::new()))
        );
        assert!(check_template("Thanks, {brand} team").is_ok());
        assert!(render_template("{nope}", &vars()).is_err());
    }

    #[test]
    fn first_names_from_authors() {
        for (author, want) in [
            ("Maria Lopez", Some("Maria")),
            ("maria.lopez", Some("Maria")),
            ("maria_lopez92", Some("Maria")),
            ("@maria_lopez92", Some("Maria")),
            ("mariaslife", Some("Maria")),
            ("MARIA LOPEZ", Some("Maria")),
            ("jörg.m", Some("Jörg")),
            ("92_joao_silva", Some("Joao")),
            ("glowstudio", None),
            ("Glow Studio", None),
            ("the_glow_shop", None),
            ("xx_99", None),
            ("", None),
            ("dancewithme", None),
            ("Léa Martin", Some("Léa")),
            ("giulia.r", Some("Giulia")),
        ] {
            assert_eq!(first_name(author).as_deref(), want, "{author}");
        }
    }
}
