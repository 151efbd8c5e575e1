//! Charts drawn natively with lines, rectangles and text. A chart never splits: it moves whole to
//! the next page. This module holds what they share: the title row (with an optional legend),
//! the note under the chart, the value axis.

pub(crate) mod bar;
pub(crate) mod heatmap;
pub(crate) mod line;

use crate::canvas::{Canvas, TextStyle};
use crate::draw::baseline;
use crate::fonts::{Face, Fonts};
use crate::layout::Flow;
use crate::model::{Align, Block, Rgb, ValueFormat};
use crate::numbers::{format_tick, Scale};
use crate::theme::{AXIS, INK, MUTED, RULE};

const TITLE_SIZE: f32 = 10.5;
const TITLE_LEADING: f32 = 18.0;
pub(crate) const LABEL_SIZE: f32 = 7.3;
const NOTE_SIZE: f32 = 7.8;
const NOTE_LEADING: f32 = 10.5;
const LEGEND_ROW: f32 = 14.0;

pub(crate) fn label_style() -> TextStyle {
    TextStyle::new(Face::Regular, LABEL_SIZE, MUTED)
}

/// The height a chart block takes, for keeping a heading with it. `None` for other blocks.
pub(crate) fn block_height(flow: &Flow, block: &Block) -> Option<f32> {
    match block {
        Block::LineChart {
            title,
            series,
            note,
            ..
        } => {
            let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
            let head = Head::new(flow, title, &legend_names(&names), note.as_deref());
            Some(head.total(line::BODY_HEIGHT))
        }
        Block::BarChart {
            title, bars, note, ..
        } => {
            let head = Head::new(flow, title, &[], note.as_deref());
            Some(head.total(bar::body_height(flow, bars, &head)))
        }
        Block::Heatmap {
            title,
            row_labels,
            col_labels,
            values,
            note,
        } => {
            let head = Head::new(flow, title, &[], note.as_deref());
            let body = heatmap::Grid::new(flow, row_labels, col_labels, values, &head).height();
            Some(head.total(body))
        }
        _ => None,
    }
}

/// A legend only says something when there is more than one series.
pub(crate) fn legend_names<'a>(names: &[&'a str]) -> Vec<&'a str> {
    if names.len() > 1 {
        names.to_vec()
    } else {
        Vec::new()
    }
}

/// The parts around a chart's body: title, legend, note, and their heights.
pub(crate) struct Head {
    title: Vec<String>,
    legend: Vec<String>,
    /// Legend on its own row under the title (it did not fit beside it).
    legend_below: bool,
    note: Vec<String>,
}

impl Head {
    pub(crate) fn new(flow: &Flow, title: &str, legend: &[&str], note: Option<&str>) -> Head {
        let fonts = flow.fonts;
        let width = flow.content_width();
        let title_lines = if title.trim().is_empty() {
            Vec::new()
        } else {
            fonts.wrap(Face::Bold, TITLE_SIZE, title, width)
        };
        let legend: Vec<String> = legend
            .iter()
            .map(|n| fonts.ellipsize(Face::Regular, LABEL_SIZE, n, width / 3.0))
            .collect();
        let legend_width = legend_width(fonts, &legend);
        let last_title = title_lines
            .last()
            .map_or(0.0, |l| fonts.width(Face::Bold, TITLE_SIZE, l));
        let legend_below = !legend.is_empty()
            && (title_lines.is_empty() || last_title + 24.0 + legend_width > width);
        let note = note
            .filter(|n| !n.trim().is_empty())
            .map(|n| fonts.wrap(Face::Regular, NOTE_SIZE, n, width))
            .unwrap_or_default();
        Head {
            title: title_lines,
            legend,
            legend_below,
            note,
        }
    }

    fn top_height(&self) -> f32 {
        let legend = if self.legend_below { LEGEND_ROW } else { 0.0 };
        self.title.len() as f32 * TITLE_LEADING + legend
    }

    fn note_height(&self) -> f32 {
        if self.note.is_empty() {
            0.0
        } else {
            4.0 + self.note.len() as f32 * NOTE_LEADING
        }
    }

    /// The whole chart's height for a body of `body` points.
    pub(crate) fn total(&self, body: f32) -> f32 {
        self.top_height() + body + self.note_height()
    }

    /// The most a body may take so the chart fits on an empty page.
    pub(crate) fn max_body(&self, flow: &Flow) -> f32 {
        flow.page_height() - self.top_height() - self.note_height()
    }

