//! The kiosk at the office: an applicant checks in by the ticket's number
//! and its check-in code, or by the QR code of its link (id and token), and
//! sees the people ahead and the estimated wait.
//!
//! The check-in code is not stored: it is six digits of HMAC-SHA-256 of the
//! ticket's id under a key all nodes share (`checkin-hmac`), so the booking
//! path writes nothing more and nobody without the key can compute it. Wrong
//! codes count per ticket under its queue's lock (five, then only staff
//! check it in: `domain::office::CheckInCode`), and per kiosk by the rate
//! limit of the `kiosk` class.

use super::secrets::hash;
use super::Services;
use crate::store::{Change, Set};
use domain::catalog::{OfficeId, ServiceId};
use domain::office::{Arrival, CheckInCode, OfficeError};
use domain::slots::kyiv_today;
use domain::ticket::{Actor, TicketEvent, TicketNumber, TicketStatus};
use hmac::{Hmac, Mac};
use office::api::{KioskCheckInRequest, KioskTicket, StaffError};
use sha2::Sha256;

/// The code of ticket `id` under `key` (none without a key).
fn code_of(key: &str, id: &str) -> Option<CheckInCode> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes())
        .ok()
        .filter(|_| !key.is_empty())?;
    mac.update(b"checkin:");
    mac.update(id.as_bytes());
    let bytes = mac.finalize().into_bytes();
    let mut first = [0u8; 8];
    first.copy_from_slice(bytes.get(..8)?);
    Some(CheckInCode::from_random(first))
}

/// What the typed code did.
enum Outcome {
    CheckedIn,
    Wrong(u32),
}

impl Services {
    /// Sets the check-in codes' key to the one all nodes share.
    pub async fn share_office_secrets(mut self) -> Result<Self, StaffError> {
        let candidate = domain::ticket::to_hex(
            &super::secrets::random::<32>().map_err(|_| StaffError::Internal)?,
        );
        let key = self.store.shared_secret("checkin-hmac", candidate).await?;
        self.office.checkin_key = std::sync::Arc::new(key);
        Ok(self)
    }

    /// The check-in code of ticket `id`, as its applicant sees it.
    pub fn checkin_code(&self, id: &str) -> Option<String> {
        code_of(&self.office.checkin_key, id).map(|c| c.as_str().to_string())
    }

