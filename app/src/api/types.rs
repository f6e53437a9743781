//! Transport types: what the server functions take and return, as JSON.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use domain::calendar::WorkingCalendar;
use domain::catalog::{Category, Office, OfficeId, Service, ServiceId};
use domain::checklist::{Answers, ChecklistEntry, Flag};
use domain::fees::Quote;
use domain::forms::{ContactForm, PersonForm};
use domain::ticket::TicketStatus;
use domain::{Lang, Text};
use serde::{Deserialize, Serialize};

/// A service as the catalog list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceSummary {
    /// Its id.
    pub id: ServiceId,
    /// Its category id.
    pub category: String,
    /// Its name.
    pub name: Text,
    /// What it is for.
    pub summary: Text,
    /// False for services that need no booking.
    pub bookable: bool,
    /// Illustrative data.
    pub demo: bool,
}

impl From<&Service> for ServiceSummary {
    fn from(s: &Service) -> Self {
        ServiceSummary {
            id: s.id.clone(),
            category: s.category.clone(),
            name: s.name.clone(),
            summary: s.summary.clone(),
            bookable: s.booking_minutes().is_some(),
            demo: s.demo,
        }
    }
}

/// The catalog list: categories in order, and their services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogList {
    /// Categories.
    pub categories: Vec<Category>,
    /// Services.
    pub services: Vec<ServiceSummary>,
    /// Notices of the offices in force today (deduplicated).
    pub notices: Vec<Text>,
}

/// Names a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceRequest {
    /// The service.
    pub service: ServiceId,
}

/// A service card with what the browser needs to compute the checklist, the fee
/// and the ready date offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceDetails {
    /// The full service with its card and tariffs.
    pub service: Service,
    /// The questions its questionnaire asks.
    pub questions: Vec<Flag>,
    /// The working-day calendar.
    pub calendar: WorkingCalendar,
    /// Today in Kyiv.
    pub today: NaiveDate,
}

/// Whether an office takes online bookings for a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnlineStatus {
    /// Bookable online.
    Open,
    /// Online booking is off in this office.
    OfficeOff,
    /// The office serves it, but not by online booking.
    ServiceOff,
}

/// An office as the booking wizard shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeView {
    /// Its id.
    pub id: OfficeId,
    /// Name.
    pub name: Text,
    /// Region.
    pub region: Text,
    /// City.
    pub city: Text,
    /// Address.
    pub address: Text,
    /// Notices in force today.
    pub notices: Vec<Text>,
    /// Online booking of the service asked.
    pub online: OnlineStatus,
}

impl OfficeView {
    /// The view of `office` for `service` on `today`.
    pub fn new(office: &Office, service: &ServiceId, today: NaiveDate) -> Self {
        let online = if !office.online_booking {
            OnlineStatus::OfficeOff
        } else if office.books_online(service) {
            OnlineStatus::Open
        } else {
            OnlineStatus::ServiceOff
        };
        OfficeView {
            id: office.id.clone(),
            name: office.name.clone(),
            region: office.region.clone(),
            city: office.city.clone(),
            address: office.address.clone(),
            notices: office.notices_on(today).map(|n| n.text.clone()).collect(),
            online,
        }
    }
}

/// A service at an office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeServiceRequest {
    /// The service.
    pub service: ServiceId,
    /// The office.
    pub office: OfficeId,
}

/// One day of the booking horizon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayView {
    /// The date.
    pub date: NaiveDate,
    /// Places still free that day.
    pub free: u32,
    /// Why the office is closed, if it is (holiday, closure, weekend).
    pub closed: Option<Text>,
}

/// A day at an office for a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimesRequest {
    /// The service.
    pub service: ServiceId,
    /// The office.
    pub office: OfficeId,
    /// The date.
    pub date: NaiveDate,
}

/// A time of a day with its free places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimeView {
    /// Starts.
    pub start: NaiveTime,
    /// Ends.
    pub end: NaiveTime,
    /// Free places.
    pub free: u16,
}

/// A time to hold or to propose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SlotRef {
    /// The date.
    pub date: NaiveDate,
    /// The start time.
    pub time: NaiveTime,
}

/// Hold a time while the form is filled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HoldRequest {
    /// The service.
    pub service: ServiceId,
    /// The office.
    pub office: OfficeId,
    /// The date.
    pub date: NaiveDate,
    /// The start time.
    pub time: NaiveTime,
    /// The hold this client took before and gives back (another time
    /// chosen): released once this one is taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
}

/// A hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HoldView {
    /// Its id (128 random bits): confirm with it.
    pub hold_id: String,
    /// Until when the place is held.
    pub expires_at: DateTime<Utc>,
    /// The date.
    pub date: NaiveDate,
    /// Starts.
    pub start: NaiveTime,
    /// Ends.
    pub end: NaiveTime,
}

/// Turn a hold into a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConfirmRequest {
    /// The hold.
    pub hold_id: String,
    /// A random key (at least 32 hex digits) the client makes once per booking:
    /// a retry with the same key returns the same ticket.
    pub idempotency_key: String,
    /// The questionnaire's answers (documents, urgency, exemptions).
    pub answers: Answers,
    /// The applicant.
    pub person: PersonForm,
    /// How to reach them.
    pub contact: ContactForm,
    /// The language of the booking: the messages about the ticket speak it.
    #[serde(default)]
    pub lang: Lang,
}

/// Open a ticket with its secret (sent in a POST body, never in a URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketRequest {
    /// The ticket's id.
    pub id: String,
    /// Its access token.
    pub token: String,
}

/// Move a ticket to the place of a hold of the same service (made as for a
/// booking: office, day, time); the holder proves it with the access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RescheduleRequest {
    /// The ticket's id.
    pub id: String,
    /// Its access token.
    pub token: String,
    /// The hold of the new place.
    pub hold_id: String,
}

/// A confirmed ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketView {
    /// Its id.
    pub id: String,
    /// The number on the office board (`P-007`).
    pub number: String,
    /// Status.
    pub status: TicketStatus,
    /// The service.
    pub service: ServiceId,
    /// The service's name.
    pub service_name: Text,
    /// The office.
    pub office: OfficeView,
    /// The date.
    pub date: NaiveDate,
    /// Starts.
    pub start: NaiveTime,
    /// Ends.
    pub end: NaiveTime,
    /// What to bring.
    pub checklist: Vec<ChecklistEntry>,
    /// The fees (none for a free service).
    pub quote: Option<Quote>,
    /// The expected ready date if the documents are accepted that day.
    pub ready_date: Option<NaiveDate>,
    /// The secret that opens the ticket: returned when the ticket is made (and to
    /// a retry with the same idempotency key), never stored in clear.
    pub access_token: Option<String>,
}
