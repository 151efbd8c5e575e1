//! Content through the API: offline drafts from the library, the AI path through the local
//! OpenAI-style server with the same rules, and the client's content library.
mod common;

use instagrowth_ai::{CancellationToken, Preset, ProviderSettings};
use instagrowth_api::ai;
use instagrowth_api::content::{self, ContentRequest, LibraryPatch};
use instagrowth_api::{clients, ClientPatch, ErrorCode, Workspace};
use instagrowth_content::{check_hashtag_set, Item, Kind};
use instagrowth_fake_openai::{FakeOpenAi, Script};
use instagrowth_store::queries::content_items::ContentQuery;

fn noop() -> impl Fn(ai::AiEvent) + Send + Sync {
    |_| {}
}

async fn skincare() -> Workspace {
    let ws = common::workspace_with_glow().await;
    let patch = ClientPatch {
        niche: Some("Skincare studio".into()),
        audience: Some("women 25–40 in Berlin".into()),
        ..Default::default()
    };
    clients::update(&ws, "@glow", &patch).await.unwrap();
    ws
}

fn req(kind: Kind, count: u32, seed: u64) -> ContentRequest {
    ContentRequest {
        kind,
        count,
        topic: None,
        offline: true,
        seed: Some(seed),
        avoid: vec![],
    }
}

#[tokio::test]
async fn offline_drafts_follow_the_rules_and_the_seed() {
    let ws = skincare().await;
    let cancel = CancellationToken::new();
    let a = content::generate(&ws, "@glow", &req(Kind::Hashtags, 6, 42), &cancel, &noop())
        .await
        .unwrap();
    assert_eq!(
        (a.source.as_str(), a.niche.as_str(), a.items.len()),
        ("offline", "beauty", 6)
    );
    for item in &a.items {
        let Item::Hashtags(set) = item else {
            panic!("not a hashtag set")
        };
        check_hashtag_set(&set.tags).unwrap();
    }
    let again = content::generate(&ws, "@glow", &req(Kind::Hashtags, 6, 42), &cancel, &noop())
        .await
        .unwrap();
    assert_eq!(a.items, again.items, "same seed, same draft");
    let other = content::generate(&ws, "@glow", &req(Kind::Hashtags, 6, 43), &cancel, &noop())
        .await
        .unwrap();
    assert_ne!(a.items, other.items);
    // The JSON shape of a hashtag item.
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["kind"], "hashtags");
    assert!(json["items"][0]["tags"][0]
        .as_str()
        .unwrap()
        .starts_with('#'));

    let e = content::generate(&ws, "@glow", &req(Kind::Hooks, 0, 1), &cancel, &noop())
        .await
        .unwrap_err();
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::InvalidInput, Some("count"))
    );
}

const AI_HOOKS: &str = r#"{"items": [{"text": "The serum step everyone gets backwards", "formula": "mistake"}, {"text": "Why your SPF is not working in winter", "formula": "curiosity_gap"}]}"#;

