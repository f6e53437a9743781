//! Walk-ins at the kiosk (`domain::office::walk_in`): the services an
//! office takes today without a booking, with the places left, and a ticket
//! for one, by the rule of `domain::office::walk_in`.

use super::secrets::{hash, ordered_id, random, random_id};
use super::Services;
use crate::store::NewWalkIn;
use chrono::{DateTime, Utc};
use domain::catalog::{Office, OfficeId, Service};
use domain::office::{walk_in, OfficeError};
use domain::slots::{day_slots, kyiv_time, kyiv_today};
use domain::ticket::AccessToken;
use office::api::{
    KioskServicesRequest, KioskTicket, KioskWalkInRequest, StaffError, WalkInService,
};

impl Services {
    fn kiosk_office<'a>(
        &self,
        current: &'a super::CatalogState,
        id: &str,
    ) -> Result<&'a Office, StaffError> {
        current
            .catalog
            .office(&OfficeId(id.to_string()))
            .ok_or(StaffError::NotFound {
                what: "office".into(),
            })
    }

    /// The places kept for walk-ins of `service` at `office` today, or why
    /// there are none now.
    fn kept_today(
        &self,
        office: &Office,
        service: &Service,
        now: DateTime<Utc>,
    ) -> Result<u32, OfficeError> {
        let current = self.state();
        let slots =
            day_slots(office, service, kyiv_today(now), &current.calendar).unwrap_or_default();
        walk_in::kept_now(&slots, kyiv_time(now))
    }

    /// `kiosk_services`.
    pub async fn kiosk_services(
        &self,
        req: &KioskServicesRequest,
    ) -> Result<Vec<WalkInService>, StaffError> {
        let current = self.state();
        let office = self.kiosk_office(&current, &req.office)?;
        let now = self.now();
        let mut out = Vec::new();
        for service in current.catalog.services() {
            if !office.serves(&service.id) {
                continue;
            }
            let Ok(kept) = self.kept_today(office, service, now) else {
                continue;
            };
            let taken = self
                .store
                .walk_ins_taken(&office.id.0, kyiv_today(now), &service.id.0)
                .await?;
            out.push(WalkInService {
                id: service.id.0.clone(),
                name: service.name.clone(),
                left: kept.saturating_sub(taken),
            });
        }
        Ok(out)
    }

    /// `kiosk_walk_in`.
    pub async fn kiosk_walk_in(&self, req: &KioskWalkInRequest) -> Result<KioskTicket, StaffError> {
        let current = self.state();
        let office = self.kiosk_office(&current, &req.office)?;
        let service = current
            .catalog
            .services()
            .iter()
            .find(|s| s.id.0 == req.service && office.serves(&s.id))
            .ok_or(StaffError::NotFound {
                what: "service".into(),
            })?;
        let now = self.now();
        let kept = self.kept_today(office, service, now)?;
        let failed = |_| StaffError::Internal;
        let id = ordered_id(now).map_err(failed)?;
        let token = AccessToken::from_random(random::<{ AccessToken::BYTES }>().map_err(failed)?);
        let lang = match req.lang.as_deref() {
            Some("en") => "en",
            _ => "uk",
        };
        let new = NewWalkIn {
            id: id.clone(),
            office: office.id.0.clone(),
            service: service.id.0.clone(),
            prefix: service.board_prefix,
            day: kyiv_today(now),
            time: kyiv_time(now).format("%H:%M").to_string(),
            token_hash: hash("token", token.as_str()),
            idempotency_hash: hash("walk-in", &random_id().map_err(failed)?),
            lang: lang.into(),
            now: now.timestamp(),
        };
        self.store.take_walk_in(new, kept).await??;
        let mut ticket = self.kiosk_ticket(office, &id).await?;
        ticket.link = Some(format!("/tickets/{id}#{}", token.as_str()));
        Ok(ticket)
    }
}
