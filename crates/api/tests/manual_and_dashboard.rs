//! Manual entry and the dashboard, against real SQLite with the real migrations.
mod common;
use instagrowth_api::dashboard::client_dashboard;
use instagrowth_api::manual::{save, ManualEntry, ManualPost, ManualSnapshot};
use instagrowth_api::ErrorCode;
use instagrowth_model::PostKind;

fn post(date: &str, kind: PostKind, likes: i64) -> ManualPost {
    ManualPost {
        date: date.into(),
        time: None,
        kind,
        caption: format!("{date} #manual"),
        likes: Some(likes),
        comments: Some(2),
        saves: None,
        shares: None,
        reach: Some(500),
        views: None,
    }
}

#[tokio::test]
async fn manual_rows_are_saved_and_shape_the_dashboard() {
    let ws = common::workspace_with_glow().await;
    let entry = ManualEntry {
        snapshot: Some(ManualSnapshot {
            date: "2026-03-01".into(),
            followers: 1000,
            following: Some(200),
        }),
        posts: vec![
            post("2026-02-02", PostKind::Image, 50),
            post("2026-02-02", PostKind::Image, 70),
            post("2026-02-20", PostKind::Reel, 300),
            post("2026-02-21", PostKind::Story, 5),
        ],
    };
    let out = save(&ws, "@glow", &entry).await.unwrap();
    assert_eq!(out.posts_added, 4, "two posts on one day are two posts");
    assert_eq!(out.follower_snapshots, 1);

    let d = client_dashboard(&ws, "@glow").await.unwrap();
    assert_eq!(d.total_posts, 4);
    assert_eq!(
        d.engagement.len(),
        3,
        "stories are not on the engagement chart"
    );
    assert_eq!(d.engagement[2].engagement, 302);
    // (300 + 2) / 1000 followers
    assert!((d.engagement[2].engagement_rate.unwrap() - 30.2).abs() < 1e-9);
    let weeks: Vec<u32> = d.cadence.iter().map(|w| w.posts).collect();
    assert_eq!(weeks, vec![2, 0, 1], "weeks of Feb 2, Feb 9 (none), Feb 16");
    assert_eq!(d.cadence[0].week_start, "2026-02-02");
    let mix: Vec<(PostKind, u32)> = d.format_mix.iter().map(|f| (f.kind, f.posts)).collect();
    assert_eq!(
        mix,
        vec![
            (PostKind::Image, 2),
            (PostKind::Carousel, 0),
            (PostKind::Reel, 1),
            (PostKind::Story, 1)
        ]
    );
    assert_eq!(d.top_posts[0].metrics.likes, Some(300));
    assert_eq!(d.followers[0].followers, Some(1000));
    assert_eq!(d.imports.len(), 1);
}

#[tokio::test]
async fn a_bad_row_names_its_field_and_saves_nothing() {
    let ws = common::workspace_with_glow().await;
    let mut bad = post("2026-02-02", PostKind::Image, 5);
    bad.likes = Some(-1);
    let entry = ManualEntry {
        snapshot: None,
        posts: vec![post("2026-02-01", PostKind::Image, 1), bad],
    };
    let err = save(&ws, "@glow", &entry).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.field.as_deref(), Some("posts.1.likes"));

    let future = ManualEntry {
        snapshot: Some(ManualSnapshot {
            date: "2999-01-01".into(),
            followers: 1,
            following: None,
        }),
        posts: vec![],
    };
    assert_eq!(
        save(&ws, "@glow", &future)
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("snapshot.date")
    );
    let not_a_date = ManualEntry {
        snapshot: None,
        posts: vec![post("yesterday", PostKind::Reel, 1)],
    };
    assert_eq!(
        save(&ws, "@glow", &not_a_date)
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("posts.0.date")
    );
    assert_eq!(
        save(&ws, "@glow", &ManualEntry::default())
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );

    let d = client_dashboard(&ws, "@glow").await.unwrap();
    assert_eq!(d.total_posts, 0);
    assert!(d.imports.is_empty());
}
