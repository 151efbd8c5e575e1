//! Text blocks: headings, paragraphs, bullet and numbered lists, key–value lists, callouts.
//! Everything but a heading splits across pages line by line (a list keeps an item's first two
//! lines together, a paragraph its first two lines).

use crate::canvas::TextStyle;
use crate::draw::baseline;
use crate::fonts::Face;
use crate::layout::Flow;
use crate::model::{Align, Tone};
use crate::theme::{self, BODY_LEADING, BODY_SIZE, INK, MUTED, RULE};

/// Space above a block that is not a heading.
pub(crate) const BLOCK_GAP: f32 = 10.0;

fn body() -> TextStyle {
    TextStyle::new(Face::Regular, BODY_SIZE, INK)
}

/// Draws one line of text in a line box whose top is the cursor, and moves the cursor down.
fn line_at(flow: &mut Flow, x: f32, style: TextStyle, leading: f32, text: &str) {
    let y = baseline(flow.fonts, style.face, style.size, flow.y, leading);
    flow.page().text(x, y, style, text);
    flow.y += leading;
}

pub(crate) fn heading(flow: &mut Flow, level: u8, text: &str, keep_with_next: f32) {
    let level = level.clamp(1, 3);
    let style = theme::heading_style(level);
    let colour = if level <= 2 {
        flow.theme.primary_text()
    } else {
        INK
    };
    let text_style = TextStyle::new(Face::Bold, style.size, colour);
    let lines = flow
        .fonts
        .wrap(Face::Bold, style.size, text, flow.content_width());
    let rule = if level == 1 { 6.0 } else { 0.0 };
    let height = lines.len() as f32 * style.leading + rule;

    flow.space(style.space_before);
    flow.ensure(height + style.space_after + keep_with_next);
    let x = flow.left();
    for line in &lines {
        line_at(flow, x, text_style, style.leading, line);
    }
    if level == 1 {
        // A short accent bar under a top-level heading.
        let y = flow.y + 2.0;
        let accent = flow.theme.accent;
        flow.page().fill_rect(x, y, 28.0, 2.4, accent);
        flow.y += rule;
    }
    flow.y += style.space_after;
    flow.tight = true;
}

pub(crate) fn paragraph(flow: &mut Flow, text: &str) {
    let lines = flow
        .fonts
        .wrap(Face::Regular, BODY_SIZE, text, flow.content_width());
    flow.space(BLOCK_GAP);
    // Never leave a single first line at the bottom of a page.
    flow.ensure(lines.len().min(2) as f32 * BODY_LEADING);
    let x = flow.left();
    for line in &lines {
        flow.ensure(BODY_LEADING);
        line_at(flow, x, body(), BODY_LEADING, line);
    }
}

pub(crate) fn list(flow: &mut Flow, items: &[String], numbered: bool) {
    if items.is_empty() {
        return;
    }
    let fonts = flow.fonts;
    let marker_style = TextStyle::new(
        if numbered { Face::Bold } else { Face::Regular },
        BODY_SIZE,
        flow.theme.primary_text(),
    );
    let marker_width = if numbered {
        fonts.width(Face::Bold, BODY_SIZE, &format!("{}.", items.len()))
    } else {
        fonts.width(Face::Regular, BODY_SIZE, "•")
    };
    let indent = marker_width + 9.0;
    let left = flow.left() + 2.0;
    let text_width = flow.content_width() - indent - 2.0;

    flow.space(BLOCK_GAP);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            flow.y += 3.0;
        }
        let lines = fonts.wrap(Face::Regular, BODY_SIZE, item, text_width);
        flow.ensure(lines.len().min(2) as f32 * BODY_LEADING);
        let marker = if numbered {
            format!("{}.", i + 1)
        } else {
            "•".to_string()
        };
        let y = baseline(fonts, Face::Regular, BODY_SIZE, flow.y, BODY_LEADING);
        flow.page()
            .text_aligned(left, marker_width, Align::Right, y, marker_style, &marker);
        for line in &lines {
            flow.ensure(BODY_LEADING);
            line_at(flow, left + indent, body(), BODY_LEADING, line);
        }
    }
}

