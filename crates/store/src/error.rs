use std::path::PathBuf;

/// Everything the store can refuse or fail at. Each variant maps to a stable code for the UI
/// (see `instagrowth-api`), so callers branch on the kind, never on the text.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Input that breaks a rule; `field` names the form field it belongs to.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    #[error("a client with the handle @{0} already exists")]
    DuplicateHandle(String),

    #[error("no client matches {0}")]
    ClientNotFound(String),

    /// One more active client would pass the licence's limit (the number); nothing was written.
    /// The API turns this into a message naming the plan.
    #[error("the limit of {0} active clients is reached")]
    ActiveClientLimit(i64),

    #[error(
        "this workspace was saved by a newer version of InstaGrowth OS (database schema {found}, \
         this version knows up to {known}); install the newer version to open it — nothing was changed"
    )]
    SchemaTooNew { found: i64, known: i64 },

    #[error("cannot use the data directory {path}: {source}")]
    DataDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),

    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        StoreError::Invalid {
            field,
            message: message.into(),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
