//! Routes: the server functions under `/api`, health, the built app's static
//! files, and the HTML shell for every other path (client-side routing).

mod assets;
mod chunks;
pub mod guard;
mod prerender;
pub mod session;
mod shell;

use crate::service::Services;
use app::api::context::{ClientAddr, SharedBackend, SharedSession};
use app::api::{ApiError, SignInFailure};
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos::server_fn::ServerFn;
use std::net::SocketAddr;
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
        // The caller's session (set by the session layer, on the routes that
        // have it) and address, for the server functions to see.
        let session = req
            .extensions()
            .get::<tower_sessions::Session>()
            .cloned()
            .map(|s| Arc::new(session::Tower(s)) as SharedSession);
        let client = ClientAddr(
            req.extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip()),
        );
        async move {
            let res = leptos_axum::handle_server_fns_with_context(
                move || {
                    leptos::prelude::provide_context(backend.clone());
                    leptos::prelude::provide_context(client);
                    if let Some(s) = session.clone() {
                        leptos::prelude::provide_context(s);
                    }
                },
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
    // The functions of "My tickets" see the session; none sets a cookie
    // unless it signs in. The booking path goes without the layer.
    let secure = services.served_over_https();
    let with_session = || match services.sessions() {
        Some(session::Sessions::Sqlite(s)) => {
            post(api.clone()).layer(session::layer(s.clone(), secure))
        }
        Some(session::Sessions::Postgres(s)) => {
            post(api.clone()).layer(session::layer(s.clone(), secure))
        }
        None => post(api.clone()),
    };
    let mut router = Router::new()
        .route(app::api::Catalog::PATH, compressed())
        .route(app::api::Service::PATH, compressed());
    for path in [
        app::api::Ticket::PATH,
        app::api::Cancel::PATH,
        app::api::Reschedule::PATH,
        app::api::SigninVerify::PATH,
        app::api::MyTickets::PATH,
        app::api::Signout::PATH,
    ] {
        router = router.route(path, with_session());
    }
    let public: Arc<str> = services.public_url().into();
    router
        .route("/api/{*fn_name}", post(api))
        .route_layer(axum::middleware::from_fn(move |req, next| {
            guard::api_gate(public.clone(), req, next)
        }))
        .route("/healthz", get(healthz).with_state(services.clone()))
        .merge(assets::routes(site_root, services))
        .layer(axum::middleware::from_fn(guard::protections))
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
    let status = serde_json::from_slice::<ApiError>(&bytes)
        .map(|e| e.status())
        .or_else(|_| serde_json::from_slice::<SignInFailure>(&bytes).map(|e| e.status()));
    if let Ok(status) = status {
        parts.status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
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
