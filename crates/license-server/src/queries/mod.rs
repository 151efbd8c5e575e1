//! One module per table. Every function takes a connection (`&mut *tx` inside a transaction), so
//! the caller decides what is one transaction. Queries use `$n` placeholders and portable SQL (see
//! [`crate::db`]).
pub mod checkout_keys;
pub mod customers;
pub mod license_audit;
pub mod licenses;
pub mod machines;
pub mod object_versions;
pub mod outbox;
pub mod purchases;
pub mod releases;
pub mod stripe_events;
