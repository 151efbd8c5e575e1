//! The licence rules with the clock injected: the TTL and grace boundaries, read-only after the
//! grace, clock rollback, tampered files, the trial, and a refusal over a fresh file — first as
//! the pure [`evaluate`], then through a real workspace with signed files on disk.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};
use instagrowth_ai::KeychainError;
use instagrowth_license::{
    fingerprint, format_time, generate_signing_key, sign, LicensePayload, LicenseStatus as Server,
    Machine, SigningKey, DEFAULT_GRACE_DAYS, DEFAULT_TTL_DAYS, FORMAT,
};

use super::config::APP_KEY;
use super::status::{evaluate, trial_entitlements, Facts, Stored};
use super::stored::Refusal;
use super::*;
use crate::ErrorCode;

/// A key store in memory, for these tests only (the app's is always the OS keychain).
#[derive(Default)]
pub(crate) struct MemoryStore(Mutex<HashMap<String, String>>);

impl KeyStore for MemoryStore {
    fn get(&self, account: &str) -> Result<Option<String>, KeychainError> {
        Ok(self.0.lock().unwrap().get(account).cloned())
    }
    fn set(&self, account: &str, secret: &str) -> Result<(), KeychainError> {
        self.0.lock().unwrap().insert(account.into(), secret.into());
        Ok(())
    }
    fn delete(&self, account: &str) -> Result<bool, KeychainError> {
        Ok(self.0.lock().unwrap().remove(account).is_some())
    }
    fn name(&self) -> &'static str {
        "memory (tests)"
    }
}

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap()
}

fn second() -> Duration {
    Duration::seconds(1)
}

const MACHINE: &str = "machine-1";

fn fp() -> String {
    fingerprint(MACHINE, APP_KEY)
}

/// Issued 1 March 00:00, refresh_by 15 March, grace to 22 March, expires 1 April.
fn payload() -> LicensePayload {
    let issued = at(1, 0);
    LicensePayload {
        format: FORMAT,
        license_id: "0b6f6c1e-2a7d-4f7e-9a51-5d8a0f2e1c11".into(),
        key_prefix: "IGOS-7KQ3M".into(),
        plan: "pro".into(),
        status: Server::Active,
        entitlements: default_catalog_entitlements("pro"),
        customer_email: Some("ana@example.com".into()),
        machine: Machine {
            fingerprint: fp(),
            name: "Ana's laptop".into(),
            platform: "linux".into(),
        },
        issued_at: format_time(issued),
        expires_at: Some(format_time(
            Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap(),
        )),
        refresh_by: format_time(issued + Duration::days(i64::from(DEFAULT_TTL_DAYS))),
        grace_days: DEFAULT_GRACE_DAYS,
    }
}

fn default_catalog_entitlements(plan: &str) -> Entitlements {
    instagrowth_license::default_catalog()
        .entitlements(plan, &[], &[])
        .unwrap()
}

fn facts(now: DateTime<Utc>, stored: Stored) -> Facts {
    Facts {
        now,
        last_seen: None,
        trial_started: at(1, 0),
        stored,
        refusal: None,
        server_url: "https://licenses.example.test".into(),
    }
}

fn verified(p: LicensePayload) -> Stored {
    Stored::Verified {
        payload: Box::new(p),
        fingerprint: fp(),
    }
}

fn eval_at(now: DateTime<Utc>) -> LicenseStatus {
    evaluate(&facts(now, verified(payload())))
}

