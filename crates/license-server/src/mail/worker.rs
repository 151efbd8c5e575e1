//! Sends the outbox over SMTP. Every [`crate::ServerConfig::outbox_interval`] it claims due rows
//! ([`outbox::claim`]), sends each with lettre, and marks it sent (body wiped) or failed with the
//! next attempt after `mail_retry_base × 2^attempts`, at most an hour apart, forever: mail is
//! never dropped, and the operator sees `last_error` in the table. Without `SMTP_URL` nothing is
//! sent and the mail waits. It also clears expired success-page keys.
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::ServerConfig;
use crate::db::Db;
use crate::queries::{checkout_keys, outbox};
use crate::time;

/// Longest wait between two attempts.
const MAX_BACKOFF_SECS: i64 = 3600;
/// Rows claimed per round.
const BATCH: i64 = 20;

/// Runs forever (the caller aborts the task on shutdown).
pub async fn run(db: Db, config: ServerConfig) {
    loop {
        match run_once(&db, &config).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "outbox: mail sent"),
            Err(e) => tracing::warn!("outbox: {e}"),
        }
        if let Ok(mut conn) = db.pool().acquire().await {
            if let Err(e) = checkout_keys::expire(&mut conn, time::now()).await {
                tracing::warn!("expiring success-page keys: {e}");
            }
        }
        tokio::time::sleep(config.outbox_interval).await;
    }
}

/// One round: claims due mail and tries each once; how many were sent.
pub async fn run_once(db: &Db, config: &ServerConfig) -> Result<usize, String> {
    let Some(url) = config.smtp_url.as_deref() else {
        return Ok(0);
    };
    let from: Mailbox = config.mail_from.parse().map_err(|e| {
        format!(
            "LICENSE_MAIL_FROM “{}” is not an address: {e}",
            config.mail_from
        )
    })?;
    let mut conn = db.pool().acquire().await.map_err(|e| e.to_string())?;
    let rows = outbox::claim(&mut conn, db.backend(), time::now(), BATCH)
        .await
        .map_err(|e| e.to_string())?;
    if rows.is_empty() {
        return Ok(0);
    }
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .map_err(|e| format!("SMTP_URL cannot be used: {e}"))?
        .timeout(Some(Duration::from_secs(20)))
        .build();
    let mut sent = 0;
    for row in rows {
        let token = row.lease_token.clone().unwrap_or_default();
        let result = match build(&from, &row.to_addr, &row.subject, &row.body) {
            Ok(message) => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        let now = time::now();
        match result {
            Ok(()) => {
                outbox::mark_sent(&mut conn, row.id, &token, now)
                    .await
                    .map_err(|e| e.to_string())?;
                sent += 1;
            }
            Err(e) => {
                let wait = backoff(config.mail_retry_base, row.attempts);
                tracing::warn!(
                    id = row.id,
                    kind = row.kind,
                    attempts = row.attempts + 1,
                    "mail not sent, retrying in {wait} s: {e}"
                );
                outbox::mark_failed(&mut conn, row.id, &token, &e, now + wait)
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(sent)
}

fn build(from: &Mailbox, to: &str, subject: &str, body: &str) -> Result<Message, String> {
    let to: Mailbox = to
        .parse()
        .map_err(|e| format!("the recipient “{to}” is not an address: {e}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .body(body.to_string())
        .map_err(|e| e.to_string())
}

/// Seconds until the next attempt after `attempts` failed ones.
fn backoff(base: Duration, attempts: i64) -> i64 {
    let base = i64::try_from(base.as_secs()).unwrap_or(30).max(1);
    let factor = 1i64 << attempts.clamp(0, 20);
    base.saturating_mul(factor).min(MAX_BACKOFF_SECS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let base = Duration::from_secs(30);
        assert_eq!(backoff(base, 0), 30);
        assert_eq!(backoff(base, 1), 60);
        assert_eq!(backoff(base, 3), 240);
        assert_eq!(backoff(base, 40), 3600);
    }
}
