//! Booking policy: one ticket is one service for one person; a person holds at
//! most one active ticket per service; a contact (phone or e-mail) holds at most a
//! configured number of active tickets.

pub mod decide;

use crate::i18n::{pick, Lang, Localized};
use crate::validation::{BirthDate, Email, PersonName, Phone, Rnokpp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The applicant a ticket is for (one person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    /// Surname.
    pub surname: PersonName,
    /// Given name.
    pub given_name: PersonName,
    /// Patronymic, if any.
    pub patronymic: Option<PersonName>,
    /// Date of birth.
    pub birth_date: BirthDate,
    /// Tax number, if the applicant has one and gives it.
    pub rnokpp: Option<Rnokpp>,
}

impl Person {
    /// The keys that tell two bookings are for the same person: the name and
    /// date of birth always, and the tax number when given. Two bookings are
    /// for one person when either key matches, so giving the tax number once
    /// and leaving it out once still finds the first ticket.
    pub fn keys(&self) -> PersonKeys {
        PersonKeys {
            name: PersonKey(format!(
                "n:{}|{}|{}",
                self.surname.folded(),
                self.given_name.folded(),
                self.birth_date.date()
            )),
            tax: self
                .rnokpp
                .as_ref()
                .map(|r| PersonKey(format!("t:{}", r.as_str()))),
        }
    }
}

/// A person's keys (see [`Person::keys`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonKeys {
    /// The name and date of birth (names case-folded, apostrophes and Unicode
    /// normalised).
    pub name: PersonKey,
    /// The tax number, when given.
    pub tax: Option<PersonKey>,
}

/// How to reach the applicant: a phone, an e-mail, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    /// Phone.
    pub phone: Option<Phone>,
    /// E-mail.
    pub email: Option<Email>,
}

impl Contact {
    /// A contact needs at least one way to reach the person.
    pub fn new(phone: Option<Phone>, email: Option<Email>) -> Result<Self, BookingError> {
        if phone.is_none() && email.is_none() {
            return Err(BookingError::NoContact);
        }
        Ok(Contact { phone, email })
    }

    /// The key the per-contact cap counts by (the phone, else the e-mail).
    pub fn key(&self) -> String {
        match (&self.phone, self.email_key()) {
            (Some(p), _) => format!("p:{}", p.as_str()),
            (None, Some(e)) => e,
            (None, None) => String::new(),
        }
    }

    /// The e-mail's own key, when one was given: "My tickets" finds a
    /// ticket by it as well as by [`Contact::key`] (a phone's key when both
    /// were given).
    pub fn email_key(&self) -> Option<String> {
        self.email
            .as_ref()
            .map(|e| format!("e:{}", e.as_str().to_lowercase()))
    }
}

/// A person key (see [`Person::key`]). Personal data: hash it before storing.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonKey(String);

impl PersonKey {
    /// The raw key, for hashing.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PersonKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonKey(…)")
    }
}

/// The limits an administrator configures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookingPolicy {
    /// Active tickets one contact may hold at once (a family booking for several
    /// members uses one phone).
    pub max_active_per_contact: u8,
    /// Minutes a chosen time is held while the applicant fills the form.
    pub hold_minutes: u16,
    /// Live holds one client (network address) may have at once
    /// ([`crate::limits::admit_hold`]).
    pub max_holds_per_client: u8,
}

impl Default for BookingPolicy {
    fn default() -> Self {
        BookingPolicy {
            max_active_per_contact: 4,
            hold_minutes: 10,
            max_holds_per_client: 6,
        }
    }
}

/// Who books, as keys (compared for equality only, so they may be hashes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applicant<'a> {
    /// The name key (see [`PersonKeys`]).
    pub person: &'a str,
    /// The tax-number key, when the tax number is given.
    pub tax: Option<&'a str>,
    /// The contact's key.
    pub contact: &'a str,
}

/// A ticket that still holds its place, as the policy needs to see it. Keys
/// are compared for equality only, so callers may pass them hashed (as storage
/// keeps them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveTicket<'a> {
    /// Whose (the name key, or its hash).
    pub person: &'a str,
    /// The tax-number key, if the ticket was booked with one.
    pub tax: Option<&'a str>,
    /// For what.
    pub service: &'a str,
    /// The contact's key (or its hash).
    pub contact: &'a str,
    /// The day of the visit: from the next day on the ticket no longer counts.
    pub day: NaiveDate,
}

impl ActiveTicket<'_> {
    /// Whether this ticket is `who`'s for `service` (either key matches).
    pub fn is_of(&self, who: &Applicant<'_>, service: &str) -> bool {
        self.service == service
            && (self.person == who.person || (self.tax.is_some() && self.tax == who.tax))
    }

    /// Whether the visit's day is over at `today` (Kyiv): the ticket no longer
    /// counts against the person, the contact or the office's places.
    pub fn is_over(&self, today: NaiveDate) -> bool {
        self.day < today
    }
}

/// Why a booking was refused by the policy.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingError {
    /// Neither phone nor e-mail.
    #[error("give a phone number or an e-mail address")]
    NoContact,
    /// The person already has an active ticket for this service.
    #[error("this person already has an active ticket for this service")]
    AlreadyBooked,
    /// The contact holds the maximum of active tickets.
    #[error("this contact already holds {max} active tickets")]
    ContactLimit {
        /// The cap.
        max: u8,
    },
}

impl Localized for BookingError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::NoContact => pick(
                lang,
                "Вкажіть телефон або електронну пошту, щоб ми могли повідомити про зміни.".into(),
                "Give a phone number or an e-mail address so that we can tell you about changes.".into(),
            ),
            Self::AlreadyBooked => pick(
                lang,
                "У цієї особи вже є активний талон на цю послугу. Скасуйте його в «Моїх талонах», щоб обрати інший час.".into(),
                "This person already has an active ticket for this service. Cancel it in “My tickets” to choose another time.".into(),
            ),
            Self::ContactLimit { max } => pick(
                lang,
                format!("На один телефон чи пошту можна мати щонайбільше {max} активних талонів."),
                format!("One phone or e-mail may hold at most {max} active tickets."),
            ),
        }
    }
}

impl BookingPolicy {
    /// Decides whether `who` may book `service` on `today`, given the active
    /// tickets that share one of their keys or their contact. A ticket whose
    /// visit's day is over counts for nothing.
    pub fn check<'a>(
        &self,
        who: Applicant<'_>,
        service: &str,
        today: NaiveDate,
        active: impl IntoIterator<Item = ActiveTicket<'a>>,
    ) -> Result<(), BookingError> {
        let mut per_contact: usize = 0;
        for t in active.into_iter().filter(|t| !t.is_over(today)) {
            if t.is_of(&who, service) {
                return Err(BookingError::AlreadyBooked);
            }
            if t.contact == who.contact {
                per_contact += 1;
            }
        }
        if per_contact >= usize::from(self.max_active_per_contact) {
            return Err(BookingError::ContactLimit {
                max: self.max_active_per_contact,
            });
        }
        Ok(())
    }
}
