//! The router, its layers, and the running server with its background tasks.
//!
//! # Layers
//! - body limits (tower-http): 16 KiB on the API, 512 KiB on the webhook (Stripe's events are
//!   larger, and a refusal there would make Stripe retry for days);
//! - the per-IP rate limit on the licence and portal endpoints ([`crate::rate_limit`]);
//! - request tracing (method, path, status, latency — never bodies, so never keys, and never the
//!   query, which holds the Checkout session id that opens the success page's key).
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::config::ServerConfig;
use crate::db::Db;
use crate::rate_limit::Limiters;
use crate::stripe::api::StripeApi;
use crate::{checkout_page, mail, routes, stripe};

/// The API body limit.
pub const API_BODY_LIMIT: usize = 16 * 1024;
/// The webhook body limit.
pub const WEBHOOK_BODY_LIMIT: usize = 512 * 1024;

/// What every handler gets.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<ServerConfig>,
    pub stripe: StripeApi,
    pub limiters: Limiters,
}

impl AppState {
    pub fn new(db: Db, config: ServerConfig) -> AppState {
        AppState {
            stripe: StripeApi::new(&config.stripe_api_base, config.stripe_api_key.clone()),
            limiters: Limiters::new(
                config.rate_limits,
                config.client_ip_header.clone(),
                config.trusted_proxy_hops,
            ),
            config: Arc::new(config),
            db,
        }
    }
}

pub fn router(state: AppState) -> Router {
    let limited = Router::new()
        .route("/v1/licenses/activate", post(routes::licenses::activate))
        .route("/v1/licenses/validate", post(routes::licenses::validate))
        .route(
            "/v1/licenses/deactivate",
            post(routes::licenses::deactivate),
        )
        .route("/v1/portal", post(routes::portal::portal))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            crate::rate_limit::per_ip,
        ))
        .layer(RequestBodyLimitLayer::new(API_BODY_LIMIT));
    let webhook = Router::new()
        .route("/v1/stripe/webhook", post(stripe::webhook::handle))
        .layer(RequestBodyLimitLayer::new(WEBHOOK_BODY_LIMIT));
    Router::new()
        .route("/healthz", get(routes::health::healthz))
        .route("/v1/checkout/success", get(checkout_page::success))
        .route("/v1/portal/return", get(routes::portal::portal_return))
        .route(
            "/v1/updates/{channel}/{target}/{arch}/{current_version}",
            get(routes::updates::latest),
        )
        .merge(limited)
        .merge(webhook)
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .with_state(state)
}

/// The span of one request: method and path only.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    tracing::debug_span!(
        "request",
        method = %request.method(),
        path = request.uri().path(),
    )
}

/// A server running on a listener, with the outbox worker and the limiter clean-up. Dropping it
/// stops everything.
pub struct Running {
    addr: SocketAddr,
    tasks: Vec<JoinHandle<()>>,
}

impl Running {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

/// Starts serving on `listener` in the background (tests, and [`serve`]).
pub fn start(db: Db, config: ServerConfig, listener: TcpListener) -> std::io::Result<Running> {
    let addr = listener.local_addr()?;
    let state = AppState::new(db.clone(), config.clone());
    let cleanup = state.limiters.spawn_cleanup();
    let worker = tokio::spawn(mail::worker::run(db, config));
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let http = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!("server stopped: {e}");
        }
    });
    Ok(Running {
        addr,
        tasks: vec![http, worker, cleanup],
    })
}

/// Serves until `shutdown` resolves (Ctrl-C / SIGTERM in the binary), finishing requests in
/// flight.
pub async fn serve(
    db: Db,
    config: ServerConfig,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let state = AppState::new(db.clone(), config.clone());
    let cleanup = state.limiters.spawn_cleanup();
    let worker = tokio::spawn(mail::worker::run(db, config));
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let result = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await;
    worker.abort();
    cleanup.abort();
    result
}
