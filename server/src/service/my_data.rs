//! The applicant's data rights from "My tickets": a copy of everything held
//! about the contact signed in, and their past tickets' personal data
//! erased at once (`domain::retention` says how long it is kept otherwise).

use super::Services;
use crate::store::{Held, HeldTicket};
use app::api::context::SharedSession;
use app::api::*;
use domain::catalog::{OfficeId, ServiceId};
use domain::signin::SignInError;

/// Unix seconds as RFC 3339 (UTC).
fn when(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Who made a change, as the applicant is told: staff by no name or id.
fn by(actor: &str) -> String {
    match actor {
        "applicant" | "system" => actor.into(),
        _ => "staff".into(),
    }
}

impl Services {
    /// The contact key of the session, or "not signed in".
    async fn signed_key(&self, session: Option<&SharedSession>) -> Result<String, SignInFailure> {
        Ok(self
            .signed_in(session)
            .await?
            .ok_or(SignInError::NotSignedIn)?)
    }

    /// Everything held about the signed-in contact.
    pub(super) async fn my_data(
        &self,
        session: Option<SharedSession>,
    ) -> Result<PersonalData, SignInFailure> {
        let key = self.signed_key(session.as_ref()).await?;
        let held = self.store.held_about(&key).await.map_err(ApiError::from)?;
        let tickets = held
            .tickets
            .iter()
            .map(|t| self.ticket_data(t, &held))
            .collect();
        Ok(PersonalData {
            made_at: when(self.now().timestamp()),
            kept_days: self.retain_days,
            tickets,
        })
    }

    fn ticket_data(&self, t: &HeldTicket, held: &Held) -> PersonalTicket {
        let current = self.state();
        let name = |found: Option<&domain::Text>, id: &str| {
            found.cloned().unwrap_or_else(|| domain::Text {
                uk: id.to_string(),
                en: None,
            })
        };
        let service = current.service(&ServiceId(t.service.clone())).ok();
        let office = current.office(&OfficeId(t.office.clone())).ok();
        let [surname, given_name, patronymic, birth_date, rnokpp, phone, email] = t.person.clone();
        PersonalTicket {
            id: t.id.clone(),
            number: t.number.clone(),
            service: name(service.map(|s| &s.name), &t.service),
            office: name(office.map(|o| &o.name), &t.office),
            day: t.day.clone(),
            start: t.start.clone(),
            end: t.end.clone(),
            status: t.status.clone(),
            booked_at: when(t.created_at),
            surname: surname.unwrap_or_default(),
            given_name: given_name.unwrap_or_default(),
            patronymic,
            birth_date: birth_date.unwrap_or_default(),
            rnokpp,
            phone,
            email,
            answers: t.answers.clone(),
            erased_at: t.erased_at.map(when),
            history: held
                .events
                .iter()
                .filter(|e| e.ticket == t.id)
                .map(|e| PersonalEvent {
                    at: when(e.at),
                    event: e.event.clone(),
                    status: e.status.clone(),
                    by: by(&e.actor),
                })
                .collect(),
            payments: held
                .payments
                .iter()
                .filter(|p| p.ticket == t.id)
                .map(|p| PersonalPayment {
                    recipient: p.recipient.clone(),
                    amount: p.amount,
                    provider: p.provider.clone(),
                    status: p.status.clone(),
                    receipt_code: p.receipt_code.clone(),
                    paid_at: p.paid_at.map(when),
                })
                .collect(),
            messages: held
                .messages
                .iter()
                .filter(|m| m.ticket == t.id)
                .map(|m| PersonalMessage {
                    kind: m.kind.clone(),
                    channel: m.channel.clone(),
                    state: m.state.clone(),
                    sent_at: m.sent_at.map(when),
                })
                .collect(),
        }
    }

    /// Erases the personal data of the signed-in contact's tickets that are
    /// over; those still to come keep theirs (the office needs them). The
    /// session stays signed in.
    pub(super) async fn erase_my_past(
        &self,
        session: Option<SharedSession>,
    ) -> Result<Erased, SignInFailure> {
        let key = self.signed_key(session.as_ref()).await?;
        let n = self
            .store
            .erase_contact_past(&key, self.today(), self.now().timestamp())
            .await
            .map_err(ApiError::from)?;
        tracing::info!(
            tickets = n,
            "erased a contact's past tickets at its owner's asking"
        );
        Ok(Erased {
            tickets: u32::try_from(n).unwrap_or(u32::MAX),
        })
    }
}
