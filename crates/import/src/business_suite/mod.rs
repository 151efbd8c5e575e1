//! The Meta Business Suite content CSV (Insights → Content → Export): one row per post, reel
//! or story with its lifetime metrics. Meta does not document the format; what is known comes
//! from public parser tests (see `columns` for the header names, `time` for the dates).
//!
//! Traps: headers are localised and reordered between files; a BOM may lead the file; numbers
//! are quoted with thousands separators ("12,400") and unknown ones are "--"; `Publish time`
//! is a wall-clock time in the account's zone in the account's date format; the `Date` column
//! says "Lifetime" and is not a date.
mod columns;
mod time;

use std::collections::HashMap;

use csv::StringRecord;
use instagrowth_model::{Metrics, ParsedImport, ParsedPost, SourceKind};

use crate::error::{ImportError, ImportResult};
use crate::labels::Metric;
use crate::progress::Control;
use crate::source::ParseOptions;
use crate::text;
use columns::Columns;
use time::DateOrder;

/// How the file is named in errors ("… is empty").
const NAME: &str = "the Business Suite CSV";
/// Rows between progress reports (and cancellation checks).
const BATCH: usize = 200;
/// At most this many bytes in a CSV. A row is a post with its caption, typically under 1 KB:
/// years of daily posts and stories are a few MB.
pub const MAX_CSV_BYTES: u64 = 32 * 1024 * 1024;
/// At most this many rows with data (one per post, reel or story).
pub const MAX_CSV_ROWS: usize = 100_000;

/// Reads a Business Suite content CSV. Times are read as local to `opts.time_zone`.
pub fn parse_csv(bytes: &[u8], opts: &ParseOptions, ctl: &Control) -> ImportResult<ParsedImport> {
    ctl.check()?;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    reject_utf16(bytes)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty(NAME.into()));
    }
    let mut reader = csv::ReaderBuilder::new()
        // Short or long rows are reported one by one instead of failing the whole file.
        .flexible(true)
        .delimiter(sniff_delimiter(bytes))
        .from_reader(bytes);
    let header = reader.headers().map_err(csv_error)?.clone();
    let mut out = ParsedImport {
        source: Some(SourceKind::BusinessSuiteCsv),
        ..ParsedImport::default()
    };
    let columns = Columns::from_header(&header, &mut out.warnings)?;
    let rows = read_rows(&mut reader, ctl)?;
    if rows.is_empty() {
        return Err(ImportError::Empty(NAME.into()));
    }
    let order = time::detect_order(rows.iter().filter_map(|r| r.get(columns.publish_time)));
    if order == DateOrder::PerRow {
        out.warnings.push(
            "publish times mix month/day and day/month dates; each was read on its own (day first only \
             when the first number is above 12)"
                .into(),
        );
    }
    Rows {
        columns: &columns,
        order,
        opts,
        out: &mut out,
    }
    .convert(&rows, ctl)?;
    Ok(out)
}

/// Excel's "Unicode text" is UTF-16; say so rather than report garbage at line 1.
fn reject_utf16(bytes: &[u8]) -> ImportResult<()> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(ImportError::Csv {
            line: 1,
            detail: "the file is UTF-16 text; export it again from Business Suite, or save it as \"CSV UTF-8\"".into(),
        });
    }
    Ok(())
}

/// Business Suite writes commas; a spreadsheet re-saved in a German or French locale writes
/// semicolons. The header line decides (quoted text ignored); a tie means comma.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in bytes {
        if b == b'\n' && !quoted {
            break;
        } else if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            counts
                .iter_mut()
                .filter(|(d, _)| *d == b)
                .for_each(|(_, n)| *n += 1);
        }
    }
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// Every data row, blank ones (",,,,") dropped; more than [`MAX_CSV_ROWS`] fails the file, as
/// does invalid UTF-8 (with its line).
fn read_rows(reader: &mut csv::Reader<&[u8]>, ctl: &Control) -> ImportResult<Vec<StringRecord>> {
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        if i % (BATCH * 5) == 0 {
            ctl.check()?;
        }
        let record = record.map_err(csv_error)?;
        if record.iter().any(|f| !f.trim().is_empty()) {
            if rows.len() == MAX_CSV_ROWS {
                return Err(ImportError::CsvTooManyRows {
                    limit: MAX_CSV_ROWS,
                });
            }
            rows.push(record);
        }
    }
    Ok(rows)
}

fn csv_error(e: csv::Error) -> ImportError {
    let line = e.position().map_or(1, |p| p.line());
    let detail = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "it is not UTF-8 text; save the file as \"CSV UTF-8\"".to_string()
        }
        _ => e.to_string(),
    };
    ImportError::Csv { line, detail }
}

/// The row-by-row conversion of one file.
struct Rows<'a> {
    columns: &'a Columns,
    order: DateOrder,
    opts: &'a ParseOptions,
    out: &'a mut ParsedImport,
}

