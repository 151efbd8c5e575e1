//! What can go wrong reading a licence file, a key or the catalogue. Every error has a message a
//! person can act on and a stable code the app and the server branch on. The codes follow Keygen's
//! vocabulary where it has a word for the case (`LICENSE_INVALID`, `NOT_FOUND`…) and are
//! SCREAMING_SNAKE_CASE like Keygen's everywhere else.

/// Reading or checking a licence file, or loading a signing or public key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LicenseError {
    /// Not a licence file, or a damaged one: no armor, bad base64, bad JSON, missing fields.
    #[error("the licence file is damaged or incomplete ({0}): paste or load the whole file again, from BEGIN LICENSE FILE to END LICENSE FILE")]
    Malformed(String),
    /// The envelope's `alg` is not `base64+ed25519`.
    #[error("the licence file is signed with “{0}”, which this app does not accept (only base64+ed25519)")]
    UnsupportedAlgorithm(String),
    /// The signature does not match the content under the key: edited, or from someone else.
    #[error("the licence file's signature does not match: it was changed after it was issued, or it was not issued for this app")]
    BadSignature,
    /// A payload format this version does not know.
    #[error("the licence file has format {0}, which this version of the app cannot read: update the app")]
    UnsupportedFormat(u32),
    /// A private key that is not an Ed25519 key in PKCS#8 PEM ("PRIVATE KEY").
    #[error("the signing key is not an Ed25519 private key in PKCS#8 PEM (“-----BEGIN PRIVATE KEY-----”): {0}")]
    BadSigningKey(String),
    /// A public key that is not 32 raw bytes of a valid Ed25519 point in standard base64.
    #[error("the public key is not an Ed25519 public key (32 bytes in standard base64): {0}")]
    BadPublicKey(String),
}

impl LicenseError {
    /// A stable code the app and the server can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            LicenseError::Malformed(_) => "LICENSE_FILE_INVALID",
            LicenseError::UnsupportedAlgorithm(_) => "LICENSE_FILE_NOT_SUPPORTED",
            LicenseError::BadSignature => "LICENSE_INVALID",
            LicenseError::UnsupportedFormat(_) => "LICENSE_FILE_VERSION_UNSUPPORTED",
            LicenseError::BadSigningKey(_) => "SIGNING_KEY_INVALID",
            LicenseError::BadPublicKey(_) => "PUBLIC_KEY_INVALID",
        }
    }
}

/// A purchase key as typed or pasted by a person. The messages speak to that person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Too few or too many key characters (the `IGOS` prefix, dashes and spaces not counted).
    #[error("a purchase key has {expected} characters after “IGOS-” and this one has {found}: check it against the e-mail")]
    WrongLength { found: usize, expected: usize },
    /// A character no key contains (as typed).
    #[error("“{0}” never appears in a purchase key: keys use only the digits 0–9 and the letters A–Z without I, L, O and U")]
    BadCharacter(char),
    /// The check character does not match: a typo somewhere.
    #[error("the key has a typo: check it against the e-mail, character by character")]
    CheckFailed,
}

impl KeyError {
    /// A stable code the app can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            KeyError::WrongLength { .. } => "KEY_WRONG_LENGTH",
            KeyError::BadCharacter(_) => "KEY_BAD_CHARACTER",
            KeyError::CheckFailed => "KEY_CHECK_FAILED",
        }
    }
}

