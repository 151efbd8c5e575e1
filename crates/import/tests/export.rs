//! The data-download export, built in its real structure by `support`, parsed end to end.
mod support;

use std::path::PathBuf;

use instagrowth_import::{parse_paths, Control, ImportError, ParseOptions, ParsedImport};
use instagrowth_model::PostKind;
use support::{mojibake, write_zip, Export, Layout};

const T0: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z
const DAY: i64 = 86_400;

/// A professional account with every kind of content, DMs and English insights.
fn professional(layout: Layout) -> Export {
    Export::new(layout)
        .profile("glow.studio", "Glow Studio", ("Username", "Name"))
        .post(
            T0,
            "Morning routine #skincare #glow @ana_b",
            &["media/posts/202601/a.jpg"],
        )
        .post(
            T0 + DAY,
            "Three steps #skincare",
            &[
                "media/posts/202601/b1.jpg",
                "media/posts/202601/b2.jpg",
                "media/posts/202601/b3.jpg",
            ],
        )
        .post(
            T0 + 2 * DAY,
            "Behind the scenes",
            &["media/posts/202601/c.mp4"],
        )
        .reel(T0 + 3 * DAY, "Reel time #reels", "media/reels/202601/r.mp4")
        .story(T0 + 4 * DAY, "media/stories/202601/s.jpg")
        .archived(
            T0 - 30 * DAY,
            "Old launch",
            "media/archived_posts/202512/old.jpg",
        )
        .followers(&["ana_b", "bo.c", "cat_d"], T0 + 5 * DAY)
        .following(&["ana_b", "zed"], T0 + 5 * DAY)
        .thread(
            "ana_b_123",
            &["Ana B", "Glow Studio"],
            &[
                ("Ana B", T0 * 1000, "How much is the facial?"),
                ("Glow Studio", T0 * 1000 + 60_000, "Hi Ana! It's 80 EUR."),
                ("Ana B", T0 * 1000 + 120_000, "Can I book Friday?"),
            ],
        )
        .post_insights(
            "media/posts/202601/a.jpg",
            T0,
            "Morning routine #skincare #glow @ana_b",
            &[
                ("Impressions", "1,200"),
                ("Accounts reached", "950"),
                ("Likes", "120"),
                ("Comments", "14"),
                ("Saves", "30"),
                ("Shares", "--"),
                ("Follows", "3"),
                ("Profile visits", "12K"),
            ],
        )
        .reel_insights(
            T0 + 3 * DAY,
            &[
                ("Instagram Plays", "5.400"),
                ("Accounts reached", "4,100"),
                ("Likes", "300"),
            ],
        )
}

fn parse(paths: &[PathBuf]) -> Result<ParsedImport, ImportError> {
    parse_paths(paths, &ParseOptions::default(), &Control::new()).map(|(p, _)| p)
}

fn parse_dir(export: &Export) -> Result<ParsedImport, ImportError> {
    let dir = tempfile::tempdir().unwrap();
    export.write_dir(dir.path());
    parse(&[dir.path().to_path_buf()])
}

fn parse_zip(export: &Export) -> Result<ParsedImport, ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("instagram.zip");
    export.write_zip(&zip);
    parse(&[zip])
}

fn check_professional(p: &ParsedImport) {
    assert_eq!(p.username.as_deref(), Some("glow.studio"));
    let kinds: Vec<PostKind> = p.posts.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            PostKind::Image,
            PostKind::Image,
            PostKind::Carousel,
            PostKind::Reel,
            PostKind::Reel,
            PostKind::Story
        ],
        "archived image, image, carousel, feed video, reel, story — by date"
    );
    let archived = &p.posts[0];
    assert!(archived.archived);
    let first = &p.posts[1];
    assert_eq!(first.hashtags, vec!["skincare", "glow"]);
    assert_eq!(first.mentions, vec!["ana_b"]);
    assert_eq!(first.metrics.impressions, Some(1200));
    assert_eq!(first.metrics.reach, Some(950));
    assert_eq!(first.metrics.likes, Some(120));
    assert_eq!(first.metrics.shares, None, "-- is no data, not zero");
    assert_eq!(first.metrics.profile_visits, Some(12_000));
    assert_eq!(p.posts[2].media_count, 3);
    let reel = p
        .posts
        .iter()
        .find(|x| x.source_key == "media/reels/202601/r.mp4")
        .unwrap();
    assert_eq!(reel.metrics.plays, Some(5400));
    assert_eq!(reel.metrics.reach, Some(4100));
    assert_eq!(p.follower_snapshots.len(), 1);
    assert_eq!(p.follower_snapshots[0].followers, Some(3));
    assert_eq!(
        p.follower_snapshots[0].following,
        Some(2),
        "usernames in title count too"
    );
    assert_eq!(p.dm_threads.len(), 1);
    let t = &p.dm_threads[0];
    assert_eq!(t.messages.len(), 3);
    assert_eq!(
        t.messages[0].text, "How much is the facial?",
        "oldest first"
    );
    assert!(!t.messages[2].from_client && t.messages[1].from_client);
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn newer_layout_folder() {
    check_professional(&parse_dir(&professional(Layout::Newer)).unwrap());
}

