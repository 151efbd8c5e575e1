//! Audits: build the engine's input from the store, run it, write the narrative (offline, or by
//! the AI provider with every number filled in by the app), compare with the previous audit, and
//! keep the result per client.
mod changes;
mod document;
mod load;
mod narrative;

pub use changes::{AuditChanges, MetricChange};
pub use document::AuditDocument;
pub use instagrowth_store::queries::audits::AuditSummary;

use instagrowth_ai::CancellationToken;
use instagrowth_store::queries::audits::{self, NewAudit};

use crate::ai::AiEvent;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// Runs a new audit of `client` (an id or @handle) and stores it. With `offline` the narrative
/// is written by templates even when an AI provider is set up.
#[tracing::instrument(skip(ws, cancel, progress), err(level = "info", Debug))]
pub async fn run(
    ws: &Workspace,
    client: &str,
    offline: bool,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<AuditDocument> {
    crate::license::require_feature(ws, "audit", "new audits").await?;
    let client = crate::clients::show(ws, client).await?;
    let input = load::input(ws, &client.id, chrono::Utc::now()).await?;
    let audit = instagrowth_audit::run(&input);
    let (narrative, narrative_note) =
        narrative::write(ws, &client, &audit, offline, cancel, progress).await?;
    let created_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let previous = audits::previous_document(ws.store(), &client.id, &created_at)
        .await?
        .and_then(|json| serde_json::from_str::<AuditDocument>(&json).ok());
    let doc = AuditDocument {
        id: uuid::Uuid::new_v4().to_string(),
        client_id: client.id.clone(),
        client_name: client.name.clone(),
        client_handle: client.handle.clone(),
        created_at,
        changes: previous.as_ref().map(|p| changes::between(p, &audit)),
        audit,
        narrative,
        narrative_note,
    };
    audits::insert(
        ws.store(),
        &NewAudit {
            summary: doc.summary(),
            document: serde_json::to_string(&doc).expect("audit serializes"),
        },
    )
    .await?;
    Ok(doc)
}

/// The client's audits, the newest first.
pub async fn history(ws: &Workspace, client: &str) -> ApiResult<Vec<AuditSummary>> {
    let client = crate::clients::show(ws, client).await?;
    Ok(audits::list_for_client(ws.store(), &client.id).await?)
}

/// A stored audit.
pub async fn get(ws: &Workspace, id: &str) -> ApiResult<AuditDocument> {
    let Some((_, json)) = audits::document(ws.store(), id).await? else {
        return Err(ApiError::new(ErrorCode::NotFound, format!("no audit {id}")));
    };
    serde_json::from_str(&json).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("the stored audit {id} cannot be read: {e}"),
        )
    })
}

mod report_pdf;

/// Where a PDF was written.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct PdfExport {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Drawn across every page of a PDF made without a licence.
pub const TRIAL_MARK: &str = "TRIAL";

/// The report engine's branding from the workspace's, under the licence: the InstaGrowth mark is
/// hidden only with the `white_label` entitlement ([`crate::branding::get`] reports it off
/// without), and without a licence (the trial, or after it) every page carries a faint "TRIAL"
/// mark ([`TRIAL_MARK`]).
pub(crate) async fn pdf_branding(ws: &Workspace) -> ApiResult<instagrowth_pdf::Branding> {
    let b = crate::branding::get(ws).await?;
    let license = crate::license::status(ws).await?;
    let colour = |hex: &str, fallback| instagrowth_pdf::Rgb::from_hex(hex).unwrap_or(fallback);
    Ok(instagrowth_pdf::Branding {
        agency_name: b.agency_name,
        logo: crate::branding::logo(ws).await?,
        primary: colour(&b.primary_color, instagrowth_pdf::Rgb::new(79, 70, 229)),
        accent: colour(&b.accent_color, instagrowth_pdf::Rgb::new(219, 39, 119)),
        contact_line: b.contact_line,
        paper: match b.paper {
            crate::branding::PaperSize::A4 => instagrowth_pdf::Paper::A4,
            crate::branding::PaperSize::Letter => instagrowth_pdf::Paper::Letter,
        },
        white_label: b.white_label && license.entitlements.white_label,
        watermark: (license.plan == instagrowth_license::TRIAL_PLAN)
            .then(|| TRIAL_MARK.to_string()),
    })
}

/// Renders a stored audit as the branded PDF. Without the `pdf_reports` feature, one-time
/// `audit_report` credits unlock audits one by one ([`crate::license`]).
pub async fn pdf_bytes(ws: &Workspace, id: &str) -> ApiResult<Vec<u8>> {
    let doc = get(ws, id).await?;
    crate::license::unlock_audit_pdf(ws, &doc.id).await?;
    let document = report_pdf::document(&doc, pdf_branding(ws).await?);
    instagrowth_pdf::render(&document).map_err(|e| match e {
        instagrowth_pdf::PdfError::BadLogo(m) => ApiError {
            code: ErrorCode::InvalidInput,
            message: format!("the agency logo cannot be used ({m}); choose another PNG or JPEG in Settings → Branding"),
            field: Some("logo".into()),
        },
        other => ApiError::new(ErrorCode::Internal, format!("the PDF could not be made: {other}")),
    })
}

/// Writes a stored audit's PDF to `path`: to a temporary file beside it first, then renamed, so a
/// failure never leaves half a file.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn export_pdf(ws: &Workspace, id: &str, path: &std::path::Path) -> ApiResult<PdfExport> {
    crate::export_path::check(path, crate::export_path::ExportKind::Pdf)?;
    let bytes = pdf_bytes(ws, id).await?;
    crate::files::write_atomically(path, &bytes).await?;
    Ok(PdfExport {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
    })
}
