//! The contract between the browser and the server: transport types, the typed
//! error, and the server functions (`POST /api/<name>`, JSON in and out; see
//! `docs/API.md`). Bodies run only on the server (`ssr`), where they call the
//! [`context::Backend`] the server provides.

mod booking_types;
mod error;
mod functions;
mod my_data;
mod pay_types;
pub mod proof;
mod read_error;
#[cfg(test)]
pub mod sample;
mod signin;
mod types;

pub use booking_types::*;
pub use error::ApiError;
pub use functions::*;
pub use my_data::*;
pub use pay_types::*;
pub use read_error::ReadError;
pub use signin::*;
pub use types::*;

/// Whether the same request, sent again, may succeed: the network or the
/// server failed, not the request. Pages offer "Try again" only then; for any
/// other error the step's own way back is the way on.
pub trait Transient {
    /// `true` when trying again may help.
    fn transient(&self) -> bool;
}

/// What the server puts into the context of every server-function call.
#[cfg(feature = "ssr")]
pub mod context {
    use super::*;
    use std::future::Future;
    use std::pin::Pin;

    /// A boxed future, so the backend can be a trait object.
    pub type Answer<'a, T> = Pin<Box<dyn Future<Output = Result<T, ApiError>> + Send + 'a>>;

    /// The same for the sign-in functions.
    pub type SignInAnswer<'a, T> =
        Pin<Box<dyn Future<Output = Result<T, SignInFailure>> + Send + 'a>>;

    /// The caller's session, kept server-side by the server's session crate:
    /// who is signed in to "My tickets" (a contact key), nothing else.
    pub trait SessionAccess: Send + Sync {
        /// The contact key signed in, if any.
        fn signed_in(&self) -> Answer<'_, Option<String>>;
        /// Signs in as `contact_key` (under a new session id).
        fn sign_in(&self, contact_key: String) -> Answer<'_, ()>;
        /// Ends the session.
        fn sign_out(&self) -> Answer<'_, ()>;
    }

    /// The session as shared in the context.
    pub type SharedSession = std::sync::Arc<dyn SessionAccess>;

    /// The client's network address (for the limits of holds and sign-ins).
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub struct ClientAddr(pub Option<std::net::IpAddr>);

    /// The services behind the server functions, implemented by the server over
    /// its storage. Each server function calls exactly one method.
    pub trait Backend: Send + Sync + 'static {
        /// The catalog list.
        fn catalog(&self) -> Answer<'_, CatalogList>;
        /// One service card.
        fn service(&self, req: ServiceRequest) -> Answer<'_, ServiceDetails>;
        /// Offices serving a service, with their online status.
        fn offices(&self, req: ServiceRequest) -> Answer<'_, Vec<OfficeView>>;
        /// The days of the horizon with free counts.
        fn days(&self, req: OfficeServiceRequest) -> Answer<'_, Vec<DayView>>;
        /// The times of a day with free counts.
        fn times(&self, req: TimesRequest) -> Answer<'_, Vec<TimeView>>;
        /// Holds a time.
        fn hold(&self, req: HoldRequest, client: ClientAddr) -> Answer<'_, HoldView>;
        /// A ticket opened with its access token, or by the session of
        /// its contact.
        fn ticket(&self, req: TicketRequest, s: Option<SharedSession>) -> Answer<'_, TicketView>;
        /// Confirms a hold into a ticket.
        fn confirm(&self, req: ConfirmRequest, client: ClientAddr) -> Answer<'_, TicketView>;
        /// Cancels a ticket (again: no change).
        fn cancel(&self, req: TicketRequest, s: Option<SharedSession>) -> Answer<'_, TicketView>;
        /// Starts paying one of a ticket's payments: the checkout's address.
        fn pay(&self, req: PayRequest, s: Option<SharedSession>) -> Answer<'_, PayStart>;
        /// Checks a receipt by its code.
        fn check_receipt(&self, req: CheckRequest, client: ClientAddr) -> Answer<'_, ReceiptCheck>;
        /// Moves a ticket to the place of a hold.
        fn reschedule(
            &self,
            req: RescheduleRequest,
            s: Option<SharedSession>,
        ) -> Answer<'_, TicketView>;
        /// Sends a sign-in code.
        fn signin_start(
            &self,
            req: SignInRequest,
            client: ClientAddr,
        ) -> SignInAnswer<'_, SignInStarted>;
        /// Signs in with a code.
        fn signin_verify(
            &self,
            req: CodeRequest,
            s: Option<SharedSession>,
        ) -> SignInAnswer<'_, TicketList>;
        /// The signed-in contact's tickets.
        fn my_tickets(&self, s: Option<SharedSession>) -> SignInAnswer<'_, TicketList>;
        /// Signs out.
        fn signout(&self, s: Option<SharedSession>) -> SignInAnswer<'_, ()>;
        /// Everything held about the signed-in contact.
        fn my_data(&self, s: Option<SharedSession>) -> SignInAnswer<'_, PersonalData>;
        /// Erases the signed-in contact's past tickets' personal data.
        fn erase_my_past(&self, s: Option<SharedSession>) -> SignInAnswer<'_, Erased>;
    }

    /// The backend as shared in the context.
    pub type SharedBackend = std::sync::Arc<dyn Backend>;
}
