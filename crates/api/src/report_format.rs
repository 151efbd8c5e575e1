//! How numbers, dates and table columns read in every PDF report (audit, content pack, plan).
use chrono::NaiveDate;
use instagrowth_pdf::{Align, Column};

/// A fraction as people read it: 0.0345 → "3.5 %".
pub fn pct(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

pub fn opt_pct(x: Option<f64>) -> String {
    x.map(pct).unwrap_or_else(|| "—".into())
}

/// A value in a KPI or target unit: `percent` (a fraction), `per_week`, else a whole number.
pub fn in_unit(v: f64, unit: &str) -> String {
    match unit {
        "percent" => pct(v),
        "per_week" => format!("{v:.1} a week"),
        _ => format!("{v:.0}"),
    }
}

/// "26 November 2026" from an ISO date or time.
pub fn long_date(iso: &str) -> String {
    NaiveDate::parse_from_str(iso.get(..10).unwrap_or(iso), "%Y-%m-%d")
        .map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// "26 Nov".
pub fn short_date(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%-d %b").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

pub fn col(title: &str, width: f32, align: Align) -> Column {
    Column {
        title: title.into(),
        width,
        align,
    }
}
