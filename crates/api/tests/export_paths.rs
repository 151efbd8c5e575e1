//! Exports write only a file named for what they write: the window names the path, and "open
//! after saving" hands it to the OS, which opens by extension — a PDF written to `report.pdf.exe`
//! or a CSV of strangers' messages written to `leads.sh` would be run, not viewed. A wrong name
//! is refused before anything is written (`invalid_input` on `path`); the right one in any case
//! is written as before.
mod common;

use std::path::Path;

use instagrowth_api::export_path::{self, ExportKind};
use instagrowth_api::planner::{self, NewPlan};
use instagrowth_api::{audit, client_export, content, replies, ApiError, ErrorCode};
use instagrowth_content::Kind;
use instagrowth_planner::Goal;

fn plan_request() -> NewPlan {
    NewPlan {
        start: Some("2026-12-07".into()),
        days: 7,
        goal: Goal::Growth,
        posts_per_week: 3,
        stories_per_day: 1,
        pillars: vec!["Routines".into()],
        name: None,
        offline: None,
    }
}

/// The refusal of a wrongly named export: on `path`, saying which ending it needs, and the folder
/// as empty as before.
fn assert_refused(e: ApiError, dir: &Path, ending: &str) {
    assert_eq!(e.code, ErrorCode::InvalidInput, "{e:?}");
    assert_eq!(e.field.as_deref(), Some("path"), "{e:?}");
    assert!(e.message.contains(ending), "{}", e.message);
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(left.is_empty(), "written: {left:?}");
}

#[tokio::test]
async fn an_export_to_a_path_of_another_kind_is_refused_and_writes_nothing() {
    let ws = common::workspace_with_glow().await;
    let plan = planner::create(&ws, "@glow", &plan_request())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // Refused before the audit is even looked up: the id does not exist.
    let e = audit::export_pdf(&ws, "no-such-audit", &d.join("report.pdf.exe")).await;
    assert_refused(e.unwrap_err(), d, ".pdf");
    let e = content::export_pdf(&ws, "@glow", Kind::Hooks, None, &[], &d.join("Pack.app")).await;
    assert_refused(e.unwrap_err(), d, ".pdf");
    let e = content::export_csv(Kind::Hooks, &[], &d.join("hooks.desktop")).await;
    assert_refused(e.unwrap_err(), d, ".csv");
    let e = replies::export_leads_csv(&ws, "@glow", 40, &d.join("leads.sh")).await;
    assert_refused(e.unwrap_err(), d, ".csv");
    let e = planner::export(&ws, &plan.id, "ics", &d.join("plan.lnk")).await;
    assert_refused(e.unwrap_err(), d, ".ics");
    // A real export kind, but not the one asked for.
    let e = planner::export(&ws, &plan.id, "pdf", &d.join("plan.ics")).await;
    assert_refused(e.unwrap_err(), d, ".pdf");
    let e = planner::export(&ws, &plan.id, "csv", &d.join("plan")).await;
    assert_refused(e.unwrap_err(), d, ".csv");
    let e = client_export::export(&ws, "@glow", &d.join("glow.zip.exe")).await;
    assert_refused(e.unwrap_err(), d, ".zip");
    // An unknown format is still that error, not a path error.
    let e = planner::export(&ws, &plan.id, "docx", &d.join("plan.docx")).await;
    assert_eq!(e.unwrap_err().field.as_deref(), Some("format"));
}

#[tokio::test]
async fn an_export_named_for_its_kind_is_written_in_any_case_and_may_be_opened() {
    let ws = common::workspace_with_glow().await;
    let plan = planner::create(&ws, "@glow", &plan_request())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    let hooks = d.join("hooks.CSV");
    let done = content::export_csv(Kind::Hooks, &[], &hooks).await.unwrap();
    assert!(export_path::openable(&hooks, ExportKind::Csv, done.bytes));
    let leads = d.join("leads.csv");
    let done = replies::export_leads_csv(&ws, "@glow", 40, &leads)
        .await
        .unwrap();
    assert!(export_path::openable(&leads, ExportKind::Csv, done.bytes));
    let ics = d.join("Plan.Ics");
    let done = planner::export(&ws, &plan.id, "ics", &ics).await.unwrap();
    assert!(export_path::openable(&ics, ExportKind::Ics, done.bytes));
    let zip = d.join("glow data.ZIP");
    client_export::export(&ws, "@glow", &zip).await.unwrap();
    assert!(zip.is_file());

    // Only what was just written: not another size, not a file of another kind, not a file
    // that is not there.
    assert!(!export_path::openable(
        &ics,
        ExportKind::Ics,
        done.bytes + 1
    ));
    assert!(!export_path::openable(&ics, ExportKind::Pdf, done.bytes));
    assert!(!export_path::openable(
        &d.join("gone.ics"),
        ExportKind::Ics,
        0
    ));
}

/// A link named like a PDF is not the file the export wrote (the export replaces a link with
/// its file; something that puts one back before the opening is not opened through).
#[cfg(unix)]
#[tokio::test]
async fn a_link_named_like_the_export_is_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.sh");
    std::fs::write(&target, "#!/bin/sh\n").unwrap();
    let link = dir.path().join("report.pdf");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert!(!export_path::openable(&link, ExportKind::Pdf, 10));
}