#[test]
fn active_until_refresh_by_then_grace_then_read_only() {
    let s = eval_at(at(1, 0) + Duration::hours(1));
    assert_eq!(s.state, LicenseState::Active);
    assert_eq!(s.code, "VALID");
    assert_eq!(s.plan, "pro");
    assert_eq!(s.plan_label, "Pro");
    assert_eq!(s.entitlements.max_active_clients, Some(10));
    assert_eq!(s.status.as_deref(), Some("active"));
    assert_eq!(s.key_prefix.as_deref(), Some("IGOS-7KQ3M"));
    assert_eq!(s.machine_name.as_deref(), Some("Ana's laptop"));
    assert_eq!(s.refresh_by.as_deref(), Some("2026-03-15T00:00:00Z"));
    assert_eq!(
        s.renews_or_expires_at.as_deref(),
        Some("2026-04-01T00:00:00Z")
    );
    assert_eq!(s.read_only_at.as_deref(), Some("2026-03-22T00:00:00Z"));
    assert_eq!(s.reason, None);
    assert!(!s.refresh_due);
    assert!(s.is_usable());

    // The last second before refresh_by: still active, refresh due.
    let s = eval_at(at(15, 0) - second());
    assert_eq!(s.state, LicenseState::Active);
    assert!(s.refresh_due);

    // refresh_by itself: grace, with the date it ends in the banner.
    let s = eval_at(at(15, 0));
    assert_eq!(s.state, LicenseState::Grace);
    assert_eq!(s.code, "GRACE_PERIOD");
    assert_eq!(s.read_only_at.as_deref(), Some("2026-03-22T00:00:00Z"));
    assert!(s.refresh_due);
    assert!(s.is_usable());
    let reason = s.reason.unwrap();
    assert!(reason.contains("2026-03-22 00:00 UTC"), "{reason}");
    assert!(reason.contains("viewable and exportable"), "{reason}");
    assert_eq!(
        eval_at(at(22, 0) - second()).state,
        LicenseState::Grace,
        "the grace's last second"
    );

    // The grace's end: read-only, saying why and what stays.
    let s = eval_at(at(22, 0));
    assert_eq!(s.state, LicenseState::ReadOnly);
    assert_eq!(s.code, "OVERDUE");
    assert!(!s.is_usable());
    assert!(s.refresh_due, "a refresh would bring it back");
    let reason = s.reason.unwrap();
    assert!(
        reason.starts_with("The licence could not be checked online"),
        "{reason}"
    );
    assert!(reason.contains("viewable and exportable"));
}

#[test]
fn a_day_old_file_is_due_for_a_check_online() {
    assert!(!eval_at(at(2, 0) - second()).refresh_due);
    let s = eval_at(at(2, 0));
    assert_eq!(s.state, LicenseState::Active);
    assert!(s.refresh_due);
}

#[test]
fn a_clock_set_back_more_than_two_hours_is_tampering() {
    let now = at(5, 12);
    let with_seen = |seen: DateTime<Utc>| {
        let mut f = facts(now, verified(payload()));
        f.last_seen = Some(seen);
        evaluate(&f)
    };
    let ok = with_seen(now + Duration::hours(1));
    assert_eq!(ok.state, LicenseState::Active);
    assert_eq!(
        with_seen(now + Duration::hours(2)).state,
        LicenseState::Active
    );
    let s = with_seen(now + Duration::hours(2) + second());
    assert_eq!(s.state, LicenseState::ReadOnly);
    assert_eq!(s.code, "CLOCK_TAMPERED");
    assert!(s.reason.unwrap().contains("clock"));
    // Before the file was even issued.
    let s = evaluate(&facts(at(1, 0) - Duration::hours(3), verified(payload())));
    assert_eq!(s.code, "CLOCK_TAMPERED");
}

#[test]
fn the_servers_statuses_and_other_machines_are_read_only() {
    let mut p = payload();
    p.status = Server::Revoked;
    let s = evaluate(&facts(at(2, 0), verified(p)));
    assert_eq!(
        (s.state, s.code.as_str()),
        (LicenseState::ReadOnly, "REVOKED")
    );
    assert!(s.reason.unwrap().starts_with("The licence was revoked"));

    let f = Facts {
        stored: Stored::Verified {
            payload: Box::new(payload()),
            fingerprint: fingerprint("machine-2", APP_KEY),
        },
        ..facts(at(2, 0), Stored::None)
    };
    let s = evaluate(&f);
    assert_eq!(s.code, "FINGERPRINT_SCOPE_MISMATCH");
    assert!(
        !s.refresh_due,
        "refreshing cannot fix another machine's file"
    );
}

