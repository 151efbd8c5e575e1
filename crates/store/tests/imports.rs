//! Writing imports against real SQLite with the real migrations.
//! Fixtures are JSON in the shape of `ParsedImport` (absent metrics are unknown).
use instagrowth_model::{Metrics, ParsedImport, SourceKind as S};
use instagrowth_store::queries::{clients, dm_threads, follower_snapshots, import_batches};
use instagrowth_store::queries::{posts, settings};
use instagrowth_store::{imports, BatchInfo, ImportOutcome, NewClient, Store, StoreError};
use instagrowth_store::{StoredPost, StoredSnapshot, StoredThread};
use serde_json::{json, Value};

const T: i64 = 1_735_732_800; // 2025-01-01T12:00:00Z
const MS: i64 = T * 1000;
const TABLES: [&str; 6] = [
    "SELECT COUNT(*) FROM posts",
    "SELECT COUNT(*) FROM follower_snapshots",
    "SELECT COUNT(*) FROM dm_threads",
    "SELECT COUNT(*) FROM dm_messages",
    "SELECT COUNT(*) FROM import_batches",
    "SELECT COUNT(*) FROM posts WHERE first_batch_id IS NULL OR last_batch_id IS NULL",
];

async fn add_client(store: &Store, handle: &str) -> String {
    let new = NewClient {
        name: handle.into(),
        handle: handle.into(),
        ..Default::default()
    };
    clients::insert(store, &new).await.unwrap().id
}

async fn setup() -> (Store, String) {
    let store = Store::open_in_memory().await.unwrap();
    let id = add_client(&store, "glow").await;
    (store, id)
}

/// Rows in posts, snapshots, threads, messages, batches, and posts missing a batch id.
async fn rows(store: &Store) -> [i64; 6] {
    let mut out = [0; 6];
    for (n, sql) in out.iter_mut().zip(TABLES) {
        let count = sqlx::query_scalar(sql).fetch_one(store.pool());
        *n = count.await.unwrap();
    }
    out
}

/// posts_added, posts_updated, with_insights, follower_snapshots, dm_threads.
fn counts(o: &ImportOutcome) -> [u32; 5] {
    [
        o.posts_added,
        o.posts_updated,
        o.with_insights,
        o.follower_snapshots,
        o.dm_threads,
    ]
}

/// A `ParsedImport` from the fields given; the others empty.
fn parsed(v: Value) -> ParsedImport {
    let mut full = serde_json::to_value(ParsedImport::default()).unwrap();
    for (k, val) in v.as_object().unwrap() {
        full[k] = val.clone();
    }
    serde_json::from_value(full).unwrap()
}

fn post(key: &str, kind: &str, at: i64, metrics: Value) -> Value {
    json!({"source_key": key, "kind": kind, "published_at": at,
           "caption": format!("caption of {key} #tag"), "hashtags": ["tag"], "mentions": [],
           "media_count": 1, "duration_secs": null, "metrics": metrics, "archived": false})
}

fn msg(sender: &str, sent_at_ms: i64, text: &str, from_client: bool) -> Value {
    json!({"sender": sender, "sent_at_ms": sent_at_ms, "text": text, "from_client": from_client})
}

fn thread(key: &str, messages: Vec<Value>) -> Value {
    json!({"thread_key": key, "title": "Ana", "participants": ["Ana", "Glow"], "messages": messages})
}

fn metrics(v: Value) -> Metrics {
    serde_json::from_value(v).unwrap()
}

/// Three posts, two snapshots, one thread of two messages, a warning and a skipped item.
fn export() -> ParsedImport {
    parsed(json!({
        "source": "ig_export", "username": "glow",
        "posts": [
            post("p/reel", "reel", T + 60, json!({"likes": 50, "comments": 4, "views": 900})),
            post("p/img", "image", T, json!({"likes": 10})),
            post("p/story", "story", T - 3_600, json!({})),
        ],
        "follower_snapshots": [
            {"date": "2025-01-01", "followers": 1000, "following": 300},
            {"date": "2025-01-02", "followers": 1010},
        ],
        "dm_threads": [thread("ana_1", vec![msg("Glow", MS, "hi", true), msg("Ana", MS + 5, "yo", false)])],
        "warnings": ["1 comment file not understood"], "skipped": 1,
    }))
}

