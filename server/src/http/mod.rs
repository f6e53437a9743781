//! Routes: the server functions under `/api`, health, the built app's static
//! files, and the HTML shell for every other path (client-side routing).

mod assets;
mod chunks;
mod prerender;
mod shell;

use crate::service::Services;
use app::api::context::SharedBackend;
use app::api::ApiError;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos::server_fn::ServerFn;
use std::path::Path;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use assets::AssetManifest;

/// The largest error body read back to pick its status.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// Builds the router over the services and the built site at `site_root`.
pub fn router(services: Services, site_root: &Path) -> Router {
    let backend: SharedBackend = Arc::new(services.clone());
    let api = move |req: Request<Body>| {
        let backend = backend.clone();
        async move {
            let res = leptos_axum::handle_server_fns_with_context(
                move || leptos::prelude::provide_context(backend.clone()),
                req,
            )
            .await
            .into_response();
            with_error_status(res).await
        }
    };
    // The large answers, read again and again (a card with its calendar is
    // some 30 KB of JSON), go compressed; the small booking answers do not.
    let compressed = || post(api.clone()).layer(CompressionLayer::new());
    Router::new()
        .route(app::api::Catalog::PATH, compressed())
        .route(app::api::Service::PATH, compressed())
        .route("/api/{*fn_name}", post(api))
        .route("/healthz", get(healthz).with_state(services.clone()))
        .merge(assets::routes(site_root, services))
        .layer(TraceLayer::new_for_http())
}

/// Server functions answer every error with 500; the typed error in the body
/// says what it really is, and the status follows it (404, 409, 422 …).
async fn with_error_status(res: Response) -> Response {
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, ERROR_BODY_LIMIT).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(err) = serde_json::from_slice::<ApiError>(&bytes) {
        parts.status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

async fn healthz(State(services): State<Services>) -> impl IntoResponse {
    if services.store().ping().await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
