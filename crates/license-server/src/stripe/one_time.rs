//! One-time purchases (Checkout in payment mode) and their refunds, inside the webhook's
//! transaction ([`super::webhook`]).
//!
//! # Which licence a purchase lands on
//! 1. The licence the purchase proves: `client_reference_id`, or the session's metadata
//!    `instagrowth_license_ref`, holding the app's "buy more" reference
//!    ([`instagrowth_license::buy_more`]: `igl1_{license_id}_{proof}`, the proof an HMAC keyed by
//!    the licence key's hash, which only the key's holder and this server can compute). The proof
//!    is compared in constant time with the one made from the stored hash.
//! 2. Else the newest licence of the session's Stripe customer (an id Stripe assigns; the buyer
//!    cannot choose it).
//! 3. Else a new licence on the trial plan with its own key, mailed to the address typed.
//!
//! The Checkout e-mail alone never picks a licence: it is whatever the buyer typed, so matching
//! on it let anyone put a purchase on another customer's licence, and let someone subscribing
//! with another person's address collect that person's later purchases. A reference that does not
//! parse or verify, names an unknown licence or one that is revoked or held, counts as no proof:
//! the purchase goes on down the list and is never lost to an error.
//!
//! # What a refund takes back
//! A fully refunded charge marks the purchases it paid refunded, so their credits stop counting
//! — exactly those, nothing else: the plan, add-ons, other purchases and the licence's status
//! stay (revoking is the operator's decision, `licenses revoke`). Each refund is written to the
//! licence's audit trail and mailed to its customer.
use instagrowth_license::{buy_more_proof, parse_buy_more_reference, LicenseStatus, TRIAL_PLAN};
use serde_json::Value;
use sqlx::AnyConnection;
use subtle::ConstantTimeEq;

use super::objects;
use super::webhook::{Ctx, Outcome, Prefetched};
use crate::error::ApiError;
use crate::mail::templates;
use crate::queries::licenses::{self, LicenseRow, NewLicense};
use crate::queries::{checkout_keys, license_audit, outbox, purchases};
use crate::time::DAY;

/// The metadata key a Checkout Session made through the API may carry the reference under.
pub const METADATA_KEY: &str = "instagrowth_license_ref";

