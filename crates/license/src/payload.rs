//! The signed content of a licence file: who it is for, what it allows, for which machine, and the
//! three times that govern it offline (see [`mod@crate::standing`]):
//!
//! - `issued_at` — when the server signed it; a clock earlier than this (less a tolerance) is a
//!   clock set back;
//! - `refresh_by` — when the app must fetch a fresh file online (`issued_at` + a TTL, default
//!   [`DEFAULT_TTL_DAYS`]); after it the app has `grace_days` (default [`DEFAULT_GRACE_DAYS`])
//!   offline before it goes read-only;
//! - `expires_at` — the licence's own end (the paid period, a fixed term), separate from the
//!   file's refresh; `None` = perpetual.
//!
//! Times are RFC 3339 strings in UTC (`2026-01-01T00:00:00Z`, see [`format_time`]) so the JSON
//! reads the same in every language. [`crate::verify`] refuses a file whose times do not parse,
//! so a verified payload's accessors ([`LicensePayload::issued_at`]…) never fail.
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::entitlements::Entitlements;
use crate::error::LicenseError;

/// The payload format this crate writes and reads.
pub const FORMAT: u32 = 1;
/// How long a file is good for before the app must refresh it, by default.
pub const DEFAULT_TTL_DAYS: u32 = 14;
/// Days the app keeps working offline after `refresh_by`, by default.
pub const DEFAULT_GRACE_DAYS: u32 = 7;

/// Where the licence stands at the server (after Stripe's subscription states).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LicenseStatus {
    Active,
    Trialing,
    PastDue,
    Suspended,
    Expired,
    Revoked,
    Canceled,
}

impl LicenseStatus {
    /// The snake_case name used in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LicenseStatus::Active => "active",
            LicenseStatus::Trialing => "trialing",
            LicenseStatus::PastDue => "past_due",
            LicenseStatus::Suspended => "suspended",
            LicenseStatus::Expired => "expired",
            LicenseStatus::Revoked => "revoked",
            LicenseStatus::Canceled => "canceled",
        }
    }
}

/// The machine a file is issued to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Machine {
    /// [`crate::fingerprint()`] of the OS machine id: never the raw id.
    pub fingerprint: String,
    /// A name the person recognises ("Ana's MacBook").
    pub name: String,
    /// `linux`, `macos` or `windows`.
    pub platform: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LicensePayload {
    /// [`FORMAT`] (1).
    pub format: u32,
    /// A UUID.
    pub license_id: String,
    /// The purchase key's first group, for support ("IGOS-7KQ3M").
    pub key_prefix: String,
    pub plan: String,
    pub status: LicenseStatus,
    pub entitlements: Entitlements,
    pub customer_email: Option<String>,
    pub machine: Machine,
    /// RFC 3339 UTC.
    pub issued_at: String,
    /// The licence's own end (the paid period end, or a fixed expiry); None = perpetual.
    pub expires_at: Option<String>,
    /// When the app must refresh this file online (issued_at + TTL, default 14 days).
    pub refresh_by: String,
    /// Days the app keeps working offline after refresh_by (7) before going read-only.
    pub grace_days: u32,
}

impl LicensePayload {
    /// `issued_at` parsed.
    pub fn issued_at(&self) -> Result<DateTime<Utc>, LicenseError> {
        parse_time("issued_at", &self.issued_at)
    }

    /// `expires_at` parsed (`None` = perpetual).
    pub fn expires_at(&self) -> Result<Option<DateTime<Utc>>, LicenseError> {
        self.expires_at
            .as_deref()
            .map(|t| parse_time("expires_at", t))
            .transpose()
    }

    /// `refresh_by` parsed.
    pub fn refresh_by(&self) -> Result<DateTime<Utc>, LicenseError> {
        parse_time("refresh_by", &self.refresh_by)
    }

    /// The moment the app goes read-only if it cannot refresh: `refresh_by` + `grace_days`.
    pub fn grace_ends_at(&self) -> Result<DateTime<Utc>, LicenseError> {
        Ok(self.refresh_by()? + chrono::Duration::days(i64::from(self.grace_days)))
    }

