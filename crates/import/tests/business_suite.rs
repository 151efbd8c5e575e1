//! The Meta Business Suite content CSV: what a good file reads as.
mod csv_support;

use csv_support::*;

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
