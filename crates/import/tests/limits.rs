//! Input built to take all the memory — a small zip that unpacks to a quarter GB of `[0,0,…]`,
//! JSON nested past any real export, a folder of too many or too large files, an oversized CSV —
//! is refused with a typed error naming the file, while the largest real exports still fit.
mod support;

use std::path::{Path, PathBuf};

use instagrowth_import::business_suite::{self, MAX_CSV_BYTES, MAX_CSV_ROWS};
use instagrowth_import::export::{MAX_DEPTH, MAX_ENTRIES, MAX_ENTRY_BYTES};
use instagrowth_import::{parse_paths, Control, ImportError, ParseOptions, ParsedImport};
use serde_json::json;
use support::{write_zeros_zip, write_zip, Export, Layout};

const POSTS: &str = "your_instagram_activity/content/posts_1.json";
const T0: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z

fn parse(paths: &[PathBuf]) -> Result<ParsedImport, ImportError> {
    parse_paths(paths, &ParseOptions::default(), &Control::new()).map(|(p, _)| p)
}

fn zip_of(dir: &Path, name: &str, bytes: Vec<u8>) -> PathBuf {
    let path = dir.join("export.zip");
    write_zip(&path, &[(name.to_string(), bytes)]);
    path
}

/// Asserts the error is the parsed-size cap, for `file`.
fn assert_too_complex(result: Result<ParsedImport, ImportError>, file: &str) {
    match result {
        Err(e @ ImportError::TooComplex { .. }) => {
            let ImportError::TooComplex { file: named, .. } = &e else {
                unreachable!()
            };
            assert_eq!(named, file);
            assert!(e.to_string().contains("posts_1.json"), "{e}");
        }
        other => panic!("expected TooComplex for {file}, got {other:?}"),
    }
}

#[test]
fn a_small_zip_of_zeros_is_refused_naming_the_file() {
    // The issue's file: 254 MiB of `[0,0,…]` (about 133 million values) in a 260 KB zip. It is
    // under the per-file byte cap, so only the cap on what parsing may allocate stops it.
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("zeros.zip");
    write_zeros_zip(&zip, POSTS, 254 << 20);
    let size = std::fs::metadata(&zip).unwrap().len();
    assert!(size < 1_000_000, "{size}");
    const { assert!(254 << 20 < MAX_ENTRY_BYTES) };
    assert_too_complex(parse(&[zip]), POSTS);
}

#[test]
fn a_file_of_millions_of_small_values_is_refused_in_a_folder_too() {
    // 20 MB of zeros: ten million values, far past any real posts file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(POSTS);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let mut body = b"[0".to_vec();
    body.extend(b",0".repeat(10_000_000));
    body.push(b']');
    std::fs::write(&file, body).unwrap();
    assert_too_complex(parse(&[dir.path().to_path_buf()]), POSTS);
}

#[test]
fn nesting_deeper_than_any_export_is_refused() {
    let depth = MAX_DEPTH + 1;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let dir = tempfile::tempdir().unwrap();
    let zip = zip_of(dir.path(), POSTS, deep.into_bytes());
    match parse(&[zip]) {
        Err(e @ ImportError::TooDeep { .. }) => {
            assert!(e.to_string().contains("posts_1.json"), "{e}");
            assert!(e.to_string().contains(&MAX_DEPTH.to_string()), "{e}");
        }
        other => panic!("expected TooDeep, got {other:?}"),
    }
    // Far deeper than serde_json's own recursion limit: the same error, no stack overflow.
    let deeper = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let zip = zip_of(dir.path(), POSTS, deeper.into_bytes());
    assert!(matches!(parse(&[zip]), Err(ImportError::TooDeep { .. })));
}

#[test]
fn a_folder_with_too_many_files_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("media");
    std::fs::create_dir(&media).unwrap();
    for i in 0..MAX_ENTRIES {
        std::fs::File::create(media.join(i.to_string())).unwrap();
    }
    match parse(&[dir.path().to_path_buf()]) {
        Err(ImportError::TooManyEntries { limit }) => assert_eq!(limit, MAX_ENTRIES),
        other => panic!("expected TooManyEntries, got {other:?}"),
    }
}