    /// Checks what the type cannot: the format, and that every time parses.
    pub fn check(&self) -> Result<(), LicenseError> {
        if self.format != FORMAT {
            return Err(LicenseError::UnsupportedFormat(self.format));
        }
        self.issued_at()?;
        self.expires_at()?;
        self.refresh_by()?;
        Ok(())
    }
}

/// A time as the payload writes it: RFC 3339, UTC, whole seconds (`2026-01-01T00:00:00Z`).
pub fn format_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `issued_at` + `ttl_days`: the `refresh_by` a server writes.
pub fn refresh_by_for(issued_at: DateTime<Utc>, ttl_days: u32) -> DateTime<Utc> {
    issued_at + chrono::Duration::days(i64::from(ttl_days))
}

fn parse_time(field: &str, value: &str) -> Result<DateTime<Utc>, LicenseError> {
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            LicenseError::Malformed(format!("{field} “{value}” is not an RFC 3339 time: {e}"))
        })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::entitlements::Credit;
    use chrono::TimeZone;

    pub(crate) fn sample_payload() -> LicensePayload {
        let issued = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        LicensePayload {
            format: FORMAT,
            license_id: "6f1c9a52-3f0e-4b7e-9d59-1b2c3d4e5f60".into(),
            key_prefix: "IGOS-7KQ3M".into(),
            plan: "pro".into(),
            status: LicenseStatus::Active,
            entitlements: Entitlements {
                max_active_clients: Some(10),
                seats: 2,
                white_label: false,
                features: vec!["ai".into(), "audit".into(), "content".into()],
                monthly_ai_credits: 500,
                one_time_credits: vec![Credit {
                    kind: "audit_report".into(),
                    count: 1,
                }],
                add_ons: vec![],
            },
            customer_email: Some("ana@example.com".into()),
            machine: Machine {
                fingerprint: "ab".repeat(32),
                name: "Ana's laptop".into(),
                platform: "linux".into(),
            },
            issued_at: format_time(issued),
            expires_at: Some(format_time(
                Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap(),
            )),
            refresh_by: format_time(refresh_by_for(issued, DEFAULT_TTL_DAYS)),
            grace_days: DEFAULT_GRACE_DAYS,
        }
    }

    #[test]
    fn times_parse_and_format_in_utc() {
        let p = sample_payload();
        assert_eq!(p.issued_at, "2026-01-01T00:00:00Z");
        assert_eq!(p.refresh_by, "2026-01-15T00:00:00Z");
        assert_eq!(
            p.grace_ends_at().unwrap(),
            Utc.with_ymd_and_hms(2026, 1, 22, 0, 0, 0).unwrap()
        );
        let mut offset = p.clone();
        offset.issued_at = "2026-01-01T02:00:00+02:00".into();
        assert_eq!(offset.issued_at().unwrap(), p.issued_at().unwrap());
        assert!(p.check().is_ok());
    }

    #[test]
    fn check_refuses_bad_times_and_formats() {
        let mut p = sample_payload();
        p.refresh_by = "next tuesday".into();
        let e = p.check().unwrap_err();
        assert!(matches!(e, LicenseError::Malformed(ref m) if m.contains("refresh_by")));
        let mut p = sample_payload();
        p.expires_at = Some("2026-13-01T00:00:00Z".into());
        assert!(p.check().is_err());
        let mut p = sample_payload();
        p.expires_at = None;
        assert_eq!(p.expires_at().unwrap(), None);
        p.format = 2;
        assert_eq!(p.check(), Err(LicenseError::UnsupportedFormat(2)));
    }

    #[test]
    fn status_serialises_in_snake_case() {
        for s in [
            LicenseStatus::Active,
            LicenseStatus::Trialing,
            LicenseStatus::PastDue,
            LicenseStatus::Suspended,
            LicenseStatus::Expired,
            LicenseStatus::Revoked,
            LicenseStatus::Canceled,
        ] {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
    }

    #[test]
    fn json_round_trips() {
        let p = sample_payload();
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.starts_with(r#"{"format":1,"license_id":"#));
        assert_eq!(serde_json::from_str::<LicensePayload>(&json).unwrap(), p);
    }
}