async fn write(store: &Store, client: &str, source: S, p: &ParsedImport) -> ImportOutcome {
    try_write(store, client, source, p).await.unwrap()
}

async fn try_write(
    store: &Store,
    client: &str,
    source: S,
    p: &ParsedImport,
) -> Result<ImportOutcome, StoreError> {
    let batch = BatchInfo {
        source,
        file_names: vec!["export.zip".into()],
        sha256: "ab".repeat(32),
        started_at: "2025-02-01T10:00:00.000Z".into(),
    };
    imports::write(store, client, &batch, p).await
}

async fn listed(store: &Store, client: &str) -> Vec<StoredPost> {
    posts::list_for_client(store, client).await.unwrap()
}

fn find<'a>(posts: &'a [StoredPost], key: &str) -> &'a StoredPost {
    posts.iter().find(|p| p.source_key == key).unwrap()
}

async fn threads(store: &Store, client: &str) -> Vec<StoredThread> {
    dm_threads::list_for_client(store, client).await.unwrap()
}

/// `date source followers following batch` of each snapshot.
async fn snapshots(store: &Store, client: &str) -> Vec<String> {
    let all = follower_snapshots::list_for_client(store, client).await;
    let line = |s: &StoredSnapshot| {
        let (date, source, batch) = (&s.date, s.source.as_str(), s.batch_id.as_deref());
        format!(
            "{date} {source} {:?} {:?} {}",
            s.followers,
            s.following,
            batch.unwrap()
        )
    };
    all.unwrap().iter().map(line).collect()
}

/// The form field of an `Invalid` error.
fn invalid_field(r: &Result<ImportOutcome, StoreError>) -> Option<&'static str> {
    match r {
        Err(StoreError::Invalid { field, .. }) => Some(field),
        _ => None,
    }
}

fn json_of(v: impl serde::Serialize) -> Value {
    serde_json::to_value(v).unwrap()
}

#[tokio::test]
async fn first_import_counts_everything_and_records_the_batch() {
    let (store, client) = setup().await;
    let o = write(&store, &client, S::IgExport, &export()).await;
    assert_eq!((counts(&o), o.skipped), ([3, 0, 2, 2, 1], 1));
    let kinds = json!({"carousel": 0, "image": 1, "reel": 1, "story": 1});
    assert_eq!(json_of(&o.by_kind), kinds);
    assert_eq!(o.first_post_at.as_deref(), Some("2025-01-01T11:00:00Z"));
    assert_eq!(o.last_post_at.as_deref(), Some("2025-01-01T12:01:00Z"));
    assert_eq!(rows(&store).await, [3, 2, 1, 2, 1, 0]);

    let posts = listed(&store, &client).await;
    let keys: Vec<&str> = posts.iter().map(|p| p.source_key.as_str()).collect();
    assert_eq!(keys, ["p/story", "p/img", "p/reel"]); // by published_at
    let reel = find(&posts, "p/reel");
    let want = metrics(json!({"likes": 50, "comments": 4, "views": 900}));
    assert_eq!(reel.metrics, want);
    assert_eq!((reel.source, reel.hashtags.len()), (S::IgExport, 1));
    assert_eq!(reel.first_batch_id.as_ref(), Some(&o.batch_id));
    assert_eq!(posts::count_for_client(&store, &client).await.unwrap(), 3);

    let batches = import_batches::list_for_client(&store, &client).await;
    let b = &batches.unwrap()[0];
    let (ob, bb) = (json_of(&o), json_of(b));
    assert_eq!(bb["id"], ob["batch_id"]);
    let same = "source posts_added posts_updated with_insights dm_threads follower_snapshots \
                skipped warnings first_post_at last_post_at";
    for k in same.split(' ') {
        assert_eq!(bb[k], ob[k], "{k}");
    }
    assert_eq!((b.file_names.len(), b.sha256.len()), (1, 64));
}

