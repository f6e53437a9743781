//! What every request and answer goes through before the endpoints: the
//! API refuses cross-site requests and bodies over its limits, and every
//! answer carries the browser-side protections.
//!
//! A cross-site form or `fetch` can post to any address; a browser sends
//! its `Origin` (and `Sec-Fetch-Site`) with it, and a page of another site
//! cannot post JSON without asking first. So a state-changing call must be
//! `application/json`, and when the browser says where it comes from, from
//! this site. Clients that are not browsers (the tests, the benchmark, a
//! script of the operator) send neither header and pass.

use app::api::ApiError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The largest request body of the booking's confirm and of a move (the
/// answers, the person, the contact): 16 KiB.
pub const LARGE_BODY: u64 = 16 * 1024;
/// The largest request body of every other endpoint.
pub const SMALL_BODY: u64 = 4 * 1024;

/// The body limit of the API function at `path`.
pub fn body_limit(path: &str) -> u64 {
    match path.trim_start_matches("/api/") {
        "confirm" | "reschedule" => LARGE_BODY,
        _ => SMALL_BODY,
    }
}

/// Why a request was refused before it reached its endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Posted from another site.
    CrossSite,
    /// Not `application/json`.
    NotJson,
    /// The body is over the endpoint's limit.
    TooLarge,
    /// The body is not a JSON object (every request is one, `{}` at least).
    NotObject,
}

impl Refusal {
    fn status(self) -> StatusCode {
        match self {
            Refusal::CrossSite => StatusCode::FORBIDDEN,
            Refusal::NotJson => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::NotObject => StatusCode::BAD_REQUEST,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Refusal::CrossSite => "cross_site",
            Refusal::NotJson => "not_json",
            Refusal::TooLarge => "too_large",
            Refusal::NotObject => "not_object",
        }
    }

    fn detail(self) -> &'static str {
        match self {
            Refusal::CrossSite => "a request from another site",
            Refusal::NotJson => "the body must be application/json",
            Refusal::TooLarge => "the body is over this endpoint's limit",
            Refusal::NotObject => "the body must be a JSON object",
        }
    }
}

