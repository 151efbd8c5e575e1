use instagrowth_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

/// Stable error codes: the UI and scripts branch on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Input broke a rule; `field` says which.
    InvalidInput,
    DuplicateHandle,
    NotFound,
    /// The workspace was migrated by a newer version of the app.
    SchemaTooNew,
    /// The data directory cannot be created or used.
    DataDir,
    /// The database failed (disk full, locked for too long, corrupt file).
    Database,
    /// A file given to import cannot be used; the message says why and what to do.
    InvalidImport,
    /// The export belongs to another Instagram account than the client's handle.
    HandleMismatch,
    /// The user cancelled; nothing was saved.
    Cancelled,
    /// No OS keychain is reachable (or it refused); the message says what to do.
    KeychainUnavailable,
    /// No AI provider is set up: drafts are written offline.
    AiNotConfigured,
    /// The provider needs an API key and none is stored.
    AiMissingKey,
    /// The provider refused the key (401).
    AiBadKey,
    /// The key has no access to the model (403).
    AiNoAccess,
    /// The provider does not know the model, or the base URL is wrong (404).
    AiUnknownModel,
    /// The provider account is out of credit.
    AiQuotaExhausted,
    /// The provider kept rate-limiting after the retries.
    AiRateLimited,
    /// The provider cannot be reached: drafts are written offline.
    AiUnreachable,
    /// The provider did not answer in time.
    AiTimeout,
    /// The request is too long for the model.
    AiContextTooLong,
    /// The provider failed, refused the request, or broke off the answer.
    AiProviderError,
    /// The model's answer was unusable even after one repair attempt.
    AiInvalidAnswer,
    /// This month's AI credits are used up: drafts are written offline.
    AiCreditsSpent,
    /// The purchase key is mistyped (its check character does not match) or not a key at all;
    /// `field` is `key`. Refused before any request.
    LicenseInvalidKey,
    /// The licence server refused (revoked, suspended, expired, no free seat, unknown key…); the
    /// message ends with the server's code in brackets, e.g. `(TOO_MANY_MACHINES)`.
    LicenseRefused,
    /// The licence server cannot be reached, or answered with a temporary failure: nothing changed.
    LicenseServerUnreachable,
    /// A licence file that does not verify under the app's public key (edited, damaged, signed by
    /// another key, or for another machine): nothing in it is trusted or stored.
    LicenseTampered,
    /// The licence is read-only (trial ended, revoked, offline too long, clock set back…): viewing
    /// and exporting only.
    LicenseReadOnly,
    /// No licence is activated on this computer (refresh, deactivate and the billing portal need
    /// one).
    LicenseNotActivated,
    /// The licence server sent a licence file issued before the one this computer already has
    /// (a saved file served again, or a server whose clock is behind): refused, nothing stored,
    /// and a refusal heard earlier still stands.
    LicenseOutdated,
    /// The licence's plan does not allow this (one active client too many, a feature or white
    /// label the plan lacks, no report credit left); the message names the limit and the plan
    /// that allows it. Nothing was changed.
    PlanLimit,
    /// The update server cannot be reached or gave no usable answer; nothing was changed.
    UpdateUnreachable,
    /// A downloaded update whose signature does not verify under the app's key, or is bound to
    /// another version: refused, nothing installed.
    UpdateSignature,
    /// An update could not be installed (no check first, no permission, disk…); the running
    /// version is untouched.
    UpdateFailed,
    /// Something else is running that this must wait for (an import, an AI run, a restore); try
    /// again when it ends. Nothing was changed.
    Busy,
    /// The workspace is open in the app or in another `instagrowth` command (or a backup is being
    /// restored into it): what needs it to itself — a restore — is refused until it is closed.
    /// Nothing was changed.
    WorkspaceInUse,
    /// Anything unexpected: a call that did not reach the back end, a bug. The message says more.
    Internal,
}

/// An error as it reaches the UI (`{code, message, field}`) and the CLI (`message` on stderr).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    /// One line a user can act on.
    pub message: String,
    /// The form field the error belongs to, for inline validation.
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            field: None,
        }
    }

    /// The same error, belonging to the form field `field`.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}

impl From<instagrowth_import::ImportError> for ApiError {
    fn from(e: instagrowth_import::ImportError) -> Self {
        use instagrowth_import::ImportError as E;
        let code = match &e {
            E::NotFound(_) => ErrorCode::NotFound,
            E::Cancelled => ErrorCode::Cancelled,
            _ => ErrorCode::InvalidImport,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<instagrowth_ai::AiError> for ApiError {
    fn from(e: instagrowth_ai::AiError) -> Self {
        use instagrowth_ai::AiError as E;
        let code = match &e {
            E::NotConfigured => ErrorCode::AiNotConfigured,
            E::Keychain(_) => ErrorCode::KeychainUnavailable,
            E::MissingKey { .. } => ErrorCode::AiMissingKey,
            E::BadKey => ErrorCode::AiBadKey,
            E::NoAccess { .. } => ErrorCode::AiNoAccess,
            E::UnknownModel { .. } | E::WrongAddress => ErrorCode::AiUnknownModel,
            E::QuotaExhausted { .. } => ErrorCode::AiQuotaExhausted,
            E::RateLimited { .. } => ErrorCode::AiRateLimited,
            E::Unreachable { .. } => ErrorCode::AiUnreachable,
            E::Timeout { .. } => ErrorCode::AiTimeout,
            E::ContextTooLong { .. } => ErrorCode::AiContextTooLong,
            E::ProviderDown { .. } | E::Refused { .. } | E::Interrupted { .. } => {
                ErrorCode::AiProviderError
            }
            E::InvalidAnswer { .. } => ErrorCode::AiInvalidAnswer,
            E::CreditsSpent { .. } => ErrorCode::AiCreditsSpent,
            E::Cancelled => ErrorCode::Cancelled,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<instagrowth_ai::KeychainError> for ApiError {
    fn from(e: instagrowth_ai::KeychainError) -> Self {
        ApiError::new(ErrorCode::KeychainUnavailable, e.to_string())
    }
}

impl From<instagrowth_ai::SettingsError> for ApiError {
    fn from(e: instagrowth_ai::SettingsError) -> Self {
        ApiError {
            code: ErrorCode::InvalidInput,
            message: e.message,
            field: Some(e.field.to_string()),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::Invalid { .. } => ErrorCode::InvalidInput,
            StoreError::DuplicateHandle(_) => ErrorCode::DuplicateHandle,
            StoreError::ClientNotFound(_) => ErrorCode::NotFound,
            StoreError::ActiveClientLimit(_) => ErrorCode::PlanLimit,
            StoreError::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            StoreError::DataDir { .. } => ErrorCode::DataDir,
            StoreError::Database(_) | StoreError::Migration(_) => ErrorCode::Database,
        };
        let field = match &e {
            StoreError::Invalid { field, .. } => Some(field.to_string()),
            StoreError::DuplicateHandle(_) => Some("handle".to_string()),
            _ => None,
        };
        if code == ErrorCode::Database {
            tracing::error!(error = ?e, "database error");
        }
        ApiError {
            code,
            message: e.to_string(),
            field,
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
