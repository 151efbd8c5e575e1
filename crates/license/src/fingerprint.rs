//! Machine fingerprints. A licence file is bound to one machine by a fingerprint of the OS
//! machine id (`/etc/machine-id`, the macOS `IOPlatformUUID`, Windows' `MachineGuid`), never the
//! raw id: the fingerprint is HMAC-SHA256 keyed with an app-wide key, so the server never learns
//! the machine id and a fingerprint means nothing to another app. The id is trimmed first (files
//! and commands end it with a newline).
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::hex::hex;

/// Lower-case hex HMAC-SHA256(`app_key`, `machine_id.trim()`): 64 characters.
pub fn fingerprint(machine_id: &str, app_key: &[u8]) -> String {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(app_key).expect("HMAC takes a key of any length");
    mac.update(machine_id.trim().as_bytes());
    hex(&mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_rfc_4231_test_case_2() {
        // HMAC-SHA256 with key "Jefe" over "what do ya want for nothing?".
        assert_eq!(
            fingerprint("what do ya want for nothing?", b"Jefe"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn trims_the_id_and_depends_on_the_key() {
        let id = "4c4c4544-0042-3510-8052-b3c04f4e4a32";
        let key = b"instagrowth-app-key";
        let fp = fingerprint(id, key);
        assert_eq!(fp.len(), 64);
        assert_eq!(fingerprint(&format!("{id}\n"), key), fp);
        assert_eq!(fingerprint(&format!("  {id}\r\n"), key), fp);
        assert_ne!(fingerprint(id, b"another-app"), fp);
        assert_ne!(fingerprint("4c4c4544-0042-3510-8052-b3c04f4e4a33", key), fp);
        assert!(!fp.contains("4c4c4544"));
    }
}
