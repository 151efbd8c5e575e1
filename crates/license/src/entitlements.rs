//! What a licence allows: client and seat limits, white label, feature flags, AI credits and
//! one-time credits. [`crate::Catalog::entitlements`] computes them from a plan and what was
//! bought on top; the licence server signs them into the payload; the app only reads them.
//!
//! The lists are canonical so two equal entitlements serialise to the same bytes: `features` and
//! `add_ons` sorted and unique, `one_time_credits` sorted by kind with one entry per kind and no
//! zero counts.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Entitlements {
    /// None = unlimited.
    pub max_active_clients: Option<u32>,
    /// Machines that may be activated at once.
    pub seats: u32,
    pub white_label: bool,
    /// Feature flags, sorted, unique: e.g. "ai", "audit", "content", "planner", "replies",
    /// "pdf_reports".
    pub features: Vec<String>,
    pub monthly_ai_credits: u32,
    /// One-time credits bought, by kind ("audit_report", "content_pack"), sorted by kind, one
    /// entry per kind.
    pub one_time_credits: Vec<Credit>,
    /// Add-on ids in force, sorted, each once: the quantity bought shows in the numbers it adds
    /// (2 × `extra_clients_10` lists `extra_clients_10` once and adds 20 clients).
    pub add_ons: Vec<String>,
}

/// A count of one-time credits of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Credit {
    pub kind: String,
    pub count: u32,
}

impl Entitlements {
    /// Whether the feature flag is on.
    pub fn has_feature(&self, feature: &str) -> bool {
        self.features
            .binary_search_by(|f| f.as_str().cmp(feature))
            .is_ok()
    }

    /// The one-time credits of `kind` (0 when none were bought).
    pub fn credits(&self, kind: &str) -> u32 {
        self.one_time_credits
            .iter()
            .find(|c| c.kind == kind)
            .map_or(0, |c| c.count)
    }

    /// Whether one more active client fits: `active` is how many are active now.
    pub fn allows_another_client(&self, active: u32) -> bool {
        self.max_active_clients.is_none_or(|max| active < max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Entitlements {
        Entitlements {
            max_active_clients: Some(3),
            seats: 1,
            white_label: false,
            features: vec!["ai".into(), "audit".into(), "planner".into()],
            monthly_ai_credits: 100,
            one_time_credits: vec![Credit {
                kind: "audit_report".into(),
                count: 2,
            }],
            add_ons: vec![],
        }
    }

    #[test]
    fn features_and_credits_are_looked_up() {
        let e = sample();
        assert!(e.has_feature("audit"));
        assert!(e.has_feature("planner"));
        assert!(!e.has_feature("replies"));
        assert_eq!(e.credits("audit_report"), 2);
        assert_eq!(e.credits("content_pack"), 0);
    }

    #[test]
    fn client_limit_counts_active_clients() {
        let mut e = sample();
        assert!(e.allows_another_client(2));
        assert!(!e.allows_another_client(3));
        e.max_active_clients = None;
        assert!(e.allows_another_client(u32::MAX));
    }

    #[test]
    fn serialises_with_null_for_unlimited() {
        let mut e = sample();
        e.max_active_clients = None;
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.starts_with(r#"{"max_active_clients":null,"seats":1,"#));
        let back: Entitlements = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
    }
}
