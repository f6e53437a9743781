//! The signed-in applicant's data rights: everything held about them, as a
//! JSON file, and their past tickets' personal data erased at once. Only the
//! tickets' part of the app uses these.

use super::signin::SignInFailure;
use domain::Text;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// Everything the service holds about the contact signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonalData {
    /// When this copy was made (RFC 3339, UTC).
    pub made_at: String,
    /// Days after its day that a ticket keeps its personal data (0: for ever).
    pub kept_days: u32,
    /// The contact's tickets, latest visit first.
    pub tickets: Vec<PersonalTicket>,
}

/// One ticket, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonalTicket {
    /// Id.
    pub id: String,
    /// The number called at the office.
    pub number: String,
    /// The service.
    pub service: Text,
    /// The office.
    pub office: Text,
    /// The visit's day (`YYYY-MM-DD`) and times (`HH:MM`, Kyiv).
    pub day: String,
    /// Start.
    pub start: String,
    /// End.
    pub end: String,
    /// Where the ticket is in its life (`booked`, `served`…).
    pub status: String,
    /// When it was booked (RFC 3339, UTC).
    pub booked_at: String,
    /// The person, as given (empty once erased).
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic.
    pub patronymic: Option<String>,
    /// Date of birth (`YYYY-MM-DD`).
    pub birth_date: String,
    /// Tax number.
    pub rnokpp: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// The answers to the service's questions (JSON text, as stored).
    pub answers: String,
    /// When its personal data was erased (RFC 3339), if it was.
    pub erased_at: Option<String>,
    /// What happened to it, in order.
    pub history: Vec<PersonalEvent>,
    /// Its payments.
    pub payments: Vec<PersonalPayment>,
    /// The messages about it.
    pub messages: Vec<PersonalMessage>,
}

/// A change in a ticket's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonalEvent {
    /// When (RFC 3339).
    pub at: String,
    /// What (`booked`, `cancelled`, `called`…).
    pub event: String,
    /// The status after it.
    pub status: String,
    /// Who: `applicant`, `staff` or `system`.
    pub by: String,
}

/// A payment of a fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonalPayment {
    /// Whom the fee is for.
    pub recipient: String,
    /// Kopiykas.
    pub amount: i64,
    /// How it was paid (`liqpay`, a bank).
    pub provider: String,
    /// `pending`, `paid`, `failed`…
    pub status: String,
    /// The receipt's code, once paid.
    pub receipt_code: Option<String>,
    /// When it was paid (RFC 3339).
    pub paid_at: Option<String>,
}

/// A message sent (or to be sent) about a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonalMessage {
    /// What it told (`booked`, `reminder`…).
    pub kind: String,
    /// `email` or `sms`.
    pub channel: String,
    /// `queued`, `sent`, `dropped`, `failed`.
    pub state: String,
    /// When it was sent (RFC 3339).
    pub sent_at: Option<String>,
}

/// What an erasure did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Erased {
    /// The tickets whose personal data was erased now.
    pub tickets: u32,
}

#[cfg(feature = "ssr")]
fn backend() -> Result<super::context::SharedBackend, SignInFailure> {
    use_context::<super::context::SharedBackend>()
        .ok_or(SignInFailure::Api(super::ApiError::Internal))
}

#[cfg(feature = "ssr")]
fn session() -> Option<super::context::SharedSession> {
    use_context::<super::context::SharedSession>()
}

/// Everything held about the contact signed in (a copy to keep).
#[server(prefix = "/api", endpoint = "my_data", input = Json)]
pub async fn my_data() -> Result<PersonalData, SignInFailure> {
    backend()?.my_data(session()).await
}

/// Erases the personal data of the signed-in contact's tickets that are no
/// longer active (those still to be visited keep theirs).
#[server(prefix = "/api", endpoint = "erase_my_past", input = Json)]
pub async fn erase_my_past() -> Result<Erased, SignInFailure> {
    backend()?.erase_my_past(session()).await
}
