//! Typed generation through the real `async-openai` client against a local OpenAI-compatible
//! server (real HTTP on loopback), with the faults a provider really produces.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use instagrowth_ai::{
    AiError, Answer, CancellationToken, Failed, Generated, Preset, Progress, Prompt, Provider,
    ProviderSettings, RetryPolicy, StructuredMode, Timeouts,
};
use instagrowth_fake_openai::{FakeOpenAi, Script};
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
struct Hook {
    text: String,
    formula: String,
}

#[derive(Debug, Deserialize, JsonSchema, PartialEq)]
struct Hooks {
    hooks: Vec<Hook>,
}

impl Answer for Hooks {
    const NAME: &'static str = "hooks";
    fn check(&self) -> Result<(), String> {
        if self.hooks.is_empty() {
            return Err("there are no hooks".into());
        }
        Ok(())
    }
}

const GOOD: &str = r#"{"hooks": [{"text": "Stop doing this at the gym", "formula": "mistake"}, {"text": "Why nobody tells you about rest days", "formula": "curiosity_gap"}]}"#;

fn provider(server: &FakeOpenAi) -> Provider {
    let settings = ProviderSettings {
        preset: Preset::OpenAi,
        base_url: server.base_url(),
        model: "gpt-4o-mini".into(),
        extra_headers: vec![],
    };
    Provider::new(settings, Some("sk-test-123".into()))
        .with_retry(RetryPolicy {
            max_retries: 3,
            base: Duration::from_millis(10),
            max_backoff: Duration::from_millis(40),
            max_retry_after: Duration::from_secs(5),
        })
        .with_timeouts(Timeouts {
            connect: Duration::from_secs(2),
            read: Duration::from_secs(5),
        })
}

fn prompt() -> Prompt {
    Prompt {
        system: "You write Instagram hooks.".into(),
        user: "Two hooks for a fitness coach.".into(),
    }
}

type Events = Arc<Mutex<Vec<Progress>>>;

async fn run(p: &Provider) -> (Result<Generated<Hooks>, Failed>, Vec<Progress>) {
    let events: Events = Arc::default();
    let sink = events.clone();
    let result = p
        .generate::<Hooks>(&prompt(), &CancellationToken::new(), &move |e| {
            sink.lock().unwrap().push(e)
        })
        .await;
    let events = events.lock().unwrap().clone();
    (result, events)
}

fn failure(r: Result<Generated<Hooks>, Failed>) -> Failed {
    match r {
        Ok(g) => panic!("expected a failure, got {:?}", g.value),
        Err(f) => f,
    }
}

#[tokio::test]
async fn a_streamed_answer_arrives_typed_with_items_as_they_complete() {
    let server = FakeOpenAi::start();
    server.require_key("sk-test-123");
    server.push(Script::reply(GOOD));
    let (result, events) = run(&provider(&server)).await;
    let g = result.unwrap();
    assert_eq!(g.value.hooks.len(), 2);
    assert_eq!(g.value.hooks[1].formula, "curiosity_gap");
    assert!(!g.repaired);
    assert_eq!(g.mode, StructuredMode::JsonSchema);
    assert_eq!(g.call.attempts, 1);
    assert!(
        !g.call.usage.estimated,
        "the usage chunk was asked for and used"
    );
    assert!(g.call.usage.prompt_tokens > 0 && g.call.usage.completion_tokens > 0);

    let items: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Progress::Item(i) => Some(i.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].field, "hooks");
    assert_eq!(items[0].value["text"], "Stop doing this at the gym");
    let texts = events
        .iter()
        .filter(|e| matches!(e, Progress::Text { .. }))
        .count();
    assert!(texts > 3, "text streamed in pieces ({texts} updates)");
    // The first item was reported before the answer was complete.
    let first_item = events
        .iter()
        .position(|e| matches!(e, Progress::Item(_)))
        .unwrap();
    let last_text = events
        .iter()
        .rposition(|e| matches!(e, Progress::Text { .. }))
        .unwrap();
    assert!(first_item < last_text);

    let req = &server.requests()[0];
    assert_eq!(req.header("authorization"), Some("Bearer sk-test-123"));
    assert_eq!(req.body["stream"], true);
    assert_eq!(req.body["stream_options"]["include_usage"], true);
    assert_eq!(req.body["response_format"]["type"], "json_schema");
    assert_eq!(req.body["response_format"]["json_schema"]["strict"], true);
    assert_eq!(
        req.body["response_format"]["json_schema"]["schema"]["additionalProperties"],
        false
    );
}

