//! The server functions. Each takes the backend from the context and calls one
//! method: no logic lives here.

use super::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
fn backend() -> Result<context::SharedBackend, ApiError> {
    use_context::<context::SharedBackend>().ok_or(ApiError::Internal)
}

#[cfg(feature = "ssr")]
fn session() -> Option<context::SharedSession> {
    use_context::<context::SharedSession>()
}

/// Every service by category, and the notices in force.
#[server(prefix = "/api", endpoint = "catalog", input = Json)]
pub async fn catalog() -> Result<CatalogList, ReadError> {
    Ok(backend()?.catalog().await?)
}

/// One service card, with the calendar for the offline ready date.
#[server(prefix = "/api", endpoint = "service", input = Json)]
pub async fn service(#[server(flatten)] req: ServiceRequest) -> Result<ServiceDetails, ApiError> {
    backend()?.service(req).await
}

/// Offices serving a service, each with its online status.
#[server(prefix = "/api", endpoint = "offices", input = Json)]
pub async fn offices(#[server(flatten)] req: ServiceRequest) -> Result<Vec<OfficeView>, ApiError> {
    backend()?.offices(req).await
}

/// The booking horizon's days with their free places.
#[server(prefix = "/api", endpoint = "days", input = Json)]
pub async fn days(#[server(flatten)] req: OfficeServiceRequest) -> Result<Vec<DayView>, ApiError> {
    backend()?.days(req).await
}

/// The times of a day with their free places.
#[server(prefix = "/api", endpoint = "times", input = Json)]
pub async fn times(#[server(flatten)] req: TimesRequest) -> Result<Vec<TimeView>, ApiError> {
    backend()?.times(req).await
}

/// Holds a time for ten minutes.
#[server(prefix = "/api", endpoint = "hold", input = Json)]
pub async fn hold(#[server(flatten)] req: HoldRequest) -> Result<HoldView, ApiError> {
    let client = use_context::<context::ClientAddr>().unwrap_or_default();
    backend()?.hold(req, client).await
}

/// A ticket, opened with its access token.
#[server(prefix = "/api", endpoint = "ticket", input = Json)]
pub async fn ticket(#[server(flatten)] req: TicketRequest) -> Result<TicketView, ApiError> {
    backend()?.ticket(req, session()).await
}

/// Confirms a hold into a ticket.
#[server(prefix = "/api", endpoint = "confirm", input = Json)]
pub async fn confirm(#[server(flatten)] req: ConfirmRequest) -> Result<TicketView, ApiError> {
    let client = use_context::<context::ClientAddr>().unwrap_or_default();
    backend()?.confirm(req, client).await
}

/// Cancels a ticket; its place is free at once. Cancelling again changes nothing.
#[server(prefix = "/api", endpoint = "cancel", input = Json)]
pub async fn cancel(#[server(flatten)] req: TicketRequest) -> Result<TicketView, ApiError> {
    backend()?.cancel(req, session()).await
}

/// Moves a ticket to the place of a hold, in one step.
#[server(prefix = "/api", endpoint = "reschedule", input = Json)]
pub async fn reschedule(#[server(flatten)] req: RescheduleRequest) -> Result<TicketView, ApiError> {
    backend()?.reschedule(req, session()).await
}

/// Starts paying one of a ticket's payments: where the browser goes.
#[server(prefix = "/api", endpoint = "pay", input = Json)]
pub async fn pay(#[server(flatten)] req: PayRequest) -> Result<PayStart, ApiError> {
    backend()?.pay(req, session()).await
}

/// Whether a receipt code is a real, paid receipt of this system.
#[server(prefix = "/api", endpoint = "check_receipt", input = Json)]
pub async fn check_receipt(#[server(flatten)] req: CheckRequest) -> Result<ReceiptCheck, ApiError> {
    let client = use_context::<context::ClientAddr>().unwrap_or_default();
    backend()?.check_receipt(req, client).await
}

/// The words of the tickets' screens, both languages (kept out of the WASM:
/// see `crate::i18n::tickets`).
#[server(prefix = "/api", endpoint = "words", input = Json)]
pub async fn words() -> Result<crate::i18n::tickets::TicketWordsBoth, ReadError> {
    Ok(crate::i18n::tickets::bundled().clone())
}
