//! Bar charts. Columns when the labels fit under them; horizontal bars (labels at the left) when
//! they are many or long. Every bar carries its value; the highest is in the accent colour.

use crate::canvas::TextStyle;
use crate::draw::charts::{
    axis_width, draw_value_axis, label_style, no_data, Head, Plot, LABEL_SIZE,
};
use crate::fonts::Face;
use crate::layout::Flow;
use crate::model::{Align, ValueFormat};
use crate::numbers::{format_value, Scale};
use crate::theme::{AXIS, INK};

const COLUMN_PLOT: f32 = 140.0;
const COLUMN_TOP_PAD: f32 = 12.0;
const COLUMN_LABELS: f32 = 14.0;
const COLUMNS_UP_TO: usize = 14;
const ROW_HEIGHT: f32 = 17.0;

/// Whether the bars are drawn as columns (labels fit one line under each).
fn as_columns(flow: &Flow, bars: &[(String, f64)]) -> bool {
    if bars.len() > COLUMNS_UP_TO {
        return false;
    }
    let slot = flow.content_width() * 0.9 / bars.len().max(1) as f32;
    bars.iter()
        .all(|(l, _)| flow.fonts.width(Face::Regular, LABEL_SIZE, l) <= slot - 4.0)
}

/// The body height: fixed for columns, one row per bar otherwise (squeezed to fit a page).
pub(crate) fn body_height(flow: &Flow, bars: &[(String, f64)], head: &Head) -> f32 {
    if bars.is_empty() || as_columns(flow, bars) {
        COLUMN_TOP_PAD + COLUMN_PLOT + COLUMN_LABELS
    } else {
        (bars.len() as f32 * ROW_HEIGHT).min(head.max_body(flow))
    }
}

pub(crate) fn bar_chart(
    flow: &mut Flow,
    title: &str,
    bars: &[(String, f64)],
    format: ValueFormat,
    note: Option<&str>,
) {
    let head = Head::new(flow, title, &[], note);
    let body = body_height(flow, bars, &head);
    let top = head.begin(flow, body, &[]);
    let bars: Vec<(String, f64)> = bars
        .iter()
        .map(|(l, v)| (l.clone(), if v.is_finite() { *v } else { 0.0 }))
        .collect();
    if bars.is_empty() {
        let (left, width) = (flow.left(), flow.content_width());
        no_data(flow.page(), left, width, top + COLUMN_TOP_PAD, COLUMN_PLOT);
    } else if as_columns(flow, &bars) {
        columns(flow, &bars, format, top);
    } else {
        rows(flow, &bars, format, top, body);
    }
    head.finish(flow, top + body);
}

/// The index of the single highest bar, if one stands out.
fn highest(bars: &[(String, f64)]) -> Option<usize> {
    if bars.len() < 2 {
        return None;
    }
    let max = bars.iter().map(|b| b.1).fold(f64::NEG_INFINITY, f64::max);
    let mut at = bars.iter().enumerate().filter(|(_, b)| b.1 == max);
    match (at.next(), at.next()) {
        (Some((i, _)), None) if max > 0.0 => Some(i),
        _ => None,
    }
}

