//! Which provider the workspace uses (stored in the workspace's settings table, shared by the app
//! and the CLI) and the monthly AI-credit allowance.
use instagrowth_ai::{Preset, ProviderSettings};
use instagrowth_store::queries::{ai_usage, settings};
use serde::Serialize;
use ts_rs::TS;

use super::key;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

const PROVIDER: &str = "ai.provider";
const MONTHLY_CREDITS: &str = "ai.monthly_credits";

/// The most a workspace's own allowance may be set to (the licence's monthly AI credits cap it
/// further). Without an own allowance, the licence's credits are the allowance.
pub const DEFAULT_MONTHLY_CREDITS: i64 = 500;

/// A preset as the settings page offers it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PresetInfo {
    pub preset: Preset,
    pub label: String,
    pub base_url: String,
    pub default_model: String,
    pub needs_key: bool,
    pub local: bool,
}

/// Whether a key is stored for the current provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum KeyState {
    /// In the OS keychain; `hint` shows its start and last four characters.
    Stored { hint: String },
    /// The provider needs one and none is stored.
    Missing,
    /// The provider works without a key (none stored).
    NotNeeded,
}

/// Everything the settings page and `instagrowth ai status` show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AiStatus {
    /// `null` when no provider is set up (drafts are offline).
    pub provider: Option<ProviderSettings>,
    pub provider_label: Option<String>,
    pub key: KeyState,
    /// The provider runs on this machine or the local network: client data stays here.
    pub local: bool,
    /// `YYYY-MM` (UTC) of the credit month.
    pub month: String,
    #[ts(type = "number")]
    pub credits_used: i64,
    /// The allowance in force: the licence's monthly AI credits, or the workspace's own lower
    /// allowance (`set_allowance`).
    #[ts(type = "number")]
    pub credits_allowance: i64,
    /// The licence's monthly AI credits: the most the allowance can be.
    #[ts(type = "number")]
    pub credits_licensed: i64,
    /// The first day of the next credit month, `YYYY-MM-DD`.
    pub credits_renew_on: String,
    /// Why AI drafting is off right now (no provider, no key, no credits); `null` when ready.
    pub offline_reason: Option<String>,
}

pub fn presets() -> Vec<PresetInfo> {
    Preset::ALL
        .into_iter()
        .map(|p| PresetInfo {
            preset: p,
            label: p.label().into(),
            base_url: p.base_url().into(),
            default_model: p.default_model().into(),
            needs_key: p.needs_key(),
            local: p.is_local(),
        })
        .collect()
}

/// The stored provider, if any.
pub(crate) async fn provider(ws: &Workspace) -> ApiResult<Option<ProviderSettings>> {
    let raw = settings::get(ws.store(), PROVIDER)
        .await?
        .unwrap_or_default();
    if raw.is_empty() {
        return Ok(None);
    }
    serde_json::from_str(&raw).map(Some).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("the stored AI provider settings cannot be read ({e}); set the provider again"),
        )
    })
}

/// Saves the provider after checking it.
#[tracing::instrument(skip_all, fields(preset = ?settings.preset), err(level = "info", Debug))]
pub async fn configure(ws: &Workspace, settings: ProviderSettings) -> ApiResult<AiStatus> {
    let settings = settings.validated()?;
    let json = serde_json::to_string(&settings).expect("settings serialize");
    settings::set(ws.store(), PROVIDER, &json).await?;
    status(ws).await
}

/// The CLI's `ai configure`: the preset's settings with the base URL and model overridden.
/// Re-configuring the same preset keeps its extra headers.
pub async fn configure_preset(
    ws: &Workspace,
    preset: Preset,
    base_url: Option<String>,
    model: Option<String>,
) -> ApiResult<AiStatus> {
    let mut settings = match provider(ws).await? {
        Some(s) if s.preset == preset => s,
        _ => ProviderSettings::from_preset(preset),
    };
    if let Some(url) = base_url {
        settings.base_url = url;
    }
    if let Some(model) = model {
        settings.model = model;
    }
    if preset == Preset::Custom && settings.base_url.trim().is_empty() {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: "a custom provider needs --base-url (e.g. https://my-proxy.example.com/v1)"
                .into(),
            field: Some("base_url".into()),
        });
    }
    if settings.model.trim().is_empty() {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: format!(
                "{} has no default model: pass --model (the name the server lists)",
                preset.label()
            ),
            field: Some("model".into()),
        });
    }
    configure(ws, settings).await
}

