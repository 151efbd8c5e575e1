//! `instagrowth replies`: triage comments and DMs and draft replies. The messages join the
//! client's reply queue (the app's Replies tab); nothing is ever sent.
use std::io::Read;
use std::path::{Path, PathBuf};

use instagrowth_api::export_path::ExportKind;
use instagrowth_api::replies::{self, AddOutcome, AddRequest, ReplyItem, ReplySource};
use instagrowth_api::{ApiError, ErrorCode, Workspace};
use instagrowth_replies::{Channel, MAX_MESSAGES, MAX_TEXT_CHARS};
use serde::Serialize;

use crate::args::{ChannelArg, Command};
use crate::output;

/// Text input larger than this is surely not a list of comments.
const MAX_TEXT_BYTES: u64 = (MAX_MESSAGES * MAX_TEXT_CHARS * 4) as u64;

fn invalid(field: &str, message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message).with_field(field)
}

fn is_csv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"))
}

/// What was read before the workspace opened: pasted text, or a CSV path to read later.
pub enum Input {
    Text(String),
    Csv(PathBuf),
    AwaitingDms,
}

/// Reads or checks the input before anything runs: a missing or unreadable file changes nothing.
pub fn precheck(
    input: Option<&Path>,
    awaiting_dms: bool,
    leads_csv: Option<&Path>,
) -> Result<Input, ApiError> {
    crate::audit_cmd::precheck_export(leads_csv, ExportKind::Csv, "leads_csv")?;
    let Some(path) = input else {
        return if awaiting_dms {
            Ok(Input::AwaitingDms)
        } else {
            Err(invalid(
                "input",
                "give --input FILE or --awaiting-dms".into(),
            ))
        };
    };
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .take(MAX_TEXT_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|e| invalid("input", format!("cannot read stdin as UTF-8 text: {e}")))?;
        return Ok(Input::Text(text));
    }
    let meta = std::fs::metadata(path)
        .map_err(|e| invalid("input", format!("cannot read {}: {e}", path.display())))?;
    if !meta.is_file() {
        return Err(invalid(
            "input",
            format!("{} is not a file", path.display()),
        ));
    }
    if is_csv(path) {
        return Ok(Input::Csv(path.to_path_buf()));
    }
    if meta.len() > MAX_TEXT_BYTES {
        return Err(invalid(
            "input",
            format!("{} is too large for a list of messages", path.display()),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| invalid("input", format!("cannot read {}: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        invalid(
            "input",
            format!(
                "{} is not UTF-8 text; save it as UTF-8 (or as a .csv file)",
                path.display()
            ),
        )
    })?;
    Ok(Input::Text(text))
}

/// One message in `--json`: the contract's fields first, then the rest of the triage.
#[derive(Serialize)]
struct JsonMessage<'a> {
    id: &'a str,
    author: &'a str,
    text: &'a str,
    intent: instagrowth_replies::Intent,
    sentiment: instagrowth_replies::Sentiment,
    language: instagrowth_replies::Language,
    urgency: instagrowth_replies::Urgency,
    lead_score: u32,
    lead_reasons: &'a [instagrowth_replies::LeadReason],
    priority: u32,
    channel: Channel,
    received_at: Option<&'a str>,
    post: Option<&'a str>,
    drafts: Vec<&'a str>,
    draft_styles: Vec<&'a str>,
    drafted_by: &'a str,
    /// When it was marked handled in the app; `null` while waiting.
    handled_at: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonOutcome<'a> {
    messages: Vec<JsonMessage<'a>>,
    counts: &'a instagrowth_api::replies::QueueCounts,
    drafted_by: &'a str,
    model: Option<&'a str>,
    notes: &'a [String],
}

