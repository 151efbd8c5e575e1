//! The "buy more" reference: how a one-time purchase proves which licence it is for.
//!
//! # Why
//! A Checkout e-mail is whatever the buyer typed, so it can never decide whose licence a purchase
//! lands on. The app's "buy more" links carry instead a reference that only someone holding the
//! purchase key can make, and the licence server checks it before it attaches the purchase.
//!
//! # The format
//! `igl1_{license_id}_{proof}` — at most 200 characters of letters, digits, `-` and `_`, so it
//! fits Stripe's `client_reference_id` (Payment Links take it as the URL parameter
//! `?client_reference_id=…`). `license_id` is the licence file's `license_id`; `proof` is the
//! first 32 lower-case hex characters (128 bits) of HMAC-SHA256 keyed with the key's
//! [`PurchaseKey::hash`] (its 64 hex characters as ASCII) over `"instagrowth-buy-more/v1:" +
//! license_id`. The server stores that hash, so it can check the proof without the key; an
//! outsider knows neither the key nor its hash, so cannot forge or guess one. A reference that
//! leaks lets someone pay for credits on that licence, nothing more.
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::hex::hex;
use crate::purchase_key::PurchaseKey;

/// What every reference starts with (format version 1).
pub const BUY_MORE_PREFIX: &str = "igl1_";
/// Hex characters of the proof.
const PROOF_LEN: usize = 32;
/// Longest licence id a reference may carry (Stripe allows 200 characters in all).
const MAX_ID_LEN: usize = 200 - BUY_MORE_PREFIX.len() - 1 - PROOF_LEN;

/// The reference the app puts into a "buy more" link for the licence `license_id` of `key`.
pub fn buy_more_reference(key: &PurchaseKey, license_id: &str) -> String {
    format!(
        "{BUY_MORE_PREFIX}{license_id}_{}",
        buy_more_proof(&key.hash(), license_id)
    )
}

/// The proof for `license_id` from the key's hash ([`PurchaseKey::hash`]).
pub fn buy_more_proof(key_hash: &str, license_id: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key_hash.as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(b"instagrowth-buy-more/v1:");
    mac.update(license_id.as_bytes());
    let full = hex(&mac.finalize().into_bytes());
    full[..PROOF_LEN].to_string()
}

/// A reference split into (licence id, proof), or None when it is not one (not checked: the
/// server compares the proof with [`buy_more_proof`] of the licence's stored hash).
pub fn parse_buy_more_reference(reference: &str) -> Option<(&str, &str)> {
    let rest = reference.trim().strip_prefix(BUY_MORE_PREFIX)?;
    let (id, proof) = rest.rsplit_once('_')?;
    let id_ok = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let proof_ok = proof.len() == PROOF_LEN
        && proof
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    (id_ok && proof_ok).then_some((id, proof))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_names_the_licence_and_proves_the_key() {
        let key = crate::generate_purchase_key();
        let id = "0b6f3c52-2a53-4d0e-9a57-3c3b6f0e8d11";
        let reference = buy_more_reference(&key, id);
        assert!(reference.len() <= 200);
        assert!(reference
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let (parsed_id, proof) = parse_buy_more_reference(&reference).unwrap();
        assert_eq!(parsed_id, id);
        assert_eq!(proof, buy_more_proof(&key.hash(), id));
        // Another key, or another licence, gives another proof.
        let other = crate::generate_purchase_key();
        assert_ne!(proof, buy_more_proof(&other.hash(), id));
        assert_ne!(proof, buy_more_proof(&key.hash(), "another-licence"));
    }

    #[test]
    fn anything_else_is_not_a_reference() {
        for s in [
            "",
            "cus_123",
            "igl1_",
            "igl1_abc",
            "igl1__0123456789abcdef0123456789abcdef",
            "igl1_abc_0123456789ABCDEF0123456789ABCDEF",
            "igl1_abc_0123",
            "igl1_a/b_0123456789abcdef0123456789abcdef",
        ] {
            assert_eq!(parse_buy_more_reference(s), None, "{s}");
        }
        assert_eq!(
            parse_buy_more_reference("igl1_abc_0123456789abcdef0123456789abcdef"),
            Some(("abc", "0123456789abcdef0123456789abcdef"))
        );
    }
}
