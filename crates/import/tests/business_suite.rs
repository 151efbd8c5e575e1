//! The Meta Business Suite content CSV, with fixtures built here so every quirk is visible.
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;
use instagrowth_import::business_suite::parse_csv;
use instagrowth_import::{Control, ImportError, ParseOptions, ParsedImport, SourceKind};
use instagrowth_model::{Metrics, ParsedPost, PostKind};

/// The columns of a current (2026) English export, in the order Business Suite writes them.
#[rustfmt::skip]
const EN: &[&str] = &[
    "Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)",
    "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views", "Reach", "Likes",
    "Shares", "Follows", "Comments", "Saves",
];

/// The same columns with German headers.
#[rustfmt::skip]
const DE: &[&str] = &[
    "Beitrags-ID", "Konto-ID", "Benutzername des Kontos", "Kontoname", "Beschreibung",
    "Dauer (Sek.)", "Veröffentlichungszeitpunkt", "Permalink", "Beitragstyp", "Datenkommentar",
    "Datum", "Aufrufe", "Reichweite", "„Gefällt mir“-Angaben", "Geteilt", "Neue Follower",
    "Kommentare", "Gespeichert",
];

type Row = HashMap<&'static str, String>;

/// A row keyed by English column name, with plausible values.
fn row(id: &str, time: &str, kind: &str) -> Row {
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

fn with(mut row: Row, column: &'static str, value: &str) -> Row {
    row.insert(column, value.to_string());
    row
}

/// Quotes a field the way a CSV writer does: when it holds a delimiter, quote or line break.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A file whose header reads `labels` and whose cells are the rows' values for `columns`
/// (English keys, same positions as `labels`).
fn file_labelled(columns: &[&str], labels: &[&str], rows: &[Row]) -> Vec<u8> {
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

fn file(columns: &[&str], rows: &[Row]) -> Vec<u8> {
    file_labelled(columns, columns, rows)
}

fn parse_in(bytes: &[u8], time_zone: Tz) -> Result<ParsedImport, ImportError> {
    parse_csv(bytes, &ParseOptions { time_zone }, &Control::new())
}

fn parse(bytes: &[u8]) -> ParsedImport {
    parse_in(bytes, Tz::UTC).expect("the file parses")
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_hms_opt(h, mi, 0)
        .unwrap()
        .and_utc()
        .timestamp()
}

fn two_posts() -> Vec<Row> {
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

#[test]
fn english_current_file() {
    let parsed = parse(&file(EN, &two_posts()));
    assert_eq!(parsed.source, Some(SourceKind::BusinessSuiteCsv));
    assert_eq!(parsed.username.as_deref(), Some("glowstudio"));
    assert_eq!(parsed.warnings, Vec::<String>::new());
    assert_eq!(parsed.skipped, 0);
    assert!(parsed.follower_snapshots.is_empty() && parsed.dm_threads.is_empty());
    let metrics = |views| Metrics {
        views: Some(views),
        reach: Some(900),
        likes: Some(80),
        comments: Some(7),
        saves: Some(11),
        shares: Some(5),
        follows: Some(2),
        ..Metrics::default()
    };
    assert_eq!(
        parsed.posts,
        vec![
            ParsedPost {
                source_key: "https://www.instagram.com/p/1001/".into(),
                kind: PostKind::Image,
                published_at: utc(2026, 3, 27, 6, 8),
                caption: "Spring drop 🌸 #Skincare #glow with @Ana_B".into(),
                hashtags: vec!["skincare".into(), "glow".into()],
                mentions: vec!["ana_b".into()],
                media_count: 1,
                duration_secs: None,
                metrics: metrics(1200),
                archived: false,
            },
            ParsedPost {
                source_key: "https://www.instagram.com/p/1002/".into(),
                kind: PostKind::Reel,
                published_at: utc(2026, 3, 28, 18, 30),
                caption: "Post 1002 #glow with @ana_b".into(),
                hashtags: vec!["glow".into()],
                mentions: vec!["ana_b".into()],
                media_count: 1,
                duration_secs: Some(15.5),
                metrics: metrics(12_400),
                archived: false,
            },
        ]
    );
}

#[test]
fn reordered_columns_read_the_same() {
    let reversed: Vec<&str> = EN.iter().rev().copied().collect();
    let mut shuffled = EN.to_vec();
    shuffled.rotate_left(7);
    let expected = parse(&file(EN, &two_posts()));
    assert_eq!(parse(&file(&reversed, &two_posts())), expected);
    assert_eq!(parse(&file(&shuffled, &two_posts())), expected);
}

#[test]
fn leading_bom_is_ignored() {
    let plain = file(EN, &two_posts());
    let with_bom = [b"\xef\xbb\xbf".as_slice(), &plain].concat();
    let parsed = parse(&with_bom);
    assert_eq!(
        parsed.warnings,
        Vec::<String>::new(),
        "the BOM must not spoil the first header"
    );
    assert_eq!(parsed, parse(&plain));
    // A file re-saved by a tool that adds a second BOM.
    let twice = [b"\xef\xbb\xbf\xef\xbb\xbf".as_slice(), &plain].concat();
    assert_eq!(parse(&twice), parse(&plain));
}

#[test]
fn impressions_era_file() {
    let columns: Vec<&str> = EN
        .iter()
        .map(|c| if *c == "Views" { "Impressions" } else { c })
        .collect();
    let rows = vec![with(
        row("1", "01/15/2024 09:00", "IG image"),
        "Impressions",
        "3,456",
    )];
    let post = &parse(&file(&columns, &rows)).posts[0];
    assert_eq!(post.metrics.impressions, Some(3456));
    assert_eq!(post.metrics.views, None);
    assert_eq!(post.metrics.reach, Some(900));

    // Transitional files carry both, plus the legacy plays and profile visits.
    let mut columns = EN.to_vec();
    columns.extend(["Impressions", "Plays", "Profile visits"]);
    let rows = vec![with(
        with(
            with(row("1", "01/15/2024 09:00", "IG reel"), "Impressions", "10"),
            "Plays",
            "20",
        ),
        "Profile visits",
        "3",
    )];
    let parsed = parse(&file(&columns, &rows));
    assert_eq!(parsed.warnings, Vec::<String>::new());
    let m = &parsed.posts[0].metrics;
    assert_eq!(
        (m.views, m.impressions, m.plays, m.profile_visits),
        (Some(1200), Some(10), Some(20), Some(3))
    );
}

#[test]
fn quoted_numbers_with_thousands_separators() {
    let rows = vec![with(
        with(
            row("1", "03/27/2026 06:08", "IG reel"),
            "Views",
            "1,234,567",
        ),
        "Reach",
        "12,400",
    )];
    let bytes = file(EN, &rows);
    assert!(
        String::from_utf8_lossy(&bytes).contains("\"1,234,567\",\"12,400\""),
        "the fixture quotes them"
    );
    let m = &parse(&bytes).posts[0].metrics;
    assert_eq!((m.views, m.reach), (Some(1_234_567), Some(12_400)));
}

#[test]
fn german_headers_dates_and_numbers() {
    let de_rows = vec![
        with(
            with(row("1001", "27.03.2026 06:08", "IG-Bild"), "Views", "1.200"),
            "Description",
            "Frühling #glow",
        ),
        with(
            with(
                row("1002", "28.03.2026 18:30", "IG Reel"),
                "Duration (sec)",
                "15,5",
            ),
            "Views",
            "12.400",
        ),
    ];
    let en_rows = vec![
        with(
            row("1001", "03/27/2026 06:08", "IG image"),
            "Description",
            "Frühling #glow",
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
    ];
    let de = parse(&file_labelled(EN, DE, &de_rows));
    assert_eq!(de.warnings, Vec::<String>::new());
    assert_eq!(de, parse(&file(EN, &en_rows)));
    assert_eq!(de.posts[1].duration_secs, Some(15.5));
}

#[test]
fn other_languages_headers() {
    let columns = ["Publish time", "Post type", "Description", "Views", "Reach"];
    let languages: [[&str; 5]; 4] = [
        [
            "Hora de publicación",
            "Tipo de publicación",
            "Descripción",
            "Visualizaciones",
            "Alcance",
        ],
        [
            "Heure de publication",
            "Type de publication",
            "Description",
            "Vues",
            "Couverture",
        ],
        [
            "Horário de publicação",
            "Tipo de publicação",
            "Descrição",
            "Visualizações",
            "Alcance",
        ],
        [
            "Orario di pubblicazione",
            "Tipo di post",
            "Descrizione",
            "Visualizzazioni",
            "Copertura",
        ],
    ];
    for labels in languages {
        let parsed = parse(&file_labelled(
            &columns,
            &labels,
            &[row("1", "03/27/2026 06:08", "IG reel")],
        ));
        assert_eq!(parsed.warnings, Vec::<String>::new(), "{labels:?}");
        let post = &parsed.posts[0];
        assert_eq!(
            (post.kind, post.published_at),
            (PostKind::Reel, utc(2026, 3, 27, 6, 8)),
            "{labels:?}"
        );
        assert_eq!(
            (post.metrics.views, post.metrics.reach),
            (Some(1200), Some(900)),
            "{labels:?}"
        );
        assert_eq!(post.caption, "Post 1 #glow with @ana_b");
        assert_eq!(
            post.source_key,
            format!("ts:{}", utc(2026, 3, 27, 6, 8)),
            "no permalink, no id"
        );
    }
}

#[test]
fn us_and_european_dates() {
    let time_of = |rows: Vec<Row>| {
        parse(&file(EN, &rows))
            .posts
            .iter()
            .map(|p| p.published_at)
            .collect::<Vec<_>>()
    };
    // English files are month first, so 03/04 is the 4th of March…
    assert_eq!(
        time_of(vec![row("1", "03/04/2026 10:00", "IG image")]),
        vec![utc(2026, 3, 4, 10, 0)]
    );
    // …German dots are day first…
    assert_eq!(
        time_of(vec![row("1", "03.04.2026 10:00", "IG image")]),
        vec![utc(2026, 4, 3, 10, 0)]
    );
    // …and a slashed file with a day above 12 is day first throughout.
    assert_eq!(
        time_of(vec![
            row("1", "27/03/2026 10:00", "IG image"),
            row("2", "03/04/2026 10:00", "IG image")
        ]),
        vec![utc(2026, 3, 27, 10, 0), utc(2026, 4, 3, 10, 0)]
    );
    assert_eq!(
        time_of(vec![row("1", "2026-03-27T06:08:00", "IG image")]),
        vec![utc(2026, 3, 27, 6, 8)]
    );
}

#[test]
fn times_are_local_to_the_chosen_zone() {
    let rows = vec![
        row("1", "03/27/2026 06:08", "IG image"),
        row("2", "07/01/2026 06:08", "IG image"),
    ];
    let bytes = file(EN, &rows);
    let berlin = parse_in(&bytes, chrono_tz::Europe::Berlin).unwrap();
    assert_eq!(
        berlin.posts[0].published_at,
        utc(2026, 3, 27, 5, 8),
        "CET, UTC+1"
    );
    assert_eq!(
        berlin.posts[1].published_at,
        utc(2026, 7, 1, 4, 8),
        "CEST, UTC+2"
    );
    let la = parse_in(&bytes, chrono_tz::America::Los_Angeles).unwrap();
    assert_eq!(
        la.posts[0].published_at,
        utc(2026, 3, 27, 13, 8),
        "PDT, UTC-7"
    );
    // Same check through chrono-tz itself, in case the helper is wrong.
    let want = chrono_tz::Europe::Berlin
        .with_ymd_and_hms(2026, 3, 27, 6, 8, 0)
        .unwrap()
        .timestamp();
    assert_eq!(berlin.posts[0].published_at, want);
}

#[test]
fn every_post_type() {
    let kinds = [
        ("IG image", PostKind::Image),
        ("IG reel", PostKind::Reel),
        ("IG carousel", PostKind::Carousel),
        ("IG video", PostKind::Reel),
        ("IG story", PostKind::Story),
        ("IG Karussell", PostKind::Carousel),
        ("Reel de IG", PostKind::Reel),
        ("IG-Bild", PostKind::Image),
        ("Historia de IG", PostKind::Story),
    ];
    let rows: Vec<Row> = kinds
        .iter()
        .enumerate()
        .map(|(i, (k, _))| row(&i.to_string(), "03/27/2026 06:08", k))
        .collect();
    let parsed = parse(&file(EN, &rows));
    assert_eq!(parsed.skipped, 0);
    let got: Vec<PostKind> = parsed.posts.iter().map(|p| p.kind).collect();
    assert_eq!(got, kinds.iter().map(|(_, k)| *k).collect::<Vec<_>>());
    assert!(parsed.posts.iter().all(|p| p.media_count == 1));
}

#[test]
fn unknown_post_type_is_skipped_with_its_line() {
    let rows = vec![
        with(
            row("1", "03/27/2026 06:08", "IG image"),
            "Description",
            "two\nline caption",
        ),
        row("2", "03/27/2026 07:00", "IG live"),
        row("3", "03/27/2026 08:00", "IG reel"),
    ];
    let parsed = parse(&file(EN, &rows));
    assert_eq!(parsed.skipped, 1);
    assert_eq!(
        parsed
            .posts
            .iter()
            .map(|p| p.source_key.as_str())
            .collect::<Vec<_>>(),
        [
            "https://www.instagram.com/p/1/",
            "https://www.instagram.com/p/3/"
        ]
    );
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    // The caption above spans two lines, so the live row starts on line 4.
    assert!(
        parsed.warnings[0].contains("\"IG live\""),
        "{:?}",
        parsed.warnings
    );
    assert!(
        parsed.warnings[0].starts_with("line 4:"),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn unreadable_publish_time_is_skipped() {
    let rows = vec![
        row("1", "Lifetime", "IG image"),
        row("2", "03/27/2026 08:00", "IG reel"),
    ];
    let parsed = parse(&file(EN, &rows));
    assert_eq!((parsed.posts.len(), parsed.skipped), (1, 1));
    assert!(
        parsed.warnings[0].contains("\"Lifetime\"") && parsed.warnings[0].starts_with("line 2:"),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn dashes_and_blanks_are_unknown_not_zero() {
    let r = with(
        with(
            with(row("1", "03/27/2026 06:08", "IG story"), "Views", "--"),
            "Shares",
            "",
        ),
        "Follows",
        "0",
    );
    let m = &parse(&file(EN, &[r])).posts[0].metrics;
    assert_eq!(
        (m.views, m.shares, m.follows, m.likes),
        (None, None, Some(0), Some(80))
    );
    assert_eq!(
        (m.impressions, m.plays, m.profile_visits),
        (None, None, None),
        "no such columns"
    );
}

#[test]
fn hashtags_and_mentions_come_from_the_description() {
    let r = with(
        row("1", "03/27/2026 06:08", "IG carousel"),
        "Description",
        "  New in:\n#Skincare, #SPF50 and #skincare — thanks @Glow.Lab.  ",
    );
    let post = &parse(&file(EN, &[r])).posts[0];
    assert_eq!(
        post.caption,
        "New in:\n#Skincare, #SPF50 and #skincare — thanks @Glow.Lab."
    );
    assert_eq!(post.hashtags, ["skincare", "spf50"]);
    assert_eq!(post.mentions, ["glow.lab"]);
}

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
