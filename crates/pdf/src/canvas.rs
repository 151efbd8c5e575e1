//! One page being drawn: text, rectangles, lines and images in top-down coordinates (y grows
//! downwards from the top edge, in points), turned into printpdf operations. Keeps the current
//! font and colours so repeated settings are not written again.

use printpdf::{
    Color, ExtendedGraphicsStateId, FontId, Line, LineJoinStyle, LinePoint, Op, PaintMode,
    PdfFontHandle, PdfPage, Point, Polygon, PolygonRing, Pt, Rect, TextItem, TextMatrix,
    WindingOrder, XObjectId, XObjectTransform,
};

use crate::fonts::{Face, Fonts};
use crate::model::{Align, Rgb};

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub(crate) face: Face,
    pub(crate) size: f32,
    pub(crate) colour: Rgb,
}

impl TextStyle {
    pub(crate) const fn new(face: Face, size: f32, colour: Rgb) -> Self {
        Self { face, size, colour }
    }
}

/// What every page of one document shares: the font resources and the faces.
#[derive(Debug, Clone)]
pub(crate) struct PageResources {
    pub(crate) regular: FontId,
    pub(crate) bold: FontId,
    /// A graphics state with a low fill opacity, for the watermark.
    pub(crate) faint: Option<ExtendedGraphicsStateId>,
}

/// A page's operations under construction.
pub(crate) struct Canvas {
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) fonts: &'static Fonts,
    resources: PageResources,
    ops: Vec<Op>,
    in_text: bool,
    font: Option<(Face, f32)>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    line_width: Option<f32>,
}

fn colour(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(c.r) / 255.0,
        g: f32::from(c.g) / 255.0,
        b: f32::from(c.b) / 255.0,
        icc_profile: None,
    })
}

impl Canvas {
    pub(crate) fn new(
        width: f32,
        height: f32,
        fonts: &'static Fonts,
        resources: PageResources,
    ) -> Self {
        Self {
            width,
            height,
            fonts,
            resources,
            ops: Vec::with_capacity(512),
            in_text: false,
            font: None,
            fill: None,
            stroke: None,
            line_width: None,
        }
    }

    pub(crate) fn into_page(mut self) -> PdfPage {
        self.end_text();
        let rect = Rect::from_wh(Pt(self.width), Pt(self.height));
        PdfPage {
            media_box: rect.clone(),
            trim_box: rect.clone(),
            crop_box: rect,
            ops: self.ops,
        }
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(x),
            y: Pt(self.height - y),
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn set_fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            self.ops.push(Op::SetFillColor { col: colour(c) });
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Rgb, width: f32) {
        if self.stroke != Some(c) {
            self.ops.push(Op::SetOutlineColor { col: colour(c) });
            self.stroke = Some(c);
        }
        if self.line_width != Some(width) {
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
            self.line_width = Some(width);
        }
    }

    /// Width of `text` in `style`, measured with the font's advances.
    pub(crate) fn measure(&self, style: TextStyle, text: &str) -> f32 {
        self.fonts.width(style.face, style.size, text)
    }

    /// Draws `text` with its baseline at `baseline`, starting at `x`.
    pub(crate) fn text(&mut self, x: f32, baseline: f32, style: TextStyle, text: &str) {
        self.text_matrix([1.0, 0.0, 0.0, 1.0, x, self.height - baseline], style, text);
    }

    /// Draws `text` aligned within the box `[x, x + width]`.
    pub(crate) fn text_aligned(
        &mut self,
        x: f32,
        width: f32,
        align: Align,
        baseline: f32,
        style: TextStyle,
        text: &str,
    ) {
        let x = match align {
            Align::Left => x,
            Align::Right => x + width - self.measure(style, text),
            Align::Center => x + (width - self.measure(style, text)) / 2.0,
        };
        self.text(x, baseline, style, text);
    }

    /// Draws `text` rotated `degrees` counter-clockwise around its start point.
    pub(crate) fn text_rotated(
        &mut self,
        x: f32,
        baseline: f32,
        degrees: f32,
        style: TextStyle,
        text: &str,
    ) {
        let (sin, cos) = degrees.to_radians().sin_cos();
        self.text_matrix(
            [cos, sin, -sin, cos, x, self.height - baseline],
            style,
            text,
        );
    }

