//! The Meta Business Suite content CSV: missing columns, empty files, bad rows, cancellation.
mod csv_support;

use csv_support::*;

#[test]
fn missing_required_columns() {
    let without = |gone: &str| -> Vec<&str> { EN.iter().copied().filter(|c| *c != gone).collect() };
    let rows = two_posts();
    match parse_in(&file(&without("Publish time"), &rows), Tz::UTC) {
        Err(ImportError::CsvMissingColumn(c)) => assert_eq!(c, "Publish time"),
        other => panic!("{other:?}"),
    }
    match parse_in(&file(&without("Post type"), &rows), Tz::UTC) {
        Err(ImportError::CsvMissingColumn(c)) => assert_eq!(c, "Post type"),
        other => panic!("{other:?}"),
    }
    let no_metrics = ["Post ID", "Publish time", "Post type", "Description"];
    assert!(matches!(
        parse_in(&file(&no_metrics, &rows), Tz::UTC),
        Err(ImportError::CsvMissingColumn(_))
    ));
}

#[test]
fn empty_files() {
    for bytes in [
        file(EN, &[]),
        b"".to_vec(),
        b"\xef\xbb\xbf".to_vec(),
        b" \r\n\n".to_vec(),
        [file(EN, &[]), b",,,,,,,,,,,,,,,,,\n".to_vec()].concat(),
    ] {
        match parse_in(&bytes, Tz::UTC) {
            Err(ImportError::Empty(what)) => assert!(what.contains("CSV")),
            other => panic!("{:?}: {other:?}", String::from_utf8_lossy(&bytes)),
        }
    }
}

#[test]
fn cancelled_before_the_call() {
    let ctl = Control::new();
    ctl.cancel();
    let result = parse_csv(&file(EN, &two_posts()), &ParseOptions::default(), &ctl);
    assert!(matches!(result, Err(ImportError::Cancelled)), "{result:?}");
}

fn many_rows(n: usize) -> Vec<u8> {
    let rows: Vec<Row> = (0..n)
        .map(|i| row(&i.to_string(), "03/27/2026 06:08", "IG image"))
        .collect();
    file(EN, &rows)
}