pub(crate) fn key_values(flow: &mut Flow, pairs: &[(String, String)]) {
    if pairs.is_empty() {
        return;
    }
    let fonts = flow.fonts;
    let width = flow.content_width();
    let size = 9.5;
    let leading = 13.5;
    let pad = 5.0;
    let widest_key = pairs
        .iter()
        .map(|(k, _)| fonts.width(Face::Regular, size, k))
        .fold(0.0, f32::max);
    let key_width = (widest_key + 16.0).clamp(width * 0.25, width * 0.42);
    let key_style = TextStyle::new(Face::Regular, size, MUTED);
    let value_style = TextStyle::new(Face::Regular, size, INK);
    let left = flow.left();

    flow.space(BLOCK_GAP);
    for (i, (key, value)) in pairs.iter().enumerate() {
        let keys = fonts.wrap(Face::Regular, size, key, key_width - 12.0);
        let values = fonts.wrap(Face::Regular, size, value, width - key_width);
        let rows = keys.len().max(values.len());
        let height = rows as f32 * leading + 2.0 * pad;
        flow.ensure(height.min(flow.page_height()));
        if i == 0 || flow.at_top() {
            let y = flow.y;
            flow.page().line(left, y, left + width, y, 0.6, RULE);
        }
        let top = flow.y + pad;
        for row in 0..rows {
            let y = baseline(
                fonts,
                Face::Regular,
                size,
                top + row as f32 * leading,
                leading,
            );
            if y > flow.bottom() {
                break;
            }
            let page = flow.page();
            if let Some(k) = keys.get(row) {
                page.text(left, y, key_style, k);
            }
            if let Some(v) = values.get(row) {
                page.text(left + key_width, y, value_style, v);
            }
        }
        flow.y = (flow.y + height).min(flow.bottom());
        let y = flow.y;
        flow.page().line(left, y, left + width, y, 0.6, RULE);
    }
}

pub(crate) fn callout(flow: &mut Flow, tone: Tone, title: &str, text: &str) {
    let fonts = flow.fonts;
    let bar = 3.5;
    let pad = 10.0;
    let inner = flow.content_width() - bar - 2.0 * pad;
    let title_style = TextStyle::new(Face::Bold, BODY_SIZE, flow.theme.tone_colour(tone));
    let text_style = TextStyle::new(Face::Regular, 9.5, INK);
    let text_leading = 13.5;

    // (style, leading, text) per line; a little gap between title and text.
    let mut lines: Vec<(TextStyle, f32, String)> = Vec::new();
    if !title.trim().is_empty() {
        for l in fonts.wrap(Face::Bold, BODY_SIZE, title, inner) {
            lines.push((title_style, BODY_LEADING, l));
        }
    }
    if !text.trim().is_empty() {
        for l in fonts.wrap(Face::Regular, 9.5, text, inner) {
            lines.push((text_style, text_leading, l));
        }
    }
    if lines.is_empty() {
        return;
    }
    let background = flow.theme.tone_background(tone);
    let bar_colour = flow.theme.tone_colour(tone);
    let left = flow.left();
    let width = flow.content_width();

    flow.space(BLOCK_GAP);
    let total: f32 = lines.iter().map(|l| l.1).sum::<f32>() + 2.0 * pad;
    flow.ensure(total.min(flow.page_height()));
    let mut start = 0;
    while start < lines.len() {
        if start > 0 {
            flow.new_page();
        }
        // As many lines as fit on this page (at least one).
        let room = flow.remaining() - 2.0 * pad;
        let mut end = start;
        let mut used = 0.0;
        while end < lines.len() && (end == start || used + lines[end].1 <= room) {
            used += lines[end].1;
            end += 1;
        }
        let height = used + 2.0 * pad;
        let top = flow.y;
        let page = flow.page();
        page.fill_round_rect(left, top, width, height, 3.0, background);
        page.fill_rect(left, top, bar, height, bar_colour);
        flow.y = top + pad;
        for (style, leading, line) in &lines[start..end] {
            line_at(flow, left + bar + pad, *style, *leading, line);
        }
        flow.y = top + height;
        start = end;
    }
}