/// A catalogue that breaks a rule, or a look-up in it that names something it does not sell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// Not valid TOML, a missing field, a field of the wrong type or an unknown field.
    #[error("the catalogue could not be read: {0}")]
    Syntax(String),
    /// The catalogue lists no plan at all.
    #[error("the catalogue has no plans: add at least one [[plan]]")]
    NoPlans,
    /// An id that is empty or not lower-case letters, digits and underscores.
    #[error("“{0}” is not a valid id: use lower-case letters, digits and underscores (like “extra_clients_10”)")]
    BadId(String),
    /// Two items share an id (across plans, add-ons and one-time products).
    #[error(
        "the id “{0}” is used twice: every plan, add-on and one-time product needs its own id"
    )]
    DuplicateId(String),
    /// A Stripe price id that is empty or holds spaces.
    #[error(
        "“{price}” (in “{item}”) is not a Stripe price id: it must be non-empty and without spaces"
    )]
    BadPrice { item: String, price: String },
    /// One Stripe price sells two things.
    #[error("the Stripe price “{price}” is listed under both “{first}” and “{second}”: each price must sell exactly one thing")]
    DuplicatePrice {
        price: String,
        first: String,
        second: String,
    },
    /// A plan with `seats = 0`.
    #[error("the plan “{0}” has no seats: every plan needs at least 1 machine")]
    NoSeats(String),
    /// `max_active_clients` neither a number nor `"unlimited"`.
    #[error("the plan “{plan}” has max_active_clients = “{value}”: use a number, or “unlimited”")]
    BadLimit { plan: String, value: String },
    /// A plan with no price and no trial length: nobody could ever have it.
    #[error("the plan “{0}” has neither a Stripe price nor trial_days: nobody could get it")]
    Unobtainable(String),
    /// A feature flag that is not lower-case letters, digits and underscores.
    #[error("“{feature}” (in “{item}”) is not a valid feature flag: use lower-case letters, digits and underscores")]
    BadFeature { item: String, feature: String },
    /// A feature flag the app does not know (a typo would sell something that never switches on).
    #[error("“{feature}” (in “{item}”) is not a feature the app knows: use {known}")]
    UnknownFeature {
        item: String,
        feature: String,
        known: String,
    },
    /// An add-on that adds nothing.
    #[error("the add-on “{0}” grants nothing: give it extra_clients, extra_seats, monthly_ai_credits, white_label or features")]
    EmptyAddOn(String),
    /// A one-time product without credits.
    #[error("the one-time product “{0}” grants no credits: give it credits = {{ kind = count }}")]
    EmptyProduct(String),
    /// A credit kind that is not lower-case letters, digits and underscores.
    #[error("“{kind}” (in “{item}”) is not a valid credit kind: use lower-case letters, digits and underscores")]
    BadCreditKind { item: String, kind: String },
    /// Entitlements asked for a plan the catalogue does not have.
    #[error("there is no plan “{0}” in the catalogue")]
    UnknownPlan(String),
    /// Entitlements asked for an add-on the catalogue does not have.
    #[error("there is no add-on “{0}” in the catalogue")]
    UnknownAddOn(String),
    /// Entitlements asked for a one-time product the catalogue does not have.
    #[error("there is no one-time product “{0}” in the catalogue")]
    UnknownProduct(String),
}

impl CatalogError {
    /// A stable code the server can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            CatalogError::Syntax(_) => "CATALOG_SYNTAX",
            CatalogError::NoPlans => "CATALOG_NO_PLANS",
            CatalogError::BadId(_) => "CATALOG_BAD_ID",
            CatalogError::DuplicateId(_) => "CATALOG_DUPLICATE_ID",
            CatalogError::BadPrice { .. } => "CATALOG_BAD_PRICE",
            CatalogError::DuplicatePrice { .. } => "CATALOG_DUPLICATE_PRICE",
            CatalogError::NoSeats(_) => "CATALOG_NO_SEATS",
            CatalogError::BadLimit { .. } => "CATALOG_BAD_LIMIT",
            CatalogError::Unobtainable(_) => "CATALOG_UNOBTAINABLE_PLAN",
            CatalogError::BadFeature { .. } => "CATALOG_BAD_FEATURE",
            CatalogError::UnknownFeature { .. } => "CATALOG_UNKNOWN_FEATURE",
            CatalogError::EmptyAddOn(_) => "CATALOG_EMPTY_ADD_ON",
            CatalogError::EmptyProduct(_) => "CATALOG_EMPTY_PRODUCT",
            CatalogError::BadCreditKind { .. } => "CATALOG_BAD_CREDIT_KIND",
            CatalogError::UnknownPlan(_) => "PLAN_NOT_FOUND",
            CatalogError::UnknownAddOn(_) => "ADD_ON_NOT_FOUND",
            CatalogError::UnknownProduct(_) => "PRODUCT_NOT_FOUND",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_keygen_style_and_distinct_per_enum() {
        let license = [
            LicenseError::Malformed("x".into()),
            LicenseError::UnsupportedAlgorithm("x".into()),
            LicenseError::BadSignature,
            LicenseError::UnsupportedFormat(2),
            LicenseError::BadSigningKey("x".into()),
            LicenseError::BadPublicKey("x".into()),
        ];
        let codes: Vec<&str> = license.iter().map(LicenseError::code).collect();
        assert_eq!(LicenseError::BadSignature.code(), "LICENSE_INVALID");
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
        for code in codes {
            assert!(code.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
        }
    }

    #[test]
    fn key_messages_speak_to_the_person_typing() {
        let e = KeyError::WrongLength {
            found: 19,
            expected: 20,
        };
        assert!(e.to_string().contains("20 characters"));
        assert!(e.to_string().contains("19"));
        assert!(KeyError::CheckFailed.to_string().contains("typo"));
        assert!(KeyError::BadCharacter('*').to_string().contains('*'));
    }
}