#[test]
fn older_layout_zip_with_a_wrapper_folder() {
    check_professional(
        &parse_zip(&professional(Layout::Older).wrapped("instagram-glow.studio-2026-01-10"))
            .unwrap(),
    );
}

#[test]
fn several_part_zips_are_one_export() {
    let dir = tempfile::tempdir().unwrap();
    let parts = professional(Layout::Newer).write_parts(dir.path(), 3);
    check_professional(&parse(&parts).unwrap());
}

#[test]
fn the_same_export_has_one_fingerprint_as_zip_or_folder() {
    let e = professional(Layout::Newer);
    let dir = tempfile::tempdir().unwrap();
    e.write_dir(&dir.path().join("unpacked"));
    e.write_zip(&dir.path().join("x.zip"));
    let (_, a) = parse_paths(
        &[dir.path().join("unpacked")],
        &ParseOptions::default(),
        &Control::new(),
    )
    .unwrap();
    let (_, b) = parse_paths(
        &[dir.path().join("x.zip")],
        &ParseOptions::default(),
        &Control::new(),
    )
    .unwrap();
    assert_eq!(a.sha256, b.sha256);
    assert_eq!(a.sha256.len(), 64);
}

#[test]
fn german_labels_and_unknown_labels() {
    let e = Export::new(Layout::Newer)
        .profile("baeckerei.k", "Bäckerei K", ("Benutzername", "Name"))
        .post(T0, "Frische Brötchen", &["media/posts/202601/k.jpg"])
        .post_insights(
            "media/posts/202601/k.jpg",
            T0,
            "Frische Brötchen",
            &[
                ("Impressionen", "2.300"),
                ("Erreichte Konten", "1.900"),
                ("„Gefällt mir“-Angaben", "210"),
                ("Kommentare", "9"),
                ("Gespeichert", "40"),
                ("Geteilt", "7"),
                ("Profilaufrufe", "55"),
                ("Interaktionen pro Minute", "3"),
            ],
        );
    let p = parse_dir(&e).unwrap();
    assert_eq!(p.username.as_deref(), Some("baeckerei.k"));
    let m = &p.posts[0].metrics;
    assert_eq!(
        (
            m.impressions,
            m.reach,
            m.likes,
            m.comments,
            m.saves,
            m.shares,
            m.profile_visits
        ),
        (
            Some(2300),
            Some(1900),
            Some(210),
            Some(9),
            Some(40),
            Some(7),
            Some(55)
        )
    );
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert!(p.warnings[0].contains("Interaktionen pro Minute"));
}

#[test]
fn mojibake_captions_are_repaired() {
    let caption = "Café au lait ☕ à 7h 😀 #café";
    let e = Export::new(Layout::Newer).post(T0, &mojibake(caption), &["media/posts/202601/m.jpg"]);
    let p = parse_dir(&e).unwrap();
    assert_eq!(p.posts[0].caption, caption);
    assert_eq!(p.posts[0].hashtags, vec!["café"]);
}

#[test]
fn a_personal_account_has_no_insights() {
    let e = Export::new(Layout::Older)
        .post(T0, "hi", &["media/posts/202601/p.jpg"])
        .followers(&["a"], T0);
    let p = parse_zip(&e).unwrap();
    assert!(!p.posts[0].metrics.any());
    assert_eq!(p.follower_snapshots[0].followers, Some(1));
    assert_eq!(p.follower_snapshots[0].following, None);
    assert_eq!(p.username, None);
}

