//! From a licence row to a signed licence file (formats.md §6), and the rules for when a licence
//! may be used at all.
//!
//! # May it be used?
//! In this order: no plan known yet → `LICENSE_PENDING` (the payment's events are still on their
//! way); `suspended` → `SUSPENDED`; `revoked` → `REVOKED`; `expired`, `canceled`, or past its end
//! → `EXPIRED`. `active`, `trialing` and `past_due` are served.
//!
//! # The times in a file
//! - `expires_at`: a fixed end if one was set (issued by hand, one-time licences, `extend`);
//!   otherwise, for a subscription, the paid period's end — plus the grace days when it renews,
//!   so a renewal whose webhook comes late never locks anyone out, and exactly the period end when
//!   it is set to cancel.
//! - `refresh_by`: now + the TTL (14 days). A `past_due` licence gets the moment the payment
//!   first failed instead (when sooner), so the app's offline grace (`grace_days`) is the payment
//!   grace and refreshing does not prolong it.
use axum::http::StatusCode;
use instagrowth_license::{sign, Entitlements, LicensePayload, LicenseStatus, Machine, FORMAT};

use crate::config::ServerConfig;
use crate::error::ApiError;
use crate::queries::licenses::LicenseRow;
use crate::queries::machines::MachineRow;
use crate::time::{rfc3339, DAY};

/// A signed file and what it says.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Issued {
    pub license_file: String,
    pub payload: LicensePayload,
    /// Machines activated on this licence now, this one included (the app's licence page shows
    /// "seats in use"; informational, so outside the signed file).
    pub machines_in_use: i64,
}

/// The licence's end in force (see the module docs), Unix seconds; None = no end.
pub fn effective_expiry(license: &LicenseRow, grace_days: u32) -> Option<i64> {
    if let Some(fixed) = license.expires_at {
        return Some(fixed);
    }
    let period_end = license.current_period_end?;
    license.stripe_subscription_id.as_ref()?;
    if license.cancel_at_period_end != 0 {
        Some(period_end)
    } else {
        Some(period_end + i64::from(grace_days) * DAY)
    }
}

/// Whether the licence may be activated or refreshed now; the error says why not.
pub fn check_usable(license: &LicenseRow, now: i64, grace_days: u32) -> Result<(), ApiError> {
    if license.plan.is_none() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "LICENSE_PENDING",
            "the payment for this key is still being processed: try again in a minute",
        ));
    }
    let forbidden = |code, detail: &str| Err(ApiError::new(StatusCode::FORBIDDEN, code, detail));
    match license.effective_status() {
        LicenseStatus::Suspended => {
            return forbidden("SUSPENDED", "this licence is suspended: contact the vendor");
        }
        LicenseStatus::Revoked => {
            return forbidden(
                "REVOKED",
                "this licence was revoked and cannot be used again",
            );
        }
        LicenseStatus::Expired => return forbidden("EXPIRED", "this licence has expired"),
        LicenseStatus::Canceled => {
            return forbidden(
                "EXPIRED",
                "the subscription behind this licence was canceled: subscribe again to go on",
            );
        }
        LicenseStatus::Active | LicenseStatus::Trialing | LicenseStatus::PastDue => {}
    }
    match effective_expiry(license, grace_days) {
        Some(end) if end <= now => forbidden(
            "EXPIRED",
            &format!("this licence expired on {}", rfc3339(end)),
        ),
        _ => Ok(()),
    }
}

/// What the licence grants: its plan and add-ons from the catalogue, plus one-time credits.
pub fn entitlements(
    config: &ServerConfig,
    license: &LicenseRow,
    one_time: &[(String, u32)],
) -> Result<Entitlements, ApiError> {
    let plan = license.plan.as_deref().unwrap_or_default();
    config
        .catalog
        .entitlements(plan, &license.add_on_list(), one_time)
        .map_err(|e| {
            tracing::error!(license = %license.id, "catalogue does not match the licence: {e}");
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "CATALOG_MISMATCH",
                format!("the licence cannot be issued: {e}; the vendor must fix the catalogue"),
            )
        })
}

/// Signs a file for `machine`, issued `now`.
pub fn issue(
    config: &ServerConfig,
    license: &LicenseRow,
    machine: &MachineRow,
    one_time: &[(String, u32)],
    machines_in_use: i64,
    now: i64,
) -> Result<Issued, ApiError> {
    let status = license.effective_status();
    let mut refresh_by = now + i64::from(config.ttl_days) * DAY;
    if status == LicenseStatus::PastDue {
        refresh_by = refresh_by.min(license.past_due_since.unwrap_or(now));
    }
    let payload = LicensePayload {
        format: FORMAT,
        license_id: license.id.clone(),
        key_prefix: license.key_prefix.clone().unwrap_or_default(),
        plan: license.plan.clone().unwrap_or_default(),
        status,
        entitlements: entitlements(config, license, one_time)?,
        customer_email: license.email.clone(),
        machine: Machine {
            fingerprint: machine.fingerprint.clone(),
            name: machine.name.clone(),
            platform: machine.platform.clone(),
        },
        issued_at: rfc3339(now),
        expires_at: effective_expiry(license, config.grace_days).map(rfc3339),
        refresh_by: rfc3339(refresh_by),
        grace_days: config.grace_days,
    };
    Ok(Issued {
        license_file: sign(&payload, &config.signing_key),
        payload,
        machines_in_use,
    })
}
