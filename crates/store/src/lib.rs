//! The workspace database.
//!
//! One SQLite file per workspace, opened through [`Store`]. Migrations live in the repository's
//! `migrations/` folder and are embedded at compile time; they never change once released.
//! Each table has its own query module under [`queries`].

mod db;
mod error;
pub mod model;
pub mod queries;
pub mod validate;

pub use db::{Store, DB_FILE_NAME};
pub use error::{StoreError, StoreResult};
pub use model::client::{ArchivedFilter, Client, ClientPatch, ClientQuery, NewClient};
