//! What surrounds the content, drawn once the page count is known: the running header (agency
//! left, client handle right, a thin rule), the footer ("Page x of y", the InstaGrowth mark unless
//! white-labelled, the contact line on the cover and the last page) and the watermark.

use crate::canvas::{Canvas, TextStyle};
use crate::fonts::Face;
use crate::model::{Align, Document};
use crate::theme::{Theme, INK, MARGIN_X, MUTED, RULE};

/// The mark shown in the footer of documents that are not white-labelled.
pub(crate) const MARK: &str = "Made with InstaGrowth OS";

const HEADER_BASELINE: f32 = 36.0;
const HEADER_RULE: f32 = 44.0;
const FOOTER_SIZE: f32 = 7.6;
/// Distance from the bottom edge.
const FOOTER_RULE: f32 = 44.0;
const FOOTER_BASELINE: f32 = 30.0;

/// Draws the header and footer of page `index` (0 = cover) of `total`, then the watermark.
pub(crate) fn draw(page: &mut Canvas, doc: &Document, theme: &Theme, index: usize, total: usize) {
    let is_cover = index == 0;
    let is_last = index + 1 == total;
    if !is_cover {
        header(page, doc, theme);
    }
    footer(page, doc, index, total, is_cover, is_last);
    if let Some(text) = doc.branding.watermark.as_deref() {
        watermark(page, text);
    }
}

fn header(page: &mut Canvas, doc: &Document, theme: &Theme) {
    let fonts = page.fonts;
    let inner = page.width - 2.0 * MARGIN_X;
    let handle = doc.client_handle.trim().trim_start_matches('@');
    let handle_style = TextStyle::new(Face::Regular, 8.0, MUTED);
    let handle_text = if handle.is_empty() {
        doc.client_name.clone()
    } else {
        format!("@{handle}")
    };
    let handle_text = fonts.ellipsize(Face::Regular, 8.0, &handle_text, inner * 0.4);
    let handle_width = page.measure(handle_style, &handle_text);
    let agency_style = TextStyle::new(Face::Bold, 8.0, theme.primary_text());
    let agency = fonts.ellipsize(
        Face::Bold,
        8.0,
        &doc.branding.agency_name,
        inner - handle_width - 16.0,
    );
    page.text(MARGIN_X, HEADER_BASELINE, agency_style, &agency);
    page.text_aligned(
        MARGIN_X,
        inner,
        Align::Right,
        HEADER_BASELINE,
        handle_style,
        &handle_text,
    );
    page.line(
        MARGIN_X,
        HEADER_RULE,
        MARGIN_X + inner,
        HEADER_RULE,
        0.5,
        RULE,
    );
    page.line(
        MARGIN_X,
        HEADER_RULE,
        MARGIN_X + 28.0,
        HEADER_RULE,
        1.2,
        theme.primary,
    );
}

fn footer(
    page: &mut Canvas,
    doc: &Document,
    index: usize,
    total: usize,
    is_cover: bool,
    is_last: bool,
) {
    let fonts = page.fonts;
    let inner = page.width - 2.0 * MARGIN_X;
    let rule_y = page.height - FOOTER_RULE;
    let base = page.height - FOOTER_BASELINE;
    let muted = TextStyle::new(Face::Regular, FOOTER_SIZE, MUTED);
    page.line(MARGIN_X, rule_y, MARGIN_X + inner, rule_y, 0.5, RULE);

    let mark = (!doc.branding.white_label).then_some(MARK);
    let contact = doc.branding.contact_line.trim();
    let show_contact = (is_cover || is_last) && !contact.is_empty();

    // Left: the contact line on the cover, the mark elsewhere. Right: the page number, or the
    // mark on the cover (which has no number).
    let (left, right) = if is_cover {
        (show_contact.then_some(contact), mark)
    } else {
        (mark, None)
    };
    let page_label = (!is_cover).then(|| format!("Page {} of {}", index + 1, total));
    let right_text = page_label.as_deref().or(right);
    let right_width = right_text.map_or(0.0, |t| page.measure(muted, t));
    if let Some(text) = right_text {
        page.text_aligned(MARGIN_X, inner, Align::Right, base, muted, text);
    }
    let left_style = if is_cover {
        TextStyle::new(Face::Regular, 8.2, INK)
    } else {
        muted
    };
    let left_room = inner - right_width - 16.0;
    let mut left_width = 0.0;
    if let Some(text) = left {
        let text = fonts.ellipsize(left_style.face, left_style.size, text, left_room);
        left_width = page.measure(left_style, &text);
        page.text(MARGIN_X, base, left_style, &text);
    }

    // The last content page: the contact line centred between them, or on a line of its own
    // under the row when the row is too full.
    if show_contact && !is_cover {
        let style = TextStyle::new(Face::Regular, FOOTER_SIZE, INK);
        let width = page.measure(style, contact);
        let centre_start = MARGIN_X + (inner - width) / 2.0;
        let clear_left = centre_start >= MARGIN_X + left_width + 12.0;
        let clear_right = centre_start + width <= MARGIN_X + inner - right_width - 12.0;
        if clear_left && clear_right {
            page.text(centre_start, base, style, contact);
        } else {
            let text = fonts.ellipsize(Face::Regular, FOOTER_SIZE, contact, inner);
            page.text_aligned(MARGIN_X, inner, Align::Center, base + 11.0, style, &text);
        }
    }
}

/// `text` large, grey and faint, across the page's diagonal.
fn watermark(page: &mut Canvas, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let (w, h) = (page.width, page.height);
    let angle = h.atan2(w);
    let diagonal = (w * w + h * h).sqrt();
    let unit = page.fonts.width(Face::Bold, 1.0, text).max(0.01);
    let size = (diagonal * 0.55 / unit).min(120.0);
    let width = unit * size;
    let cap = crate::draw::cap_height(size);
    // Start so the text's centre lands on the page's centre (in PDF's bottom-up space).
    let (sin, cos) = angle.sin_cos();
    let sx = w / 2.0 - cos * width / 2.0 + sin * cap / 2.0;
    let sy = h / 2.0 - sin * width / 2.0 - cos * cap / 2.0;
    let style = TextStyle::new(Face::Bold, size, crate::theme::AXIS);
    page.faint(|page| page.text_rotated(sx, h - sy, angle.to_degrees(), style, text));
}
