//! The booking in progress: what the applicant chose and typed, kept in this
//! tab's session storage after every change, so a reload or an error within the
//! hold loses nothing. It never goes into a URL.

use crate::api::{HoldView, OfficeView, SlotRef, TicketView};
use crate::browser::{self, Store};
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
pub struct DraftState(pub RwSignal<Draft>);

/// The ticket just made, so the ticket page shows it without a round trip.
#[derive(Debug, Clone, Copy)]
pub struct LastTicket(pub RwSignal<Option<TicketView>>);

/// Provides the draft (restored from this tab) and keeps it saved.
pub fn provide_draft() {
    let draft = RwSignal::new(browser::load::<Draft>(Store::Session, KEY).unwrap_or_default());
    Effect::new(move |_| draft.with(|d| browser::save(Store::Session, KEY, d)));
    provide_context(DraftState(draft));
    provide_context(LastTicket(RwSignal::new(None)));
}

/// The draft.
pub fn use_draft() -> RwSignal<Draft> {
    use_context::<DraftState>()
        .map(|d| d.0)
        .unwrap_or_else(|| RwSignal::new(Draft::default()))
}

/// The ticket just made.
pub fn use_last_ticket() -> RwSignal<Option<TicketView>> {
    use_context::<LastTicket>()
        .map(|t| t.0)
        .unwrap_or_else(|| RwSignal::new(None))
}
