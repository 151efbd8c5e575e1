//! A licence file cannot be changed without the vendor's private key: every way of tampering
//! with one — flipped bits, edited entitlements, another key, truncation, another algorithm — is
//! refused by `verify`.
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use instagrowth_license::{
    default_catalog, fingerprint, sign, verify, Entitlements, LicenseError, LicensePayload,
    LicenseStatus, Machine, SigningKey, VerifyingKey,
};

fn vendor_key() -> SigningKey {
    SigningKey::from_bytes(&[42; 32])
}

fn public() -> VerifyingKey {
    vendor_key().verifying_key()
}

fn payload() -> LicensePayload {
    let entitlements: Entitlements = default_catalog()
        .entitlements(
            "pro",
            &[("extra_clients_10".into(), 2)],
            &[("report_single".into(), 3)],
        )
        .unwrap();
    LicensePayload {
        format: 1,
        license_id: "0b7f3c2e-8d1a-4f5b-9c6d-7e8f9a0b1c2d".into(),
        key_prefix: "IGOS-7KQ3M".into(),
        plan: "pro".into(),
        status: LicenseStatus::Active,
        entitlements,
        customer_email: Some("owner@agency.example".into()),
        machine: Machine {
            fingerprint: fingerprint("4c4c4544-0042-3510-8052-b3c04f4e4a32", b"app-key"),
            name: "Studio iMac".into(),
            platform: "macos".into(),
        },
        issued_at: "2026-03-01T09:30:00Z".into(),
        expires_at: Some("2026-04-01T09:30:00Z".into()),
        refresh_by: "2026-03-15T09:30:00Z".into(),
        grace_days: 7,
    }
}

fn signed() -> String {
    sign(&payload(), &vendor_key())
}

/// The body lines of a file and its decoded envelope.
fn envelope(file: &str) -> serde_json::Value {
    let body: String = file
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    serde_json::from_slice(&STANDARD.decode(body).unwrap()).unwrap()
}

/// A file around an envelope, wrapped like `sign` wraps.
fn rewrap(envelope: &serde_json::Value) -> String {
    let body = STANDARD.encode(envelope.to_string());
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "-----BEGIN LICENSE FILE-----\n{}\n-----END LICENSE FILE-----\n",
        lines.join("\n")
    )
}

#[test]
fn a_signed_file_verifies() {
    assert_eq!(verify(&signed(), &public()), Ok(payload()));
    // …and our rewrap helper is faithful, so the refusals below are about the change made.
    assert_eq!(
        verify(&rewrap(&envelope(&signed())), &public()),
        Ok(payload())
    );
}

/// Whether to flip every bit of every body character (about 7,000 verifications, ~45 s in a
/// debug build) instead of the dense sample: `LICENSE_TAMPER_FULL=1 cargo test -p
/// instagrowth-license --test tamper`.
fn full_sweep() -> bool {
    std::env::var_os("LICENSE_TAMPER_FULL").is_some_and(|v| v == "1")
}

#[test]
fn flipping_any_bit_of_the_body_is_refused() {
    // The dense sample: every body character with one of its 7 low bits (cycling, so each bit
    // is flipped somewhere on every line), and all 7 bits of every 16th character. The 8th bit
    // makes a non-ASCII byte, which is not valid UTF-8 on its own and cannot be passed as text.
    let file = signed();
    let bytes = file.as_bytes();
    let begin = file.find('\n').unwrap() + 1;
    let end = file.rfind("-----END").unwrap();
    let full = full_sweep();
    let mut tried = 0;
    for (n, i) in (begin..end).filter(|&i| bytes[i] != b'\n').enumerate() {
        // Newlines are layout, not content: see `layout_changes_are_not_tampering`.
        let bits: Vec<u32> = if full || n % 16 == 0 {
            (0..8).collect()
        } else {
            vec![(n % 7) as u32]
        };
        for bit in bits {
            let mut tampered = bytes.to_vec();
            tampered[i] ^= 1 << bit;
            let Ok(text) = String::from_utf8(tampered) else {
                assert_eq!(bit, 7);
                continue;
            };
            tried += 1;
            assert!(
                verify(&text, &public()).is_err(),
                "flipping bit {bit} of byte {i} ({:?}) was accepted",
                char::from(bytes[i])
            );
        }
    }
    let body_chars = file[begin..end].bytes().filter(|&b| b != b'\n').count();
    assert!(body_chars > 900, "the sample covers a realistic file");
    let expected = if full {
        body_chars * 7
    } else {
        body_chars + body_chars.div_ceil(16) * 6
    };
    assert_eq!(tried, expected);
}

#[test]
fn flipping_bits_of_the_armor_is_refused() {
    let file = signed();
    let bytes = file.as_bytes();
    let first_line_end = file.find('\n').unwrap();
    let last_line_start = file.rfind("-----END").unwrap();
    let armor = (0..first_line_end).chain(last_line_start..bytes.len() - 1);
    for i in armor {
        for bit in 0..7 {
            let mut tampered = bytes.to_vec();
            tampered[i] ^= 1 << bit;
            let text = String::from_utf8(tampered).unwrap();
            assert!(
                matches!(verify(&text, &public()), Err(LicenseError::Malformed(_))),
                "flipping bit {bit} of armor byte {i}"
            );
        }
    }
}

/// An edit an attacker might make to a decoded payload.
type Edit = fn(&mut LicensePayload);

