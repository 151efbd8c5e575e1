//! Business Suite CSV fixtures, built in code so every quirk is visible.
#![allow(dead_code, unused_imports)]
pub use std::collections::HashMap;
pub use std::sync::atomic::{AtomicU32, Ordering};
pub use std::sync::Arc;

pub use chrono::{NaiveDate, TimeZone};
pub use chrono_tz::Tz;
pub use instagrowth_import::business_suite::parse_csv;
pub use instagrowth_import::{Control, ImportError, ParseOptions, ParsedImport, SourceKind};
pub use instagrowth_model::{Metrics, ParsedPost, PostKind};

/// The columns of a current (2026) English export, in the order Business Suite writes them.
#[rustfmt::skip]
pub const EN: &[&str] = &[
    "Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)",
    "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views", "Reach", "Likes",
    "Shares", "Follows", "Comments", "Saves",
];

/// The same columns with German headers.
#[rustfmt::skip]
pub const DE: &[&str] = &[
    "Beitrags-ID", "Konto-ID", "Benutzername des Kontos", "Kontoname", "Beschreibung",
    "Dauer (Sek.)", "Veröffentlichungszeitpunkt", "Permalink", "Beitragstyp", "Datenkommentar",
    "Datum", "Aufrufe", "Reichweite", "„Gefällt mir“-Angaben", "Geteilt", "Neue Follower",
    "Kommentare", "Gespeichert",
];

pub type Row = HashMap<&'static str, String>;

/// A row keyed by English column name, with plausible values.
pub fn row(id: &str, time: &str, kind: &str) -> Row {
    let values = [
        ("Post ID", id.to_string()),
        ("Account ID", "17841400000000000".into()),
        ("Account username", "glowstudio".into()),
        ("Account name", "Glow Studio".into()),
        ("Description", format!("Post {id} #glow with @ana_b")),
        ("Duration (sec)", "0".into()),
        ("Publish time", time.into()),
        ("Permalink", format!("https://www.instagram.com/p/{id}/")),
        ("Post type", kind.into()),
        ("Data comment", "".into()),
        ("Date", "Lifetime".into()),
        ("Views", "1,200".into()),
        ("Reach", "900".into()),
        ("Likes", "80".into()),
        ("Shares", "5".into()),
        ("Follows", "2".into()),
        ("Comments", "7".into()),
        ("Saves", "11".into()),
    ];
    values.into_iter().collect()
}

pub fn with(mut row: Row, column: &'static str, value: &str) -> Row {
    row.insert(column, value.to_string());
    row
}

/// Quotes a field the way a CSV writer does: when it holds a delimiter, quote or line break.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A file whose header reads `labels` and whose cells are the rows' values for `columns`
/// (English keys, same positions as `labels`).
pub fn file_labelled(columns: &[&str], labels: &[&str], rows: &[Row]) -> Vec<u8> {
    assert_eq!(columns.len(), labels.len());
    let mut out = labels
        .iter()
        .map(|l| quote(l))
        .collect::<Vec<_>>()
        .join(",")
        + "\n";
    for row in rows {
        let cells = columns
            .iter()
            .map(|c| quote(row.get(c).map(String::as_str).unwrap_or("")));
        out += &(cells.collect::<Vec<_>>().join(",") + "\n");
    }
    out.into_bytes()
}

pub fn file(columns: &[&str], rows: &[Row]) -> Vec<u8> {
    file_labelled(columns, columns, rows)
}

pub fn parse_in(bytes: &[u8], time_zone: Tz) -> Result<ParsedImport, ImportError> {
    parse_csv(bytes, &ParseOptions { time_zone }, &Control::new())
}

pub fn parse(bytes: &[u8]) -> ParsedImport {
    parse_in(bytes, Tz::UTC).expect("the file parses")
}

pub fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_hms_opt(h, mi, 0)
        .unwrap()
        .and_utc()
        .timestamp()
}

pub fn two_posts() -> Vec<Row> {
    vec![
        with(
            row("1001", "03/27/2026 06:08", "IG image"),
            "Description",
            "Spring drop 🌸 #Skincare #glow with @Ana_B",
        ),
        with(
            with(
                row("1002", "03/28/2026 18:30", "IG reel"),
                "Duration (sec)",
                "15.5",
            ),
            "Views",
            "12,400",
        ),
    ]
}
