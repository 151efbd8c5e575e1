//! The licence in the app: the trial, activation with a purchase key, the offline licence file,
//! refresh, grace and read-only, deactivation and the billing portal. The rules of the file
//! itself (signature, payload, standing) are `instagrowth-license`'s; this module applies them to
//! a workspace. The app and the CLI (`instagrowth license …`) call the same functions.
//!
//! # Where things are
//! - [`config`] — the licence server's address (build, setting, environment), the embedded
//!   public key, the fingerprint key; [`LicenseConfig`] is per [`Workspace`].
//! - [`key_store`] — the purchase key in the OS keychain, and nowhere else.
//! - `machine` — this computer's fingerprint (HMAC of the OS machine id), name and platform.
//! - `stored` — the licence file (`license.lic` in the data folder) and the settings kept beside
//!   it: `license_last_seen`, `trial_started_at`, `license_refusal`.
//! - `client` — the licence server's HTTP API and what its answers mean.
//! - `activation` — [`activate`], [`refresh`], [`deactivate`], [`portal_url`].
//! - `background` — [`refresh_if_due`]: what the app runs at start and hourly.
//! - `key_check` — [`check_key`] (the key checked as it is typed) and [`key_from_link`]
//!   (`instagrowth://activate?key=…` from the purchase e-mail).
//! - `status` — [`status`]: where the licence stands, decided offline.
//!
//! # The rules [`status`] applies (no network)
//! 1. **No licence file: the trial.** 14 days (the catalogue's `trial` plan) with its limits —
//!    Starter's — counted from `trial_started_at`, written on first use and never reset by
//!    removing the licence file or deactivating. From its last instant on: read-only,
//!    `TRIAL_ENDED`.
//! 2. **A file that does not verify** under the embedded public key (edited, damaged, signed by
//!    another key): trusted in nothing; read-only, `LICENSE_TAMPERED`, until a refresh or a new
//!    activation brings a good one ([`stored_license`] says [`crate::ErrorCode::LicenseTampered`]).
//! 3. **A refusal heard at the last refresh** (revoked, suspended, expired, machine deactivated
//!    elsewhere, key unknown): read-only with the server's reason, **even while the stored file
//!    is within its TTL**. The file only says what the server said when it signed it; once the
//!    server has said no, an older yes cannot outvote it. Only a successful refresh or activation
//!    clears the refusal (and a reinstated licence comes back at the next refresh, which is due
//!    daily while refused).
//! 4. **Otherwise the file's standing** (`instagrowth_license::standing`): another machine's
//!    file, a server status that is not usable, a clock set back more than 2 hours before the
//!    last time seen (or before the file's `issued_at`) — `CLOCK_TAMPERED` —, the licence's end,
//!    or past the grace: read-only. Past `refresh_by` but within the 7 days of grace: `grace`,
//!    full use, with a banner saying when it becomes read-only. Else `active`.
//! 5. **Refresh is due** ([`LicenseStatus::refresh_due`]) within 3 days of `refresh_by`, and also
//!    once the file is a day old ([`REVALIDATE_AFTER_HOURS`]): online, a revocation reaches the
//!    app within a day; offline it cannot reach it at all, and the file's TTL (14 days) plus
//!    grace (7) bound how long an unreachable app keeps working.
//!
//! Every check moves `license_last_seen` forward to now (never back), so setting the clock back
//! and forth cannot win time. A file from the server moves it forward to the file's signed
//! `issued_at` at most — never back, whichever server answered — and a refresh or activation
//! refuses a file issued before the stored one ([`crate::ErrorCode::LicenseOutdated`]: nothing
//! stored, a standing refusal kept), so a saved file served again from a loopback "licence
//! server" neither clears a revocation nor rewinds the clock check. The price: a clock once set
//! far ahead keeps the licence read-only (`CLOCK_TAMPERED`) until the real time comes within 2
//! hours of the last time seen.
//!
//! Read-only never hides anything: viewing, editing, deleting, archiving and exporting stay open;
//! only making something new stops — imports, new or restored clients, AI generation, audits,
//! content drafts, plans, replies added, redrafts — each refused by [`require_writable`] with
//! [`crate::ErrorCode::LicenseReadOnly`], the reason and what to do.
//!
//! # The entitlements enforced (`enforce`, and where)
//! - active clients: `clients::add`/`unarchive`, counted in the inserting transaction
//!   ([`crate::ErrorCode::PlanLimit`]; archiving frees a place);
//! - features: `audit` (new audits), `content` (drafts), `planner` (new plans), `replies`
//!   (adding to the queue, redrafts), `ai` (AI generation: without it features draft offline
//!   with a `PlanLimit` note); exports of existing data are never gated;
//! - monthly AI credits: the AI ledger's allowance is the licence's `monthly_ai_credits`, and
//!   the `ai allowance` setting can only lower it (`ai::config`);
//! - white label: the PDFs hide the InstaGrowth mark only with `white_label`; asking for it
//!   without is refused with `PlanLimit` by `branding::set` (`branding`);
//! - the trial: audit, plan and content PDFs carry a faint "TRIAL" watermark on every page;
//! - report credits: without `pdf_reports`, each `audit_report` credit unlocks one audit PDF
//!   (an audit once unlocked exports again for free; `audit::pdf_bytes`).
//!
//! What a determined owner of the machine can still do: delete the workspace's settings
//! (resetting the trial and the last-seen time, as a new workspace would); the signed file's
//! `issued_at` still bounds a clock set back against a licence.
pub mod config;
pub mod key_store;

mod activation;
mod background;
mod client;
mod enforce;
mod key_check;
mod machine;
mod status;
mod stored;

pub(crate) use enforce::REPORT_CREDITS_USED;
pub(crate) use stored::{LAST_SEEN, REFUSAL, SEATS_IN_USE, TRIAL_STARTED};

pub use activation::{activate, deactivate, parse_key, portal_url, refresh};
pub use background::{refresh_if_due, refresh_if_due_at, BackgroundCheck, CHECK_EVERY_SECS};
pub use config::{server_url, set_server_url, LicenseConfig};
pub use enforce::{client_limit, limit_message, require_feature, require_writable, ACTIVATE_HINT};
pub(crate) use enforce::{
    feature_allowed as enforce_feature, plan_with, unlock_audit_pdf, writable as enforce_writable,
};
pub use key_check::{check_key, key_from_link, KeyProgress, KeyProgressState, LINK_SCHEME};
pub use key_store::{KeyStore, OsKeychain};
pub use machine::{default_name as default_machine_name, MAX_NAME_CHARS};
pub use status::{
    status, status_at, stored_license, LicenseState, LicenseStatus, REVALIDATE_AFTER_HOURS,
};
pub use stored::FILE_NAME;

pub use instagrowth_license::{Credit, Entitlements};

use crate::error::ApiResult;
use crate::Workspace;

/// What the licence allows now, and whether the app is read-only: what imports, new clients, AI
/// generation and exports check before they run.
pub async fn current_entitlements(ws: &Workspace) -> ApiResult<(Entitlements, bool)> {
    let s = status(ws).await?;
    let read_only = !s.is_usable();
    Ok((s.entitlements, read_only))
}

#[cfg(test)]
mod tests;
