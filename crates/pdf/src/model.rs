//! The report as the features describe it: branding, document, blocks. Plain data, no layout.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    pub const fn new(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// Parses `#4f46e5`, `4f46e5` or the short form `#45e`. `None` for anything else.
    pub fn from_hex(hex: &str) -> Option<Rgb> {
        let digits = hex.trim().strip_prefix('#').unwrap_or(hex.trim());
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let nibble = |i: usize| u8::from_str_radix(&digits[i..=i], 16).ok();
        let byte = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
        match digits.len() {
            6 => Some(Rgb::new(byte(0)?, byte(2)?, byte(4)?)),
            3 => Some(Rgb::new(nibble(0)? * 17, nibble(1)? * 17, nibble(2)? * 17)),
            _ => None,
        }
    }

    /// `#rrggbb`, lower case.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// Page size. A4 is 595 × 842 pt, Letter 612 × 792 pt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// The agency's look. Everything an agency can brand is here.
#[derive(Debug, Clone, PartialEq)]
pub struct Branding {
    pub agency_name: String,
    /// PNG or JPEG bytes. Bytes that do not decode make `render` fail with `PdfError::BadLogo`.
    pub logo: Option<Vec<u8>>,
    /// Headings, the cover band, the first chart series, table headers.
    pub primary: Rgb,
    /// Highlights (the cover stripe, the top bar of a bar chart) and the second series.
    pub accent: Rgb,
    /// e.g. "hello@agency.com · +44 20 1234 5678": in the footer of the cover and the last page.
    pub contact_line: String,
    pub paper: Paper,
    /// false: a small "Made with InstaGrowth OS" mark in the footer; true: no InstaGrowth mark
    /// anywhere (text or metadata).
    pub white_label: bool,
    /// e.g. "TRIAL": drawn faintly across every page.
    pub watermark: Option<String>,
}

/// One report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// "Instagram account audit"
    pub title: String,
    pub client_name: String,
    /// Without the '@'.
    pub client_handle: String,
    /// Already formatted, e.g. "26 November 2026".
    pub date: String,
    pub branding: Branding,
    pub blocks: Vec<Block>,
}

/// The mood of a callout, badge or table row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Neutral,
    Info,
    Good,
    Warning,
    Danger,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
    Center,
}

/// A table column. `width` is a relative weight: columns share the text width in proportion.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

/// A score card: label on top, a big value, a caption below.
#[derive(Debug, Clone, PartialEq)]
pub struct Badge {
    pub label: String,
    /// "72" or "4.1 %".
    pub value: String,
    pub caption: String,
    pub tone: Tone,
}

/// One line of a line chart. `None` values are gaps.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// How chart values and axis ticks are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueFormat {
    /// 1,234 · 12.5 · 0.42
    #[default]
    Number,
    /// A fraction: 0.034 → "3.4 %".
    Percent,
    /// Rounded, with thousands separators: 12,345.
    Integer,
}

/// The content of a report, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `level` 1..=3 (values outside are clamped).
    Heading {
        level: u8,
        text: String,
    },
    /// Wrapped; '\n' starts a new line.
    Paragraph(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
    KeyValues(Vec<(String, String)>),
    /// Breaks across pages with the header repeated; cells wrap. `row_tones` empty = none.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
        row_tones: Vec<Option<Tone>>,
    },
    Callout {
        tone: Tone,
        title: String,
        text: String,
    },
    /// A row of score cards (wraps to more rows).
    Badges(Vec<Badge>),
    LineChart {
        title: String,
        labels: Vec<String>,
        series: Vec<Series>,
        y_format: ValueFormat,
        note: Option<String>,
    },
    BarChart {
        title: String,
        bars: Vec<(String, f64)>,
        y_format: ValueFormat,
        note: Option<String>,
    },
    /// e.g. 7 weekdays × 24 hours. `None` = no data (drawn empty); darker = higher.
    Heatmap {
        title: String,
        row_labels: Vec<String>,
        col_labels: Vec<String>,
        values: Vec<Vec<Option<f64>>>,
        note: Option<String>,
    },
    PageBreak,
    /// Vertical space in points.
    Spacer(f32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_parse() {
        assert_eq!(Rgb::from_hex("#4f46e5"), Some(Rgb::new(0x4f, 0x46, 0xe5)));
        assert_eq!(Rgb::from_hex("4F46E5"), Some(Rgb::new(0x4f, 0x46, 0xe5)));
        assert_eq!(Rgb::from_hex(" #fff "), Some(Rgb::new(255, 255, 255)));
        assert_eq!(Rgb::from_hex("#12345"), None);
        assert_eq!(Rgb::from_hex("#gggggg"), None);
        assert_eq!(Rgb::from_hex("#ééé"), None);
        assert_eq!(Rgb::from_hex(""), None);
        assert_eq!(Rgb::new(1, 2, 255).to_hex(), "#0102ff");
    }
}
