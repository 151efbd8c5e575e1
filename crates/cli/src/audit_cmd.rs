//! `instagrowth audit` and `instagrowth branding`.
use std::path::{Path, PathBuf};

use instagrowth_api::audit::{self, AuditDocument};
use instagrowth_api::branding::{self, PaperSize};
use instagrowth_api::export_path::{self, ExportKind};
use instagrowth_api::{ApiError, ErrorCode, Workspace};

use crate::args::{Command, PaperArg};
use crate::output;

/// A PDF path whose folder does not exist is refused before anything runs.
pub fn precheck(pdf: Option<&Path>) -> Result<(), ApiError> {
    precheck_export(pdf, ExportKind::Pdf, "pdf")
}

/// Checks an export's path before anything runs (so a bad one changes nothing, not even the
/// stored audit or plan): its folder exists, it is not a folder, and it is named for what it
/// will hold (`--pdf report.txt` is refused here, as the export itself would refuse it later).
pub fn precheck_export(path: Option<&Path>, kind: ExportKind, field: &str) -> Result<(), ApiError> {
    if let Some(path) = path {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Err(ApiError {
                code: ErrorCode::InvalidInput,
                message: format!("the folder {} does not exist", dir.display()),
                field: Some(field.into()),
            });
        }
        if path.is_dir() {
            return Err(ApiError {
                code: ErrorCode::InvalidInput,
                message: format!(
                    "{} is a folder; give a file name such as export.{}",
                    path.display(),
                    kind.extension()
                ),
                field: Some(field.into()),
            });
        }
        export_path::check(path, kind).map_err(|e| e.with_field(field))?;
    }
    Ok(())
}

pub async fn run(
    ws: &Workspace,
    client: &str,
    offline: bool,
    pdf: Option<PathBuf>,
    json: bool,
) -> Result<(), ApiError> {
    let cancel = instagrowth_ai::CancellationToken::new();
    let progress = |e: instagrowth_api::ai::AiEvent| crate::ai_output::progress(&e);
    let doc = audit::run(ws, client, offline, &cancel, &progress).await;
    crate::ai_output::end_progress();
    let doc = doc?;
    let written = match &pdf {
        Some(path) => Some(audit::export_pdf(ws, &doc.id, path).await?),
        None => None,
    };
    if json {
        return output::json(&doc);
    }
    print_audit(&doc);
    if let Some(w) = written {
        println!(
            "\nPDF written to {} ({} KB)",
            w.path,
            w.bytes.div_ceil(1024)
        );
    }
    Ok(())
}

fn pct(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

fn print_audit(doc: &AuditDocument) {
    let a = &doc.audit;
    println!(
        "Audit of {} (@{}) — {} posts analysed",
        doc.client_name, doc.client_handle, a.posts_analysed
    );
    match (a.engagement_rate, &a.tier_benchmark) {
        (Some(r), Some(b)) => println!(
            "Engagement rate:  {} (median for {} followers: {}, {:?})",
            pct(r),
            b.tier,
            pct(b.median),
            b.verdict
                .map(|v| format!("{v:?}").to_lowercase())
                .unwrap_or_default()
        ),
        (Some(r), None) => println!("Engagement rate:  {}", pct(r)),
        _ => println!("Engagement rate:  not assessed"),
    }
    if let Some(r) = a.engagement_rate_by_reach {
        println!("By reach:         {}", pct(r));
    }
    println!("Content score:    {} / 100", a.content_score.score);
    println!(
        "Risk:             {:?} ({} / 100, an estimate: see Account Status)",
        a.shadowban_risk.level, a.shadowban_risk.score
    );
    println!("\nWhat matters most:");
    for (i, f) in a.findings.iter().enumerate() {
        println!("  {}. {} [{:?}]", i + 1, f.title, f.severity);
    }
    println!("\n30-day roadmap from {}:", a.roadmap.start);
    for w in &a.roadmap.weeks {
        println!("  Week {} ({} – {}): {}", w.week, w.start, w.end, w.focus);
        for act in &w.actions {
            println!("    - {}", act.text);
        }
    }
    if !a.not_assessed.is_empty() {
        println!("\nNot assessed:");
        for n in &a.not_assessed {
            println!("  {}: {}", n.what, n.why);
        }
    }
    if let Some(note) = &doc.narrative_note {
        eprintln!("note: {note}");
    }
}

pub async fn branding(ws: &Workspace, cmd: Command) -> Result<(), ApiError> {
    let Command::Branding {
        agency_name,
        logo,
        remove_logo,
        primary,
        accent,
        contact,
        paper,
        white_label,
        json,
    } = cmd
    else {
        unreachable!("called for branding only")
    };
    let mut b = branding::get(ws).await?;
    let changed = agency_name.is_some()
        || primary.is_some()
        || accent.is_some()
        || contact.is_some()
        || paper.is_some()
        || white_label.is_some();
    if let Some(v) = agency_name {
        b.agency_name = v;
    }
    if let Some(v) = primary {
        b.primary_color = v;
    }
    if let Some(v) = accent {
        b.accent_color = v;
    }
    if let Some(v) = contact {
        b.contact_line = v;
    }
    if let Some(p) = paper {
        b.paper = match p {
            PaperArg::A4 => PaperSize::A4,
            PaperArg::Letter => PaperSize::Letter,
        };
    }
    if let Some(v) = white_label {
        b.white_label = v;
    }
    if changed {
        b = branding::set(ws, &b).await?;
    }
    if let Some(path) = logo {
        b = branding::set_logo_file(ws, &path).await?;
    } else if remove_logo {
        b = branding::remove_logo(ws).await?;
    }
    if json {
        return output::json(&b);
    }
    println!(
        "Agency:       {}",
        if b.agency_name.is_empty() {
            "(not set)"
        } else {
            &b.agency_name
        }
    );
    println!(
        "Logo:         {}",
        if b.has_logo { "stored" } else { "none" }
    );
    println!("Colours:      {} / {}", b.primary_color, b.accent_color);
    println!("Contact line: {}", b.contact_line);
    println!("Paper:        {:?}", b.paper);
    println!("White label:  {}", if b.white_label { "yes" } else { "no" });
    Ok(())
}