// ---- malformed input: each has its own error ----

fn zip_of(files: &[(&str, &[u8])]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.zip");
    let owned: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
    write_zip(&path, &owned);
    (dir, path)
}

#[test]
fn truncated_json_names_the_file() {
    let (_d, z) = zip_of(&[(
        "your_instagram_activity/content/posts_1.json",
        b"[{\"media\": [{\"uri\": \"a.jpg\", ",
    )]);
    match parse(&[z]) {
        Err(ImportError::BadJson { file, .. }) => {
            assert_eq!(file, "your_instagram_activity/content/posts_1.json")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn wrong_types_are_a_shape_error() {
    let (_d, z) = zip_of(&[(
        "your_instagram_activity/content/posts_1.json",
        b"{\"posts\": 3}",
    )]);
    let err = parse(&[z]).unwrap_err();
    assert!(matches!(err, ImportError::BadShape { .. }), "{err:?}");
    let (_d, z) = zip_of(&[(
        "content/reels.json",
        b"{\"ig_reels_media\": [{\"media\": \"nope\"}]}",
    )]);
    assert!(matches!(
        parse(&[z]).unwrap_err(),
        ImportError::BadShape { .. }
    ));
}

#[test]
fn an_html_export_is_refused_with_what_to_do() {
    let (_d, z) = zip_of(&[
        ("start_here.html", b"<html></html>"),
        (
            "your_instagram_activity/content/posts_1.html",
            b"<html></html>",
        ),
    ]);
    let err = parse(&[z]).unwrap_err();
    assert!(matches!(err, ImportError::HtmlExport));
    assert!(err.to_string().contains("JSON"));
}

#[test]
fn an_empty_zip_is_refused() {
    let (_d, z) = zip_of(&[]);
    assert!(matches!(parse(&[z]).unwrap_err(), ImportError::Empty(_)));
}

#[test]
fn a_zip_without_instagram_data_is_refused() {
    let (_d, z) = zip_of(&[("notes/todo.json", b"{}")]);
    assert!(matches!(
        parse(&[z]).unwrap_err(),
        ImportError::NotAnExport(_)
    ));
}

#[test]
fn path_traversal_is_refused() {
    let (_d, z) = zip_of(&[("../../evil.json", b"[]")]);
    assert!(matches!(
        parse(&[z]).unwrap_err(),
        ImportError::UnsafeEntry(_)
    ));
    let (_d, z) = zip_of(&[("/etc/cron.d/x.json", b"[]")]);
    assert!(matches!(
        parse(&[z]).unwrap_err(),
        ImportError::UnsafeEntry(_)
    ));
}

#[test]
fn an_oversized_entry_is_refused() {
    // 300 MB of spaces compresses to a few hundred KB: a small bomb.
    let big = vec![b' '; (instagrowth_import::export::MAX_ENTRY_BYTES + 1024) as usize];
    let (_d, z) = zip_of(&[("your_instagram_activity/content/posts_1.json", &big)]);
    assert!(std::fs::metadata(&z).unwrap().len() < 2_000_000);
    assert!(matches!(
        parse(&[z]).unwrap_err(),
        ImportError::TooLarge { .. }
    ));
}

#[test]
fn a_cancelled_import_stops() {
    let dir = tempfile::tempdir().unwrap();
    professional(Layout::Newer).write_dir(dir.path());
    let ctl = Control::new();
    ctl.cancel();
    let err = parse_paths(&[dir.path().to_path_buf()], &ParseOptions::default(), &ctl).unwrap_err();
    assert!(matches!(err, ImportError::Cancelled));
}

#[test]
fn progress_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    professional(Layout::Newer).write_dir(dir.path());
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let s = seen.clone();
    let ctl = Control::new().on_progress(move |p| s.lock().unwrap().push(p));
    parse_paths(&[dir.path().to_path_buf()], &ParseOptions::default(), &ctl).unwrap();
    let last = *seen.lock().unwrap().last().unwrap();
    assert!(last.files_read >= 8, "{last:?}");
    assert!(last.items_parsed >= 6, "{last:?}");
}
