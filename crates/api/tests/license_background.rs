//! The app's hourly background check (`license::refresh_if_due_at`) against the real licence
//! server on loopback, with the clock moved forward: nothing is asked while the file is fresh or
//! in the trial; a day-old file is refreshed; a revocation heard this way makes the app
//! read-only; an unreachable server leaves the licence as it was.
mod license_support;

use chrono::{Duration, Utc};
use instagrowth_api::license::{self, LicenseState};
use instagrowth_api::ErrorCode;
use instagrowth_license::LicenseStatus;
use license_support::LicenseServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_due_refresh_runs_in_the_background_and_hears_a_revocation() {
    let server = LicenseServer::start().await;
    let key = server.issue("pro").await;
    let (_dir, ws) = server.fresh_workspace("machine-1").await;

    // The trial: nothing to refresh, nothing asked.
    let check = license::refresh_if_due(&ws).await.unwrap();
    assert_eq!(check.status.state, LicenseState::Trial);
    assert!(!check.attempted && !check.refreshed && check.error.is_none());

    license::activate(&ws, &key, None).await.unwrap();
    let check = license::refresh_if_due(&ws).await.unwrap();
    assert!(!check.attempted, "a fresh file is not refreshed");

    // A day later the file is due: refreshed, and the server saw it.
    let later = Utc::now() + Duration::hours(25);
    let check = license::refresh_if_due_at(&ws, later).await.unwrap();
    assert!(check.attempted && check.refreshed, "{check:?}");
    assert_eq!(check.status.state, LicenseState::Active);
    assert_eq!(check.status.seats_in_use, Some(1));

    // Revoked at the server: the next due check turns the app read-only.
    server.hold(&key, Some(LicenseStatus::Revoked)).await;
    let check = license::refresh_if_due_at(&ws, Utc::now() + Duration::hours(26))
        .await
        .unwrap();
    assert!(check.attempted && !check.refreshed);
    assert_eq!(check.error.unwrap().code, ErrorCode::LicenseRefused);
    assert_eq!(check.status.state, LicenseState::ReadOnly);
    assert_eq!(check.status.code, "REVOKED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_server_in_the_background_leaves_the_licence_as_it_was() {
    let server = LicenseServer::start().await;
    let key = server.issue("starter").await;
    let (_dir, ws) = server.fresh_workspace("machine-1").await;
    license::activate(&ws, &key, None).await.unwrap();
    drop(server);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;

    let check = license::refresh_if_due_at(&ws, Utc::now() + Duration::hours(30))
        .await
        .unwrap();
    assert!(check.attempted && !check.refreshed);
    assert_eq!(
        check.error.unwrap().code,
        ErrorCode::LicenseServerUnreachable
    );
    assert_eq!(check.status.state, LicenseState::Active, "the file stands");
}