    /// Makes room for the chart, draws title and legend, and returns the top of the body.
    pub(crate) fn begin(&self, flow: &mut Flow, body: f32, colours: &[Rgb]) -> f32 {
        flow.space(crate::draw::text::BLOCK_GAP);
        flow.ensure(self.total(body));
        let fonts = flow.fonts;
        let (left, width) = (flow.left(), flow.content_width());
        let mut y = flow.y;
        let page = flow.page();
        let style = TextStyle::new(Face::Bold, TITLE_SIZE, INK);
        let mut title_base = y;
        for line in &self.title {
            title_base = baseline(fonts, Face::Bold, TITLE_SIZE, y, TITLE_LEADING);
            page.text(left, title_base, style, line);
            y += TITLE_LEADING;
        }
        if !self.legend.is_empty() {
            let base = if self.legend_below {
                let b = baseline(fonts, Face::Regular, LABEL_SIZE, y, LEGEND_ROW);
                y += LEGEND_ROW;
                b
            } else {
                title_base
            };
            let x = if self.legend_below {
                left
            } else {
                left + width - legend_width(fonts, &self.legend)
            };
            draw_legend(page, x, base, &self.legend, colours);
        }
        y
    }

    /// Draws the note under a body that ended at `y`, and moves the cursor below the chart.
    pub(crate) fn finish(&self, flow: &mut Flow, y: f32) {
        let fonts = flow.fonts;
        let left = flow.left();
        let mut y = y;
        if !self.note.is_empty() {
            y += 4.0;
            let style = TextStyle::new(Face::Regular, NOTE_SIZE, MUTED);
            let page = flow.page();
            for line in &self.note {
                let base = baseline(fonts, Face::Regular, NOTE_SIZE, y, NOTE_LEADING);
                page.text(left, base, style, line);
                y += NOTE_LEADING;
            }
        }
        flow.y = y;
    }
}

const SWATCH: f32 = 12.0;

fn legend_width(fonts: &Fonts, names: &[String]) -> f32 {
    names
        .iter()
        .map(|n| SWATCH + 4.0 + fonts.width(Face::Regular, LABEL_SIZE, n))
        .sum::<f32>()
        + 12.0 * names.len().saturating_sub(1) as f32
}

fn draw_legend(page: &mut Canvas, x: f32, base: f32, names: &[String], colours: &[Rgb]) {
    let mut x = x;
    for (name, colour) in names.iter().zip(colours) {
        let mid = base - LABEL_SIZE * 0.33;
        page.line(x, mid, x + SWATCH, mid, 2.0, *colour);
        x += SWATCH + 4.0;
        page.text(
            x,
            base,
            TextStyle::new(Face::Regular, LABEL_SIZE, INK),
            name,
        );
        x += page.measure(label_style(), name) + 12.0;
    }
}

/// The width of the value axis' labels plus the gap to the plot.
pub(crate) fn axis_width(fonts: &Fonts, scale: &Scale, format: ValueFormat) -> f32 {
    scale
        .ticks()
        .iter()
        .map(|&t| {
            fonts.width(
                Face::Regular,
                LABEL_SIZE,
                &format_tick(t, scale.step, format),
            )
        })
        .fold(0.0, f32::max)
        + 6.0
}

/// A chart's plotting area, in page coordinates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plot {
    pub(crate) x0: f32,
    pub(crate) x1: f32,
    pub(crate) top: f32,
    pub(crate) bottom: f32,
}

impl Plot {
    /// The y of value `v` on `scale`.
    pub(crate) fn y_of(&self, scale: &Scale, v: f64) -> f32 {
        self.bottom - scale.fraction(v) * (self.bottom - self.top)
    }
}

/// Horizontal gridlines with tick labels in the `label_width` left of the plot, and the zero line
/// darker.
pub(crate) fn draw_value_axis(
    page: &mut Canvas,
    scale: &Scale,
    format: ValueFormat,
    plot: Plot,
    label_width: f32,
) {
    for tick in scale.ticks() {
        let y = plot.y_of(scale, tick);
        let is_zero = tick.abs() < scale.step * 1e-6;
        let (colour, width) = if is_zero { (AXIS, 0.8) } else { (RULE, 0.5) };
        page.line(plot.x0, y, plot.x1, y, width, colour);
        let label = format_tick(tick, scale.step, format);
        page.text_aligned(
            plot.x0 - label_width,
            label_width - 6.0,
            Align::Right,
            y + LABEL_SIZE * 0.35,
            label_style(),
            &label,
        );
    }
}

/// Which of `count` evenly spaced labels to draw so none overlap: every `step`-th.
pub(crate) fn label_step(fonts: &Fonts, labels: &[String], slot: f32) -> usize {
    let widest = labels
        .iter()
        .map(|l| fonts.width(Face::Regular, LABEL_SIZE, l))
        .fold(0.0, f32::max);
    if slot <= 0.0 {
        return labels.len().max(1);
    }
    (((widest + 6.0) / slot).ceil() as usize).max(1)
}

/// A message in place of a chart body with nothing to plot.
pub(crate) fn no_data(page: &mut Canvas, x: f32, width: f32, top: f32, height: f32) {
    page.stroke_rect(x, top, width, height, 0.5, RULE);
    page.text_aligned(
        x,
        width,
        Align::Center,
        top + height / 2.0 + 3.0,
        TextStyle::new(Face::Regular, 9.0, MUTED),
        "No data for this period",
    );
}
