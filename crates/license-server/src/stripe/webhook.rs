//! `POST /v1/stripe/webhook`: Stripe's events applied to licences.
//!
//! # The steps, each one answerable
//! 1. The signature over the raw body ([`super::signature`]); a bad or missing one is `400` and
//!    nothing is stored.
//! 2. For `checkout.session.completed`, the line items are fetched from the Stripe API *before*
//!    the transaction (no network call holds a lock); if that fails the answer is `500` and
//!    Stripe retries later.
//! 3. One transaction: the event id is recorded (a redelivery stops here: `200`, no effect); the
//!    object's newest `(created, rank)` advances or the event is older and ignored
//!    ([`crate::queries::object_versions`]); the event is applied; mail is queued in the outbox.
//!    Any failure rolls everything back and answers `500`, so Stripe delivers it again.
//!
//! # What each event does
//! - `checkout.session.completed`, mode `subscription`: the subscription's licence (created if
//!   its events have not come yet), the customer and e-mail, the plan from the line items when
//!   the API key is set, status active once paid; then — once per licence — the purchase key:
//!   hash + prefix stored, the key e-mailed and kept sealed for the success page.
//! - mode `payment` (paid): the one-time products from the line items go to the licence the
//!   purchase proves or the Stripe customer's newest licence — never one found by e-mail; else a
//!   new licence on the trial plan, ending after the plan's trial days, with its own key
//!   ([`super::one_time`]).
//! - `customer.subscription.created|updated|deleted`: plan and add-ons from the items, period end
//!   (item or subscription), `cancel_at_period_end`, status (`deleted` → canceled).
//! - `invoice.paid`: active (a trial's $0 invoice leaves trialing alone), period end moved
//!   forward. `invoice.payment_failed`: past_due (grace starts) and the payment-failed e-mail.
//! - `charge.refunded` (fully refunded): the one-time purchases it paid stop counting — their
//!   credits and nothing else; the licence's status stays (revoking is the operator's decision);
//!   the refund is in the licence's audit trail and the refund e-mail goes out.
//! - anything else: recorded and ignored (`200`).
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use instagrowth_license::LicenseStatus;
use serde_json::{json, Value};
use sqlx::AnyConnection;

use super::objects::{self, Event};
use super::signature;
use crate::error::ApiError;
use crate::mail::templates;
use crate::queries::licenses::{self, LicenseRow};
use crate::queries::{checkout_keys, customers, object_versions, outbox, stripe_events};
use crate::server::AppState;
use crate::time;

/// What was done with an event (the JSON answer, for logs and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Applied,
    Duplicate,
    Stale,
    Ignored,
}

pub async fn handle(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let Some(secret) = state.config.stripe_webhook_secret.as_deref() else {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "NOT_CONFIGURED",
            "STRIPE_WEBHOOK_SECRET is not set on the licence server",
        ));
    };
    let header = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok());
    signature::verify(header, &body, secret, time::now()).map_err(|e| {
        tracing::warn!("webhook refused: {e}");
        ApiError::new(StatusCode::BAD_REQUEST, "SIGNATURE_INVALID", e.to_string())
    })?;
    let event = Event::parse(&body).map_err(ApiError::bad_request)?;
    let prefetched = prefetch(&state, &event).await?;
    let outcome = apply(&state, &event, &prefetched).await?;
    tracing::info!(
        event = event.id,
        kind = event.event_type,
        ?outcome,
        "stripe event"
    );
    Ok(Json(json!({ "received": true, "outcome": outcome })))
}

/// Line items of a Checkout Session, when the event needs them.
#[derive(Debug, Default)]
pub(super) struct Prefetched {
    pub(super) line_items: Option<Vec<(String, u64)>>,
}

async fn prefetch(state: &AppState, event: &Event) -> Result<Prefetched, ApiError> {
    if event.event_type != "checkout.session.completed" {
        return Ok(Prefetched::default());
    }
    let mut conn = state.db.pool().acquire().await?;
    let seen: Option<String> = sqlx::query_scalar("SELECT id FROM stripe_events WHERE id = $1")
        .bind(&event.id)
        .fetch_optional(&mut *conn)
        .await?;
    drop(conn);
    if seen.is_some() {
        return Ok(Prefetched::default());
    }
    let mode = objects::str_at(&event.object, &["mode"]).unwrap_or_default();
    let session_id = event.object_id().unwrap_or_default();
    let needed = mode == "payment";
    if !needed && !state.stripe.configured() {
        return Ok(Prefetched::default());
    }
    match state.stripe.line_items(&session_id).await {
        Ok(items) => Ok(Prefetched {
            line_items: Some(items),
        }),
        Err(e) if needed => Err(ApiError::internal("reading the Checkout line items", e)),
        Err(e) => {
            // Never the session id: it opens the success page's key.
            tracing::warn!(
                event = event.id,
                "the Checkout line items are unavailable, waiting for the subscription events: {e}"
            );
            Ok(Prefetched::default())
        }
    }
}

