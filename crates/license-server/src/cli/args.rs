//! The command line. Every `serve` setting has an environment variable (the operator contract,
//! documented in the README); a flag wins over its variable.
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::{
    DEFAULT_DB_URL, DEFAULT_LISTEN, DEFAULT_MAIL_FROM, DEFAULT_PUBLIC_URL, DEFAULT_STRIPE_API_BASE,
    DEFAULT_TRUSTED_PROXY_HOPS,
};

#[derive(Debug, Parser)]
#[command(
    name = "instagrowth-license-server",
    version,
    about = "The InstaGrowth OS licence server and its admin commands"
)]
pub struct Cli {
    /// The database: sqlite://FILE (created if missing) or postgres://USER@HOST/DB.
    #[arg(long, env = "LICENSE_DB_URL", default_value = DEFAULT_DB_URL, global = true)]
    pub db_url: String,
    /// The catalogue (TOML, the format of the shipped catalog.toml); default: the shipped one.
    #[arg(long, env = "LICENSE_CATALOG", global = true)]
    pub catalog: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server.
    Serve(ServeArgs),
    /// Make the Ed25519 signing key: writes the private key (PEM) and prints the public key.
    Keygen {
        /// Where to write the private key; an existing file is never overwritten.
        #[arg(long)]
        out: PathBuf,
    },
    /// List, show, issue and change licences.
    #[command(subcommand)]
    Licenses(LicensesCommand),
    /// Customers.
    #[command(subcommand)]
    Customers(CustomersCommand),
    /// App releases for the updater.
    #[command(subcommand)]
    Releases(ReleasesCommand),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "LICENSE_LISTEN", default_value = DEFAULT_LISTEN)]
    pub listen: SocketAddr,
    /// The Ed25519 private key (PEM) made by `keygen`.
    #[arg(long, env = "LICENSE_SIGNING_KEY")]
    pub signing_key: PathBuf,
    /// Stripe's webhook endpoint secret (whsec_…). Without it, webhooks are refused.
    #[arg(long, env = "STRIPE_WEBHOOK_SECRET", hide_env_values = true)]
    pub stripe_webhook_secret: Option<String>,
    /// Stripe secret or restricted key (line items, billing portal).
    #[arg(long, env = "STRIPE_API_KEY", hide_env_values = true)]
    pub stripe_api_key: Option<String>,
    #[arg(long, env = "STRIPE_API_BASE", default_value = DEFAULT_STRIPE_API_BASE)]
    pub stripe_api_base: String,
    /// smtp://HOST:PORT, smtp://USER:PASS@HOST:587?tls=required, smtps://USER:PASS@HOST.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The From of the e-mails.
    #[arg(long, env = "LICENSE_MAIL_FROM", default_value = DEFAULT_MAIL_FROM)]
    pub mail_from: String,
    /// The server's public address (e-mails, billing portal return).
    #[arg(long, env = "LICENSE_PUBLIC_URL", default_value = DEFAULT_PUBLIC_URL)]
    pub public_url: String,
    /// Days a licence file lasts before the app must refresh it.
    #[arg(long, env = "LICENSE_TTL_DAYS", default_value_t = instagrowth_license::DEFAULT_TTL_DAYS)]
    pub ttl_days: u32,
    /// Days the app works offline past that, and after a failed payment.
    #[arg(long, env = "LICENSE_GRACE_DAYS", default_value_t = instagrowth_license::DEFAULT_GRACE_DAYS)]
    pub grace_days: u32,
    /// Licence/portal requests per minute per client IP.
    #[arg(long, env = "LICENSE_RATE_PER_IP", default_value_t = 60)]
    pub rate_per_ip: u32,
    /// Licence/portal requests per minute per purchase key.
    #[arg(long, env = "LICENSE_RATE_PER_KEY", default_value_t = 20)]
    pub rate_per_key: u32,
    /// Header with the client IP, set by a trusted reverse proxy (e.g. X-Forwarded-For).
    #[arg(long, env = "LICENSE_CLIENT_IP_HEADER")]
    pub client_ip_header: Option<String>,
    /// Trusted proxies in front of the server, each appending to that header: the client's
    /// address is this many entries from the right (1 = the right-most, what the proxy saw).
    #[arg(long, env = "LICENSE_TRUSTED_PROXY_HOPS", default_value_t = DEFAULT_TRUSTED_PROXY_HOPS,
          value_parser = clap::value_parser!(u16).range(1..=32))]
    pub trusted_proxy_hops: u16,
}

#[derive(Debug, Subcommand)]
pub enum LicensesCommand {
    /// Every licence, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One licence with its machines. LICENSE: its id, key prefix (IGOS-XXXXX) or whole key.
    Show {
        license: String,
        #[arg(long)]
        json: bool,
    },
    /// Issue a licence by hand; prints the new key once.
    Issue {
        #[arg(long)]
        plan: String,
        #[arg(long)]
        email: String,
        /// An add-on, ID or ID:QUANTITY; repeat for several.
        #[arg(long = "add-on")]
        add_ons: Vec<String>,
        /// Last day of use, YYYY-MM-DD (UTC); default: no end.
        #[arg(long)]
        expires: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Revoke: the app stops accepting it at its next check (until `reinstate`).
    Revoke {
        license: String,
        #[command(flatten)]
        who: Operator,
        /// Why, for the licence's history.
        #[arg(long)]
        reason: Option<String>,
    },
    /// Suspend until `reinstate`.
    Suspend {
        license: String,
        #[command(flatten)]
        who: Operator,
        /// Why, for the licence's history.
        #[arg(long)]
        reason: Option<String>,
    },
    /// Lift a suspension or revocation; who and why go into the licence's history.
    Reinstate {
        license: String,
        #[command(flatten)]
        who: Operator,
        /// Why (required), for the licence's history.
        #[arg(long)]
        reason: String,
    },
    /// What was done to a licence by hand or by refunds: when, what, who, why.
    History {
        license: String,
        #[arg(long)]
        json: bool,
    },
    /// Set the last day of use.
    Extend {
        license: String,
        /// YYYY-MM-DD (UTC).
        #[arg(long)]
        until: String,
    },
    /// Free every seat (each machine must activate again).
    ResetMachines { license: String },
}

/// Who makes a change, for the licence's history.
#[derive(Debug, Args)]
pub struct Operator {
    /// Your name; default: the OS user ($USER, %USERNAME%).
    #[arg(long)]
    pub by: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CustomersCommand {
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
pub enum ReleasesCommand {
    /// Publish a build to the updater feed.
    Add {
        #[arg(long, value_parser = ["stable", "beta"])]
        channel: String,
        /// Semver, e.g. 1.4.0.
        #[arg(long)]
        version: String,
        #[arg(long, value_parser = ["linux", "darwin", "windows"])]
        target: String,
        #[arg(long, value_parser = ["x86_64", "aarch64"])]
        arch: String,
        /// The package type this bundle updates (an app installed from a .deb takes a .deb);
        /// leave out for a bundle any installation of the platform can take.
        #[arg(long, value_parser = ["appimage", "deb", "rpm", "msi", "nsis", "app"])]
        bundle: Option<String>,
        /// Where the updater downloads the bundle.
        #[arg(long)]
        url: String,
        /// The .sig file made by the Tauri build, or its contents.
        #[arg(long)]
        signature: String,
        #[arg(long, default_value = "")]
        notes: String,
        /// RFC 3339; default: now.
        #[arg(long)]
        pub_date: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}
