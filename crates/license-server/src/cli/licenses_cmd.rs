//! `licenses list|show|issue|extend|reset-machines`, and `revoke|suspend|reinstate|history`
//! through [`super::holds_cmd`]. A licence is named by its id, its key prefix (`IGOS-7KQ3M`) or
//! its whole key. `issue` prints the new key once: only its hash is stored.
use std::path::PathBuf;

use instagrowth_license::LicenseStatus;
use serde_json::json;
use sqlx::AnyConnection;

use super::args::LicensesCommand;
use super::{holds_cmd, load_catalog, print_json};
use crate::db::Db;
use crate::error::ServerError;
use crate::licensing;
use crate::queries::licenses::{self, LicenseRow, NewLicense};
use crate::queries::{customers, machines, purchases};
use crate::time;

pub async fn run(
    db_url: &str,
    catalog: &Option<PathBuf>,
    cmd: LicensesCommand,
) -> Result<(), ServerError> {
    let db = Db::open(db_url).await?;
    let mut conn = db.pool().acquire().await?;
    let now = time::now();
    match cmd {
        LicensesCommand::List { json } => {
            let rows = licenses::list(&mut conn).await?;
            if json {
                let mut out = Vec::new();
                for l in &rows {
                    out.push(summary(&mut conn, l).await?);
                }
                print_json(&out);
            } else if rows.is_empty() {
                println!("No licences yet.");
            } else {
                println!(
                    "{:<36}  {:<10}  {:<10}  {:<9}  {:>8}  EMAIL",
                    "ID", "KEY", "PLAN", "STATUS", "MACHINES"
                );
                for l in &rows {
                    let used = machines::count(&mut conn, &l.id).await?;
                    println!(
                        "{:<36}  {:<10}  {:<10}  {:<9}  {:>8}  {}",
                        l.id,
                        l.key_prefix.as_deref().unwrap_or("(no key)"),
                        l.plan.as_deref().unwrap_or("(pending)"),
                        l.effective_status().as_str(),
                        used,
                        l.email.as_deref().unwrap_or("")
                    );
                }
            }
        }
        LicensesCommand::Show { license, json } => {
            let l = resolve(&mut conn, &license).await?;
            let s = summary(&mut conn, &l).await?;
            let ms = machines::list(&mut conn, &l.id).await?;
            // What the licence grants under the catalogue in use (none while the plan is pending).
            let one_time = purchases::active_for_license(&mut conn, &l.id).await?;
            let grants = match l.plan.as_deref() {
                Some(plan) => Some(
                    load_catalog(catalog)?
                        .entitlements(plan, &l.add_on_list(), &one_time)
                        .map_err(|e| ServerError::Invalid(e.to_string()))?,
                ),
                None => None,
            };
            if json {
                let mut doc = s;
                doc["machines"] = serde_json::to_value(&ms).expect("rows serialise");
                doc["entitlements"] =
                    serde_json::to_value(&grants).expect("entitlements serialise");
                print_json(&doc);
            } else {
                println!("Licence   {}", l.id);
                println!(
                    "Key       {}",
                    l.key_prefix.as_deref().unwrap_or("(none yet)")
                );
                println!("Plan      {}", l.plan.as_deref().unwrap_or("(pending)"));
                println!("Status    {}", l.effective_status().as_str());
                println!("E-mail    {}", l.email.as_deref().unwrap_or("-"));
                if let Some(sub) = &l.stripe_subscription_id {
                    println!("Stripe    {sub}");
                }
                println!("Expires   {}", s["expires_at"].as_str().unwrap_or("never"));
                if let Some(g) = &grants {
                    println!("Grants    {}", describe(g));
                }
                println!("Machines  {}", ms.len());
                for m in ms {
                    println!(
                        "  {}  {}  {}  {}  last seen {}",
                        m.fingerprint.chars().take(12).collect::<String>(),
                        m.name,
                        m.platform,
                        m.app_version,
                        time::rfc3339(m.last_validated_at)
                    );
                }
            }
        }
        LicensesCommand::Issue {
            plan,
            email,
            add_ons,
            expires,
            json,
        } => {
            let catalog = load_catalog(catalog)?;
            if !catalog.has_plan(&plan) {
                return Err(ServerError::Invalid(format!(
                    "there is no plan “{plan}”: use one of {}",
                    catalog.plan_ids().join(", ")
                )));
            }
            let add_ons = add_ons
                .iter()
                .map(|a| parse_add_on(a))
                .collect::<Result<Vec<_>, _>>()?;
            catalog.entitlements(&plan, &add_ons, &[])?;
            let email = email.trim();
            if !email.contains('@') || email.contains(char::is_whitespace) {
                return Err(ServerError::Invalid(format!(
                    "“{email}” is not an e-mail address"
                )));
            }
            let expires_at = expires
                .as_deref()
                .map(time::end_of_day)
                .transpose()
                .map_err(ServerError::Invalid)?;
            let key = instagrowth_license::generate_purchase_key();
            let mut tx = db.begin().await?;
            let customer = customers::ensure_email(&mut tx, email, now).await?;
            let id = licenses::insert(
                &mut tx,
                &NewLicense {
                    key_hash: Some(&key.hash()),
                    key_prefix: Some(&key.prefix()),
                    plan: Some(&plan),
                    status: LicenseStatus::Active,
                    add_ons: &add_ons,
                    customer_id: Some(&customer.id),
                    stripe_subscription_id: None,
                    expires_at,
                },
                now,
            )
            .await?;
            tx.commit().await?;
            if json {
                print_json(&json!({
                    "license_id": id,
                    "key": key.as_str(),
                    "key_prefix": key.prefix(),
                    "plan": plan,
                    "email": email,
                    "expires_at": expires_at.map(time::rfc3339),
                }));
            } else {
                println!("{}", key.as_str());
                eprintln!("licence {id} issued ({plan}, {email}); the key above is shown only now");
            }
        }
        LicensesCommand::Revoke {
            license,
            who,
            reason,
        } => {
            let l = resolve(&mut conn, &license).await?;
            holds_cmd::hold(&db, &l, LicenseStatus::Revoked, who, reason, now).await?;
            println!("Revoked {}", label(&l));
        }
        LicensesCommand::Suspend {
            license,
            who,
            reason,
        } => {
            let l = resolve(&mut conn, &license).await?;
            holds_cmd::hold(&db, &l, LicenseStatus::Suspended, who, reason, now).await?;
            println!("Suspended {}", label(&l));
        }
        LicensesCommand::Reinstate {
            license,
            who,
            reason,
        } => {
            let l = resolve(&mut conn, &license).await?;
            let status = holds_cmd::reinstate(&db, &l, who, &reason, now).await?;
            println!("Reinstated {} (status: {})", label(&l), status.as_str());
        }
        LicensesCommand::History { license, json } => {
            let l = resolve(&mut conn, &license).await?;
            holds_cmd::history(&mut conn, &l, json).await?;
        }
        LicensesCommand::Extend { license, until } => {
            let l = resolve(&mut conn, &license).await?;
            let end = time::end_of_day(&until).map_err(ServerError::Invalid)?;
            if end <= now {
                return Err(ServerError::Invalid(format!("{until} is in the past")));
            }
            licenses::set_expires_at(&mut conn, &l.id, Some(end), now).await?;
            if l.status == LicenseStatus::Expired.as_str() {
                licenses::set_status(&mut conn, &l.id, LicenseStatus::Active, now).await?;
            }
            println!("{} now runs until {}", label(&l), time::rfc3339(end));
        }
        LicensesCommand::ResetMachines { license } => {
            let l = resolve(&mut conn, &license).await?;
            let n = machines::delete_all(&mut conn, &l.id).await?;
            println!("Freed {n} seat(s) of {}", label(&l));
        }
    }
    drop(conn);
    db.close().await;
    Ok(())
}

