//! This computer as the licence server knows it: a fingerprint (HMAC of the OS machine id with
//! [`super::config::APP_KEY`], never the id itself), a name the person recognises, and the platform.
use instagrowth_license::fingerprint;

use super::config::LicenseConfig;
use crate::error::{ApiError, ApiResult, ErrorCode};

/// The longest machine name the licence server takes.
pub const MAX_NAME_CHARS: usize = 200;

/// This machine's fingerprint: 64 hex characters.
pub(crate) async fn this_fingerprint(cfg: &LicenseConfig) -> ApiResult<String> {
    let id = match &cfg.machine_id {
        Some(id) => id.clone(),
        None => tokio::task::spawn_blocking(|| machine_uid::get().map_err(|e| e.to_string()))
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, format!("machine id task: {e}")))?
            .map_err(|e| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!(
                        "cannot read this computer's machine id ({e}), which a licence is bound to"
                    ),
                )
            })?,
    };
    if id.trim().is_empty() {
        return Err(ApiError::new(
            ErrorCode::Internal,
            "this computer has an empty machine id, so no licence can be bound to it",
        ));
    }
    Ok(fingerprint(&id, &cfg.app_key))
}

/// `linux`, `macos` or `windows` (what the licence file's `machine.platform` says).
pub(crate) fn platform() -> &'static str {
    std::env::consts::OS
}

/// The name the activation screen suggests: this computer's host name.
pub fn default_name() -> String {
    host_name()
}

/// The name given, trimmed, or this computer's host name; refused when too long.
pub(crate) fn name(given: Option<&str>) -> ApiResult<String> {
    let name = match given.map(str::trim).filter(|s| !s.is_empty()) {
        Some(n) => n.to_string(),
        None => host_name(),
    };
    if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("name the computer in at most {MAX_NAME_CHARS} characters, on one line"),
        )
        .with_field("machine_name"));
    }
    Ok(name)
}

/// The host name from the environment or `/etc/hostname`; else "This computer".
fn host_name() -> String {
    ["COMPUTERNAME", "HOSTNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .chain(std::fs::read_to_string("/etc/hostname").ok())
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty() && s.chars().count() <= MAX_NAME_CHARS)
        .unwrap_or_else(|| "This computer".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_defaulted_and_bounded() {
        assert_eq!(name(Some("  Ana's laptop \n")).unwrap(), "Ana's laptop");
        assert!(!name(None).unwrap().is_empty());
        assert!(!name(Some("   ")).unwrap().is_empty());
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            name(Some(&long)).unwrap_err().field.as_deref(),
            Some("machine_name")
        );
        assert!(name(Some("a\u{7}b")).is_err());
    }

    #[tokio::test]
    async fn the_fingerprint_is_an_hmac_of_the_machine_id() {
        let mut cfg = super::super::config::LicenseConfig::from_build();
        cfg.machine_id = Some("machine-1".into());
        let fp = this_fingerprint(&cfg).await.unwrap();
        assert_eq!(fp, fingerprint("machine-1", super::super::config::APP_KEY));
        assert_eq!(fp.len(), 64);
        cfg.machine_id = Some("machine-2".into());
        assert_ne!(this_fingerprint(&cfg).await.unwrap(), fp);
        // The OS machine id, where the machine has one, is never sent raw.
        if let Ok(raw) = machine_uid::get() {
            cfg.machine_id = None;
            let os = this_fingerprint(&cfg).await.unwrap();
            assert_eq!(os, fingerprint(&raw, super::super::config::APP_KEY));
            assert!(!os.contains(raw.trim()));
        }
    }
}
