//! The InstaGrowth OS licence server: Stripe sells, this server turns what was sold into purchase
//! keys and signed licence files, counts seats per machine, serves the update feed, and answers an
//! admin CLI. One binary, `instagrowth-license-server`, on SQLite or PostgreSQL.
//!
//! # How a sale becomes a licence
//! 1. Stripe calls `POST /v1/stripe/webhook` ([`stripe::webhook`]): the signature is checked on the
//!    raw bytes ([`stripe::signature`]), the event is applied once ([`queries::stripe_events`]) and
//!    never over a newer one ([`queries::object_versions`]). A subscription's licence is keyed by
//!    the subscription id, so its events and the checkout that makes the key converge in any order.
//! 2. `checkout.session.completed` makes the purchase key ([`instagrowth_license::PurchaseKey`]):
//!    only its hash and prefix are stored; the key itself goes out once by e-mail (through the
//!    [`mail`] outbox) and once on the Checkout success page ([`queries::checkout_keys`]).
//! 3. The app activates with the key and its machine fingerprint ([`routes::licenses`]): one seat
//!    per machine, counted under a lock ([`queries::machines`]); the answer is a licence file signed
//!    with Ed25519 ([`licensing`]), refreshed by `validate` before its TTL ends.
//!
//! # Nothing that matters lives in memory
//! Every fact is in the database, so several instances can run behind a load balancer on one
//! PostgreSQL: webhook dedup and ordering are rows, seats are counted in a transaction that locks
//! the licence row, and outbox rows are claimed with a lease. Only the rate limits
//! ([`rate_limit`]) are per instance.
pub mod checkout_page;
pub mod cli;
pub mod config;
pub mod db;
pub mod error;
pub mod licensing;
pub mod mail;
pub mod queries;
pub mod rate_limit;
pub mod routes;
pub mod server;
pub mod stripe;
pub mod time;

pub use config::ServerConfig;
pub use db::{Backend, Db};
pub use error::{ApiError, ServerError};
pub use server::{router, serve, start, AppState, Running};
