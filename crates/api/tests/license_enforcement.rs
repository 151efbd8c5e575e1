//! The licence enforced by the API on a real workspace (SQLite, migrations): read-only refuses
//! everything new and keeps viewing, editing and exporting open; the trial's active-client limit;
//! the AI allowance capped by the licence's monthly credits; the trial's mark on PDFs.
mod common;
mod license_support;

use chrono::{Duration, Utc};
use instagrowth_api::audit;
use instagrowth_api::content::{self, ContentRequest};
use instagrowth_api::import::{self, ImportRequest};
use instagrowth_api::manual::{self, ManualEntry, ManualPost, ManualSnapshot};
use instagrowth_api::planner::{self, NewPlan};
use instagrowth_api::replies::{self, AddRequest, RedraftRequest, ReplyQuery, ReplySource};
use instagrowth_api::{
    ai, branding, clients, license, ClientQuery, ErrorCode, NewClient, Workspace,
};
use instagrowth_content::Kind;
use instagrowth_import::Control;
use instagrowth_model::PostKind;
use instagrowth_planner::Goal;
use instagrowth_replies::Channel;
use instagrowth_store::queries::settings;

fn noop() -> impl Fn(ai::AiEvent) + Send + Sync {
    |_| {}
}

/// Ends the trial the way time would: it started 15 days ago (the trial lasts 14).
async fn end_trial(ws: &Workspace) {
    let started = (Utc::now() - Duration::days(15)).to_rfc3339();
    settings::set(ws.store(), "trial_started_at", &started)
        .await
        .unwrap();
    let s = license::status(ws).await.unwrap();
    assert_eq!(s.state, license::LicenseState::ReadOnly, "{s:?}");
}

fn new_client(handle: &str) -> NewClient {
    NewClient {
        name: handle.to_uppercase(),
        handle: handle.into(),
        ..Default::default()
    }
}

