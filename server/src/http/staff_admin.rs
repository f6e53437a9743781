//! The administrator's calls of the staff API: the office's settings, its
//! reports and its audit trail (each checked against the staff member's
//! role and office by the service).

use super::staff_call;
use crate::service::Services;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use office::api::*;
use tower_sessions::Session;

pub(super) async fn report(State(s): State<Services>, session: Session, body: Bytes) -> Response {
    staff_call(
        s,
        &session,
        &body,
        |s, staff, req: ReportRequest| async move { s.report(&staff, &req).await },
    )
    .await
}

pub(super) async fn admin_office(
    State(s): State<Services>,
    session: Session,
    body: Bytes,
) -> Response {
    staff_call(
        s,
        &session,
        &body,
        |s, staff, req: AdminOfficeRequest| async move { s.admin_office(&staff, &req).await },
    )
    .await
}

pub(super) async fn admin_preview(
    State(s): State<Services>,
    session: Session,
    body: Bytes,
) -> Response {
    staff_call(
        s,
        &session,
        &body,
        |s, staff, req: AdminChangeRequest| async move { s.admin_preview(&staff, &req).await },
    )
    .await
}

pub(super) async fn admin_save(
    State(s): State<Services>,
    session: Session,
    body: Bytes,
) -> Response {
    staff_call(
        s,
        &session,
        &body,
        |s, staff, req: AdminChangeRequest| async move { s.admin_save(&staff, &req).await },
    )
    .await
}

pub(super) async fn audit(State(s): State<Services>, session: Session, body: Bytes) -> Response {
    staff_call(
        s,
        &session,
        &body,
        |s, staff, req: AuditRequest| async move { s.audit(&staff, &req).await },
    )
    .await
}

pub(super) async fn admin_help(
    State(s): State<Services>,
    session: Session,
    body: Bytes,
) -> Response {
    staff_call(
        s,
        &session,
        &body,
        |s, staff, req: HelpRequest| async move { s.admin_help(&staff, &req).await },
    )
    .await
}

pub(super) async fn admin_help_save(
    State(s): State<Services>,
    session: Session,
    body: Bytes,
) -> Response {
    staff_call(s, &session, &body, |s, staff, req: HelpText| async move {
        s.admin_help_save(&staff, &req).await
    })
    .await
}
