//! A ticket after booking: opening it (the applicant's view, computed again
//! from its answers with `domain`: checklist, fee quote, ready date),
//! cancelling it and moving it to another time.

use super::secrets::{hash, unseal};
use super::Services;
use crate::store::{HoldRow, Move, StoredTicket};
use app::api::context::SharedSession;
use app::api::*;
use chrono::NaiveDate;
use domain::booking::decide::{moved_window, HeldPlace};
use domain::catalog::{Office, OfficeId, Service, ServiceId};
use domain::checklist::{checklist, Answers};
use domain::slots::slot_at;
use domain::ticket::{is_record_id, AccessToken, Actor, TicketEvent, TicketStatus};

/// What a ticket's view says beyond its row, computed from the catalog in
/// force: made before a write, so a write is never answered with an error.
pub(super) struct ViewParts {
    service: ServiceId,
    service_name: domain::Text,
    office: OfficeView,
    checklist: Vec<domain::checklist::ChecklistEntry>,
    quote: Option<domain::fees::Quote>,
    ready_date: Option<NaiveDate>,
}

impl Services {
    /// The view's parts for a visit of `service` at `office` on `day` with
    /// `answers`.
    pub(super) fn view_parts(
        &self,
        service: &Service,
        office: &Office,
        day: NaiveDate,
        answers: &Answers,
    ) -> Result<ViewParts, ApiError> {
        let current = self.state();
        let estimate = service.estimate(day, answers, &current.calendar)?;
        Ok(ViewParts {
            service: service.id.clone(),
            service_name: service.name.clone(),
            office: OfficeView::new(office, &service.id, self.today()),
            checklist: checklist(&service.card.documents, answers),
            quote: estimate.quote,
            ready_date: estimate.ready_date,
        })
    }

    /// The view of stored ticket `t` with its parts; the status as of today
    /// (a ticket whose day is over shows as ended).
    pub(super) fn view_of(
        &self,
        t: StoredTicket,
        parts: ViewParts,
        token: Option<String>,
    ) -> TicketView {
        let status = TicketStatus::parse(&t.status)
            .unwrap_or(TicketStatus::Annulled)
            .as_of(t.day, self.today());
        let checkin_code = (status == TicketStatus::Booked)
            .then(|| self.checkin_code(&t.id))
            .flatten();
        // The fees are the tariff's in force on the day the ticket was made;
        // its payments as nothing paid yet (`with_payment_views` reads them).
        let (quote, payments) = self.fees_of(&t);
        let erased = t.erased;
        let disrupted = (status == TicketStatus::Booked)
            .then(|| self.disruption(&parts.service, &t))
            .flatten();
        TicketView {
            id: t.id,
            number: t.board_number,
            status,
            service: parts.service,
            service_name: parts.service_name,
            office: parts.office,
            date: t.day,
            start: t.start,
            end: t.end,
            checklist: parts.checklist,
            quote: quote.or(parts.quote),
            ready_date: parts.ready_date,
            access_token: token,
            checkin_code,
            queue: None,
            called_to: None,
            payments,
            erased,
            disrupted,
        }
    }

    /// Why the office no longer serves the time of booked ticket `t`, if
    /// it does not (its settings changed since the booking).
    fn disruption(&self, service: &ServiceId, t: &StoredTicket) -> Option<domain::Text> {
        let current = self.state();
        let service = current.catalog.service(service)?;
        let office = current.catalog.office(&OfficeId(t.office.clone()))?;
        domain::catalog::stranded(
            office,
            service,
            t.day,
            t.start,
            &t.window,
            &current.calendar,
        )
    }

    /// The stored ticket `id` if `token` is its access token, or if the
    /// session is signed in to its contact. A wrong token answers as an
    /// unknown id, so tokens cannot be probed ticket by ticket.
    pub(super) async fn opened(
        &self,
        id: &str,
        token: &str,
        session: Option<SharedSession>,
    ) -> Result<StoredTicket, ApiError> {
        let not_found = || ApiError::not_found("ticket");
        if !is_record_id(id) || token.len() > 128 {
            return Err(not_found());
        }
        let t = self.store.ticket_by_id(id).await?.ok_or_else(not_found)?;
        if !token.is_empty() && hash("token", token) == t.token_hash {
            return Ok(t);
        }
        match self.signed_in(session.as_ref()).await? {
            Some(key) if self.store.ticket_is_of_contact(id, &key).await? => Ok(t),
            _ => Err(not_found()),
        }
    }

    /// The ticket `req.id`, opened with its access token.
    pub(super) async fn ticket(
        &self,
        req: &TicketRequest,
        session: Option<SharedSession>,
    ) -> Result<TicketView, ApiError> {
        let t = self.opened(&req.id, &req.token, session).await?;
        let view = self.ticket_view(t.clone(), None)?;
        let view = self.with_payment_views(&t, view).await?;
        self.at_the_office(view).await
    }

