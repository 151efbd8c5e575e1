//! The licence enforced where the work happens, so the app and the CLI obey the same rules.
//!
//! - [`require_writable`] — the one read-only check: called first by everything that makes
//!   something new (imports, manual entries, new or restored clients, AI generation, audits,
//!   content drafts, plans, replies added, redrafts). Editing, deleting, archiving, viewing and
//!   exporting never call it: read-only never traps or loses work.
//! - [`require_feature`] — [`require_writable`] plus a plan feature (`audit`, `content`,
//!   `planner`, `replies`…), refused with [`ErrorCode::PlanLimit`] naming a plan that has it.
//! - [`client_limit`] — the active-client limit, applied by `clients::add`/`unarchive` inside
//!   the inserting transaction.
//! - [`limit_message`] — the sentence for one client too many.
//!
//! AI generation checks [`require_writable`] (an error: nothing is asked, nothing charged) and
//! then the `ai` feature (an offline outcome with [`ErrorCode::PlanLimit`], so drafts are still
//! written by the offline engines); its monthly allowance is the licence's
//! `monthly_ai_credits` (see `ai::config`). White label, the trial mark and report credits are
//! applied to the PDFs (see `branding` and `audit`).
use instagrowth_license::{default_catalog, Entitlements, TRIAL_PLAN};

use super::status::{status, LicenseStatus};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// What to do about read-only, said in every refusal.
pub const ACTIVATE_HINT: &str =
    "activate a licence on the Licence page, or `instagrowth license activate KEY`";

/// The entitlements, or [`ErrorCode::LicenseReadOnly`] with why (the status's reason) and what
/// to do. `what` names the refused action ("new imports").
pub async fn require_writable(ws: &Workspace, what: &str) -> ApiResult<Entitlements> {
    let s = status(ws).await?;
    writable(&s, what)?;
    Ok(s.entitlements)
}

pub(crate) fn writable(s: &LicenseStatus, what: &str) -> ApiResult<()> {
    if s.is_usable() {
        return Ok(());
    }
    let why = s
        .reason
        .clone()
        .unwrap_or_else(|| "The licence is read-only.".into());
    let what = capitalised(what);
    Err(ApiError::new(
        ErrorCode::LicenseReadOnly,
        format!("{what}: not possible while the licence is read-only. {why} To keep working, {ACTIVATE_HINT}."),
    ))
}

/// [`require_writable`], then the plan feature `feature`.
pub async fn require_feature(ws: &Workspace, feature: &str, what: &str) -> ApiResult<Entitlements> {
    let s = status(ws).await?;
    writable(&s, what)?;
    feature_allowed(&s, feature, what)?;
    Ok(s.entitlements)
}

pub(crate) fn feature_allowed(s: &LicenseStatus, feature: &str, what: &str) -> ApiResult<()> {
    if s.entitlements.has_feature(feature) {
        return Ok(());
    }
    Err(ApiError::new(
        ErrorCode::PlanLimit,
        feature_message(&s.plan_label, feature, what),
    ))
}

/// "Your Starter plan does not include growth plans; the Pro plan does: upgrade on the Licence page."
pub(crate) fn feature_message(plan_label: &str, feature: &str, what: &str) -> String {
    let with = plan_with(|p| p.features.iter().any(|f| f == feature));
    let upgrade = match with {
        Some(l) => format!("the {l} plan includes them: upgrade on the Licence page"),
        None => "no plan on sale includes them".into(),
    };
    format!("Your {plan_label} plan does not include {what} (`{feature}`); {upgrade}.")
}

/// The first plan on sale (catalogue order, cheapest first; never the trial) that passes `f`.
pub(crate) fn plan_with(f: impl Fn(&instagrowth_license::Plan) -> bool) -> Option<String> {
    default_catalog()
        .plans()
        .iter()
        .filter(|p| p.id != TRIAL_PLAN && !p.prices.is_empty())
        .find(|p| f(p))
        .map(|p| p.label.clone())
}

/// The active-client limit in force (`None` = unlimited) and the plan's name, after the
/// read-only check (`what` as for [`require_writable`]).
pub async fn client_limit(ws: &Workspace, what: &str) -> ApiResult<(Option<i64>, String)> {
    let s = status(ws).await?;
    writable(&s, what)?;
    Ok((
        s.entitlements.max_active_clients.map(i64::from),
        s.plan_label,
    ))
}

/// "Your Starter plan allows 3 active clients; archive one or upgrade (the Pro plan allows 10)."
pub fn limit_message(plan_label: &str, max: i64) -> String {
    let bigger = plan_with(|p| p.max_active_clients.is_none_or(|m| i64::from(m) > max));
    let upgrade = match bigger {
        Some(l) => format!(
            "archive one or activate a bigger plan (the {l} plan allows more) on the Licence page"
        ),
        None => "archive one to make room".into(),
    };
    let clients = if max == 1 { "client" } else { "clients" };
    format!("Your {plan_label} plan allows {max} active {clients}; {upgrade}.")
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The settings key holding the audits unlocked by one-time `audit_report` credits (a JSON list
/// of audit ids).
pub(crate) const REPORT_CREDITS_USED: &str = "license_report_credits_used";

/// Whether audit `audit_id`'s PDF may be made: always with the `pdf_reports` feature; without
/// it, one `audit_report` credit unlocks one audit for good (its PDF can be exported again at no
/// cost), until the credits bought are used up — then [`ErrorCode::PlanLimit`]. Read-only does
/// not matter here: exporting what exists stays open as far as the plan allows.
///
/// The used list is read and written without a lock: two exports of two new audits at the same
/// instant could both take the last credit (one PDF too many at worst; never one too few).
pub(crate) async fn unlock_audit_pdf(ws: &Workspace, audit_id: &str) -> ApiResult<()> {
    use instagrowth_store::queries::settings;
    let s = status(ws).await?;
    if s.entitlements.has_feature("pdf_reports") {
        return Ok(());
    }
    let mut used: Vec<String> = settings::get(ws.store(), REPORT_CREDITS_USED)
        .await?
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default();
    if used.iter().any(|id| id == audit_id) {
        return Ok(());
    }
    let credits = s.entitlements.credits("audit_report") as usize;
    if used.len() >= credits {
        let bought = if credits == 0 {
            "no audit report credits".to_string()
        } else {
            format!("all {credits} audit report credits are used")
        };
        let with = plan_with(|p| p.features.iter().any(|f| f == "pdf_reports"))
            .map_or_else(String::new, |l| format!(" or upgrade to the {l} plan"));
        return Err(ApiError::new(
            ErrorCode::PlanLimit,
            format!(
                "Your {} plan does not include PDF reports and {bought}: buy a one-audit report{with} on the Licence page.",
                s.plan_label
            ),
        ));
    }
    used.push(audit_id.to_string());
    let raw = serde_json::to_string(&used).expect("a list of ids serialises");
    settings::set(ws.store(), REPORT_CREDITS_USED, &raw).await?;
    Ok(())
}