#[tokio::test]
async fn rate_limits_are_retried_after_the_time_the_provider_asks_for() {
    let server = FakeOpenAi::start();
    server.push(Script::rate_limited(1));
    server.push(Script::reply(GOOD));
    let (result, events) = run(&provider(&server)).await;
    let g = result.unwrap();
    assert_eq!(g.call.attempts, 2);
    assert_eq!(server.chat_count(), 2);
    let waits: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Progress::Retrying(n) => Some(n.wait),
            _ => None,
        })
        .collect();
    assert_eq!(waits, [Duration::from_secs(1)], "Retry-After is honoured");
}

#[tokio::test]
async fn server_errors_are_retried_with_backoff_and_then_reported() {
    let server = FakeOpenAi::start();
    server.push(Script::server_error());
    server.push(Script::reply(GOOD));
    let (result, _) = run(&provider(&server)).await;
    assert_eq!(result.unwrap().call.attempts, 2);

    for _ in 0..4 {
        server.push(Script::server_error());
    }
    let f = failure(run(&provider(&server)).await.0);
    assert_eq!(
        f.error,
        AiError::ProviderDown {
            status: 500,
            attempts: 4
        }
    );
    assert_eq!(f.call.attempts, 4, "one try and three retries, no more");
    assert_eq!(server.chat_count(), 2 + 4);
}

#[tokio::test]
async fn a_rate_limit_that_outlasts_the_retries_says_when_to_come_back() {
    let server = FakeOpenAi::start();
    for _ in 0..4 {
        server.push(Script::rate_limited(0));
    }
    let f = failure(run(&provider(&server)).await.0);
    assert_eq!(f.error.code(), "ai_rate_limited");
    assert_eq!(server.chat_count(), 4);

    // A wait longer than we are willing to sit through is not waited for.
    server.push(Script::rate_limited(3600));
    let f = failure(run(&provider(&server)).await.0);
    assert_eq!(
        f.error,
        AiError::RateLimited {
            attempts: 1,
            retry_after_secs: Some(3600)
        }
    );
    assert!(f.error.to_string().contains("3600 s"));
}

#[tokio::test]
async fn an_exhausted_quota_is_not_retried() {
    let server = FakeOpenAi::start();
    server.push(Script::quota());
    let f = failure(run(&provider(&server)).await.0);
    assert!(
        matches!(f.error, AiError::QuotaExhausted { .. }),
        "{:?}",
        f.error
    );
    assert_eq!(server.chat_count(), 1);
    assert_eq!(f.error.code(), "ai_quota_exhausted");
}

#[tokio::test]
async fn a_slow_provider_times_out() {
    let server = FakeOpenAi::start();
    server.push(Script::slow(Duration::from_secs(3), Script::reply(GOOD)));
    let p = provider(&server).with_timeouts(Timeouts {
        connect: Duration::from_secs(2),
        read: Duration::from_millis(400),
    });
    let f = failure(run(&p).await.0);
    assert_eq!(f.error, AiError::Timeout { secs: 1 });
    assert_eq!(f.call.usage.completion_tokens, 0);
}

