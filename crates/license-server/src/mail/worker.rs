//! Sends the outbox over SMTP. Every [`crate::ServerConfig::outbox_interval`] it claims due rows
//! one at a time ([`outbox::claim`], a lease of `mail_lease`), sends each with lettre, and marks
//! it:
//! - sent (body wiped);
//! - abandoned (body wiped, never tried again) when the SMTP server refuses it for good — a 5xx
//!   answer, or a recipient that is not an address — or when this was attempt
//!   `mail_max_attempts`;
//! - failed for now otherwise (a 4xx answer, no connection, a timeout): the next attempt after
//!   `mail_retry_base × 2^attempts`, at most an hour apart.
//!
//! Every round, with or without `SMTP_URL`, [`sweep`] abandons mail that waited longer than
//! `mail_max_age` (so a purchase key never stays in the outbox for good) and clears expired
//! success-page keys. The operator sees `last_error` and `abandoned_at` in the table.
//!
//! The SMTP timeout is kept under half the lease, so a lease never runs out while its mail is
//! being sent: with several instances on one database, no mail goes out twice.
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::ServerConfig;
use crate::db::Db;
use crate::queries::{checkout_keys, outbox};
use crate::time;

/// Longest wait between two attempts.
const MAX_BACKOFF_SECS: i64 = 3600;
/// Messages sent per round at most.
const BATCH: usize = 20;
/// Longest SMTP timeout.
const MAX_SMTP_TIMEOUT: Duration = Duration::from_secs(20);

/// Runs forever (the caller aborts the task on shutdown).
pub async fn run(db: Db, config: ServerConfig) {
    loop {
        match run_once(&db, &config).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "outbox: mail sent"),
            Err(e) => tracing::warn!("outbox: {e}"),
        }
        if let Err(e) = sweep(&db, &config, time::now()).await {
            tracing::warn!("outbox: {e}");
        }
        tokio::time::sleep(config.outbox_interval).await;
    }
}

/// Abandons mail older than `mail_max_age` at `now` and clears expired success-page keys.
pub async fn sweep(db: &Db, config: &ServerConfig, now: i64) -> Result<(), String> {
    let mut conn = db.pool().acquire().await.map_err(|e| e.to_string())?;
    let max_age = i64::try_from(config.mail_max_age.as_secs()).unwrap_or(i64::MAX);
    let abandoned = outbox::abandon_stale(&mut conn, now.saturating_sub(max_age), now)
        .await
        .map_err(|e| format!("abandoning old mail: {e}"))?;
    if abandoned > 0 {
        tracing::warn!(abandoned, "outbox: mail abandoned after waiting too long");
    }
    checkout_keys::expire(&mut conn, now)
        .await
        .map_err(|e| format!("expiring success-page keys: {e}"))
}

/// How one attempt ended.
enum Attempt {
    Sent,
    /// A 4xx answer, no connection, a timeout: try again later.
    Transient(String),
    /// A 5xx answer or an impossible message: never again.
    Permanent(String),
}

/// One round: claims due mail one message at a time and tries each once; how many were sent.
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
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .map_err(|e| format!("SMTP_URL cannot be used: {e}"))?
        .timeout(Some(smtp_timeout(config.mail_lease)))
        .build();
    let lease = i64::try_from(config.mail_lease.as_secs())
        .unwrap_or(120)
        .max(1);
    let mut conn = db.pool().acquire().await.map_err(|e| e.to_string())?;
    let mut sent = 0;
    for _ in 0..BATCH {
        let now = time::now();
        let Some(row) = outbox::claim(&mut conn, db.backend(), now, now + lease)
            .await
            .map_err(|e| e.to_string())?
        else {
            break;
        };
        let token = row.lease_token.clone().unwrap_or_default();
        let attempt = match build(&from, &row.to_addr, &row.subject, &row.body) {
            Ok(message) => match transport.send(message).await {
                Ok(_) => Attempt::Sent,
                Err(e) if e.is_permanent() => Attempt::Permanent(e.to_string()),
                Err(e) => Attempt::Transient(e.to_string()),
            },
            Err(e) => Attempt::Permanent(e),
        };
        let now = time::now();
        let attempts = row.attempts + 1;
        let marked = match attempt {
            Attempt::Sent => {
                sent += 1;
                outbox::mark_sent(&mut conn, row.id, &token, now).await
            }
            Attempt::Transient(e) if attempts < i64::from(config.mail_max_attempts) => {
                let wait = backoff(config.mail_retry_base, row.attempts);
                tracing::warn!(
                    id = row.id,
                    kind = row.kind,
                    attempts,
                    "mail not sent, retrying in {wait} s: {e}"
                );
                outbox::mark_failed(&mut conn, row.id, &token, &e, now + wait).await
            }
            Attempt::Transient(e) | Attempt::Permanent(e) => {
                tracing::warn!(
                    id = row.id,
                    kind = row.kind,
                    attempts,
                    "mail abandoned: {e}"
                );
                outbox::mark_abandoned(&mut conn, row.id, &token, &e, now).await
            }
        };
        marked.map_err(|e| e.to_string())?;
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

/// The SMTP timeout for a lease: under half of it, at most 20 s.
fn smtp_timeout(lease: Duration) -> Duration {
    (lease / 2).min(MAX_SMTP_TIMEOUT)
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

    #[test]
    fn the_smtp_timeout_stays_inside_the_lease() {
        assert_eq!(
            smtp_timeout(Duration::from_secs(120)),
            Duration::from_secs(20)
        );
        assert_eq!(smtp_timeout(Duration::from_secs(4)), Duration::from_secs(2));
    }
}
