//! The types of holding, confirming, opening and changing a ticket.

//! Transport types: what the server functions take and return, as JSON.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use domain::catalog::{OfficeId, ServiceId};
use domain::checklist::{Answers, ChecklistEntry};
use domain::fees::Quote;
use domain::forms::{ContactForm, PersonForm};
use domain::ticket::TicketStatus;
use domain::{Lang, Text};
use serde::{Deserialize, Serialize};

use super::OfficeView;

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
    /// The solved challenge, when the server asked for one (`proof`, 428):
    /// the JSON text of ALTCHA's payload, `{"challenge", "solution"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
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
    /// The solved challenge, when the server asked for one (`proof`, 428):
    /// the JSON text of ALTCHA's payload, `{"challenge", "solution"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
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
    /// The six digits typed at the office's kiosk with the number, while the
    /// ticket can still be checked in.
    #[serde(default)]
    pub checkin_code: Option<String>,
    /// Checked in and waiting today: the people ahead and the minutes to
    /// the call, roughly.
    #[serde(default)]
    pub queue: Option<QueuePlace>,
    /// Called: the window to go to.
    #[serde(default)]
    pub called_to: Option<String>,
    /// The payments its fees ask for, one per recipient.
    #[serde(default)]
    pub payments: Vec<super::PaymentView>,
    /// Its personal data was erased (long past, or its owner asked): what
    /// is shown holds none, and nothing is sent about it any more.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub erased: bool,
    /// Booked for a time the office no longer serves (it changed its hours
    /// or closed that day): why. The ticket stays valid until its applicant
    /// moves or cancels it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disrupted: Option<Text>,
}

/// A waiting ticket's place in the office's queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QueuePlace {
    /// People called before it.
    pub ahead: u32,
    /// Minutes to its call, roughly.
    pub minutes: u32,
}
