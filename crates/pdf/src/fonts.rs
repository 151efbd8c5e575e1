//! The embedded DejaVu Sans faces: loading them once, and measuring and wrapping text with the
//! real glyph advances (the same advances the PDF viewer uses, so right-aligned text lines up).

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::error::PdfError;

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Characters below this are measured from a table built once; the rest ask the font.
/// 0x530 covers Latin, Latin-1, Latin Extended, Greek and Cyrillic.
const TABLE_LEN: usize = 0x530;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
}

/// One face with its metrics in em (1.0 = the font size).
pub(crate) struct FaceMetrics {
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
    /// Distance from the baseline to the top of the tallest glyphs.
    pub(crate) ascent: f32,
    /// Distance from the baseline down to the lowest descender, positive.
    pub(crate) descent: f32,
    /// Advance per char for the first TABLE_LEN code points; negative when the font lacks it.
    table: Vec<f32>,
}

impl FaceMetrics {
    fn load(bytes: &[u8], name: &str) -> Result<Self, PdfError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| PdfError::Pdf(format!("the {name} font did not load")))?;
        let metrics = &parsed.pdf_font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let ascent = f32::from(metrics.ascender) / units_per_em;
        let descent = -f32::from(metrics.descender) / units_per_em;
        let mut face = Self {
            parsed,
            units_per_em,
            ascent,
            descent,
            table: Vec::new(),
        };
        face.table = (0..TABLE_LEN as u32)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| face.lookup(c))
                    .unwrap_or(-1.0)
            })
            .collect();
        Ok(face)
    }

    fn lookup(&self, c: char) -> Option<f32> {
        let gid = self.parsed.lookup_glyph_index(c as u32)?;
        if gid == 0 {
            return None;
        }
        Some(f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em)
    }

    /// The advance of `c` in em, or `None` when the font has no glyph for it.
    pub(crate) fn advance(&self, c: char) -> Option<f32> {
        match self.table.get(c as usize) {
            Some(&a) if a >= 0.0 => Some(a),
            Some(_) => None,
            None => self.lookup(c),
        }
    }

    /// Whether `c` is drawn: characters without a glyph are dropped rather than shown as boxes.
    pub(crate) fn has(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    /// Width of `text` at `size` points, as drawn (characters without a glyph count zero).
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().filter_map(|c| self.advance(c)).sum::<f32>() * size
    }
}

/// Both faces.
pub(crate) struct Fonts {
    pub(crate) regular: FaceMetrics,
    pub(crate) bold: FaceMetrics,
}

impl Fonts {
    /// The faces, parsed on first use and shared by every render after.
    pub(crate) fn get() -> Result<&'static Fonts, PdfError> {
        static FONTS: OnceLock<Result<Fonts, PdfError>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                Ok(Fonts {
                    regular: FaceMetrics::load(REGULAR_TTF, "DejaVu Sans")?,
                    bold: FaceMetrics::load(BOLD_TTF, "DejaVu Sans Bold")?,
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub(crate) fn face(&self, face: Face) -> &FaceMetrics {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    pub(crate) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        self.face(face).width(text, size)
    }

    /// Breaks `text` into lines no wider than `max_width`. '\n' starts a new line, runs of
    /// spaces collapse, a word wider than the line is broken between characters.
    pub(crate) fn wrap(&self, face: Face, size: f32, text: &str, max_width: f32) -> Vec<String> {
        let metrics = self.face(face);
        let space = metrics.advance(' ').unwrap_or(0.3) * size;
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0f32;
            for word in paragraph.split([' ', '\t', '\r']).filter(|w| !w.is_empty()) {
                let word_w = metrics.width(word, size);
                let gap = if line.is_empty() { 0.0 } else { space };
                if line_w + gap + word_w <= max_width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_w += gap + word_w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                if word_w <= max_width {
                    line.push_str(word);
                    line_w = word_w;
                    continue;
                }
                // A word longer than the line (a URL, a long hashtag): break it anywhere.
                for c in word.chars() {
                    let w = metrics.advance(c).unwrap_or(0.0) * size;
                    if line_w + w > max_width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += w;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// `text` cut to fit `max_width`, ending in "…" when it had to be cut.
    pub(crate) fn ellipsize(&self, face: Face, size: f32, text: &str, max_width: f32) -> String {
        let metrics = self.face(face);
        // A hair of tolerance: a width computed elsewhere and passed back may differ in the
        // last bit.
        if metrics.width(text, size) <= max_width + 0.01 {
            return text.to_string();
        }
        let ellipsis = metrics.width("…", size);
        let mut out = String::new();
        let mut w = 0.0;
        for c in text.chars() {
            let cw = metrics.advance(c).unwrap_or(0.0) * size;
            if w + cw + ellipsis > max_width {
                break;
            }
            out.push(c);
            w += cw;
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let fonts = Fonts::get().unwrap();
        // DejaVu Sans: 'i' is much narrower than 'W', bold is wider than regular.
        let i = fonts.width(Face::Regular, 10.0, "i");
        let w = fonts.width(Face::Regular, 10.0, "W");
        assert!(i > 2.0 && i < 3.5, "{i}");
        assert!(w > 9.0 && w < 11.0, "{w}");
        assert!(fonts.width(Face::Bold, 10.0, "Hello") > fonts.width(Face::Regular, 10.0, "Hello"));
        // Greek and Cyrillic have glyphs; CJK does not and counts zero.
        assert!(fonts.regular.has('Ω') && fonts.regular.has('Ж') && fonts.regular.has('ñ'));
        assert!(!fonts.regular.has('中'));
        assert_eq!(fonts.width(Face::Regular, 10.0, "中文"), 0.0);
        assert!(fonts.regular.ascent > 0.7 && fonts.regular.descent > 0.1);
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let fonts = Fonts::get().unwrap();
        let text = "The quick brown fox jumps over the lazy dog. ".repeat(8);
        let lines = fonts.wrap(Face::Regular, 10.0, &text, 150.0);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(fonts.width(Face::Regular, 10.0, line) <= 150.0, "{line}");
        }
        let rejoined = lines.join(" ");
        assert_eq!(
            rejoined.split_whitespace().count(),
            text.split_whitespace().count()
        );

        assert_eq!(fonts.wrap(Face::Regular, 10.0, "a\nb", 100.0), ["a", "b"]);
        assert_eq!(fonts.wrap(Face::Regular, 10.0, "", 100.0), [""]);
        let long = fonts.wrap(Face::Regular, 10.0, &"x".repeat(100), 50.0);
        assert!(long.len() > 5 && long.iter().all(|l| !l.is_empty()));
    }

    #[test]
    fn ellipsize_cuts_to_width() {
        let fonts = Fonts::get().unwrap();
        assert_eq!(
            fonts.ellipsize(Face::Regular, 10.0, "short", 100.0),
            "short"
        );
        let cut = fonts.ellipsize(Face::Regular, 10.0, "a rather long label indeed", 60.0);
        assert!(cut.ends_with('…'));
        assert!(fonts.width(Face::Regular, 10.0, &cut) <= 60.0);
    }
}