#[test]
fn editing_the_entitlements_without_re_signing_is_refused() {
    let file = signed();
    let mut env = envelope(&file);
    let original_enc = env["enc"].as_str().unwrap().to_string();
    let decoded = STANDARD.decode(&original_enc).unwrap();
    let p: LicensePayload = serde_json::from_slice(&decoded).unwrap();
    // Re-encoding the unedited payload gives the signed bytes exactly, so below the only
    // difference is the edit itself.
    assert_eq!(
        STANDARD.encode(serde_json::to_vec(&p).unwrap()),
        original_enc
    );

    let edits: Vec<(&str, Edit)> = vec![
        ("unlimited clients", |p| {
            p.entitlements.max_active_clients = None
        }),
        ("one more client", |p| {
            p.entitlements.max_active_clients = p.entitlements.max_active_clients.map(|n| n + 1)
        }),
        ("more seats", |p| p.entitlements.seats = 99),
        ("white label", |p| p.entitlements.white_label = true),
        ("more credits", |p| p.entitlements.monthly_ai_credits *= 10),
        ("a feature", |p| p.entitlements.features.push("sso".into())),
        ("one-time credits", |p| {
            p.entitlements.one_time_credits[0].count += 1
        }),
        ("another plan", |p| p.plan = "enterprise".into()),
        ("no expiry", |p| p.expires_at = None),
        ("later refresh", |p| {
            p.refresh_by = "2099-01-01T00:00:00Z".into()
        }),
        ("more grace", |p| p.grace_days = 365),
        ("another machine", |p| {
            p.machine.fingerprint = "00".repeat(32)
        }),
        ("another status", |p| p.status = LicenseStatus::Trialing),
    ];
    for (what, edit) in edits {
        let mut edited = p.clone();
        edit(&mut edited);
        assert_ne!(edited, p, "{what} is an edit");
        env["enc"] = STANDARD.encode(serde_json::to_vec(&edited).unwrap()).into();
        assert_eq!(
            verify(&rewrap(&env), &public()),
            Err(LicenseError::BadSignature),
            "{what}"
        );
    }

    // The same JSON re-encoded with other whitespace is a different `enc`: also refused.
    env["enc"] = STANDARD
        .encode(serde_json::to_string_pretty(&p).unwrap())
        .into();
    assert_eq!(
        verify(&rewrap(&env), &public()),
        Err(LicenseError::BadSignature)
    );
    // The original `enc` put back verifies again.
    env["enc"] = original_enc.into();
    assert_eq!(verify(&rewrap(&env), &public()), Ok(p));
}

#[test]
fn swapping_in_another_files_signature_is_refused() {
    let mut other = payload();
    other.plan = "starter".into();
    let theirs = envelope(&sign(&other, &vendor_key()));
    let mut ours = envelope(&signed());
    ours["sig"] = theirs["sig"].clone();
    assert_eq!(
        verify(&rewrap(&ours), &public()),
        Err(LicenseError::BadSignature)
    );
}

#[test]
fn a_file_signed_by_another_key_is_refused() {
    let forger = SigningKey::from_bytes(&[43; 32]);
    let forged = sign(&payload(), &forger);
    assert_eq!(verify(&forged, &public()), Err(LicenseError::BadSignature));
    let random = instagrowth_license::generate_signing_key();
    assert_eq!(
        verify(&sign(&payload(), &random), &public()),
        Err(LicenseError::BadSignature)
    );
    // …and our file under their key.
    assert_eq!(
        verify(&signed(), &forger.verifying_key()),
        Err(LicenseError::BadSignature)
    );
}

#[test]
fn every_truncation_is_refused() {
    let file = signed();
    // Every prefix: mid-line and at each line boundary (with or without its newline).
    for cut in 0..file.len() - 1 {
        let truncated = &file[..cut];
        assert!(
            verify(truncated, &public()).is_err(),
            "a file cut to {cut} of {} bytes was accepted",
            file.len()
        );
    }
    // The whole file but its final newline is still whole.
    assert!(verify(&file[..file.len() - 1], &public()).is_ok());
    // A body line missing from the middle, END still there.
    let lines: Vec<&str> = file.lines().collect();
    for skip in 1..lines.len() - 1 {
        let mut kept = lines.clone();
        kept.remove(skip);
        let text = kept.join("\n");
        assert!(
            verify(&text, &public()).is_err(),
            "dropping body line {skip} was accepted"
        );
    }
    // Cut at each line boundary with the END line put back.
    let mut offset = 0;
    for line in &lines[..lines.len() - 1] {
        offset += line.len() + 1;
        let text = format!("{}-----END LICENSE FILE-----\n", &file[..offset]);
        if offset == file.len() - "-----END LICENSE FILE-----\n".len() {
            continue; // that is the whole file
        }
        assert!(verify(&text, &public()).is_err(), "cut at {offset}");
    }
}

#[test]
fn a_wrong_alg_is_refused_even_with_a_good_signature() {
    let mut env = envelope(&signed());
    for alg in ["aes-256-gcm+ed25519", "base64+ed25519ph", "none", ""] {
        env["alg"] = alg.into();
        assert_eq!(
            verify(&rewrap(&env), &public()),
            Err(LicenseError::UnsupportedAlgorithm(alg.into()))
        );
    }
    env["alg"] = serde_json::Value::Null;
    assert!(matches!(
        verify(&rewrap(&env), &public()),
        Err(LicenseError::Malformed(_))
    ));
}

#[test]
fn layout_changes_are_not_tampering() {
    // Re-wrapping the same content at another width, or CRLF endings, still verifies: the
    // signature covers the content, not the layout.
    let env = envelope(&signed());
    let body = STANDARD.encode(env.to_string());
    let wide = format!("-----BEGIN LICENSE FILE-----\r\n{body}\r\n-----END LICENSE FILE-----\r\n");
    assert_eq!(verify(&wide, &public()), Ok(payload()));
}
