//! Posts, reels, stories and archived posts from the export's `content` (or `media`) files.
use instagrowth_model::{Metrics, ParsedPost, PostKind};
use serde_json::Value;

use super::json;
use crate::error::ImportResult;
use crate::text;

/// Which file a list of media came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    Posts,
    Reels,
    Stories,
    Archived,
}

/// The items of one content file. Items without a time are skipped with a warning.
pub fn parse(
    file: &str,
    v: &Value,
    feed: Feed,
    warnings: &mut Vec<String>,
    skipped: &mut u32,
) -> ImportResult<Vec<ParsedPost>> {
    let items = match feed {
        Feed::Posts => json::array(file, v, "")?,
        Feed::Reels => json::array(file, v, "ig_reels_media")?,
        Feed::Stories => json::array(file, v, "ig_stories")?,
        Feed::Archived => json::array(file, v, "ig_archived_post_media")?,
    };
    let mut out = Vec::new();
    let mut undated = json::Warnings::new(warnings);
    for (i, item) in items.iter().enumerate() {
        match post(file, item, feed)? {
            Some(p) => out.push(p),
            None => {
                *skipped += 1;
                undated.push(|| format!("{file}: item {} has no date and was skipped", i + 1));
            }
        }
    }
    undated.finish(|n| format!("{file}: {n} more items have no date and were skipped"));
    Ok(out)
}

fn post(file: &str, item: &Value, feed: Feed) -> ImportResult<Option<ParsedPost>> {
    if !item.is_object() {
        return Err(json::shape(
            file,
            format!("each item should be an object, found {}", json::kind(item)),
        ));
    }
    // Stories are flat ({uri, creation_timestamp, title}); the others wrap a "media" list.
    let media: Vec<&Value> = match item.get("media") {
        Some(Value::Array(m)) => m.iter().collect(),
        Some(other) => {
            return Err(json::shape(
                file,
                format!("\"media\" should be a list, found {}", json::kind(other)),
            ))
        }
        None => vec![item],
    };
    let Some(first) = media.first() else {
        return Ok(None);
    };
    let Some(published_at) = json::seconds(item, "creation_timestamp")
        .or_else(|| json::seconds(first, "creation_timestamp"))
    else {
        return Ok(None);
    };
    let caption = json::text(item, "title")
        .filter(|t| !t.is_empty())
        .or_else(|| json::text(first, "title"))
        .unwrap_or_default();
    let uri = json::text(first, "uri").unwrap_or_default();
    let is_video = is_video_uri(&uri) || first.pointer("/media_metadata/video_metadata").is_some();
    let kind = match feed {
        Feed::Stories => PostKind::Story,
        Feed::Reels => PostKind::Reel,
        Feed::Posts | Feed::Archived if media.len() > 1 => PostKind::Carousel,
        // Since 2022 a single video posted to the feed is a reel.
        Feed::Posts | Feed::Archived if is_video => PostKind::Reel,
        Feed::Posts | Feed::Archived => PostKind::Image,
    };
    let source_key = if uri.is_empty() {
        format!("ts:{published_at}")
    } else {
        uri
    };
    Ok(Some(ParsedPost {
        source_key,
        kind,
        published_at,
        hashtags: text::hashtags(&caption),
        mentions: text::mentions(&caption),
        caption,
        media_count: media.len() as u32,
        duration_secs: None,
        metrics: Metrics::default(),
        archived: feed == Feed::Archived,
    }))
}

fn is_video_uri(uri: &str) -> bool {
    let u = uri.to_lowercase();
    [".mp4", ".mov", ".m4v", ".webm"]
        .iter()
        .any(|e| u.ends_with(e))
}
