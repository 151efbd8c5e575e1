//! What `serve` runs with. The operator sets it with flags or environment variables (see
//! [`crate::cli::args::ServeArgs`]); tests build it directly with [`ServerConfig::for_tests`]-style
//! literals. Nothing here is secret except the signing key, the Stripe secrets and the SMTP URL's
//! password, and none of them is ever logged.
use std::time::Duration;

use instagrowth_license::{Catalog, SigningKey};

/// Requests per minute allowed before `429 RATE_LIMITED` (see [`crate::rate_limit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Per client IP, on the licence and portal endpoints.
    pub per_ip_per_minute: u32,
    /// Per purchase key, on activate / validate / deactivate / portal.
    pub per_key_per_minute: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            per_ip_per_minute: 60,
            per_key_per_minute: 20,
        }
    }
}

#[derive(Clone)]
pub struct ServerConfig {
    /// Signs licence files. Its public half is embedded in the app.
    pub signing_key: SigningKey,
    /// What is sold and what it grants.
    pub catalog: Catalog,
    /// `whsec_…`: Stripe's endpoint secret. Without it every webhook is refused.
    pub stripe_webhook_secret: Option<String>,
    /// `sk_…` / `rk_…`: for line items and the billing portal.
    pub stripe_api_key: Option<String>,
    /// `https://api.stripe.com`, or a local fake in tests.
    pub stripe_api_base: String,
    /// `smtp://host:port`, `smtps://user:pass@host`… Without it mail waits in the outbox.
    pub smtp_url: Option<String>,
    /// The From of every e-mail.
    pub mail_from: String,
    /// Where the server is reached from outside (e-mails, portal return URL), no trailing slash.
    pub public_url: String,
    /// Days a licence file is good for before the app must refresh it.
    pub ttl_days: u32,
    /// Days the app keeps working offline past that (and past a failed payment).
    pub grace_days: u32,
    pub rate_limits: RateLimits,
    /// A header holding the client IP set by a trusted proxy (`X-Forwarded-For`); else the peer.
    pub client_ip_header: Option<String>,
    /// Trusted proxies in front of the server, each appending the address it saw to that header:
    /// the client is that many entries from the right (1: the right-most). See [`crate::rate_limit`].
    pub trusted_proxy_hops: usize,
    /// How often the outbox is looked at.
    pub outbox_interval: Duration,
    /// The first retry of a failed e-mail waits this long; each next one twice as long (≤ 1 h).
    pub mail_retry_base: Duration,
    /// Attempts at one e-mail before it is abandoned (its body wiped).
    pub mail_max_attempts: u32,
    /// An e-mail not sent this long after it was queued (no SMTP, retries) is abandoned.
    pub mail_max_age: Duration,
    /// How long one instance holds a claimed e-mail; the SMTP timeout stays under half of it.
    pub mail_lease: Duration,
}

impl std::fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Secrets stay out of logs and panics.
        f.debug_struct("ServerConfig")
            .field("stripe_api_base", &self.stripe_api_base)
            .field("public_url", &self.public_url)
            .field("ttl_days", &self.ttl_days)
            .field("grace_days", &self.grace_days)
            .field("rate_limits", &self.rate_limits)
            .finish_non_exhaustive()
    }
}

impl ServerConfig {
    /// A configuration with the documented defaults around a key and a catalogue.
    pub fn new(signing_key: SigningKey, catalog: Catalog) -> ServerConfig {
        ServerConfig {
            signing_key,
            catalog,
            stripe_webhook_secret: None,
            stripe_api_key: None,
            stripe_api_base: DEFAULT_STRIPE_API_BASE.into(),
            smtp_url: None,
            mail_from: DEFAULT_MAIL_FROM.into(),
            public_url: DEFAULT_PUBLIC_URL.into(),
            ttl_days: instagrowth_license::DEFAULT_TTL_DAYS,
            grace_days: instagrowth_license::DEFAULT_GRACE_DAYS,
            rate_limits: RateLimits::default(),
            client_ip_header: None,
            trusted_proxy_hops: usize::from(DEFAULT_TRUSTED_PROXY_HOPS),
            outbox_interval: Duration::from_secs(5),
            mail_retry_base: Duration::from_secs(30),
            // 30 s, 1, 2, 4, 8, 16, 32 min, then hourly: about 8 hours in all.
            mail_max_attempts: 12,
            // The success page keeps a key one day; the mail gets three.
            mail_max_age: Duration::from_secs(3 * 86_400),
            mail_lease: Duration::from_secs(120),
        }
    }
}

pub const DEFAULT_DB_URL: &str = "sqlite://license.db";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8787";
pub const DEFAULT_STRIPE_API_BASE: &str = "https://api.stripe.com";
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8787";
pub const DEFAULT_TRUSTED_PROXY_HOPS: u16 = 1;
pub const DEFAULT_MAIL_FROM: &str = "InstaGrowth OS <licences@localhost>";
