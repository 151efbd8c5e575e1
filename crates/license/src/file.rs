//! The licence file, after Keygen's offline licence files:
//!
//! ```text
//! -----BEGIN LICENSE FILE-----
//! base64 of {"enc":"<base64 of the payload JSON>","sig":"<base64 signature>","alg":"base64+ed25519"}
//! wrapped at 64 columns
//! -----END LICENSE FILE-----
//! ```
//!
//! `sig` is the Ed25519 signature over the bytes `license/` followed by the `enc` string as it
//! stands (base64 text, not the decoded JSON), so any change to the payload, to its encoding, or
//! to the signature is caught.
//!
//! # What [`verify`] checks, in order
//! 1. The armor: a BEGIN line, then body lines, then an END line, and only blank lines around
//!    them. Each line is trimmed (spaces, tabs, CRLF from e-mail clients, a byte-order mark) and
//!    blank lines are skipped; anything else outside the armor is refused.
//! 2. The body is canonical standard base64 of a JSON object with exactly `enc`, `sig` and `alg`.
//! 3. `alg` is exactly `base64+ed25519` ([`LicenseError::UnsupportedAlgorithm`] otherwise).
//! 4. The signature verifies under the key with `verify_strict` (no malleable signatures, no weak
//!    keys) — before anything in the payload is parsed ([`LicenseError::BadSignature`]).
//! 5. The payload's `format` is 1 ([`LicenseError::UnsupportedFormat`]), then the whole payload
//!    parses and its times are RFC 3339. Fields this version does not know are ignored, so a
//!    server may add optional fields within format 1; anything incompatible needs format 2.
//!
//! Everything else that is wrong is [`LicenseError::Malformed`], with a note of what.
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::error::LicenseError;
use crate::payload::{LicensePayload, FORMAT};

/// The first line of a licence file.
pub const BEGIN: &str = "-----BEGIN LICENSE FILE-----";
/// The last line of a licence file.
pub const END: &str = "-----END LICENSE FILE-----";
/// The only algorithm accepted.
pub const ALGORITHM: &str = "base64+ed25519";
/// What is prepended to `enc` before signing.
pub const SIGNING_PREFIX: &str = "license/";
/// Body line width.
pub const LINE_WIDTH: usize = 64;

/// The JSON inside the armor.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    enc: String,
    sig: String,
    alg: String,
}

