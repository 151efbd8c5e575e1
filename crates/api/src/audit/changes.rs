//! What changed since the client's previous audit: the headline numbers and which findings are
//! new or gone.
use instagrowth_audit::Audit;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::document::AuditDocument;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricChange {
    pub key: String,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `percent` (fractions), `score` (0–100) or `number`.
    pub unit: String,
    /// Whether a higher value is better (risk: lower is better).
    pub higher_is_better: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditChanges {
    pub previous_id: String,
    pub previous_created_at: String,
    pub metrics: Vec<MetricChange>,
    /// Titles of findings this audit has and the previous did not.
    pub new_findings: Vec<String>,
    /// Titles of findings the previous audit had and this one does not.
    pub resolved_findings: Vec<String>,
}

fn m(
    key: &str,
    name: &str,
    before: Option<f64>,
    after: Option<f64>,
    unit: &str,
    higher_is_better: bool,
) -> MetricChange {
    MetricChange {
        key: key.into(),
        name: name.into(),
        before,
        after,
        unit: unit.into(),
        higher_is_better,
    }
}

pub fn between(previous: &AuditDocument, now: &Audit) -> AuditChanges {
    let p = &previous.audit;
    let metrics = vec![
        m(
            "engagement_rate",
            "Engagement rate",
            p.engagement_rate,
            now.engagement_rate,
            "percent",
            true,
        ),
        m(
            "engagement_rate_by_reach",
            "Engagement by reach",
            p.engagement_rate_by_reach,
            now.engagement_rate_by_reach,
            "percent",
            true,
        ),
        m(
            "content_score",
            "Content score",
            Some(p.content_score.score.into()),
            Some(now.content_score.score.into()),
            "score",
            true,
        ),
        m(
            "risk_score",
            "Reach-restriction risk",
            Some(p.shadowban_risk.score.into()),
            Some(now.shadowban_risk.score.into()),
            "score",
            false,
        ),
        m(
            "followers",
            "Followers",
            p.followers.map(|f| f as f64),
            now.followers.map(|f| f as f64),
            "number",
            true,
        ),
    ];
    let keys = |a: &Audit| {
        a.findings
            .iter()
            .map(|f| (f.key.clone(), f.title.clone()))
            .collect::<Vec<_>>()
    };
    let (before, after) = (keys(p), keys(now));
    AuditChanges {
        previous_id: previous.id.clone(),
        previous_created_at: previous.created_at.clone(),
        metrics,
        new_findings: after
            .iter()
            .filter(|(k, _)| !before.iter().any(|(b, _)| b == k))
            .map(|(_, t)| t.clone())
            .collect(),
        resolved_findings: before
            .iter()
            .filter(|(k, _)| !after.iter().any(|(a, _)| a == k))
            .map(|(_, t)| t.clone())
            .collect(),
    }
}
