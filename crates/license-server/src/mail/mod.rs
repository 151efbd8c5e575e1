//! E-mail: [`templates`] write the three messages (the key after a purchase, a failed payment, a
//! refund); they are queued in the `outbox` table inside the transaction that caused them
//! ([`crate::queries::outbox`]) and sent over SMTP by the [`worker`], with bounded retries, so an
//! SMTP outage loses no mail and never slows a webhook down.
pub mod templates;
pub mod worker;
