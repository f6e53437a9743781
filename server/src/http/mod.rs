//! Routes: the server functions under `/api`, health, the built app's static
//! files, and the HTML shell for every other path (client-side routing).

mod assets;
mod board;
mod chunks;
pub mod client;
mod csp;
pub mod guard;
mod health;
mod help;
pub mod listen;
mod office_pages;
pub mod openapi;
mod prerender;
pub mod rate;
pub mod session;
mod shell;
pub mod staff;

use crate::service::Services;
use app::api::context::{ClientAddr, SharedBackend, SharedSession};
use app::api::{ApiError, SignInFailure};
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use leptos::server_fn::ServerFn;
use std::path::Path;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use assets::AssetManifest;

/// The largest error body read back to pick its status.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// Builds the router over the services and the built site at `site_root`.
pub fn router(services: Services, site_root: &Path) -> Router {
    let backend: SharedBackend = Arc::new(services.clone());
    let limits = services.limits().clone();
    let proxies: Arc<[ipnet::IpNet]> = limits.trusted_proxies.clone().into();
    let api = move |req: Request<Body>| {
        let backend = backend.clone();
        // The caller's session (set by the session layer, on the routes that
        // have it) and address, for the server functions to see.
        let session = req
            .extensions()
            .get::<tower_sessions::Session>()
            .cloned()
            .map(|s| Arc::new(session::Tower(s)) as SharedSession);
        let client = req
            .extensions()
            .get::<ClientAddr>()
            .copied()
            .unwrap_or_default();
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
        app::api::Pay::PATH,
        app::api::SigninVerify::PATH,
        app::api::MyTickets::PATH,
        app::api::Signout::PATH,
        app::api::MyData::PATH,
        app::api::EraseMyPast::PATH,
    ] {
        router = router.route(path, with_session());
    }
    let front = Arc::new(guard::Front {
        proxies,
        limiters: services.limiters().clone(),
        permits: services.permits().clone(),
        public: services.public_url().into(),
    });
    router
        .merge(staff::routes(services.clone()))
        .route("/api/{*fn_name}", post(api))
        .route_layer(axum::middleware::from_fn(move |req, next| {
            guard::api_front(front.clone(), req, next)
        }))
        .merge(board::routes(services.clone()))
        .merge(crate::pay::routes::routes(services.clone()))
        .route(
            "/api/openapi.json",
            axum::routing::get(openapi_json).layer(CompressionLayer::new()),
        )
        .merge(health::routes(services.clone()))
        .merge(metrics_route(&limits))
        .merge(assets::routes(site_root, services))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            std::time::Duration::from_secs(limits.request_timeout_secs.max(1)),
        ))
        .layer(axum::middleware::from_fn(guard::protections))
        .layer(TraceLayer::new_for_http())
}

/// `GET /api/openapi.json`: the API's OpenAPI document.
async fn openapi_json() -> axum::Json<&'static serde_json::Value> {
    axum::Json(openapi::document())
}

/// `GET /metrics`, answered only to a peer in `--metrics-from` (the
/// counters name no person, but are the operator's, not the public's).
fn metrics_route(limits: &crate::cli::LimitArgs) -> Router {
    let allowed: Arc<[ipnet::IpNet]> = limits.metrics_from.clone().into();
    Router::new().route(
        "/metrics",
        axum::routing::get(move |req: Request<Body>| {
            let allowed = allowed.clone();
            async move {
                let peer = req
                    .extensions()
                    .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                    .map(|c| c.0.ip());
                if !peer.is_some_and(|ip| allowed.iter().any(|n| n.contains(&ip))) {
                    return StatusCode::NOT_FOUND.into_response();
                }
                let mut res = crate::metrics::text().into_response();
                res.headers_mut().insert(
                    axum::http::header::CONTENT_TYPE,
                    axum::http::HeaderValue::from_static(
                        "application/openmetrics-text; version=1.0.0; charset=utf-8",
                    ),
                );
                res
            }
        }),
    )
}

/// The kind of an error answer, for the metrics.
fn kind(failure: &SignInFailure) -> &'static str {
    use domain::limits::Limit;
    let e = match failure {
        SignInFailure::SignIn { .. } => return "sign_in",
        SignInFailure::Api(e) => e,
    };
    match e {
        ApiError::NotFound { .. } => "not_found",
        ApiError::BadRequest { .. } => "bad_request",
        ApiError::Invalid { .. } => "invalid",
        ApiError::Slot { .. } => "slot",
        ApiError::Taken { .. } => "taken",
        ApiError::HoldExpired { .. } => "hold_expired",
        ApiError::Booking { .. } => "booking",
        ApiError::Ticket { .. } => "ticket",
        ApiError::Fee { .. } => "fee",
        ApiError::Payment { .. } => "payment",
        ApiError::Transport { .. } => "transport",
        ApiError::Limited { cause } => match cause.limit {
            Limit::Holds { .. } => "limited_holds",
            Limit::Requests => "limited_requests",
            Limit::Busy => "limited_busy",
        },
        ApiError::Proof { .. } => "proof",
        ApiError::Internal => "internal",
    }
}

/// The seconds a refusal asks the client to wait, for `Retry-After`.
fn retry_after(failure: &SignInFailure) -> Option<u32> {
    use domain::signin::SignInError;
    match failure {
        SignInFailure::Api(ApiError::Limited { cause }) => Some(cause.retry_after),
        SignInFailure::SignIn {
            cause: SignInError::TooSoon { seconds },
        } => Some(*seconds),
        SignInFailure::SignIn {
            cause: SignInError::TooMany,
        } => Some(3600),
        _ => None,
    }
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
    // A sign-in failure that is not a sign-in rule is an `ApiError` on the
    // wire, so reading it as one first loses nothing.
    let failure = serde_json::from_slice::<ApiError>(&bytes)
        .map(SignInFailure::Api)
        .or_else(|_| serde_json::from_slice::<SignInFailure>(&bytes));
    if let Ok(failure) = failure {
        crate::metrics::answered(kind(&failure));
        parts.status =
            StatusCode::from_u16(failure.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let Some(seconds) = retry_after(&failure) {
            parts
                .headers
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
