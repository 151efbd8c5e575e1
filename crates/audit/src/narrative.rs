//! The written part of the report. Offline it is made here from the findings by deterministic
//! templates; with an AI provider the model writes it (see `instagrowth-api`), but every number
//! in the text is still put there by the app from the audit.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::report::{Audit, RiskLevel, Severity, Verdict};
use crate::stats::pct;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NarrativeSource {
    Offline,
    Ai,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Narrative {
    pub source: NarrativeSource,
    /// The executive summary: a few short paragraphs separated by blank lines.
    pub summary: String,
    /// Recommendations in priority order.
    pub recommendations: Vec<String>,
    /// The model that wrote it, when `source` is `ai`.
    pub model: Option<String>,
}

/// The numbers a narrative may quote, by name: `{engagement_rate}` in a template or a model's
/// text becomes "2.1 %". Only these are filled in; a model never writes a number itself.
pub fn facts(audit: &Audit) -> Vec<(&'static str, String)> {
    let mut f = vec![
        ("content_score", audit.content_score.score.to_string()),
        ("risk_score", audit.shadowban_risk.score.to_string()),
        (
            "risk_level",
            format!("{:?}", audit.shadowban_risk.level).to_lowercase(),
        ),
        ("posts_analysed", audit.posts_analysed.to_string()),
    ];
    if let Some(r) = audit.engagement_rate {
        f.push(("engagement_rate", pct(r)));
    }
    if let Some(r) = audit.engagement_rate_by_reach {
        f.push(("engagement_rate_by_reach", pct(r)));
    }
    if let Some(b) = &audit.tier_benchmark {
        f.push(("tier", b.tier.clone()));
        f.push(("tier_median", pct(b.median)));
    }
    if let Some(n) = audit.followers {
        f.push(("followers", n.to_string()));
    }
    if let Some(c) = audit.engagement.change {
        f.push(("engagement_change", pct(c.abs())));
    }
    f
}

/// Replaces `{name}` placeholders with the audit's numbers; unknown names are left visible.
pub fn fill(text: &str, facts: &[(&'static str, String)]) -> String {
    let mut out = text.to_string();
    for (k, v) in facts {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

pub fn offline(audit: &Audit, client_name: &str) -> Narrative {
    let facts = facts(audit);
    let mut paras = Vec::new();
    if audit.posts_analysed == 0 {
        paras.push(format!("{client_name} has no feed posts in the imported data yet, so this audit can only describe the starting point. Import the Instagram data download or the Business Suite export to measure engagement and reach."));
    } else {
        let mut p = format!("We analysed {{posts_analysed}} feed posts of {client_name}.");
        match (&audit.engagement_rate, &audit.tier_benchmark) {
            (Some(_), Some(b)) => {
                let verdict = match b.verdict {
                    Some(Verdict::Below) => "below",
                    Some(Verdict::Above) => "above",
                    _ => "in line with",
                };
                p.push_str(&format!(" The engagement rate is {{engagement_rate}} of followers, {verdict} the {{tier_median}} median for accounts of {{tier}} followers."));
            }
            _ => p.push_str(
                " Without a follower count the engagement rate by followers could not be measured.",
            ),
        }
        match audit.engagement.change {
            Some(c) if c <= -0.05 => p.push_str(
                " Over the last 30 days it fell by {engagement_change} against the month before.",
            ),
            Some(c) if c >= 0.05 => p.push_str(
                " Over the last 30 days it rose by {engagement_change} against the month before.",
            ),
            Some(_) => p.push_str(" It held steady over the last 30 days."),
            None => {}
        }
        paras.push(p);
        paras.push(format!(
            "The content score is {{content_score}} of 100. The risk that posts are not being recommended to non-followers is {{risk_level}} ({{risk_score}} of 100){}.",
            if audit.shadowban_risk.level == RiskLevel::Low { "" } else { "; Account Status in the Instagram app shows Instagram's own view" }
        ));
    }
    let problems: Vec<&str> = audit
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Strength)
        .map(|f| f.title.as_str())
        .collect();
    if !problems.is_empty() {
        let each = if problems.len() == 1 { "it" } else { "each" };
        paras.push(format!(
            "What matters most: {}. The 30-day roadmap below turns {each} into weekly actions.",
            lower_first_join(&problems)
        ));
    }
    Narrative {
        source: NarrativeSource::Offline,
        summary: fill(&paras.join("\n\n"), &facts),
        recommendations: audit
            .findings
            .iter()
            .map(|f| f.recommendation.clone())
            .collect(),
        model: None,
    }
}

fn lower_first_join(items: &[&str]) -> String {
    let lowered: Vec<String> = items
        .iter()
        .map(|s| {
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect();
    match lowered.len() {
        0 => String::new(),
        1 => lowered[0].clone(),
        n => format!("{} and {}", lowered[..n - 1].join("; "), lowered[n - 1]),
    }
}