/// Offline only: forgets the provider (stored keys stay in the keychain until removed).
pub async fn disable(ws: &Workspace) -> ApiResult<AiStatus> {
    settings::set(ws.store(), PROVIDER, "").await?;
    status(ws).await
}

/// Sets the workspace's own monthly allowance of AI credits (one credit = one successful
/// generation). The licence's `monthly_ai_credits` stay the ceiling: an own allowance above them
/// is kept (it applies if the licence grows) but the licence's number is what is in force —
/// [`AiStatus::credits_allowance`] is the allowance in force, [`AiStatus::credits_licensed`] the
/// licence's. Lowering works at any time (a budget).
pub async fn set_allowance(ws: &Workspace, credits: i64) -> ApiResult<AiStatus> {
    if !(0..=1_000_000).contains(&credits) {
        return Err(ApiError {
            code: ErrorCode::InvalidInput,
            message: "the monthly allowance is a number of credits from 0 to 1000000".into(),
            field: Some("credits_allowance".into()),
        });
    }
    settings::set(ws.store(), MONTHLY_CREDITS, &credits.to_string()).await?;
    status(ws).await
}

/// The allowance in force for these entitlements: the licence's monthly AI credits, lowered by
/// the workspace's own allowance when one is set.
pub(crate) async fn allowance_for(
    ws: &Workspace,
    entitlements: &crate::license::Entitlements,
) -> ApiResult<i64> {
    let licensed = i64::from(entitlements.monthly_ai_credits);
    let own: Option<i64> = settings::get(ws.store(), MONTHLY_CREDITS)
        .await?
        .and_then(|v| v.parse().ok());
    Ok(own.map_or(licensed, |own| own.min(licensed)))
}

/// The credit month (`YYYY-MM`, UTC) and the day the next one starts.
pub(crate) fn credit_month(now: chrono::DateTime<chrono::Utc>) -> (String, String) {
    use chrono::Datelike;
    let (y, m) = (now.year(), now.month());
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    (format!("{y:04}-{m:02}"), format!("{ny:04}-{nm:02}-01"))
}

pub async fn status(ws: &Workspace) -> ApiResult<AiStatus> {
    let provider = provider(ws).await?;
    let (month, renews) = credit_month(chrono::Utc::now());
    let used = ai_usage::credits_used(ws.store(), &month).await?;
    let (entitlements, _) = crate::license::current_entitlements(ws).await?;
    let allowance = allowance_for(ws, &entitlements).await?;
    let key = match &provider {
        Some(p) => key::state(ws, p.preset).await?,
        None => KeyState::NotNeeded,
    };
    let offline_reason = match (&provider, &key) {
        (None, _) => Some("no AI provider is set up: drafts are written offline".to_string()),
        (Some(p), KeyState::Missing) => Some(format!("{} needs an API key", p.preset.label())),
        _ if used >= allowance => Some(format!(
            "this month's AI credits are used up ({used} of {allowance}); they renew on {renews}"
        )),
        _ => None,
    };
    Ok(AiStatus {
        provider_label: provider.as_ref().map(|p| p.preset.label().to_string()),
        local: provider.as_ref().is_some_and(|p| p.is_local()),
        provider,
        key,
        month,
        credits_used: used,
        credits_allowance: allowance,
        credits_licensed: i64::from(entitlements.monthly_ai_credits),
        credits_renew_on: renews,
        offline_reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_credit_month_renews_on_the_first() {
        let t = chrono::Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 59, 0)
            .unwrap();
        assert_eq!(credit_month(t), ("2026-12".into(), "2027-01-01".into()));
        let t = chrono::Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap();
        assert_eq!(credit_month(t), ("2026-02".into(), "2026-03-01".into()));
    }
}