#[test]
fn a_refusal_outweighs_a_fresh_file() {
    let mut f = facts(at(3, 0), verified(payload()));
    f.refusal = Some(Refusal {
        code: "REVOKED".into(),
        detail: "this licence was revoked and cannot be used again".into(),
        at: format_time(at(3, 0) - Duration::hours(1)),
    });
    let s = evaluate(&f);
    assert_eq!(s.state, LicenseState::ReadOnly);
    assert_eq!(s.code, "REVOKED");
    assert_eq!(s.plan, "pro", "what the licence was stays visible");
    let reason = s.reason.clone().unwrap();
    assert!(
        reason.contains("this licence was revoked and cannot be used again (REVOKED)"),
        "{reason}"
    );
    assert!(!s.refresh_due, "asked again a day later, not at once");
    f.now = at(4, 0);
    assert!(evaluate(&f).refresh_due);
}

#[test]
fn a_damaged_file_is_read_only() {
    let s = evaluate(&facts(at(2, 0), Stored::Damaged("bad signature".into())));
    assert_eq!(s.state, LicenseState::ReadOnly);
    assert_eq!(s.code, "LICENSE_TAMPERED");
    assert_eq!(s.entitlements, trial_entitlements());
    assert!(s.reason.unwrap().contains("bad signature"));
    assert!(s.refresh_due);
}

#[test]
fn the_trial_lasts_fourteen_days_with_the_trial_plans_limits() {
    let start = at(1, 0);
    let s = evaluate(&facts(start, Stored::None));
    assert_eq!(s.state, LicenseState::Trial);
    assert_eq!(s.code, "TRIAL");
    assert_eq!(s.plan, "trial");
    assert_eq!(s.entitlements, trial_entitlements());
    assert_eq!(
        s.entitlements.max_active_clients,
        default_catalog_entitlements("starter").max_active_clients,
        "Starter's limits"
    );
    assert_eq!(s.trial_ends_at.as_deref(), Some("2026-03-15T00:00:00Z"));
    assert_eq!(s.read_only_at.as_deref(), Some("2026-03-15T00:00:00Z"));
    assert!(s.reason.unwrap().starts_with("Trial: 14 days left"));

    let reason = |now| evaluate(&facts(now, Stored::None)).reason.unwrap();
    assert!(reason(at(1, 0) + second()).starts_with("Trial: 14 days left"));
    assert!(reason(at(13, 12)).starts_with("Trial: 2 days left"));
    assert!(reason(at(14, 0)).starts_with("Trial: 1 day left"));
    let last = evaluate(&facts(at(15, 0) - second(), Stored::None));
    assert_eq!(last.state, LicenseState::Trial);
    assert!(last
        .reason
        .unwrap()
        .starts_with("Trial: less than a day left"));

    let ended = evaluate(&facts(at(15, 0), Stored::None));
    assert_eq!(ended.state, LicenseState::ReadOnly);
    assert_eq!(ended.code, "TRIAL_ENDED");
    let reason = ended.reason.unwrap();
    assert!(
        reason.starts_with("The 14-day trial ended on 2026-03-15"),
        "{reason}"
    );
    assert!(reason.contains("viewable and exportable"));

    // The clock set back during the trial.
    let mut f = facts(at(5, 0), Stored::None);
    f.last_seen = Some(at(5, 3));
    assert_eq!(evaluate(&f).code, "CLOCK_TAMPERED");
    f.last_seen = Some(at(5, 1));
    assert_eq!(evaluate(&f).code, "TRIAL");
}

// --- Through a workspace: files on disk, settings, the clock injected. ---

struct Fixture {
    ws: Workspace,
    key: SigningKey,
    _dir: tempfile::TempDir,
}

async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).await.unwrap();
    let key = generate_signing_key();
    let mut cfg = LicenseConfig::new(
        "http://127.0.0.1:9",
        key.verifying_key(),
        Arc::new(MemoryStore::default()),
    );
    cfg.machine_id = Some(MACHINE.into());
    ws.set_license_config(cfg);
    Fixture { ws, key, _dir: dir }
}

impl Fixture {
    fn file(&self) -> std::path::PathBuf {
        self.ws.data_dir().join(FILE_NAME)
    }

    fn store(&self, p: &LicensePayload) {
        std::fs::write(self.file(), sign(p, &self.key)).unwrap();
    }
}

