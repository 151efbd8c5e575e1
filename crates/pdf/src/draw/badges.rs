//! Score cards: a row of equal cards (up to four a row, more rows as needed), each with a tone
//! bar, a label, a big value and a caption. A row never splits.

use crate::canvas::TextStyle;
use crate::draw::text::BLOCK_GAP;
use crate::draw::{baseline, cap_height};
use crate::fonts::Face;
use crate::layout::Flow;
use crate::model::{Align, Badge};
use crate::theme::{INK, MUTED};

/// The height of a card row without a caption; what a heading keeps with it.
pub(crate) const ROW_MIN_HEIGHT: f32 = PAD + BAR + LABEL_LEADING + VALUE_LEADING + PAD;

const GAP: f32 = 10.0;
const PAD: f32 = 10.0;
const BAR: f32 = 3.0;
const LABEL_SIZE: f32 = 8.0;
const LABEL_LEADING: f32 = 12.0;
const VALUE_SIZE: f32 = 20.0;
const VALUE_LEADING: f32 = 28.0;
const CAPTION_SIZE: f32 = 7.8;
const CAPTION_LEADING: f32 = 10.5;
const MAX_CAPTION_LINES: usize = 3;

fn per_row(count: usize) -> usize {
    match count {
        0..=4 => count.max(1),
        5 | 6 | 9 => 3,
        _ => 4,
    }
}

pub(crate) fn badges(flow: &mut Flow, badges: &[Badge]) {
    if badges.is_empty() {
        return;
    }
    let fonts = flow.fonts;
    let columns = per_row(badges.len());
    let card_width = (flow.content_width() - GAP * (columns - 1) as f32) / columns as f32;
    let inner = card_width - 2.0 * PAD;

    flow.space(BLOCK_GAP);
    for (r, row) in badges.chunks(columns).enumerate() {
        let captions: Vec<Vec<String>> = row
            .iter()
            .map(|b| {
                let mut lines = fonts.wrap(Face::Regular, CAPTION_SIZE, &b.caption, inner);
                if lines.len() > MAX_CAPTION_LINES {
                    lines.truncate(MAX_CAPTION_LINES);
                    let last = lines.pop().unwrap_or_default();
                    let text = format!("{last}…");
                    lines.push(fonts.ellipsize(Face::Regular, CAPTION_SIZE, &text, inner));
                }
                lines.retain(|l| !l.is_empty());
                lines
            })
            .collect();
        let caption_lines = captions.iter().map(Vec::len).max().unwrap_or(0);
        let height = ROW_MIN_HEIGHT + caption_lines as f32 * CAPTION_LEADING;
        if r > 0 {
            flow.y += GAP;
        }
        flow.ensure(height);
        let top = flow.y;
        for (i, (badge, caption)) in row.iter().zip(&captions).enumerate() {
            let x = flow.left() + i as f32 * (card_width + GAP);
            card(flow, badge, caption, x, top, card_width, height);
        }
        flow.y = top + height;
    }
}

fn card(flow: &mut Flow, badge: &Badge, caption: &[String], x: f32, top: f32, w: f32, h: f32) {
    let fonts = flow.fonts;
    let theme = &flow.theme;
    let tone_colour = theme.tone_colour(badge.tone);
    let background = theme.tone_background(badge.tone);
    let inner = w - 2.0 * PAD;
    let label = fonts.ellipsize(Face::Bold, LABEL_SIZE, &badge.label, inner);
    let mut value_size = VALUE_SIZE;
    while value_size > 10.0 && fonts.width(Face::Bold, value_size, &badge.value) > inner {
        value_size -= 1.0;
    }
    let value = fonts.ellipsize(Face::Bold, value_size, &badge.value, inner);

    let page = flow.page();
    page.fill_rect(x, top, w, h, background);
    page.fill_rect(x, top, w, BAR, tone_colour);
    let mut y = top + BAR + PAD;
    let label_style = TextStyle::new(Face::Bold, LABEL_SIZE, MUTED);
    let base = baseline(fonts, Face::Bold, LABEL_SIZE, y, LABEL_LEADING);
    page.text_aligned(x + PAD, inner, Align::Left, base, label_style, &label);
    y += LABEL_LEADING;
    // The value sits on a fixed baseline, whatever its size.
    let base = y + (VALUE_LEADING + cap_height(VALUE_SIZE)) / 2.0;
    page.text(
        x + PAD,
        base,
        TextStyle::new(Face::Bold, value_size, tone_colour),
        &value,
    );
    y += VALUE_LEADING;
    let caption_style = TextStyle::new(Face::Regular, CAPTION_SIZE, INK);
    for line in caption {
        let base = baseline(fonts, Face::Regular, CAPTION_SIZE, y, CAPTION_LEADING);
        page.text(x + PAD, base, caption_style, line);
        y += CAPTION_LEADING;
    }
}
