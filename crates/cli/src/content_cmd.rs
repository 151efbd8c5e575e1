//! `instagrowth content`: a draft of reel ideas, hooks, captions or hashtag sets, as text, one
//! JSON document, CSV and/or the branded PDF.
use std::path::Path;

use instagrowth_api::content::{self, ContentDraft, ContentRequest};
use instagrowth_api::export_path::ExportKind;
use instagrowth_api::{ApiError, ErrorCode, Workspace};
use instagrowth_content::{Item, Kind};

use crate::args::{Command, KindArg};
use crate::output;

fn invalid(field: &str, message: String) -> ApiError {
    ApiError {
        code: ErrorCode::InvalidInput,
        message,
        field: Some(field.into()),
    }
}

pub fn precheck(count: u32, pdf: Option<&Path>, csv: Option<&Path>) -> Result<(), ApiError> {
    if !(1..=30).contains(&count) {
        return Err(invalid("count", format!("--count is 1 to 30, not {count}")));
    }
    crate::audit_cmd::precheck_export(pdf, ExportKind::Pdf, "pdf")?;
    crate::audit_cmd::precheck_export(csv, ExportKind::Csv, "csv")
}

pub async fn run(ws: &Workspace, cmd: Command) -> Result<(), ApiError> {
    let Command::Content {
        client,
        kind,
        count,
        topic,
        offline,
        seed,
        json,
        pdf,
        csv,
    } = cmd
    else {
        unreachable!("called for content only")
    };
    let kind = match kind {
        KindArg::Reels => Kind::Reels,
        KindArg::Hooks => Kind::Hooks,
        KindArg::Captions => Kind::Captions,
        KindArg::Hashtags => Kind::Hashtags,
    };
    let req = ContentRequest {
        kind,
        count,
        topic,
        offline,
        seed,
        avoid: Vec::new(),
    };
    let cancel = instagrowth_ai::CancellationToken::new();
    let progress = |e: instagrowth_api::ai::AiEvent| crate::ai_output::progress(&e);
    let draft = content::generate(ws, &client, &req, &cancel, &progress).await;
    crate::ai_output::end_progress();
    let draft = draft?;
    if let Some(path) = &csv {
        instagrowth_api::files::write_atomically(path, &content::draft_csv(&draft)?).await?;
    }
    if let Some(path) = &pdf {
        let bytes = content::pack_pdf(
            ws,
            &client,
            draft.kind,
            draft.topic.as_deref(),
            &draft.items,
        )
        .await?;
        instagrowth_api::files::write_atomically(path, &bytes).await?;
    }
    if json {
        return output::json(&draft);
    }
    print(&draft);
    for (what, path) in [("CSV", &csv), ("PDF", &pdf)] {
        if let Some(p) = path {
            eprintln!("{what} written to {}", p.display());
        }
    }
    Ok(())
}

fn print(d: &ContentDraft) {
    for (i, item) in d.items.iter().enumerate() {
        match item {
            Item::Hook(h) => println!("{}. {}  [{}]", i + 1, h.text, h.formula.as_str()),
            Item::Hashtags(s) => println!("{}. {}", i + 1, s.tags.join(" ")),
            Item::Caption(c) => {
                println!("{}. ({:?}, {})\n{}\n", i + 1, c.length, c.framework, c.text)
            }
            Item::Reel(r) => {
                println!("{}. {} — {} s {}", i + 1, r.title, r.length_secs, r.format);
                println!("   Hook: {}", r.hook);
                for b in &r.beats {
                    println!("   - {b}");
                }
                println!("   Why: {}\n", r.why);
            }
        }
    }
    let source = match &d.model {
        Some(m) => format!("written by {m}"),
        None => format!(
            "drafted offline from the {} library",
            d.niche.replace('_', " ")
        ),
    };
    eprintln!("{source}");
    for n in &d.notes {
        eprintln!("note: {n}");
    }
}
