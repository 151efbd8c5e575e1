//! Calling the provider for a feature: checks the allowance, reads the key, records every call
//! in the ledger, and turns "no provider", "unreachable" and "no credits" into a typed
//! [`AiOutcome::Offline`] so the feature writes its offline draft instead.
use instagrowth_ai::{
    Answer, CancellationToken, ConnectionTest, Generated, Progress, Prompt, Provider,
    ProviderSettings,
};
use instagrowth_store::queries::ai_usage;
use serde::Serialize;
use ts_rs::TS;

use super::config::{allowance_for, credit_month, provider};
use super::{key, ledger};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// What a feature gets back: the model's typed answer, or the reason to draft offline.
#[derive(Debug)]
pub enum AiOutcome<T> {
    Generated(Generated<T>),
    /// Draft offline: no provider, the provider unreachable, or the month's credits spent.
    Offline {
        code: ErrorCode,
        reason: String,
    },
}

/// Progress of a generation as the UI receives it over a channel.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AiEvent {
    /// The provider asked to wait (429) or failed (5xx); retrying after `wait_ms`.
    Retrying {
        attempt: u32,
        #[ts(type = "number")]
        wait_ms: u64,
        reason: String,
    },
    /// Text received so far.
    Text { chars: u32, tokens: u32 },
    /// A finished item of the answer (shape depends on the feature).
    Item {
        field: String,
        index: u32,
        #[ts(type = "unknown")]
        value: serde_json::Value,
    },
    /// The answer was unusable; the model is asked once to fix it.
    Repairing { reason: String },
}

impl From<Progress> for AiEvent {
    fn from(p: Progress) -> Self {
        match p {
            Progress::Retrying(n) => AiEvent::Retrying {
                attempt: n.attempt,
                wait_ms: n.wait.as_millis() as u64,
                reason: n.reason,
            },
            Progress::Text { chars, tokens } => AiEvent::Text {
                chars: chars as u32,
                tokens,
            },
            Progress::Item(i) => AiEvent::Item {
                field: i.field,
                index: i.index as u32,
                value: i.value,
            },
            Progress::Repairing { reason } => AiEvent::Repairing { reason },
        }
    }
}

/// A provider for `settings` with the stored key; refuses when a needed key is missing.
async fn ready(ws: &Workspace, settings: &ProviderSettings) -> ApiResult<Provider> {
    let key = key::read(ws, settings.preset).await?;
    if key.is_none() && settings.preset.needs_key() {
        return Err(ApiError::new(
            ErrorCode::AiMissingKey,
            format!("{} needs an API key: add it in Settings → AI provider (or `instagrowth ai set-key`)", settings.preset.label()),
        ));
    }
    Ok(Provider::new(settings.clone(), key))
}

/// Asks the provider for a `T` for `feature` (and `client_id`, for the ledger). One credit is
/// used when — and only when — a validated answer comes back.
pub async fn generate<T: Answer>(
    ws: &Workspace,
    client_id: Option<&str>,
    feature: &str,
    prompt: &Prompt,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<AiOutcome<T>> {
    // The licence first: read-only refuses before anything is asked or charged; a plan without
    // `ai` drafts offline (the features' offline engines) with the reason.
    let license = crate::license::status(ws).await?;
    crate::license::enforce_writable(&license, "AI generation")?;
    if let Err(e) = crate::license::enforce_feature(&license, "ai", "AI generation") {
        return Ok(AiOutcome::Offline {
            code: e.code,
            reason: e.message,
        });
    }
    let Some(settings) = provider(ws).await? else {
        return Ok(AiOutcome::Offline {
            code: ErrorCode::AiNotConfigured,
            reason: instagrowth_ai::AiError::NotConfigured.to_string(),
        });
    };
    let (month, renews) = credit_month(chrono::Utc::now());
    let used = ai_usage::credits_used(ws.store(), &month).await?;
    let allowance = allowance_for(ws, &license.entitlements).await?;
    if used >= allowance {
        let e = instagrowth_ai::AiError::CreditsSpent {
            used,
            allowance,
            renews,
        };
        return Ok(AiOutcome::Offline {
            code: ErrorCode::AiCreditsSpent,
            reason: e.to_string(),
        });
    }
    let provider = ready(ws, &settings).await?;
    let result = provider
        .generate::<T>(prompt, cancel, &|p| progress(p.into()))
        .await;
    match result {
        Ok(generated) => {
            ledger::record(ws, client_id, feature, &settings, &generated.call, "ok", 1).await?;
            Ok(AiOutcome::Generated(generated))
        }
        Err(failed) => {
            let code = failed.error.code();
            ledger::record(ws, client_id, feature, &settings, &failed.call, code, 0).await?;
            if failed.error.means_offline() {
                let e: ApiError = failed.error.into();
                Ok(AiOutcome::Offline {
                    code: e.code,
                    reason: e.message,
                })
            } else {
                Err(failed.error.into())
            }
        }
    }
}

/// "Test connection": one small call with the saved settings; recorded, never charged.
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn test_connection(ws: &Workspace) -> ApiResult<ConnectionTest> {
    let Some(settings) = provider(ws).await? else {
        return Err(instagrowth_ai::AiError::NotConfigured.into());
    };
    let provider = ready(ws, &settings).await?;
    match provider.test_connection().await {
        Ok(test) => {
            let call = instagrowth_ai::Call {
                model: test.model.clone(),
                usage: test.usage,
                attempts: 1,
                latency: std::time::Duration::from_millis(test.latency_ms),
            };
            ledger::record(ws, None, "connection_test", &settings, &call, "ok", 0).await?;
            Ok(test)
        }
        Err(failed) => {
            ledger::record(
                ws,
                None,
                "connection_test",
                &settings,
                &failed.call,
                failed.error.code(),
                0,
            )
            .await?;
            Err(failed.error.into())
        }
    }
}

/// The models `settings` offers (it need not be saved yet), with the key stored for its preset.
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn list_models(ws: &Workspace, settings: &ProviderSettings) -> ApiResult<Vec<String>> {
    let settings = settings.clone().validated_for_listing()?;
    let key = key::read(ws, settings.preset).await?;
    Ok(Provider::new(settings, key).list_models().await?)
}
