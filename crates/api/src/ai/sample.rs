//! "Try it": three hooks for a client (or the agency) written by the configured model, streamed.
//! It shows what the model writes before the agency relies on it, and exercises the whole path a
//! feature takes: prompt from stored data, typed answer, streaming, cancel, ledger, credits.
use instagrowth_ai::{Answer, CancellationToken, Prompt};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::run::{generate, AiEvent, AiOutcome};
use crate::error::ApiResult;
use crate::Workspace;

/// The hook formulas a hook is tagged with.
pub const FORMULAS: [&str; 8] = [
    "curiosity_gap",
    "contrarian",
    "list",
    "mistake",
    "before_after",
    "story",
    "question",
    "statistic",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SampleHook {
    /// The hook, one line.
    pub text: String,
    /// One of the formulas: curiosity_gap, contrarian, list, mistake, before_after, story, question, statistic.
    pub formula: String,
}

/// The sample's answer: three hooks, or why drafting is offline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SampleHooks {
    pub hooks: Vec<SampleHook>,
}

impl Answer for SampleHooks {
    const NAME: &'static str = "sample_hooks";
    fn check(&self) -> Result<(), String> {
        if self.hooks.len() != 3 {
            return Err(format!("write exactly 3 hooks, not {}", self.hooks.len()));
        }
        for h in &self.hooks {
            if h.text.trim().is_empty() {
                return Err("a hook is empty".into());
            }
            if !FORMULAS.contains(&h.formula.as_str()) {
                return Err(format!(
                    "“{}” is not one of the formulas {}",
                    h.formula,
                    FORMULAS.join(", ")
                ));
            }
        }
        Ok(())
    }
}

/// The result the settings page shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SampleResult {
    /// `null` when drafting is offline (see `offline_reason`).
    pub hooks: Option<Vec<SampleHook>>,
    pub model: Option<String>,
    #[ts(type = "number")]
    pub latency_ms: u64,
    pub offline_reason: Option<String>,
}

/// Writes three sample hooks for `client` (an id or @handle), or for a generic agency client.
pub async fn sample_hooks(
    ws: &Workspace,
    client: Option<&str>,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<SampleResult> {
    let client = match client {
        Some(key) => Some(crate::clients::show(ws, key).await?),
        None => None,
    };
    let about = match &client {
        Some(c) => {
            let mut lines = vec![format!("Client: {} (@{})", c.name, c.handle)];
            for (label, value) in [
                ("Niche", &c.niche),
                ("Goals", &c.goals),
                ("Audience", &c.audience),
                ("Brand voice", &c.brand_voice),
            ] {
                if !value.trim().is_empty() {
                    lines.push(format!("{label}: {}", value.trim()));
                }
            }
            lines.join("\n")
        }
        None => "Client: a small business growing its Instagram account with an agency.".into(),
    };
    let prompt = Prompt {
        system: "You are a senior strategist at an Instagram growth agency. You write short, \
                 scroll-stopping hooks for Reels in the client's brand voice. Never invent \
                 statistics, prices or results: use no number you were not given."
            .into(),
        user: format!(
            "{about}\n\nWrite exactly 3 hooks for this client's next Reels, each tagged with its \
             formula (one of: {}).",
            FORMULAS.join(", ")
        ),
    };
    let client_id = client.as_ref().map(|c| c.id.as_str());
    Ok(
        match generate::<SampleHooks>(ws, client_id, "sample", &prompt, cancel, progress).await? {
            AiOutcome::Generated(g) => SampleResult {
                hooks: Some(g.value.hooks),
                model: Some(g.call.model),
                latency_ms: g.call.latency.as_millis() as u64,
                offline_reason: None,
            },
            AiOutcome::Offline { reason, .. } => SampleResult {
                hooks: None,
                model: None,
                latency_ms: 0,
                offline_reason: Some(reason),
            },
        },
    )
}