    /// The applicant's view of a stored ticket. With the idempotency key that
    /// made it (a confirm or its retry), the access token is unsealed and
    /// returned; otherwise it is left out.
    pub(super) fn ticket_view(
        &self,
        t: StoredTicket,
        idempotency_key: Option<&str>,
    ) -> Result<TicketView, ApiError> {
        let current = self.state();
        let service = current.service(&ServiceId(t.service.clone()))?;
        let office = current.office(&OfficeId(t.office.clone()))?;
        let answers: Answers = serde_json::from_str(&t.answers).map_err(|_| ApiError::Internal)?;
        let token = idempotency_key
            .and_then(|key| unseal(&t.token_sealed, key))
            .map(AccessToken::from_random)
            .filter(|tok| hash("token", tok.as_str()) == t.token_hash)
            .map(|tok| tok.as_str().to_string());
        let parts = self.view_parts(service, office, t.day, &answers)?;
        Ok(self.view_of(t, parts, token))
    }

    /// Cancels the ticket: its place is free at once (this node's reads at
    /// once, other nodes' within the read cache's age). Cancelling a
    /// cancelled ticket answers it as it is.
    pub(super) async fn cancel(
        &self,
        req: &TicketRequest,
        session: Option<SharedSession>,
    ) -> Result<TicketView, ApiError> {
        let t = self.opened(&req.id, &req.token, session).await?;
        // The view first: the change is never answered with an error.
        let view = self.ticket_view(t.clone(), None)?;
        let changed = self
            .store
            .change_ticket(
                &t.id,
                TicketEvent::Cancel,
                Actor::Applicant,
                self.today(),
                self.now().timestamp(),
            )
            .await;
        self.cache.invalidate(&t.office);
        let changed = changed?;
        self.announce_office(&t.office).await;
        self.wake_sender();
        let status = TicketStatus::parse(&changed.status).unwrap_or(view.status);
        // A code only while the ticket can be checked in.
        let checkin_code = view.checkin_code.filter(|_| status == TicketStatus::Booked);
        let view = TicketView {
            status,
            checkin_code,
            ..view
        };
        // What becomes of the money paid (`domain::pay::MoneyRule`).
        if domain::pay::MoneyRule::when_ended(status) == Some(domain::pay::MoneyRule::Refund) {
            self.refund_all(&t.id).await;
        }
        self.with_payment_views(&t, view).await
    }

    /// Moves the ticket to the place of the hold `req.hold_id` (of the same
    /// service; any office and day of the horizon the hold was allowed), in
    /// one write. A place taken meanwhile is refused as a booking's is, with
    /// the nearest free times.
    pub(super) async fn reschedule(
        &self,
        req: &RescheduleRequest,
        session: Option<SharedSession>,
    ) -> Result<TicketView, ApiError> {
        let current = self.state();
        let t = self.opened(&req.id, &req.token, session).await?;
        if !is_record_id(&req.hold_id) {
            return Err(ApiError::not_found("hold"));
        }
        let hold = self
            .store
            .find_hold(&req.hold_id)
            .await?
            .ok_or_else(|| ApiError::not_found("hold"))?;
        if hold.service != t.service {
            return Err(ApiError::BadRequest {
                detail: "the hold is for another service than the ticket".into(),
            });
        }
        let service = current.service(&ServiceId(t.service.clone()))?;
        let office = current.office(&OfficeId(hold.office.clone()))?;
        let answers: Answers = serde_json::from_str(&t.answers).map_err(|_| ApiError::Internal)?;
        // The quote and the ready date of the new day, before the write.
        let parts = self.view_parts(service, office, hold.day, &answers)?;
        let slot = slot_at(office, service, hold.day, hold.start, &current.calendar)?;
        let now = self.now();
        let expired = hold.expires_at <= now.timestamp();
        let HoldRow {
            window: held_window,
            ..
        } = hold.clone();
        let service_id = service.id.0.clone();
        let decide = move |taken: &[_]| {
            let held = HeldPlace {
                slot: slot.as_ref(),
                window: &held_window,
                expired,
            };
            Ok(moved_window(held, &service_id, taken)?)
        };
        let m = Move {
            id: t.id.clone(),
            hold_id: req.hold_id.clone(),
            hold: hold.clone(),
            board_prefix: service.board_prefix,
        };
        let moved = self
            .store
            .reschedule(m, self.today(), now.timestamp(), decide)
            .await;
        self.cache.invalidate(&hold.office);
        self.cache.invalidate(&t.office);
        match moved {
            Ok(m) => {
                self.announce_office(&hold.office).await;
                if hold.office != t.office {
                    self.announce_office(&t.office).await;
                }
                self.wake_sender();
                let t = m.ticket.clone();
                self.with_payment_views(&t, self.view_of(m.ticket, parts, None))
                    .await
            }
            Err(e) => Err(self.refused_at(e, &service.id, &office.id, &hold).await),
        }
    }
}

/// The Kyiv day of the instant `at` (Unix seconds).
pub(super) fn made_on(at: i64) -> NaiveDate {
    let at = chrono::DateTime::from_timestamp(at, 0).unwrap_or_default();
    domain::slots::kyiv_today(at)
}