#[tokio::test]
async fn a_signed_file_on_disk_is_read_verified_and_judged_at_the_given_time() {
    let f = fixture().await;
    f.store(&payload());
    let s = status_at(&f.ws, at(3, 0)).await.unwrap();
    assert_eq!((s.state, s.plan.as_str()), (LicenseState::Active, "pro"));
    assert_eq!(s.server_url, "http://127.0.0.1:9");
    assert_eq!(stored_license(&f.ws).await.unwrap().unwrap().plan, "pro");
    assert_eq!(
        status_at(&f.ws, at(16, 0)).await.unwrap().state,
        LicenseState::Grace
    );
    assert_eq!(
        status_at(&f.ws, at(22, 0)).await.unwrap().state,
        LicenseState::ReadOnly
    );
    let (ents, read_only) = current_entitlements(&f.ws).await.unwrap();
    assert_eq!(ents.max_active_clients, Some(10));
    assert!(read_only, "the real clock is far past this file's grace");
}

#[tokio::test]
async fn an_edited_file_is_refused_as_tampered() {
    let f = fixture().await;
    f.store(&payload());
    // Flip one character of the armored body: the payload or the signature no longer matches.
    let text = std::fs::read_to_string(f.file()).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let body = &mut lines[2];
    let c = body.pop().unwrap();
    body.push(if c == 'A' { 'B' } else { 'A' });
    std::fs::write(f.file(), lines.join("\n") + "\n").unwrap();

    let e = stored_license(&f.ws).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::LicenseTampered);
    let s = status_at(&f.ws, at(3, 0)).await.unwrap();
    assert_eq!(
        (s.state, s.code.as_str()),
        (LicenseState::ReadOnly, "LICENSE_TAMPERED")
    );

    // A well-formed file signed by another key is no better.
    let other = generate_signing_key();
    std::fs::write(f.file(), sign(&payload(), &other)).unwrap();
    assert_eq!(
        stored_license(&f.ws).await.unwrap_err().code,
        ErrorCode::LicenseTampered
    );
    // Nor is a file whose plan was edited and re-encoded without the key.
    let mut better = payload();
    better.plan = "enterprise".into();
    let forged = sign(&better, &other);
    std::fs::write(f.file(), forged).unwrap();
    assert_eq!(
        status_at(&f.ws, at(3, 0)).await.unwrap().code,
        "LICENSE_TAMPERED"
    );
}

#[tokio::test]
async fn the_last_seen_time_only_moves_forward_and_catches_a_clock_set_back() {
    let f = fixture().await;
    f.store(&payload());
    let seen = at(5, 12);
    assert_eq!(
        status_at(&f.ws, seen).await.unwrap().state,
        LicenseState::Active
    );
    // An hour back: fine (time zones, drift), and the last-seen time stays at 12:00.
    let s = status_at(&f.ws, seen - Duration::hours(1)).await.unwrap();
    assert_eq!(s.state, LicenseState::Active);
    assert_eq!(
        stored::last_seen(&f.ws).await.unwrap(),
        Some(seen),
        "never moved back"
    );
    // More than two hours back: tampering.
    let s = status_at(&f.ws, seen - Duration::hours(2) - second())
        .await
        .unwrap();
    assert_eq!(
        (s.state, s.code.as_str()),
        (LicenseState::ReadOnly, "CLOCK_TAMPERED")
    );
    // The clock set right again: fine again.
    assert_eq!(
        status_at(&f.ws, seen + Duration::minutes(5))
            .await
            .unwrap()
            .state,
        LicenseState::Active
    );
}

#[tokio::test]
async fn the_trial_starts_on_first_use_and_survives_removing_the_licence_file() {
    let f = fixture().await;
    let start = at(1, 9);
    let s = status_at(&f.ws, start).await.unwrap();
    assert_eq!(s.state, LicenseState::Trial);
    assert_eq!(s.trial_ends_at.as_deref(), Some("2026-03-15T09:00:00Z"));
    assert_eq!(
        stored::trial_started(&f.ws, at(20, 0)).await.unwrap(),
        start,
        "written once"
    );
    // A licence comes and goes: the trial still counts from its first day.
    f.store(&payload());
    assert_eq!(
        status_at(&f.ws, at(3, 0)).await.unwrap().state,
        LicenseState::Active
    );
    std::fs::remove_file(f.file()).unwrap();
    let s = status_at(&f.ws, at(15, 9) - second()).await.unwrap();
    assert_eq!(s.state, LicenseState::Trial);
    let s = status_at(&f.ws, at(15, 9)).await.unwrap();
    assert_eq!(
        (s.state, s.code.as_str()),
        (LicenseState::ReadOnly, "TRIAL_ENDED")
    );
}