    /// `kiosk_checkin`.
    pub async fn kiosk_checkin(
        &self,
        req: &KioskCheckInRequest,
    ) -> Result<KioskTicket, StaffError> {
        let current = self.state();
        let office_id = OfficeId(req.office.clone());
        let office = current
            .catalog
            .office(&office_id)
            .ok_or(StaffError::NotFound {
                what: "office".into(),
            })?;
        let not_found = || StaffError::NotFound {
            what: "ticket".into(),
        };
        // Which ticket: by the QR code's id and token, or by number and code.
        let (by_id, typed) = match (&req.ticket, &req.token, &req.number, &req.code) {
            (Some(id), Some(token), None, None) => {
                let t = if domain::ticket::is_record_id(id) {
                    self.store.ticket_by_id(id).await?
                } else {
                    None
                };
                let t = t.filter(|t| token.len() <= 128 && hash("token", token) == t.token_hash);
                (Some(t.ok_or_else(not_found)?.id), None)
            }
            (None, None, Some(number), Some(code)) => {
                let number = TicketNumber::read(number)
                    .ok_or_else(not_found)?
                    .to_string();
                (None, Some((number, CheckInCode::parse(code)?)))
            }
            _ => {
                return Err(StaffError::BadRequest {
                    detail: "give the number and the code, or the ticket and its token".into(),
                })
            }
        };
        let now = self.now();
        let day = kyiv_today(now);
        let (key, rule) = (self.office.checkin_key.clone(), self.office.rules.checkin);
        let found_id = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
        let found = found_id.clone();
        let outcome = self
            .store
            .change_queue(
                &office.id.0,
                day,
                Actor::Applicant,
                now.timestamp(),
                move |rows| {
                    let row = rows
                        .iter()
                        .find(|r| match (&by_id, &typed) {
                            (Some(id), _) => &r.id == id,
                            (None, Some((number, _))) => &r.number == number,
                            _ => false,
                        })
                        .ok_or_else(not_found)?;
                    *found.lock().unwrap_or_else(|p| p.into_inner()) = Some(row.id.clone());
                    let status = TicketStatus::parse(&row.status).ok_or(StaffError::Internal)?;
                    if status == TicketStatus::CheckedIn {
                        return Ok((Vec::new(), Outcome::CheckedIn));
                    }
                    if status != TicketStatus::Booked {
                        return Err(StaffError::Ticket { status });
                    }
                    if let Some((_, code)) = &typed {
                        CheckInCode::may_try(
                            u32::try_from(row.checkin_failures).unwrap_or(u32::MAX),
                        )?;
                        if code_of(&key, &row.id).as_ref() != Some(code) {
                            let failures =
                                u32::try_from(row.checkin_failures + 1).unwrap_or(u32::MAX);
                            let left = CheckInCode::MAX_FAILURES.saturating_sub(failures);
                            let bump = Change {
                                id: row.id.clone(),
                                from: row.status.clone(),
                                event: None,
                                to: status,
                                sets: vec![Set::CodeFailure],
                            };
                            return Ok((vec![bump], Outcome::Wrong(left)));
                        }
                    }
                    let starts = domain::slots::kyiv_instant(day, row.start).unwrap_or(now);
                    let at = now.timestamp();
                    let sets = match rule.check_in(starts, now)? {
                        Arrival::OnTime => vec![Set::Joined(at)],
                        Arrival::LateAsWalkIn => vec![Set::Requeued(at)],
                    };
                    let change = Change {
                        id: row.id.clone(),
                        from: row.status.clone(),
                        event: Some(TicketEvent::CheckIn),
                        to: TicketStatus::CheckedIn,
                        sets,
                    };
                    Ok((vec![change], Outcome::CheckedIn))
                },
            )
            .await??;
        if let Outcome::Wrong(tries_left) = outcome {
            return Err(OfficeError::WrongCode { tries_left }.into());
        }
        let id = found_id.lock().unwrap_or_else(|p| p.into_inner()).clone();
        self.kiosk_ticket(office, &id.ok_or(StaffError::Internal)?)
            .await
    }

    /// Ticket `id` as the kiosk shows it, with the people ahead and the
    /// estimated wait.
    pub(super) async fn kiosk_ticket(
        &self,
        office: &domain::catalog::Office,
        id: &str,
    ) -> Result<KioskTicket, StaffError> {
        let current = self.state();
        let rows = self
            .store
            .queue_of_day(&office.id.0, kyiv_today(self.now()))
            .await?;
        let me = rows
            .iter()
            .find(|r| r.id == id)
            .ok_or(StaffError::Internal)?;
        let (ahead, minutes) = self.queue_place(office, &rows, id).await?;
        let service = ServiceId(me.service.clone());
        Ok(KioskTicket {
            number: me.number.clone(),
            service: current
                .catalog
                .service(&service)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            starts: (!me.walk_in).then(|| me.start.format("%H:%M").to_string()),
            walk_in: me.walk_in || me.requeued,
            ahead,
            minutes,
            link: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_need_the_key_and_differ_by_ticket() {
        let a = code_of("key one", "019aee2b07d1a4c06e8e55f2c0a9d41b").unwrap();
        let b = code_of("key one", "019aee2b07d1a4c06e8e55f2c0a9d41c").unwrap();
        let c = code_of("key two", "019aee2b07d1a4c06e8e55f2c0a9d41b").unwrap();
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(code_of("", "019aee2b07d1a4c06e8e55f2c0a9d41b"), None);
        assert_eq!(a.as_str().len(), 6);
    }
}
