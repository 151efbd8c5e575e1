//! The reply assistant through the API: the queue from pasted text, a CSV and imported DM
//! threads; triage, drafts under the brand's rules, handled, leads CSV, saved replies; the AI path
//! through the local OpenAI-style server with the lead score still computed by rules.
mod common;

use std::path::Path;

use instagrowth_ai::{CancellationToken, Preset, ProviderSettings};
use instagrowth_api::ai;
use instagrowth_api::import::{self, ImportRequest};
use instagrowth_api::replies::{
    self, AddRequest, RedraftRequest, ReplyItem, ReplyQuery, ReplySource, SavedReplyInput,
};
use instagrowth_api::{clients, ClientPatch, ErrorCode, Workspace};
use instagrowth_fake_openai::{FakeOpenAi, Script};
use instagrowth_import::Control;
use instagrowth_replies::{check_reply, BrandRules, Channel, EmojiUse, Intent, Language};
use serde_json::json;

fn noop() -> impl Fn(ai::AiEvent) + Send + Sync {
    |_| {}
}

async fn glow() -> Workspace {
    let ws = common::workspace_with_glow().await;
    let patch = ClientPatch {
        name: Some("Glow Studio".into()),
        niche: Some("Skincare studio".into()),
        brand_voice: Some("warm, expert, no jargon".into()),
        ..Default::default()
    };
    clients::update(&ws, "@glow", &patch).await.unwrap();
    ws
}

const PASTED: &str = "\
maria.lopez: hola! cuánto cuesta el facial? quiero reservar para el sábado
@bot_growth_9: Promote your page to 10k real followers 🚀 DM us
lena.k: Ich habe vor zwei Wochen bestellt und immer noch nichts bekommen. Sehr enttäuscht.
sophie: love this so much 😍
brandco: Hi! We'd love to collab — could we send you our new serum for a review?
";

async fn paste(ws: &Workspace, text: &str, channel: Channel) -> replies::AddOutcome {
    let req = AddRequest {
        source: ReplySource::Pasted {
            text: text.into(),
            channel,
        },
        offline: true,
    };
    replies::add(ws, "@glow", &req, &CancellationToken::new(), &noop())
        .await
        .unwrap()
}

fn by_author<'a>(items: &'a [ReplyItem], author: &str) -> &'a ReplyItem {
    items
        .iter()
        .find(|i| i.author == author)
        .unwrap_or_else(|| panic!("no message from {author}"))
}

