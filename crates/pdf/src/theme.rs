//! The report's typography and colours in one place: sizes, greys, tone colours, and colours
//! derived from the agency's primary and accent.

use crate::model::{Branding, Rgb, Tone};

/// Body text.
pub(crate) const INK: Rgb = Rgb::new(0x1f, 0x29, 0x37);
/// Secondary text: captions, axis labels, header and footer.
pub(crate) const MUTED: Rgb = Rgb::new(0x6b, 0x72, 0x80);
/// Rules and gridlines.
pub(crate) const RULE: Rgb = Rgb::new(0xe5, 0xe7, 0xeb);
/// Axis lines, a shade darker than gridlines.
pub(crate) const AXIS: Rgb = Rgb::new(0x9c, 0xa3, 0xaf);
/// Every other table row.
pub(crate) const ZEBRA: Rgb = Rgb::new(0xf7, 0xf8, 0xfa);
pub(crate) const WHITE: Rgb = Rgb::new(0xff, 0xff, 0xff);

pub(crate) const BODY_SIZE: f32 = 10.0;
pub(crate) const BODY_LEADING: f32 = 14.5;
pub(crate) const TABLE_SIZE: f32 = 8.8;
pub(crate) const TABLE_LEADING: f32 = 11.8;

/// 18 mm.
pub(crate) const MARGIN_X: f32 = 51.0;
/// Content starts below the running header.
pub(crate) const CONTENT_TOP: f32 = 66.0;
/// Content ends this far above the bottom edge, above the footer.
pub(crate) const CONTENT_BOTTOM: f32 = 60.0;

/// Size, colour and spacing of a heading level.
pub(crate) struct HeadingStyle {
    pub(crate) size: f32,
    pub(crate) leading: f32,
    pub(crate) space_before: f32,
    pub(crate) space_after: f32,
}

pub(crate) fn heading_style(level: u8) -> HeadingStyle {
    match level {
        0 | 1 => HeadingStyle {
            size: 17.0,
            leading: 21.0,
            space_before: 18.0,
            space_after: 12.0,
        },
        2 => HeadingStyle {
            size: 13.0,
            leading: 17.0,
            space_before: 14.0,
            space_after: 6.0,
        },
        _ => HeadingStyle {
            size: 10.8,
            leading: 14.5,
            space_before: 10.0,
            space_after: 4.0,
        },
    }
}

/// The colours of one report.
#[derive(Debug, Clone)]
pub(crate) struct Theme {
    pub(crate) primary: Rgb,
    pub(crate) accent: Rgb,
}

impl Theme {
    pub(crate) fn new(branding: &Branding) -> Self {
        Self {
            primary: branding.primary,
            accent: branding.accent,
        }
    }

    /// Text on a primary background: white, or ink when the primary is light.
    pub(crate) fn on_primary(&self) -> Rgb {
        on(self.primary)
    }

    /// The primary darkened until it reads as text on white (a pale brand colour would not).
    pub(crate) fn primary_text(&self) -> Rgb {
        readable_on_white(self.primary, TEXT_CONTRAST)
    }

    /// Colours for chart series, in order: primary, accent, then lighter variants and greys.
    pub(crate) fn series_colour(&self, index: usize) -> Rgb {
        let palette = [
            self.primary,
            self.accent,
            mix(self.primary, INK, 0.45),
            mix(self.accent, INK, 0.45),
            Rgb::new(0x0e, 0xa5, 0xe9),
            Rgb::new(0x84, 0xcc, 0x16),
            MUTED,
        ];
        palette[index % palette.len()]
    }

    /// The strong colour of a tone: bars, values, titles.
    pub(crate) fn tone_colour(&self, tone: Tone) -> Rgb {
        match tone {
            Tone::Neutral => self.primary_text(),
            Tone::Info => Rgb::new(0x25, 0x63, 0xeb),
            Tone::Good => Rgb::new(0x15, 0x80, 0x3d),
            Tone::Warning => Rgb::new(0xb4, 0x53, 0x09),
            Tone::Danger => Rgb::new(0xdc, 0x26, 0x26),
        }
    }

    /// The pale background of a tone.
    pub(crate) fn tone_background(&self, tone: Tone) -> Rgb {
        match tone {
            Tone::Neutral => Rgb::new(0xf5, 0xf6, 0xf8),
            _ => tint(self.tone_colour(tone), 0.09),
        }
    }
}

/// `a` moved towards `b` by `t` (0 = a, 1 = b).
pub(crate) fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    let ch = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Rgb::new(ch(a.r, b.r), ch(a.g, b.g), ch(a.b, b.b))
}

/// `colour` at `strength` over white (0 = white, 1 = the colour).
pub(crate) fn tint(colour: Rgb, strength: f32) -> Rgb {
    mix(WHITE, colour, strength)
}

/// Relative luminance (WCAG), 0 = black, 1 = white.
pub(crate) fn luminance(c: Rgb) -> f32 {
    let lin = |v: u8| {
        let s = f32::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
}

/// Contrast ratio between two colours (WCAG), 1..=21.
pub(crate) fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// White or ink, whichever reads better on `background`.
pub(crate) fn on(background: Rgb) -> Rgb {
    if contrast(background, WHITE) >= contrast(background, INK) {
        WHITE
    } else {
        INK
    }
}

/// WCAG contrast for small text.
pub(crate) const TEXT_CONTRAST: f32 = 4.5;
/// WCAG contrast for graphics such as chart lines.
pub(crate) const GRAPHIC_CONTRAST: f32 = 3.0;

/// `colour`, darkened just enough to have `ratio` contrast on white.
pub(crate) fn readable_on_white(colour: Rgb, ratio: f32) -> Rgb {
    let mut c = colour;
    let mut step = 0;
    while contrast(c, WHITE) < ratio && step < 20 {
        c = mix(colour, INK, step as f32 * 0.05 + 0.05);
        step += 1;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_on_colours_stays_readable() {
        assert_eq!(on(Rgb::new(0x4f, 0x46, 0xe5)), WHITE);
        assert_eq!(on(Rgb::new(0xfd, 0xe0, 0x47)), INK);
        let pale = Rgb::new(0xfd, 0xe0, 0x47);
        assert!(contrast(readable_on_white(pale, TEXT_CONTRAST), WHITE) >= 4.5);
        assert!(contrast(readable_on_white(pale, GRAPHIC_CONTRAST), WHITE) >= 3.0);
        let dark = Rgb::new(0x1e, 0x3a, 0x8a);
        assert_eq!(readable_on_white(dark, TEXT_CONTRAST), dark);
        assert_eq!(tint(dark, 0.0), WHITE);
        assert_eq!(tint(dark, 1.0), dark);
    }
}