fn json_message(i: &ReplyItem) -> JsonMessage<'_> {
    JsonMessage {
        id: &i.id,
        author: &i.author,
        text: &i.text,
        intent: i.triage.intent,
        sentiment: i.triage.sentiment,
        language: i.triage.language,
        urgency: i.triage.urgency,
        lead_score: i.triage.lead_score,
        lead_reasons: &i.triage.lead_reasons,
        priority: i.triage.priority,
        channel: i.channel,
        received_at: i.received_at.as_deref(),
        post: i.post.as_deref(),
        drafts: i.drafts.iter().map(|d| d.text.as_str()).collect(),
        draft_styles: i.drafts.iter().map(|d| d.style.as_str()).collect(),
        drafted_by: &i.drafted_by,
        handled_at: i.handled_at.as_deref(),
    }
}

pub async fn run(ws: &Workspace, cmd: Command, input: Input) -> Result<(), ApiError> {
    let Command::Replies {
        client,
        channel,
        offline,
        json,
        leads_csv,
        min_lead_score,
        ..
    } = cmd
    else {
        unreachable!("called for replies only")
    };
    let channel = match channel {
        ChannelArg::Comment => Channel::Comment,
        ChannelArg::Dm => Channel::Dm,
    };
    let source = match input {
        Input::Text(text) => ReplySource::Pasted { text, channel },
        Input::Csv(path) => ReplySource::CsvFile {
            path: path.display().to_string(),
            channel,
        },
        Input::AwaitingDms => ReplySource::AwaitingDms,
    };
    let cancel = instagrowth_ai::CancellationToken::new();
    let progress = |e: instagrowth_api::ai::AiEvent| crate::ai_output::progress(&e);
    let outcome = replies::add(
        ws,
        &client,
        &AddRequest { source, offline },
        &cancel,
        &progress,
    )
    .await;
    crate::ai_output::end_progress();
    let outcome = outcome?;
    if let Some(path) = &leads_csv {
        replies::export_leads_csv(ws, &client, min_lead_score, path).await?;
    }
    if json {
        return output::json(&JsonOutcome {
            messages: outcome.items.iter().map(json_message).collect(),
            counts: &outcome.counts,
            drafted_by: &outcome.drafted_by,
            model: outcome.model.as_deref(),
            notes: &outcome.notes,
        });
    }
    print(&outcome);
    if let Some(p) = &leads_csv {
        eprintln!("Leads written to {}", p.display());
    }
    Ok(())
}

fn print(o: &AddOutcome) {
    for (n, i) in o.items.iter().enumerate() {
        let t = &i.triage;
        let who = if i.author.is_empty() {
            "(no name)".to_string()
        } else if i.author.contains(' ') {
            i.author.clone()
        } else {
            format!("@{}", i.author)
        };
        println!(
            "{}. {who} — {} · {} · {:?} urgency · lead {}{}",
            n + 1,
            t.intent.label(),
            t.language.label(),
            t.urgency,
            t.lead_score,
            if i.handled_at.is_some() {
                " · handled"
            } else {
                ""
            }
        );
        println!("   “{}”", i.text.replace('\n', " / "));
        if !t.lead_reasons.is_empty() {
            let reasons: Vec<String> = t
                .lead_reasons
                .iter()
                .map(|r| {
                    if r.evidence.is_empty() {
                        format!("{} ({:+})", r.label, r.points)
                    } else {
                        format!("{} “{}” ({:+})", r.label, r.evidence, r.points)
                    }
                })
                .collect();
            println!("   Why: {}", reasons.join("; "));
        }
        if i.drafts.is_empty() {
            println!("   No reply: hide or report it in Instagram.");
        }
        for (k, d) in i.drafts.iter().enumerate() {
            println!(
                "   {}) [{}] {}",
                k + 1,
                d.style,
                d.text.replace('\n', "\n      ")
            );
        }
        println!();
    }
    let c = &o.counts;
    let by = match &o.model {
        Some(m) => format!("written by {m}"),
        None => "drafted offline".to_string(),
    };
    eprintln!(
        "{} new, {} updated, {} already queued — {by}. Nothing was sent: copy a draft and reply from Instagram.",
        c.added, c.updated, c.unchanged
    );
    for n in &o.notes {
        eprintln!("note: {n}");
    }
}
