//! The app's three calls, each with the purchase key (rate-limited per key, see
//! [`crate::rate_limit`]; logged only by its prefix):
//! - `POST /v1/licenses/activate {key, fingerprint, machine_name, platform, app_version}` →
//!   `{license_file, payload}`. One seat per machine: activating a machine that is already
//!   activated refreshes it without a second seat; a new one past the seats is
//!   `TOO_MANY_MACHINES`. The seat count runs under the licence's lock, so concurrent activations
//!   never exceed the seats.
//! - `POST /v1/licenses/validate {key, fingerprint}` → a fresh file for an activated machine
//!   (`FINGERPRINT_MISMATCH` for one that is not), or the licence's status error.
//! - `POST /v1/licenses/deactivate {key, fingerprint}` → frees the seat (allowed whatever the
//!   licence's status).
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{field, fingerprint, parse_key, ApiJson};
use crate::error::ApiError;
use crate::licensing::{self, Issued};
use crate::queries::licenses::{self, LicenseRow};
use crate::queries::machines::{self, MachineRow};
use crate::queries::purchases;
use crate::server::AppState;
use crate::time;

#[derive(Debug, Deserialize)]
pub struct ActivateRequest {
    pub key: String,
    pub fingerprint: String,
    pub machine_name: String,
    pub platform: String,
    pub app_version: String,
}

#[derive(Debug, Deserialize)]
pub struct MachineRequest {
    pub key: String,
    pub fingerprint: String,
}

/// The licence of a key, or `NOT_FOUND`; counts the request against the key's rate limit.
async fn license_of(state: &AppState, key_text: &str) -> Result<(LicenseRow, String), ApiError> {
    let key = parse_key(key_text)?;
    let hash = key.hash();
    state.limiters.check_key(&hash)?;
    let mut conn = state.db.pool().acquire().await?;
    let license = licenses::by_key_hash(&mut conn, &hash)
        .await?
        .ok_or_else(|| {
            ApiError::not_found("no licence has this key: check it against the e-mail")
        })?;
    Ok((license, key.prefix()))
}

pub async fn activate(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<ActivateRequest>,
) -> Result<Json<Issued>, ApiError> {
    let fp = fingerprint(&req.fingerprint)?.to_string();
    let name = field("machine_name", &req.machine_name, 200)?.to_string();
    let platform = field("platform", &req.platform, 32)?.to_string();
    let app_version = field("app_version", &req.app_version, 64)?.to_string();
    let (found, prefix) = license_of(&state, &req.key).await?;
    let now = time::now();

    let mut tx = state.db.begin().await?;
    // The lock comes first: on SQLite a transaction that read before writing could not take the
    // write lock later; on PostgreSQL it holds off concurrent activations of this licence.
    licenses::lock(&mut tx, &found.id).await?;
    let license = licenses::by_id(&mut tx, &found.id)
        .await?
        .ok_or_else(|| ApiError::not_found("the licence was deleted"))?;
    licensing::check_usable(&license, now, state.config.grace_days)?;
    let one_time = purchases::active_for_license(&mut tx, &license.id).await?;
    let entitlements = licensing::entitlements(&state.config, &license, &one_time)?;
    let machine = match machines::find(&mut tx, &license.id, &fp).await? {
        Some(m) => {
            machines::touch(
                &mut tx,
                &m.id,
                Some(&name),
                Some(&platform),
                Some(&app_version),
                now,
            )
            .await?;
            MachineRow {
                name,
                platform,
                app_version,
                last_validated_at: now,
                ..m
            }
        }
        None => {
            let used = machines::count(&mut tx, &license.id).await?;
            if used >= i64::from(entitlements.seats) {
                tracing::info!(key = prefix, used, "activation refused: no free seat");
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "TOO_MANY_MACHINES",
                    format!(
                        "all {} seats of this licence are in use: deactivate a machine first",
                        entitlements.seats
                    ),
                ));
            }
            let m = MachineRow {
                id: uuid::Uuid::new_v4().to_string(),
                license_id: license.id.clone(),
                fingerprint: fp,
                name,
                platform,
                app_version,
                activated_at: now,
                last_validated_at: now,
            };
            machines::insert(&mut tx, &m).await?;
            m
        }
    };
    let in_use = machines::count(&mut tx, &license.id).await?;
    tx.commit().await?;
    tracing::info!(key = prefix, machine = machine.id, "activated");
    Ok(Json(licensing::issue(
        &state.config,
        &license,
        &machine,
        &one_time,
        in_use,
        now,
    )?))
}

pub async fn validate(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<MachineRequest>,
) -> Result<Json<Issued>, ApiError> {
    let fp = fingerprint(&req.fingerprint)?.to_string();
    let (license, prefix) = license_of(&state, &req.key).await?;
    let now = time::now();
    let mut conn = state.db.pool().acquire().await?;
    let machine = machines::find(&mut conn, &license.id, &fp)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::FORBIDDEN,
                "FINGERPRINT_MISMATCH",
                "this machine is not activated on this key: activate it first",
            )
        })?;
    licensing::check_usable(&license, now, state.config.grace_days)?;
    machines::touch(&mut conn, &machine.id, None, None, None, now).await?;
    let one_time = purchases::active_for_license(&mut conn, &license.id).await?;
    let in_use = machines::count(&mut conn, &license.id).await?;
    tracing::info!(key = prefix, machine = machine.id, "validated");
    Ok(Json(licensing::issue(
        &state.config,
        &license,
        &machine,
        &one_time,
        in_use,
        now,
    )?))
}

pub async fn deactivate(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<MachineRequest>,
) -> Result<Json<Value>, ApiError> {
    let fp = fingerprint(&req.fingerprint)?.to_string();
    let (license, prefix) = license_of(&state, &req.key).await?;
    let mut conn = state.db.pool().acquire().await?;
    if !machines::delete(&mut conn, &license.id, &fp).await? {
        return Err(ApiError::not_found(
            "this machine is not activated on this key",
        ));
    }
    let used = machines::count(&mut conn, &license.id).await?;
    tracing::info!(key = prefix, "deactivated");
    Ok(Json(json!({ "deactivated": true, "machines": used })))
}