#[tokio::test]
async fn reimporting_the_same_data_adds_and_updates_nothing() {
    let (store, client) = setup().await;
    write(&store, &client, S::IgExport, &export()).await;
    let before = listed(&store, &client).await;
    let again = write(&store, &client, S::IgExport, &export()).await;
    assert_eq!(counts(&again), [0, 0, 2, 0, 0]);
    assert!(again.by_kind.values().all(|n| *n == 0));
    // Only a second batch row.
    assert_eq!(rows(&store).await, [3, 2, 1, 2, 2, 0]);
    for (a, b) in before.iter().zip(&listed(&store, &client).await) {
        let (was, now) = ((&a.metrics, &a.updated_at), (&b.metrics, &b.updated_at));
        assert_eq!(was, now);
        assert_eq!(b.last_batch_id.as_ref(), Some(&again.batch_id));
    }
    let batches = import_batches::list_for_client(&store, &client).await;
    assert_eq!(batches.unwrap()[0].id, again.batch_id); // newest first
}

#[tokio::test]
async fn a_newer_overlapping_import_updates_known_posts_and_adds_new_ones() {
    let (store, client) = setup().await;
    write(&store, &client, S::IgExport, &export()).await;
    let newer = parsed(json!({"posts": [
        post("p/reel", "reel", T + 60, json!({"likes": 75, "comments": 4, "views": 1500})),
        post("p/img", "image", T, json!({"likes": 10})),
        post("p/new", "carousel", T + 86_400, json!({"likes": 3})),
        post("p/new", "carousel", T + 86_400, json!({"likes": 4})),
    ]}));
    let o = write(&store, &client, S::IgExport, &newer).await;
    // A repeat within one import is not an update.
    assert_eq!(counts(&o), [1, 1, 4, 0, 0]);
    let kinds = json!({"carousel": 1, "image": 0, "reel": 1, "story": 0});
    assert_eq!(json_of(&o.by_kind), kinds);
    let posts = listed(&store, &client).await;
    assert_eq!(posts.len(), 4);
    assert_eq!(find(&posts, "p/new").metrics.likes, Some(4));
    let reel = find(&posts, "p/reel");
    let want = metrics(json!({"likes": 75, "comments": 4, "views": 1500}));
    assert_eq!(reel.metrics, want);
    assert_eq!(reel.last_batch_id.as_ref(), Some(&o.batch_id));
    assert_ne!(reel.first_batch_id, reel.last_batch_id);
}

#[tokio::test]
async fn unknown_metrics_never_erase_known_ones() {
    let (store, client) = setup().await;
    write(&store, &client, S::IgExport, &export()).await;
    let reel = post("p/reel", "reel", T + 60, json!({"comments": 9}));
    let mut later = parsed(json!({ "posts": [reel] }));
    later.posts[0].caption.clear();
    later.posts[0].hashtags.clear();
    let o = write(&store, &client, S::IgExport, &later).await;
    assert_eq!(counts(&o), [0, 1, 1, 0, 0]);
    let reel = find(&listed(&store, &client).await, "p/reel").clone();
    let want = metrics(json!({"likes": 50, "comments": 9, "views": 900}));
    assert_eq!(reel.metrics, want);
    assert_eq!(reel.caption, "caption of p/reel #tag");
    assert_eq!(reel.hashtags, ["tag"]);
    later.posts[0].metrics = Metrics::default();
    let o = write(&store, &client, S::IgExport, &later).await;
    assert_eq!(counts(&o), [0, 0, 0, 0, 0]);
}

