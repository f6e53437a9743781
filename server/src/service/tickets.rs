//! Opening a ticket: the applicant's view of a stored ticket, computed again
//! from its answers with `domain` (checklist, fee quote, ready date).

use super::secrets::{hash, unseal};
use super::Services;
use crate::store::StoredTicket;
use app::api::*;
use domain::catalog::{OfficeId, ServiceId};
use domain::checklist::{checklist, Answers};
use domain::ticket::{AccessToken, TicketStatus};

impl Services {
    /// The ticket `req.id` if `req.token` is its access token. A wrong token
    /// answers as an unknown id, so tokens cannot be probed ticket by ticket.
    pub(super) async fn ticket(&self, req: &TicketRequest) -> Result<TicketView, ApiError> {
        let not_found = || ApiError::not_found("ticket");
        if req.id.len() > 64 || req.token.len() > 128 {
            return Err(not_found());
        }
        let t = self
            .store
            .ticket_by_id(&req.id)
            .await?
            .ok_or_else(not_found)?;
        if hash("token", &req.token) != t.token_hash {
            return Err(not_found());
        }
        self.ticket_view(t, None)
    }

    /// The applicant's view of a stored ticket. With the idempotency key that
    /// made it (a confirm or its retry), the access token is unsealed and
    /// returned; otherwise it is left out.
    pub(super) fn ticket_view(
        &self,
        t: StoredTicket,
        idempotency_key: Option<&str>,
    ) -> Result<TicketView, ApiError> {
        let service = self.find_service(&ServiceId(t.service.clone()))?;
        let office = self.find_office(&OfficeId(t.office.clone()))?;
        let answers: Answers = serde_json::from_str(&t.answers).map_err(|_| ApiError::Internal)?;
        let token = idempotency_key
            .and_then(|key| unseal(&t.token_sealed, key))
            .map(AccessToken::from_random)
            .filter(|tok| hash("token", tok.as_str()) == t.token_hash)
            .map(|tok| tok.as_str().to_string());
        let estimate = service.estimate(t.day, &answers, &self.state.calendar)?;
        let status = serde_json::from_value::<TicketStatus>(serde_json::Value::String(t.status))
            .map_err(|_| ApiError::Internal)?;
        Ok(TicketView {
            id: t.id,
            number: t.board_number,
            status,
            service: service.id.clone(),
            service_name: service.name.clone(),
            office: OfficeView::new(office, &service.id, self.today()),
            date: t.day,
            start: t.start,
            end: t.end,
            checklist: checklist(&service.card.documents, &answers),
            quote: estimate.quote,
            ready_date: estimate.ready_date,
            access_token: token,
        })
    }
}