async fn apply(state: &AppState, event: &Event, pre: &Prefetched) -> Result<Outcome, ApiError> {
    let now = time::now();
    let mut tx = state.db.begin().await?;
    if !stripe_events::record(&mut tx, &event.id, &event.event_type, event.created, now).await? {
        tx.commit().await?;
        return Ok(Outcome::Duplicate);
    }
    let handled = matches!(
        event.event_type.as_str(),
        "checkout.session.completed"
            | "customer.subscription.created"
            | "customer.subscription.updated"
            | "customer.subscription.deleted"
            | "invoice.paid"
            | "invoice.payment_failed"
            | "charge.refunded"
    );
    if !handled {
        tx.commit().await?;
        return Ok(Outcome::Ignored);
    }
    let object_id = event
        .object_id()
        .ok_or_else(|| ApiError::bad_request("the event's object has no id"))?;
    let rank = objects::type_rank(&event.event_type);
    if !object_versions::advance(&mut tx, &object_id, event.created, rank).await? {
        tx.commit().await?;
        return Ok(Outcome::Stale);
    }
    let ctx = Ctx { state, event, now };
    let outcome = match event.event_type.as_str() {
        "checkout.session.completed" => ctx.checkout_completed(&mut tx, pre).await?,
        "customer.subscription.created"
        | "customer.subscription.updated"
        | "customer.subscription.deleted" => ctx.subscription(&mut tx).await?,
        "invoice.paid" => ctx.invoice(&mut tx, true).await?,
        "invoice.payment_failed" => ctx.invoice(&mut tx, false).await?,
        "charge.refunded" => ctx.charge_refunded(&mut tx).await?,
        _ => Outcome::Ignored,
    };
    tx.commit().await?;
    Ok(outcome)
}

pub(super) struct Ctx<'a> {
    pub(super) state: &'a AppState,
    pub(super) event: &'a Event,
    pub(super) now: i64,
}

