//! `instagrowth license activate|status|deactivate|refresh`: the same licence as the app's
//! (`instagrowth_api::license`). `status` never goes online; the others talk to the licence server
//! (`INSTAGROWTH_LICENSE_SERVER` overrides its address). A purchase key is checked before the
//! workspace is opened and before any request; `-` reads it from stdin, off the command line.
use std::io::Read;

use instagrowth_api::license::{self, LicenseState, LicenseStatus};
use instagrowth_api::{ApiError, ErrorCode, Workspace};

use crate::args::LicenseCommand;
use crate::output;

/// The purchase key of `activate`, read and checked; `None` for the other commands.
pub fn precheck(cmd: &LicenseCommand) -> Result<Option<String>, ApiError> {
    let LicenseCommand::Activate { key, .. } = cmd else {
        return Ok(None);
    };
    let key = if key.trim() == "-" {
        let mut buf = String::new();
        std::io::stdin()
            .take(4096)
            .read_to_string(&mut buf)
            .map_err(|e| {
                ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("cannot read the key from stdin: {e}"),
                )
            })?;
        buf
    } else {
        key.clone()
    };
    Ok(Some(license::parse_key(&key)?.as_str().to_string()))
}

pub async fn run(ws: &Workspace, cmd: LicenseCommand, key: Option<String>) -> Result<(), ApiError> {
    match cmd {
        LicenseCommand::Activate {
            machine_name, json, ..
        } => {
            let key = key.expect("read by precheck");
            let s = license::activate(ws, &key, machine_name.as_deref()).await?;
            show(&s, json, Some("This computer is activated."))
        }
        LicenseCommand::Status { json } => show(&license::status(ws).await?, json, None),
        LicenseCommand::Deactivate { json } => {
            let s = license::deactivate(ws).await?;
            show(
                &s,
                json,
                Some("This computer is deactivated: its seat is free."),
            )
        }
        LicenseCommand::Refresh { json } => {
            let s = license::refresh(ws).await?;
            show(&s, json, Some("The licence is refreshed."))
        }
    }
}

fn show(s: &LicenseStatus, json: bool, done: Option<&str>) -> Result<(), ApiError> {
    if json {
        return output::json(s);
    }
    if let Some(line) = done {
        println!("{line}");
    }
    let state = match s.state {
        LicenseState::Trial => "Trial",
        LicenseState::Active => "Active",
        LicenseState::Grace => "Grace period (offline)",
        LicenseState::ReadOnly => "Read-only",
    };
    let e = &s.entitlements;
    let mut rows: Vec<(&str, String)> = vec![
        ("State", format!("{state} ({})", s.code)),
        ("Plan", s.plan_label.clone()),
    ];
    let mut opt = |label, value: &Option<String>| {
        if let Some(v) = value {
            rows.push((label, v.clone()));
        }
    };
    opt("Key", &s.key_prefix);
    opt("Machine", &s.machine_name);
    opt("Customer", &s.customer_email);
    opt("Renews/ends", &s.renews_or_expires_at);
    opt("Refresh by", &s.refresh_by);
    opt("Trial ends", &s.trial_ends_at);
    opt("Read-only at", &s.read_only_at);
    rows.push((
        "Clients",
        e.max_active_clients
            .map_or("unlimited".into(), |n| format!("up to {n} active")),
    ));
    rows.push(("Seats", e.seats.to_string()));
    rows.push((
        "White label",
        if e.white_label { "yes" } else { "no" }.into(),
    ));
    rows.push(("AI credits", format!("{} a month", e.monthly_ai_credits)));
    rows.push(("Features", e.features.join(", ")));
    if !e.one_time_credits.is_empty() {
        rows.push((
            "Credits",
            e.one_time_credits
                .iter()
                .map(|c| format!("{} × {}", c.count, c.kind))
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    if !e.add_ons.is_empty() {
        rows.push(("Add-ons", e.add_ons.join(", ")));
    }
    rows.push(("Server", s.server_url.clone()));
    for (label, value) in rows {
        println!("{label:<13} {value}");
    }
    if let Some(reason) = &s.reason {
        println!();
        println!("{reason}");
    }
    Ok(())
}
