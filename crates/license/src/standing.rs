//! What the app may do with a verified licence file, decided offline from the payload, the
//! clock, the last time the app saw (kept monotonic with [`advance_last_seen`]) and this
//! machine's fingerprint.
//!
//! # The rules, in the order they apply
//! 1. **Wrong machine** — the file's fingerprint is not this machine's: read-only
//!    ([`ReadOnlyReason::WrongMachine`]).
//! 2. **Status** — `suspended`, `revoked`, `canceled` or `expired` at the server: read-only with
//!    that reason. `active`, `trialing` and `past_due` go on.
//! 3. **Clock set back** — `now` is more than [`CLOCK_TOLERANCE_HOURS`] (2 h) before `last_seen`,
//!    or before `issued_at`: [`Standing::ClockTampered`] (Keygen's advice; 2 h absorbs time-zone
//!    and daylight-saving mistakes and small drift). Exactly 2 h back is still fine.
//! 4. **Expired** — `now ≥ expires_at`: read-only ([`ReadOnlyReason::Expired`]).
//! 5. **Offline too long** — `now ≥ refresh_by + grace_days`: read-only
//!    ([`ReadOnlyReason::OfflineTooLong`]; [`ReadOnlyReason::PastDueTooLong`] when the status is
//!    `past_due`: the server keeps a past-due licence's `refresh_by` short, so its grace is the
//!    payment grace).
//! 6. **Grace** — `refresh_by ≤ now`: full use, and the app must say it is offline and when it
//!    goes read-only: `read_only_at` = the grace end, or `expires_at` when that comes first.
//! 7. **Valid** — otherwise; `refresh_due` once `now ≥ refresh_by − 3 days`
//!    ([`REFRESH_DUE_DAYS`]): refresh in the background.
//!
//! Every interval is half-open: a deadline is reached at its exact instant. A payload whose times
//! do not parse (which [`crate::verify`] never returns) is read-only: `Expired` for a bad
//! `expires_at`, `OfflineTooLong` otherwise, so the app refreshes it.
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::payload::{LicensePayload, LicenseStatus};

/// How far before the last time seen (or `issued_at`) the clock may be without counting as set
/// back.
pub const CLOCK_TOLERANCE_HOURS: i64 = 2;
/// How long before `refresh_by` a refresh becomes due.
pub const REFRESH_DUE_DAYS: i64 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Standing {
    /// Use it; `refresh_due` true when within 3 days of refresh_by (refresh in the background).
    Valid { refresh_due: bool },
    /// Past refresh_by but within grace: full use; the app must say offline until `read_only_at`.
    Grace {
        #[ts(type = "string")]
        read_only_at: DateTime<Utc>,
    },
    /// Past grace, past expires_at, or status not usable: view and export only.
    ReadOnly { reason: ReadOnlyReason },
    /// The clock is more than 2 h before the last time the app saw (or before issued_at − 2 h).
    ClockTampered,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReadOnlyReason {
    OfflineTooLong,
    Expired,
    Suspended,
    Revoked,
    Canceled,
    PastDueTooLong,
    WrongMachine,
}

impl Standing {
    /// Whether the app may create and change things (Valid or Grace).
    pub fn is_usable(&self) -> bool {
        matches!(self, Standing::Valid { .. } | Standing::Grace { .. })
    }

    /// A stable code, after Keygen's validation codes where one fits.
    pub fn code(&self) -> &'static str {
        match self {
            Standing::Valid { .. } => "VALID",
            Standing::Grace { .. } => "GRACE_PERIOD",
            Standing::ReadOnly { reason } => reason.code(),
            Standing::ClockTampered => "CLOCK_TAMPERED",
        }
    }
}

impl ReadOnlyReason {
    /// A stable code, after Keygen's validation codes where one fits.
    pub fn code(self) -> &'static str {
        match self {
            ReadOnlyReason::OfflineTooLong => "OVERDUE",
            ReadOnlyReason::Expired => "EXPIRED",
            ReadOnlyReason::Suspended => "SUSPENDED",
            ReadOnlyReason::Revoked => "REVOKED",
            ReadOnlyReason::Canceled => "CANCELED",
            ReadOnlyReason::PastDueTooLong => "PAST_DUE",
            ReadOnlyReason::WrongMachine => "FINGERPRINT_SCOPE_MISMATCH",
        }
    }

    /// What to tell the person, and what they can do.
    pub fn message(self) -> &'static str {
        match self {
            ReadOnlyReason::OfflineTooLong => "the licence could not be checked online for too long: connect to the internet to keep working",
            ReadOnlyReason::Expired => "the licence has expired: renew it to keep working",
            ReadOnlyReason::Suspended => "the licence is suspended: contact support",
            ReadOnlyReason::Revoked => "the licence was revoked: contact support",
            ReadOnlyReason::Canceled => "the subscription was canceled: subscribe again to keep working",
            ReadOnlyReason::PastDueTooLong => "the last payment failed: update the payment method to keep working",
            ReadOnlyReason::WrongMachine => "this licence file was issued to another computer: activate this one",
        }
    }
}

