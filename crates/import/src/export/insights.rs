//! `past_instagram_insights` (professional accounts): metrics per post, reel and story, joined
//! to the posts by media uri, then by time, then by caption.
use std::collections::{BTreeMap, HashMap};

use instagrowth_model::{Metrics, ParsedPost, PostKind};
use serde_json::Value;

use super::json;
use crate::error::ImportResult;
use crate::labels::{self, Metric};
use crate::text;

/// Labels that are not metrics and need no warning.
const NOT_METRICS: &[&str] = &[
    "media thumbnail",
    "upload timestamp",
    "caption",
    "creation timestamp",
    "created",
    "duration",
    "post type",
    "media type",
    "date",
    "uri",
    "title",
    "miniaturansicht",
    "medien miniaturansicht",
    "hochladezeitpunkt",
    "bildunterschrift",
    "miniatura",
    "marca de tiempo de subida",
    "pie de foto",
    "miniature",
    "horodatage de la publication",
    "légende",
    "carimbo de data hora do upload",
    "legenda",
    "timestamp di caricamento",
    "didascalia",
];

/// One insights entry before it is joined to a post.
struct Entry {
    uri: Option<String>,
    timestamp: Option<i64>,
    caption: Option<String>,
    metrics: Metrics,
}

/// Reads one insights file and merges its metrics into `posts`. Returns how many entries matched.
pub fn apply(
    file: &str,
    v: &Value,
    key: &str,
    kind: Option<PostKind>,
    posts: &mut [ParsedPost],
    unknown_labels: &mut BTreeMap<String, u32>,
    warnings: &mut Vec<String>,
) -> ImportResult<u32> {
    let items = json::array(file, v, key)?;
    let index = Index::new(posts);
    let mut matched = 0;
    let mut unmatched = json::Warnings::new(warnings);
    for item in items {
        let entry = entry(file, item, unknown_labels)?;
        if !entry.metrics.any() {
            continue;
        }
        match index.find(posts, &entry, kind) {
            Some(i) => {
                posts[i].metrics.merge_from(&entry.metrics);
                matched += 1;
            }
            None => unmatched.push(|| {
                format!(
                    "{file}: insights for a post that is not in the export ({}) were skipped",
                    entry
                        .timestamp
                        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                        .map(|d| format!("posted {}", d.format("%Y-%m-%d %H:%M UTC")))
                        .unwrap_or_else(|| "no date".into())
                )
            }),
        }
    }
    unmatched.finish(|n| {
        format!("{file}: insights for {n} more posts that are not in the export were skipped")
    });
    Ok(matched)
}

fn entry(
    file: &str,
    item: &Value,
    unknown_labels: &mut BTreeMap<String, u32>,
) -> ImportResult<Entry> {
    let thumb = item
        .get("media_map_data")
        .and_then(|m| m.as_object())
        .and_then(|m| m.values().next());
    let mut e = Entry {
        uri: thumb.and_then(|t| json::text(t, "uri")),
        timestamp: thumb.and_then(|t| json::seconds(t, "creation_timestamp")),
        caption: thumb
            .and_then(|t| json::text(t, "title"))
            .filter(|c| !c.is_empty()),
        metrics: Metrics::default(),
    };
    let Some(map) = item.get("string_map_data") else {
        return Ok(e);
    };
    let Some(map) = map.as_object() else {
        return Err(json::shape(
            file,
            format!(
                "\"string_map_data\" should be an object, found {}",
                json::kind(map)
            ),
        ));
    };
    for (label, cell) in map {
        let label = text::repair_mojibake(label);
        if let Some(ts) = json::seconds(cell, "timestamp") {
            e.timestamp.get_or_insert(ts);
        }
        let value = json::text(cell, "value");
        match labels::metric(&label) {
            Some(m) => set(
                &mut e.metrics,
                m,
                value.as_deref().and_then(text::parse_count),
            ),
            None => {
                let n = labels::normalise(&label);
                if NOT_METRICS.contains(&n.as_str()) {
                    if n.contains("caption")
                        || n.contains("legend")
                        || n.contains("bildunterschrift")
                        || n.contains("didascalia")
                        || n.contains("pie de foto")
                    {
                        e.caption = e.caption.or(value.filter(|c| !c.is_empty()));
                    }
                } else {
                    *unknown_labels.entry(label).or_default() += 1;
                }
            }
        }
    }
    Ok(e)
}

fn set(m: &mut Metrics, which: Metric, value: Option<i64>) {
    if value.is_some() {
        *which.slot(m) = value;
    }
}

/// The posts by uri, by second and by caption: joining 10,000 entries stays linear.
struct Index {
    by_uri: HashMap<String, usize>,
    by_time: BTreeMap<i64, Vec<usize>>,
    by_caption: HashMap<String, Vec<usize>>,
}

impl Index {
    fn new(posts: &[ParsedPost]) -> Self {
        let mut index = Index {
            by_uri: HashMap::new(),
            by_time: BTreeMap::new(),
            by_caption: HashMap::new(),
        };
        for (i, p) in posts.iter().enumerate() {
            index.by_uri.entry(p.source_key.clone()).or_insert(i);
            index.by_time.entry(p.published_at).or_default().push(i);
            if !p.caption.is_empty() {
                index
                    .by_caption
                    .entry(p.caption.clone())
                    .or_default()
                    .push(i);
            }
        }
        index
    }

    /// By media uri; else the one post within 2 s of the entry's time (of the file's kind, when
    /// it has one; the caption decides between several); else the one post with the same caption.
    fn find(&self, posts: &[ParsedPost], e: &Entry, kind: Option<PostKind>) -> Option<usize> {
        if let Some(&i) = e.uri.as_ref().and_then(|u| self.by_uri.get(u)) {
            return Some(i);
        }
        if let Some(ts) = e.timestamp {
            let close: Vec<usize> = self
                .by_time
                .range(ts.saturating_sub(2)..=ts.saturating_add(2))
                .flat_map(|(_, v)| v.iter().copied())
                .filter(|&i| kind.is_none_or(|k| posts[i].kind == k))
                .collect();
            if close.len() == 1 {
                return Some(close[0]);
            }
            if let Some(c) = &e.caption {
                if let Some(&i) = close.iter().find(|&&i| &posts[i].caption == c) {
                    return Some(i);
                }
            }
        }
        match self.by_caption.get(e.caption.as_ref()?) {
            Some(same) if same.len() == 1 => Some(same[0]),
            _ => None,
        }
    }
}
