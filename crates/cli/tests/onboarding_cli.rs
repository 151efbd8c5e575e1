//! `instagrowth onboarding`: a new workspace's setup is open; skip puts it aside (the app then
//! opens on the client list), resume brings it back at the same step.
mod common;

use common::Ws;

#[test]
fn the_setup_is_skipped_and_resumed_from_the_cli() {
    let ws = Ws::new();
    let o = ws.json(&["onboarding", "status"]);
    assert_eq!(o["step"], "license");
    assert_eq!(o["skipped"], false);
    assert_eq!(o["finished"], false);

    let o = ws.json(&["onboarding", "skip"]);
    assert_eq!(o["skipped"], true);
    let text = ws.text(&["onboarding", "status"]);
    assert!(
        text.contains("Setup skipped at \"licence\" (0 of 6 steps done)"),
        "{text}"
    );

    let o = ws.json(&["onboarding", "resume"]);
    assert_eq!(o["skipped"], false);
    assert_eq!(o["step"], "license");
}

#[test]
fn a_workspace_that_already_has_clients_counts_as_set_up() {
    let ws = Ws::with_client("Glow Studio", "glow", "skincare");
    let o = ws.json(&["onboarding", "status"]);
    assert_eq!(o["finished"], true, "{o}");
    assert_eq!(o["done"].as_array().unwrap().len(), 6);
}
