//! The booking in progress: what the applicant chose and typed, kept in this
//! tab's session storage after every change, so a reload or an error within the
//! hold loses nothing. It never goes into a URL.

use crate::api::{HoldView, OfficeView, SlotRef, TicketView};
use crate::browser::{self, Store};
use crate::saved::Summary;
use chrono::NaiveDate;
use domain::catalog::{OfficeId, ServiceId};
use domain::checklist::Answers;
use domain::forms::{ContactForm, PersonForm};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const KEY: &str = "cherga.draft";

/// The booking in progress.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// The service the answers belong to.
    pub service: Option<ServiceId>,
    /// The questionnaire's answers.
    pub answers: Answers,
    /// The office chosen.
    pub office: Option<OfficeId>,
    /// How the chosen office was shown (for the review).
    pub office_view: Option<OfficeView>,
    /// The day chosen.
    pub date: Option<NaiveDate>,
    /// The hold taken for the time chosen.
    pub hold: Option<HoldView>,
    /// The applicant as typed.
    pub person: PersonForm,
    /// The contact as typed.
    pub contact: ContactForm,
    /// The key that makes a retried confirm return the same ticket.
    pub idempotency_key: String,
    /// Nearest free times after a "taken" answer.
    pub alternatives: Vec<SlotRef>,
    /// The ticket being moved, if the wizard moves one instead of booking.
    pub moving: Option<Moving>,
}

/// A ticket being moved to another time: the wizard's office, day and time
/// steps choose the new place, and the review moves the ticket there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moving {
    /// The ticket's id.
    pub id: String,
    /// Its access token (empty: the session opens it).
    pub token: String,
    /// The ticket as it is now.
    pub was: Summary,
}

impl Moving {
    /// The ticket's page.
    pub fn href(&self) -> String {
        crate::saved::href(&self.id, "", &self.token)
    }
}

impl Draft {
    /// Starts over for `service` unless the draft already is for it; the
    /// applicant's own data are kept (they are the same person).
    pub fn for_service(&mut self, service: &ServiceId) {
        if self.service.as_ref() != Some(service) {
            *self = Draft {
                service: Some(service.clone()),
                answers: Answers::typical(),
                person: std::mem::take(&mut self.person),
                contact: std::mem::take(&mut self.contact),
                ..Draft::default()
            };
        }
    }

    /// Starts moving `ticket` (opened with `token`): its service and office
    /// are chosen, no hold yet; the applicant's typed data stay.
    pub fn start_move(&mut self, ticket: &TicketView, token: &str) {
        self.for_service(&ticket.service);
        self.office = Some(ticket.office.id.clone());
        self.office_view = Some(ticket.office.clone());
        self.hold = None;
        self.alternatives.clear();
        self.moving = Some(Moving {
            id: ticket.id.clone(),
            token: token.to_string(),
            was: Summary::of(ticket),
        });
    }

    /// The key of this booking's confirm, made once.
    pub fn idempotency_key(&mut self) -> String {
        if self.idempotency_key.len() < 32 {
            self.idempotency_key = browser::random_hex(16).unwrap_or_default();
        }
        self.idempotency_key.clone()
    }

    /// After the ticket is made: nothing personal stays in the tab.
    pub fn finished(&mut self) {
        *self = Draft::default();
    }
}

/// The draft, shared by the booking steps.
#[derive(Debug, Clone, Copy)]
struct DraftState(RwSignal<Draft>);

/// The app's owner, where the draft is made the first time a page asks for it.
/// Weak: the owner holds its own contexts.
#[derive(Clone)]
struct DraftHome(Option<WeakOwner>);

impl std::fmt::Debug for DraftHome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DraftHome")
    }
}

/// The ticket just made, so the ticket page shows it without a round trip.
#[derive(Debug, Clone, Copy)]
pub struct LastTicket(pub RwSignal<Option<TicketView>>);

/// Makes the app's owner the draft's home. The draft itself is read from this
/// tab only when a card or a booking step first asks for it ([`use_draft`]):
/// the catalog's bundle carries none of its code (its JSON reader and writer
/// come with the parts that use them).
pub fn provide_draft() {
    provide_context(DraftHome(Owner::current().map(|o| o.downgrade())));
    provide_context(LastTicket(RwSignal::new(None)));
}

/// The draft: the one made by the first call (restored from this tab and kept
/// saved after every change), owned by the app so that it outlives the page
/// that asked first.
pub fn use_draft() -> RwSignal<Draft> {
    if let Some(DraftState(draft)) = use_context::<DraftState>() {
        return draft;
    }
    let make = || {
        let draft = RwSignal::new(browser::load::<Draft>(Store::Session, KEY).unwrap_or_default());
        Effect::new(move |_| draft.with(|d| browser::save(Store::Session, KEY, d)));
        provide_context(DraftState(draft));
        draft
    };
    match use_context::<DraftHome>().and_then(|home| home.0?.upgrade()) {
        Some(app) => app.with(make),
        None => make(),
    }
}

/// The ticket just made.
pub fn use_last_ticket() -> RwSignal<Option<TicketView>> {
    use_context::<LastTicket>()
        .map(|t| t.0)
        .unwrap_or_else(|| RwSignal::new(None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::catalog::ServiceId;

    #[test]
    fn the_draft_outlives_the_page_that_made_it() {
        let app = Owner::new();
        app.with(provide_draft);
        let first_page = app.child();
        let draft = first_page.with(use_draft);
        draft.update(|d| d.for_service(&ServiceId("passport-lost-stolen".into())));
        drop(first_page);
        let next_page = app.child();
        let again = next_page.with(use_draft);
        assert_eq!(
            again.get_untracked().service,
            Some(ServiceId("passport-lost-stolen".into()))
        );
        // One draft, not one per page.
        again.update(|d| d.person.surname = "Шевченко".into());
        assert_eq!(draft.get_untracked().person.surname, "Шевченко");
    }

    #[test]
    fn moving_a_ticket_starts_at_its_office_and_drops_an_earlier_hold() {
        let ticket =
            crate::api::sample::ticket(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default());
        let mut d = Draft::default();
        d.for_service(&ServiceId("other".into()));
        d.person.surname = "Шевченко".into();
        d.alternatives.push(crate::api::SlotRef {
            date: ticket.date,
            time: ticket.start,
        });
        d.start_move(&ticket, "tok");
        assert_eq!(d.service.as_ref(), Some(&ticket.service));
        assert_eq!(d.office.as_ref(), Some(&ticket.office.id));
        assert!(d.hold.is_none() && d.alternatives.is_empty());
        assert_eq!(d.person.surname, "Шевченко");
        let m = d.moving.clone();
        assert_eq!(
            m.as_ref().map(Moving::href),
            Some(format!("/tickets/{}#tok", ticket.id))
        );
        assert_eq!(m.map(|m| m.was.number), Some(ticket.number));
        d.finished();
        assert!(d.moving.is_none());
    }

    #[test]
    fn without_an_app_a_page_still_gets_a_draft() {
        let page = Owner::new();
        let draft = page.with(use_draft);
        assert_eq!(draft.get_untracked(), Draft::default());
    }
}
