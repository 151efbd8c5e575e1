//! The audit of a 10,000-post client (target ≤ 30 ms). `cargo bench -p instagrowth-audit`.
use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use instagrowth_audit::{run, AuditInput, AuditPost};
use instagrowth_model::{Metrics, PostKind};

fn client(posts: usize) -> AuditInput {
    let as_of = Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap();
    let tags = [
        "skincare", "glow", "serum", "spf", "routine", "explore", "berlin", "dryskin",
    ];
    let posts = (0..posts)
        .map(|i| AuditPost {
            id: format!("post-{i:05}"),
            kind: [PostKind::Reel, PostKind::Carousel, PostKind::Image][i % 3],
            // Several a day over ~3 years, newest first.
            published_at: as_of - Duration::minutes(i as i64 * 157),
            caption: format!("Tip {i}: the one step most routines miss\nSave this and tell me which step you skip #skincare"),
            hashtags: (0..(i % 7)).map(|k| tags[(i + k) % tags.len()].to_string()).collect(),
            metrics: Metrics {
                likes: Some(200 + (i as i64 * 37) % 400),
                comments: Some(10 + (i as i64 * 13) % 40),
                saves: Some((i as i64 * 7) % 60),
                reach: Some(2_000 + (i as i64 * 97) % 3_000),
                ..Default::default()
            },
        })
        .collect();
    let followers = (0..36)
        .map(|m| {
            (
                (as_of - Duration::days(30 * m)).date_naive(),
                20_000 - m * 150,
            )
        })
        .rev()
        .collect();
    AuditInput {
        as_of,
        time_zone: chrono_tz::Europe::Berlin,
        followers,
        following: Some(500),
        posts,
    }
}

fn bench(c: &mut Criterion) {
    let input = client(10_000);
    c.bench_function("audit of a 10,000-post client", |b| b.iter(|| run(&input)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
