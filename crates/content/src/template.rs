//! `{placeholder}` filling. One pass, left to right: a filled-in value is never expanded again,
//! so a client's text containing braces cannot pull in library text.

/// The placeholders library templates may use.
pub(crate) const PLACEHOLDERS: [&str; 7] = [
    "topic", "audience", "niche", "result", "number", "keyword", "brand",
];

/// The values for one item.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vars {
    pub topic: String,
    pub audience: String,
    pub niche: String,
    pub result: String,
    pub number: String,
    pub keyword: String,
    pub brand: String,
}

impl Vars {
    fn get(&self, name: &str) -> Option<&str> {
        Some(match name {
            "topic" => &self.topic,
            "audience" => &self.audience,
            "niche" => &self.niche,
            "result" => &self.result,
            "number" => &self.number,
            "keyword" => &self.keyword,
            "brand" => &self.brand,
            _ => return None,
        })
    }
}

/// The names of the `{name}` placeholders in `s`, in order.
pub(crate) fn placeholders(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    out.push(name);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// Whether `s` still holds a library placeholder (`{topic}`…).
pub(crate) fn has_unfilled(s: &str) -> bool {
    placeholders(s).iter().any(|p| PLACEHOLDERS.contains(p))
}

/// Fills `template`; unknown `{names}` are left as they are (the library tests forbid them). A
/// value that starts the text or a sentence gets a capital letter.
pub(crate) fn fill(template: &str, vars: &Vars) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| vars.get(&after[..close]).map(|v| (v, close)))
        {
            Some((value, close)) => {
                // A value that starts a sentence starts with a capital.
                let starts_sentence = out.trim_end().is_empty()
                    || (out.ends_with(' ') && out.trim_end().ends_with(['.', '?', '!', ':']))
                    || out.ends_with('\n');
                if starts_sentence && !out.trim_end().ends_with(':') {
                    out.push_str(&capitalise_first(value));
                } else {
                    out.push_str(value);
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    capitalise_first(&out)
}

/// Upper-cases the first letter (a template may start with `{topic}`).
pub(crate) fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

/// Lower-cases the first letter of a phrase that goes mid-sentence ("Busy parents" → "busy
/// parents"), unless the first word is an acronym or a name in capitals ("UK parents").
pub(crate) fn mid_sentence(s: &str) -> String {
    let s = s.trim();
    let first_word: &str = s.split_whitespace().next().unwrap_or("");
    let caps = first_word.chars().filter(|c| c.is_uppercase()).count();
    if caps > 1 {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => c.to_lowercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_once_and_capitalises() {
        let vars = Vars {
            topic: "retinol {audience}".into(),
            audience: "beginners".into(),
            ..Vars::default()
        };
        assert_eq!(
            fill("{topic} for {audience}", &vars),
            "Retinol {audience} for beginners"
        );
        assert_eq!(fill("a {b} c", &vars), "A {b} c");
        assert_eq!(
            fill("Wait. {audience} first", &vars),
            "Wait. Beginners first"
        );
        assert_eq!(fill("Note: {audience}", &vars), "Note: beginners");
        assert!(has_unfilled("x {topic}"));
        assert!(!has_unfilled("x {other}"));
    }

    #[test]
    fn mid_sentence_keeps_acronyms() {
        assert_eq!(mid_sentence("Busy parents"), "busy parents");
        assert_eq!(mid_sentence("UK founders"), "UK founders");
    }
}