impl Ctx<'_> {
    pub(super) fn obj(&self) -> &Value {
        &self.event.object
    }

    pub(super) async fn customer(
        &self,
        conn: &mut AnyConnection,
        license: &LicenseRow,
        email: Option<&str>,
    ) -> Result<(), ApiError> {
        if let Some(stripe_id) = objects::id_of(self.obj().get("customer")) {
            let c = customers::ensure_stripe(conn, &stripe_id, email, self.now).await?;
            licenses::set_customer(conn, &license.id, &c.id).await?;
        } else if let Some(email) = email {
            if license.customer_id.is_none() {
                let c = customers::ensure_email(conn, email, self.now).await?;
                licenses::set_customer(conn, &license.id, &c.id).await?;
            }
        }
        Ok(())
    }

    async fn checkout_completed(
        &self,
        conn: &mut AnyConnection,
        pre: &Prefetched,
    ) -> Result<Outcome, ApiError> {
        let obj = self.obj();
        let session_id = self.event.object_id().unwrap_or_default();
        let email = objects::str_at(obj, &["customer_details", "email"])
            .or_else(|| objects::str_at(obj, &["customer_email"]));
        let paid = matches!(
            objects::str_at(obj, &["payment_status"]).as_deref(),
            Some("paid") | Some("no_payment_required")
        );
        match objects::str_at(obj, &["mode"]).as_deref() {
            Some("subscription") => {
                let Some(sub_id) = objects::id_of(obj.get("subscription")) else {
                    return Err(ApiError::bad_request(
                        "a subscription Checkout without a subscription",
                    ));
                };
                let license = licenses::ensure_for_subscription(conn, &sub_id, self.now).await?;
                self.customer(conn, &license, email.as_deref()).await?;
                if let Some(items) = &pre.line_items {
                    let (plan, add_ons) = objects::classify(items, &self.state.config.catalog);
                    if let Some(plan) = plan {
                        licenses::set_plan_if_unknown(conn, &license.id, &plan, &add_ons).await?;
                    }
                }
                if paid {
                    let status = if objects::str_at(obj, &["payment_status"]).as_deref()
                        == Some("no_payment_required")
                    {
                        LicenseStatus::Trialing
                    } else {
                        LicenseStatus::Active
                    };
                    licenses::apply_status(conn, &license.id, status, self.event.created, self.now)
                        .await?;
                }
                self.give_key(conn, &license.id, &session_id, email.as_deref())
                    .await?;
                Ok(Outcome::Applied)
            }
            Some("payment") if paid => self.one_time(conn, pre, &session_id, email).await,
            _ => Ok(Outcome::Ignored),
        }
    }

    /// Makes the licence's purchase key if it has none: stored as hash + prefix, e-mailed, and
    /// kept sealed for one view on the success page.
    pub(super) async fn give_key(
        &self,
        conn: &mut AnyConnection,
        license_id: &str,
        session_id: &str,
        email: Option<&str>,
    ) -> Result<(), ApiError> {
        let key = instagrowth_license::generate_purchase_key();
        if !licenses::set_key(conn, license_id, &key.hash(), &key.prefix(), self.now).await? {
            return Ok(());
        }
        tracing::info!(
            license = license_id,
            key = key.prefix(),
            "purchase key issued"
        );
        checkout_keys::remember(
            conn,
            session_id,
            key.as_str(),
            &key.prefix(),
            license_id,
            self.now,
        )
        .await?;
        let license = licenses::by_id(conn, license_id).await?;
        let email = email
            .map(str::to_string)
            .or_else(|| license.as_ref().and_then(|l| l.email.clone()));
        let plan_label = license
            .and_then(|l| l.plan)
            .and_then(|p| self.state.config.catalog.plan(&p).map(|p| p.label.clone()))
            .unwrap_or_else(|| "InstaGrowth OS".into());
        match email {
            Some(to) => {
                let (subject, body) = templates::key_after_purchase(
                    key.as_str(),
                    &plan_label,
                    &self.state.config.public_url,
                );
                outbox::enqueue(conn, templates::KIND_KEY, &to, &subject, &body, self.now).await?;
            }
            None => tracing::warn!(
                license = license_id,
                "no e-mail for the purchase key: shown on the success page only"
            ),
        }
        Ok(())
    }

    async fn subscription(&self, conn: &mut AnyConnection) -> Result<Outcome, ApiError> {
        let obj = self.obj();
        let sub_id = self.event.object_id().unwrap_or_default();
        let license = licenses::ensure_for_subscription(conn, &sub_id, self.now).await?;
        self.customer(conn, &license, None).await?;
        let items = objects::subscription_items(obj, &self.state.config.catalog);
        licenses::apply_items(conn, &license.id, &items, self.event.created, self.now).await?;
        let status = if self.event.event_type == "customer.subscription.deleted" {
            LicenseStatus::Canceled
        } else {
            objects::subscription_status(&objects::str_at(obj, &["status"]).unwrap_or_default())
        };
        licenses::apply_status(conn, &license.id, status, self.event.created, self.now).await?;
        Ok(Outcome::Applied)
    }

    async fn invoice(&self, conn: &mut AnyConnection, paid: bool) -> Result<Outcome, ApiError> {
        let obj = self.obj();
        let Some(sub_id) = objects::invoice_subscription(obj) else {
            return Ok(Outcome::Ignored);
        };
        let email = objects::str_at(obj, &["customer_email"]);
        let license = licenses::ensure_for_subscription(conn, &sub_id, self.now).await?;
        self.customer(conn, &license, email.as_deref()).await?;
        if paid {
            let free = obj.get("amount_paid").and_then(Value::as_i64) == Some(0);
            if !(free && license.effective_status() == LicenseStatus::Trialing) {
                licenses::apply_status(
                    conn,
                    &license.id,
                    LicenseStatus::Active,
                    self.event.created,
                    self.now,
                )
                .await?;
            }
            if let Some(end) = objects::invoice_period_end(obj) {
                licenses::extend_period(conn, &license.id, end).await?;
            }
            return Ok(Outcome::Applied);
        }
        let applied = licenses::apply_status(
            conn,
            &license.id,
            LicenseStatus::PastDue,
            self.event.created,
            self.now,
        )
        .await?;
        let to = email.or(license.email.clone());
        if let (true, Some(to)) = (applied, to) {
            let prefix = license.key_prefix.clone().unwrap_or_else(|| "IGOS".into());
            let (subject, body) = templates::payment_failed(&prefix, self.state.config.grace_days);
            outbox::enqueue(
                conn,
                templates::KIND_PAYMENT_FAILED,
                &to,
                &subject,
                &body,
                self.now,
            )
            .await?;
        }
        Ok(Outcome::Applied)
    }
}
