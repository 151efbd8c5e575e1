//! `instagrowth ai …` run as a program against a temporary data dir and a local OpenAI-style
//! server on loopback.
mod common;

use common::Ws;
use instagrowth_fake_openai::{FakeOpenAi, Script};
use predicates::prelude::*;
use serde_json::Value;

const HOOKS: &str = r#"{"hooks": [{"text": "The mistake every new runner makes", "formula": "mistake"}, {"text": "I ran 30 days straight: here is what changed", "formula": "before_after"}, {"text": "Stop stretching before you run?", "formula": "contrarian"}]}"#;
const KEY: &str = "sk-proj-cliTESTkey0123456789abcdWXYZ";

fn configure(ws: &Ws, server: &FakeOpenAi, preset: &str) -> Value {
    ws.json(&[
        "ai",
        "configure",
        "--preset",
        preset,
        "--base-url",
        &server.base_url(),
        "--model",
        "gpt-4o-mini",
    ])
}

#[test]
fn configure_status_and_test_use_the_workspace_settings() {
    let server = FakeOpenAi::start();
    let ws = Ws::new();
    let status = ws.json(&["ai", "status"]);
    assert!(status["provider"].is_null());

    let status = configure(&ws, &server, "lmstudio");
    assert_eq!(status["provider"]["preset"], "lmstudio");
    assert_eq!(status["provider"]["base_url"], server.base_url());
    assert_eq!(status["key"]["state"], "not_needed");
    assert_eq!(status["local"], true);

    ws.cmd().args(["ai", "status"]).assert().success().stdout(
        predicate::str::contains("LM Studio (local) · gpt-4o-mini")
            .and(predicate::str::contains("AI:        ready")),
    );
    ws.cmd().args(["ai", "test"]).assert().success().stdout(
        predicate::str::is_match(r"^Connected: gpt-4o-mini answered in \d+ ms\n$").unwrap(),
    );
    ws.cmd()
        .args(["ai", "models"])
        .assert()
        .success()
        .stdout("gpt-4o\ngpt-4o-mini  (in use)\n");

    // OpenAI needs a key: status says so, and the next step is printed on stderr.
    ws.cmd()
        .args(["ai", "configure", "--preset", "openai"])
        .assert()
        .success()
        .stderr(predicate::str::contains("instagrowth ai set-key"));
    let status = ws.json(&["ai", "status"]);
    assert_eq!(status["provider"]["base_url"], "https://api.openai.com/v1");
    assert_eq!(status["key"]["state"], "missing");
    ws.cmd().args(["ai", "disable"]).assert().success();
    assert!(ws.json(&["ai", "status"])["provider"].is_null());
}

#[test]
fn mistakes_are_one_line_and_change_nothing() {
    let ws = Ws::new();
    ws.cmd()
        .args(["ai", "configure", "--preset", "custom"])
        .assert()
        .code(2)
        .stderr(
            "error: a custom provider needs --base-url (e.g. https://my-proxy.example.com/v1)\n",
        );
    ws.cmd()
        .args(["ai", "configure", "--preset", "acme"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("acme").and(predicate::str::ends_with("(see --help)\n")));
    assert!(!ws.data_dir().exists(), "no workspace was created");

    ws.cmd()
        .args([
            "ai",
            "configure",
            "--preset",
            "custom",
            "--base-url",
            "http://api.example.com/v1",
            "--model",
            "m",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: use https for api.example.com",
        ));
    assert!(ws.json(&["ai", "status"])["provider"].is_null());

    // The key never comes from the command line, and is not echoed when someone tries.
    ws.cmd()
        .args(["ai", "set-key", KEY])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("stdin").and(predicate::str::contains(KEY).not()));
    ws.cmd()
        .args(["ai", "set-key"])
        .write_stdin("  \n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no key on stdin"));
    ws.cmd()
        .args(["ai", "test"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no AI provider is set up"));
}

#[test]
fn a_sample_streams_progress_on_stderr_and_lands_in_the_usage_ledger() {
    let server = FakeOpenAi::start();
    server.set_default_content(HOOKS);
    let ws = Ws::new();
    configure(&ws, &server, "custom");
    ws.json(&[
        "clients", "add", "--name", "Run Club", "--handle", "runclub", "--niche", "running",
    ]);

    let out = ws
        .cmd()
        .args(["ai", "sample", "--client", "@runclub"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.starts_with("The mistake every new runner makes  [mistake]\n"));
    assert!(
        stderr.contains("item 1: The mistake every new runner makes"),
        "{stderr}"
    );
    assert!(
        stderr.contains("item 3: Stop stretching before you run?"),
        "{stderr}"
    );
    // The client's details reached the prompt.
    let body = server.requests().last().unwrap().body.clone();
    assert!(body["messages"][1]["content"]
        .as_str()
        .unwrap()
        .contains("Niche: running"));

    let report = ws.json(&["ai", "usage"]);
    assert_eq!(report["months"][0]["calls"], 1);
    assert_eq!(report["months"][0]["credits"], 1);
    assert_eq!(report["clients"][0]["client_name"], "Run Club");
    assert_eq!(report["recent"][0]["feature"], "sample");
    let mine = ws.json(&["ai", "usage", "--client", "@runclub"]);
    assert_eq!(mine["recent"].as_array().unwrap().len(), 1);
    ws.cmd().args(["ai", "usage"]).assert().success().stdout(
        predicate::str::contains("1 of 100 AI credits used")
            .and(predicate::str::contains("Run Club")),
    );

    // A failure is one line, costs nothing, and is in the ledger too.
    server.push(Script::quota());
    ws.cmd()
        .args(["ai", "sample"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "error: the provider account is out of credit",
        ));
    let report = ws.json(&["ai", "usage"]);
    assert_eq!(report["recent"][0]["outcome"], "ai_quota_exhausted");
    assert_eq!(report["months"][0]["credits"], 1);

    // With the allowance spent, the sample says it is offline and calls nothing.
    ws.cmd()
        .args(["ai", "allowance", "1"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("1 of 1 AI credits used"));
    let before = server.chat_count();
    ws.cmd()
        .args(["ai", "sample"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Offline: this month's AI credits are used up",
        ));
    assert_eq!(server.chat_count(), before);
    ws.cmd().args(["ai", "allowance", "-5"]).assert().code(2);
}

#[test]
#[ignore = "needs a D-Bus session with an unlocked keyring: scripts/desktop-session.sh"]
fn set_key_reads_stdin_into_the_keychain_and_the_key_is_nowhere_else() {
    let server = FakeOpenAi::start();
    server.require_key(KEY);
    let ws = Ws::new();
    configure(&ws, &server, "openai");
    ws.cmd()
        .args(["-vv", "ai", "set-key"])
        .write_stdin(format!("{KEY}\n"))
        .assert()
        .success()
        .stdout("Key stored in the OS keychain (sk-…WXYZ)\n")
        .stderr(predicate::str::contains(KEY).not());
    assert_eq!(ws.json(&["ai", "status"])["key"]["hint"], "sk-…WXYZ");
    let out = ws
        .cmd()
        .args(["-vv", "ai", "test"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains(KEY),
        "the key is in the debug log"
    );
    assert!(server
        .requests()
        .iter()
        .any(|r| r.header("authorization") == Some(&format!("Bearer {KEY}"))));

    for entry in std::fs::read_dir(ws.data_dir()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(KEY.len()).any(|w| w == KEY.as_bytes()),
            "the key is in {}",
            path.display()
        );
    }
    ws.cmd().args(["ai", "remove-key"]).assert().success();
    assert_eq!(ws.json(&["ai", "status"])["key"]["state"], "missing");
}
