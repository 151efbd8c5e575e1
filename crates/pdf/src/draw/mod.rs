//! Drawing: each module places one kind of thing on the pages.

pub(crate) mod badges;
pub(crate) mod charts;
pub(crate) mod chrome;
pub(crate) mod cover;
pub(crate) mod table;
pub(crate) mod text;

use crate::fonts::{Face, Fonts};

/// The baseline of a line of `size`-point text set in a line box `leading` points tall whose top
/// is `top`: the glyphs' full height (ascent + descent) is centred in the box.
pub(crate) fn baseline(fonts: &Fonts, face: Face, size: f32, top: f32, leading: f32) -> f32 {
    let metrics = fonts.face(face);
    let glyphs = (metrics.ascent + metrics.descent) * size;
    top + (leading - glyphs) / 2.0 + metrics.ascent * size
}

/// The top of a capital letter above its baseline, for aligning text with shapes.
pub(crate) fn cap_height(size: f32) -> f32 {
    // DejaVu Sans: capital height 0.729 em.
    0.729 * size
}
