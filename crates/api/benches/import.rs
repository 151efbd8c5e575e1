//! Importing a synthetic data-download export of 10,000 posts with insights (target ≤ 300 ms):
//! reading the folder, parsing, joining insights and writing everything in one transaction.
#[path = "../../import/tests/support/mod.rs"]
mod support;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use instagrowth_api::import::{self, ImportRequest};
use instagrowth_api::{clients, NewClient, Workspace};
use instagrowth_import::Control;
use support::{Export, Layout};

const POSTS: i64 = 10_000;

fn export() -> Export {
    let mut e = Export::new(Layout::Newer).profile("bench.account", "Bench", ("Username", "Name"));
    let t0 = 1_600_000_000;
    for i in 0..POSTS {
        let ts = t0 + i * 3_600;
        let uri = format!("media/posts/{i}.jpg");
        let caption = format!(
            "Post {i} about #skincare and #routine with @friend{}",
            i % 50
        );
        e = e.post(ts, &caption, &[&uri]).post_insights(
            &uri,
            ts,
            &caption,
            &[
                ("Impressions", "1,200"),
                ("Accounts reached", "950"),
                ("Likes", "120"),
                ("Comments", "14"),
                ("Saves", "30"),
                ("Shares", "5"),
            ],
        );
    }
    e
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    export().write_dir(dir.path());
    let req = ImportRequest {
        client: "@bench.account".into(),
        paths: vec![dir.path().to_path_buf()],
        force: false,
    };

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("10,000 posts with insights: parse only", |b| {
        b.iter(|| {
            let (parsed, _) =
                instagrowth_import::parse_paths(&req.paths, &Default::default(), &Control::new())
                    .unwrap();
            assert_eq!(parsed.posts.len(), POSTS as usize);
        })
    });
    group.bench_function("10,000 posts with insights (folder → SQLite)", |b| {
        b.iter_batched(
            || {
                // A fresh workspace per run, not timed.
                rt.block_on(async {
                    let ws = Workspace::in_memory().await.unwrap();
                    clients::add(
                        &ws,
                        &NewClient {
                            name: "Bench".into(),
                            handle: "bench.account".into(),
                            ..Default::default()
                        },
                    )
                    .await
                    .unwrap();
                    ws
                })
            },
            |ws| {
                rt.block_on(async {
                    let out = import::run(&ws, &req, Control::new()).await.unwrap();
                    assert_eq!(out.posts_added, POSTS as u32);
                    assert_eq!(out.with_insights, POSTS as u32);
                })
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
