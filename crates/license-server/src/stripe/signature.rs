//! The `Stripe-Signature` header, checked exactly as Stripe specifies (formats.md §5):
//! `t=<unix>,v1=<hex>[,v1=<hex>…]`; the expected value is hex(HMAC-SHA256(endpoint secret,
//! `"<t>." + raw body`)); any `v1` may match (Stripe sends several while a secret is rotated);
//! other schemes (`v0`…) are ignored; comparisons are constant time; and a timestamp more than
//! [`TOLERANCE_SECS`] away from now is refused, so a captured request cannot be replayed later.
//! The body is the raw bytes received — never JSON re-serialised.
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// How far the signed timestamp may be from now.
pub const TOLERANCE_SECS: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the request has no Stripe-Signature header")]
    Missing,
    #[error("the Stripe-Signature header has no timestamp (t=…)")]
    NoTimestamp,
    #[error("the Stripe-Signature header has no v1 signature")]
    NoSignature,
    #[error("the Stripe-Signature timestamp is {age} s away from now (at most {TOLERANCE_SECS} s allowed)")]
    Stale { age: i64 },
    #[error("no v1 signature in Stripe-Signature matches the body under the endpoint secret")]
    Mismatch,
}

/// Checks `header` against the raw `body`; the signed timestamp when it is good.
pub fn verify(
    header: Option<&str>,
    body: &[u8],
    secret: &str,
    now: i64,
) -> Result<i64, SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        let Some((scheme, value)) = part.trim().split_once('=') else {
            continue;
        };
        match scheme {
            "t" if timestamp.is_none() => timestamp = value.parse::<i64>().ok(),
            "v1" => signatures.push(value),
            _ => {}
        }
    }
    let t = timestamp.ok_or(SignatureError::NoTimestamp)?;
    if signatures.is_empty() {
        return Err(SignatureError::NoSignature);
    }
    let expected = mac(secret, t, body);
    let matched = signatures.iter().fold(false, |found, candidate| {
        let ok = hex::decode(candidate)
            .map(|bytes| bool::from(bytes.as_slice().ct_eq(expected.as_slice())))
            .unwrap_or(false);
        found | ok
    });
    if !matched {
        return Err(SignatureError::Mismatch);
    }
    let age = (now - t).abs();
    if age > TOLERANCE_SECS {
        return Err(SignatureError::Stale { age });
    }
    Ok(t)
}

/// The header Stripe would send for `body` at `t` (tests, and the operator's own checks).
pub fn sign(body: &[u8], secret: &str, t: i64) -> String {
    format!("t={t},v1={}", hex::encode(mac(secret, t, body)))
}

fn mac(secret: &str, t: i64, body: &[u8]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes a key of any length");
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac.finalize().into_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test_secret";
    const BODY: &[u8] = br#"{"id":"evt_1","object":"event"}"#;

    #[test]
    fn matches_an_independent_hmac() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog") from RFC 4231-style
        // published vectors, to show the MAC is the standard one.
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(b"key").unwrap();
        m.update(b"The quick brown fox jumps over the lazy dog");
        assert_eq!(
            hex::encode(m.finalize().into_bytes()),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        );
        let header = sign(BODY, SECRET, 1_700_000_000);
        assert!(header.starts_with("t=1700000000,v1="));
        assert_eq!(
            verify(Some(&header), BODY, SECRET, 1_700_000_000),
            Ok(1_700_000_000)
        );
    }

    #[test]
    fn refuses_what_stripe_would_refuse() {
        let t = 1_700_000_000;
        let good = sign(BODY, SECRET, t);
        assert_eq!(verify(None, BODY, SECRET, t), Err(SignatureError::Missing));
        assert_eq!(
            verify(Some(&good), BODY, "whsec_other", t),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(Some(&good), b"{}", SECRET, t),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(Some(&good), BODY, SECRET, t + 301),
            Err(SignatureError::Stale { age: 301 })
        );
        assert_eq!(verify(Some(&good), BODY, SECRET, t - 300), Ok(t));
        assert_eq!(
            verify(Some("v1=00"), BODY, SECRET, t),
            Err(SignatureError::NoTimestamp)
        );
        let v0_only = good.replace("v1=", "v0=");
        assert_eq!(
            verify(Some(&v0_only), BODY, SECRET, t),
            Err(SignatureError::NoSignature)
        );
    }

    #[test]
    fn any_v1_may_match_and_other_schemes_are_ignored() {
        let t = 1_700_000_000;
        let right = sign(BODY, SECRET, t);
        let right_sig = right.split_once("v1=").unwrap().1;
        let wrong_sig = sign(BODY, "whsec_old", t)
            .split_once("v1=")
            .unwrap()
            .1
            .to_string();
        let header = format!("t={t},v1={wrong_sig},v0=zz,v1=nothex,v1={right_sig}");
        assert_eq!(verify(Some(&header), BODY, SECRET, t), Ok(t));
    }
}
