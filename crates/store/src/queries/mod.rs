//! One module per table. Functions that write run in one transaction: all lands or nothing.
pub mod ai_prices;
pub mod ai_usage;
pub mod assets;
pub mod audits;
pub mod client_tags;
pub mod clients;
pub mod content_items;
pub mod dm_threads;
pub mod follower_snapshots;
pub mod import_batches;
pub mod plans;
pub mod posts;
pub mod reply_messages;
pub mod reply_rules;
pub mod saved_replies;
pub mod settings;