impl Ctx<'_> {
    pub(super) async fn one_time(
        &self,
        conn: &mut AnyConnection,
        pre: &Prefetched,
        session_id: &str,
        email: Option<String>,
    ) -> Result<Outcome, ApiError> {
        let catalog = &self.state.config.catalog;
        let items = pre.line_items.clone().unwrap_or_default();
        let products = objects::one_time_products(&items, catalog);
        if products.is_empty() {
            return Ok(Outcome::Ignored);
        }
        let stripe_customer = objects::id_of(self.obj().get("customer"));
        let existing = match self.proven_license(conn).await? {
            Some(l) => Some(l),
            None => match stripe_customer.as_deref() {
                Some(c) => licenses::newest_for_stripe_customer(conn, c).await?,
                None => None,
            },
        };
        let license_id = match existing {
            Some(l) => l.id,
            None => self.new_license(conn, session_id, email.as_deref()).await?,
        };
        let payment_intent = objects::id_of(self.obj().get("payment_intent"));
        let stem = checkout_keys::session_hash(session_id);
        for (n, (product, quantity)) in products.into_iter().enumerate() {
            purchases::insert(
                conn,
                &purchases::Purchase {
                    id: format!("{stem}:{n}"),
                    license_id: license_id.clone(),
                    product,
                    quantity: i64::from(quantity),
                    payment_intent: payment_intent.clone(),
                    refunded_at: None,
                    created_at: self.now,
                },
            )
            .await?;
        }
        Ok(Outcome::Applied)
    }

    /// The licence a valid "buy more" reference names, if it can take a purchase.
    async fn proven_license(
        &self,
        conn: &mut AnyConnection,
    ) -> Result<Option<LicenseRow>, ApiError> {
        let obj = self.obj();
        let candidates = [
            objects::str_at(obj, &["client_reference_id"]),
            objects::str_at(obj, &["metadata", METADATA_KEY]),
        ];
        for reference in candidates.iter().flatten() {
            let Some((license_id, proof)) = parse_buy_more_reference(reference) else {
                continue;
            };
            let Some(license) = licenses::by_id(conn, license_id).await? else {
                continue;
            };
            let Some(hash) = license.key_hash.as_deref() else {
                continue;
            };
            let expected = buy_more_proof(hash, &license.id);
            let proven: bool = expected.as_bytes().ct_eq(proof.as_bytes()).into();
            if proven && license.takes_purchases() {
                return Ok(Some(license));
            }
            tracing::warn!(
                event = self.event.id,
                "a purchase's licence reference did not prove a licence that takes purchases"
            );
        }
        Ok(None)
    }

    /// A trial licence carrying the purchase, with its own key.
    async fn new_license(
        &self,
        conn: &mut AnyConnection,
        session_id: &str,
        email: Option<&str>,
    ) -> Result<String, ApiError> {
        let Some(trial) = self.state.config.catalog.plan(TRIAL_PLAN) else {
            return Err(ApiError::internal(
                "a one-time purchase without a licence",
                "the catalogue has no trial plan to carry one-time credits",
            ));
        };
        let days = i64::from(trial.trial_days.unwrap_or(14));
        let id = licenses::insert(
            conn,
            &NewLicense {
                key_hash: None,
                key_prefix: None,
                plan: Some(TRIAL_PLAN),
                status: LicenseStatus::Active,
                add_ons: &[],
                customer_id: None,
                stripe_subscription_id: None,
                expires_at: Some(self.now + days * DAY),
            },
            self.now,
        )
        .await?;
        let row = licenses::by_id(conn, &id).await?.expect("just inserted");
        self.customer(conn, &row, email).await?;
        self.give_key(conn, &id, session_id, email).await?;
        Ok(id)
    }

    pub(super) async fn charge_refunded(
        &self,
        conn: &mut AnyConnection,
    ) -> Result<Outcome, ApiError> {
        let obj = self.obj();
        if obj.get("refunded").and_then(Value::as_bool) != Some(true) {
            // A partial refund leaves the purchase in force.
            return Ok(Outcome::Ignored);
        }
        let Some(payment_intent) = objects::id_of(obj.get("payment_intent")) else {
            return Ok(Outcome::Ignored);
        };
        let refunded = purchases::refund_payment_intent(conn, &payment_intent, self.now).await?;
        if refunded.is_empty() {
            return Ok(Outcome::Ignored);
        }
        let charge = self.event.object_id().unwrap_or_default();
        let mut license_ids: Vec<&str> = refunded.iter().map(|p| p.license_id.as_str()).collect();
        license_ids.sort_unstable();
        license_ids.dedup();
        for license_id in license_ids {
            let what = refunded
                .iter()
                .filter(|p| p.license_id == license_id)
                .map(|p| self.describe(&p.product, p.quantity))
                .collect::<Vec<_>>()
                .join(", ");
            license_audit::record(
                conn,
                license_id,
                "refund",
                "stripe",
                Some(&format!("charge {charge} refunded: {what} taken back")),
                self.now,
            )
            .await?;
            tracing::info!(license = license_id, "one-time purchase refunded");
            let Some(license) = licenses::by_id(conn, license_id).await? else {
                continue;
            };
            if let Some(to) = license.email.as_deref() {
                let prefix = license.key_prefix.clone().unwrap_or_else(|| "IGOS".into());
                let (subject, body) = templates::refunded(&prefix, &what);
                outbox::enqueue(
                    conn,
                    templates::KIND_REFUNDED,
                    to,
                    &subject,
                    &body,
                    self.now,
                )
                .await?;
            }
        }
        Ok(Outcome::Applied)
    }

    /// "2 × One audit report" from the catalogue (the id when it no longer lists the product).
    fn describe(&self, product: &str, quantity: i64) -> String {
        let label = self
            .state
            .config
            .catalog
            .one_time_product(product)
            .map_or(product, |p| p.label.as_str());
        format!("{quantity} × {label}")
    }
}
