//! `instagrowth onboarding status|skip|resume`: the app's first-run setup
//! (`instagrowth_api::onboarding`).
use instagrowth_api::onboarding::{self, Onboarding, OnboardingStep};
use instagrowth_api::{ApiError, Workspace};

use crate::args::OnboardingCommand;
use crate::output;

pub async fn run(ws: &Workspace, cmd: OnboardingCommand) -> Result<(), ApiError> {
    let (o, json) = match cmd {
        OnboardingCommand::Status { json } => (onboarding::status(ws).await?, json),
        OnboardingCommand::Skip { json } => (onboarding::skip(ws).await?, json),
        OnboardingCommand::Resume { json } => (onboarding::resume(ws).await?, json),
    };
    if json {
        return output::json(&o);
    }
    println!("{}", describe(&o));
    Ok(())
}

fn describe(o: &Onboarding) -> String {
    let done = OnboardingStep::ALL
        .iter()
        .filter(|s| o.done.contains(s))
        .count();
    let total = OnboardingStep::ALL.len();
    if o.finished {
        format!("Setup finished ({done} of {total} steps).")
    } else if o.skipped {
        format!(
            "Setup skipped at \"{}\" ({done} of {total} steps done); `instagrowth onboarding resume` brings it back.",
            label(o.step)
        )
    } else {
        format!(
            "Setup open at \"{}\" ({done} of {total} steps done); the app shows it when it starts.",
            label(o.step)
        )
    }
}

fn label(step: OnboardingStep) -> &'static str {
    match step {
        OnboardingStep::License => "licence",
        OnboardingStep::Ai => "AI provider",
        OnboardingStep::Branding => "agency branding",
        OnboardingStep::Client => "first client",
        OnboardingStep::Import => "import",
        OnboardingStep::Audit => "first audit",
    }
}
