//! The provider's API key: in the OS keychain and nowhere else. The workspace keeps only a
//! non-secret hint (`sk-…wxyz`) per preset, so status never has to unlock the keychain and a
//! provider that needs no key never touches it. Keys are filed per workspace and preset.
use instagrowth_ai::{Keychain, KeychainError, Preset};
use instagrowth_store::queries::settings;

use super::config::{provider, status, AiStatus, KeyState};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

/// The setting naming this workspace's keychain entries (see [`workspace_id`]).
pub(crate) const WORKSPACE_ID: &str = "workspace.id";
/// The settings holding a key's non-secret hint, one per preset.
pub(crate) const KEY_HINT_PREFIX: &str = "ai.key_hint.";

fn hint_key(preset: Preset) -> String {
    format!("{KEY_HINT_PREFIX}{}", preset.id())
}

/// The workspace's own id, made on first use: keys of two workspaces never mix.
pub(crate) async fn workspace_id(ws: &Workspace) -> ApiResult<String> {
    if let Some(id) = settings::get(ws.store(), WORKSPACE_ID).await? {
        return Ok(id);
    }
    let id = uuid::Uuid::new_v4().to_string();
    settings::set(ws.store(), WORKSPACE_ID, &id).await?;
    Ok(id)
}

async fn account(ws: &Workspace, preset: Preset) -> ApiResult<String> {
    Ok(format!(
        "ai-api-key/{}/{}",
        workspace_id(ws).await?,
        preset.id()
    ))
}

/// `sk-proj-…wxyz`: enough to recognise a key, useless to anyone else.
fn hint(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    let head: String = chars.iter().take_while(|c| **c != '-').take(4).collect();
    let prefix = if chars.len() > 12 && key.contains('-') {
        format!("{head}-")
    } else {
        String::new()
    };
    let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    format!("{prefix}…{tail}")
}

pub(crate) async fn state(ws: &Workspace, preset: Preset) -> ApiResult<KeyState> {
    Ok(match settings::get(ws.store(), &hint_key(preset)).await? {
        Some(h) if !h.is_empty() => KeyState::Stored { hint: h },
        _ if preset.needs_key() => KeyState::Missing,
        _ => KeyState::NotNeeded,
    })
}

/// Stores the key for the current provider in the OS keychain. Refused, with nothing stored,
/// when no keychain is reachable.
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn set_key(ws: &Workspace, key: &str) -> ApiResult<AiStatus> {
    let key = key.trim();
    if key.is_empty() {
        return Err(invalid("paste the API key"));
    }
    if key.chars().any(|c| c.is_whitespace() || c.is_control()) || key.len() > 512 {
        return Err(invalid(
            "an API key is one word without spaces; paste it again",
        ));
    }
    let Some(p) = provider(ws).await? else {
        return Err(ApiError::new(
            ErrorCode::AiNotConfigured,
            "choose the AI provider first; the key is stored for it",
        ));
    };
    let account = account(ws, p.preset).await?;
    let secret = key.to_string();
    with_keychain(move |kc| kc.set(&account, &secret)).await?;
    settings::set(ws.store(), &hint_key(p.preset), &hint(key)).await?;
    tracing::info!(preset = p.preset.id(), "API key stored in the OS keychain");
    status(ws).await
}

/// Removes the current provider's key from the keychain.
#[tracing::instrument(skip_all, err(level = "info", Debug))]
pub async fn remove_key(ws: &Workspace) -> ApiResult<AiStatus> {
    let Some(p) = provider(ws).await? else {
        return status(ws).await;
    };
    let account = account(ws, p.preset).await?;
    with_keychain(move |kc| kc.delete(&account)).await?;
    settings::set(ws.store(), &hint_key(p.preset), "").await?;
    status(ws).await
}

/// The key for `preset`, read from the keychain only when one was stored.
pub(crate) async fn read(ws: &Workspace, preset: Preset) -> ApiResult<Option<String>> {
    match state(ws, preset).await? {
        KeyState::Stored { .. } => {
            let account = account(ws, preset).await?;
            let key = with_keychain(move |kc| kc.get(&account)).await?;
            if key.is_none() {
                tracing::warn!(
                    preset = preset.id(),
                    "the key hint is set but the keychain has no key"
                );
            }
            Ok(key)
        }
        _ => Ok(None),
    }
}

/// Runs a keychain operation off the async threads: the Secret Service client blocks (and
/// drives its own D-Bus connection), which must not happen on a runtime worker.
async fn with_keychain<T: Send + 'static>(
    op: impl FnOnce(Keychain) -> Result<T, KeychainError> + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(move || op(Keychain::open()?))
        .await
        .map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("the keychain task failed: {e}"),
            )
        })?
        .map_err(Into::into)
}

fn invalid(message: &str) -> ApiError {
    ApiError {
        code: ErrorCode::InvalidInput,
        message: message.into(),
        field: Some("api_key".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::hint;

    #[test]
    fn hints_show_the_kind_and_the_last_four() {
        assert_eq!(hint("sk-proj-abcdefghijklmnop1234"), "sk-…1234");
        assert_eq!(hint("sk-or-v1-0123456789abcdefwxyz"), "sk-…wxyz");
        assert_eq!(hint("abc"), "…abc");
        assert!(!hint("sk-proj-abcdefghijklmnop1234").contains("abcdefgh"));
    }
}
