//! The online steps: activate this computer with a purchase key, refresh the licence file,
//! deactivate (free the seat), and open the billing portal. Each talks to the licence server
//! ([`super::client`]); nothing the server sends is stored before it verifies under the embedded
//! public key, names this machine and this key, and was issued no earlier than the file already
//! stored ([`ErrorCode::LicenseOutdated`] otherwise: a saved file served again — by a loopback
//! "server", say — is not a renewal). Whichever server answers, the last-seen time only moves
//! forward.
use chrono::Utc;
use instagrowth_license::{parse_purchase_key, verify, LicensePayload, PurchaseKey};
use serde_json::json;

use super::client::{self, Failure, Issued, Portal};
use super::config::server_url;
use super::key_store::{account, with_store};
use super::machine::{self, this_fingerprint};
use super::status::{status, stored_license, tampered, LicenseStatus};
use super::stored::{self, Refusal};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// Reads a purchase key as typed; [`ErrorCode::LicenseInvalidKey`] says what is wrong with it
/// (before any request is made).
pub fn parse_key(input: &str) -> ApiResult<PurchaseKey> {
    parse_purchase_key(input)
        .map_err(|e| ApiError::new(ErrorCode::LicenseInvalidKey, e.to_string()).with_field("key"))
}

/// Activates this computer with `key` and names it `machine_name` (default: the host name).
///
/// In order, stopping at the first failure with nothing stored: the key is checked (typos are
/// caught here, before any request); the keychain is tried (no keychain, no activation: the key
/// could not be kept); the licence server activates the machine (one seat; activating the same
/// machine again reuses its seat); its file must verify and name this machine and this key;
/// the key goes to the keychain, then the file to the data folder. A key already stored is
/// replaced (its seat stays taken until deactivated).
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn activate(
    ws: &Workspace,
    key: &str,
    machine_name: Option<&str>,
) -> ApiResult<LicenseStatus> {
    let key = parse_key(key)?;
    let name = machine::name(machine_name)?;
    stored::require_folder(ws)?;
    let server = server_url(ws).await?;
    let fingerprint = this_fingerprint(ws.license_config()).await?;
    let account = account(ws).await?;
    // The keychain first: activating a seat whose key could not be kept helps nobody.
    {
        let account = account.clone();
        with_store(ws, move |s| s.get(&account).map(|_| ())).await?;
    }
    let body = json!({
        "key": key.as_str(),
        "fingerprint": fingerprint,
        "machine_name": name,
        "platform": machine::platform(),
        "app_version": env!("CARGO_PKG_VERSION"),
    });
    let issued: Issued = client::post(&server, "/v1/licenses/activate", &body)
        .await?
        .map_err(|f| f.into_error(&server))?;
    let payload = check_issued(ws, &issued, &key, &fingerprint)?;
    refuse_older(ws, &payload, &server).await?;

    let secret = key.as_str().to_string();
    {
        let account = account.clone();
        with_store(ws, move |s| s.set(&account, &secret)).await?;
    }
    if let Err(e) = stored::write_file(ws, &issued.license_file).await {
        let _ = with_store(ws, move |s| s.delete(&account)).await;
        return Err(e);
    }
    accepted(ws, &payload, issued.machines_in_use).await?;
    tracing::info!(key = %key.prefix(), plan = %payload.plan, "licence activated");
    status(ws).await
}

/// Fetches a fresh licence file for this machine (`validate`). A final refusal (revoked,
/// suspended, expired, machine no longer activated, key unknown) stores nothing new, is recorded
/// — so the licence is read-only from now on, whatever the stored file says — and returns
/// [`ErrorCode::LicenseRefused`]. Without an answer the stored file stands (its grace applies)
/// and [`ErrorCode::LicenseServerUnreachable`] is returned.
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn refresh(ws: &Workspace) -> ApiResult<LicenseStatus> {
    stored::require_folder(ws)?;
    let key = stored_key(ws).await?;
    let server = server_url(ws).await?;
    let fingerprint = this_fingerprint(ws.license_config()).await?;
    let body = json!({ "key": key.as_str(), "fingerprint": fingerprint });
    let issued: Issued = match client::post(&server, "/v1/licenses/validate", &body).await? {
        Ok(issued) => issued,
        Err(failure) if failure.is_final() => {
            if let Failure::Refused { code, detail, .. } = &failure {
                tracing::warn!(key = %key.prefix(), code, "the licence server refused the licence");
                let refusal = Refusal {
                    code: code.clone(),
                    detail: detail.clone(),
                    at: instagrowth_license::format_time(Utc::now()),
                };
                stored::record_refusal(ws, &refusal).await?;
            }
            let mut e = failure.into_error(&server);
            e.message.push_str(
                ": the licence is read-only now; everything made so far stays viewable and exportable",
            );
            return Err(e);
        }
        Err(failure) => return Err(failure.into_error(&server)),
    };
    let payload = check_issued(ws, &issued, &key, &fingerprint)?;
    refuse_older(ws, &payload, &server).await?;
    stored::write_file(ws, &issued.license_file).await?;
    accepted(ws, &payload, issued.machines_in_use).await?;
    tracing::info!(key = %key.prefix(), "licence refreshed");
    status(ws).await
}