#[tokio::test]
async fn pasted_messages_are_triaged_drafted_and_queued_once() {
    let ws = glow().await;
    let out = paste(&ws, PASTED, Channel::Comment).await;
    assert_eq!((out.counts.added, out.counts.unchanged), (5, 0));
    assert_eq!(out.drafted_by, "offline");
    let items = &out.items;
    let priorities: Vec<u32> = items.iter().map(|i| i.triage.priority).collect();
    let mut sorted = priorities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(priorities, sorted, "highest priority first");

    let maria = by_author(items, "maria.lopez");
    assert_eq!(maria.triage.language, Language::Es);
    assert!(
        matches!(maria.triage.intent, Intent::Pricing | Intent::Purchase),
        "{:?}",
        maria.triage.intent
    );
    assert!(maria.triage.lead_score >= 50, "{:?}", maria.triage);
    assert!(maria
        .triage
        .lead_reasons
        .iter()
        .any(|r| r.signal == "asks_price"));
    assert_eq!(maria.first_name.as_deref(), Some("Maria"));
    assert!((2..=3).contains(&maria.drafts.len()));
    for d in &maria.drafts {
        check_reply(&d.text, Channel::Comment, &BrandRules::default()).unwrap();
    }

    let bot = by_author(items, "bot_growth_9");
    assert_eq!(bot.triage.intent, Intent::Spam);
    assert!(bot.drafts.is_empty(), "spam gets no reply");
    assert_eq!(bot.triage.lead_score, 0);
    assert_eq!(items.last().unwrap().author, "bot_growth_9", "spam last");

    let lena = by_author(items, "lena.k");
    assert_eq!(lena.triage.language, Language::De);
    assert!(
        matches!(lena.triage.intent, Intent::Support | Intent::Complaint),
        "{:?}",
        lena.triage
    );
    assert_eq!(
        by_author(items, "brandco").triage.intent,
        Intent::Collaboration
    );

    // The same text again changes nothing.
    let again = paste(&ws, PASTED, Channel::Comment).await;
    assert_eq!((again.counts.added, again.counts.unchanged), (0, 5));
    let ids: Vec<&str> = again.items.iter().map(|i| i.id.as_str()).collect();
    let first: Vec<&str> = out.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, first);

    // Filter, handle, show handled.
    let spam_only = replies::list(
        &ws,
        "@glow",
        &ReplyQuery {
            intent: Some("spam".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(spam_only.len(), 1);
    let handled = replies::set_handled(&ws, &maria.id, true).await.unwrap();
    assert!(handled.handled_at.is_some());
    let waiting = replies::list(&ws, "@glow", &ReplyQuery::default())
        .await
        .unwrap();
    assert_eq!(waiting.len(), 4);
    assert!(waiting.iter().all(|i| i.id != maria.id));
    let all = replies::list(
        &ws,
        "@glow",
        &ReplyQuery {
            include_handled: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(all.len(), 5);
    assert_eq!(all.last().unwrap().id, maria.id, "handled ones last");
    assert_eq!(replies::clear_handled(&ws, "@glow").await.unwrap(), 1);
}

#[tokio::test]
async fn bad_input_is_refused_and_changes_nothing() {
    let ws = glow().await;
    paste(&ws, "ana: how much is it?", Channel::Comment).await;
    let cancel = CancellationToken::new();
    let refuse = |source: ReplySource| {
        let ws = &ws;
        let cancel = &cancel;
        async move {
            let req = AddRequest {
                source,
                offline: true,
            };
            replies::add(ws, "@glow", &req, cancel, &noop())
                .await
                .unwrap_err()
        }
    };
    let e = refuse(ReplySource::Pasted {
        text: "  \n \n".into(),
        channel: Channel::Comment,
    })
    .await;
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::InvalidInput, Some("input"))
    );
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("comments.csv");
    std::fs::write(&csv, "username,date\nana,2026-11-20\n").unwrap();
    let e = refuse(ReplySource::CsvFile {
        path: csv.display().to_string(),
        channel: Channel::Comment,
    })
    .await;
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.to_lowercase().contains("text"), "{}", e.message);
    let e = refuse(ReplySource::CsvFile {
        path: dir.path().join("missing.csv").display().to_string(),
        channel: Channel::Comment,
    })
    .await;
    assert!(e.message.contains("missing.csv"), "{}", e.message);
    let e = refuse(ReplySource::AwaitingDms).await;
    assert!(e.message.contains("DM"), "{}", e.message);
    let all = replies::list(
        &ws,
        "@glow",
        &ReplyQuery {
            include_handled: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(all.len(), 1, "nothing was added");
}

#[tokio::test]
async fn a_csv_of_comments_and_the_leads_export() {
    let ws = glow().await;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("comments.csv");
    std::fs::write(
        &csv,
        "Username,Text,Date,Post\n\
         maria.lopez,\"precio del facial? lo quiero para mañana\",2026-11-20 10:00,https://instagram.com/p/abc\n\
         =cmd,\"=HYPERLINK(\"\"http://x\"\") how much is shipping to Lyon?\",2026-11-20 11:00,\n\
         sophie,so pretty!!,2026-11-21,\n",
    )
    .unwrap();
    let req = AddRequest {
        source: ReplySource::CsvFile {
            path: csv.display().to_string(),
            channel: Channel::Comment,
        },
        offline: true,
    };
    let out = replies::add(&ws, "@glow", &req, &CancellationToken::new(), &noop())
        .await
        .unwrap();
    assert_eq!(out.counts.added, 3);
    let maria = by_author(&out.items, "maria.lopez");
    assert_eq!(maria.received_at.as_deref(), Some("2026-11-20T10:00:00Z"));
    assert_eq!(maria.post.as_deref(), Some("https://instagram.com/p/abc"));

    let bytes = replies::leads_csv(&ws, "@glow", 40).await.unwrap();
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..3], ["author", "lead_score", "reasons"]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|row| row[1].parse::<u32>().unwrap() >= 40));
    assert!(rows.iter().any(|row| &row[0] == "maria.lopez"));
    assert!(
        rows.iter().all(|row| &row[0] != "sophie"),
        "praise is no lead"
    );
    let scores: Vec<u32> = rows.iter().map(|row| row[1].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best leads first");
    for row in &rows {
        for cell in row.iter() {
            assert!(!cell.starts_with('='), "a formula reached the CSV: {cell}");
        }
    }
    let path = dir.path().join("leads.csv");
    let done = replies::export_leads_csv(&ws, "@glow", 40, &path)
        .await
        .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(done.bytes, bytes.len() as u64);
}

/// A data download with two DM threads: one awaiting a reply, one the studio answered last.
fn write_export(dir: &Path) {
    let put = |rel: &str, v: serde_json::Value| {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, serde_json::to_vec(&v).unwrap()).unwrap();
    };
    put(
        "personal_information/personal_information/personal_information.json",
        json!({"profile_user": [{"media_map_data": {}, "string_map_data": {
            "Username": {"href": "", "value": "glow", "timestamp": 0},
            "Name": {"href": "", "value": "Glow Studio", "timestamp": 0}}}]}),
    );
    put(
        "your_instagram_activity/content/posts_1.json",
        json!([{"media": [{"uri": "media/posts/1.jpg", "creation_timestamp": 1_763_600_000,
            "title": "Winter glow #skincare", "media_metadata": {}}]}]),
    );
    let t = 1_763_600_000_000_i64;
    put(
        "your_instagram_activity/messages/inbox/marialopez_1/message_1.json",
        json!({"participants": [{"name": "Maria Lopez"}, {"name": "Glow Studio"}],
               "title": "Maria Lopez", "thread_path": "inbox/marialopez_1",
               "messages": [
                   {"sender_name": "Maria Lopez", "timestamp_ms": t + 3_000, "content": "y tienen cita libre este sábado?"},
                   {"sender_name": "Maria Lopez", "timestamp_ms": t + 2_000, "content": "Hola! cuánto cuesta el facial hydra?"},
                   {"sender_name": "Glow Studio", "timestamp_ms": t + 1_000, "content": "Gracias por escribirnos!"},
                   {"sender_name": "Maria Lopez", "timestamp_ms": t, "content": "hola"}]}),
    );
    put(
        "your_instagram_activity/messages/inbox/tom_2/message_1.json",
        json!({"participants": [{"name": "Tom"}, {"name": "Glow Studio"}],
               "title": "Tom", "thread_path": "inbox/tom_2",
               "messages": [
                   {"sender_name": "Glow Studio", "timestamp_ms": t + 9_000, "content": "See you Friday!"},
                   {"sender_name": "Tom", "timestamp_ms": t + 8_000, "content": "Can I book Friday?"}]}),
    );
}