fn columns(flow: &mut Flow, bars: &[(String, f64)], format: ValueFormat, top: f32) {
    let fonts = flow.fonts;
    let (left, width) = (flow.left(), flow.content_width());
    let (primary, accent) = (flow.theme.primary, flow.theme.accent);
    let lo = bars.iter().map(|b| b.1).fold(0.0, f64::min);
    let hi = bars.iter().map(|b| b.1).fold(0.0, f64::max);
    let scale = Scale::new(lo, hi, 4);
    let axis = axis_width(fonts, &scale, format);
    let (x0, x1) = (left + axis, left + width);
    let plot_top = top + COLUMN_TOP_PAD;
    let plot_bottom = plot_top + COLUMN_PLOT;
    let plot = Plot {
        x0,
        x1,
        top: plot_top,
        bottom: plot_bottom,
    };
    let y_of = |v: f64| plot.y_of(&scale, v);
    let slot = (x1 - x0) / bars.len() as f32;
    let bar_width = (slot * 0.62).min(44.0);
    let top_bar = highest(bars);

    let page = flow.page();
    draw_value_axis(page, &scale, format, plot, axis);
    let zero = y_of(0.0);
    let value_style = TextStyle::new(Face::Bold, LABEL_SIZE, INK);
    for (i, (label, value)) in bars.iter().enumerate() {
        let centre = x0 + (i as f32 + 0.5) * slot;
        let y = y_of(*value);
        let colour = if Some(i) == top_bar { accent } else { primary };
        page.fill_rect(
            centre - bar_width / 2.0,
            y.min(zero),
            bar_width,
            (y - zero).abs(),
            colour,
        );
        let text = format_value(*value, format);
        let base = if *value >= 0.0 {
            y - 3.5
        } else {
            y + LABEL_SIZE + 2.5
        };
        page.text_aligned(
            centre - slot / 2.0,
            slot,
            Align::Center,
            base,
            value_style,
            &text,
        );
        page.text_aligned(
            centre - slot / 2.0,
            slot,
            Align::Center,
            plot_bottom + COLUMN_LABELS - 3.0,
            label_style(),
            label,
        );
    }
    page.line(x0, zero, x1, zero, 0.8, AXIS);
}

fn rows(flow: &mut Flow, bars: &[(String, f64)], format: ValueFormat, top: f32, height: f32) {
    let fonts = flow.fonts;
    let (left, width) = (flow.left(), flow.content_width());
    let (primary, accent) = (flow.theme.primary, flow.theme.accent);
    let row = height / bars.len() as f32;
    let label_size = LABEL_SIZE.min(row * 0.75);
    let labels_width = bars
        .iter()
        .map(|(l, _)| fonts.width(Face::Regular, label_size, l))
        .fold(0.0, f32::max)
        .min(width * 0.32)
        + 8.0;
    let values: Vec<String> = bars.iter().map(|b| format_value(b.1, format)).collect();
    let values_width = values
        .iter()
        .map(|v| fonts.width(Face::Bold, label_size, v))
        .fold(0.0, f32::max)
        + 6.0;
    let lo = bars.iter().map(|b| b.1).fold(0.0, f64::min);
    let hi = bars.iter().map(|b| b.1).fold(0.0, f64::max);
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    // Room for a value label on both ends when there are negative bars.
    let left_room = if lo < 0.0 { values_width } else { 0.0 };
    let x0 = left + labels_width + left_room;
    let plot = width - labels_width - left_room - values_width;
    let x_of = |v: f64| x0 + ((v - lo) / span) as f32 * plot;
    let zero = x_of(0.0);
    let thickness = (row * 0.62).min(12.0);
    let top_bar = highest(bars);
    let label = TextStyle::new(Face::Regular, label_size, INK);
    let value_style = TextStyle::new(Face::Bold, label_size, INK);

    let page = flow.page();
    for (i, ((name, value), text)) in bars.iter().zip(&values).enumerate() {
        let mid = top + (i as f32 + 0.5) * row;
        let base = mid + label_size * 0.35;
        let name = fonts.ellipsize(Face::Regular, label_size, name, labels_width - 8.0);
        page.text_aligned(left, labels_width - 8.0, Align::Right, base, label, &name);
        let end = x_of(*value);
        let colour = if Some(i) == top_bar { accent } else { primary };
        page.fill_rect(
            end.min(zero),
            mid - thickness / 2.0,
            (end - zero).abs(),
            thickness,
            colour,
        );
        if *value >= 0.0 {
            page.text(end + 4.0, base, value_style, text);
        } else {
            let w = page.measure(value_style, text);
            page.text(end - 4.0 - w, base, value_style, text);
        }
    }
    page.line(zero, top, zero, top + height, 0.8, AXIS);
}
