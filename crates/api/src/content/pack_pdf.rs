//! A content pack as the agency's branded PDF: the drafted (or saved) items, one block each.
use instagrowth_content::{CaptionLength, Item, Kind};
use instagrowth_pdf::{Block, Document, Tone};

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

fn title(kind: Kind) -> &'static str {
    match kind {
        Kind::Reels => "Reel ideas",
        Kind::Hooks => "Hooks",
        Kind::Captions => "Captions",
        Kind::Hashtags => "Hashtag sets",
    }
}

fn blocks(kind: Kind, topic: Option<&str>, items: &[Item]) -> Vec<Block> {
    let mut out = vec![Block::Heading {
        level: 1,
        text: match topic {
            Some(t) => format!("{} · {t}", title(kind)),
            None => title(kind).to_string(),
        },
    }];
    match kind {
        Kind::Hooks => out.push(Block::Numbered(
            items
                .iter()
                .filter_map(|i| match i {
                    Item::Hook(h) => Some(format!(
                        "{}  ({})",
                        h.text,
                        h.formula.as_str().replace('_', " ")
                    )),
                    _ => None,
                })
                .collect(),
        )),
        Kind::Hashtags => out.push(Block::Numbered(
            items
                .iter()
                .filter_map(|i| match i {
                    Item::Hashtags(s) => Some(if s.note.is_empty() {
                        s.tags.join(" ")
                    } else {
                        format!("{}\n{}", s.tags.join(" "), s.note)
                    }),
                    _ => None,
                })
                .collect(),
        )),
        _ => {
            for (n, item) in items.iter().enumerate() {
                match item {
                    Item::Reel(r) => {
                        out.push(Block::Heading {
                            level: 2,
                            text: format!("{}. {}", n + 1, r.title),
                        });
                        out.push(Block::KeyValues(vec![
                            (
                                "Format".into(),
                                format!("{} · about {} s", r.format, r.length_secs),
                            ),
                            ("Hook".into(), r.hook.clone()),
                            ("Concept".into(), r.concept.clone()),
                            ("Caption angle".into(), r.caption_angle.clone()),
                            ("Call to action".into(), r.cta.clone()),
                        ]));
                        out.push(Block::Numbered(r.beats.clone()));
                        if !r.on_screen_text.is_empty() {
                            out.push(Block::Bullets(
                                r.on_screen_text
                                    .iter()
                                    .map(|t| format!("On screen: {t}"))
                                    .collect(),
                            ));
                        }
                        out.push(Block::Callout {
                            tone: Tone::Info,
                            title: "Why it suits this account".into(),
                            text: r.why.clone(),
                        });
                    }
                    Item::Caption(c) => {
                        let len = match c.length {
                            CaptionLength::Short => "short",
                            CaptionLength::Medium => "medium",
                            CaptionLength::Long => "long",
                        };
                        out.push(Block::Heading {
                            level: 3,
                            text: format!("{}. {} caption · {}", n + 1, len, c.framework),
                        });
                        out.push(Block::Paragraph(c.text.clone()));
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

/// The pack's PDF bytes.
pub async fn pack_pdf(
    ws: &Workspace,
    client: &str,
    kind: Kind,
    topic: Option<&str>,
    items: &[Item],
) -> ApiResult<Vec<u8>> {
    let client = crate::clients::show(ws, client).await?;
    let doc = Document {
        title: format!("Content pack: {}", title(kind).to_lowercase()),
        client_name: client.name,
        client_handle: client.handle,
        date: crate::report_format::long_date(&chrono::Utc::now().date_naive().to_string()),
        branding: crate::audit::pdf_branding(ws).await?,
        blocks: blocks(kind, topic, items),
    };
    instagrowth_pdf::render(&doc).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("the PDF could not be made: {e}"),
        )
    })
}