#[tokio::test]
async fn imported_dm_threads_awaiting_a_reply_join_the_queue() {
    let ws = glow().await;
    let dir = tempfile::tempdir().unwrap();
    write_export(dir.path());
    let req = ImportRequest {
        client: "@glow".into(),
        paths: vec![dir.path().to_path_buf()],
        force: false,
    };
    import::run(&ws, &req, Control::new()).await.unwrap();
    let add = AddRequest {
        source: ReplySource::AwaitingDms,
        offline: true,
    };
    let out = replies::add(&ws, "@glow", &add, &CancellationToken::new(), &noop())
        .await
        .unwrap();
    assert_eq!(out.counts.added, 1, "only Maria's thread awaits a reply");
    let maria = &out.items[0];
    assert_eq!(
        (maria.author.as_str(), maria.channel, maria.source.as_str()),
        ("Maria Lopez", Channel::Dm, "dm")
    );
    assert_eq!(
        maria.text, "Hola! cuánto cuesta el facial hydra?\ny tienen cita libre este sábado?",
        "what she wrote since the studio last answered"
    );
    assert!(maria.thread_id.is_some());
    assert_eq!(maria.triage.language, Language::Es);
    assert!(maria.triage.lead_score >= 50, "{:?}", maria.triage);
    // Loading again: the same thread, nothing new.
    let again = replies::add(&ws, "@glow", &add, &CancellationToken::new(), &noop())
        .await
        .unwrap();
    assert_eq!((again.counts.added, again.counts.unchanged), (0, 1));
}

