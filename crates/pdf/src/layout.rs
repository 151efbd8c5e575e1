//! Pagination: a cursor running down the content area of the pages, starting a new page when a
//! block (or the next line, row or card row of a block that splits) does not fit. The blocks are
//! drawn as they are placed; the running header and footer are added once the page count is
//! known (see `draw::chrome`).

use crate::canvas::{Canvas, PageResources};
use crate::draw;
use crate::fonts::Fonts;
use crate::model::{Block, Paper};
use crate::theme::{self, Theme};

/// The cursor over the content pages.
pub(crate) struct Flow {
    pub(crate) fonts: &'static Fonts,
    pub(crate) theme: Theme,
    resources: PageResources,
    width: f32,
    height: f32,
    pages: Vec<Canvas>,
    /// Top of the free space on the current page.
    pub(crate) y: f32,
    /// Set by a heading (which brings its own space below): the next gap is skipped.
    pub(crate) tight: bool,
}

impl Flow {
    pub(crate) fn new(
        paper: Paper,
        fonts: &'static Fonts,
        theme: Theme,
        resources: PageResources,
    ) -> Self {
        let (width, height) = paper.size_pt();
        Self {
            fonts,
            theme,
            resources,
            width,
            height,
            pages: Vec::new(),
            y: theme::CONTENT_TOP,
            tight: false,
        }
    }

    /// Left edge of the text column.
    pub(crate) fn left(&self) -> f32 {
        theme::MARGIN_X
    }

    /// Width of the text column.
    pub(crate) fn content_width(&self) -> f32 {
        self.width - 2.0 * theme::MARGIN_X
    }

    /// Bottom edge of the content area.
    pub(crate) fn bottom(&self) -> f32 {
        self.height - theme::CONTENT_BOTTOM
    }

    /// Height of the content area of an empty page.
    pub(crate) fn page_height(&self) -> f32 {
        self.bottom() - theme::CONTENT_TOP
    }

    /// Space left on the current page (a whole page when none has started).
    pub(crate) fn remaining(&self) -> f32 {
        if self.pages.is_empty() {
            self.page_height()
        } else {
            self.bottom() - self.y
        }
    }

    /// True when nothing has been placed on the current page yet.
    pub(crate) fn at_top(&self) -> bool {
        self.pages.is_empty() || self.y <= theme::CONTENT_TOP
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Canvas::new(
            self.width,
            self.height,
            self.fonts,
            self.resources.clone(),
        ));
        self.y = theme::CONTENT_TOP;
    }

    /// The page being filled, starting the first one if needed.
    pub(crate) fn page(&mut self) -> &mut Canvas {
        if self.pages.is_empty() {
            self.new_page();
        }
        self.pages.last_mut().expect("a page was just added")
    }

    /// Makes room for `height` points: a new page when it does not fit here and the page is not
    /// empty (an empty page is as good as it gets; the caller clips or splits what is taller).
    pub(crate) fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || (height > self.remaining() + 0.01 && !self.at_top()) {
            self.new_page();
        }
    }

    /// Vertical space between blocks; none at the top of a page.
    pub(crate) fn space(&mut self, points: f32) {
        if std::mem::take(&mut self.tight) {
            return;
        }
        if !self.at_top() {
            self.y += points;
        }
    }

    pub(crate) fn into_pages(self) -> Vec<Canvas> {
        self.pages
    }
}

/// Lays out and draws every block onto content pages.
pub(crate) fn flow_blocks(flow: &mut Flow, blocks: &[Block]) {
    for (i, block) in blocks.iter().enumerate() {
        let next = blocks.get(i + 1);
        match block {
            Block::Heading { level, text } => {
                let keep = next.map_or(0.0, |b| min_height(flow, b));
                draw::text::heading(flow, *level, text, keep);
            }
            Block::Paragraph(text) => draw::text::paragraph(flow, text),
            Block::Bullets(items) => draw::text::list(flow, items, false),
            Block::Numbered(items) => draw::text::list(flow, items, true),
            Block::KeyValues(pairs) => draw::text::key_values(flow, pairs),
            Block::Table {
                columns,
                rows,
                row_tones,
            } => draw::table::table(flow, columns, rows, row_tones),
            Block::Callout { tone, title, text } => draw::text::callout(flow, *tone, title, text),
            Block::Badges(badges) => draw::badges::badges(flow, badges),
            Block::LineChart {
                title,
                labels,
                series,
                y_format,
                note,
            } => draw::charts::line::line_chart(
                flow,
                title,
                labels,
                series,
                *y_format,
                note.as_deref(),
            ),
            Block::BarChart {
                title,
                bars,
                y_format,
                note,
            } => draw::charts::bar::bar_chart(flow, title, bars, *y_format, note.as_deref()),
            Block::Heatmap {
                title,
                row_labels,
                col_labels,
                values,
                note,
            } => draw::charts::heatmap::heatmap(
                flow,
                title,
                row_labels,
                col_labels,
                values,
                note.as_deref(),
            ),
            Block::PageBreak => {
                if !flow.at_top() {
                    flow.new_page();
                }
            }
            Block::Spacer(points) => {
                if points.is_finite() && *points > 0.0 && !flow.at_top() {
                    if *points >= flow.remaining() {
                        flow.new_page();
                    } else {
                        flow.y += points;
                    }
                }
            }
        }
    }
}

/// How much of `block` must follow a heading on the same page (so a heading never ends a page).
fn min_height(flow: &Flow, block: &Block) -> f32 {
    let wanted = match block {
        Block::Paragraph(_) | Block::Bullets(_) | Block::Numbered(_) | Block::KeyValues(_) => {
            2.0 * theme::BODY_LEADING + 4.0
        }
        Block::Table { .. } => 60.0,
        Block::Callout { .. } => 50.0,
        Block::Badges(_) => draw::badges::ROW_MIN_HEIGHT,
        Block::LineChart { .. } | Block::BarChart { .. } | Block::Heatmap { .. } => {
            draw::charts::block_height(flow, block).unwrap_or(120.0)
        }
        Block::Heading { .. } | Block::PageBreak | Block::Spacer(_) => 0.0,
    };
    wanted.min(flow.page_height() / 2.0)
}