/// Where the licence stands now; see the module docs for the rules.
pub fn standing(
    p: &LicensePayload,
    now: DateTime<Utc>,
    last_seen: Option<DateTime<Utc>>,
    fingerprint: &str,
) -> Standing {
    let read_only = |reason| Standing::ReadOnly { reason };
    if p.machine.fingerprint != fingerprint.trim() {
        return read_only(ReadOnlyReason::WrongMachine);
    }
    match p.status {
        LicenseStatus::Suspended => return read_only(ReadOnlyReason::Suspended),
        LicenseStatus::Revoked => return read_only(ReadOnlyReason::Revoked),
        LicenseStatus::Canceled => return read_only(ReadOnlyReason::Canceled),
        LicenseStatus::Expired => return read_only(ReadOnlyReason::Expired),
        LicenseStatus::Active | LicenseStatus::Trialing | LicenseStatus::PastDue => {}
    }

    let tolerance = Duration::hours(CLOCK_TOLERANCE_HOURS);
    let Ok(issued_at) = p.issued_at() else {
        return read_only(ReadOnlyReason::OfflineTooLong);
    };
    if now < issued_at - tolerance || last_seen.is_some_and(|seen| now < seen - tolerance) {
        return Standing::ClockTampered;
    }

    let expires_at = match p.expires_at() {
        Ok(e) => e,
        Err(_) => return read_only(ReadOnlyReason::Expired),
    };
    if expires_at.is_some_and(|end| now >= end) {
        return read_only(ReadOnlyReason::Expired);
    }

    let (Ok(refresh_by), Ok(grace_end)) = (p.refresh_by(), p.grace_ends_at()) else {
        return read_only(ReadOnlyReason::OfflineTooLong);
    };
    if now >= grace_end {
        return read_only(if p.status == LicenseStatus::PastDue {
            ReadOnlyReason::PastDueTooLong
        } else {
            ReadOnlyReason::OfflineTooLong
        });
    }
    if now >= refresh_by {
        let read_only_at = expires_at.map_or(grace_end, |end| end.min(grace_end));
        return Standing::Grace { read_only_at };
    }
    Standing::Valid {
        refresh_due: now >= refresh_by - Duration::days(REFRESH_DUE_DAYS),
    }
}

