//! One module per table. Functions that write run in one transaction: all lands or nothing.
pub mod client_tags;
pub mod clients;
