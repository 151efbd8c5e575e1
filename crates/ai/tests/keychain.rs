//! The real OS keychain (Secret Service under `scripts/desktop-session.sh` in CI).
use instagrowth_ai::Keychain;

#[test]
#[ignore = "needs a D-Bus session with an unlocked keyring: scripts/desktop-session.sh"]
fn a_secret_round_trips_through_the_os_keychain() {
    let service = format!("com.instagrowth.test.{}", std::process::id());
    let kc = Keychain::open_service(&service).expect("keychain");
    assert_eq!(kc.get("openai").unwrap(), None);
    kc.set("openai", "sk-test-123").unwrap();
    assert_eq!(kc.get("openai").unwrap().as_deref(), Some("sk-test-123"));
    kc.set("openai", "sk-test-456").unwrap();
    assert_eq!(
        kc.get("openai").unwrap().as_deref(),
        Some("sk-test-456"),
        "replaced, not duplicated"
    );
    assert!(kc.delete("openai").unwrap());
    assert!(!kc.delete("openai").unwrap());
    assert_eq!(kc.get("openai").unwrap(), None);
}

#[test]
#[ignore = "needs to run without any D-Bus session: see scripts/test.sh"]
fn without_a_keychain_the_error_says_so() {
    let err = Keychain::open_service("com.instagrowth.test.none")
        .and_then(|kc| kc.set("openai", "sk-never-stored"))
        .expect_err("no keychain outside a desktop session");
    let msg = err.to_string();
    assert!(msg.contains("no OS keychain is reachable"), "{msg}");
    assert!(
        !msg.contains("sk-never-stored"),
        "the secret leaked into the error"
    );
}