#[tokio::test]
async fn brand_rules_shape_the_drafts_and_saving_them_redrafts() {
    let ws = glow().await;
    let out = paste(
        &ws,
        "maria.lopez: how much is the hydra facial? I want to book",
        Channel::Dm,
    )
    .await;
    let id = out.items[0].id.clone();
    let rules = BrandRules {
        avoid_words: vec![" cheap ".into(), "Cheap".into(), "deal".into()],
        sign_off: "— Ana at Glow Studio".into(),
        emoji: EmojiUse::None,
        booking_link: "glowstudio.de/book".into(),
    };
    let saved = replies::set_rules(&ws, "@glow", &rules).await.unwrap();
    assert_eq!(
        saved.avoid_words,
        vec!["cheap", "deal"],
        "trimmed, no repeats"
    );
    assert_eq!(replies::get_rules(&ws, "@glow").await.unwrap(), saved);
    let item = replies::list(&ws, "@glow", &ReplyQuery::default())
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.id == id)
        .unwrap();
    assert!(!item.drafts.is_empty());
    for d in &item.drafts {
        check_reply(&d.text, Channel::Dm, &saved).unwrap();
        assert!(d.text.ends_with("— Ana at Glow Studio"), "{}", d.text);
    }
    assert!(
        item.drafts
            .iter()
            .any(|d| d.text.contains("glowstudio.de/book")),
        "{:?}",
        item.drafts
    );

    let e = replies::set_rules(
        &ws,
        "@glow",
        &BrandRules {
            sign_off: "x".repeat(81),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("sign_off"));
    assert_eq!(
        replies::get_rules(&ws, "@glow").await.unwrap(),
        saved,
        "unchanged"
    );

    // Redrafting offline with a seed is repeatable.
    let a = replies::redraft(
        &ws,
        &id,
        &RedraftRequest {
            offline: true,
            seed: Some(5),
        },
        &CancellationToken::new(),
        &noop(),
    )
    .await
    .unwrap();
    let b = replies::redraft(
        &ws,
        &id,
        &RedraftRequest {
            offline: true,
            seed: Some(5),
        },
        &CancellationToken::new(),
        &noop(),
    )
    .await
    .unwrap();
    assert_eq!(a.item.drafts, b.item.drafts);
}

