//! `instagrowth plan`: a growth plan as text, one JSON document, ICS, CSV and/or the branded PDF.
use std::path::Path;

use instagrowth_api::export_path::ExportKind;
use instagrowth_api::planner::{self, NewPlan, StoredPlan};
use instagrowth_api::{ApiError, ErrorCode, Workspace};
use instagrowth_planner::Goal;

use crate::args::{Command, GoalArg};
use crate::output;

pub fn precheck(days: u32, files: [Option<&Path>; 3]) -> Result<(), ApiError> {
    if ![7, 14, 30].contains(&days) {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: format!("--days is 7, 14 or 30, not {days}"),
            field: Some("days".into()),
        });
    }
    let [pdf, ics, csv] = files;
    crate::audit_cmd::precheck_export(pdf, ExportKind::Pdf, "pdf")?;
    crate::audit_cmd::precheck_export(ics, ExportKind::Ics, "ics")?;
    crate::audit_cmd::precheck_export(csv, ExportKind::Csv, "csv")?;
    Ok(())
}

pub async fn run(ws: &Workspace, cmd: Command) -> Result<(), ApiError> {
    let Command::Plan {
        client,
        days,
        start,
        goal,
        posts_per_week,
        stories_per_day,
        pillars,
        offline,
        json,
        pdf,
        ics,
        csv,
    } = cmd
    else {
        unreachable!("called for plan only")
    };
    let goal = match goal {
        GoalArg::Growth => Goal::Growth,
        GoalArg::Engagement => Goal::Engagement,
        GoalArg::Leads => Goal::Leads,
        GoalArg::Recovery => Goal::Recovery,
    };
    let req = NewPlan {
        start,
        days,
        goal,
        posts_per_week,
        stories_per_day,
        pillars,
        name: None,
        offline: Some(offline),
    };
    let cancel = instagrowth_ai::CancellationToken::new();
    let progress = |e: instagrowth_api::ai::AiEvent| crate::ai_output::progress(&e);
    let stored = planner::create_with(ws, &client, &req, &cancel, &progress).await;
    crate::ai_output::end_progress();
    let stored = stored?;
    let c = instagrowth_api::clients::show(ws, &client).await?;
    if let Some(path) = &ics {
        let zone = instagrowth_api::settings::time_zone(ws).await?;
        instagrowth_api::files::write_atomically(
            path,
            planner::plan_ics(&stored, &zone, &c.name)?.as_bytes(),
        )
        .await?;
    }
    if let Some(path) = &csv {
        instagrowth_api::files::write_atomically(path, &planner::plan_csv(&stored)?).await?;
    }
    if let Some(path) = &pdf {
        instagrowth_api::files::write_atomically(path, &planner::plan_pdf(ws, &stored).await?)
            .await?;
    }
    if json {
        return output::json(&stored.plan);
    }
    print(&stored);
    for (what, path) in [("ICS", &ics), ("CSV", &csv), ("PDF", &pdf)] {
        if let Some(p) = path {
            eprintln!("{what} written to {}", p.display());
        }
    }
    Ok(())
}

fn print(p: &StoredPlan) {
    println!("{} (active)", p.name);
    for d in &p.plan.days {
        println!("\n{} {}", d.weekday, d.date);
        for i in &d.items {
            let kind = i.kind.as_str();
            println!("  {} {:<10} {}", i.time, kind, i.topic);
        }
    }
    if !p.plan.targets.is_empty() {
        println!("\nWeekly targets:");
        for t in &p.plan.targets {
            println!("  week {}: {} → {}", t.week, t.metric, t.target);
        }
    }
    for n in &p.plan.notes {
        eprintln!("note: {n}");
    }
}
