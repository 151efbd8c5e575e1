//! Audits through the API: from stored data to a stored document, the narrative offline and by a
//! model (whose numbers are filled in by the app), and the changes against the previous audit.
mod common;

use chrono::{Duration, Utc};
use instagrowth_ai::{Preset, ProviderSettings};
use instagrowth_api::ai;
use instagrowth_api::audit;
use instagrowth_api::manual::{self, ManualEntry, ManualPost, ManualSnapshot};
use instagrowth_api::{ErrorCode, Workspace};
use instagrowth_audit::NarrativeSource;
use instagrowth_fake_openai::{FakeOpenAi, Script};
use instagrowth_model::PostKind;

fn noop() -> impl Fn(ai::AiEvent) + Send + Sync {
    |_| {}
}

/// Ten posts a week apart with 2,000 followers, typed in by hand.
async fn with_posts(ws: &Workspace, likes: i64, time: &str) {
    let today = Utc::now().date_naive();
    let posts = (0..10)
        .map(|i| ManualPost {
            date: (today - Duration::days(3 + 7 * i)).to_string(),
            time: Some(time.into()),
            kind: [PostKind::Reel, PostKind::Carousel][i as usize % 2],
            caption: format!(
                "Three ways to glow this winter, part {i}\nWhich one do you try first?"
            ),
            likes: Some(likes),
            comments: Some(10),
            saves: None,
            shares: None,
            reach: None,
            views: None,
        })
        .collect();
    let entry = ManualEntry {
        snapshot: Some(ManualSnapshot {
            date: today.to_string(),
            followers: 2_000,
            following: None,
        }),
        posts,
    };
    manual::save(ws, "@glow", &entry).await.unwrap();
}

#[tokio::test]
async fn an_offline_audit_is_stored_and_the_next_one_shows_the_changes() {
    let ws = common::workspace_with_glow().await;
    with_posts(&ws, 90, "18:00").await;
    let cancel = instagrowth_ai::CancellationToken::new();
    let first = audit::run(&ws, "@glow", true, &cancel, &noop())
        .await
        .unwrap();
    // (90 + 10) / 2,000 on every post.
    assert!((first.audit.engagement_rate.unwrap() - 0.05).abs() < 1e-12);
    assert_eq!(first.narrative.source, NarrativeSource::Offline);
    assert!(
        first.narrative.summary.contains("5.0 % of followers"),
        "{}",
        first.narrative.summary
    );
    assert!(first.changes.is_none());
    assert_eq!(first.narrative_note, None);

    // The JSON has the documented top-level shape.
    let json = serde_json::to_value(&first).unwrap();
    for key in [
        "engagement_rate",
        "engagement_rate_by_reach",
        "tier_benchmark",
        "content_score",
        "shadowban_risk",
        "findings",
        "best_times",
        "roadmap",
        "narrative",
        "not_assessed",
    ] {
        assert!(json.get(key).is_some(), "{key} missing");
    }
    assert_eq!(json["tier_benchmark"]["tier"], "1K–5K");
    assert_eq!(json["narrative"]["source"], "offline");
    assert!(json["shadowban_risk"]["signals"][0]["explanation"].is_string());

    // Ten more posts with twice the engagement: the second audit says engagement went up to
    // the mean of 5 % and 10 %.
    with_posts(&ws, 190, "19:00").await;
    let second = audit::run(&ws, "@glow", true, &cancel, &noop())
        .await
        .unwrap();
    let changes = second.changes.as_ref().unwrap();
    assert_eq!(changes.previous_id, first.id);
    let er = changes
        .metrics
        .iter()
        .find(|m| m.key == "engagement_rate")
        .unwrap();
    assert!((er.before.unwrap() - 0.05).abs() < 1e-12);
    assert!((er.after.unwrap() - 0.075).abs() < 1e-12, "{er:?}");

    let history = audit::history(&ws, "@glow").await.unwrap();
    assert_eq!(
        history.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        [second.id.as_str(), first.id.as_str()]
    );
    assert_eq!(audit::get(&ws, &first.id).await.unwrap(), first);
    assert_eq!(
        audit::get(&ws, "nope").await.unwrap_err().code,
        ErrorCode::NotFound
    );
}

