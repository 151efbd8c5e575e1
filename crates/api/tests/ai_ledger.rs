//! The AI layer as features and the settings page use it: provider settings in the workspace,
//! every call in the usage ledger (failed calls cost nothing), the monthly credit allowance, and
//! the typed "draft offline" outcome. Real SQLite with the real migrations, a real OpenAI-style
//! server on loopback. No keychain is needed: these providers run without a key.
mod common;

use instagrowth_ai::pricing::ModelPrice;
use instagrowth_ai::{CancellationToken, Preset, Prompt, ProviderSettings};
use instagrowth_api::ai::{self, AiOutcome, KeyState, SampleHooks};
use instagrowth_api::{clients, ErrorCode, Workspace};
use instagrowth_fake_openai::{FakeOpenAi, Script};

const HOOKS: &str = r#"{"hooks": [{"text": "Your serum order is wrong", "formula": "mistake"}, {"text": "What 6 weeks of SPF did", "formula": "before_after"}, {"text": "Nobody talks about this step", "formula": "curiosity_gap"}]}"#;

fn prompt() -> Prompt {
    Prompt {
        system: "Write hooks.".into(),
        user: "Three hooks.".into(),
    }
}

async fn with_provider(server: &FakeOpenAi, preset: Preset) -> Workspace {
    let ws = common::workspace_with_glow().await;
    let settings = ProviderSettings {
        preset,
        base_url: server.base_url(),
        model: "gpt-4o-mini".into(),
        extra_headers: vec![],
    };
    ai::configure(&ws, settings).await.unwrap();
    ws
}

async fn hooks(
    ws: &Workspace,
    client: Option<&str>,
) -> Result<AiOutcome<SampleHooks>, instagrowth_api::ApiError> {
    ai::generate::<SampleHooks>(
        ws,
        client,
        "content",
        &prompt(),
        &CancellationToken::new(),
        &|_| {},
    )
    .await
}

async fn glow_id(ws: &Workspace) -> String {
    clients::show(ws, "@glow").await.unwrap().id
}

#[tokio::test]
async fn without_a_provider_features_are_told_to_draft_offline() {
    let ws = common::workspace_with_glow().await;
    let status = ai::status(&ws).await.unwrap();
    assert!(status.provider.is_none());
    assert!(status.offline_reason.unwrap().contains("offline"));
    match hooks(&ws, None).await.unwrap() {
        AiOutcome::Offline { code, .. } => assert_eq!(code, ErrorCode::AiNotConfigured),
        AiOutcome::Generated(_) => panic!("generated without a provider"),
    }
    assert!(
        ai::usage(&ws, None).await.unwrap().recent.is_empty(),
        "no call, no ledger row"
    );
}

#[tokio::test]
async fn a_successful_call_is_recorded_priced_and_charged_one_credit() {
    let server = FakeOpenAi::start();
    server.push(Script::reply(HOOKS));
    let ws = with_provider(&server, Preset::Custom).await;
    let glow = glow_id(&ws).await;
    let AiOutcome::Generated(g) = hooks(&ws, Some(&glow)).await.unwrap() else {
        panic!("offline")
    };
    assert_eq!(g.value.hooks.len(), 3);

    let report = ai::usage(&ws, None).await.unwrap();
    let row = &report.recent[0];
    assert_eq!(row.outcome, "ok");
    assert_eq!(row.client_name.as_deref(), Some("Glow"));
    assert_eq!(
        (
            row.feature.as_str(),
            row.provider.as_str(),
            row.model.as_str()
        ),
        ("content", "custom", "gpt-4o-mini")
    );
    assert_eq!(row.credits, 1);
    assert!(row.priced);
    assert!(row.prompt_tokens > 0 && row.completion_tokens > 0 && !row.tokens_estimated);
    // gpt-4o-mini: $0.15 / $0.60 per million tokens.
    let expected =
        (row.prompt_tokens * 150_000 + row.completion_tokens * 600_000 + 500_000) / 1_000_000;
    assert_eq!(row.cost_micro_usd, expected);
    assert_eq!(row.attempts, 1);
    assert_eq!(report.status.credits_used, 1);
    assert_eq!(report.months.len(), 1);
    assert_eq!(report.months[0].calls, 1);
    assert_eq!(report.clients[0].client_id.as_deref(), Some(glow.as_str()));

    // The per-client report holds only that client's calls.
    let mine = ai::usage(&ws, Some("@glow")).await.unwrap();
    assert_eq!(mine.recent.len(), 1);
    assert!(mine.clients.is_empty());
}

