//! `checkout_keys`: the purchase key for the Checkout success page, shown once.
//!
//! # How the key is kept, and for how long
//! Stripe sends the buyer to `/v1/checkout/success?session_id=cs_…`. The key must be shown there
//! once, so it has to be kept somewhere between the webhook and that page view — but never in
//! plaintext, and not for long:
//! - the row is found by SHA-256 of the session id, so the database does not hold session ids;
//! - the key is sealed with a one-time pad HMAC-SHA256(session id, "…checkout-key") — a fresh
//!   256-bit pad per session, longer than the key — so the database alone (a backup, a dump)
//!   never yields a key: only someone holding the session id can open it, and that is exactly who
//!   may see it;
//! - the sealed key is cleared on the first view (a conditional update, so two simultaneous views
//!   cannot both see it) and after 24 hours ([`expire`]); the row itself stays 30 days so the page
//!   can say "it was shown once and e-mailed to you" instead of "unknown session".
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use crate::time::DAY;

/// How long a sealed key waits for its one view.
pub const KEEP_SECS: i64 = DAY;
/// How long the row stays to say the key was already shown.
pub const FORGET_SECS: i64 = 30 * DAY;

/// What the success page may say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// The key, now cleared: this was the one view.
    Key { key: String, prefix: String },
    /// Shown before, or older than 24 hours: it was e-mailed.
    AlreadyShown { prefix: String },
    /// No key for this session (yet: the webhook may still be on its way).
    Unknown,
}

/// Keeps `key` for one view by whoever holds `session_id`.
pub async fn remember(
    conn: &mut AnyConnection,
    session_id: &str,
    key: &str,
    key_prefix: &str,
    license_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO checkout_keys (session_hash, sealed_key, license_id, key_prefix, created_at, shown_at) \
         VALUES ($1, $2, $3, $4, $5, NULL) ON CONFLICT (session_hash) DO NOTHING",
    )
    .bind(session_hash(session_id))
    .bind(seal(session_id, key))
    .bind(license_id)
    .bind(key_prefix)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Takes the key for the success page: the first view gets it, later ones are told it was shown.
pub async fn take(
    conn: &mut AnyConnection,
    session_id: &str,
    now: i64,
) -> Result<Shown, sqlx::Error> {
    let hash = session_hash(session_id);
    let row: Option<(Option<String>, String, i64)> = sqlx::query_as(
        "SELECT sealed_key, key_prefix, created_at FROM checkout_keys WHERE session_hash = $1",
    )
    .bind(&hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((sealed, prefix, created_at)) = row else {
        return Ok(Shown::Unknown);
    };
    let Some(sealed) = sealed.filter(|_| now - created_at < KEEP_SECS) else {
        return Ok(Shown::AlreadyShown { prefix });
    };
    let won = sqlx::query(
        "UPDATE checkout_keys SET sealed_key = NULL, shown_at = $1 WHERE session_hash = $2 AND sealed_key IS NOT NULL",
    )
    .bind(now)
    .bind(&hash)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    match unseal(session_id, &sealed) {
        Some(key) if won => Ok(Shown::Key { key, prefix }),
        _ => Ok(Shown::AlreadyShown { prefix }),
    }
}

/// Clears sealed keys older than 24 hours and forgets rows older than 30 days.
pub async fn expire(conn: &mut AnyConnection, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE checkout_keys SET sealed_key = NULL WHERE sealed_key IS NOT NULL AND created_at < $1")
        .bind(now - KEEP_SECS)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM checkout_keys WHERE created_at < $1")
        .bind(now - FORGET_SECS)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// SHA-256 of a Checkout session id, hex: how rows refer to a session without holding it.
pub fn session_hash(session_id: &str) -> String {
    hex::encode(Sha256::digest(session_id.as_bytes()))
}

fn pad(session_id: &str) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(session_id.as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(b"instagrowth-license-server/checkout-key");
    mac.finalize().into_bytes().into()
}

fn seal(session_id: &str, key: &str) -> String {
    let pad = pad(session_id);
    assert!(
        key.len() <= pad.len(),
        "a purchase key is shorter than the pad"
    );
    hex::encode(
        key.bytes()
            .zip(pad)
            .map(|(k, p)| k ^ p)
            .collect::<Vec<u8>>(),
    )
}

fn unseal(session_id: &str, sealed: &str) -> Option<String> {
    let bytes = hex::decode(sealed).ok()?;
    let pad = pad(session_id);
    String::from_utf8(bytes.iter().zip(pad).map(|(b, p)| b ^ p).collect()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealing_needs_the_session_id() {
        let key = "IGOS-7KQ3M-AAAAA-BBBBB-CCCCC";
        let sealed = seal("cs_test_a1", key);
        assert!(!sealed.contains("IGOS"));
        assert_eq!(unseal("cs_test_a1", &sealed).as_deref(), Some(key));
        assert_ne!(unseal("cs_test_a2", &sealed).as_deref(), Some(key));
        assert_ne!(seal("cs_test_a2", key), sealed);
        assert_eq!(session_hash("cs_test_a1").len(), 64);
    }
}
