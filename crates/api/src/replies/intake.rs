//! Reading the messages to add: pasted text, a CSV file, or the DM threads awaiting a reply —
//! each with the key that makes adding it twice a no-op.
use instagrowth_replies::{parse_csv, parse_pasted, Channel, Message, RepliesError};
use instagrowth_store::queries::dm_threads;

use super::ReplySource;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// The largest CSV file read (a few thousand comments are far smaller).
const MAX_CSV_BYTES: u64 = 20 * 1024 * 1024;

/// A message ready for the queue.
pub(super) struct Incoming {
    pub message: Message,
    /// `pasted`, `csv` or `dm`.
    pub source: &'static str,
    pub source_key: String,
    pub thread_id: Option<String>,
}

pub(super) async fn read(
    ws: &Workspace,
    client_id: &str,
    source: &ReplySource,
) -> ApiResult<Vec<Incoming>> {
    match source {
        ReplySource::Pasted { text, channel } => {
            let messages = parse_pasted(text, *channel).map_err(input_error)?;
            Ok(keyed(messages, "pasted"))
        }
        ReplySource::CsvFile { path, channel } => {
            let bytes = read_csv_file(std::path::Path::new(path)).await?;
            let messages = parse_csv(&bytes, *channel).map_err(input_error)?;
            Ok(keyed(messages, "csv"))
        }
        ReplySource::AwaitingDms => awaiting_dms(ws, client_id).await,
    }
}

/// The bytes of a CSV file, refusing what cannot be one.
pub(crate) async fn read_csv_file(path: &std::path::Path) -> ApiResult<Vec<u8>> {
    let shown = path.display();
    let meta = tokio::fs::metadata(path).await.map_err(|e| {
        ApiError::new(ErrorCode::InvalidInput, format!("cannot read {shown}: {e}"))
            .with_field("input")
    })?;
    if !meta.is_file() {
        return Err(
            ApiError::new(ErrorCode::InvalidInput, format!("{shown} is not a file"))
                .with_field("input"),
        );
    }
    if meta.len() > MAX_CSV_BYTES {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "{shown} is {} MB; the reply assistant reads CSV files up to {} MB — split it",
                meta.len() / (1024 * 1024),
                MAX_CSV_BYTES / (1024 * 1024)
            ),
        )
        .with_field("input"));
    }
    tokio::fs::read(path).await.map_err(|e| {
        ApiError::new(ErrorCode::InvalidInput, format!("cannot read {shown}: {e}"))
            .with_field("input")
    })
}

pub(crate) fn input_error(e: RepliesError) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, e.to_string()).with_field("input")
}

/// Pasted and CSV messages are the same message when author, time, post and text are.
fn keyed(messages: Vec<Message>, source: &'static str) -> Vec<Incoming> {
    messages
        .into_iter()
        .map(|m| Incoming {
            source_key: format!(
                "m\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
                m.author.to_lowercase(),
                m.received_at.as_deref().unwrap_or(""),
                m.post.as_deref().unwrap_or(""),
                m.text
            ),
            message: m,
            source,
            thread_id: None,
        })
        .collect()
}

/// One entry per thread awaiting a reply: what the other person wrote since the client last did.
async fn awaiting_dms(ws: &Workspace, client_id: &str) -> ApiResult<Vec<Incoming>> {
    let threads = dm_threads::awaiting_reply(ws.store(), client_id).await?;
    if threads.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "no imported DM thread is awaiting a reply — import the client's Instagram data \
             download with messages first (Data tab), or paste the messages",
        )
        .with_field("input"));
    }
    Ok(threads
        .into_iter()
        .map(|t| {
            let (author, received_at) = t
                .unanswered
                .last()
                .map(|(sender, at, _)| (sender.clone(), at.clone()))
                .unwrap_or_default();
            let text = t
                .unanswered
                .iter()
                .map(|(_, _, text)| text.trim())
                .collect::<Vec<_>>()
                .join("\n");
            let author = if author.is_empty() { t.title } else { author };
            Incoming {
                message: Message {
                    author,
                    text,
                    received_at: Some(received_at),
                    post: None,
                    channel: Channel::Dm,
                },
                source: "dm",
                source_key: format!("dm\u{1f}{}", t.thread_id),
                thread_id: Some(t.thread_id),
            }
        })
        .collect())
}
