//! The workspace database.
//!
//! One SQLite file per workspace, opened through [`Store`]. Migrations live in the repository's
//! `migrations/` folder and are embedded at compile time; they never change once released.
//! Each table has its own query module under [`queries`].

pub mod client_export;
mod db;
mod error;
pub mod imports;
pub mod model;
mod post_index;
pub mod queries;
pub mod schema;
pub mod snapshot;
pub mod validate;

pub use db::{Store, DB_FILE_NAME};
pub use error::{StoreError, StoreResult};
pub use imports::{BatchInfo, ImportOutcome};
pub use model::ai::{NewUsage, UsageRecord, UsageTotals};
pub use model::client::{ArchivedFilter, Client, ClientPatch, ClientQuery, NewClient};
pub use model::instagram::{ImportBatch, StoredPost, StoredSnapshot, StoredThread};
