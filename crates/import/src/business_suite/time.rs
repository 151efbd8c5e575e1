//! `Publish time` as Business Suite writes it: a wall-clock time in the account's zone, in the
//! account's date format ("03/27/2026 06:08" in English, "27.03.2026 06:08" in German…).
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Timelike};
use chrono_tz::Tz;

/// How a file writes `a/b/yyyy`. Decided once per file, because one row alone cannot tell
/// "03/04/2026" apart; a row with a first number above 12 shows that the file is day-first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateOrder {
    /// US order, which the English export uses; the default when nothing says otherwise.
    MonthFirst,
    DayFirst,
    /// The rows contradict each other: each row is read on its own (day-first only when its
    /// first number is above 12).
    PerRow,
}

/// Looks at every publish time of a file to decide how its slashed dates are ordered.
pub(super) fn detect_order<'a>(values: impl IntoIterator<Item = &'a str>) -> DateOrder {
    let (mut day_first, mut month_first) = (false, false);
    for value in values {
        if let Some((a, b)) = slashed_pair(value) {
            day_first |= a > 12;
            month_first |= b > 12;
        }
    }
    match (day_first, month_first) {
        (true, true) => DateOrder::PerRow,
        (true, false) => DateOrder::DayFirst,
        _ => DateOrder::MonthFirst,
    }
}