#[tokio::test]
async fn an_in_memory_workspace_is_in_its_trial_and_cannot_activate() {
    let ws = Workspace::in_memory().await.unwrap();
    let (ents, read_only) = current_entitlements(&ws).await.unwrap();
    assert_eq!(ents, trial_entitlements());
    assert!(!read_only);
    let key = instagrowth_license::generate_purchase_key();
    let e = activate(&ws, key.as_str(), None).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::DataDir);
}

#[tokio::test]
async fn a_mistyped_key_is_refused_before_anything_else() {
    let f = fixture().await;
    let key = instagrowth_license::generate_purchase_key();
    let mut typo: Vec<char> = key.as_str().chars().collect();
    let last = typo.len() - 1;
    typo[last] = if typo[last] == '0' { '1' } else { '0' };
    let typo: String = typo.into_iter().collect();
    // The server address is closed: a request would fail as unreachable, not as a bad key.
    for bad in [typo.as_str(), "IGOS-123", "hello"] {
        let e = activate(&f.ws, bad, None).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::LicenseInvalidKey, "{bad}: {}", e.message);
        assert_eq!(e.field.as_deref(), Some("key"));
    }
    assert!(!f.file().exists());
    // Without a key stored, the online steps say so.
    for e in [
        refresh(&f.ws).await.unwrap_err(),
        deactivate(&f.ws).await.unwrap_err(),
        portal_url(&f.ws).await.unwrap_err(),
    ] {
        assert_eq!(e.code, ErrorCode::LicenseNotActivated, "{}", e.message);
    }
}

/// A licence valid now by the real clock, with `entitlements`.
fn current(entitlements: Entitlements) -> LicensePayload {
    let now = Utc::now();
    let mut p = payload();
    p.entitlements = entitlements;
    p.issued_at = format_time(now - Duration::hours(1));
    p.expires_at = None;
    p.refresh_by = format_time(now + Duration::days(10));
    p
}

#[tokio::test]
async fn a_feature_or_white_label_the_plan_lacks_is_refused_with_plan_limit() {
    let f = fixture().await;
    let mut ents = default_catalog_entitlements("pro");
    ents.features.retain(|x| x != "planner");
    f.store(&current(ents));
    let s = status(&f.ws).await.unwrap();
    assert_eq!(s.state, LicenseState::Active, "{s:?}");

    let glow = crate::NewClient {
        name: "Glow".into(),
        handle: "glow".into(),
        ..Default::default()
    };
    crate::clients::add(&f.ws, &glow).await.unwrap();
    let req = crate::planner::NewPlan {
        start: Some("2026-12-07".into()),
        days: 7,
        goal: instagrowth_planner::Goal::Growth,
        posts_per_week: 3,
        stories_per_day: 1,
        pillars: vec!["Routines".into()],
        name: None,
        offline: Some(true),
    };
    let e = crate::planner::create(&f.ws, "@glow", &req)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::PlanLimit, "{e:?}");
    assert!(
        e.message.contains("Your Pro plan does not include") && e.message.contains("`planner`"),
        "{}",
        e.message
    );

    // White label needs the entitlement: refused without, and a stored setting reads as off.
    let mut b = crate::branding::get(&f.ws).await.unwrap();
    b.white_label = true;
    let e = crate::branding::set(&f.ws, &b).await.unwrap_err();
    assert_eq!(
        (e.code, e.field.as_deref()),
        (ErrorCode::PlanLimit, Some("white_label"))
    );
    f.store(&current(default_catalog_entitlements("agency")));
    assert!(crate::branding::set(&f.ws, &b).await.unwrap().white_label);
    assert!(crate::branding::get(&f.ws).await.unwrap().white_label);
    f.store(&current(default_catalog_entitlements("pro")));
    assert!(!crate::branding::get(&f.ws).await.unwrap().white_label);
}
