//! With an AI provider the model refines the feed posts' topics, hooks and briefs as typed
//! output; the schedule, times, formats, hashtags and targets stay the planner's. Any failure
//! keeps the offline plan (with a note when the provider was expected to answer).
use instagrowth_ai::{Answer, CancellationToken, Prompt};
use instagrowth_planner::Plan;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::ai::{self, AiEvent, AiOutcome};
use crate::error::{ApiResult, ErrorCode};
use crate::Workspace;

#[derive(Debug, Deserialize, JsonSchema)]
pub struct Refined {
    pub id: String,
    pub topic: String,
    pub hook: String,
    pub brief: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct Refinement {
    pub items: Vec<Refined>,
}

impl Answer for Refinement {
    const NAME: &'static str = "plan_refinement";
    fn check(&self) -> Result<(), String> {
        for r in &self.items {
            if r.topic.trim().is_empty() || r.hook.trim().is_empty() || r.brief.trim().is_empty() {
                return Err(format!("item {} has an empty topic, hook or brief", r.id));
            }
            if r.hook.chars().count() > 150 {
                return Err(format!(
                    "the hook of {} is longer than 150 characters",
                    r.id
                ));
            }
        }
        Ok(())
    }
}

/// Refines `plan` in place; returns a note when the AI was expected but did not refine.
pub async fn refine(
    ws: &Workspace,
    client: &crate::Client,
    plan: &mut Plan,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<(bool, Option<String>)> {
    let feed: Vec<String> = plan
        .days
        .iter()
        .flat_map(|d| d.items.iter())
        .filter(|i| i.kind.is_feed())
        .map(|i| {
            format!(
                "- id {}: {} {} on {} — topic “{}”; hook “{}”; brief “{}”",
                i.id,
                i.kind.as_str(),
                i.time,
                i.date,
                i.topic,
                i.hook,
                i.brief
            )
        })
        .collect();
    if feed.is_empty() {
        return Ok((false, None));
    }
    let mut about = vec![format!("Client: {} (@{})", client.name, client.handle)];
    for (label, v) in [
        ("Niche", &client.niche),
        ("Goals", &client.goals),
        ("Audience", &client.audience),
        ("Brand voice", &client.brand_voice),
    ] {
        if !v.trim().is_empty() {
            about.push(format!("{label}: {}", v.trim()));
        }
    }
    let prompt = Prompt {
        system: "You are a senior content strategist at an Instagram growth agency. You sharpen a \
                 posting plan's topics, hooks and caption briefs for the client, keeping each \
                 post's format and purpose. Never invent statistics, prices or results. Keep the \
                 calls to action the briefs already have."
            .into(),
        user: format!(
            "{}\n\nThe plan's feed posts:\n{}\n\nReturn every post by its id with a sharper topic, a scroll-stopping hook (one line) and a caption brief (one or two sentences).",
            about.join("\n"),
            feed.join("\n")
        ),
    };
    match ai::generate::<Refinement>(ws, Some(&client.id), "plan", &prompt, cancel, progress).await
    {
        Ok(AiOutcome::Generated(g)) => {
            let mut changed = 0;
            for r in g.value.items {
                if let Some(item) = plan
                    .days
                    .iter_mut()
                    .flat_map(|d| d.items.iter_mut())
                    .find(|i| i.id == r.id && i.kind.is_feed())
                {
                    item.topic = r.topic.trim().to_string();
                    item.hook = r.hook.trim().to_string();
                    item.brief = r.brief.trim().to_string();
                    changed += 1;
                }
            }
            Ok((changed > 0, None))
        }
        Ok(AiOutcome::Offline { code, reason }) => Ok((
            false,
            (code != ErrorCode::AiNotConfigured).then_some(reason),
        )),
        Err(e) if e.code == ErrorCode::Cancelled => Err(e),
        Err(e) => Ok((
            false,
            Some(format!(
                "AI refinement unavailable ({}); planned offline",
                e.message
            )),
        )),
    }
}