#[test]
fn progress_is_reported_and_cancellation_honoured_mid_file() {
    let reports = Arc::new(AtomicU32::new(0));
    let seen = reports.clone();
    let ctl = Control::new().on_progress(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    let parsed = parse_csv(&many_rows(450), &ParseOptions::default(), &ctl).unwrap();
    assert_eq!(parsed.posts.len(), 450);
    assert_eq!(ctl.progress().items_parsed, 450);
    assert!(
        reports.load(Ordering::SeqCst) >= 3,
        "a report every 200 rows"
    );

    let ctl = Control::new();
    let canceller = ctl.clone();
    let ctl = ctl.on_progress(move |_| canceller.cancel());
    let result = parse_csv(&many_rows(450), &ParseOptions::default(), &ctl);
    assert!(matches!(result, Err(ImportError::Cancelled)), "{result:?}");
    assert_eq!(
        ctl.progress().items_parsed,
        200,
        "stopped at the first report"
    );
}

#[test]
fn unknown_columns_are_warned_about_once_each() {
    let mut columns = EN.to_vec();
    columns.extend(["Boost status", "Funnel stage"]);
    let parsed = parse(&file(&columns, &two_posts()));
    assert_eq!(parsed.posts.len(), 2);
    assert_eq!(parsed.warnings.len(), 2, "{:?}", parsed.warnings);
    assert!(
        parsed.warnings[0].contains("\"Boost status\"")
            && parsed.warnings[1].contains("\"Funnel stage\"")
    );
}

#[test]
fn repeated_posts_keep_the_last_row() {
    let rows = vec![
        row("1", "03/27/2026 06:08", "IG image"),
        row("2", "03/27/2026 07:00", "IG image"),
        with(row("1", "03/27/2026 06:08", "IG image"), "Views", "5,000"),
        with(row("2", "03/27/2026 07:00", "IG image"), "Views", "6,000"),
    ];
    let parsed = parse(&file(EN, &rows));
    assert_eq!(
        parsed
            .posts
            .iter()
            .map(|p| p.metrics.views)
            .collect::<Vec<_>>(),
        [Some(5000), Some(6000)]
    );
    assert_eq!(
        parsed.warnings.len(),
        1,
        "one warning for the file: {:?}",
        parsed.warnings
    );
    assert!(
        parsed.warnings[0].starts_with("2 row"),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn source_key_falls_back_to_post_id_then_time() {
    let rows = vec![
        with(
            row("1", "03/27/2026 06:08", "IG image"),
            "Permalink",
            "  https://www.instagram.com/reel/X/  ",
        ),
        with(row("2", "03/27/2026 07:00", "IG image"), "Permalink", ""),
        with(
            with(row("3", "03/27/2026 08:00", "IG image"), "Permalink", "--"),
            "Post ID",
            "",
        ),
    ];
    let keys: Vec<String> = parse(&file(EN, &rows))
        .posts
        .into_iter()
        .map(|p| p.source_key)
        .collect();
    assert_eq!(
        keys,
        [
            "https://www.instagram.com/reel/X/".to_string(),
            "post:2".into(),
            format!("ts:{}", utc(2026, 3, 27, 8, 0))
        ]
    );
}

#[test]
fn short_rows_are_skipped_and_the_rest_kept() {
    let mut bytes = file(EN, &two_posts());
    bytes.extend_from_slice(b"1003,17841400000000000,glowstudio\n");
    // A trailing delimiter (an empty extra field) is harmless.
    let extra =
        String::from_utf8(file(EN, &[row("1004", "03/29/2026 06:08", "IG image")])).unwrap();
    bytes.extend_from_slice(format!("{},\n", extra.lines().nth(1).unwrap()).as_bytes());
    let parsed = parse(&bytes);
    assert_eq!((parsed.posts.len(), parsed.skipped), (3, 1));
    assert!(
        parsed.warnings[0].starts_with("line 4:") && parsed.warnings[0].contains("3 fields"),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn invalid_utf8_is_an_error_with_its_line() {
    let mut bytes = file(EN, &two_posts());
    bytes.extend_from_slice(
        b"1003,1,glowstudio,Glow,Caf\xe9,0,03/27/2026 06:08,,IG image,,Lifetime,1,1,1,1,1,1,1\n",
    );
    match parse_in(&bytes, Tz::UTC) {
        Err(ImportError::Csv { line, detail }) => assert_eq!(line, 4, "{detail}"),
        other => panic!("{other:?}"),
    }
    let utf16 = [b"\xff\xfe".as_slice(), b"P\0o\0"].concat();
    assert!(matches!(
        parse_in(&utf16, Tz::UTC),
        Err(ImportError::Csv { line: 1, .. })
    ));
}

#[test]
fn usernames_that_disagree_are_reported() {
    let rows = vec![
        with(
            row("1", "03/27/2026 06:08", "IG image"),
            "Account username",
            "@glowstudio",
        ),
        with(
            row("2", "03/27/2026 07:00", "IG image"),
            "Account username",
            "",
        ),
        with(
            row("3", "03/27/2026 08:00", "IG image"),
            "Account username",
            "other.brand",
        ),
        with(
            row("4", "03/27/2026 09:00", "IG image"),
            "Account username",
            "other.brand",
        ),
    ];
    let parsed = parse(&file(EN, &rows));
    assert_eq!(parsed.username.as_deref(), Some("glowstudio"));
    assert_eq!(parsed.posts.len(), 4);
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    assert!(parsed.warnings[0].contains("other.brand"));
}

#[test]
fn semicolon_files_from_european_spreadsheets() {
    let comma = file(EN, &two_posts());
    let semicolon = String::from_utf8(comma.clone())
        .unwrap()
        .lines()
        .map(|line| {
            // Re-split on commas outside quotes, then join with ';' (quoted numbers keep theirs).
            let mut out = String::new();
            let mut quoted = false;
            for ch in line.chars() {
                match ch {
                    '"' => {
                        quoted = !quoted;
                        out.push(ch);
                    }
                    ',' if !quoted => out.push(';'),
                    _ => out.push(ch),
                }
            }
            out + "\n"
        })
        .collect::<String>();
    assert_eq!(parse(semicolon.as_bytes()), parse(&comma));
}

/// Found by the fuzzer: a non-breaking space inside a US date, a stray quote and a UTF-8 BOM
/// in the middle of a row.
#[test]
fn fuzz_found_mixed_garbage_is_an_error_or_rows_never_a_panic() {
    let data: &[u8] = include_bytes!("csv_support/fuzz_crash_mixed_garbage.csv");
    let _ = parse_in(data, Tz::Europe__Berlin);
}

/// Spreadsheets in some locales put a no-break space (or, on macOS, a narrow one before AM/PM)
/// between date and time; both are separators, not garbage.
#[test]
fn no_break_spaces_in_publish_times() {
    let rows = vec![
        row("1", "03/27/2026\u{a0}06:08", "IG image"),
        row("2", "03/28/2026 6:30\u{202f}PM", "IG image"),
    ];
    let parsed = parse(&file(EN, &rows));
    let times: Vec<i64> = parsed.posts.iter().map(|p| p.published_at).collect();
    assert_eq!(
        times,
        vec![utc(2026, 3, 27, 6, 8), utc(2026, 3, 28, 18, 30)]
    );
}
