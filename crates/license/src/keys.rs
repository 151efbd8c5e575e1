//! The vendor's Ed25519 key pair. The licence server holds the private key as PKCS#8 PEM
//! (`-----BEGIN PRIVATE KEY-----`, what `openssl genpkey -algorithm ed25519` writes too); the app
//! embeds the public key as the standard base64 of its 32 raw bytes (44 characters).
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey};
pub use ed25519_dalek::{SigningKey, VerifyingKey};
use rand_core::OsRng;

use crate::error::LicenseError;

/// A new signing key from the operating system's randomness.
pub fn generate_signing_key() -> SigningKey {
    SigningKey::generate(&mut OsRng)
}

/// The private key as PKCS#8 PEM with LF line endings. Keep it secret: whoever has it can issue
/// licences.
pub fn signing_key_to_pem(key: &SigningKey) -> String {
    key.to_pkcs8_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
        .expect("an Ed25519 key always encodes as PKCS#8")
        .to_string()
}

/// Reads a PKCS#8 PEM private key (surrounding whitespace and CRLF tolerated).
pub fn signing_key_from_pem(pem: &str) -> Result<SigningKey, LicenseError> {
    let normalised: String = pem
        .trim()
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n");
    SigningKey::from_pkcs8_pem(&normalised).map_err(|e| LicenseError::BadSigningKey(e.to_string()))
}

/// The public key as standard base64 of its 32 bytes: what the app embeds.
pub fn public_key_base64(key: &VerifyingKey) -> String {
    STANDARD.encode(key.as_bytes())
}

/// Reads a public key written by [`public_key_base64`]. Refuses anything but 32 bytes of a valid
/// curve point, and weak (small-order) keys, under which forged signatures could verify.
pub fn public_key_from_base64(b64: &str) -> Result<VerifyingKey, LicenseError> {
    let bytes = STANDARD
        .decode(b64.trim().as_bytes())
        .map_err(|e| LicenseError::BadPublicKey(format!("not base64: {e}")))?;
    let bytes: [u8; 32] = bytes
        .try_into()
        .map_err(|b: Vec<u8>| LicenseError::BadPublicKey(format!("{} bytes, not 32", b.len())))?;
    let key = VerifyingKey::from_bytes(&bytes)
        .map_err(|_| LicenseError::BadPublicKey("not a point on the curve".into()))?;
    if key.is_weak() {
        return Err(LicenseError::BadPublicKey(
            "a weak (small-order) key, which nothing should trust".into(),
        ));
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_differ_and_sign() {
        use ed25519_dalek::{Signer, Verifier};
        let a = generate_signing_key();
        let b = generate_signing_key();
        assert_ne!(a.to_bytes(), b.to_bytes());
        let sig = a.sign(b"hello");
        assert!(a.verifying_key().verify(b"hello", &sig).is_ok());
        assert!(b.verifying_key().verify(b"hello", &sig).is_err());
    }

    #[test]
    fn pem_round_trips_and_tolerates_crlf() {
        let key = generate_signing_key();
        let pem = signing_key_to_pem(&key);
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        assert!(pem.trim_end().ends_with("-----END PRIVATE KEY-----"));
        assert_eq!(
            signing_key_from_pem(&pem).unwrap().to_bytes(),
            key.to_bytes()
        );
        let crlf = format!("\r\n  {}  \r\n", pem.replace('\n', "\r\n"));
        assert_eq!(
            signing_key_from_pem(&crlf).unwrap().to_bytes(),
            key.to_bytes()
        );
    }

    #[test]
    fn reads_a_key_written_by_openssl() {
        // `openssl genpkey -algorithm ed25519` (RFC 8410 §10.3's example key).
        let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
        let key = signing_key_from_pem(pem).unwrap();
        assert_eq!(
            public_key_base64(&key.verifying_key()),
            "Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="
        );
    }

    #[test]
    fn bad_pems_are_refused() {
        for bad in [
            "",
            "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n",
        ] {
            let e = signing_key_from_pem(bad).unwrap_err();
            assert_eq!(e.code(), "SIGNING_KEY_INVALID");
        }
    }

    #[test]
    fn public_keys_round_trip_as_44_characters() {
        let vk = generate_signing_key().verifying_key();
        let b64 = public_key_base64(&vk);
        assert_eq!(b64.len(), 44);
        assert_eq!(public_key_from_base64(&b64).unwrap(), vk);
        assert_eq!(public_key_from_base64(&format!(" {b64}\n")).unwrap(), vk);
    }

    #[test]
    fn bad_public_keys_are_refused() {
        let short = STANDARD.encode([1u8; 31]);
        assert!(matches!(
            public_key_from_base64(&short),
            Err(LicenseError::BadPublicKey(m)) if m.contains("31 bytes")
        ));
        assert!(public_key_from_base64("not base64!").is_err());
        // The identity point: valid encoding, small order.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert!(matches!(
            public_key_from_base64(&STANDARD.encode(identity)),
            Err(LicenseError::BadPublicKey(m)) if m.contains("weak")
        ));
    }
}
