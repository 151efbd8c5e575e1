//! Content as CSV: one row per item, columns by kind, ready for a spreadsheet or a scheduler.
use instagrowth_content::{Item, Kind};

use super::ContentDraft;
use crate::error::{ApiError, ApiResult, ErrorCode};

fn header(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Reels => &[
            "title",
            "format",
            "length_secs",
            "hook",
            "concept",
            "beats",
            "on_screen_text",
            "caption_angle",
            "cta",
            "why",
        ],
        Kind::Hooks => &["hook", "formula"],
        Kind::Captions => &["length", "framework", "hook", "body", "cta", "caption"],
        Kind::Hashtags => &["tags", "tiers", "note"],
    }
}

fn row(item: &Item) -> Vec<String> {
    match item {
        Item::Reel(r) => vec![
            r.title.clone(),
            r.format.clone(),
            r.length_secs.to_string(),
            r.hook.clone(),
            r.concept.clone(),
            r.beats.join(" | "),
            r.on_screen_text.join(" | "),
            r.caption_angle.clone(),
            r.cta.clone(),
            r.why.clone(),
        ],
        Item::Hook(h) => vec![h.text.clone(), h.formula.as_str().to_string()],
        Item::Caption(c) => vec![
            format!("{:?}", c.length).to_lowercase(),
            c.framework.clone(),
            c.hook.clone(),
            c.body.clone(),
            c.cta.clone(),
            c.text.clone(),
        ],
        Item::Hashtags(s) => vec![s.tags.join(" "), s.tiers.join(" "), s.note.clone()],
    }
}

/// Items of one kind as CSV bytes (UTF-8, a header row).
pub fn items_csv(kind: Kind, items: &[Item]) -> ApiResult<Vec<u8>> {
    let fail = |e: csv::Error| ApiError::new(ErrorCode::Internal, format!("cannot write CSV: {e}"));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header(kind)).map_err(fail)?;
    for item in items {
        w.write_record(row(item)).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot write CSV: {e}")))
}

pub fn draft_csv(draft: &ContentDraft) -> ApiResult<Vec<u8>> {
    items_csv(draft.kind, &draft.items)
}