#[tokio::test]
async fn the_same_post_from_another_source_within_120_s_is_one_row() {
    let (store, client) = setup().await;
    write(&store, &client, S::IgExport, &export()).await;
    let mut csv = parsed(json!({"posts": [
        post("csv:1", "reel", T + 60 + 120, json!({"views": 2000})),
        post("csv:2", "reel", T + 60 + 121, json!({})),
        post("csv:3", "carousel", T + 30, json!({})),
    ]}));
    csv.posts[0].caption.clear();
    let o = write(&store, &client, S::BusinessSuiteCsv, &csv).await;
    // 121 s away, or another kind: new posts.
    assert_eq!(counts(&o), [2, 1, 1, 0, 0]);
    let posts = listed(&store, &client).await;
    let reel = find(&posts, "p/reel");
    let want = metrics(json!({"likes": 50, "comments": 4, "views": 2000}));
    assert_eq!(reel.metrics, want);
    assert_eq!(reel.source, S::IgExport);
    assert_eq!(reel.caption, "caption of p/reel #tag");
    // Matched again: nothing new.
    let o = write(&store, &client, S::BusinessSuiteCsv, &csv).await;
    assert_eq!(counts(&o), [0, 0, 1, 0, 0]);
    // Two stories seconds apart in one source are two posts, not one seen twice.
    let stories = parsed(json!({"posts": [
        post("s/1", "story", T + 9_000, json!({})),
        post("s/2", "story", T + 9_030, json!({})),
    ]}));
    let o = write(&store, &client, S::IgExport, &stories).await;
    assert_eq!(o.posts_added, 2);
    // The nearest row not yet matched in this import: c/1 takes s/2, so c/2 gets s/1.
    let csv_stories = parsed(json!({"posts": [
        post("c/1", "story", T + 9_028, json!({"views": 2})),
        post("c/2", "story", T + 9_029, json!({"views": 1})),
    ]}));
    let o = write(&store, &client, S::BusinessSuiteCsv, &csv_stories).await;
    assert_eq!(counts(&o), [0, 2, 2, 0, 0]);
    let posts = listed(&store, &client).await;
    let views = |key| find(&posts, key).metrics.views;
    assert_eq!((views("s/1"), views("s/2")), (Some(1), Some(2)));
    // Another client's post at the same time is never matched.
    let other = add_client(&store, "other").await;
    let o = write(&store, &other, S::BusinessSuiteCsv, &csv).await;
    assert_eq!(o.posts_added, 3);
    assert_eq!(listed(&store, &client).await.len(), 7);
}

#[tokio::test]
async fn follower_snapshots_upsert_per_date_and_source() {
    let (store, client) = setup().await;
    let first = write(&store, &client, S::IgExport, &export()).await;
    let later = parsed(json!({"follower_snapshots": [
        {"date": "2025-01-01", "following": 310},
        {"date": "2025-01-02", "followers": 1010},
        {"date": "2025-01-03"},
    ]}));
    // Only the changed one; the one without numbers is left out.
    let o = write(&store, &client, S::IgExport, &later).await;
    assert_eq!(o.follower_snapshots, 1);
    // Another source keeps its own rows.
    let csv = write(&store, &client, S::BusinessSuiteCsv, &later).await;
    assert_eq!(csv.follower_snapshots, 2);
    let (first, o, csv) = (first.batch_id, o.batch_id, csv.batch_id);
    assert_eq!(
        snapshots(&store, &client).await,
        [
            format!("2025-01-01 business_suite_csv None Some(310) {csv}"),
            format!("2025-01-01 ig_export Some(1000) Some(310) {o}"),
            format!("2025-01-02 business_suite_csv Some(1010) None {csv}"),
            format!("2025-01-02 ig_export Some(1010) None {first}"),
        ]
    );
}

#[tokio::test]
async fn dm_messages_dedupe_and_awaiting_reply_follows_the_last_message() {
    let (store, client) = setup().await;
    write(&store, &client, S::IgExport, &export()).await;
    let t = &threads(&store, &client).await[0];
    assert!(t.awaiting_reply && t.last_from_client == Some(false));
    let last = t.last_message_at.as_deref();
    assert_eq!(last, Some("2025-01-01T12:00:00.005Z"));
    assert_eq!((t.message_count, t.participants.len()), (2, 2));

    let messages = vec![
        msg("Glow", MS, "hi", true),
        msg("Ana", MS + 5, "yo", false),
        msg("Glow", MS + 60_000, "sure!", true),
    ];
    let threads_in = [thread("ana_1", messages), thread("empty", vec![])];
    let later = parsed(json!({ "dm_threads": threads_in }));
    let o = write(&store, &client, S::IgExport, &later).await;
    assert_eq!(o.dm_threads, 2);
    let listed = threads(&store, &client).await;
    let (ana, empty) = (&listed[0], &listed[1]);
    assert_eq!((ana.message_count, ana.awaiting_reply), (3, false));
    let last = ana.last_message_at.as_deref();
    assert_eq!(last, Some("2025-01-01T12:01:00.000Z"));
    assert_eq!(
        (empty.thread_key.as_str(), empty.awaiting_reply),
        ("empty", false)
    );
    let o = write(&store, &client, S::IgExport, &later).await;
    assert_eq!(o.dm_threads, 0);
    assert_eq!(rows(&store).await[2..4], [2, 3]);
}

