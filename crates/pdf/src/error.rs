//! Why a report could not be made.

/// A report that could not be rendered. Nothing here panics on bad input: a bad logo or a font
/// that fails to load comes back as one of these.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The logo bytes are not a PNG or JPEG image this build can decode.
    #[error("the logo is not a PNG or JPEG image that can be read: {0}")]
    BadLogo(String),
    /// The PDF library failed (a font did not load, the document could not be written).
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}