/// Signs the payload into a licence file (LF line endings, ending with a newline). The same
/// payload and key always give the same file: JSON fields keep their order and Ed25519 is
/// deterministic.
pub fn sign(payload: &LicensePayload, key: &SigningKey) -> String {
    let json = serde_json::to_vec(payload).expect(
        "a payload holds only strings, numbers, booleans and lists, which always serialise",
    );
    let enc = STANDARD.encode(json);
    let sig = key.sign(&signed_message(&enc));
    let envelope = Envelope {
        enc,
        sig: STANDARD.encode(sig.to_bytes()),
        alg: ALGORITHM.into(),
    };
    let body = STANDARD
        .encode(serde_json::to_vec(&envelope).expect("three strings always serialise as JSON"));
    let mut out = String::with_capacity(body.len() + body.len() / LINE_WIDTH + 64);
    out.push_str(BEGIN);
    out.push('\n');
    for line in body.as_bytes().chunks(LINE_WIDTH) {
        // Base64 is ASCII, so every chunk is valid UTF-8.
        out.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str(END);
    out.push('\n');
    out
}

/// Verifies a licence file under `key` and returns its payload; see the module docs for the
/// checks and their order.
pub fn verify(file: &str, key: &VerifyingKey) -> Result<LicensePayload, LicenseError> {
    let body = armored_body(file)?;
    let outer = STANDARD
        .decode(body.as_bytes())
        .map_err(|e| malformed(format!("the text between BEGIN and END is not base64: {e}")))?;
    let envelope: Envelope = serde_json::from_slice(&outer)
        .map_err(|e| malformed(format!("the decoded content is not the expected JSON: {e}")))?;
    if envelope.alg != ALGORITHM {
        return Err(LicenseError::UnsupportedAlgorithm(envelope.alg));
    }
    let sig_bytes: [u8; 64] = STANDARD
        .decode(envelope.sig.as_bytes())
        .map_err(|e| malformed(format!("the signature is not base64: {e}")))?
        .try_into()
        .map_err(|b: Vec<u8>| malformed(format!("the signature is {} bytes, not 64", b.len())))?;
    let sig = Signature::from_bytes(&sig_bytes);
    key.verify_strict(&signed_message(&envelope.enc), &sig)
        .map_err(|_| LicenseError::BadSignature)?;

    // Signed by us from here on: still parsed defensively.
    let json = STANDARD
        .decode(envelope.enc.as_bytes())
        .map_err(|e| malformed(format!("the payload is not base64: {e}")))?;
    let FormatOnly { format } = serde_json::from_slice(&json)
        .map_err(|e| malformed(format!("the payload has no format number: {e}")))?;
    if format != FORMAT {
        return Err(LicenseError::UnsupportedFormat(format));
    }
    let payload: LicensePayload = serde_json::from_slice(&json)
        .map_err(|e| malformed(format!("the payload is not a format-1 licence: {e}")))?;
    payload.check()?;
    Ok(payload)
}

/// Just the `format` field, read before the rest so a newer format is reported as such.
#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// The bytes that are signed: `license/` + `enc`.
fn signed_message(enc: &str) -> Vec<u8> {
    let mut msg = Vec::with_capacity(SIGNING_PREFIX.len() + enc.len());
    msg.extend_from_slice(SIGNING_PREFIX.as_bytes());
    msg.extend_from_slice(enc.as_bytes());
    msg
}

/// The body lines between BEGIN and END, trimmed and joined.
fn armored_body(file: &str) -> Result<String, LicenseError> {
    let mut lines = file
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|l| !l.is_empty());
    match lines.next() {
        Some(BEGIN) => {}
        Some(_) => {
            return Err(malformed(format!(
                "it does not start with the line {BEGIN}"
            )))
        }
        None => return Err(malformed("it is empty".into())),
    }
    let mut body = String::new();
    loop {
        match lines.next() {
            Some(END) => break,
            Some(BEGIN) => return Err(malformed(format!("{BEGIN} appears twice"))),
            Some(line) => body.push_str(line),
            None => {
                return Err(malformed(format!(
                    "the line {END} is missing, so the file is cut short"
                )))
            }
        }
    }
    if lines.next().is_some() {
        return Err(malformed(format!("there is text after {END}")));
    }
    if body.is_empty() {
        return Err(malformed("there is nothing between BEGIN and END".into()));
    }
    Ok(body)
}