/// The first two numbers of an `a/b/yyyy` date.
fn slashed_pair(value: &str) -> Option<(u32, u32)> {
    let (date, _) = split_date_time(value.trim());
    let mut parts = date.split('/');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if a.len() > 2 || c.len() < 2 {
        return None; // yyyy/mm/dd, not a day/month question
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// Unix seconds (UTC) of a publish time that is local to `tz`; `None` when it cannot be read.
pub(super) fn to_unix(raw: &str, order: DateOrder, tz: Tz) -> Option<i64> {
    let s = raw.trim();
    // A value with its own offset ("2026-03-27T06:08:00+0000") is an instant already.
    if let Ok(dt) = DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%z"))
    {
        return Some(dt.timestamp());
    }
    let naive = parse_naive(s, order)?;
    Some(local_to_utc(naive, tz))
}

/// The wall-clock time as written, without a zone.
pub(super) fn parse_naive(s: &str, order: DateOrder) -> Option<NaiveDateTime> {
    let (date, time) = split_date_time(s.trim());
    let date = parse_date(date, order)?;
    let time = if time.is_empty() {
        NaiveTime::MIN
    } else {
        parse_time(time)?
    };
    Some(date.and_time(time))
}

/// "03/27/2026 06:08" → ("03/27/2026", "06:08"); the ISO 'T' separates too.
fn split_date_time(s: &str) -> (&str, &str) {
    // The separator may be a multi-byte space (a no-break space from a spreadsheet's locale).
    match s
        .char_indices()
        .find(|&(_, c)| c == 'T' || c.is_whitespace())
    {
        // Some locales write "27.03.2026, 06:08".
        Some((i, c)) => (s[..i].trim_end_matches(','), s[i + c.len_utf8()..].trim()),
        None => (s, ""),
    }
}

fn parse_date(s: &str, order: DateOrder) -> Option<NaiveDate> {
    let sep = ['-', '.', '/'].into_iter().find(|c| s.contains(*c))?;
    let parts: Vec<&str> = s.trim_end_matches('.').split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let n = |p: &str| p.trim().parse::<u32>().ok();
    let (a_num, b_num, c_num) = (n(a)?, n(b)?, n(c)?);
    let (y, m, d) = if a.len() == 4 {
        (a_num, b_num, c_num) // 2026-03-27, 2026/03/27
    } else if sep != '/' || day_first(a_num, order) {
        (c_num, b_num, a_num) // 27.03.2026, 27-03-2026, 27/03/2026
    } else {
        (c_num, a_num, b_num) // 03/27/2026
    };
    // Excel re-saves sometimes shorten the year: "3/27/26".
    let y = if c.len() <= 2 && a.len() != 4 {
        2000 + y
    } else {
        y
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

fn day_first(first: u32, order: DateOrder) -> bool {
    match order {
        DateOrder::MonthFirst => false,
        DateOrder::DayFirst => true,
        DateOrder::PerRow => first > 12,
    }
}

/// "06:08", "06:08:00", "06:08:00.000", "6:08 AM".
fn parse_time(s: &str) -> Option<NaiveTime> {
    let lower = s.to_ascii_lowercase();
    let (clock, meridiem) = match (lower.strip_suffix("am"), lower.strip_suffix("pm")) {
        (Some(c), _) => (c.trim().to_string(), Some(false)),
        (_, Some(c)) => (c.trim().to_string(), Some(true)),
        _ => (lower, None),
    };
    let mut parts = clock.split(':');
    let hour: u32 = parts.next()?.trim().parse().ok()?;
    let minute: u32 = parts.next()?.trim().parse().ok()?;
    // Fractions of a second are dropped: published_at is whole seconds.
    let second: u32 = match parts.next() {
        Some(sec) => sec.split('.').next()?.trim().parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let hour = match meridiem {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// A wall-clock time in `tz` as Unix seconds. Around DST changes a wall time can happen twice
/// (autumn: the earlier instant is taken) or never (spring gap: the first instant after the
/// gap, i.e. the transition itself, is taken).
pub(super) fn local_to_utc(naive: NaiveDateTime, tz: Tz) -> i64 {
    if let Some(dt) = tz.from_local_datetime(&naive).earliest() {
        return dt.timestamp();
    }
    first_after_gap(naive, tz)
}

fn first_after_gap(naive: NaiveDateTime, tz: Tz) -> i64 {
    // Transitions fall on whole minutes; gaps last an hour, rarely half an hour, and once
    // (Samoa, 2011) a whole day, so two days of minutes is plenty.
    let mut t = naive
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(naive);
    for _ in 0..2 * 24 * 60 {
        t += TimeDelta::minutes(1);
        if let Some(dt) = tz.from_local_datetime(&t).earliest() {
            return dt.timestamp();
        }
    }
    naive.and_utc().timestamp() // not reachable with the tz database; read the time as UTC
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, s)
            .unwrap()
    }

    #[test]
    fn formats_business_suite_and_spreadsheets_write() {
        let want = at(2026, 3, 27, 6, 8, 0);
        for raw in [
            "03/27/2026 06:08",
            "3/27/2026 6:08",
            "03/27/26 06:08",
            "2026-03-27 06:08",
            "2026-03-27T06:08:00",
            "2026-03-27T06:08:00.000",
            "2026/03/27 06:08",
            "27.03.2026 06:08",
            "27.03.2026, 06:08",
            "27-03-2026 06:08",
            "03/27/2026 6:08 AM",
            " 03/27/2026 06:08 ",
        ] {
            assert_eq!(parse_naive(raw, DateOrder::MonthFirst), Some(want), "{raw}");
        }
        assert_eq!(
            parse_naive("03/27/2026 6:08 PM", DateOrder::MonthFirst),
            Some(at(2026, 3, 27, 18, 8, 0))
        );
        assert_eq!(
            parse_naive("03/27/2026 12:08 AM", DateOrder::MonthFirst),
            Some(at(2026, 3, 27, 0, 8, 0))
        );
        assert_eq!(
            parse_naive("03/27/2026", DateOrder::MonthFirst),
            Some(at(2026, 3, 27, 0, 0, 0))
        );
    }

    #[test]
    fn nonsense_is_refused() {
        for raw in [
            "",
            "Lifetime",
            "27/03/2026 06:08",
            "02/30/2026 06:08",
            "03/27/2026 25:00",
            "03/27/2026 13:08 PM",
            "03/27/2026 06:08:00:00",
        ] {
            assert_eq!(parse_naive(raw, DateOrder::MonthFirst), None, "{raw}");
        }
    }

    #[test]
    fn slashed_dates_follow_the_file_order() {
        assert_eq!(
            parse_naive("03/04/2026 10:00", DateOrder::MonthFirst),
            Some(at(2026, 3, 4, 10, 0, 0))
        );
        assert_eq!(
            parse_naive("03/04/2026 10:00", DateOrder::DayFirst),
            Some(at(2026, 4, 3, 10, 0, 0))
        );
        assert_eq!(
            parse_naive("03/04/2026 10:00", DateOrder::PerRow),
            Some(at(2026, 3, 4, 10, 0, 0))
        );
        assert_eq!(
            parse_naive("27/03/2026 10:00", DateOrder::PerRow),
            Some(at(2026, 3, 27, 10, 0, 0))
        );
        // Dots and ISO never depend on it.
        assert_eq!(
            parse_naive("03.04.2026 10:00", DateOrder::MonthFirst),
            Some(at(2026, 4, 3, 10, 0, 0))
        );
        assert_eq!(
            parse_naive("2026-03-04 10:00", DateOrder::DayFirst),
            Some(at(2026, 3, 4, 10, 0, 0))
        );
    }

    #[test]
    fn order_is_detected_from_the_whole_file() {
        assert_eq!(
            detect_order(["03/04/2026 10:00", "03/27/2026 10:00"]),
            DateOrder::MonthFirst
        );
        assert_eq!(
            detect_order(["03/04/2026 10:00", "27/03/2026 10:00"]),
            DateOrder::DayFirst
        );
        assert_eq!(detect_order(["03/04/2026 10:00"]), DateOrder::MonthFirst);
        assert_eq!(
            detect_order(["27/03/2026 10:00", "03/27/2026 10:00"]),
            DateOrder::PerRow
        );
        assert_eq!(
            detect_order(["2026/03/27 10:00", "27.03.2026 10:00"]),
            DateOrder::MonthFirst
        );
    }

    #[test]
    fn local_times_become_utc() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let ny: Tz = "America/New_York".parse().unwrap();
        let utc = |y, mo, d, h, mi| at(y, mo, d, h, mi, 0).and_utc().timestamp();
        // 27 March 2026 is before the EU switch (29 March): CET, +1.
        assert_eq!(
            to_unix("03/27/2026 06:08", DateOrder::MonthFirst, berlin),
            Some(utc(2026, 3, 27, 5, 8))
        );
        // April: CEST, +2.
        assert_eq!(
            to_unix("04/10/2026 06:08", DateOrder::MonthFirst, berlin),
            Some(utc(2026, 4, 10, 4, 8))
        );
        assert_eq!(
            to_unix("03/27/2026 06:08", DateOrder::MonthFirst, ny),
            Some(utc(2026, 3, 27, 10, 8))
        );
        assert_eq!(
            to_unix("03/27/2026 06:08", DateOrder::MonthFirst, Tz::UTC),
            Some(utc(2026, 3, 27, 6, 8))
        );
        // An explicit offset wins over the zone.
        assert_eq!(
            to_unix("2026-03-27T06:08:00+0000", DateOrder::MonthFirst, berlin),
            Some(utc(2026, 3, 27, 6, 8))
        );
        assert_eq!(
            to_unix("2026-03-27T06:08:00Z", DateOrder::MonthFirst, berlin),
            Some(utc(2026, 3, 27, 6, 8))
        );
        assert_eq!(to_unix("soon", DateOrder::MonthFirst, berlin), None);
    }

    #[test]
    fn dst_edges_take_the_earliest_valid_instant() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let utc = |y, mo, d, h, mi| at(y, mo, d, h, mi, 0).and_utc().timestamp();
        // 25 Oct 2026, 02:30 happens twice (CEST 00:30 UTC, then CET 01:30 UTC).
        assert_eq!(
            local_to_utc(at(2026, 10, 25, 2, 30, 0), berlin),
            utc(2026, 10, 25, 0, 30)
        );
        // 29 Mar 2026, 02:00–03:00 never happens; the clocks jump at 01:00 UTC.
        assert_eq!(
            local_to_utc(at(2026, 3, 29, 2, 30, 0), berlin),
            utc(2026, 3, 29, 1, 0)
        );
        assert_eq!(
            local_to_utc(at(2026, 3, 29, 2, 0, 45), berlin),
            utc(2026, 3, 29, 1, 0)
        );
    }
}
