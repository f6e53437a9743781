use super::errors::Wanted;
use super::secrets::{check_idempotency_key, hash, ordered_id, random, seal};
use super::Services;
use crate::store::{
    ActiveRow, ConfirmKeys, ConfirmOutcome, HoldClient, HoldRow, NewHold, NewTicket, StoreError,
};
use app::api::context::ClientAddr;
use app::api::*;
use chrono::TimeDelta;
use domain::booking::decide::{confirm_window, hold_window, lapsed, HeldPlace};
use domain::booking::{ActiveTicket, Applicant};
use domain::catalog::{OfficeId, ServiceId};
use domain::forms::parse_booking;
use domain::limits::admit_hold;
use domain::proof::Purpose;
use domain::slots::{bookable_slot, slot_at};
use domain::ticket::{is_record_id, AccessToken};

impl Services {
    pub(super) async fn hold(
        &self,
        req: &HoldRequest,
        client: ClientAddr,
    ) -> Result<HoldView, ApiError> {
        let current = self.state();
        self.demand_proof(Purpose::Hold, client, req.proof.as_deref())
            .await?;
        let service = current.service(&req.service)?;
        let office = current.office(&req.office)?;
        let now = self.now();
        let slot = bookable_slot(
            now,
            &self.horizon,
            office,
            service,
            req.date,
            req.time,
            &current.calendar,
        )?;
        // A date opened at midnight: asked in its first seconds, the hold
        // waits for the lottery and its turn (held until written, not
        // while a refusal finds the free times).
        let window = self.limits.lottery_seconds;
        let draw = self
            .horizon
            .lottery_draw(now, req.date, &current.calendar, window)
            .ok()
            .flatten();
        let turn = match draw {
            Some(at) => {
                let round = format!("{}:{}", office.id.0, req.date);
                Some(self.lottery.turn(round, now, at).await?)
            }
            None => None,
        };
        let now = if draw.is_some() { self.now() } else { now };
        let id = ordered_id(now)?;
        let expires_at =
            (now + TimeDelta::minutes(i64::from(self.policy.hold_minutes))).timestamp();
        let (office_id, service_id, day) = (office.id.0.clone(), service.id.0.clone(), req.date);
        let visit = (slot.start, slot.end);
        let who = HoldClient {
            key: self.keys.client(client.0),
            // A malformed id names no hold of this client's.
            replaces: req.replaces.clone().filter(|r| is_record_id(r)),
            counted: self.policy.max_holds_per_client > 0,
        };
        let max_holds = self.policy.max_holds_per_client;
        let at = now.timestamp();
        let decided = self
            .store
            .hold(&office.id.0, day, visit, at, who, move |taken, live| {
                admit_hold(live, max_holds, at).map_err(StoreError::Limited)?;
                let window = hold_window(&slot, &service_id, taken)?;
                Ok(NewHold {
                    id,
                    hold: HoldRow {
                        office: office_id,
                        service: service_id.clone(),
                        day,
                        start: slot.start,
                        end: slot.end,
                        window,
                        expires_at,
                    },
                })
            })
            .await;
        drop(turn);
        self.cache.invalidate(&office.id.0);
        match decided {
            Ok(h) => Ok(HoldView {
                hold_id: h.id,
                expires_at: chrono::DateTime::from_timestamp(h.hold.expires_at, 0).unwrap_or(now),
                date: h.hold.day,
                start: h.hold.start,
                end: h.hold.end,
            }),
            Err(e) => {
                let wanted = Wanted {
                    service: &req.service,
                    office: &req.office,
                    date: req.date,
                    time: req.time,
                };
                Err(self.refused(e, wanted).await)
            }
        }
    }

