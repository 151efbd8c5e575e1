//! `GET /healthz`: 200 when the database answers, 503 when it does not (for the load balancer).
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::server::AppState;

pub async fn healthz(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    state.db.ping().await.map_err(|e| {
        tracing::error!("health check: database: {e}");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "DATABASE_UNAVAILABLE",
            "the database does not answer",
        )
    })?;
    Ok(Json(json!({ "status": "ok" })))
}
