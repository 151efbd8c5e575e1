//! Stripe: webhook signatures ([`signature`]), what the server reads from events ([`objects`]),
//! applying them ([`webhook`]), and the two API calls it makes ([`api`]).
pub mod api;
pub mod objects;
pub mod signature;
pub mod webhook;