#[tokio::test]
async fn saved_replies_render_with_the_message_and_the_brand() {
    let ws = glow().await;
    let out = paste(
        &ws,
        "maria.lopez: do you ship to Austria?",
        Channel::Comment,
    )
    .await;
    replies::set_rules(
        &ws,
        "@glow",
        &BrandRules {
            sign_off: "— Ana".into(),
            booking_link: "glowstudio.de/shop".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let input = |body: &str| SavedReplyInput {
        id: None,
        client: None,
        name: "Shipping".into(),
        body: body.into(),
        intent: Some(Intent::Support),
    };
    let e = replies::save_saved(&ws, &input("Hi {firstname}!"))
        .await
        .unwrap_err();
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::InvalidInput, Some("body"))
    );
    assert!(e.message.contains("firstname"), "{}", e.message);
    let saved = replies::save_saved(
        &ws,
        &input("Hi {first_name}! We ship across the EU — order at {link}. {sign_off}"),
    )
    .await
    .unwrap();
    assert_eq!(saved.client_id, None, "for every client");
    assert_eq!(replies::list_saved(&ws, "@glow").await.unwrap().len(), 1);
    let text = replies::render_saved(&ws, &out.items[0].id, &saved.id)
        .await
        .unwrap();
    assert_eq!(
        text,
        "Hi Maria! We ship across the EU — order at glowstudio.de/shop. — Ana"
    );
    replies::delete_saved(&ws, &saved.id).await.unwrap();
    assert!(replies::list_saved(&ws, "@glow").await.unwrap().is_empty());
}

#[tokio::test]
async fn the_ai_path_classifies_and_drafts_but_never_scores() {
    let server = FakeOpenAi::start();
    let ws = glow().await;
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
    replies::set_rules(
        &ws,
        "@glow",
        &BrandRules {
            avoid_words: vec!["cheap".into()],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // Message 0: two usable drafts and one with an avoided word and one with an invented price.
    // Message 1: spam. Message 2: skipped by the model.
    server.push(Script::reply(
        json!({"replies": [
            {"index": 0, "intent": "pricing", "sentiment": "neutral", "language": "en",
             "urgency": "normal", "drafts": [
                {"text": "Thanks for asking! I've sent you a DM with the details.", "style": "Move to DM"},
                {"text": "Great question — check your DMs, we'll help you pick.", "style": "Warm"},
                {"text": "It's cheap, don't worry!", "style": "Short"}]},
            {"index": 1, "intent": "spam", "sentiment": "neutral", "language": "en",
             "urgency": "low", "drafts": []}
        ]})
        .to_string(),
    ));
    let text = "ana: how much is the facial?\nbot99: free followers at bit.ly/x\nsophie: love it";
    let req = AddRequest {
        source: ReplySource::Pasted {
            text: text.into(),
            channel: Channel::Comment,
        },
        offline: false,
    };
    let out = replies::add(&ws, "@glow", &req, &CancellationToken::new(), &noop())
        .await
        .unwrap();
    assert_eq!(
        (out.drafted_by.as_str(), out.model.as_deref()),
        ("ai", Some("gpt-4o-mini"))
    );
    let ana = by_author(&out.items, "ana");
    assert_eq!(ana.drafted_by, "ai");
    assert_eq!(
        ana.drafts.len(),
        2,
        "the draft with an avoided word is dropped"
    );
    assert!(ana.drafts.iter().all(|d| !d.text.contains("cheap")));
    assert!(
        ana.triage
            .lead_reasons
            .iter()
            .any(|r| r.signal == "asks_price"),
        "the score comes from the rules: {:?}",
        ana.triage
    );
    let bot = by_author(&out.items, "bot99");
    assert_eq!((bot.triage.intent, bot.drafts.len()), (Intent::Spam, 0));
    let sophie = by_author(&out.items, "sophie");
    assert_eq!(sophie.drafted_by, "offline", "skipped by the model");
    assert!(!sophie.drafts.is_empty());
    let prompt = server.requests()[0].body["messages"][1]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        prompt.contains("Never use these words: cheap") && prompt.contains("0. [comment] ana"),
        "{prompt}"
    );

    // The provider's account out of credit: offline drafts and a note.
    server.push(Script::quota());
    let req = AddRequest {
        source: ReplySource::Pasted {
            text: "zoe: is the serum in stock?".into(),
            channel: Channel::Comment,
        },
        offline: false,
    };
    let out = replies::add(&ws, "@glow", &req, &CancellationToken::new(), &noop())
        .await
        .unwrap();
    assert_eq!(out.drafted_by, "offline");
    assert!(!out.notes.is_empty());
    assert!(!out.items[0].drafts.is_empty());
}
