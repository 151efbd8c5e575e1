//! The API key through the real OS keychain (Secret Service under `scripts/desktop-session.sh`):
//! stored, used on the wire, never written to the workspace, removable; and refused with nothing
//! stored when no keychain is reachable.
use instagrowth_ai::{CancellationToken, Preset, ProviderSettings};
use instagrowth_api::ai::{self, AiOutcome, KeyState, SampleHooks};
use instagrowth_api::{ErrorCode, Workspace};
use instagrowth_fake_openai::FakeOpenAi;

const KEY: &str = "sk-proj-Zq8v3kT1mW9xR4yL7nB2cF6hJ0pD5sGa";

async fn workspace(dir: &std::path::Path, server: &FakeOpenAi) -> Workspace {
    let ws = Workspace::open(dir).await.unwrap();
    let settings = ProviderSettings {
        preset: Preset::OpenAi,
        base_url: server.base_url(),
        model: "gpt-4o-mini".into(),
        extra_headers: vec![],
    };
    ai::configure(&ws, settings).await.unwrap();
    ws
}

/// Every byte under `dir`, file by file.
fn files_containing(dir: &std::path::Path, needle: &[u8]) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle)
            {
                hits.push(path);
            }
        }
    }
    hits
}

#[tokio::test]
#[ignore = "needs a D-Bus session with an unlocked keyring: scripts/desktop-session.sh"]
async fn the_key_lives_in_the_keychain_and_nowhere_in_the_workspace() {
    let server = FakeOpenAi::start();
    server.require_key(KEY);
    server.set_default_content(
        r#"{"hooks": [{"text": "a", "formula": "list"}, {"text": "b", "formula": "story"}, {"text": "c", "formula": "question"}]}"#,
    );
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path(), &server).await;

    let status = ai::set_key(&ws, &format!("  {KEY}\n")).await.unwrap();
    assert_eq!(
        status.key,
        KeyState::Stored {
            hint: "sk-…5sGa".into()
        }
    );
    assert!(status.offline_reason.is_none());

    // The key reaches the provider…
    ai::test_connection(&ws).await.unwrap();
    let r = ai::generate::<SampleHooks>(
        &ws,
        None,
        "content",
        &instagrowth_ai::Prompt {
            system: "s".into(),
            user: "u".into(),
        },
        &CancellationToken::new(),
        &|_| {},
    )
    .await
    .unwrap();
    assert!(matches!(r, AiOutcome::Generated(_)));
    assert!(server
        .requests()
        .iter()
        .all(|r| r.header("authorization") == Some(&format!("Bearer {KEY}"))));

    // …and is nowhere in the workspace: database, WAL, anything beside them.
    ws.close().await;
    assert_eq!(
        files_containing(dir.path(), KEY.as_bytes()),
        Vec::<std::path::PathBuf>::new()
    );
    assert_eq!(
        files_containing(dir.path(), &KEY.as_bytes()[8..24]),
        Vec::<std::path::PathBuf>::new()
    );

    // A second workspace has its own keys.
    let other_dir = tempfile::tempdir().unwrap();
    let other = workspace(other_dir.path(), &server).await;
    assert_eq!(ai::status(&other).await.unwrap().key, KeyState::Missing);

    let ws = Workspace::open(dir.path()).await.unwrap();
    let status = ai::remove_key(&ws).await.unwrap();
    assert_eq!(status.key, KeyState::Missing);
    assert_eq!(
        ai::test_connection(&ws).await.unwrap_err().code,
        ErrorCode::AiMissingKey
    );
}

#[tokio::test]
#[ignore = "needs to run without any D-Bus session: see scripts/test.sh"]
async fn without_a_keychain_the_key_is_refused_and_nothing_is_stored() {
    let server = FakeOpenAi::start();
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path(), &server).await;
    let e = ai::set_key(&ws, KEY).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::KeychainUnavailable);
    assert!(
        e.message.contains("no OS keychain is reachable"),
        "{}",
        e.message
    );
    assert!(!e.message.contains(KEY));
    assert_eq!(ai::status(&ws).await.unwrap().key, KeyState::Missing);
    ws.close().await;
    assert!(files_containing(dir.path(), KEY.as_bytes()).is_empty());
}
