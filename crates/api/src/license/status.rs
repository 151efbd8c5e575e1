//! Where the licence stands, decided offline: [`status`] reads the stored file, verifies it with
//! the embedded public key, and applies the rules (see the [module docs](super)) through
//! [`evaluate`], a pure function of what is stored and the clock.
use chrono::{DateTime, Duration, Utc};
use instagrowth_license::standing::CLOCK_TOLERANCE_HOURS;
use instagrowth_license::{
    default_catalog, format_time, standing, verify, Entitlements, LicensePayload, ReadOnlyReason,
    Standing, TRIAL_PLAN,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::config::server_url;
use super::machine::this_fingerprint;
use super::stored::{self, Refusal};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// Online, a licence file is checked again once it is this old (see the module docs:
/// a revocation reaches a connected app within a day).
pub const REVALIDATE_AFTER_HOURS: i64 = 24;
/// The trial's length when the catalogue does not say.
pub const DEFAULT_TRIAL_DAYS: u32 = 14;

/// What the app may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LicenseState {
    /// No licence yet: the trial, with the trial plan's limits.
    Trial,
    /// A valid licence.
    Active,
    /// A licence that could not be checked online in time: full use until `read_only_at`.
    Grace,
    /// View and export only: nothing new (trial ended, revoked, offline too long, clock set back…).
    ReadOnly,
}

/// Everything the licence page, the banners and `instagrowth license status` show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LicenseStatus {
    pub state: LicenseState,
    /// A stable code for the situation: `TRIAL`, `TRIAL_ENDED`, `VALID`, `GRACE_PERIOD`,
    /// `CLOCK_TAMPERED`, `LICENSE_TAMPERED`, the read-only reasons of the licence file (`OVERDUE`,
    /// `EXPIRED`, `SUSPENDED`, `REVOKED`, `CANCELED`, `PAST_DUE`, `FINGERPRINT_SCOPE_MISMATCH`),
    /// or the server's refusal code (`REVOKED`, `FINGERPRINT_MISMATCH`, `NOT_FOUND`…).
    pub code: String,
    /// The plan's id (`trial`, `starter`, `pro`…).
    pub plan: String,
    /// The plan's name to show ("Pro").
    pub plan_label: String,
    pub entitlements: Entitlements,
    /// The licence's status at the server when the file was signed (`active`, `past_due`…);
    /// `null` without a licence.
    pub status: Option<String>,
    /// `IGOS-XXXXX`, for support.
    pub key_prefix: Option<String>,
    /// This computer's name at the licence server.
    pub machine_name: Option<String>,
    /// Machines activated on the licence at the server's last answer, this one included (of
    /// `entitlements.seats`); `null` without a licence or when the server did not say.
    pub seats_in_use: Option<u32>,
    pub customer_email: Option<String>,
    /// The licence's own end: the paid period's end (it renews) or a fixed end; `null` = none.
    pub renews_or_expires_at: Option<String>,
    /// When the file must be refreshed online.
    pub refresh_by: Option<String>,
    /// When the app goes read-only unless something happens first: the grace end (or the
    /// licence's end, when sooner), or the trial's end.
    pub read_only_at: Option<String>,
    /// One sentence for a banner: what is happening and what to do; `null` when all is well.
    pub reason: Option<String>,
    /// The trial's end (only while there is no licence).
    pub trial_ends_at: Option<String>,
    /// The licence server in force.
    pub server_url: String,
    /// Refresh online now (in the background) if the network is there.
    pub refresh_due: bool,
    /// The time this was decided at.
    pub checked_at: String,
}

impl LicenseStatus {
    /// Whether the app may create and change things (trial, active, grace).
    pub fn is_usable(&self) -> bool {
        self.state != LicenseState::ReadOnly
    }
}

/// What is stored, as read.
#[derive(Debug, Clone)]
pub(crate) enum Stored {
    /// No licence file.
    None,
    /// A file that does not verify: the reason.
    Damaged(String),
    /// A verified file and this machine's fingerprint.
    Verified {
        payload: Box<LicensePayload>,
        fingerprint: String,
    },
}

/// Everything [`evaluate`] decides from.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    pub now: DateTime<Utc>,
    pub last_seen: Option<DateTime<Utc>>,
    pub trial_started: DateTime<Utc>,
    pub stored: Stored,
    pub refusal: Option<Refusal>,
    pub server_url: String,
}

/// Where the licence stands now, offline ([`status_at`] with the system clock).
pub async fn status(ws: &Workspace) -> ApiResult<LicenseStatus> {
    status_at(ws, Utc::now()).await
}