#[test]
fn an_oversized_file_in_a_folder_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(POSTS);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    // Sparse where the file system allows: nothing is written to disk.
    std::fs::File::create(&file)
        .unwrap()
        .set_len(MAX_ENTRY_BYTES + 1)
        .unwrap();
    match parse(&[dir.path().to_path_buf()]) {
        Err(e @ ImportError::TooLarge { .. }) => {
            assert!(e.to_string().contains("posts_1.json"), "{e}")
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn an_oversized_csv_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("content.csv");
    std::fs::File::create(&csv)
        .unwrap()
        .set_len(MAX_CSV_BYTES + 1)
        .unwrap();
    match parse(&[csv]) {
        Err(e @ ImportError::CsvTooLarge { .. }) => {
            assert!(e.to_string().contains("content.csv"), "{e}")
        }
        other => panic!("expected CsvTooLarge, got {other:?}"),
    }
}

#[test]
fn a_csv_with_more_rows_than_any_export_is_refused() {
    let mut csv = b"Post ID,Publish time,Post type,Views\n".to_vec();
    for i in 0..=MAX_CSV_ROWS {
        csv.extend(format!("{i},03/27/2026 06:08,IG image,1\n").as_bytes());
    }
    let result = business_suite::parse_csv(&csv, &ParseOptions::default(), &Control::new());
    match result {
        Err(ImportError::CsvTooManyRows { limit }) => assert_eq!(limit, MAX_CSV_ROWS),
        other => panic!(
            "expected CsvTooManyRows, got {:?}",
            other.map(|p| p.posts.len())
        ),
    }
}

/// A post as the export writes it, with the media metadata that makes real files large.
fn real_post(i: i64) -> serde_json::Value {
    let media = json!({
        "uri": format!("media/posts/202601/{i}_17900000000000000_n.jpg"),
        "creation_timestamp": T0 - i * 3_600,
        "media_metadata": {"photo_metadata": {"exif_data": [{"latitude": 52.52, "longitude": 13.40}]}},
        "title": "",
        "cross_post_source": {"source_app": "FB"},
        "backup_uri": format!("https://scontent.cdninstagram.com/v/t51.29350-15/{i}_n.jpg?stp=dst-jpg")
    });
    json!({
        "media": [media.clone(), media],
        "title": format!("Post {i}: a caption of ordinary length, with a few words about the studio, its week and what is new #glow #studio #beauty @ana_b"),
        "creation_timestamp": T0 - i * 3_600
    })
}

#[test]
fn the_largest_real_exports_still_fit() {
    // Tens of thousands of posts, a DM thread of 100,000 messages, 200,000 followers.
    let posts: Vec<serde_json::Value> = (0..50_000).map(real_post).collect();
    let messages: Vec<(String, i64, String)> = (0..100_000)
        .map(|i| {
            let who = if i % 2 == 0 { "Glow Studio" } else { "Ana" };
            (
                who.to_string(),
                (T0 - i) * 1_000,
                format!("message {i}: see you on Tuesday at ten, thank you!"),
            )
        })
        .collect();
    let messages: Vec<(&str, i64, &str)> = messages
        .iter()
        .map(|(s, t, m)| (s.as_str(), *t, m.as_str()))
        .collect();
    let fans: Vec<String> = (0..200_000).map(|i| format!("fan{i}")).collect();
    let fans: Vec<&str> = fans.iter().map(String::as_str).collect();
    let export = Export::new(Layout::Newer)
        .profile("glow.studio", "Glow Studio", ("Username", "Name"))
        .followers(&fans, T0)
        .thread("ana_1", &["Ana", "Glow Studio"], &messages)
        .file(POSTS, &serde_json::to_vec(&posts).unwrap());
    let dir = tempfile::tempdir().unwrap();
    export.write_dir(dir.path());
    let parsed = parse(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(parsed.posts.len(), 50_000);
    assert_eq!(parsed.dm_threads[0].messages.len(), 100_000);
    assert_eq!(parsed.follower_snapshots[0].followers, Some(200_000));
}

#[test]
fn a_file_of_undated_items_is_not_a_warning_each() {
    // 100,000 items without a date: a few warnings and one count, not 100,000 lines.
    let mut body = b"[{}".to_vec();
    body.extend(b",{}".repeat(99_999));
    body.push(b']');
    let dir = tempfile::tempdir().unwrap();
    let zip = zip_of(dir.path(), POSTS, body);
    let parsed = parse(&[zip]).unwrap();
    assert_eq!(parsed.skipped, 100_000);
    assert!(parsed.warnings.len() <= 11, "{}", parsed.warnings.len());
    let last = parsed.warnings.last().unwrap();
    assert!(last.contains("99990 more items have no date"), "{last}");
}

/// A followers file of `n` accounts as the export writes it, built as text (a million
/// `serde_json::Value`s would take the test itself gigabytes).
fn followers_file(n: usize, ts: i64) -> Vec<u8> {
    let mut body = Vec::with_capacity(n * 140);
    body.push(b'[');
    for i in 0..n {
        if i > 0 {
            body.push(b',');
        }
        body.extend(format!(
            r#"{{"title":"","media_list_data":[],"string_list_data":[{{"href":"https://www.instagram.com/fan{i}","value":"fan{i}","timestamp":{ts}}}]}}"#
        ).as_bytes());
    }
    body.push(b']');
    body
}

#[test]
fn a_million_followers_import() {
    // Agency clients have millions of followers; followers are read into what is kept (a name
    // and a time), not into a tree of every value, so the tree's cap does not apply to them.
    const FOLLOWERS: &str = "connections/followers_and_following/followers_1.json";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(FOLLOWERS);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, followers_file(1_000_000, T0)).unwrap();
    let parsed = parse(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(parsed.follower_snapshots[0].followers, Some(1_000_000));
}
