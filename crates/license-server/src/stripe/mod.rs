//! Stripe: webhook signatures ([`signature`]), what the server reads from events ([`objects`]),
//! applying them ([`webhook`]; one-time purchases and refunds in [`one_time`]), and the two API calls it makes ([`api`]).
pub mod api;
pub mod objects;
pub mod one_time;
pub mod signature;
pub mod webhook;
