//! Licensing for InstaGrowth OS, shared by the desktop app (which verifies offline, with the
//! vendor's public key embedded) and the licence server (which signs). No network, no async, no
//! database, no tauri.
//!
//! # The pieces
//! - [`purchase_key`] — what a buyer gets by e-mail: `IGOS-XXXXX-XXXXX-XXXXX-XXXXX`, 19 random
//!   Crockford base-32 characters and a check character ([`check_char`]) that catches every
//!   single typo and every swap. Parsing forgives case, spaces, dashes, a missing prefix and
//!   look-alikes (O → 0, I/L → 1, U → V). The server stores only [`PurchaseKey::hash`].
//! - [`catalog`] — what is sold under which Stripe price and what it grants; `catalog.toml` is the
//!   default. [`Catalog::entitlements`] turns a plan + add-ons + one-time products into
//!   [`Entitlements`].
//! - [`payload`] — the signed content: licence id, key prefix, plan, status, entitlements, the
//!   machine, and the times `issued_at`, `refresh_by` (+ `grace_days`) and `expires_at`.
//! - [`mod@file`] — the licence file after Keygen's: an armored base64 envelope
//!   `{"enc", "sig", "alg": "base64+ed25519"}` whose Ed25519 signature covers `"license/" + enc`.
//!   [`verify`] is strict and checks the signature before it reads the payload.
//! - [`keys`] — the vendor's key pair: private key as PKCS#8 PEM, public key as 32 bytes in
//!   base64.
//! - [`buy_more`] — the reference a "buy more" link carries so a one-time purchase lands on the
//!   licence whose key made it, never on one found by a typed e-mail.
//! - [`fingerprint()`] — a machine is named by an HMAC of its OS machine id, never the id.
//! - [`standing()`] — what the app may do offline: valid (refresh in the background when due),
//!   grace (working offline past `refresh_by`), read-only (with the reason), or a clock set back.
//!
//! # The life of a licence
//! The buyer pays; the server makes a purchase key and e-mails it. The app sends the key and its
//! fingerprint; the server signs a file for that machine valid for 14 days ([`DEFAULT_TTL_DAYS`])
//! and the app refreshes it online before then. Offline, it keeps working 7 more days
//! ([`DEFAULT_GRACE_DAYS`]) and then goes read-only: view and export, nothing new. Errors carry
//! stable codes ([`LicenseError::code`], [`KeyError::code`], [`CatalogError::code`],
//! [`Standing::code`]) after Keygen's vocabulary.
pub mod buy_more;
pub mod catalog;
pub mod check_char;
pub mod entitlements;
pub mod error;
pub mod file;
pub mod fingerprint;
mod hex;
pub mod keys;
pub mod payload;
pub mod purchase_key;
pub mod standing;

pub use buy_more::{buy_more_proof, buy_more_reference, parse_buy_more_reference, BUY_MORE_PREFIX};
pub use catalog::{
    default_catalog, AddOn, Catalog, CatalogItem, OneTimeProduct, Plan, DEFAULT_CATALOG, TRIAL_PLAN,
};
pub use entitlements::{Credit, Entitlements};
pub use error::{CatalogError, KeyError, LicenseError};
pub use file::{sign, verify};
pub use fingerprint::fingerprint;
pub use keys::{
    generate_signing_key, public_key_base64, public_key_from_base64, signing_key_from_pem,
    signing_key_to_pem, SigningKey, VerifyingKey,
};
pub use payload::{
    format_time, refresh_by_for, LicensePayload, LicenseStatus, Machine, DEFAULT_GRACE_DAYS,
    DEFAULT_TTL_DAYS, FORMAT,
};
pub use purchase_key::{
    check_progress, generate as generate_purchase_key, parse as parse_purchase_key, KeyCheck,
    PurchaseKey,
};
pub use standing::{advance_last_seen, standing, ReadOnlyReason, Standing};