#[tokio::test]
async fn any_failure_writes_nothing_at_all() {
    let (store, client) = setup().await;
    let err = try_write(&store, "nobody", S::IgExport, &export()).await;
    assert!(matches!(err, Err(StoreError::ClientNotFound(_))), "{err:?}");
    assert_eq!(rows(&store).await, [0; 6]);
    // Posts and snapshots are written before the threads: a bad message time fails midway.
    let mut bad = export();
    let future = msg("Ana", i64::MAX, "from the future", false);
    let future = serde_json::from_value(future).unwrap();
    bad.dm_threads[0].messages.push(future);
    let err = try_write(&store, &client, S::IgExport, &bad).await;
    assert_eq!(invalid_field(&err), Some("sent_at"), "{err:?}");
    assert_eq!(rows(&store).await, [0; 6]);
    let mut bad = export();
    bad.follower_snapshots[1].date = "01/02/2025".into();
    let err = try_write(&store, &client, S::IgExport, &bad).await;
    assert_eq!(invalid_field(&err), Some("follower_snapshots"));
    assert_eq!(rows(&store).await, [0; 6]);
}

#[tokio::test]
async fn deleting_the_client_removes_all_its_data() {
    let (store, client) = setup().await;
    write(&store, &client, S::IgExport, &export()).await;
    assert_eq!(rows(&store).await, [3, 2, 1, 2, 1, 0]);
    clients::delete(&store, &client).await.unwrap();
    assert_eq!(rows(&store).await, [0; 6]);
}

#[tokio::test]
async fn top_by_engagement_sums_known_interactions_and_prefers_newer_on_ties() {
    let (store, client) = setup().await;
    let p = parsed(json!({"posts": [
        post("a", "image", T, json!({"likes": 10, "saves": 5, "views": 99})),
        post("b", "image", T + 1_000, json!({"likes": 5, "comments": 5, "shares": 5})),
        post("c", "image", T + 2_000, json!({"likes": 1, "comments": 1, "saves": 1, "shares": 1})),
        post("d", "image", T + 3_000, json!({})),
        post("e", "image", T + 4_000, json!({"shares": 4})),
    ]}));
    write(&store, &client, S::IgExport, &p).await;
    let top = posts::top_by_engagement(&store, &client, 4).await.unwrap();
    let score = |p: &StoredPost| (p.source_key.clone(), p.engagement());
    let got: Vec<_> = top.iter().map(score).collect();
    let want = [("b", 15), ("a", 15), ("e", 4), ("c", 4)].map(|(k, n)| (k.to_string(), n));
    assert_eq!(got, want);
}

#[tokio::test]
async fn time_zone_defaults_to_utc_and_can_be_set() {
    let store = Store::open_in_memory().await.unwrap();
    let tz = || settings::get_time_zone(&store);
    assert_eq!(tz().await.unwrap(), "UTC");
    for zone in ["Europe/Berlin", " America/New_York "] {
        settings::set_time_zone(&store, zone).await.unwrap();
    }
    assert_eq!(tz().await.unwrap(), "America/New_York");
    let empty = settings::set_time_zone(&store, "  ").await;
    assert!(
        matches!(&empty, Err(StoreError::Invalid { .. })),
        "{empty:?}"
    );
    assert_eq!(tz().await.unwrap(), "America/New_York");
}