/// Whether an API request with these headers may go on: `host` is the
/// address the request was sent to, `public` the site's public origin
/// (`--public-url`).
pub fn check(headers: &HeaderMap, path: &str, public: &str) -> Result<(), Refusal> {
    let text = |name: HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text(HeaderName::from_static("sec-fetch-site")) {
        if !matches!(site, "same-origin" | "none") {
            return Err(Refusal::CrossSite);
        }
    }
    if let Some(origin) = text(header::ORIGIN) {
        let host = text(header::HOST).unwrap_or_default();
        let own = origin.split_once("://").map(|(_, rest)| rest) == Some(host)
            || origin == public.trim_end_matches('/');
        if !own {
            return Err(Refusal::CrossSite);
        }
    }
    let json = text(header::CONTENT_TYPE)
        .and_then(|t| t.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
    if !json {
        return Err(Refusal::NotJson);
    }
    let length = text(header::CONTENT_LENGTH).and_then(|l| l.parse::<u64>().ok());
    if length.is_some_and(|l| l > body_limit(path)) {
        return Err(Refusal::TooLarge);
    }
    Ok(())
}

/// Whether `body` can be a JSON object: its first byte that is not white
/// space opens one. (A function without arguments would otherwise take
/// `[]` as well as `{}`; the parser still checks the rest.)
pub fn opens_object(body: &[u8]) -> bool {
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

fn refused(refusal: Refusal, path: &str) -> Response {
    tracing::info!(path, refusal = ?refusal, "request refused before its endpoint");
    crate::metrics::refused(refusal.name(), super::rate::class_name(path));
    let body = ApiError::BadRequest {
        detail: refusal.detail().into(),
    };
    let mut res = (refusal.status(), axum::Json(body)).into_response();
    if refusal == Refusal::TooLarge {
        // The body was not read to its end: the connection cannot carry
        // another request, and says so (a client reusing it would have its
        // next request cut off).
        res.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    res
}

/// The API's gate: refuses with the typed wire error (`bad_request`, in the
/// status of the refusal), else reads the body up to the endpoint's limit
/// (a body without a length that runs over it is refused as too large; a
/// slow one ends at the request time-out) and passes the request on when
/// the body is a JSON object.
pub async fn api_gate(public: &str, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if let Err(refusal) = check(req.headers(), &path, public) {
        return refused(refusal, &path);
    }
    let limit = usize::try_from(body_limit(&path)).unwrap_or(usize::MAX);
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return refused(Refusal::TooLarge, &path);
    };
    if !opens_object(&bytes) {
        return refused(Refusal::NotObject, &path);
    }
    let mut res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    // API answers are never kept by a cache on the way: some carry a
    // ticket's token or the applicant's data.
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The answer when the API's requests in flight are at their limit
/// (`--max-in-flight`): one more is answered at once with 503 and
/// `Retry-After` (a client told to come back costs less than one queued
/// behind thousands). The catalog and the words, whose error is a read's
/// (`rate::class_of` gives them no class), are told `internal`; every other
/// function the typed limit.
pub fn busy(path: &str) -> Response {
    tracing::warn!(path, "refused: too many requests in flight");
    crate::metrics::refused("in_flight", super::rate::class_name(path));
    let seconds = crate::service::BUSY_RETRY_SECONDS;
    let busy = domain::limits::Limited::new(domain::limits::Limit::Busy, seconds);
    if super::rate::class_of(path).is_none() {
        let mut res = (StatusCode::SERVICE_UNAVAILABLE, axum::Json("internal")).into_response();
        res.headers_mut()
            .insert(header::RETRY_AFTER, busy.retry_after.into());
        return res;
    }
    super::rate::limited(busy)
}

/// What stands before every API function, in one layer rather than four
/// (each layer boxes the request's future and clones the service behind
/// it): who the client is, its rate, a place among the requests in flight,
/// then the gate. A hold waiting for the midnight draw may give its place
/// back.
pub async fn api_front(front: std::sync::Arc<Front>, mut req: Request, next: Next) -> Response {
    super::client::identify(&front.proxies, &mut req);
    if let Some(refused) = super::rate::over_rate(&front.limiters, &req) {
        return refused;
    }
    let Ok(permit) = front.permits.clone().try_acquire_owned() else {
        return busy(req.uri().path());
    };
    crate::service::lottery::in_flight(permit, api_gate(&front.public, req, next)).await
}

/// What [`api_front`] needs.
#[derive(Debug)]
pub struct Front {
    /// The reverse proxies whose `X-Forwarded-For` is believed.
    pub proxies: std::sync::Arc<[ipnet::IpNet]>,
    /// The rate limiters.
    pub limiters: std::sync::Arc<super::rate::Limiters>,
    /// The places for requests in flight.
    pub permits: std::sync::Arc<tokio::sync::Semaphore>,
    /// The site's public origin.
    pub public: std::sync::Arc<str>,
}

/// The headers of [`protections`], made once.
const PROTECTIONS: [(HeaderName, HeaderValue); 5] = [
    (
        HeaderName::from_static("x-content-type-options"),
        HeaderValue::from_static("nosniff"),
    ),
    (
        HeaderName::from_static("referrer-policy"),
        HeaderValue::from_static("no-referrer"),
    ),
    (
        HeaderName::from_static("x-frame-options"),
        HeaderValue::from_static("DENY"),
    ),
    (
        HeaderName::from_static("content-security-policy"),
        HeaderValue::from_static(super::csp::OTHER),
    ),
    (
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    ),
];

/// The protections every answer carries (and the count of requests that
/// timed out, answered 408 inside this layer): no sniffing of types, no referrer
/// (a ticket link's token is in the fragment, and nothing else of an
/// address should leave the site), no framing, no camera, microphone or
/// location.
pub async fn protections(req: Request, next: Next) -> Response {
    let class = super::rate::class_name(req.uri().path());
    let mut res = next.run(req).await;
    if res.status() == StatusCode::REQUEST_TIMEOUT {
        tracing::info!(class, "request timed out");
        crate::metrics::refused("timeout", class);
    }
    let headers = res.headers_mut();
    for (name, value) in PROTECTIONS {
        headers.entry(name).or_insert(value);
    }
    res
}

#[cfg(test)]
#[path = "guard_tests.rs"]
mod tests;
