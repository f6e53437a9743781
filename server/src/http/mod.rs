//! Routes: the server functions under `/api`, health, the built app's static
//! files, and the HTML shell for every other path (client-side routing).

mod assets;

use crate::data::Data;
use app::api::context::Services;
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use std::path::Path;
use std::sync::Arc;
use tower_http::trace::TraceLayer;

pub use assets::AssetManifest;

/// Builds the router over loaded data and the built site at `site_root`.
pub fn router(data: Data, site_root: &Path) -> Router {
    let services = Services {
        catalog: Arc::new(data.catalog),
    };
    let api = move |req: Request<Body>| {
        let services = services.clone();
        async move {
            leptos_axum::handle_server_fns_with_context(
                move || leptos::prelude::provide_context(services.clone()),
                req,
            )
            .await
        }
    };
    Router::new()
        .route("/api/{*fn_name}", post(api))
        .route("/healthz", get(healthz))
        .merge(assets::routes(site_root))
        .layer(TraceLayer::new_for_http())
}

async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, "ok")
}
