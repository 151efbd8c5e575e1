//! The first-run setup: licence → AI provider → branding → first client → import → first audit.
//!
//! Where the user is in it is kept in the workspace (setting `onboarding`), so closing the app
//! mid-way resumes at the same step, and a backup carries it along. It can be skipped at any
//! step and resumed later (Help → "Resume setup", or `instagrowth onboarding resume`). A
//! workspace that already has clients when this is first asked (one made before this existed,
//! or a restored backup) counts as set up: its users never see the wizard.
use instagrowth_store::queries::{clients, settings};
use instagrowth_store::{ArchivedFilter, ClientQuery};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

const KEY: &str = "onboarding";

/// One step of the wizard, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OnboardingStep {
    License,
    Ai,
    Branding,
    Client,
    Import,
    Audit,
}

impl OnboardingStep {
    pub const ALL: [OnboardingStep; 6] = [
        OnboardingStep::License,
        OnboardingStep::Ai,
        OnboardingStep::Branding,
        OnboardingStep::Client,
        OnboardingStep::Import,
        OnboardingStep::Audit,
    ];

    fn next(self) -> Option<OnboardingStep> {
        let i = Self::ALL.iter().position(|s| *s == self)?;
        Self::ALL.get(i + 1).copied()
    }
}

/// Where the first-run setup stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Onboarding {
    /// The step to show (the one to resume at).
    pub step: OnboardingStep,
    /// Steps completed, in order.
    pub done: Vec<OnboardingStep>,
    /// The client made in the wizard, for its import and audit steps.
    pub client_id: Option<String>,
    /// Put aside with "Skip setup"; resumable.
    pub skipped: bool,
    /// Every step done.
    pub finished: bool,
}

impl Onboarding {
    fn fresh() -> Self {
        Onboarding {
            step: OnboardingStep::License,
            done: Vec::new(),
            client_id: None,
            skipped: false,
            finished: false,
        }
    }

    /// Whether the app should open on the wizard.
    pub fn shows(&self) -> bool {
        !self.skipped && !self.finished
    }
}

/// Where the setup stands; a workspace with clients and no record counts as set up.
pub async fn status(ws: &Workspace) -> ApiResult<Onboarding> {
    if let Some(stored) = load(ws).await? {
        return Ok(stored);
    }
    let query = ClientQuery {
        archived: ArchivedFilter::All,
        ..Default::default()
    };
    if clients::list(ws.store(), &query).await?.is_empty() {
        return Ok(Onboarding::fresh());
    }
    let mut set_up = Onboarding::fresh();
    set_up.finished = true;
    set_up.done = OnboardingStep::ALL.to_vec();
    save(ws, &set_up).await?;
    Ok(set_up)
}

/// Marks `step` done (with the wizard's client, once made) and moves to the next step; the last
/// one finishes the setup.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn complete(
    ws: &Workspace,
    step: OnboardingStep,
    client_id: Option<String>,
) -> ApiResult<Onboarding> {
    let mut o = status(ws).await?;
    if let Some(id) = client_id {
        clients::get(ws.store(), &id).await?;
        o.client_id = Some(id);
    }
    if matches!(step, OnboardingStep::Import | OnboardingStep::Audit) && o.client_id.is_none() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "add the first client before importing or auditing",
        ));
    }
    if !o.done.contains(&step) {
        o.done.push(step);
        o.done
            .sort_by_key(|s| OnboardingStep::ALL.iter().position(|a| a == s));
    }
    match step.next() {
        Some(next) => o.step = next,
        None => o.finished = true,
    }
    o.skipped = false;
    save(ws, &o).await?;
    Ok(o)
}

/// Shows `step` (going back, or forward over a step already done).
pub async fn go_to(ws: &Workspace, step: OnboardingStep) -> ApiResult<Onboarding> {
    let mut o = status(ws).await?;
    o.step = step;
    save(ws, &o).await?;
    Ok(o)
}

/// Puts the setup aside; [`resume`] brings it back where it was.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn skip(ws: &Workspace) -> ApiResult<Onboarding> {
    let mut o = status(ws).await?;
    o.skipped = true;
    save(ws, &o).await?;
    Ok(o)
}

/// Opens the setup again: where it was left, or from the start once it had finished.
#[tracing::instrument(skip(ws), err(level = "info", Debug))]
pub async fn resume(ws: &Workspace) -> ApiResult<Onboarding> {
    let mut o = status(ws).await?;
    if o.finished {
        o.finished = false;
        o.step = OnboardingStep::License;
    }
    o.skipped = false;
    // A client deleted since: its steps start again from "first client".
    if let Some(id) = &o.client_id {
        if clients::get(ws.store(), id).await.is_err() {
            o.client_id = None;
            o.done.retain(|s| {
                !matches!(
                    s,
                    OnboardingStep::Client | OnboardingStep::Import | OnboardingStep::Audit
                )
            });
        }
    }
    save(ws, &o).await?;
    Ok(o)
}

async fn load(ws: &Workspace) -> ApiResult<Option<Onboarding>> {
    let Some(text) = settings::get(ws.store(), KEY).await? else {
        return Ok(None);
    };
    // A record this version cannot read (hand-edited, or from a later version): start over
    // rather than fail the app's start.
    Ok(serde_json::from_str(&text).ok())
}

async fn save(ws: &Workspace, o: &Onboarding) -> ApiResult<()> {
    let text =
        serde_json::to_string(o).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    settings::set(ws.store(), KEY, &text).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_in_order_and_end() {
        let mut s = OnboardingStep::License;
        let mut seen = vec![s];
        while let Some(n) = s.next() {
            seen.push(n);
            s = n;
        }
        assert_eq!(seen, OnboardingStep::ALL.to_vec());
    }
}
