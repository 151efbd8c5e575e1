//! The first-run setup's state on a real workspace: it starts at the licence on a fresh
//! workspace, moves step by step, survives closing the app, can be skipped and resumed, refuses
//! the import and audit steps before a client exists, and never shows for a workspace that
//! already had clients.
use instagrowth_api::onboarding::{self, OnboardingStep as Step};
use instagrowth_api::{clients, ErrorCode, NewClient, Workspace};

async fn add_client(ws: &Workspace, handle: &str) -> String {
    clients::add(
        ws,
        &NewClient {
            name: "Glow Studio".into(),
            handle: handle.into(),
            niche: "skincare".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn a_fresh_workspace_walks_the_steps_and_resumes_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(dir.path()).await.unwrap();
    let o = onboarding::status(&ws).await.unwrap();
    assert_eq!(o.step, Step::License);
    assert!(o.shows() && o.done.is_empty());

    onboarding::complete(&ws, Step::License, None)
        .await
        .unwrap();
    let o = onboarding::complete(&ws, Step::Ai, None).await.unwrap();
    assert_eq!(o.step, Step::Branding);
    assert_eq!(o.done, vec![Step::License, Step::Ai]);

    // Import before a client: refused, nothing changes.
    let e = onboarding::complete(&ws, Step::Import, None)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(onboarding::status(&ws).await.unwrap().step, Step::Branding);

    // An unknown client is refused too.
    let e = onboarding::complete(&ws, Step::Client, Some("nope".into()))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);

    onboarding::complete(&ws, Step::Branding, None)
        .await
        .unwrap();
    let id = add_client(&ws, "glow").await;
    onboarding::complete(&ws, Step::Client, Some(id.clone()))
        .await
        .unwrap();
    ws.close().await;

    // The app closes and opens again: same step, same client — and having a client now does
    // not make it count as an old, set-up workspace.
    let ws = Workspace::open(dir.path()).await.unwrap();
    let o = onboarding::status(&ws).await.unwrap();
    assert_eq!(o.step, Step::Import);
    assert_eq!(o.client_id.as_deref(), Some(id.as_str()));
    assert!(o.shows());

    // Going back shows an earlier step without undoing the rest.
    let o = onboarding::go_to(&ws, Step::Ai).await.unwrap();
    assert_eq!(o.step, Step::Ai);
    assert_eq!(o.done.len(), 4);

    onboarding::complete(&ws, Step::Import, None).await.unwrap();
    let o = onboarding::complete(&ws, Step::Audit, None).await.unwrap();
    assert!(o.finished && !o.shows());
    assert_eq!(o.done, Step::ALL.to_vec());
}

#[tokio::test]
async fn skipped_setup_resumes_where_it_was_and_a_finished_one_starts_over() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(dir.path()).await.unwrap();
    onboarding::complete(&ws, Step::License, None)
        .await
        .unwrap();
    let o = onboarding::skip(&ws).await.unwrap();
    assert!(o.skipped && !o.shows());
    assert!(!onboarding::status(&ws).await.unwrap().shows());

    let o = onboarding::resume(&ws).await.unwrap();
    assert!(o.shows());
    assert_eq!(o.step, Step::Ai);

    // The wizard's client deleted meanwhile: its steps are to do again.
    for step in [Step::Ai, Step::Branding] {
        onboarding::complete(&ws, step, None).await.unwrap();
    }
    let id = add_client(&ws, "glow").await;
    onboarding::complete(&ws, Step::Client, Some(id.clone()))
        .await
        .unwrap();
    onboarding::complete(&ws, Step::Import, None).await.unwrap();
    onboarding::complete(&ws, Step::Audit, None).await.unwrap();
    clients::delete(&ws, &id).await.unwrap();
    let o = onboarding::resume(&ws).await.unwrap();
    assert_eq!(o.step, Step::License);
    assert_eq!(o.client_id, None);
    assert_eq!(o.done, vec![Step::License, Step::Ai, Step::Branding]);
}

#[tokio::test]
async fn a_workspace_that_already_has_clients_is_set_up() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(dir.path()).await.unwrap();
    add_client(&ws, "glow").await;
    let o = onboarding::status(&ws).await.unwrap();
    assert!(o.finished && !o.shows());
    // Even once its clients are gone again, it stays set up.
    let all = clients::list(&ws, &Default::default()).await.unwrap();
    clients::delete(&ws, &all[0].id).await.unwrap();
    assert!(!onboarding::status(&ws).await.unwrap().shows());
}
