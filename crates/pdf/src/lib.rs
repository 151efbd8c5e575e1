//! `instagrowth-pdf`: the branded PDF report engine behind the audit, planner and content
//! features. A feature describes a report as a [`Document`] (branding + [`Block`]s) and
//! [`render`] turns it into PDF bytes: a cover, then content pages with a running header and
//! footer, text, tables and charts drawn natively, DejaVu Sans embedded and subset.
//!
//! Modules: `model` (the public types), `fonts` (the embedded faces, text measurement and
//! wrapping), `theme` (sizes and colours), `canvas` (one page's drawing operations), `layout`
//! (pagination), `draw/` (cover, chrome, text, table, badges, charts), `numbers` (value
//! formatting and axis ticks).

mod canvas;
mod draw;
mod error;
mod fonts;
mod layout;
mod model;
mod numbers;
mod theme;

use printpdf::{
    ExtendedGraphicsState, ImageOptimizationOptions, PdfDocument, PdfSaveOptions, RawImage,
};

pub use crate::error::PdfError;
pub use crate::model::{
    Align, Badge, Block, Branding, Column, Document, Paper, Rgb, Series, Tone, ValueFormat,
};

use crate::canvas::{Canvas, PageResources};
use crate::draw::cover::Logo;
use crate::fonts::Fonts;
use crate::layout::Flow;
use crate::theme::Theme;

/// Opacity of the watermark.
const WATERMARK_ALPHA: f32 = 0.13;
/// Logos larger than this (decoded) are scaled down before embedding.
const LOGO_MAX_BYTES: &str = "400kb";

/// Renders `doc` to PDF bytes.
///
/// Errors: [`PdfError::BadLogo`] when the logo is not a PNG or JPEG that decodes;
/// [`PdfError::Pdf`] when the PDF library fails.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::get()?;
    let branding = &doc.branding;
    let mut pdf = PdfDocument::new(&doc.title);
    let info = &mut pdf.metadata.info;
    info.author = branding.agency_name.clone();
    info.subject = format!("{} (@{})", doc.client_name, doc.client_handle);
    info.creator = if branding.white_label {
        branding.agency_name.clone()
    } else {
        "InstaGrowth OS".to_string()
    };
    info.producer = info.creator.clone();
    // printpdf leaves the dates at 1970 otherwise; viewers show them under Properties.
    info.creation_date = printpdf::OffsetDateTime::now_utc();
    info.modification_date = info.creation_date;

    let logo = branding
        .logo
        .as_deref()
        .map(|bytes| add_logo(&mut pdf, bytes))
        .transpose()?;
    let faint = branding
        .watermark
        .as_deref()
        .filter(|w| !w.trim().is_empty())
        .map(|_| {
            pdf.add_graphics_state(
                ExtendedGraphicsState::default().with_current_fill_alpha(WATERMARK_ALPHA),
            )
        });
    let resources = PageResources {
        regular: pdf.add_font(&fonts.regular.parsed),
        bold: pdf.add_font(&fonts.bold.parsed),
        faint,
    };
    let theme = Theme::new(branding);
    let (width, height) = branding.paper.size_pt();

    let mut cover = Canvas::new(width, height, fonts, resources.clone());
    draw::cover::draw(&mut cover, doc, &theme, logo.as_ref());
    let mut flow = Flow::new(branding.paper, fonts, theme.clone(), resources);
    layout::flow_blocks(&mut flow, &doc.blocks);

    // Only now is the page count known: header, footer and watermark go on last.
    let mut pages = vec![cover];
    pages.extend(flow.into_pages());
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        draw::chrome::draw(page, doc, &theme, index, total);
    }
    pdf.with_pages(pages.into_iter().map(Canvas::into_page).collect());

    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: Some(ImageOptimizationOptions {
            max_image_size: Some(LOGO_MAX_BYTES.to_string()),
            ..ImageOptimizationOptions::default()
        }),
    };
    let mut warnings = Vec::new();
    let bytes = pdf.save(&options, &mut warnings);
    if bytes.is_empty() {
        return Err(PdfError::Pdf(format!("nothing was written: {warnings:?}")));
    }
    Ok(bytes)
}

fn add_logo(pdf: &mut PdfDocument, bytes: &[u8]) -> Result<Logo, PdfError> {
    let mut warnings = Vec::new();
    let image = RawImage::decode_from_bytes(bytes, &mut warnings).map_err(PdfError::BadLogo)?;
    if image.width == 0 || image.height == 0 {
        return Err(PdfError::BadLogo("the image is empty".to_string()));
    }
    let px = (image.width, image.height);
    Ok(Logo {
        id: pdf.add_image(&image),
        px,
    })
}
