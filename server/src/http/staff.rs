//! The staff API (`office::api`): `POST /api/NAME` behind the same front as
//! the applicant's API (`guard::api_front`: JSON only, same site only, body
//! limits, rates), with a session of its own. Its cookie (`cherga.staff`)
//! holds only the session's random id; it is `HttpOnly`, `SameSite=Strict`,
//! `Secure` over HTTPS, sent only to `/api/`, and ends after four hours
//! without use or at sign-out. The session records the staff member's id;
//! each call reads the account again, so a disabled one stops at once.

use crate::service::Services;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use domain::office::staff::Staff;
use domain::office::OfficeError;
use office::api::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use tower_sessions::cookie::time::Duration as CookieDuration;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer, SessionStore};

/// The cookie's name.
pub const COOKIE: &str = "cherga.staff";
const STAFF_ID: &str = "staff";

fn layer<S: SessionStore + Clone>(store: S, secure: bool) -> SessionManagerLayer<S> {
    SessionManagerLayer::new(store)
        .with_name(COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_secure(secure)
        .with_path("/api/")
        .with_expiry(Expiry::OnInactivity(CookieDuration::hours(4)))
}

/// The staff endpoints, with their session layer (none without a session
/// store: then they are not served).
pub fn routes(services: Services) -> Router {
    let secure = services.served_over_https();
    let sessions = services.sessions().cloned();
    let router = Router::new()
        .route("/api/staff_signin", post(signin))
        .route("/api/staff_signout", post(signout))
        .route("/api/staff_me", post(me))
        .route("/api/console", post(console))
        .route("/api/console_call_next", post(call_next))
        .route("/api/console_act", post(act))
        .route("/api/console_bank_receipt", post(bank_receipt))
        .route("/api/kiosk_checkin", post(kiosk_checkin))
        .route("/api/kiosk_services", post(kiosk_services))
        .route("/api/kiosk_walk_in", post(kiosk_walk_in))
        .route("/api/audit", post(audit))
        .route("/api/report", post(report))
        .route("/api/admin_office", post(admin_office))
        .route("/api/admin_preview", post(admin_preview))
        .route("/api/admin_save", post(admin_save))
        .route("/api/admin_help", post(admin_help))
        .route("/api/admin_help_save", post(admin_help_save))
        .route("/api/admin_calendar", post(admin_calendar))
        .route("/api/admin_calendar_preview", post(admin_calendar_preview))
        .route("/api/admin_calendar_save", post(admin_calendar_save))
        .with_state(services);
    match sessions {
        Some(super::session::Sessions::Sqlite(s)) => router.layer(layer(s, secure)),
        Some(super::session::Sessions::Postgres(s)) => router.layer(layer(s, secure)),
        None => Router::new(),
    }
}

/// The kind of an error, for the metrics.
fn kind(e: &StaffError) -> &'static str {
    match e {
        StaffError::BadRequest { .. } => "staff_bad_request",
        StaffError::NotSignedIn => "staff_not_signed_in",
        StaffError::NotFound { .. } => "staff_not_found",
        StaffError::Refused {
            cause: OfficeError::WrongCredentials,
        } => "staff_wrong_credentials",
        StaffError::Refused {
            cause: OfficeError::Locked { .. },
        } => "staff_locked",
        StaffError::Refused {
            cause: OfficeError::OtherOffice,
        } => "staff_other_office",
        StaffError::Refused { .. } => "staff_refused",
        StaffError::Ticket { .. } => "staff_ticket",
        StaffError::Limited { .. } => "staff_limited",
        StaffError::Payment { .. } => "staff_payment",
        StaffError::Settings { .. } => "staff_settings",
        StaffError::Help { .. } => "staff_help",
        StaffError::Calendar { .. } => "staff_calendar",
        StaffError::Stale => "staff_stale",
        StaffError::Internal => "internal",
    }
}