#[tokio::test]
async fn a_failed_call_costs_nothing_but_is_in_the_ledger() {
    let server = FakeOpenAi::start();
    server.push(Script::context_too_long());
    let ws = with_provider(&server, Preset::Custom).await;
    let e = hooks(&ws, None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::AiContextTooLong);
    let row = &ai::usage(&ws, None).await.unwrap().recent[0];
    assert_eq!(row.outcome, "ai_context_too_long");
    assert_eq!((row.cost_micro_usd, row.credits), (0, 0));
    assert_eq!(ai::status(&ws).await.unwrap().credits_used, 0);

    // An answer that stays unusable after the repair attempt: two requests, nothing charged.
    server.push(Script::reply("{}"));
    server.push(Script::reply("not json"));
    assert_eq!(
        hooks(&ws, None).await.unwrap_err().code,
        ErrorCode::AiInvalidAnswer
    );
    let row = &ai::usage(&ws, None).await.unwrap().recent[0];
    assert_eq!(
        (row.outcome.as_str(), row.credits, row.cost_micro_usd),
        ("ai_invalid_answer", 0, 0)
    );
    assert!(
        row.completion_tokens > 0,
        "the tokens it used are still shown"
    );
}

#[tokio::test]
async fn an_unreachable_provider_is_an_offline_outcome_and_a_ledger_row() {
    let server = FakeOpenAi::start();
    let ws = with_provider(&server, Preset::Custom).await;
    drop(server);
    match hooks(&ws, None).await.unwrap() {
        AiOutcome::Offline { code, reason } => {
            assert_eq!(code, ErrorCode::AiUnreachable);
            assert!(reason.contains("offline"), "{reason}");
        }
        AiOutcome::Generated(_) => panic!("generated with the server gone"),
    }
    let row = &ai::usage(&ws, None).await.unwrap().recent[0];
    assert_eq!((row.outcome.as_str(), row.credits), ("ai_unreachable", 0));
}