    fn text_matrix(&mut self, matrix: [f32; 6], style: TextStyle, text: &str) {
        let metrics = self.fonts.face(style.face);
        let shown: String = if text.chars().all(|c| metrics.has(c)) {
            text.to_string()
        } else {
            // No glyph (an emoji, a CJK character): leave it out rather than draw a box.
            text.chars().filter(|&c| metrics.has(c)).collect()
        };
        if shown.trim().is_empty() {
            return;
        }
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
            self.font = None;
        }
        if self.font != Some((style.face, style.size)) {
            let id = match style.face {
                Face::Regular => self.resources.regular.clone(),
                Face::Bold => self.resources.bold.clone(),
            };
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(style.size),
            });
            self.font = Some((style.face, style.size));
        }
        self.set_fill(style.colour);
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Raw(matrix),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(shown)],
        });
    }

    /// A filled rectangle; `y` is its top edge.
    pub(crate) fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, c: Rgb) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        self.end_text();
        self.set_fill(c);
        let mut rect = Rect::from_xywh(Pt(x), Pt(self.height - y - h), Pt(w), Pt(h));
        rect.mode = Some(PaintMode::Fill);
        self.ops.push(Op::DrawRectangle { rectangle: rect });
    }

    /// An outlined rectangle; `y` is its top edge.
    pub(crate) fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32, c: Rgb) {
        self.end_text();
        self.set_stroke(c, width);
        let mut rect = Rect::from_xywh(Pt(x), Pt(self.height - y - h), Pt(w), Pt(h));
        rect.mode = Some(PaintMode::Stroke);
        self.ops.push(Op::DrawRectangle { rectangle: rect });
    }

    /// A filled rectangle with rounded corners of radius `r`.
    pub(crate) fn fill_round_rect(&mut self, x: f32, y: f32, w: f32, h: f32, r: f32, c: Rgb) {
        let r = r.min(w / 2.0).min(h / 2.0).max(0.0);
        if r < 0.01 {
            return self.fill_rect(x, y, w, h, c);
        }
        // Bézier handle length for a quarter circle.
        let k = r * 0.552_284_8;
        let (x1, y1) = (x + w, y + h);
        let path = [
            (x + r, y, false),
            (x1 - r, y, false),
            (x1 - r + k, y, true),
            (x1, y + r - k, true),
            (x1, y + r, false),
            (x1, y1 - r, false),
            (x1, y1 - r + k, true),
            (x1 - r + k, y1, true),
            (x1 - r, y1, false),
            (x + r, y1, false),
            (x + r - k, y1, true),
            (x, y1 - r + k, true),
            (x, y1 - r, false),
            (x, y + r, false),
            (x, y + r - k, true),
            (x + r - k, y, true),
            (x + r, y, false),
        ];
        self.fill_path(&path, c);
    }

    /// A filled circle.
    pub(crate) fn fill_circle(&mut self, cx: f32, cy: f32, r: f32, c: Rgb) {
        let k = r * 0.552_284_8;
        let path = [
            (cx + r, cy, false),
            (cx + r, cy + k, true),
            (cx + k, cy + r, true),
            (cx, cy + r, false),
            (cx - k, cy + r, true),
            (cx - r, cy + k, true),
            (cx - r, cy, false),
            (cx - r, cy - k, true),
            (cx - k, cy - r, true),
            (cx, cy - r, false),
            (cx + k, cy - r, true),
            (cx + r, cy - k, true),
            (cx + r, cy, false),
        ];
        self.fill_path(&path, c);
    }

    /// A filled closed path; `true` marks a Bézier control point (two precede each end point).
    fn fill_path(&mut self, path: &[(f32, f32, bool)], c: Rgb) {
        self.end_text();
        self.set_fill(c);
        let points = path
            .iter()
            .map(|&(x, y, bezier)| LinePoint {
                p: self.point(x, y),
                bezier,
            })
            .collect();
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// A straight line.
    pub(crate) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, c: Rgb) {
        self.polyline(&[(x1, y1), (x2, y2)], width, c);
    }

    /// Connected line segments with round joins.
    pub(crate) fn polyline(&mut self, points: &[(f32, f32)], width: f32, c: Rgb) {
        if points.len() < 2 {
            return;
        }
        self.end_text();
        self.set_stroke(c, width);
        if points.len() > 2 {
            self.ops.push(Op::SetLineJoinStyle {
                join: LineJoinStyle::Round,
            });
        }
        let points = points
            .iter()
            .map(|&(x, y)| LinePoint {
                p: self.point(x, y),
                bezier: false,
            })
            .collect();
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
    }

    /// Places an image XObject of `px` pixels in the box with top-left `(x, y)`, `w` × `h` points.
    pub(crate) fn image(
        &mut self,
        id: &XObjectId,
        px: (usize, usize),
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    ) {
        if px.0 == 0 || px.1 == 0 {
            return;
        }
        self.end_text();
        // At 72 dpi one pixel is one point; scale from there.
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(self.height - y - h)),
                rotate: None,
                scale_x: Some(w / px.0 as f32),
                scale_y: Some(h / px.1 as f32),
                dpi: Some(72.0),
                no_auto_scale: false,
            },
        });
    }

    /// Runs `draw` with the faint (low-opacity) graphics state, when the document has one.
    pub(crate) fn faint(&mut self, draw: impl FnOnce(&mut Canvas)) {
        let Some(gs) = self.resources.faint.clone() else {
            return draw(self);
        };
        self.end_text();
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::LoadGraphicsState { gs });
        draw(self);
        self.end_text();
        self.ops.push(Op::RestoreGraphicsState);
        self.font = None;
        self.fill = None;
        self.stroke = None;
        self.line_width = None;
    }
}