/// [`status`] with the clock given. Records the check: the trial's start on first use, and the
/// last-seen time (forward only).
pub async fn status_at(ws: &Workspace, now: DateTime<Utc>) -> ApiResult<LicenseStatus> {
    let last_seen = stored::last_seen(ws).await?;
    let trial_started = stored::trial_started(ws, now).await?;
    let stored = match stored_payload(ws).await? {
        None => Stored::None,
        Some(Err(e)) => Stored::Damaged(e.to_string()),
        Some(Ok(payload)) => Stored::Verified {
            payload: Box::new(payload),
            fingerprint: this_fingerprint(ws.license_config()).await?,
        },
    };
    let facts = Facts {
        now,
        last_seen,
        trial_started,
        stored,
        refusal: stored::refusal(ws).await?,
        server_url: server_url(ws).await?,
    };
    let mut status = evaluate(&facts);
    if status.key_prefix.is_some() {
        status.seats_in_use = stored::seats_in_use(ws).await?;
    }
    stored::advance_last_seen(ws, last_seen, now).await?;
    Ok(status)
}

/// The stored licence file's payload, verified with the embedded public key; `None` without a
/// file, [`ErrorCode::LicenseTampered`] for a file that does not verify (edited, damaged, or
/// signed by another key).
pub async fn stored_license(ws: &Workspace) -> ApiResult<Option<LicensePayload>> {
    match stored_payload(ws).await? {
        None => Ok(None),
        Some(Ok(p)) => Ok(Some(p)),
        Some(Err(e)) => Err(tampered(&e)),
    }
}

async fn stored_payload(
    ws: &Workspace,
) -> ApiResult<Option<Result<LicensePayload, instagrowth_license::LicenseError>>> {
    Ok(stored::read_file(ws)
        .await?
        .map(|text| verify(&text, &ws.license_config().public_key)))
}

pub(crate) fn tampered(e: &instagrowth_license::LicenseError) -> ApiError {
    ApiError::new(
        ErrorCode::LicenseTampered,
        format!("{e}; nothing was trusted (refresh or activate again to get a good file)"),
    )
}

/// The rules of the [module docs](super), in their order.
pub(crate) fn evaluate(f: &Facts) -> LicenseStatus {
    match &f.stored {
        Stored::None => trial(f),
        Stored::Damaged(why) => {
            let mut s = base(f, TRIAL_PLAN, trial_entitlements());
            s.plan = "none".into();
            s.plan_label = "No valid licence".into();
            read_only(
                &mut s,
                "LICENSE_TAMPERED",
                format!("The licence file on this computer does not verify ({why}): refresh the licence or activate it again. {KEPT}"),
            );
            s.refresh_due = true;
            s
        }
        Stored::Verified {
            payload,
            fingerprint,
        } => licensed(f, payload, fingerprint),
    }
}

/// What stays true in read-only, said in every read-only banner.
const KEPT: &str = "Everything made so far stays viewable and exportable.";

fn base(f: &Facts, plan: &str, entitlements: Entitlements) -> LicenseStatus {
    LicenseStatus {
        state: LicenseState::Trial,
        code: String::new(),
        plan: plan.to_string(),
        plan_label: plan_label(plan),
        entitlements,
        status: None,
        key_prefix: None,
        machine_name: None,
        seats_in_use: None,
        customer_email: None,
        renews_or_expires_at: None,
        refresh_by: None,
        read_only_at: None,
        reason: None,
        trial_ends_at: None,
        server_url: f.server_url.clone(),
        refresh_due: false,
        checked_at: format_time(f.now),
    }
}

fn read_only(s: &mut LicenseStatus, code: &str, reason: String) {
    s.state = LicenseState::ReadOnly;
    s.code = code.to_string();
    s.reason = Some(reason);
    s.read_only_at = None;
}

fn plan_label(plan: &str) -> String {
    default_catalog()
        .plan(plan)
        .map_or_else(|| plan.to_string(), |p| p.label.clone())
}

/// The trial plan's entitlements (Starter's limits).
pub(crate) fn trial_entitlements() -> Entitlements {
    default_catalog()
        .entitlements(TRIAL_PLAN, &[], &[])
        .expect("the shipped catalogue has the trial plan (checked by its tests)")
}

fn trial_days() -> u32 {
    default_catalog()
        .plan(TRIAL_PLAN)
        .and_then(|p| p.trial_days)
        .unwrap_or(DEFAULT_TRIAL_DAYS)
}

/// A clock more than the tolerance before `t`.
fn set_back(now: DateTime<Utc>, t: Option<DateTime<Utc>>) -> bool {
    t.is_some_and(|t| now < t - Duration::hours(CLOCK_TOLERANCE_HOURS))
}

