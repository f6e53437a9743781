use crate::calendar::WorkingCalendar;
use crate::checklist::{flags_used, Answers, DocumentItem, Flag};
use crate::fees::{FeeError, FeeSchedule, Quote, Urgency};
use crate::i18n::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A service's id: a short lower-case slug used in URLs (`passport-lost-stolen`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct ServiceId(pub String);

impl ServiceId {
    /// True for 2–64 characters of `a-z`, `0-9` and inner hyphens.
    pub fn is_valid(&self) -> bool {
        let s = &self.0;
        (2..=64).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
    }
}

impl std::fmt::Display for ServiceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A group of services in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    /// A slug.
    pub id: String,
    /// The heading.
    pub name: Text,
}

/// Whether and how a service is booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum BookingMode {
    /// Booked in the queue; one visit takes `minutes`.
    Required {
        /// How long an officer needs for one applicant.
        minutes: u16,
    },
    /// No booking: the applicant just comes (e.g. adding a qualified e-signature
    /// to an ID card).
    NotNeeded {
        /// What to do instead.
        note: Text,
    },
}

/// A legal act the card cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LegalAct {
    /// Type, number, date and title as the card gives them.
    pub title: Text,
}

/// The term: working days, and the shorter urgent term if there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Term {
    /// The ordinary term in working days.
    pub working_days: u16,
    /// The urgent term in working days, if urgent processing is offered.
    #[serde(default)]
    pub urgent_working_days: Option<u16>,
}

impl Term {
    /// The term for an urgency; the ordinary term when urgency is not offered.
    pub fn days(&self, urgency: Urgency) -> u16 {
        match urgency {
            Urgency::Urgent => self.urgent_working_days.unwrap_or(self.working_days),
            Urgency::Standard => self.working_days,
        }
    }
}

/// Every field of a service card (картка послуги).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceCard {
    /// The result of the service.
    pub result: Text,
    /// Who provides it.
    pub subject: Text,
    /// National legal acts.
    #[serde(default)]
    pub legal_acts: Vec<LegalAct>,
    /// Local legal acts.
    #[serde(default)]
    pub local_legal_acts: Vec<LegalAct>,
    /// The ground for applying.
    pub grounds: Text,
    /// The exhaustive document list, items conditional on the applicant's answers.
    pub documents: Vec<DocumentItem>,
    /// How and where to apply, paragraph by paragraph.
    pub how_to_apply: Vec<Text>,
    /// Paid or free, as the card says.
    pub paid: bool,
    /// The term.
    pub term: Term,
    /// Grounds for refusing to accept the documents.
    #[serde(default)]
    pub refusal_to_accept: Vec<Text>,
    /// Grounds for refusing to issue the result.
    #[serde(default)]
    pub refusal_to_issue: Vec<Text>,
    /// How the result is received, paragraph by paragraph.
    pub result_delivery: Vec<Text>,
    /// How to pay.
    #[serde(default)]
    pub payment: Option<Text>,
    /// Footnotes and remarks.
    #[serde(default)]
    pub notes: Vec<Text>,
}

/// A service of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Service {
    /// Its id.
    pub id: ServiceId,
    /// The category id.
    pub category: String,
    /// Its name.
    pub name: Text,
    /// One or two sentences: what it is for (shown before booking, so a wrong
    /// choice is unlikely).
    pub summary: Text,
    /// Booking or not.
    pub booking: BookingMode,
    /// The letter that prefixes its tickets on the office board.
    pub board_prefix: char,
    /// Whether the data are illustrative (not from an official card).
    #[serde(default)]
    pub demo: bool,
    /// The full card.
    pub card: ServiceCard,
    /// The tariffs (empty for a free service).
    #[serde(default)]
    pub fees: FeeSchedule,
}

impl Service {
    /// Minutes one visit takes, or `None` if the service needs no booking.
    pub fn booking_minutes(&self) -> Option<u16> {
        match self.booking {
            BookingMode::Required { minutes } => Some(minutes),
            BookingMode::NotNeeded { .. } => None,
        }
    }

    /// The questions the card's questionnaire must ask: every flag its documents
    /// and fees depend on, in a stable order.
    pub fn questions(&self) -> Vec<Flag> {
        let mut set = BTreeSet::new();
        flags_used(&self.card.documents, &mut set);
        self.fees.flags_used(&mut set);
        set.into_iter().collect()
    }

    /// What applying on `date` with `answers` costs (nothing to pay for a free
    /// service) and when the result is expected: the term of the urgency the
    /// quote is for, counted in working days from `date` (none if the calendar
    /// does not cover it).
    pub fn estimate(
        &self,
        date: NaiveDate,
        answers: &Answers,
        calendar: &WorkingCalendar,
    ) -> Result<Estimate, FeeError> {
        let quote = if self.card.paid {
            Some(self.fees.quote(date, answers)?)
        } else {
            None
        };
        let urgency = quote.as_ref().map_or(Urgency::Standard, |q| q.urgency);
        let ready_date = calendar.ready_date(date, self.card.term.days(urgency)).ok();
        Ok(Estimate { quote, ready_date })
    }
}

/// The fees and the expected ready date of an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Estimate {
    /// The itemised fees; `None` for a free service.
    pub quote: Option<Quote>,
    /// The expected ready date.
    pub ready_date: Option<NaiveDate>,
}
