//! `licenses revoke|suspend|reinstate|history`: the operator's hold on a licence and the trail of
//! who did what and why. Revoking and suspending set the hold, which wins over Stripe until
//! `reinstate` lifts it; `reinstate` also lifts a revocation made the old way (a refund used to
//! write `revoked` as the status). Who: `--by`, else the OS user; why: `--reason`, required to
//! reinstate. Each change and its history entry are one transaction.
use instagrowth_license::LicenseStatus;
use sqlx::AnyConnection;

use super::args::Operator;
use super::print_json;
use crate::db::Db;
use crate::error::ServerError;
use crate::queries::license_audit;
use crate::queries::licenses::{self, LicenseRow};
use crate::time;

/// Longest `--by`.
const MAX_BY: usize = 100;
/// Longest `--reason`.
const MAX_REASON: usize = 500;

/// Puts the licence on hold (`Revoked` or `Suspended`).
pub async fn hold(
    db: &Db,
    l: &LicenseRow,
    hold: LicenseStatus,
    who: Operator,
    reason: Option<String>,
    now: i64,
) -> Result<(), ServerError> {
    let by = operator(who)?;
    let reason = reason.map(|r| checked_reason(&r)).transpose()?;
    let action = match hold {
        LicenseStatus::Revoked => "revoke",
        _ => "suspend",
    };
    let mut tx = db.begin().await?;
    licenses::set_hold(&mut tx, &l.id, Some(hold), now).await?;
    license_audit::record(&mut tx, &l.id, action, &by, reason.as_deref(), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Lifts the hold (and an old refund's `revoked` status); refuses a licence that has neither.
pub async fn reinstate(
    db: &Db,
    l: &LicenseRow,
    who: Operator,
    reason: &str,
    now: i64,
) -> Result<LicenseStatus, ServerError> {
    let by = operator(who)?;
    let reason = checked_reason(reason)?;
    let revoked_status = l.status == LicenseStatus::Revoked.as_str();
    if l.hold.is_none() && !revoked_status {
        return Err(ServerError::Invalid(format!(
            "{} is {}, not suspended or revoked: nothing to reinstate",
            l.id,
            l.effective_status().as_str()
        )));
    }
    let mut tx = db.begin().await?;
    licenses::set_hold(&mut tx, &l.id, None, now).await?;
    if revoked_status {
        licenses::set_status(&mut tx, &l.id, LicenseStatus::Active, now).await?;
    }
    license_audit::record(&mut tx, &l.id, "reinstate", &by, Some(&reason), now).await?;
    tx.commit().await?;
    Ok(if revoked_status {
        LicenseStatus::Active
    } else {
        licenses::parse_status(&l.status)
    })
}

/// Prints the licence's history, oldest first.
pub async fn history(
    conn: &mut AnyConnection,
    l: &LicenseRow,
    json: bool,
) -> Result<(), ServerError> {
    let entries = license_audit::list(conn, &l.id).await?;
    if json {
        let out: Vec<serde_json::Value> = entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "at": time::rfc3339(e.created_at),
                    "action": e.action,
                    "by": e.actor,
                    "reason": e.reason,
                })
            })
            .collect();
        print_json(&out);
    } else if entries.is_empty() {
        println!("Nothing was done to {} by hand or by a refund.", l.id);
    } else {
        println!("{:<20}  {:<9}  {:<16}  REASON", "WHEN", "ACTION", "BY");
        for e in entries {
            println!(
                "{:<20}  {:<9}  {:<16}  {}",
                time::rfc3339(e.created_at),
                e.action,
                e.actor,
                e.reason.as_deref().unwrap_or("-")
            );
        }
    }
    Ok(())
}

/// `--by`, else the OS user ($USER on Unix, %USERNAME% on Windows), else "unknown".
fn operator(who: Operator) -> Result<String, ServerError> {
    if let Some(by) = who.by {
        let by = by.trim();
        if by.is_empty() || by.chars().count() > MAX_BY || by.chars().any(char::is_control) {
            return Err(ServerError::Invalid(format!(
                "--by must be a name of 1 to {MAX_BY} characters"
            )));
        }
        return Ok(by.to_string());
    }
    Ok(["USER", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "unknown".to_string()))
}

fn checked_reason(reason: &str) -> Result<String, ServerError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON {
        return Err(ServerError::Invalid(format!(
            "--reason must say why in 1 to {MAX_REASON} characters"
        )));
    }
    Ok(reason.to_string())
}
