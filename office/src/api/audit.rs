//! `audit`: the audit trail searched by an administrator: every change of
//! a ticket and every staff action, with who, when and from which node.
//! Personal data appears in it only as a ticket's id and number.

use serde::{Deserialize, Serialize};

/// What to look for: a day, a ticket's number, a staff member, or several
/// of them (all must hold); at least one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuditRequest {
    /// The office; an office's administrator: their own (the default). A
    /// system administrator: any, or every office when left out.
    #[serde(default)]
    pub office: Option<String>,
    /// The day the events happened (Kyiv), `YYYY-MM-DD`.
    #[serde(default)]
    pub day: Option<chrono::NaiveDate>,
    /// A ticket's number as on the board (`P-007`): its tickets' changes.
    #[serde(default)]
    pub number: Option<String>,
    /// A staff member's login: what they did.
    #[serde(default)]
    pub staff: Option<String>,
}

/// One event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditEntry {
    /// When (Unix seconds).
    pub at: i64,
    /// The node that recorded it.
    pub node: String,
    /// What: a ticket's change (`book`, `reschedule`, `cancel`, `check_in`,
    /// `call`, `start_serving`, `serve`, `mark_absent`, `paid`…) or a staff action
    /// (`signin`, `signin_failed`, `signin_locked`, `signout`, `office_settings`).
    pub event: String,
    /// Who: `applicant`, `system`, a payment provider (`liqpay`), a staff
    /// member's login, or `unknown` (a
    /// sign-in under a login no account has).
    pub by: String,
    /// The office.
    pub office: Option<String>,
    /// The ticket (a change of a ticket): its id.
    pub ticket: Option<String>,
    /// Its number.
    pub number: Option<String>,
    /// Its visit's day.
    pub visit: Option<chrono::NaiveDate>,
    /// Its status before.
    pub from: Option<String>,
    /// Its status after.
    pub to: Option<String>,
    /// An administrator's change: what changed, before and after (JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The events found, latest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditList {
    /// At most [`AUDIT_LIMIT`].
    pub entries: Vec<AuditEntry>,
    /// More were found than shown: narrow the search.
    pub more: bool,
}

/// The most events one search answers.
pub const AUDIT_LIMIT: usize = 500;
