//! The rules every drafted item keeps, whoever wrote it: the offline engine checks its own
//! drafts with them, and the AI path will check model answers with them.
use std::collections::BTreeSet;

use crate::grounding::{norm, tag_set_key, Avoid};
use crate::hashtags::check_hashtag_set;
use crate::model::{Draft, Formula, Grounding, Item, Kind, Request};
use crate::template::has_unfilled;

/// One item on its own: no empty main text, no unfilled `{placeholder}`, and for hashtag sets 3–5
/// valid non-generic tags with a known tier each.
pub fn check_item(item: &Item) -> Result<(), String> {
    let main = item.main_text();
    if main.trim().is_empty() {
        return Err("an item has no text".into());
    }
    for text in texts(item) {
        if has_unfilled(text) {
            return Err(format!("“{text}” has an unfilled placeholder"));
        }
    }
    if let Item::Hashtags(s) = item {
        if !(3..=5).contains(&s.tags.len()) {
            return Err(format!(
                "a hashtag set needs 3 to 5 tags, not {}",
                s.tags.len()
            ));
        }
        check_hashtag_set(&s.tags)?;
        if s.tiers.len() != s.tags.len()
            || s.tiers
                .iter()
                .any(|t| !["broad", "mid", "niche"].contains(&t.as_str()))
        {
            return Err("each tag needs a tier: broad, mid or niche".into());
        }
    }
    Ok(())
}

/// A whole draft against its request and grounding: the count, the kind, every item, no
/// duplicates, nothing from `avoid`, consecutive hashtag sets sharing at most 2 tags, and no
/// digit in a statistic hook that the request or grounding did not supply.
pub fn check_draft(d: &Draft, g: &Grounding, r: &Request) -> Result<(), String> {
    if d.items.len() != r.count as usize {
        return Err(format!("{} items, not {}", d.items.len(), r.count));
    }
    let avoid = Avoid::new(&g.avoid);
    let source = source_text(g, r);
    let mut seen = BTreeSet::new();
    let mut last_tags: Option<BTreeSet<String>> = None;
    for item in &d.items {
        if kind_of(item) != d.kind {
            return Err(format!(
                "a {} item in a draft of {}",
                kind_of(item).as_str(),
                d.kind.as_str()
            ));
        }
        check_item(item)?;
        let main = item.main_text();
        let key = match item {
            Item::Hashtags(_) => tag_set_key(&main).join(" "),
            _ => norm(&main),
        };
        if !seen.insert(key) {
            return Err(format!("“{main}” is there twice"));
        }
        let avoided = match item {
            Item::Hashtags(s) => avoid.tags(&s.tags),
            _ => avoid.text(&main),
        };
        if avoided {
            return Err(format!("“{main}” was already used"));
        }
        if let Item::Hook(h) = item {
            if h.formula == Formula::Statistic && !digits_grounded(&h.text, &source) {
                return Err(format!(
                    "“{}” has a number the client's data did not give",
                    h.text
                ));
            }
        }
        if let Item::Hashtags(s) = item {
            let tags: BTreeSet<String> = s.tags.iter().cloned().collect();
            if let Some(last) = &last_tags {
                if last.intersection(&tags).count() > 2 {
                    return Err("two consecutive hashtag sets share more than 2 tags".into());
                }
            }
            last_tags = Some(tags);
        }
    }
    Ok(())
}

/// Whether every run of digits in `text` also appears in `source`.
pub fn digits_grounded(text: &str, source: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .all(|run| source.contains(run))
}

/// The request's and grounding's own text: where a number in a draft may come from.
pub fn source_text(g: &Grounding, r: &Request) -> String {
    let mut s = format!(
        "{} {} {} {} {} {} {}",
        r.topic.as_deref().unwrap_or(""),
        g.client_name,
        g.handle,
        g.niche,
        g.goals,
        g.audience,
        g.brand_voice
    );
    for t in g.pillars.iter().chain(&g.findings) {
        s.push(' ');
        s.push_str(t);
    }
    for p in g.top_posts.iter().chain(&g.bottom_posts) {
        s.push(' ');
        s.push_str(&p.caption);
    }
    s
}

fn kind_of(item: &Item) -> Kind {
    match item {
        Item::Reel(_) => Kind::Reels,
        Item::Hook(_) => Kind::Hooks,
        Item::Caption(_) => Kind::Captions,
        Item::Hashtags(_) => Kind::Hashtags,
    }
}

fn texts(item: &Item) -> Vec<&str> {
    match item {
        Item::Reel(r) => [
            &r.title,
            &r.concept,
            &r.hook,
            &r.caption_angle,
            &r.cta,
            &r.why,
        ]
        .into_iter()
        .map(String::as_str)
        .chain(r.beats.iter().chain(&r.on_screen_text).map(String::as_str))
        .collect(),
        Item::Hook(h) => vec![&h.text],
        Item::Caption(c) => vec![&c.text, &c.hook, &c.body, &c.cta],
        Item::Hashtags(s) => std::iter::once(s.note.as_str())
            .chain(s.tags.iter().map(String::as_str))
            .collect(),
    }
}