async fn with_posts(ws: &Workspace) {
    let today = Utc::now().date_naive();
    let posts = (0..6)
        .map(|i| ManualPost {
            date: (today - Duration::days(3 + 7 * i)).to_string(),
            time: Some("18:00".into()),
            kind: PostKind::Reel,
            caption: format!("Glow tip {i}\nWhich one do you try first?"),
            likes: Some(90),
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

fn plan_req() -> NewPlan {
    NewPlan {
        start: Some("2026-12-07".into()),
        days: 7,
        goal: Goal::Growth,
        posts_per_week: 3,
        stories_per_day: 1,
        pillars: vec!["Routines".into()],
        name: None,
        offline: Some(true),
    }
}

fn paste() -> AddRequest {
    AddRequest {
        source: ReplySource::Pasted {
            text: "maria: hola! cuánto cuesta el facial?\nsophie: love this so much\n".into(),
            channel: Channel::Comment,
        },
        offline: true,
    }
}

fn read_only(e: instagrowth_api::ApiError) {
    assert_eq!(e.code, ErrorCode::LicenseReadOnly, "{e:?}");
    assert!(e.message.contains("license activate"), "{}", e.message);
    assert!(e.message.contains("the Licence page"), "{}", e.message);
    assert!(
        e.message.contains("trial"),
        "the reason is said: {}",
        e.message
    );
}

#[tokio::test]
async fn read_only_refuses_everything_new_and_keeps_viewing_editing_and_exporting() {
    let ws = common::workspace_with_glow().await;
    clients::add(&ws, &new_client("spare")).await.unwrap();
    clients::archive(&ws, "@spare").await.unwrap();
    with_posts(&ws).await;
    let cancel = instagrowth_ai::CancellationToken::new();
    let doc = audit::run(&ws, "@glow", true, &cancel, &noop())
        .await
        .unwrap();
    let plan = planner::create(&ws, "@glow", &plan_req()).await.unwrap();
    let added = replies::add(&ws, "@glow", &paste(), &cancel, &noop())
        .await
        .unwrap();
    assert!(!added.items.is_empty());
    let content_req = ContentRequest {
        kind: Kind::Hashtags,
        count: 2,
        topic: None,
        offline: true,
        seed: Some(1),
        avoid: vec![],
    };

    end_trial(&ws).await;

    // Everything new is refused, with the reason and what to do.
    read_only(clients::add(&ws, &new_client("fresh")).await.unwrap_err());
    read_only(clients::unarchive(&ws, "@spare").await.unwrap_err());
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("export.zip");
    std::fs::write(&zip, b"not read").unwrap();
    let req = ImportRequest {
        client: "@glow".into(),
        paths: vec![zip],
        force: false,
    };
    read_only(import::run(&ws, &req, Control::new()).await.unwrap_err());
    let entry = ManualEntry {
        snapshot: Some(ManualSnapshot {
            date: Utc::now().date_naive().to_string(),
            followers: 2_100,
            following: None,
        }),
        posts: vec![],
    };
    read_only(manual::save(&ws, "@glow", &entry).await.unwrap_err());
    read_only(
        audit::run(&ws, "@glow", true, &cancel, &noop())
            .await
            .unwrap_err(),
    );
    read_only(
        content::generate(&ws, "@glow", &content_req, &cancel, &noop())
            .await
            .unwrap_err(),
    );
    read_only(
        planner::create(&ws, "@glow", &plan_req())
            .await
            .unwrap_err(),
    );
    read_only(
        replies::add(&ws, "@glow", &paste(), &cancel, &noop())
            .await
            .unwrap_err(),
    );
    let queue = replies::list(&ws, "@glow", &ReplyQuery::default())
        .await
        .unwrap();
    let redraft = RedraftRequest {
        offline: true,
        seed: Some(5),
    };
    read_only(
        replies::redraft(&ws, &queue[0].id, &redraft, &cancel, &noop())
            .await
            .unwrap_err(),
    );
    read_only(
        ai::sample_hooks(&ws, Some("@glow"), &cancel, &noop())
            .await
            .unwrap_err(),
    );

    // Viewing, editing, archiving and exporting what exists keep working.
    let listed = clients::list(&ws, &ClientQuery::default()).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(audit::get(&ws, &doc.id).await.is_ok());
    let pdf = audit::pdf_bytes(&ws, &doc.id).await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let ics = dir.path().join("plan.ics");
    planner::export(&ws, &plan.id, "ics", &ics).await.unwrap();
    assert!(std::fs::read_to_string(&ics)
        .unwrap()
        .contains("BEGIN:VCALENDAR"));
    replies::set_handled(&ws, &queue[0].id, true).await.unwrap();
    planner::delete(&ws, &plan.id).await.unwrap();
    clients::archive(&ws, "@glow").await.unwrap();
}

#[tokio::test]
async fn the_trial_allows_three_active_clients_and_archiving_frees_a_place() {
    let ws = common::workspace_with_glow().await;
    clients::add(&ws, &new_client("two")).await.unwrap();
    clients::add(&ws, &new_client("three")).await.unwrap();
    let e = clients::add(&ws, &new_client("four")).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::PlanLimit, "{e:?}");
    assert!(
        e.message
            .contains("Your Trial plan allows 3 active clients"),
        "{}",
        e.message
    );
    assert!(e.message.contains("archive one"), "{}", e.message);
    // Nothing was written.
    let all = clients::list(&ws, &ClientQuery::default()).await.unwrap();
    assert_eq!(all.len(), 3);

    clients::archive(&ws, "@two").await.unwrap();
    clients::add(&ws, &new_client("four")).await.unwrap();
    // Restoring takes a place too.
    let e = clients::unarchive(&ws, "@two").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::PlanLimit, "{e:?}");
    clients::archive(&ws, "@three").await.unwrap();
    clients::unarchive(&ws, "@two").await.unwrap();
    // Restoring an active client changes nothing and is never refused.
    clients::unarchive(&ws, "@two").await.unwrap();
}

#[tokio::test]
async fn the_ai_allowance_is_the_licences_monthly_credits_and_can_only_be_lowered() {
    let ws = Workspace::in_memory().await.unwrap();
    let s = ai::status(&ws).await.unwrap();
    assert_eq!((s.credits_allowance, s.credits_licensed), (100, 100));
    let s = ai::set_allowance(&ws, 40).await.unwrap();
    assert_eq!((s.credits_allowance, s.credits_licensed), (40, 100));
    let s = ai::set_allowance(&ws, 400).await.unwrap();
    assert_eq!((s.credits_allowance, s.credits_licensed), (100, 100));
}

/// The PDF's text in drawing order, whitespace dropped (the diagonal watermark reads a letter
/// per line otherwise).
fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils; scripts/test.sh installs it)");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trial_pdfs_carry_the_trial_mark_and_an_activated_licence_removes_it() {
    let server = license_support::LicenseServer::start().await;
    let key = server.issue("pro").await;
    let (_dir, ws) = server.fresh_workspace("machine-1").await;
    clients::add(&ws, &new_client("glow")).await.unwrap();
    with_posts(&ws).await;
    let cancel = instagrowth_ai::CancellationToken::new();
    let doc = audit::run(&ws, "@glow", true, &cancel, &noop())
        .await
        .unwrap();

    let trial = pdf_text(&audit::pdf_bytes(&ws, &doc.id).await.unwrap());
    assert!(trial.contains("TRIAL"), "{trial}");
    assert!(
        trial.contains("@glow"),
        "the report itself is there: {trial}"
    );

    license::activate(&ws, &key, None).await.unwrap();
    let paid = pdf_text(&audit::pdf_bytes(&ws, &doc.id).await.unwrap());
    assert!(!paid.contains("TRIAL"), "{paid}");
    assert!(paid.contains("@glow"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_white_label_choice_survives_a_save_made_while_the_licence_lacks_it() {
    let server = license_support::LicenseServer::start().await;
    let key = server.issue("agency").await;
    let (_dir, ws) = server.fresh_workspace("machine-1").await;
    license::activate(&ws, &key, None).await.unwrap();
    let mut b = branding::get(&ws).await.unwrap();
    b.white_label = true;
    assert!(branding::set(&ws, &b).await.unwrap().white_label);

    // Back to the trial: the form shows no white label, and saving it (a new colour) is fine.
    license::deactivate(&ws).await.unwrap();
    let mut shown = branding::get(&ws).await.unwrap();
    assert!(!shown.white_label, "the trial has no white label");
    shown.primary_color = "#112233".into();
    let saved = branding::set(&ws, &shown).await.unwrap();
    assert_eq!(saved.primary_color, "#112233");
    shown.white_label = true;
    let e = branding::set(&ws, &shown).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::PlanLimit);

    // Activated again: the choice made earlier is still there.
    license::activate(&ws, &key, None).await.unwrap();
    let b = branding::get(&ws).await.unwrap();
    assert!(b.white_label, "the white-label choice was kept");
    assert_eq!(b.primary_color, "#112233");
}