#[tokio::test]
async fn a_malformed_answer_gets_one_repair_attempt() {
    let server = FakeOpenAi::start();
    server.push(Script::reply(r#"{"hooks": [{"text": "unterminated"#));
    server.push(Script::reply(GOOD));
    let (result, events) = run(&provider(&server)).await;
    let g = result.unwrap();
    assert!(g.repaired);
    assert!(events
        .iter()
        .any(|e| matches!(e, Progress::Repairing { .. })));
    let repair = &server.requests()[1].body["messages"];
    let msgs = repair.as_array().unwrap();
    assert_eq!(
        msgs.len(),
        4,
        "system, user, the bad answer, the repair request"
    );
    assert_eq!(msgs[2]["role"], "assistant");
    assert!(msgs[3]["content"]
        .as_str()
        .unwrap()
        .contains("cannot be used"));
    assert!(g.call.usage.prompt_tokens > 0);
}

#[tokio::test]
async fn an_answer_that_stays_unusable_is_a_clear_error_after_one_repair() {
    let server = FakeOpenAi::start();
    server.push(Script::reply(r#"{"hooks": []}"#));
    server.push(Script::reply("Sure! Here are some hooks: 1. …"));
    let f = failure(run(&provider(&server)).await.0);
    assert!(
        matches!(f.error, AiError::InvalidAnswer { .. }),
        "{:?}",
        f.error
    );
    assert_eq!(server.chat_count(), 2, "exactly one repair attempt");
    // The check's own words reached the model.
    let repair = server.requests()[1].body["messages"][3]["content"].clone();
    assert!(repair.as_str().unwrap().contains("there are no hooks"));
}

#[tokio::test]
async fn a_truncated_stream_is_an_interrupted_answer() {
    let server = FakeOpenAi::start();
    server.push(Script::truncated(GOOD, 3));
    let f = failure(run(&provider(&server)).await.0);
    assert_eq!(f.error.code(), "ai_provider_error");
    assert!(
        matches!(f.error, AiError::Interrupted { .. }),
        "{:?}",
        f.error
    );
    assert_eq!(server.chat_count(), 1);
}

#[tokio::test]
async fn provider_refusals_are_distinct() {
    let server = FakeOpenAi::start();
    server.require_key("sk-right");
    let f = failure(run(&provider(&server)).await.0);
    assert_eq!(f.error, AiError::BadKey);
    assert_eq!(f.call.attempts, 1);

    let server = FakeOpenAi::start();
    server.push(Script::unknown_model("gpt-4o-mini"));
    let f = failure(run(&provider(&server)).await.0);
    assert_eq!(
        f.error,
        AiError::UnknownModel {
            model: "gpt-4o-mini".into()
        }
    );

    server.push(Script::context_too_long());
    let f = failure(run(&provider(&server)).await.0);
    assert!(
        matches!(f.error, AiError::ContextTooLong { .. }),
        "{:?}",
        f.error
    );

    server.push(Script::error(
        403,
        "Project does not have access to model gpt-4o",
        "invalid_request_error",
        Some("model_not_found"),
    ));
    let f = failure(run(&provider(&server)).await.0);
    assert!(matches!(f.error, AiError::NoAccess { .. }), "{:?}", f.error);
    assert_eq!(f.error.code(), "ai_no_access");
}

#[tokio::test]
async fn a_provider_without_json_schema_support_gets_json_mode() {
    let server = FakeOpenAi::start();
    server.push(Script::error(
        400,
        "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
        "invalid_request_error",
        None,
    ));
    server.push(Script::reply(GOOD));
    let (result, _) = run(&provider(&server)).await;
    let g = result.unwrap();
    assert_eq!(g.mode, StructuredMode::JsonObject);
    let second = &server.requests()[1].body;
    assert_eq!(second["response_format"]["type"], "json_object");
    assert!(second["messages"][0]["content"]
        .as_str()
        .unwrap()
        .contains("JSON schema"));
}

#[tokio::test]
async fn an_unreachable_provider_means_offline() {
    let server = FakeOpenAi::start();
    let url = server.base_url();
    drop(server);
    let mut p = provider(&FakeOpenAi::start());
    let settings = ProviderSettings {
        base_url: url,
        ..p.settings().clone()
    };
    p = Provider::new(settings, None).with_retry(RetryPolicy {
        max_retries: 1,
        base: Duration::from_millis(5),
        max_backoff: Duration::from_millis(5),
        max_retry_after: Duration::from_secs(1),
    });
    let f = failure(run(&p).await.0);
    assert!(
        matches!(f.error, AiError::Unreachable { .. }),
        "{:?}",
        f.error
    );
    assert!(f.error.means_offline());
    assert_eq!(f.call.attempts, 2, "a refused connection is retried");
}

#[tokio::test]
async fn cancelling_stops_the_call_at_once() {
    let server = FakeOpenAi::start();
    server.push(Script::slow(Duration::from_secs(20), Script::reply(GOOD)));
    let p = provider(&server);
    let cancel = CancellationToken::new();
    let trigger = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(150)).await;
        trigger.cancel();
    });
    let started = std::time::Instant::now();
    let r = p.generate::<Hooks>(&prompt(), &cancel, &|_| {}).await;
    assert_eq!(failure(r).error, AiError::Cancelled);
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "did not wait for the answer"
    );
}

#[tokio::test]
async fn models_are_listed_and_the_connection_tested() {
    let server = FakeOpenAi::start();
    server.set_models(&["gpt-4o", "gpt-4o-mini", "gpt-4o"]);
    let mut settings = provider(&server).settings().clone();
    settings.extra_headers.push(instagrowth_ai::ExtraHeader {
        name: "X-Title".into(),
        value: "InstaGrowth OS".into(),
    });
    let p = Provider::new(settings, Some("sk-test-123".into()));
    assert_eq!(p.list_models().await.unwrap(), ["gpt-4o", "gpt-4o-mini"]);
    let t = p.test_connection().await.unwrap();
    assert_eq!(t.model, "gpt-4o-mini");
    assert!(t.usage.completion_tokens > 0);
    let chat = server
        .requests()
        .into_iter()
        .find(|r| r.path.ends_with("/chat/completions"))
        .unwrap();
    assert_eq!(chat.header("x-title"), Some("InstaGrowth OS"));
    assert!(chat.body.get("stream").is_none_or(|s| s == false));

    server.require_key("sk-other");
    assert_eq!(p.list_models().await.unwrap_err(), AiError::BadKey);
    assert_eq!(
        p.test_connection().await.unwrap_err().error,
        AiError::BadKey
    );
}