#[tokio::test]
async fn the_ai_path_is_typed_checked_and_falls_back_offline() {
    let server = FakeOpenAi::start();
    let ws = skincare().await;
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
    let cancel = CancellationToken::new();
    let ask = |kind, count| ContentRequest {
        kind,
        count,
        topic: Some("winter skin".into()),
        offline: false,
        seed: Some(7),
        avoid: vec![],
    };

    server.push(Script::reply(AI_HOOKS));
    let d = content::generate(&ws, "@glow", &ask(Kind::Hooks, 2), &cancel, &noop())
        .await
        .unwrap();
    assert_eq!(
        (d.source.as_str(), d.model.as_deref()),
        ("ai", Some("gpt-4o-mini"))
    );
    assert_eq!(d.items.len(), 2);
    let prompt = server.requests()[0].body["messages"][1]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        prompt.contains("Niche: Skincare studio") && prompt.contains("winter skin"),
        "{prompt}"
    );
    assert!(
        prompt.contains("Do not repeat"),
        "the library's own draft is listed so the model does not repeat it"
    );

    // A hashtag set with a generic tag is sent back once; still wrong → offline with a note.
    server.push(Script::reply(r##"{"items": [{"tags": ["#skincare", "#explore"], "tiers": ["broad", "broad"], "note": ""}]}"##));
    server.push(Script::reply(r##"{"items": [{"tags": ["#skincare", "#viral"], "tiers": ["broad", "broad"], "note": ""}]}"##));
    let before = server.chat_count();
    let d = content::generate(&ws, "@glow", &ask(Kind::Hashtags, 1), &cancel, &noop())
        .await
        .unwrap();
    assert_eq!(server.chat_count(), before + 2, "one repair turn");
    assert_eq!(d.source, "offline");
    assert!(
        d.notes.iter().any(|n| n.contains("drafted offline")),
        "{:?}",
        d.notes
    );
    let repair = server.requests()[before + 1].body["messages"][3]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(repair.contains("#explore"), "{repair}");

    // --offline never calls the model.
    let before = server.chat_count();
    let d = content::generate(&ws, "@glow", &req(Kind::Captions, 3, 1), &cancel, &noop())
        .await
        .unwrap();
    assert_eq!(
        (d.source.as_str(), server.chat_count()),
        ("offline", before)
    );
}

#[tokio::test]
async fn the_library_saves_edits_tags_and_retires_used_items() {
    let ws = skincare().await;
    let cancel = CancellationToken::new();
    let draft = content::generate(&ws, "@glow", &req(Kind::Hooks, 5, 11), &cancel, &noop())
        .await
        .unwrap();
    let first = draft.items[0].clone();
    let saved = content::save(&ws, "@glow", &first, "offline", "winter")
        .await
        .unwrap();
    content::save(&ws, "@glow", &draft.items[1], "offline", "")
        .await
        .unwrap();
    assert_eq!(saved.kind, Kind::Hooks);

    let patch = LibraryPatch {
        tags: Some(vec!["Q1".into(), " q1 ".into(), "reels".into()]),
        favourite: Some(true),
        ..Default::default()
    };
    let edited = content::update(&ws, &saved.id, &patch).await.unwrap();
    assert_eq!(
        (edited.tags.clone(), edited.favourite),
        (vec!["q1".to_string(), "reels".to_string()], true)
    );
    let all = content::list(&ws, "@glow", &ContentQuery::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].id, saved.id, "favourites first");
    let word = first
        .main_text()
        .split_whitespace()
        .last()
        .unwrap()
        .to_uppercase();
    let found = content::list(
        &ws,
        "@glow",
        &ContentQuery {
            search: Some(word),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(found.iter().any(|i| i.id == saved.id));
    assert_eq!(
        content::list(
            &ws,
            "@glow",
            &ContentQuery {
                tag: Some("q1".into()),
                ..Default::default()
            }
        )
        .await
        .unwrap()
        .len(),
        1
    );

    // Used: hidden by default, never suggested again.
    let used = content::mark_used(&ws, &saved.id, true, Some("2026-11-20"))
        .await
        .unwrap();
    assert_eq!(used.used_on.as_deref(), Some("2026-11-20"));
    assert_eq!(
        content::list(&ws, "@glow", &ContentQuery::default())
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        content::list(
            &ws,
            "@glow",
            &ContentQuery {
                include_used: true,
                ..Default::default()
            }
        )
        .await
        .unwrap()
        .len(),
        2
    );
    let redraft = content::generate(&ws, "@glow", &req(Kind::Hooks, 5, 11), &cancel, &noop())
        .await
        .unwrap();
    assert!(
        !redraft
            .items
            .iter()
            .any(|i| i.main_text() == first.main_text()),
        "a used item came back"
    );

    assert_eq!(
        content::mark_used(&ws, &saved.id, true, Some("yesterday"))
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    let wrong_kind = LibraryPatch {
        item: Some(draft.items[2].clone()).filter(|_| false).or_else(|| {
            Some(Item::Hashtags(instagrowth_content::HashtagSet {
                tags: vec!["#skincare".into()],
                tiers: vec!["broad".into()],
                note: String::new(),
            }))
        }),
        ..Default::default()
    };
    assert_eq!(
        content::update(&ws, &saved.id, &wrong_kind)
            .await
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    content::delete(&ws, &saved.id).await.unwrap();
    assert_eq!(
        content::delete(&ws, &saved.id).await.unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[tokio::test]
async fn csv_exports_parse_back() {
    let ws = skincare().await;
    let d = content::generate(
        &ws,
        "@glow",
        &req(Kind::Reels, 3, 5),
        &CancellationToken::new(),
        &noop(),
    )
    .await
    .unwrap();
    let bytes = content::draft_csv(&d).unwrap();
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    assert_eq!(r.headers().unwrap().get(0), Some("title"));
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let Item::Reel(first) = &d.items[0] else {
        panic!()
    };
    assert_eq!(&rows[0][0], first.title.as_str());
    assert_eq!(rows[0][2].parse::<u32>().unwrap(), first.length_secs);
}