/// "60 active clients · 5 seats · white-label · 2000 AI credits a month · …" for people.
fn describe(g: &instagrowth_license::Entitlements) -> String {
    let mut parts = vec![
        match g.max_active_clients {
            Some(n) => format!("{n} active clients"),
            None => "unlimited clients".to_string(),
        },
        format!("{} seat{}", g.seats, if g.seats == 1 { "" } else { "s" }),
    ];
    if g.white_label {
        parts.push("white-label".into());
    }
    parts.push(format!("{} AI credits a month", g.monthly_ai_credits));
    for c in &g.one_time_credits {
        parts.push(format!("{} × {}", c.count, c.kind.replace('_', " ")));
    }
    if !g.features.is_empty() {
        parts.push(format!("features: {}", g.features.join(", ")));
    }
    parts.join(" · ")
}

fn label(l: &LicenseRow) -> String {
    match &l.key_prefix {
        Some(p) => format!("{p} ({})", l.id),
        None => l.id.clone(),
    }
}

/// `ID` or `ID:QUANTITY`.
fn parse_add_on(s: &str) -> Result<(String, u32), ServerError> {
    match s.split_once(':') {
        None => Ok((s.trim().to_string(), 1)),
        Some((id, q)) => q
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|q| *q > 0)
            .map(|q| (id.trim().to_string(), q))
            .ok_or_else(|| {
                ServerError::Invalid(format!(
                    "“{s}”: the quantity after ':' must be a whole number ≥ 1"
                ))
            }),
    }
}

/// A licence by id, key prefix or whole key.
async fn resolve(conn: &mut AnyConnection, name: &str) -> Result<LicenseRow, ServerError> {
    let name = name.trim();
    if let Ok(key) = instagrowth_license::parse_purchase_key(name) {
        if let Some(l) = licenses::by_key_hash(conn, &key.hash()).await? {
            return Ok(l);
        }
    }
    let upper = name.to_ascii_uppercase();
    if upper.starts_with("IGOS-") && upper.len() == 10 {
        let mut found = licenses::by_prefix(conn, &upper).await?;
        return match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(ServerError::NotFound(format!(
                "no licence has a key starting {upper}"
            ))),
            n => Err(ServerError::Invalid(format!(
                "{n} licences have keys starting {upper}: use the licence id"
            ))),
        };
    }
    licenses::by_id(conn, name).await?.ok_or_else(|| {
        ServerError::NotFound(format!(
            "no licence “{name}” (give its id, key prefix IGOS-XXXXX or key)"
        ))
    })
}

async fn summary(
    conn: &mut AnyConnection,
    l: &LicenseRow,
) -> Result<serde_json::Value, ServerError> {
    let used = machines::count(conn, &l.id).await?;
    let one_time = purchases::active_for_license(conn, &l.id).await?;
    Ok(json!({
        "id": l.id,
        "key_prefix": l.key_prefix,
        "plan": l.plan,
        "status": l.effective_status().as_str(),
        "stripe_status": l.status,
        "hold": l.hold,
        "add_ons": l.add_on_list(),
        "one_time": one_time,
        "email": l.email,
        "stripe_customer_id": l.stripe_customer_id,
        "stripe_subscription_id": l.stripe_subscription_id,
        "current_period_end": l.current_period_end.map(time::rfc3339),
        "cancel_at_period_end": l.cancel_at_period_end != 0,
        "expires_at": licensing::effective_expiry(l, instagrowth_license::DEFAULT_GRACE_DAYS).map(time::rfc3339),
        "machines_used": used,
        "created_at": time::rfc3339(l.created_at),
    }))
}
