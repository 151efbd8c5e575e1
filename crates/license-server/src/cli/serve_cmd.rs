//! `serve`: reads the operator's settings, opens and migrates the database, and runs until
//! Ctrl-C or SIGTERM.
use std::path::PathBuf;

use tokio::net::TcpListener;

use super::args::ServeArgs;
use crate::config::{RateLimits, ServerConfig};
use crate::db::Db;
use crate::error::ServerError;

pub async fn run(db_url: &str, catalog: &Option<PathBuf>, a: ServeArgs) -> Result<(), ServerError> {
    let pem = std::fs::read_to_string(&a.signing_key).map_err(|e| {
        ServerError::Config(format!(
            "cannot read the signing key {}: {e} (make one with `instagrowth-license-server keygen --out PATH`)",
            a.signing_key.display()
        ))
    })?;
    let signing_key = instagrowth_license::signing_key_from_pem(&pem)?;
    let mut config = ServerConfig::new(signing_key, super::load_catalog(catalog)?);
    config.stripe_webhook_secret = a.stripe_webhook_secret.filter(|s| !s.is_empty());
    config.stripe_api_key = a.stripe_api_key.filter(|s| !s.is_empty());
    config.stripe_api_base = a.stripe_api_base;
    config.smtp_url = a.smtp_url.filter(|s| !s.is_empty());
    config.mail_from = a.mail_from;
    config.public_url = a.public_url.trim_end_matches('/').to_string();
    config.ttl_days = a.ttl_days;
    config.grace_days = a.grace_days;
    config.rate_limits = RateLimits {
        per_ip_per_minute: a.rate_per_ip,
        per_key_per_minute: a.rate_per_key,
    };
    config.client_ip_header = a.client_ip_header;
    config.trusted_proxy_hops = usize::from(a.trusted_proxy_hops);
    if config.stripe_webhook_secret.is_none() {
        tracing::warn!("STRIPE_WEBHOOK_SECRET is not set: Stripe's webhooks will be refused");
    }
    if config.smtp_url.is_none() {
        tracing::warn!("SMTP_URL is not set: e-mails wait in the outbox");
    }
    let db = Db::open(db_url).await?;
    let listener = TcpListener::bind(a.listen)
        .await
        .map_err(|e| ServerError::Config(format!("cannot listen on {}: {e}", a.listen)))?;
    tracing::info!("licence server listening on http://{}", a.listen);
    crate::server::serve(db, config, listener, shutdown_signal()).await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
