//! Heatmaps (e.g. weekday × hour): a grid of cells shaded from a pale tint to the primary colour,
//! darker = higher; a missing value is an empty outlined cell. A key underneath.

use crate::canvas::TextStyle;
use crate::draw::charts::{label_step, label_style, no_data, Head, LABEL_SIZE};
use crate::fonts::Face;
use crate::layout::Flow;
use crate::model::{Align, Rgb};
use crate::theme::{mix, tint, INK, MUTED, RULE};

const COLUMN_LABELS: f32 = 13.0;
const KEY_ROW: f32 = 22.0;
const GAP: f32 = 1.6;

/// The grid's geometry, computed the same way for measuring and drawing.
pub(crate) struct Grid {
    rows: usize,
    cols: usize,
    labels_width: f32,
    cell_width: f32,
    cell_height: f32,
}

impl Grid {
    pub(crate) fn new(
        flow: &Flow,
        row_labels: &[String],
        col_labels: &[String],
        values: &[Vec<Option<f64>>],
        head: &Head,
    ) -> Grid {
        let rows = row_labels.len().max(values.len());
        let cols = col_labels
            .len()
            .max(values.iter().map(Vec::len).max().unwrap_or(0));
        let labels_width = row_labels
            .iter()
            .map(|l| flow.fonts.width(Face::Regular, LABEL_SIZE, l))
            .fold(0.0, f32::max)
            .min(flow.content_width() * 0.25)
            + 8.0;
        let cell_width = (flow.content_width() - labels_width) / cols.max(1) as f32;
        let room = head.max_body(flow) - COLUMN_LABELS - KEY_ROW;
        let cell_height = (cell_width * 0.8)
            .clamp(12.0, 20.0)
            .min(room / rows.max(1) as f32);
        Grid {
            rows,
            cols,
            labels_width,
            cell_width,
            cell_height,
        }
    }

    pub(crate) fn height(&self) -> f32 {
        if self.rows == 0 || self.cols == 0 {
            return 60.0;
        }
        COLUMN_LABELS + self.rows as f32 * self.cell_height + KEY_ROW
    }
}

/// The shade for a value at `t` (0 = lowest, 1 = highest).
fn shade(primary: Rgb, t: f32) -> Rgb {
    mix(tint(primary, 0.07), primary, t.clamp(0.0, 1.0))
}

pub(crate) fn heatmap(
    flow: &mut Flow,
    title: &str,
    row_labels: &[String],
    col_labels: &[String],
    values: &[Vec<Option<f64>>],
    note: Option<&str>,
) {
    let head = Head::new(flow, title, &[], note);
    let grid = Grid::new(flow, row_labels, col_labels, values, &head);
    let top = head.begin(flow, grid.height(), &[]);
    let fonts = flow.fonts;
    let primary = flow.theme.primary;
    let (left, width) = (flow.left(), flow.content_width());

    let finite: Vec<f64> = values
        .iter()
        .flatten()
        .filter_map(|v| v.filter(|x| x.is_finite()))
        .collect();
    if grid.rows == 0 || grid.cols == 0 || finite.is_empty() {
        no_data(flow.page(), left, width, top, grid.height());
        head.finish(flow, top + grid.height());
        return;
    }
    let lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let t_of = |v: f64| {
        if hi > lo {
            ((v - lo) / (hi - lo)) as f32
        } else {
            0.6
        }
    };

    let x0 = left + grid.labels_width;
    let page = flow.page();
    let step = label_step(fonts, col_labels, grid.cell_width);
    for (c, label) in col_labels.iter().enumerate().step_by(step) {
        let x = x0 + c as f32 * grid.cell_width;
        page.text_aligned(
            x,
            grid.cell_width,
            Align::Center,
            top + COLUMN_LABELS - 4.0,
            label_style(),
            label,
        );
    }
    let grid_top = top + COLUMN_LABELS;
    for r in 0..grid.rows {
        let y = grid_top + r as f32 * grid.cell_height;
        if let Some(label) = row_labels.get(r) {
            let text = fonts.ellipsize(Face::Regular, LABEL_SIZE, label, grid.labels_width - 8.0);
            let base = y + grid.cell_height / 2.0 + LABEL_SIZE * 0.35;
            page.text(
                left,
                base,
                TextStyle::new(Face::Regular, LABEL_SIZE, INK),
                &text,
            );
        }
        for c in 0..grid.cols {
            let x = x0 + c as f32 * grid.cell_width;
            let (w, h) = (grid.cell_width - GAP, grid.cell_height - GAP);
            match values.get(r).and_then(|row| row.get(c)).copied().flatten() {
                Some(v) if v.is_finite() => page.fill_rect(x, y, w, h, shade(primary, t_of(v))),
                _ => page.stroke_rect(x + 0.25, y + 0.25, w - 0.5, h - 0.5, 0.5, RULE),
            }
        }
    }

    // Key: "Lower ▢▢▢▢▢ Higher", and the empty cell for "No data".
    let key_top = grid_top + grid.rows as f32 * grid.cell_height + 8.0;
    let swatch = 12.0;
    let base = key_top + swatch / 2.0 + LABEL_SIZE * 0.35;
    let key_style = TextStyle::new(Face::Regular, LABEL_SIZE, MUTED);
    let mut x = x0;
    page.text(x, base, key_style, "Lower");
    x += page.measure(key_style, "Lower") + 5.0;
    for i in 0..5 {
        page.fill_rect(x, key_top, swatch, swatch, shade(primary, i as f32 / 4.0));
        x += swatch + 1.5;
    }
    x += 3.5;
    page.text(x, base, key_style, "Higher");
    x += page.measure(key_style, "Higher") + 16.0;
    page.stroke_rect(
        x + 0.25,
        key_top + 0.25,
        swatch - 0.5,
        swatch - 0.5,
        0.5,
        RULE,
    );
    page.text(x + swatch + 5.0, base, key_style, "No data");

    head.finish(flow, top + grid.height());
}
