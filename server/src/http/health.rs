//! Health for the operator and the load balancer: `/healthz/live` says the
//! process answers (restart it if not); `/healthz/ready` (and `/healthz`)
//! says it can serve bookings: the database answers a read through the pool
//! of reads, SQLite's single writer commits, and the disk of the database
//! file has room (take the node out of rotation if not).

use crate::service::Services;
use crate::store::Health;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use std::time::Duration;

/// How long each check may take before it counts as failed.
const CHECK_WITHIN: Duration = Duration::from_secs(2);

/// The health routes.
pub(super) fn routes(services: Services) -> Router {
    Router::new()
        .route("/healthz/live", get(|| async { (StatusCode::OK, "live") }))
        .route("/healthz/ready", get(ready))
        .route("/healthz", get(ready))
        .with_state(services)
}

/// The readiness answer.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Readiness {
    /// All checks passed.
    pub ready: bool,
    /// `ok` or `down`.
    pub database: &'static str,
    /// `ok` or `stopped` (SQLite's writer; `ok` on PostgreSQL).
    pub writer: &'static str,
    /// `ok`, `low` (under `--min-free-disk-mb`) or `unknown` (PostgreSQL:
    /// the database's own disk is its operator's to watch).
    pub disk: &'static str,
    /// Free bytes on the database file's disk, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disk_free_bytes: Option<u64>,
}

/// What the checks in `health` mean, with `min_free` bytes as the least free
/// disk space.
pub fn readiness(health: &Health, min_free: u64) -> Readiness {
    let disk = match health.disk_free {
        Some(free) if free < min_free => "low",
        Some(_) => "ok",
        None => "unknown",
    };
    Readiness {
        ready: health.database && health.writer && disk != "low",
        database: if health.database { "ok" } else { "down" },
        writer: if health.writer { "ok" } else { "stopped" },
        disk,
        disk_free_bytes: health.disk_free,
    }
}

async fn ready(State(services): State<Services>) -> Response {
    let health = services.store().health(CHECK_WITHIN).await;
    let min_free = services
        .limits()
        .min_free_disk_mb
        .saturating_mul(1024 * 1024);
    let answer = readiness(&health, min_free);
    if !answer.ready {
        tracing::warn!(?answer, "not ready");
    }
    let status = if answer.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let mut res = (status, Json(answer)).into_response();
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failed_check_makes_the_node_not_ready() {
        let fine = Health {
            database: true,
            writer: true,
            disk_free: Some(10 << 30),
        };
        assert!(readiness(&fine, 1 << 30).ready);
        let stopped = Health {
            writer: false,
            ..fine.clone()
        };
        let r = readiness(&stopped, 1 << 30);
        assert_eq!((r.ready, r.writer), (false, "stopped"));
        let r = readiness(&fine, 20 << 30);
        assert_eq!((r.ready, r.disk), (false, "low"));
        let down = Health {
            database: false,
            disk_free: None,
            ..fine
        };
        let r = readiness(&down, 1 << 30);
        assert_eq!((r.ready, r.database, r.disk), (false, "down", "unknown"));
    }
}