/// The answer: the value, or the typed error in its status.
fn answer<T: Serialize>(result: Result<T, StaffError>) -> Response {
    let e = match result {
        Ok(value) => return Json(value).into_response(),
        Err(e) => e,
    };
    crate::metrics::answered(kind(&e));
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let retry = match &e {
        StaffError::Limited { cause } => Some(cause.retry_after),
        StaffError::Refused {
            cause: OfficeError::Locked { seconds },
        } => Some(*seconds),
        _ => None,
    };
    let mut res = (status, Json(e)).into_response();
    if let Some(seconds) = retry {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    res
}

/// The request body, of the documented form (the detail never repeats it:
/// it may hold a password).
fn parse<T: DeserializeOwned>(body: &Bytes) -> Result<T, StaffError> {
    serde_json::from_slice(body).map_err(|e| StaffError::BadRequest {
        detail: format!(
            "the body is not of the documented form ({:?} at line {}, column {})",
            e.classify(),
            e.line(),
            e.column()
        ),
    })
}

fn session_failed(e: impl std::fmt::Display) -> StaffError {
    tracing::error!(error = %e, "staff session store failure");
    StaffError::Internal
}

/// The staff member signed in on `session`, and their login.
async fn signed_in(services: &Services, session: &Session) -> Result<(Staff, String), StaffError> {
    let id = session
        .get::<String>(STAFF_ID)
        .await
        .map_err(session_failed)?
        .ok_or(StaffError::NotSignedIn)?;
    services.staff_of(&id).await
}

/// A call of a signed-in staff member: its body read as `Req`, then `call`
/// with who they are.
pub(super) async fn staff_call<Req, T, F, Fut>(
    s: Services,
    session: &Session,
    body: &Bytes,
    call: F,
) -> Response
where
    Req: DeserializeOwned,
    T: Serialize,
    F: FnOnce(Services, Staff, Req) -> Fut,
    Fut: std::future::Future<Output = Result<T, StaffError>>,
{
    answer(
        async {
            let req: Req = parse(body)?;
            let (staff, _) = signed_in(&s, session).await?;
            call(s, staff, req).await
        }
        .await,
    )
}

async fn signin(State(s): State<Services>, session: Session, body: Bytes) -> Response {
    answer(
        async {
            let req: StaffSignInRequest = parse(&body)?;
            let staff = s.staff_sign_in(&req).await?;
            // A new id on signing in: an id known before is worth nothing.
            session.cycle_id().await.map_err(session_failed)?;
            session
                .insert(STAFF_ID, &staff.id)
                .await
                .map_err(session_failed)?;
            let login = domain::office::staff::login(&req.login).unwrap_or_default();
            Ok(s.staff_view(&staff, login))
        }
        .await,
    )
}

async fn signout(State(s): State<Services>, session: Session, body: Bytes) -> Response {
    answer(
        async {
            let NoArguments {} = parse(&body)?;
            if let Some(id) = session
                .get::<String>(STAFF_ID)
                .await
                .map_err(session_failed)?
            {
                s.staff_signed_out(&id).await?;
            }
            session.flush().await.map_err(session_failed)
        }
        .await,
    )
}

async fn me(State(s): State<Services>, session: Session, body: Bytes) -> Response {
    answer(
        async {
            let NoArguments {} = parse(&body)?;
            let (staff, login) = signed_in(&s, &session).await?;
            Ok(s.staff_view(&staff, login))
        }
        .await,
    )
}

async fn console(State(s): State<Services>, session: Session, body: Bytes) -> Response {
    staff_call(
        s,
        &session,
        &body,
        |s, staff, req: WindowRequest| async move { s.console(&staff, &req).await },
    )
    .await
}

async fn call_next(State(s): State<Services>, session: Session, body: Bytes) -> Response {
    staff_call(
        s,
        &session,
        &body,
        |s, staff, req: WindowRequest| async move { s.call_next(&staff, &req).await },
    )
    .await
}

async fn act(State(s): State<Services>, session: Session, body: Bytes) -> Response {
    staff_call(s, &session, &body, |s, staff, req: ActRequest| async move {
        s.act(&staff, &req).await
    })
    .await
}

async fn bank_receipt(State(s): State<Services>, session: Session, body: Bytes) -> Response {
    staff_call(
        s,
        &session,
        &body,
        |s, staff, req: office::api::BankReceiptRequest| async move {
            s.bank_receipt(&staff, &req).await
        },
    )
    .await
}

#[path = "staff_kiosk.rs"]
mod kiosk;
use kiosk::{kiosk_checkin, kiosk_services, kiosk_walk_in};
#[path = "staff_admin.rs"]
mod admin;
use admin::{
    admin_calendar, admin_calendar_preview, admin_calendar_save, admin_help, admin_help_save,
    admin_office, admin_preview, admin_save, audit, report,
};
