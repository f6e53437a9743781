//! The administrator's calls of the staff API: the office's settings, the
//! holiday calendar, the help pages, the reports and the audit trail (each
//! checked against the staff member's role and office by the service).

use super::staff_call;
use crate::service::Services;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use office::api::*;
use tower_sessions::Session;

/// A handler `NAME` that reads `REQUEST` and answers `Services::NAME`.
macro_rules! admin_calls {
    ($($name:ident: $request:ty),* $(,)?) => {
        $(
            pub(super) async fn $name(
                State(s): State<Services>,
                session: Session,
                body: Bytes,
            ) -> Response {
                staff_call(s, &session, &body, |s, staff, req: $request| async move {
                    s.$name(&staff, &req).await
                })
                .await
            }
        )*
    };
}

admin_calls! {
    report: ReportRequest,
    audit: AuditRequest,
    admin_office: AdminOfficeRequest,
    admin_preview: AdminChangeRequest,
    admin_save: AdminChangeRequest,
    admin_help: HelpRequest,
    admin_help_save: HelpText,
    admin_calendar: NoArguments,
    admin_calendar_preview: CalendarChangeRequest,
    admin_calendar_save: CalendarChangeRequest,
}
