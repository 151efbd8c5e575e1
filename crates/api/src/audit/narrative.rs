//! The audit's written part. Offline: templates from the findings. With an AI provider: the model
//! writes the summary and recommendations from the findings as typed output — but it may not
//! write a single digit; it names the figures by placeholder (`{engagement_rate}`) and the app
//! fills them in from the audit, so every number a client reads comes from their data.
use instagrowth_ai::{Answer, CancellationToken, Prompt};
use instagrowth_audit::narrative::{facts, fill, offline};
use instagrowth_audit::{Audit, Narrative, NarrativeSource};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::ai::{self, AiEvent, AiOutcome};
use crate::error::{ApiResult, ErrorCode};
use crate::{Client, Workspace};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct AiNarrative {
    /// Two or three short paragraphs for the client's executive summary.
    pub summary: Vec<String>,
    /// One recommendation per finding, in the same order.
    pub recommendations: Vec<String>,
}

const PLACEHOLDERS: [&str; 11] = [
    "content_score",
    "risk_score",
    "risk_level",
    "posts_analysed",
    "engagement_rate",
    "engagement_rate_by_reach",
    "tier",
    "tier_median",
    "followers",
    "engagement_change",
    "client",
];

impl Answer for AiNarrative {
    const NAME: &'static str = "audit_narrative";
    fn check(&self) -> Result<(), String> {
        if !(1..=4).contains(&self.summary.len()) {
            return Err(format!(
                "write 2 or 3 summary paragraphs, not {}",
                self.summary.len()
            ));
        }
        if self.recommendations.is_empty() || self.recommendations.len() > 6 {
            return Err("write one recommendation per finding".into());
        }
        for text in self.summary.iter().chain(&self.recommendations) {
            if text.chars().any(|c| c.is_ascii_digit()) {
                return Err(format!("“{text}” contains a digit: write no numbers, use the placeholders such as {{engagement_rate}}"));
            }
            let mut rest = text.as_str();
            while let Some(start) = rest.find('{') {
                let end = rest[start..]
                    .find('}')
                    .map(|e| start + e)
                    .ok_or("an unclosed {")?;
                let name = &rest[start + 1..end];
                if !PLACEHOLDERS.contains(&name) {
                    return Err(format!(
                        "{{{name}}} is not one of the placeholders {}",
                        PLACEHOLDERS.join(", ")
                    ));
                }
                rest = &rest[end + 1..];
            }
        }
        Ok(())
    }
}

fn prompt(client: &Client, audit: &Audit) -> Prompt {
    let facts = facts(audit);
    let figures: Vec<String> = facts
        .iter()
        .map(|(k, v)| format!("- {{{k}}} = {v}"))
        .collect();
    let findings: Vec<String> = audit
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            format!(
                "{}. {} ({:?}). Evidence: {}",
                i + 1,
                f.title,
                f.severity,
                f.evidence.join(" ")
            )
        })
        .collect();
    let mut about = vec![format!("Client: {{client}} (@{})", client.handle)];
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
    Prompt {
        system: "You are a senior Instagram growth strategist at an agency, writing the executive \
                 summary of an account audit that the agency hands to its client. Be specific, \
                 plain and encouraging; no jargon, no hype, no emojis. You must not write any \
                 digit. When you refer to a figure, write its placeholder exactly as listed (for \
                 example {engagement_rate}); the app replaces it with the exact value. Refer to the \
                 client as {client}."
            .into(),
        user: format!(
            "{}\n\nFigures (use the placeholders, never the values):\n{}\n\nFindings, most important first:\n{}\n\n\
             Write the summary (2–3 short paragraphs: where the account stands, what holds it back, \
             what the next 30 days will change) and one recommendation per finding, in order.",
            about.join("\n"),
            figures.join("\n"),
            findings.join("\n")
        ),
    }
}

/// The narrative, and a note when it is offline although AI was wanted.
pub async fn write(
    ws: &Workspace,
    client: &Client,
    audit: &Audit,
    offline_only: bool,
    cancel: &CancellationToken,
    progress: &(dyn Fn(AiEvent) + Send + Sync),
) -> ApiResult<(Narrative, Option<String>)> {
    let fallback = offline(audit, &client.name);
    if offline_only {
        return Ok((fallback, None));
    }
    let result = ai::generate::<AiNarrative>(
        ws,
        Some(&client.id),
        "audit",
        &prompt(client, audit),
        cancel,
        progress,
    )
    .await;
    match result {
        Ok(AiOutcome::Generated(g)) => {
            let mut facts = facts(audit);
            facts.push(("client", client.name.clone()));
            Ok((
                Narrative {
                    source: NarrativeSource::Ai,
                    summary: g
                        .value
                        .summary
                        .iter()
                        .map(|p| fill(p.trim(), &facts))
                        .collect::<Vec<_>>()
                        .join("\n\n"),
                    recommendations: g
                        .value
                        .recommendations
                        .iter()
                        .map(|r| fill(r.trim(), &facts))
                        .collect(),
                    model: Some(g.call.model),
                },
                None,
            ))
        }
        Ok(AiOutcome::Offline { code, reason }) => {
            // No provider is the normal offline case: say nothing.
            let note = (code != ErrorCode::AiNotConfigured).then_some(reason);
            Ok((fallback, note))
        }
        Err(e) if e.code == ErrorCode::Cancelled => Err(e),
        Err(e) => Ok((
            fallback,
            Some(format!(
                "AI narrative unavailable ({}); written offline",
                e.message
            )),
        )),
    }
}
