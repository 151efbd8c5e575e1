//! The leads view as CSV: queued messages that score as leads, best first, with their reasons.
use instagrowth_store::queries::reply_messages::ReplyQuery;

use super::queue::list;
use crate::content::FileExport;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// The lead score from which a message counts as a lead by default.
pub const DEFAULT_MIN_LEAD_SCORE: u32 = 40;

/// `client`'s leads (handled ones included) scoring at least `min_score`, as CSV bytes.
pub async fn leads_csv(ws: &Workspace, client: &str, min_score: u32) -> ApiResult<Vec<u8>> {
    let mut items = list(
        ws,
        client,
        &ReplyQuery {
            intent: None,
            include_handled: true,
            min_lead_score: Some(min_score),
        },
    )
    .await?;
    items.sort_by(|a, b| {
        b.triage
            .lead_score
            .cmp(&a.triage.lead_score)
            .then_with(|| a.received_at.cmp(&b.received_at))
    });
    let mut w = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| ApiError::new(ErrorCode::Internal, e.to_string());
    w.write_record([
        "author",
        "lead_score",
        "reasons",
        "intent",
        "language",
        "urgency",
        "channel",
        "received_at",
        "post",
        "text",
        "status",
    ])
    .map_err(failed)?;
    for i in &items {
        let reasons: Vec<String> = i
            .triage
            .lead_reasons
            .iter()
            .map(|r| {
                if r.evidence.is_empty() {
                    r.label.clone()
                } else {
                    format!("{} (“{}”)", r.label, r.evidence)
                }
            })
            .collect();
        w.write_record([
            spreadsheet_safe(&i.author).as_str(),
            &i.triage.lead_score.to_string(),
            &reasons.join("; "),
            i.triage.intent.label(),
            i.triage.language.label(),
            match i.triage.urgency {
                instagrowth_replies::Urgency::High => "high",
                instagrowth_replies::Urgency::Normal => "normal",
                instagrowth_replies::Urgency::Low => "low",
            },
            match i.channel {
                instagrowth_replies::Channel::Comment => "comment",
                instagrowth_replies::Channel::Dm => "DM",
            },
            i.received_at.as_deref().unwrap_or(""),
            &spreadsheet_safe(i.post.as_deref().unwrap_or("")),
            &spreadsheet_safe(&i.text),
            if i.handled_at.is_some() {
                "handled"
            } else {
                "waiting"
            },
        ])
        .map_err(failed)?;
    }
    w.into_inner()
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
}

/// Writes `client`'s leads as CSV to `path`.
pub async fn export_leads_csv(
    ws: &Workspace,
    client: &str,
    min_score: u32,
    path: &std::path::Path,
) -> ApiResult<FileExport> {
    crate::export_path::check(path, crate::export_path::ExportKind::Csv)?;
    let bytes = leads_csv(ws, client, min_score).await?;
    crate::files::write_atomically(path, &bytes).await?;
    Ok(FileExport {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
    })
}

/// Messages come from strangers: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return would run as a formula in a spreadsheet, so it gets a leading apostrophe.
fn spreadsheet_safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