    pub(super) async fn confirm(
        &self,
        req: ConfirmRequest,
        client: ClientAddr,
    ) -> Result<TicketView, ApiError> {
        let current = self.state();
        self.demand_proof(Purpose::Confirm, client, req.proof.as_deref())
            .await?;
        check_idempotency_key(&req.idempotency_key)?;
        let idempotency_hash = hash("idempotency", &req.idempotency_key);
        let today = self.today();
        let (person, contact) = parse_booking(&req.person, &req.contact, today)
            .map_err(|fields| ApiError::Invalid { fields })?;
        let crate::store::TicketKeys {
            person: person_key,
            tax: tax_key,
            contact: contact_key,
            email: email_key,
        } = self.ticket_keys(&person, &contact);
        self.limiters.check_contact(&contact_key)?;
        // What a retry with this key must ask again: the same hold, the same
        // person and contact (the key alone opens nothing).
        let request_hash = hash(
            "request",
            &format!(
                "{}|{person_key}|{}|{contact_key}",
                req.hold_id,
                tax_key.as_deref().unwrap_or("")
            ),
        );
        // An id of another form names no hold (and is never looked up).
        let found = if is_record_id(&req.hold_id) {
            self.store.find_hold(&req.hold_id).await?
        } else {
            None
        };
        let Some(hold) = found else {
            // A retry after the first confirm succeeded: the hold is gone, the
            // ticket is there. (A retry that races the first confirm is answered
            // under the lock, in the store.)
            return match self.store.ticket_by_idempotency(&idempotency_hash).await? {
                Some(t) if t.request_hash.as_deref() == Some(request_hash.as_str()) => {
                    self.ticket_view(t, Some(&req.idempotency_key))
                }
                Some(_) => Err(StoreError::KeyReused.into()),
                None => Err(ApiError::not_found("hold")),
            };
        };
        let service = current.service(&ServiceId(hold.service.clone()))?;
        let office = current.office(&OfficeId(hold.office.clone()))?;
        // Everything the answer needs, before anything is written.
        let parts = self.view_parts(service, office, hold.day, &req.answers)?;
        let now = self.now();
        let token_bytes = random::<{ AccessToken::BYTES }>()?;
        let token = AccessToken::from_random(token_bytes);
        let ticket_id = ordered_id(now)?;
        let answers = serde_json::to_string(&req.answers).map_err(|_| ApiError::Internal)?;
        let expired = hold.expires_at <= now.timestamp();
        let keys = ConfirmKeys {
            hold_id: req.hold_id.clone(),
            idempotency_hash: idempotency_hash.clone(),
            request_hash: request_hash.clone(),
            person_key: person_key.clone(),
            tax_key: tax_key.clone(),
            contact_key: contact_key.clone(),
        };
        // The decision runs in the writer, one write at a time: it owns what it
        // needs, and what can be worked out before (hashes, the slot) is.
        let policy = self.policy;
        let (service_id, board_prefix) = (service.id.0.clone(), service.board_prefix);
        let held = hold.clone();
        let token_sealed = seal(&token_bytes, &req.idempotency_key);
        let token_hash = hash("token", token.as_str());
        let slot = slot_at(office, service, hold.day, hold.start, &current.calendar)?;
        let lang = req.lang.tag().to_string();
        let decide = move |taken: &[_], active: &[ActiveRow]| {
            let held_place = HeldPlace {
                slot: slot.as_ref(),
                window: &held.window,
                expired,
            };
            let applicant = Applicant {
                person: &person_key,
                tax: tax_key.as_deref(),
                contact: &contact_key,
            };
            let others: Vec<ActiveTicket<'_>> = active
                .iter()
                .map(|a| ActiveTicket {
                    person: &a.person_key,
                    tax: a.tax_key.as_deref(),
                    service: &a.service,
                    contact: &a.contact_key,
                    day: a.day,
                })
                .collect();
            let window = confirm_window(
                held_place,
                &service_id,
                taken,
                &policy,
                applicant,
                today,
                others.iter().cloned(),
            )?;
            let lapse = lapsed(&applicant, &service_id, today, &others)
                .into_iter()
                .map(|i| (active[i].id.clone(), active[i].status.clone()))
                .collect();
            Ok(NewTicket {
                id: ticket_id.clone(),
                email_key: email_key.clone(),
                window,
                board_prefix,
                person_key: person_key.clone(),
                tax_key: tax_key.clone(),
                contact_key: contact_key.clone(),
                lapse,
                surname: person.surname.as_str().to_string(),
                given_name: person.given_name.as_str().to_string(),
                patronymic: person.patronymic.as_ref().map(|p| p.as_str().to_string()),
                birth_date: person.birth_date.date(),
                rnokpp: person.rnokpp.as_ref().map(|r| r.as_str().to_string()),
                phone: contact.phone.as_ref().map(|p| p.as_str().to_string()),
                email: contact.email.as_ref().map(|e| e.as_str().to_string()),
                answers: answers.clone(),
                token_hash: token_hash.clone(),
                idempotency_hash: idempotency_hash.clone(),
                request_hash: request_hash.clone(),
                token_sealed: token_sealed.clone(),
                lang: lang.clone(),
                created_at: now.timestamp(),
            })
        };
        let outcome = self
            .store
            .confirm(keys, &hold, now.timestamp(), decide)
            .await;
        self.cache.invalidate(&office.id.0);
        match outcome {
            Ok(ConfirmOutcome::Created(t)) => {
                self.wake_sender();
                let token = Some(token.as_str().to_string());
                Ok(self.view_of(t, parts, token))
            }
            Ok(ConfirmOutcome::Replayed(t)) => self.ticket_view(t, Some(&req.idempotency_key)),
            Err(e) => {
                if matches!(e, StoreError::Booking(_)) {
                    // Refused by the booking policy (already booked, the
                    // contact's limit): this hold can never be confirmed as
                    // asked, so its place goes back to others now.
                    if self.store.release_hold(&hold, &req.hold_id).await.is_ok() {
                        self.cache.invalidate(&office.id.0);
                    }
                }
                Err(self.refused_at(e, &service.id, &office.id, &hold).await)
            }
        }
    }
}