fn clock_reason(f: &Facts) -> String {
    let seen = f
        .last_seen
        .map_or_else(String::new, |t| format!(" ({})", human(t)));
    format!("The computer's clock is more than {CLOCK_TOLERANCE_HOURS} hours behind the last time InstaGrowth OS ran{seen}: set the date and time right to keep working. {KEPT}")
}

fn trial(f: &Facts) -> LicenseStatus {
    let mut s = base(f, TRIAL_PLAN, trial_entitlements());
    let days = trial_days();
    let ends = f.trial_started + Duration::days(i64::from(days));
    s.trial_ends_at = Some(format_time(ends));
    if set_back(f.now, f.last_seen) || set_back(f.now, Some(f.trial_started)) {
        read_only(&mut s, "CLOCK_TAMPERED", clock_reason(f));
        return s;
    }
    if f.now >= ends {
        read_only(
            &mut s,
            "TRIAL_ENDED",
            format!(
                "The {days}-day trial ended on {}: activate a licence to keep working. {KEPT}",
                human(ends)
            ),
        );
        return s;
    }
    s.state = LicenseState::Trial;
    s.code = "TRIAL".into();
    s.read_only_at = Some(format_time(ends));
    // Whole days, rounded up: "14 days left" on the first day, the last day says so.
    let left = ends - f.now;
    let when = match (left.num_seconds() + 86_399) / 86_400 {
        _ if left < Duration::days(1) => "less than a day left".to_string(),
        1 => "1 day left".to_string(),
        n => format!("{n} days left"),
    };
    s.reason = Some(format!(
        "Trial: {when} (until {}). Activate a licence to keep working after that.",
        human(ends),
    ));
    s
}

fn licensed(f: &Facts, p: &LicensePayload, fingerprint: &str) -> LicenseStatus {
    let mut s = base(f, &p.plan, p.entitlements.clone());
    s.status = Some(p.status.as_str().to_string());
    s.key_prefix = Some(p.key_prefix.clone());
    s.machine_name = Some(p.machine.name.clone());
    s.customer_email = p.customer_email.clone();
    s.renews_or_expires_at = p.expires_at.clone();
    s.refresh_by = Some(p.refresh_by.clone());

    // The server's word is final: a refusal heard at the last refresh stands over the file.
    if let Some(r) = &f.refusal {
        read_only(
            &mut s,
            &r.code,
            format!(
                "The licence server refused this licence{}: {} ({}). {KEPT}",
                when_heard(&r.at),
                r.detail,
                r.code
            ),
        );
        // Ask again once a day, so a reinstated licence comes back by itself.
        s.refresh_due = DateTime::parse_from_rfc3339(&r.at).map_or(true, |at| {
            f.now >= at.with_timezone(&Utc) + Duration::hours(REVALIDATE_AFTER_HOURS)
        });
        return s;
    }

    let issued = p.issued_at().ok();
    let standing = standing(p, f.now, f.last_seen, fingerprint);
    match standing {
        Standing::Valid { refresh_due } => {
            s.state = LicenseState::Active;
            s.code = standing.code().into();
            let grace_end = p.grace_ends_at().ok();
            let end = p.expires_at().ok().flatten();
            s.read_only_at = match (grace_end, end) {
                (Some(g), Some(e)) => Some(format_time(g.min(e))),
                (Some(g), None) => Some(format_time(g)),
                (None, e) => e.map(format_time),
            };
            let stale =
                issued.is_some_and(|t| f.now >= t + Duration::hours(REVALIDATE_AFTER_HOURS));
            s.refresh_due = refresh_due || stale;
        }
        Standing::Grace { read_only_at } => {
            s.state = LicenseState::Grace;
            s.code = standing.code().into();
            s.read_only_at = Some(format_time(read_only_at));
            s.refresh_due = true;
            s.reason = Some(format!(
                "The licence could not be checked online since {}: connect to the internet before {}, or InstaGrowth OS becomes read-only then. {KEPT}",
                p.refresh_by().map(human).unwrap_or_else(|_| p.refresh_by.clone()),
                human(read_only_at)
            ));
        }
        Standing::ReadOnly { reason } => {
            read_only(
                &mut s,
                reason.code(),
                format!("{}. {KEPT}", sentence(reason.message())),
            );
            s.refresh_due = reason != ReadOnlyReason::WrongMachine;
        }
        Standing::ClockTampered => {
            read_only(&mut s, standing.code(), clock_reason(f));
            s.refresh_due = true;
        }
    }
    s
}

fn when_heard(at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| format!(" on {}", human(t.with_timezone(&Utc))))
        .unwrap_or_default()
}

/// "2026-01-22 00:00 UTC".
fn human(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// The first letter in upper case.
fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}
