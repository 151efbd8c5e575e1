//! Rate limits on the licence endpoints (`/v1/licenses/*`, `/v1/portal`), GCRA via `governor`:
//! - per client IP, as tower middleware ([`per_ip`]) — the peer address, or, behind trusted
//!   proxies, the address they saw: from the configured header (`LICENSE_CLIENT_IP_HEADER`, e.g.
//!   `X-Forwarded-For`), the entry `LICENSE_TRUSTED_PROXY_HOPS` (default 1) from the right
//!   ([`client_ip`]). Each proxy appends the address it saw, so everything left of that was
//!   written by the client and is never trusted: the left-most entry would let forged addresses
//!   escape the limit. Repeated header lines read as one list, in order;
//! - per purchase key (by its hash), checked in the handler once the key is read
//!   ([`Limiters::check_key`]), so one key cannot be hammered from many addresses.
//!
//! Defaults: 60 requests a minute per IP and 20 per key, each with a burst of the same size
//! (an app activates or refreshes a few times a day). Over the limit: `429 RATE_LIMITED` with
//! `Retry-After`. The counters live in memory per instance — the one thing that does — so N
//! instances allow up to N× the rate; the database is never touched for them. Stale entries are
//! dropped every minute.
use std::hash::Hash;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, MonotonicClock};
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};

use crate::config::RateLimits;
use crate::error::ApiError;
use crate::server::AppState;

type Keyed<K> = RateLimiter<K, HashMapStateStore<K>, MonotonicClock>;

/// The two limiters, shared by every request of one instance.
#[derive(Clone)]
pub struct Limiters {
    ip: Arc<Keyed<IpAddr>>,
    key: Arc<Keyed<String>>,
    clock: MonotonicClock,
    ip_header: Option<String>,
    proxy_hops: usize,
}

impl Limiters {
    pub fn new(limits: RateLimits, ip_header: Option<String>, proxy_hops: usize) -> Limiters {
        let clock = MonotonicClock;
        Limiters {
            ip: Arc::new(RateLimiter::new(
                per_minute(limits.per_ip_per_minute),
                HashMapStateStore::default(),
                clock.clone(),
            )),
            key: Arc::new(RateLimiter::new(
                per_minute(limits.per_key_per_minute),
                HashMapStateStore::default(),
                clock.clone(),
            )),
            clock,
            ip_header,
            proxy_hops: proxy_hops.max(1),
        }
    }

    /// Counts one request for the key (its hash); `429` when over.
    pub fn check_key(&self, key_hash: &str) -> Result<(), ApiError> {
        check(&self.key, &key_hash.to_string(), &self.clock)
    }

    fn check_ip(&self, ip: IpAddr) -> Result<(), ApiError> {
        check(&self.ip, &ip, &self.clock)
    }

    /// Drops entries that are back to a full burst (run every minute).
    pub fn forget_idle(&self) {
        self.ip.retain_recent();
        self.key.retain_recent();
    }

    /// Forgets stale entries every minute, for as long as the limiters live.
    pub fn spawn_cleanup(&self) -> tokio::task::JoinHandle<()> {
        let me = self.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                me.forget_idle();
            }
        })
    }
}

fn per_minute(n: u32) -> Quota {
    let n = NonZeroU32::new(n.max(1)).expect("at least 1");
    Quota::per_minute(n).allow_burst(n)
}

fn check<K: Hash + Eq + Clone>(
    limiter: &Keyed<K>,
    key: &K,
    clock: &MonotonicClock,
) -> Result<(), ApiError> {
    limiter.check_key(key).map_err(|not_until| {
        let wait = not_until.wait_time_from(clock.now());
        ApiError::rate_limited(wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
    })
}

/// Tower middleware: the per-IP limit.
pub async fn per_ip(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limiters = &state.limiters;
    let from_header = limiters
        .ip_header
        .as_deref()
        .and_then(|h| client_ip(request.headers(), h, limiters.proxy_hops));
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(ip) = from_header.or(peer) {
        if let Err(e) = limiters.check_ip(ip) {
            tracing::warn!(%ip, "rate limited");
            return e.into_response();
        }
    }
    next.run(request).await
}

/// The client's address in `header` behind `hops` trusted proxies: the entry `hops` from the right
/// of all the header's lines read as one list (the left-most when the list is shorter); None when
/// the header is missing or that entry is not an IP address.
pub fn client_ip(headers: &HeaderMap, header: &str, hops: usize) -> Option<IpAddr> {
    let entries: Vec<&str> = headers
        .get_all(header)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let at = entries.len().saturating_sub(hops.max(1));
    entries.get(at)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_429_with_a_wait() {
        let l = Limiters::new(
            RateLimits {
                per_ip_per_minute: 2,
                per_key_per_minute: 3,
            },
            None,
            1,
        );
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(l.check_ip(ip).is_ok());
        assert!(l.check_ip(ip).is_ok());
        let e = l.check_ip(ip).unwrap_err();
        assert_eq!(e.code, "RATE_LIMITED");
        assert!((1..=30).contains(&e.retry_after.unwrap()));
        assert!(l.check_ip("10.0.0.2".parse().unwrap()).is_ok());
        for _ in 0..3 {
            assert!(l.check_key("abc").is_ok());
        }
        assert!(l.check_key("abc").is_err());
        assert!(l.check_key("def").is_ok());
    }

    #[test]
    fn the_client_is_what_the_trusted_proxy_saw() {
        let mut h = HeaderMap::new();
        h.append("x-forwarded-for", "1.1.1.1, 2.2.2.2".parse().unwrap());
        h.append("x-forwarded-for", "3.3.3.3 , 4.4.4.4".parse().unwrap());
        let ip = |hops| client_ip(&h, "X-Forwarded-For", hops).map(|i| i.to_string());
        assert_eq!(ip(1).as_deref(), Some("4.4.4.4"));
        assert_eq!(ip(2).as_deref(), Some("3.3.3.3"));
        assert_eq!(ip(9).as_deref(), Some("1.1.1.1"));
        assert_eq!(client_ip(&h, "X-Real-IP", 1), None);
        h.insert("x-real-ip", "unknown".parse().unwrap());
        assert_eq!(client_ip(&h, "X-Real-IP", 1), None);
    }
}
