//! `instagrowth`: the InstaGrowth OS core without a window.
//!
//! `--json` prints exactly one JSON document on stdout. Bad input exits non-zero with one human
//! line on stderr and changes nothing.
mod ai_cmd;
mod ai_output;
mod args;
mod audit_cmd;
mod backup_cmd;
mod clients_cmd;
mod content_cmd;
mod guide_cmd;
mod home_cmd;
mod import_cmd;
mod license_cmd;
mod onboarding_cmd;
mod output;
mod plan_cmd;
mod replies_cmd;

use std::process::ExitCode;

use clap::Parser;
use instagrowth_api::{ApiError, ErrorCode, Workspace};

use crate::args::{AiCommand, Cli, Command, SettingsCommand};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    init_tracing(cli.verbose);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(exit_code(e.code))
        }
    }
}

async fn run(cli: Cli) -> Result<(), ApiError> {
    // Refuse what can be refused before the workspace is opened (and perhaps created).
    match &cli.command {
        Command::Clients(cmd) => clients_cmd::precheck(cmd)?,
        Command::Import { paths, .. } => import_cmd::precheck(paths)?,
        Command::Settings(_) => {}
        Command::Ai(cmd) => ai_cmd::precheck(cmd)?,
        Command::Audit { pdf, .. } => audit_cmd::precheck(pdf.as_deref())?,
        Command::Branding { .. } => {}
        Command::Content {
            pdf, csv, count, ..
        } => content_cmd::precheck(*count, pdf.as_deref(), csv.as_deref())?,
        Command::Plan {
            days,
            pdf,
            ics,
            csv,
            ..
        } => plan_cmd::precheck(*days, [pdf.as_deref(), ics.as_deref(), csv.as_deref()])?,
        Command::Replies { .. } => {}
        Command::Guide(_) => {}
        Command::Home { today, .. } => home_cmd::precheck(today.as_deref())?,
        Command::License(_) | Command::Backup(_) | Command::Onboarding(_) => {}
    }
    let replies_input = match &cli.command {
        Command::Replies {
            input,
            awaiting_dms,
            leads_csv,
            ..
        } => Some(replies_cmd::precheck(
            input.as_deref(),
            *awaiting_dms,
            leads_csv.as_deref(),
        )?),
        _ => None,
    };
    // A purchase key is read (from stdin for `-`) and checked before the workspace is opened.
    let license_key = match &cli.command {
        Command::License(cmd) => license_cmd::precheck(cmd)?,
        _ => None,
    };
    // A key is read from stdin before the workspace is opened: no key, no workspace.
    let key = match &cli.command {
        Command::Ai(AiCommand::SetKey) => Some(ai_cmd::read_key()?),
        _ => None,
    };
    // The help centre needs no workspace.
    if let Command::Guide(cmd) = &cli.command {
        return guide_cmd::run(cmd);
    }
    // Restoring and inspecting never open (or create) a workspace first.
    if let Command::Backup(cmd) = &cli.command {
        if let Some(done) = backup_cmd::without_workspace(cmd, cli.data_dir.clone()).await {
            return done;
        }
    }
    let ws = Workspace::open_resolved(cli.data_dir).await?;
    let result = match cli.command {
        Command::Clients(cmd) => clients_cmd::run(&ws, cmd).await,
        Command::Import {
            client,
            paths,
            force,
            json,
        } => import_cmd::run(&ws, client, paths, force, json).await,
        Command::Settings(SettingsCommand::TimeZone { zone }) => match zone {
            Some(z) => instagrowth_api::settings::set_time_zone(&ws, &z)
                .await
                .map(|z| println!("Time zone set to {z}")),
            None => instagrowth_api::settings::time_zone(&ws)
                .await
                .map(|z| println!("{z}")),
        },
        Command::Ai(cmd) => ai_cmd::run(&ws, cmd, key).await,
        Command::Audit {
            client,
            offline,
            pdf,
            json,
        } => audit_cmd::run(&ws, &client, offline, pdf, json).await,
        cmd @ Command::Branding { .. } => audit_cmd::branding(&ws, cmd).await,
        cmd @ Command::Content { .. } => content_cmd::run(&ws, cmd).await,
        cmd @ Command::Plan { .. } => plan_cmd::run(&ws, cmd).await,
        cmd @ Command::Replies { .. } => match replies_input {
            Some(input) => replies_cmd::run(&ws, cmd, input).await,
            None => unreachable!("read above"),
        },
        Command::License(cmd) => license_cmd::run(&ws, cmd, license_key).await,
        Command::Backup(cmd) => backup_cmd::run(&ws, cmd).await,
        Command::Guide(_) => unreachable!("runs before the workspace opens"),
        Command::Home { today, json } => home_cmd::run(&ws, today, json).await,
        Command::Onboarding(cmd) => onboarding_cmd::run(&ws, cmd).await,
    };
    ws.close().await;
    result
}

/// Help and version print as clap renders them; a mistake in the arguments becomes one line.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.use_stderr() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    // `ai set-key` never takes the key as an argument; do not echo what was typed there.
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "set-key") && args.iter().any(|a| a == "ai") {
        eprintln!(
            "error: set-key reads the key from stdin, never from the command line (see --help)"
        );
        return ExitCode::from(2);
    }
    let text = e.render().to_string();
    let line = text
        .lines()
        .take_while(|l| !l.starts_with("Usage:"))
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("tip:"))
        .collect::<Vec<_>>()
        .join(" ");
    eprintln!("{line} (see --help)");
    ExitCode::from(2)
}

/// 2 for input a user can fix (as clap uses for bad arguments), 3 for a missing client,
/// 1 for everything else.
fn exit_code(code: ErrorCode) -> u8 {
    match code {
        ErrorCode::InvalidInput
        | ErrorCode::DuplicateHandle
        | ErrorCode::InvalidImport
        | ErrorCode::HandleMismatch
        | ErrorCode::LicenseInvalidKey => 2,
        ErrorCode::NotFound => 3,
        _ => 1,
    }
}

/// Logs go to stderr only, quiet unless asked (`-v`, `-vv`, or `RUST_LOG`), never to stdout.
fn init_tracing(verbose: u8) {
    let default = match verbose {
        0 => "off",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}