impl Rows<'_> {
    fn convert(mut self, rows: &[StringRecord], ctl: &Control) -> ImportResult<()> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut duplicates = 0usize;
        let mut other_accounts: Vec<String> = Vec::new();
        let mut reported = 0;
        for (i, row) in rows.iter().enumerate() {
            if i > 0 && i % BATCH == 0 {
                ctl.items_parsed(BATCH)?;
                reported += BATCH;
            }
            self.note_username(row, &mut other_accounts);
            match self.post(row) {
                Ok(post) => match index.get(&post.source_key) {
                    // The same post twice (an export appended to another): the later row wins.
                    Some(&at) => {
                        duplicates += 1;
                        self.out.posts[at] = post;
                    }
                    None => {
                        index.insert(post.source_key.clone(), self.out.posts.len());
                        self.out.posts.push(post);
                    }
                },
                Err(reason) => {
                    self.out
                        .warnings
                        .push(format!("line {}: {reason}; the row was skipped", line(row)));
                    self.out.skipped += 1;
                }
            }
        }
        ctl.items_parsed(rows.len() - reported)?;
        self.finish(duplicates, &other_accounts);
        Ok(())
    }

    fn finish(&mut self, duplicates: usize, other_accounts: &[String]) {
        if duplicates > 0 {
            self.out.warnings.push(format!(
                "{duplicates} row(s) repeated a post already in the file; the last row of each post was kept"
            ));
        }
        if !other_accounts.is_empty() {
            self.out.warnings.push(format!(
                "the rows name more than one account ({}); the posts are imported for @{}",
                other_accounts.join(", "),
                self.out.username.as_deref().unwrap_or_default()
            ));
        }
    }

    /// The first username is the account's; any other one is collected for a warning.
    fn note_username(&mut self, row: &StringRecord, others: &mut Vec<String>) {
        let Some(name) = cell(row, self.columns.username).map(|n| n.trim_start_matches('@').trim())
        else {
            return;
        };
        match &self.out.username {
            _ if name.is_empty() => {}
            None => self.out.username = Some(name.to_string()),
            Some(first) if first.eq_ignore_ascii_case(name) => {}
            Some(_) if others.iter().any(|o| o.eq_ignore_ascii_case(name)) => {}
            Some(_) => others.push(name.to_string()),
        }
    }

    /// One row as a post, or why it cannot be one.
    fn post(&self, row: &StringRecord) -> Result<ParsedPost, String> {
        let c = self.columns;
        check_width(row, c.count)?;
        let kind_raw = cell(row, Some(c.post_type)).unwrap_or_default().trim();
        let kind = columns::post_kind(kind_raw)
            .ok_or_else(|| format!("post type \"{kind_raw}\" is not one this app knows"))?;
        let time_raw = cell(row, Some(c.publish_time)).unwrap_or_default().trim();
        let published_at = time::to_unix(time_raw, self.order, self.opts.time_zone)
            .ok_or_else(|| format!("publish time \"{time_raw}\" cannot be read"))?;
        let caption = cell(row, c.description)
            .unwrap_or_default()
            .trim()
            .to_string();
        Ok(ParsedPost {
            source_key: source_key(row, c, published_at),
            kind,
            published_at,
            hashtags: text::hashtags(&caption),
            mentions: text::mentions(&caption),
            caption,
            // The CSV does not say how many slides a carousel has; 1 until another source says.
            media_count: 1,
            duration_secs: cell(row, c.duration).and_then(duration),
            metrics: metrics(row, &c.metrics),
            archived: false,
        })
    }
}

/// A row with fewer fields than the header has lost its columns' positions (a broken quote or a
/// hand edit), as has one with extra non-empty fields; trailing empty fields are harmless.
fn check_width(row: &StringRecord, want: usize) -> Result<(), String> {
    let extra_data = row.iter().skip(want).any(|f| !f.trim().is_empty());
    if row.len() < want || extra_data {
        return Err(format!(
            "it has {} fields where the header has {want}",
            row.len()
        ));
    }
    Ok(())
}

fn line(row: &StringRecord) -> u64 {
    row.position().map_or(0, |p| p.line())
}

fn cell(row: &StringRecord, column: Option<usize>) -> Option<&str> {
    column.and_then(|i| row.get(i))
}

/// The permalink when there is one, else the post id, else the time.
fn source_key(row: &StringRecord, c: &Columns, published_at: i64) -> String {
    let present = |col| {
        cell(row, col)
            .map(str::trim)
            .filter(|v| !v.is_empty() && !v.starts_with("--"))
    };
    if let Some(link) = present(c.permalink) {
        link.to_string()
    } else if let Some(id) = present(c.post_id) {
        format!("post:{id}")
    } else {
        format!("ts:{published_at}")
    }
}

fn metrics(row: &StringRecord, columns: &[(Metric, usize)]) -> Metrics {
    let mut m = Metrics::default();
    for &(metric, i) in columns {
        let value = row.get(i).and_then(text::parse_count);
        *metric.slot(&mut m) = value;
    }
    m
}

/// `Duration (sec)`: "12", "12.5", "12,5" (decimal comma), "1,234.5". Images carry 0, which
/// says "no duration", not "zero seconds": `None`, like "--" and empty.
fn duration(raw: &str) -> Option<f64> {
    let s = raw.trim();
    let s = if s.contains('.') {
        s.replace(',', "")
    } else {
        s.replace(',', ".")
    };
    let value: f64 = s.parse().ok()?;
    (value.is_finite() && value > 0.0).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration("12"), Some(12.0));
        assert_eq!(duration(" 12.5 "), Some(12.5));
        assert_eq!(duration("12,5"), Some(12.5));
        assert_eq!(duration("1,234.5"), Some(1234.5));
        for none in ["", "--", "0", "-3", "NaN", "inf", "abc"] {
            assert_eq!(duration(none), None, "{none}");
        }
    }

    #[test]
    fn delimiter_is_sniffed_from_the_header_line() {
        assert_eq!(
            sniff_delimiter(b"Post ID,Publish time,Views\n1;2;3;4"),
            b','
        );
        assert_eq!(
            sniff_delimiter(b"Post ID;Publish time;\"Views, total\"\n"),
            b';'
        );
        assert_eq!(sniff_delimiter(b"Post ID\tPublish time\tViews"), b'\t');
        assert_eq!(sniff_delimiter(b"Views"), b',');
    }
}
