//! The server functions' backend: each method runs the `Services` method
//! of the same name.

use super::Services;
use app::api::context::*;
use app::api::*;

/// Each endpoint is one name throughout: the server function in
/// `app::api::functions`, the `Backend` method, and the method of `Services`
/// that it runs (in `reads`, `booking`, `tickets`).
impl Backend for Services {
    fn catalog(&self) -> Answer<'_, CatalogList> {
        Box::pin(async move { Ok(Services::catalog(self)) })
    }

    fn service(&self, req: ServiceRequest) -> Answer<'_, ServiceDetails> {
        Box::pin(async move { Services::service(self, &req.service) })
    }

    fn offices(&self, req: ServiceRequest) -> Answer<'_, Vec<OfficeView>> {
        Box::pin(async move { Services::offices(self, &req.service) })
    }

    fn days(&self, req: OfficeServiceRequest) -> Answer<'_, Vec<DayView>> {
        Box::pin(async move { Services::days(self, &req.service, &req.office).await })
    }

    fn times(&self, req: TimesRequest) -> Answer<'_, Vec<TimeView>> {
        Box::pin(async move { Services::times(self, &req).await })
    }

    fn hold(&self, req: HoldRequest, client: ClientAddr) -> Answer<'_, HoldView> {
        Box::pin(async move { Services::hold(self, &req, client).await })
    }

    fn ticket(&self, req: TicketRequest, s: Option<SharedSession>) -> Answer<'_, TicketView> {
        Box::pin(async move { Services::ticket(self, &req, s).await })
    }

    fn confirm(&self, req: ConfirmRequest, client: ClientAddr) -> Answer<'_, TicketView> {
        Box::pin(async move { Services::confirm(self, req, client).await })
    }

    fn cancel(&self, req: TicketRequest, s: Option<SharedSession>) -> Answer<'_, TicketView> {
        Box::pin(async move { Services::cancel(self, &req, s).await })
    }

    fn pay(&self, req: PayRequest, s: Option<SharedSession>) -> Answer<'_, PayStart> {
        Box::pin(async move { Services::pay(self, &req, s).await })
    }

    fn check_receipt(&self, req: CheckRequest, client: ClientAddr) -> Answer<'_, ReceiptCheck> {
        Box::pin(async move { Services::check_receipt(self, &req, client).await })
    }

    fn reschedule(
        &self,
        req: RescheduleRequest,
        s: Option<SharedSession>,
    ) -> Answer<'_, TicketView> {
        Box::pin(async move { Services::reschedule(self, &req, s).await })
    }

    fn signin_start(
        &self,
        req: SignInRequest,
        client: ClientAddr,
    ) -> SignInAnswer<'_, SignInStarted> {
        Box::pin(async move { Services::signin_start(self, &req, client).await })
    }

    fn signin_verify(
        &self,
        req: CodeRequest,
        s: Option<SharedSession>,
    ) -> SignInAnswer<'_, TicketList> {
        Box::pin(async move { Services::signin_verify(self, &req, s).await })
    }

    fn my_tickets(&self, s: Option<SharedSession>) -> SignInAnswer<'_, TicketList> {
        Box::pin(async move { Services::my_tickets(self, s).await })
    }

    fn signout(&self, s: Option<SharedSession>) -> SignInAnswer<'_, ()> {
        Box::pin(async move { Services::signout(self, s).await })
    }

    fn my_data(&self, s: Option<SharedSession>) -> SignInAnswer<'_, PersonalData> {
        Box::pin(async move { Services::my_data(self, s).await })
    }

    fn erase_my_past(&self, s: Option<SharedSession>) -> SignInAnswer<'_, Erased> {
        Box::pin(async move { Services::erase_my_past(self, s).await })
    }
}
