//! Tables: a header row in the primary colour, wrapped cells, zebra rows or tone-coloured rows,
//! columns aligned as asked (numbers right). Splits between rows; the header repeats on every
//! page. A single row taller than a page is cut to fit with "…".

use crate::canvas::TextStyle;
use crate::draw::baseline;
use crate::draw::text::BLOCK_GAP;
use crate::fonts::Face;
use crate::layout::Flow;
use crate::model::{Align, Column, Tone};
use crate::theme::{INK, RULE, TABLE_LEADING, TABLE_SIZE, ZEBRA};

const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 4.0;
const HEADER_SIZE: f32 = 8.3;

struct Geometry {
    xs: Vec<f32>,
    widths: Vec<f32>,
    aligns: Vec<Align>,
}

pub(crate) fn table(
    flow: &mut Flow,
    columns: &[Column],
    rows: &[Vec<String>],
    row_tones: &[Option<Tone>],
) {
    let count = if columns.is_empty() {
        rows.iter().map(Vec::len).max().unwrap_or(0)
    } else {
        columns.len()
    };
    if count == 0 {
        return;
    }
    let geometry = geometry(flow, columns, count);
    let fonts = flow.fonts;

    let header: Vec<Vec<String>> = (0..count)
        .map(|c| {
            let title = columns.get(c).map_or("", |col| col.title.as_str());
            fonts.wrap(
                Face::Bold,
                HEADER_SIZE,
                title,
                geometry.widths[c] - 2.0 * PAD_X,
            )
        })
        .collect();
    let header_height = if columns.is_empty() {
        0.0
    } else {
        row_height(&header)
    };

    flow.space(BLOCK_GAP);
    let mut first = true;
    for (r, row) in rows.iter().enumerate() {
        let mut cells: Vec<Vec<String>> = (0..count)
            .map(|c| {
                let text = row.get(c).map_or("", String::as_str);
                fonts.wrap(
                    Face::Regular,
                    TABLE_SIZE,
                    text,
                    geometry.widths[c] - 2.0 * PAD_X,
                )
            })
            .collect();
        let mut height = row_height(&cells);
        let fits_on_a_page = flow.page_height() - header_height;
        if height > fits_on_a_page {
            cut_to_fit(flow, &mut cells, &geometry, fits_on_a_page);
            height = row_height(&cells);
        }
        let needs_header = first || flow.at_top();
        let wanted = height + if needs_header { header_height } else { 0.0 };
        flow.ensure(wanted);
        if first || flow.at_top() {
            draw_header(flow, &header, &geometry, header_height);
            first = false;
        }
        let tone = row_tones.get(r).copied().flatten();
        draw_row(flow, &cells, &geometry, height, r, tone);
    }
    if rows.is_empty() && header_height > 0.0 {
        flow.ensure(header_height);
        draw_header(flow, &header, &geometry, header_height);
    }
    let y = flow.y;
    let (x0, x1) = (flow.left(), flow.left() + flow.content_width());
    let rule = flow.theme.primary;
    flow.page().line(x0, y, x1, y, 0.8, rule);
}

fn geometry(flow: &Flow, columns: &[Column], count: usize) -> Geometry {
    let weight = |c: usize| {
        columns
            .get(c)
            .map(|col| col.width)
            .filter(|w| w.is_finite() && *w > 0.0)
            .unwrap_or(1.0)
    };
    let total: f32 = (0..count).map(weight).sum();
    let mut x = flow.left();
    let mut xs = Vec::with_capacity(count);
    let mut widths = Vec::with_capacity(count);
    for c in 0..count {
        let w = flow.content_width() * weight(c) / total;
        xs.push(x);
        widths.push(w);
        x += w;
    }
    let aligns = (0..count)
        .map(|c| columns.get(c).map_or(Align::Left, |col| col.align))
        .collect();
    Geometry { xs, widths, aligns }
}

fn row_height(cells: &[Vec<String>]) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    lines as f32 * TABLE_LEADING + 2.0 * PAD_Y
}

/// Keeps only the lines that fit in `height`, the last one ending in "…".
fn cut_to_fit(flow: &Flow, cells: &mut [Vec<String>], geometry: &Geometry, height: f32) {
    let max_lines = (((height - 2.0 * PAD_Y) / TABLE_LEADING).floor() as usize).max(1);
    for (c, lines) in cells.iter_mut().enumerate() {
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            let last = lines.pop().unwrap_or_default();
            let inner = geometry.widths[c] - 2.0 * PAD_X;
            let text = format!("{last}…");
            lines.push(
                flow.fonts
                    .ellipsize(Face::Regular, TABLE_SIZE, &text, inner),
            );
        }
    }
}

fn draw_header(flow: &mut Flow, header: &[Vec<String>], geometry: &Geometry, height: f32) {
    if height <= 0.0 {
        return;
    }
    let fonts = flow.fonts;
    let background = flow.theme.primary;
    let style = TextStyle::new(Face::Bold, HEADER_SIZE, flow.theme.on_primary());
    let (left, width, top) = (flow.left(), flow.content_width(), flow.y);
    let page = flow.page();
    page.fill_rect(left, top, width, height, background);
    for (c, lines) in header.iter().enumerate() {
        for (i, line) in lines.iter().enumerate() {
            let line_top = top + PAD_Y + i as f32 * TABLE_LEADING;
            let y = baseline(fonts, Face::Bold, HEADER_SIZE, line_top, TABLE_LEADING);
            let x = geometry.xs[c] + PAD_X;
            let w = geometry.widths[c] - 2.0 * PAD_X;
            page.text_aligned(x, w, geometry.aligns[c], y, style, line);
        }
    }
    flow.y += height;
}

fn draw_row(
    flow: &mut Flow,
    cells: &[Vec<String>],
    geometry: &Geometry,
    height: f32,
    index: usize,
    tone: Option<Tone>,
) {
    let fonts = flow.fonts;
    let (left, width, top) = (flow.left(), flow.content_width(), flow.y);
    let tone_colours = tone.map(|t| (flow.theme.tone_background(t), flow.theme.tone_colour(t)));
    let style = TextStyle::new(Face::Regular, TABLE_SIZE, INK);
    let page = flow.page();
    match tone_colours {
        Some((background, bar)) => {
            page.fill_rect(left, top, width, height, background);
            page.fill_rect(left, top, 2.5, height, bar);
        }
        None if index % 2 == 1 => page.fill_rect(left, top, width, height, ZEBRA),
        None => {}
    }
    for (c, lines) in cells.iter().enumerate() {
        for (i, line) in lines.iter().enumerate() {
            let line_top = top + PAD_Y + i as f32 * TABLE_LEADING;
            let y = baseline(fonts, Face::Regular, TABLE_SIZE, line_top, TABLE_LEADING);
            let x = geometry.xs[c] + PAD_X;
            let w = geometry.widths[c] - 2.0 * PAD_X;
            page.text_aligned(x, w, geometry.aligns[c], y, style, line);
        }
    }
    page.line(left, top + height, left + width, top + height, 0.4, RULE);
    flow.y += height;
}