#[tokio::test]
async fn spent_credits_stop_ai_calls_before_they_are_made() {
    let server = FakeOpenAi::start();
    server.set_default_content(HOOKS);
    let ws = with_provider(&server, Preset::Custom).await;
    ai::set_allowance(&ws, 1).await.unwrap();
    assert!(matches!(
        hooks(&ws, None).await.unwrap(),
        AiOutcome::Generated(_)
    ));
    match hooks(&ws, None).await.unwrap() {
        AiOutcome::Offline { code, reason } => {
            assert_eq!(code, ErrorCode::AiCreditsSpent);
            assert!(reason.contains("1 of 1"), "{reason}");
        }
        AiOutcome::Generated(_) => panic!("generated past the allowance"),
    }
    assert_eq!(server.chat_count(), 1, "no request once credits are spent");
    let status = ai::status(&ws).await.unwrap();
    assert!(status.offline_reason.unwrap().contains("used up"));
    assert_eq!(
        ai::set_allowance(&ws, -1).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
}

#[tokio::test]
async fn local_models_cost_nothing_and_unknown_models_say_so() {
    let server = FakeOpenAi::start();
    server.set_default_content(HOOKS);
    let ws = with_provider(&server, Preset::Ollama).await;
    assert!(ai::status(&ws).await.unwrap().local);
    hooks(&ws, None).await.unwrap();
    let row = &ai::usage(&ws, None).await.unwrap().recent[0];
    assert_eq!((row.priced, row.cost_micro_usd, row.credits), (true, 0, 1));

    let ws = with_provider(&server, Preset::Custom).await;
    ai::configure(
        &ws,
        ProviderSettings {
            preset: Preset::Custom,
            base_url: server.base_url(),
            model: "acme-large".into(),
            extra_headers: vec![],
        },
    )
    .await
    .unwrap();
    hooks(&ws, None).await.unwrap();
    let report = ai::usage(&ws, None).await.unwrap();
    assert!(!report.recent[0].priced);
    assert_eq!(report.months[0].unpriced_calls, 1);

    // Pricing the model prices the next call.
    let price = ModelPrice {
        model: "acme-large".into(),
        input_micro_usd_per_mtok: 1_000_000,
        output_micro_usd_per_mtok: 2_000_000,
    };
    assert!(ai::set_price(&ws, &price).await.unwrap().contains(&price));
    hooks(&ws, None).await.unwrap();
    let row = &ai::usage(&ws, None).await.unwrap().recent[0];
    assert!(row.priced && row.cost_micro_usd > 0);
    assert!(!ai::delete_price(&ws, "acme-large")
        .await
        .unwrap()
        .contains(&price));
}

#[tokio::test]
async fn a_provider_that_needs_a_key_refuses_without_one_and_calls_nothing() {
    let server = FakeOpenAi::start();
    let ws = with_provider(&server, Preset::OpenAi).await;
    assert_eq!(ai::status(&ws).await.unwrap().key, KeyState::Missing);
    let e = hooks(&ws, None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::AiMissingKey);
    assert_eq!(server.chat_count(), 0);
    assert_eq!(
        ai::test_connection(&ws).await.unwrap_err().code,
        ErrorCode::AiMissingKey
    );
}

#[tokio::test]
async fn the_connection_test_is_recorded_but_never_charged() {
    let server = FakeOpenAi::start();
    let ws = with_provider(&server, Preset::LmStudio).await;
    let t = ai::test_connection(&ws).await.unwrap();
    assert_eq!(t.model, "gpt-4o-mini");
    let row = &ai::usage(&ws, None).await.unwrap().recent[0];
    assert_eq!(
        (row.feature.as_str(), row.outcome.as_str(), row.credits),
        ("connection_test", "ok", 0)
    );

    server.push(Script::unknown_model("gpt-4o-mini"));
    let e = ai::test_connection(&ws).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::AiUnknownModel);
    assert!(e.message.contains("gpt-4o-mini"));
    assert_eq!(
        ai::usage(&ws, None).await.unwrap().recent[0].outcome,
        "ai_unknown_model"
    );
    let models = ai::list_models(
        &ws,
        ai::status(&ws).await.unwrap().provider.as_ref().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(models, ["gpt-4o", "gpt-4o-mini"]);
}

#[tokio::test]
async fn bad_provider_settings_are_refused_and_change_nothing() {
    let server = FakeOpenAi::start();
    let ws = with_provider(&server, Preset::Custom).await;
    let before = ai::status(&ws).await.unwrap().provider;
    let bad = ProviderSettings {
        preset: Preset::Custom,
        base_url: "http://api.example.com/v1".into(),
        model: "m".into(),
        extra_headers: vec![],
    };
    let e = ai::configure(&ws, bad).await.unwrap_err();
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::InvalidInput, Some("base_url"))
    );
    assert_eq!(ai::status(&ws).await.unwrap().provider, before);

    let e = ai::configure_preset(&ws, Preset::LmStudio, None, None)
        .await
        .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("model"));
    let s = ai::configure_preset(&ws, Preset::OpenAi, None, None)
        .await
        .unwrap();
    assert_eq!(s.provider.unwrap().base_url, "https://api.openai.com/v1");
    assert!(ai::disable(&ws).await.unwrap().provider.is_none());
}

#[tokio::test]
async fn a_deleted_clients_usage_still_counts_for_the_month() {
    let server = FakeOpenAi::start();
    server.set_default_content(HOOKS);
    let ws = with_provider(&server, Preset::Custom).await;
    let glow = glow_id(&ws).await;
    hooks(&ws, Some(&glow)).await.unwrap();
    clients::delete(&ws, &glow).await.unwrap();
    let report = ai::usage(&ws, None).await.unwrap();
    assert_eq!(report.status.credits_used, 1);
    assert_eq!(report.recent[0].client_id, None);
    assert_eq!(report.clients[0].client_name, None);
}
