//! Content for a client: drafts of reel ideas, hooks, captions and hashtag sets — offline from
//! the shipped library (`instagrowth-content`), or by the AI provider as typed output checked
//! against the same rules — and the client's content library (save, edit, tag, favourite, mark
//! used, search), exported as CSV.
mod ai_draft;
mod csv_export;
pub(crate) mod grounding;
mod library;
mod pack_pdf;

pub use csv_export::{draft_csv, items_csv};
pub use library::{delete, list, mark_used, save, update, LibraryItem, LibraryPatch};
pub use pack_pdf::pack_pdf;

use instagrowth_ai::CancellationToken;
use instagrowth_content::{Draft, Item, Kind, Request};
use serde::Serialize;
use ts_rs::TS;

use crate::ai::AiEvent;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// A draft as the app and `--json` show it: `{"kind", "source", "items", …}`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ContentDraft {
    pub kind: Kind,
    /// `offline` or `ai`.
    pub source: String,
    pub items: Vec<Item>,
    /// The library niche the draft used (`beauty`, … or `general`).
    pub niche: String,
    pub topic: Option<String>,
    /// The model that wrote it, when `source` is `ai`.
    pub model: Option<String>,
    /// What to know: why it is offline, the general fallback…
    pub notes: Vec<String>,
}

/// What to draft.
#[derive(Debug, Clone, serde::Deserialize, TS)]
pub struct ContentRequest {
    pub kind: Kind,
    pub count: u32,
    pub topic: Option<String>,
    /// Write offline even when an AI provider is set up.
    #[serde(default)]
    pub offline: bool,
    /// The offline draft's seed; a new one each time when absent.
    #[ts(type = "number | null")]
    pub seed: Option<u64>,
    /// Main texts not to produce (the rest of the draft, when one item is regenerated).
    #[serde(default)]
    pub avoid: Vec<String>,
}

fn seed_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(7)
}

/// Where an export was written.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FileExport {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Writes items as CSV to `path`.
pub async fn export_csv(
    kind: Kind,
    items: &[Item],
    path: &std::path::Path,
) -> ApiResult<FileExport> {
    crate::export_path::check(path, crate::export_path::ExportKind::Csv)?;
    let bytes = items_csv(kind, items)?;
    crate::files::write_atomically(path, &bytes).await?;
    Ok(FileExport {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
    })
}

/// Writes items as the branded content-pack PDF to `path`.
pub async fn export_pdf(
    ws: &Workspace,
    client: &str,
    kind: Kind,
    topic: Option<&str>,
    items: &[Item],
    path: &std::path::Path,
) -> ApiResult<FileExport> {
    crate::export_path::check(path, crate::export_path::ExportKind::Pdf)?;
    let bytes = pack_pdf(ws, client, kind, topic, items).await?;
    crate::files::write_atomically(path, &bytes).await?;
    Ok(FileExport {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
    })
}

/// Drafts content for `client` (an id or @handle).
#[tracing::instrument(skip(ws, cancel, progress), err(level = "info", Debug))]
pub async fn generate(
    ws: &Workspace,
    client: &str,
    req: &ContentRequest,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<ContentDraft> {
    crate::license::require_feature(ws, "content", "new content drafts").await?;
    if !(1..=30).contains(&req.count) {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: "ask for 1 to 30 items".into(),
            field: Some("count".into()),
        });
    }
    let topic = req
        .topic
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    if topic.as_ref().is_some_and(|t| t.chars().count() > 120) {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: "keep the topic under 120 characters".into(),
            field: Some("topic".into()),
        });
    }
    let client = crate::clients::show(ws, client).await?;
    let mut grounding = grounding::load(ws, &client).await?;
    grounding.avoid.extend(req.avoid.iter().cloned());
    let request = Request::new(
        req.kind,
        req.count,
        topic.clone(),
        req.seed.unwrap_or_else(seed_now),
    );
    let offline = |draft: Draft, extra: Option<String>| {
        let mut notes = draft.notes;
        notes.extend(extra);
        ContentDraft {
            kind: draft.kind,
            source: "offline".into(),
            items: draft.items,
            niche: draft.niche,
            topic: topic.clone(),
            model: None,
            notes,
        }
    };
    let library_draft = instagrowth_content::draft(&grounding, &request).map_err(|e| ApiError {
        code: ErrorCode::InvalidInput,
        message: e.to_string(),
        field: None,
    })?;
    if req.offline {
        return Ok(offline(library_draft, None));
    }
    match ai_draft::generate(
        ws,
        &client.id,
        &grounding,
        &request,
        &library_draft,
        cancel,
        progress,
    )
    .await?
    {
        ai_draft::Outcome::Ai { items, model } => Ok(ContentDraft {
            kind: req.kind,
            source: "ai".into(),
            items,
            niche: library_draft.niche,
            topic,
            model: Some(model),
            notes: Vec::new(),
        }),
        ai_draft::Outcome::Offline(reason) => Ok(offline(library_draft, reason)),
    }
}