/// The last-seen time to store after a check: it only moves forward, so setting the clock back
/// and forth cannot wind it back.
pub fn advance_last_seen(last_seen: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
    last_seen.map_or(now, |seen| seen.max(now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payload::format_time;
    use crate::payload::tests::sample_payload;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, d, h, 0, 0).unwrap()
    }

    fn second() -> Duration {
        Duration::seconds(1)
    }

    /// issued 1 Jan, refresh_by 15 Jan, grace 7 days (ends 22 Jan), expires 1 Feb.
    fn payload() -> LicensePayload {
        sample_payload()
    }

    fn fp() -> String {
        payload().machine.fingerprint
    }

    fn check(p: &LicensePayload, now: DateTime<Utc>) -> Standing {
        standing(p, now, None, &fp())
    }

    #[test]
    fn valid_until_refresh_by_and_due_within_three_days() {
        let p = payload();
        assert_eq!(check(&p, at(1, 0)), Standing::Valid { refresh_due: false });
        assert_eq!(
            check(&p, at(12, 0) - second()),
            Standing::Valid { refresh_due: false }
        );
        assert_eq!(check(&p, at(12, 0)), Standing::Valid { refresh_due: true });
        assert_eq!(
            check(&p, at(15, 0) - second()),
            Standing::Valid { refresh_due: true }
        );
    }

    #[test]
    fn grace_from_exactly_refresh_by_to_just_before_its_end() {
        let p = payload();
        let grace = Standing::Grace {
            read_only_at: at(22, 0),
        };
        assert_eq!(check(&p, at(15, 0)), grace);
        assert_eq!(check(&p, at(22, 0) - second()), grace);
        assert!(grace.is_usable());
        assert_eq!(grace.code(), "GRACE_PERIOD");
    }

    #[test]
    fn read_only_exactly_at_the_grace_end() {
        let p = payload();
        let offline = Standing::ReadOnly {
            reason: ReadOnlyReason::OfflineTooLong,
        };
        assert_eq!(check(&p, at(22, 0)), offline);
        assert_eq!(check(&p, at(31, 0)), offline);
        assert!(!offline.is_usable());
        assert_eq!(offline.code(), "OVERDUE");
    }

    #[test]
    fn expiry_wins_and_shortens_the_grace() {
        let mut p = payload();
        p.expires_at = Some(format_time(at(20, 0)));
        assert_eq!(
            check(&p, at(16, 0)),
            Standing::Grace {
                read_only_at: at(20, 0)
            }
        );
        assert_eq!(
            check(&p, at(20, 0) - second()),
            Standing::Grace {
                read_only_at: at(20, 0)
            }
        );
        let expired = Standing::ReadOnly {
            reason: ReadOnlyReason::Expired,
        };
        assert_eq!(check(&p, at(20, 0)), expired);
        // Expiry before refresh_by: read-only even while the file is fresh.
        p.expires_at = Some(format_time(at(5, 0)));
        assert_eq!(
            check(&p, at(5, 0) - second()),
            Standing::Valid { refresh_due: false }
        );
        assert_eq!(check(&p, at(5, 0)), expired);
        // A later expiry than the grace end does not lengthen the grace.
        p.expires_at = Some(format_time(at(30, 0)));
        assert_eq!(
            check(&p, at(15, 0)),
            Standing::Grace {
                read_only_at: at(22, 0)
            }
        );
    }

    #[test]
    fn perpetual_licences_still_need_refreshing() {
        let mut p = payload();
        p.expires_at = None;
        assert_eq!(check(&p, at(14, 0)), Standing::Valid { refresh_due: true });
        assert_eq!(
            check(&p, at(15, 0)),
            Standing::Grace {
                read_only_at: at(22, 0)
            }
        );
        assert_eq!(
            check(&p, at(22, 0)),
            Standing::ReadOnly {
                reason: ReadOnlyReason::OfflineTooLong
            }
        );
    }

    #[test]
    fn statuses() {
        let now = at(2, 0);
        for (status, reason) in [
            (LicenseStatus::Suspended, ReadOnlyReason::Suspended),
            (LicenseStatus::Revoked, ReadOnlyReason::Revoked),
            (LicenseStatus::Canceled, ReadOnlyReason::Canceled),
            (LicenseStatus::Expired, ReadOnlyReason::Expired),
        ] {
            let mut p = payload();
            p.status = status;
            assert_eq!(check(&p, now), Standing::ReadOnly { reason }, "{status:?}");
            // Even with the clock set back: the server's word is final.
            assert_eq!(
                standing(&p, now, Some(at(20, 0)), &fp()),
                Standing::ReadOnly { reason }
            );
        }
        for status in [
            LicenseStatus::Active,
            LicenseStatus::Trialing,
            LicenseStatus::PastDue,
        ] {
            let mut p = payload();
            p.status = status;
            assert_eq!(check(&p, now), Standing::Valid { refresh_due: false });
            assert_eq!(
                check(&p, at(15, 0)),
                Standing::Grace {
                    read_only_at: at(22, 0)
                }
            );
        }
    }

    #[test]
    fn past_due_becomes_read_only_with_its_own_reason() {
        let mut p = payload();
        p.status = LicenseStatus::PastDue;
        assert_eq!(
            check(&p, at(22, 0) - second()),
            Standing::Grace {
                read_only_at: at(22, 0)
            }
        );
        let r = check(&p, at(22, 0));
        assert_eq!(
            r,
            Standing::ReadOnly {
                reason: ReadOnlyReason::PastDueTooLong
            }
        );
        assert_eq!(r.code(), "PAST_DUE");
    }

    #[test]
    fn wrong_machine_comes_first() {
        let mut p = payload();
        assert_eq!(
            standing(&p, at(2, 0), None, "00".repeat(32).as_str()),
            Standing::ReadOnly {
                reason: ReadOnlyReason::WrongMachine
            }
        );
        p.status = LicenseStatus::Revoked;
        let r = standing(&p, at(2, 0), None, "");
        assert_eq!(
            r,
            Standing::ReadOnly {
                reason: ReadOnlyReason::WrongMachine
            }
        );
        assert_eq!(r.code(), "FINGERPRINT_SCOPE_MISMATCH");
        // Surrounding whitespace in the fingerprint passed in is forgiven.
        let p = payload();
        assert_eq!(
            standing(&p, at(2, 0), None, &format!("{}\n", fp())),
            Standing::Valid { refresh_due: false }
        );
    }

    #[test]
    fn clock_set_back_against_last_seen() {
        let p = payload();
        let now = at(10, 0);
        let ok = Standing::Valid { refresh_due: false };
        assert_eq!(standing(&p, now, Some(now), &fp()), ok);
        assert_eq!(standing(&p, now, Some(now - Duration::hours(5)), &fp()), ok);
        assert_eq!(standing(&p, now, Some(now + Duration::hours(1)), &fp()), ok);
        assert_eq!(standing(&p, now, Some(now + Duration::hours(2)), &fp()), ok);
        assert_eq!(
            standing(&p, now, Some(now + Duration::hours(2) + second()), &fp()),
            Standing::ClockTampered
        );
        assert_eq!(
            standing(&p, now, Some(now + Duration::hours(3)), &fp()),
            Standing::ClockTampered
        );
        assert_eq!(Standing::ClockTampered.code(), "CLOCK_TAMPERED");
        assert!(!Standing::ClockTampered.is_usable());
    }

    #[test]
    fn clock_before_issued_at() {
        let p = payload();
        let issued = at(1, 0);
        assert_eq!(
            check(&p, issued - Duration::hours(1)),
            Standing::Valid { refresh_due: false }
        );
        assert_eq!(
            check(&p, issued - Duration::hours(2)),
            Standing::Valid { refresh_due: false }
        );
        assert_eq!(
            check(&p, issued - Duration::hours(2) - second()),
            Standing::ClockTampered
        );
        assert_eq!(
            check(&p, issued - Duration::hours(3)),
            Standing::ClockTampered
        );
    }

    #[test]
    fn clock_checks_come_before_expiry() {
        // Past the grace by the clock, but the clock is behind what the app saw.
        let p = payload();
        assert_eq!(
            standing(&p, at(25, 0), Some(at(28, 0)), &fp()),
            Standing::ClockTampered
        );
    }

    #[test]
    fn unparseable_times_are_read_only() {
        let mut p = payload();
        p.expires_at = Some("soon".into());
        assert_eq!(
            check(&p, at(2, 0)),
            Standing::ReadOnly {
                reason: ReadOnlyReason::Expired
            }
        );
        for field in ["issued_at", "refresh_by"] {
            let mut p = payload();
            match field {
                "issued_at" => p.issued_at = "?".into(),
                _ => p.refresh_by = "?".into(),
            }
            assert_eq!(
                check(&p, at(2, 0)),
                Standing::ReadOnly {
                    reason: ReadOnlyReason::OfflineTooLong
                },
                "{field}"
            );
        }
    }

    #[test]
    fn zero_grace_days_go_read_only_at_refresh_by() {
        let mut p = payload();
        p.grace_days = 0;
        assert_eq!(
            check(&p, at(15, 0) - second()),
            Standing::Valid { refresh_due: true }
        );
        assert_eq!(
            check(&p, at(15, 0)),
            Standing::ReadOnly {
                reason: ReadOnlyReason::OfflineTooLong
            }
        );
    }

    #[test]
    fn last_seen_only_moves_forward() {
        assert_eq!(advance_last_seen(None, at(5, 0)), at(5, 0));
        assert_eq!(advance_last_seen(Some(at(3, 0)), at(5, 0)), at(5, 0));
        assert_eq!(advance_last_seen(Some(at(7, 0)), at(5, 0)), at(7, 0));
    }

    #[test]
    fn typescript_declarations_match_the_json() {
        let cfg = ts_rs::Config::default();
        let decl = Standing::decl(&cfg);
        assert!(decl.contains("\"state\": \"grace\""), "{decl}");
        assert!(decl.contains("read_only_at: string"), "{decl}");
        let reason = ReadOnlyReason::decl(&cfg);
        assert!(reason.contains("\"past_due_too_long\""), "{reason}");
    }

    #[test]
    fn serialises_for_the_ui() {
        let json = serde_json::to_string(&Standing::Grace {
            read_only_at: at(22, 0),
        })
        .unwrap();
        assert_eq!(
            json,
            r#"{"state":"grace","read_only_at":"2026-01-22T00:00:00Z"}"#
        );
        let json = serde_json::to_string(&Standing::ReadOnly {
            reason: ReadOnlyReason::PastDueTooLong,
        })
        .unwrap();
        assert_eq!(
            json,
            r#"{"state":"read_only","reason":"past_due_too_long"}"#
        );
        assert_eq!(
            serde_json::to_string(&Standing::ClockTampered).unwrap(),
            r#"{"state":"clock_tampered"}"#
        );
        for r in [
            ReadOnlyReason::OfflineTooLong,
            ReadOnlyReason::Expired,
            ReadOnlyReason::Suspended,
            ReadOnlyReason::Revoked,
            ReadOnlyReason::Canceled,
            ReadOnlyReason::PastDueTooLong,
            ReadOnlyReason::WrongMachine,
        ] {
            assert!(!r.message().is_empty());
        }
    }
}