const NARRATIVE: &str = r#"{"summary": ["{client} engages {engagement_rate} of followers, against {tier_median} for accounts of {tier} followers.", "The content score is {content_score}."], "recommendations": ["Keep the rhythm.", "Post reels.", "Ask questions."]}"#;

#[tokio::test]
async fn a_model_writes_the_narrative_but_the_app_writes_the_numbers() {
    let server = FakeOpenAi::start();
    // First answer breaks the rule (a digit); the repair turn gets it right.
    server.push(Script::reply(
        r#"{"summary": ["Engagement is 5% — great."], "recommendations": ["Post more."]}"#,
    ));
    server.push(Script::reply(NARRATIVE));
    let ws = common::workspace_with_glow().await;
    ai::configure(
        &ws,
        ProviderSettings {
            preset: Preset::Custom,
            base_url: server.base_url(),
            model: "gpt-4o-mini".into(),
            extra_headers: vec![],
        },
    )
    .await
    .unwrap();
    with_posts(&ws, 90, "18:00").await;
    let doc = audit::run(
        &ws,
        "@glow",
        false,
        &instagrowth_ai::CancellationToken::new(),
        &noop(),
    )
    .await
    .unwrap();
    assert_eq!(doc.narrative.source, NarrativeSource::Ai);
    assert_eq!(doc.narrative.model.as_deref(), Some("gpt-4o-mini"));
    assert!(
        doc.narrative.summary.starts_with(
            "Glow engages 5.0 % of followers, against 6.5 % for accounts of 1K–5K followers."
        ),
        "{}",
        doc.narrative.summary
    );
    assert!(!doc.narrative.summary.contains('{'));
    let repair = server.requests()[1].body["messages"][3]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(repair.contains("contains a digit"), "{repair}");
    // The prompt carried the figures' placeholders and the findings.
    let prompt = server.requests()[0].body["messages"][1]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(prompt.contains("{engagement_rate} = 5.0 %"), "{prompt}");
    // One credit for the narrative.
    assert_eq!(ai::status(&ws).await.unwrap().credits_used, 1);

    // --offline never calls the model.
    let before = server.chat_count();
    let doc = audit::run(
        &ws,
        "@glow",
        true,
        &instagrowth_ai::CancellationToken::new(),
        &noop(),
    )
    .await
    .unwrap();
    assert_eq!(doc.narrative.source, NarrativeSource::Offline);
    assert_eq!(server.chat_count(), before);

    // A provider failure still gives an audit, offline, with a note saying why.
    server.push(Script::quota());
    let doc = audit::run(
        &ws,
        "@glow",
        false,
        &instagrowth_ai::CancellationToken::new(),
        &noop(),
    )
    .await
    .unwrap();
    assert_eq!(doc.narrative.source, NarrativeSource::Offline);
    assert!(
        doc.narrative_note
            .as_deref()
            .unwrap()
            .contains("out of credit"),
        "{:?}",
        doc.narrative_note
    );
}

#[tokio::test]
async fn a_client_without_data_gets_an_audit_that_says_what_is_missing() {
    let ws = common::workspace_with_glow().await;
    let doc = audit::run(
        &ws,
        "@glow",
        false,
        &instagrowth_ai::CancellationToken::new(),
        &noop(),
    )
    .await
    .unwrap();
    assert_eq!(doc.audit.posts_analysed, 0);
    assert!(doc.audit.not_assessed.iter().any(|n| n.key == "posts"));
    assert_eq!(
        doc.narrative_note, None,
        "no provider is the normal offline case"
    );
    assert_eq!(
        audit::run(
            &ws,
            "@nobody",
            true,
            &instagrowth_ai::CancellationToken::new(),
            &noop()
        )
        .await
        .unwrap_err()
        .code,
        ErrorCode::NotFound
    );
}
