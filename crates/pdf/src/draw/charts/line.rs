//! Line charts: gridlines and value axis, one line per series (broken where a value is missing),
//! point markers while points are few, the last value of each series labelled, a legend when
//! there is more than one series.

use crate::canvas::TextStyle;
use crate::draw::charts::{
    axis_width, draw_value_axis, label_step, label_style, legend_names, no_data, Head, Plot,
    LABEL_SIZE,
};
use crate::fonts::Face;
use crate::layout::Flow;
use crate::model::{Align, Series, ValueFormat};
use crate::numbers::{format_value, Scale};
use crate::theme::{readable_on_white, GRAPHIC_CONTRAST, TEXT_CONTRAST};

/// Plot, top padding and the category labels.
pub(crate) const BODY_HEIGHT: f32 = PLOT_TOP_PAD + PLOT_HEIGHT + LABEL_ROW;
const PLOT_TOP_PAD: f32 = 10.0;
const PLOT_HEIGHT: f32 = 150.0;
const LABEL_ROW: f32 = 14.0;
/// Markers are drawn on every point up to this many points.
const MARKERS_UP_TO: usize = 24;

pub(crate) fn line_chart(
    flow: &mut Flow,
    title: &str,
    labels: &[String],
    series: &[Series],
    format: ValueFormat,
    note: Option<&str>,
) {
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    let head = Head::new(flow, title, &legend_names(&names), note);
    // Thin lines need more contrast than the brand colour may have.
    let colours: Vec<_> = (0..series.len())
        .map(|i| readable_on_white(flow.theme.series_colour(i), GRAPHIC_CONTRAST))
        .collect();
    let top = head.begin(flow, BODY_HEIGHT, &colours);
    let fonts = flow.fonts;
    let (left, width) = (flow.left(), flow.content_width());

    let finite = |v: &Option<f64>| v.filter(|x| x.is_finite());
    let count = series
        .iter()
        .map(|s| s.values.len())
        .max()
        .unwrap_or(0)
        .max(labels.len());
    let values: Vec<f64> = series
        .iter()
        .flat_map(|s| s.values.iter().filter_map(finite))
        .collect();
    let plot_top = top + PLOT_TOP_PAD;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    if values.is_empty() || count == 0 {
        no_data(flow.page(), left, width, plot_top, PLOT_HEIGHT);
        head.finish(flow, top + BODY_HEIGHT);
        return;
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let scale = Scale::new(lo, hi, 4);
    let axis = axis_width(fonts, &scale, format);
    let x0 = left + axis;
    let x1 = left + width;
    let slot = (x1 - x0) / count as f32;
    let x_of = |i: usize| x0 + (i as f32 + 0.5) * slot;
    let plot = Plot {
        x0,
        x1,
        top: plot_top,
        bottom: plot_bottom,
    };
    let y_of = |v: f64| plot.y_of(&scale, v);

    let page = flow.page();
    draw_value_axis(page, &scale, format, plot, axis);

    // Category labels, thinned so they never overlap.
    let step = label_step(fonts, labels, slot);
    let label_base = plot_bottom + LABEL_ROW - 3.0;
    for (i, label) in labels.iter().enumerate().step_by(step) {
        let w = slot * step as f32;
        let text = fonts.ellipsize(Face::Regular, LABEL_SIZE, label, w - 4.0);
        page.text_aligned(
            x_of(i) - w / 2.0,
            w,
            Align::Center,
            label_base,
            label_style(),
            &text,
        );
    }

    // Lines, broken at gaps; markers while the points are few, and on isolated points always.
    let mut ends: Vec<(f32, f32, String, usize)> = Vec::new();
    for (s, serie) in series.iter().enumerate() {
        let colour = colours[s];
        let points: Vec<Option<(f32, f32)>> = serie
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| finite(v).map(|v| (x_of(i), y_of(v))))
            .collect();
        let mut run: Vec<(f32, f32)> = Vec::new();
        for point in points.iter().chain(std::iter::once(&None)) {
            match point {
                Some(p) => run.push(*p),
                None => {
                    if run.len() == 1 {
                        page.fill_circle(run[0].0, run[0].1, 2.2, colour);
                    }
                    page.polyline(&run, 1.6, colour);
                    run.clear();
                }
            }
        }
        if count <= MARKERS_UP_TO {
            for &(x, y) in points.iter().flatten() {
                page.fill_circle(x, y, 2.0, colour);
            }
        }
        if let Some((i, v)) = serie
            .values
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, v)| finite(v).map(|v| (i, v)))
        {
            ends.push((x_of(i), y_of(v), format_value(v, format), s));
        }
    }

    // The last value of each series, above its point, nudged apart when they collide.
    ends.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut previous: Option<f32> = None;
    for (x, y, text, s) in ends {
        let mut base = y - 5.0;
        if let Some(p) = previous {
            base = base.max(p + LABEL_SIZE + 2.0);
        }
        base = base.clamp(plot_top, plot_bottom - 2.0);
        previous = Some(base);
        let style = TextStyle::new(
            Face::Bold,
            LABEL_SIZE,
            readable_on_white(colours[s], TEXT_CONTRAST),
        );
        let w = page.measure(style, &text);
        let lx = (x - w / 2.0).clamp(x0, x1 - w);
        page.text(lx, base, style, &text);
    }

    head.finish(flow, top + BODY_HEIGHT);
}