/// Frees this computer's seat at the licence server, then removes the licence file and the key.
/// Without an answer nothing changes (the seat stays taken: try again online). A server that
/// no longer knows this machine (`404`) counts as done.
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn deactivate(ws: &Workspace) -> ApiResult<LicenseStatus> {
    let key = stored_key(ws).await?;
    let server = server_url(ws).await?;
    let fingerprint = this_fingerprint(ws.license_config()).await?;
    let body = json!({ "key": key.as_str(), "fingerprint": fingerprint });
    match client::post::<serde_json::Value>(&server, "/v1/licenses/deactivate", &body).await? {
        Ok(_) => {}
        Err(Failure::Refused { status: 404, .. }) => {
            tracing::info!("the licence server no longer knows this machine: removing it here");
        }
        Err(failure) => {
            let mut e = failure.into_error(&server);
            e.message
                .push_str(": this computer stays activated (its seat is still taken)");
            return Err(e);
        }
    }
    stored::remove_file(ws).await?;
    stored::clear_refusal(ws).await?;
    stored::set_seats_in_use(ws, None).await?;
    let account = account(ws).await?;
    with_store(ws, move |s| s.delete(&account))
        .await
        .map_err(|e| {
            ApiError::new(
                e.code,
                format!(
                    "the seat was freed and the licence file removed, but the key could not be removed from the keychain: {}",
                    e.message
                ),
            )
        })?;
    tracing::info!(key = %key.prefix(), "machine deactivated");
    status(ws).await
}

/// A short-lived link to the billing portal (manage the subscription, invoices, payment method)
/// for the stored key's customer; open it in the browser.
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn portal_url(ws: &Workspace) -> ApiResult<String> {
    let key = stored_key(ws).await?;
    let server = server_url(ws).await?;
    let portal: Portal = client::post(&server, "/v1/portal", &json!({ "key": key.as_str() }))
        .await?
        .map_err(|f| f.into_error(&server))?;
    let url = reqwest::Url::parse(&portal.url).map_err(|_| {
        ApiError::new(
            ErrorCode::LicenseServerUnreachable,
            "the licence server sent a billing link that is not a web address",
        )
    })?;
    if !matches!(url.scheme(), "https" | "http") {
        return Err(ApiError::new(
            ErrorCode::LicenseServerUnreachable,
            "the licence server sent a billing link that is not a web address",
        ));
    }
    Ok(portal.url)
}

/// The purchase key in the keychain, or [`ErrorCode::LicenseNotActivated`].
async fn stored_key(ws: &Workspace) -> ApiResult<PurchaseKey> {
    let account = account(ws).await?;
    let text = with_store(ws, move |s| s.get(&account)).await?;
    let Some(text) = text else {
        return Err(ApiError::new(
            ErrorCode::LicenseNotActivated,
            "no licence is activated on this computer: activate one with its purchase key",
        ));
    };
    parse_purchase_key(&text).map_err(|_| {
        ApiError::new(
            ErrorCode::LicenseNotActivated,
            "the key in the keychain is not a purchase key: activate again with the key from the e-mail",
        )
    })
}

/// The server's file, verified, for this machine and this key; else nothing is stored.
fn check_issued(
    ws: &Workspace,
    issued: &Issued,
    key: &PurchaseKey,
    fingerprint: &str,
) -> ApiResult<LicensePayload> {
    let payload =
        verify(&issued.license_file, &ws.license_config().public_key).map_err(|e| tampered(&e))?;
    if payload.machine.fingerprint != fingerprint {
        return Err(ApiError::new(
            ErrorCode::LicenseTampered,
            "the licence server sent a licence for another computer; nothing was stored",
        ));
    }
    if payload.key_prefix != key.prefix() {
        return Err(ApiError::new(
            ErrorCode::LicenseTampered,
            "the licence server sent a licence for another key; nothing was stored",
        ));
    }
    Ok(payload)
}

/// Refuses a file issued before the one stored (one that verifies; a damaged file is replaced by
/// any good one): nothing is stored, and a refusal heard earlier stands. Once the server has
/// refused the licence, only a file issued **after** the stored one clears that: the stored file
/// itself, saved and served again, is no answer from the server (a genuine re-issue after a
/// reinstatement is signed later than the file it replaces).
async fn refuse_older(ws: &Workspace, payload: &LicensePayload, server: &str) -> ApiResult<()> {
    let Ok(Some(current)) = stored_license(ws).await else {
        return Ok(());
    };
    let (Ok(new), Ok(old)) = (payload.issued_at(), current.issued_at()) else {
        return Ok(());
    };
    let refused = stored::refusal(ws).await?.is_some();
    if new < old || (refused && new == old) {
        tracing::warn!(%new, %old, server, "a licence file older than the stored one was refused");
        return Err(ApiError::new(
            ErrorCode::LicenseOutdated,
            format!(
                "the licence server ({server}) sent a licence file issued {} — {} the one this computer has ({}): an old file served again is not a renewal; nothing was stored",
                instagrowth_license::format_time(new),
                if new < old { "before" } else { "no later than" },
                instagrowth_license::format_time(old)
            ),
        ));
    }
    Ok(())
}

/// After a verified file was stored: the server's word replaces any earlier refusal, and the
/// last-seen time moves forward to its signed time (never back: see [`stored::advance_last_seen`]).
async fn accepted(
    ws: &Workspace,
    payload: &LicensePayload,
    machines_in_use: Option<u32>,
) -> ApiResult<()> {
    stored::clear_refusal(ws).await?;
    stored::set_seats_in_use(ws, machines_in_use).await?;
    if let Ok(issued_at) = payload.issued_at() {
        stored::advance_last_seen(ws, None, issued_at).await?;
    }
    Ok(())
}
