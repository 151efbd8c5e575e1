//! Times as the server keeps them: Unix seconds (`i64`) in the database, so SQLite and PostgreSQL
//! store and compare them alike; RFC 3339 UTC strings only at the edges (licence files, JSON,
//! the CLI).
use chrono::{DateTime, NaiveDate, Utc};

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// Now, in Unix seconds.
pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// Unix seconds as a UTC time (out-of-range values clamp to the epoch).
pub fn to_datetime(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

/// Unix seconds as RFC 3339 UTC (`2026-01-01T00:00:00Z`), as licence files write times.
pub fn rfc3339(secs: i64) -> String {
    instagrowth_license::format_time(to_datetime(secs))
}

/// `YYYY-MM-DD` as the end of that day, UTC (a licence "expires on" a date: it works all day).
pub fn end_of_day(date: &str) -> Result<i64, String> {
    let d = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| format!("“{date}” is not a date: use YYYY-MM-DD, like 2027-01-31"))?;
    Ok(d.and_hms_opt(23, 59, 59)
        .expect("23:59:59 exists every day")
        .and_utc()
        .timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_767_225_600), "2026-01-01T00:00:00Z");
        assert_eq!(end_of_day("2026-01-01").unwrap(), 1_767_225_600 + DAY - 1);
        assert!(end_of_day("01/02/2026").unwrap_err().contains("YYYY-MM-DD"));
    }
}
