//! An audit as the app keeps and shows it: the engine's report flattened at the top (so `--json`
//! has `engagement_rate`, `content_score`, … at its root), the narrative, and the changes since
//! the previous audit.
use instagrowth_audit::{Audit, Narrative, NarrativeSource, RiskLevel};
use instagrowth_store::queries::audits::AuditSummary;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::changes::AuditChanges;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditDocument {
    pub id: String,
    pub client_id: String,
    pub client_name: String,
    pub client_handle: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub audit: Audit,
    pub narrative: Narrative,
    /// Why the narrative was written offline although AI was asked for (no provider, no credits,
    /// the provider failed), if so.
    pub narrative_note: Option<String>,
    /// Against the client's previous audit; `null` for the first one.
    pub changes: Option<AuditChanges>,
}

impl AuditDocument {
    pub fn summary(&self) -> AuditSummary {
        let a = &self.audit;
        AuditSummary {
            id: self.id.clone(),
            client_id: self.client_id.clone(),
            created_at: self.created_at.clone(),
            narrative_source: match self.narrative.source {
                NarrativeSource::Offline => "offline".into(),
                NarrativeSource::Ai => "ai".into(),
            },
            posts_analysed: a.posts_analysed.into(),
            followers: a.followers,
            engagement_rate: a.engagement_rate,
            engagement_rate_by_reach: a.engagement_rate_by_reach,
            content_score: a.content_score.score.into(),
            risk_score: a.shadowban_risk.score.into(),
            risk_level: match a.shadowban_risk.level {
                RiskLevel::Low => "low",
                RiskLevel::Medium => "medium",
                RiskLevel::High => "high",
            }
            .into(),
        }
    }
}