fn malformed(what: String) -> LicenseError {
    LicenseError::Malformed(what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payload::tests::sample_payload;

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7; 32])
    }

    /// A file around a hand-made envelope, signed correctly unless the test says otherwise.
    fn file_with(enc: &str, sig: &[u8], alg: &str) -> String {
        let envelope = serde_json::json!({"enc": enc, "sig": STANDARD.encode(sig), "alg": alg});
        let body = STANDARD.encode(envelope.to_string());
        format!("{BEGIN}\n{body}\n{END}\n")
    }

    fn signed_enc(json: &str) -> (String, Vec<u8>) {
        let enc = STANDARD.encode(json);
        let sig = key().sign(&signed_message(&enc)).to_bytes().to_vec();
        (enc, sig)
    }

    #[test]
    fn sign_then_verify_round_trips() {
        let p = sample_payload();
        let file = sign(&p, &key());
        assert_eq!(verify(&file, &key().verifying_key()), Ok(p.clone()));
        assert_eq!(file, sign(&p, &key()), "signing is deterministic");
    }

    #[test]
    fn the_file_has_the_documented_shape() {
        let file = sign(&sample_payload(), &key());
        let lines: Vec<&str> = file.lines().collect();
        assert_eq!(lines[0], BEGIN);
        assert_eq!(*lines.last().unwrap(), END);
        assert!(file.ends_with("-----END LICENSE FILE-----\n"));
        let body = &lines[1..lines.len() - 1];
        assert!(body[..body.len() - 1].iter().all(|l| l.len() == 64));
        assert!(!body.last().unwrap().is_empty() && body.last().unwrap().len() <= 64);
        let outer: serde_json::Value =
            serde_json::from_slice(&STANDARD.decode(body.concat()).unwrap()).unwrap();
        assert_eq!(outer["alg"], "base64+ed25519");
        let enc = outer["enc"].as_str().unwrap();
        let payload: serde_json::Value =
            serde_json::from_slice(&STANDARD.decode(enc).unwrap()).unwrap();
        assert_eq!(payload["format"], 1);
        // The signature covers "license/" + enc.
        let sig: [u8; 64] = STANDARD
            .decode(outer["sig"].as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap();
        let msg = format!("license/{enc}");
        assert!(key()
            .verifying_key()
            .verify_strict(msg.as_bytes(), &Signature::from_bytes(&sig))
            .is_ok());
    }

    #[test]
    fn whitespace_crlf_and_a_bom_are_tolerated() {
        let p = sample_payload();
        let file = sign(&p, &key());
        let mangled = format!(
            "\u{feff}\r\n\r\n  {}  \r\n\r\n",
            file.lines()
                .map(|l| format!("\t{l} \r"))
                .collect::<Vec<_>>()
                .join("\n\n")
        );
        assert_eq!(verify(&mangled, &key().verifying_key()), Ok(p));
    }

    #[test]
    fn text_outside_the_armor_is_refused() {
        let file = sign(&sample_payload(), &key());
        let vk = key().verifying_key();
        for bad in [
            format!("Your licence:\n{file}"),
            format!("{file}Thanks!\n"),
            format!("{BEGIN}\n{file}"),
            String::new(),
            "   \n\n".into(),
            format!("{BEGIN}\n{END}\n"),
        ] {
            assert!(
                matches!(verify(&bad, &vk), Err(LicenseError::Malformed(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_algorithm_must_be_exact() {
        let (enc, sig) = signed_enc(&serde_json::to_string(&sample_payload()).unwrap());
        let vk = key().verifying_key();
        assert!(verify(&file_with(&enc, &sig, ALGORITHM), &vk).is_ok());
        for alg in [
            "aes-256-gcm+ed25519",
            "BASE64+ED25519",
            "base64+ed25519 ",
            "",
            "base64+rsa-pss-sha256",
        ] {
            assert_eq!(
                verify(&file_with(&enc, &sig, alg), &vk),
                Err(LicenseError::UnsupportedAlgorithm(alg.into()))
            );
        }
    }

    #[test]
    fn the_signature_is_checked_before_the_payload_is_read() {
        // Not JSON at all, but unsigned: the answer is the signature, not a parse error.
        let enc = STANDARD.encode("not json");
        let sig = [0u8; 64];
        assert_eq!(
            verify(&file_with(&enc, &sig, ALGORITHM), &key().verifying_key()),
            Err(LicenseError::BadSignature)
        );
        // Signed but not JSON: malformed.
        let (enc, sig) = signed_enc("not json");
        assert!(matches!(
            verify(&file_with(&enc, &sig, ALGORITHM), &key().verifying_key()),
            Err(LicenseError::Malformed(_))
        ));
    }

    #[test]
    fn another_format_is_reported_as_such() {
        let mut json: serde_json::Value = serde_json::to_value(sample_payload()).unwrap();
        json["format"] = 2.into();
        json["entitlements"] = "something new".into();
        let (enc, sig) = signed_enc(&json.to_string());
        assert_eq!(
            verify(&file_with(&enc, &sig, ALGORITHM), &key().verifying_key()),
            Err(LicenseError::UnsupportedFormat(2))
        );
    }

    #[test]
    fn signed_payloads_with_bad_times_are_refused() {
        let mut p = sample_payload();
        p.issued_at = "yesterday".into();
        let file = sign(&p, &key());
        assert!(matches!(
            verify(&file, &key().verifying_key()),
            Err(LicenseError::Malformed(m)) if m.contains("issued_at")
        ));
    }

    #[test]
    fn bad_signature_encodings_are_malformed() {
        let (enc, sig) = signed_enc(&serde_json::to_string(&sample_payload()).unwrap());
        let vk = key().verifying_key();
        assert!(matches!(
            verify(&file_with(&enc, &sig[..63], ALGORITHM), &vk),
            Err(LicenseError::Malformed(m)) if m.contains("63 bytes")
        ));
        let envelope = serde_json::json!({"enc": enc, "sig": "***", "alg": ALGORITHM});
        let file = format!(
            "{BEGIN}\n{}\n{END}\n",
            STANDARD.encode(envelope.to_string())
        );
        assert!(matches!(
            verify(&file, &vk),
            Err(LicenseError::Malformed(_))
        ));
        // An extra field in the envelope.
        let envelope = serde_json::json!({"enc": enc, "sig": STANDARD.encode(&sig), "alg": ALGORITHM, "kid": "x"});
        let file = format!(
            "{BEGIN}\n{}\n{END}\n",
            STANDARD.encode(envelope.to_string())
        );
        assert!(matches!(
            verify(&file, &vk),
            Err(LicenseError::Malformed(_))
        ));
    }
}
