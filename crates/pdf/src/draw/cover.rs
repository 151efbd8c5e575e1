//! The cover: the agency (logo and name) at the top, a full-width band in the primary colour
//! carrying the title and the client, an accent stripe under it, then the date. The contact line
//! is in the cover's footer (see `chrome`).

use printpdf::XObjectId;

use crate::canvas::{Canvas, TextStyle};
use crate::draw::{baseline, cap_height};
use crate::fonts::Face;
use crate::model::Document;
use crate::theme::{mix, tint, Theme, INK, MARGIN_X, MUTED};

/// A decoded logo placed in the PDF.
#[derive(Debug, Clone)]
pub(crate) struct Logo {
    pub(crate) id: XObjectId,
    pub(crate) px: (usize, usize),
}

const LOGO_MAX_WIDTH: f32 = 160.0;
const LOGO_MAX_HEIGHT: f32 = 56.0;
const TITLE_SIZE: f32 = 28.0;
const TITLE_LEADING: f32 = 34.0;
const MAX_TITLE_LINES: usize = 4;

pub(crate) fn draw(page: &mut Canvas, doc: &Document, theme: &Theme, logo: Option<&Logo>) {
    let fonts = page.fonts;
    let width = page.width;
    let inner = width - 2.0 * MARGIN_X;
    let top = 58.0;

    // Pale concentric quarter discs in the bottom-right corner balance the band.
    let (w, h) = (page.width, page.height);
    for (radius, strength) in [(300.0, 0.045), (205.0, 0.075), (115.0, 0.11)] {
        page.fill_circle(w + 20.0, h + 20.0, radius, tint(theme.primary, strength));
    }

    // The agency: logo (scaled into a box, aspect kept) and name beside it, or the name alone.
    let name_style = TextStyle::new(Face::Bold, 13.0, INK);
    let mut name_x = MARGIN_X;
    let mut row_height = 20.0;
    if let Some(logo) = logo {
        let (pw, ph) = (logo.px.0 as f32, logo.px.1 as f32);
        let scale = (LOGO_MAX_WIDTH / pw).min(LOGO_MAX_HEIGHT / ph);
        let (w, h) = (pw * scale, ph * scale);
        page.image(&logo.id, logo.px, MARGIN_X, top, w, h);
        name_x += w + 14.0;
        row_height = h;
    }
    let name = fonts.ellipsize(
        Face::Bold,
        13.0,
        &doc.branding.agency_name,
        width - MARGIN_X - name_x,
    );
    page.text(
        name_x,
        top + (row_height + cap_height(13.0)) / 2.0,
        name_style,
        &name,
    );

    // The band: title, client, handle.
    let on = theme.on_primary();
    let soft = mix(on, theme.primary, 0.25);
    let mut title_lines = fonts.wrap(Face::Bold, TITLE_SIZE, &doc.title, inner);
    if title_lines.len() > MAX_TITLE_LINES {
        title_lines.truncate(MAX_TITLE_LINES);
        let last = title_lines.pop().unwrap_or_default();
        let cut = fonts.ellipsize(Face::Bold, TITLE_SIZE, &format!("{last}…"), inner);
        title_lines.push(cut);
    }
    let pad = 42.0;
    let client_size = 15.0;
    let content = 16.0
        + title_lines.len() as f32 * TITLE_LEADING
        + 14.0
        + 20.0
        + if doc.client_handle.trim().is_empty() {
            0.0
        } else {
            16.0
        };
    let band_top = page.height * 0.30;
    let band_height = content + 2.0 * pad;
    page.fill_rect(0.0, band_top, width, band_height, theme.primary);
    page.fill_rect(0.0, band_top + band_height, width, 6.0, theme.accent);
    page.fill_rect(MARGIN_X, band_top + pad - 2.0, 28.0, 2.4, theme.accent);

    let mut y = band_top + pad + 16.0;
    let title_style = TextStyle::new(Face::Bold, TITLE_SIZE, on);
    for line in &title_lines {
        let base = baseline(fonts, Face::Bold, TITLE_SIZE, y, TITLE_LEADING);
        page.text(MARGIN_X, base, title_style, line);
        y += TITLE_LEADING;
    }
    y += 14.0;
    let client = fonts.ellipsize(Face::Regular, client_size, &doc.client_name, inner);
    let base = baseline(fonts, Face::Regular, client_size, y, 20.0);
    page.text(
        MARGIN_X,
        base,
        TextStyle::new(Face::Regular, client_size, on),
        &client,
    );
    y += 20.0;
    let handle = doc.client_handle.trim().trim_start_matches('@');
    if !handle.is_empty() {
        let text = fonts.ellipsize(Face::Regular, 11.0, &format!("@{handle}"), inner);
        let base = baseline(fonts, Face::Regular, 11.0, y, 16.0);
        page.text(
            MARGIN_X,
            base,
            TextStyle::new(Face::Regular, 11.0, soft),
            &text,
        );
    }

    // The date, under the band.
    let date_top = band_top + band_height + 6.0 + 26.0;
    if !doc.date.trim().is_empty() {
        page.text(
            MARGIN_X,
            date_top + 10.0,
            TextStyle::new(Face::Regular, 10.5, MUTED),
            &doc.date,
        );
    }
}
