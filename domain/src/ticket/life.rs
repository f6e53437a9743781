//! A ticket's life cycle: who may make which change, from which status to
//! which, and the history of the changes made.

use super::TicketStatus;
use crate::i18n::{pick, Lang, Localized};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Actor {
    /// The applicant (holder of the access token).
    Applicant,
    /// An officer, by staff id.
    Officer(String),
    /// An administrator, by staff id.
    Admin(String),
    /// The system (time-outs).
    System,
}

impl Actor {
    /// The actor as the ticket's history stores it (`applicant`,
    /// `officer:ID`, `admin:ID`, `system`).
    pub fn stored(&self) -> String {
        match self {
            Actor::Applicant => "applicant".into(),
            Actor::Officer(id) => format!("officer:{id}"),
            Actor::Admin(id) => format!("admin:{id}"),
            Actor::System => "system".into(),
        }
    }
}

/// Something that happens to a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TicketEvent {
    /// Fees paid (online or the receipt confirmed).
    Pay,
    /// Arrived at the office.
    CheckIn,
    /// Called to a window (again, if recalled).
    Call,
    /// The called applicant came to the window: service begins.
    StartServing,
    /// The called applicant did not come: the officer says so and is free for
    /// the next; the system annuls the ticket when the grace time after the
    /// last call ends (`office::CallRule`), unless the applicant comes first.
    NotHere,
    /// Back into the queue (called or being served, the applicant must wait
    /// again, e.g. for a missing paper).
    PutBack,
    /// Sent to another window or service of the office; waits again.
    Transfer,
    /// Served.
    Serve,
    /// Cancelled by the applicant or an administrator.
    Cancel,
    /// Absent when called: annulled (by the system when the grace time
    /// ends; by staff once it has ended).
    MarkAbsent,
    /// Not checked in by the booked time.
    Expire,
    /// Moved to another time by the applicant (the status stays `booked`).
    Reschedule,
    /// The visit's day ended while the ticket was still active (written by
    /// the system for reports; the ticket already counted as over).
    Lapse,
}

impl TicketEvent {
    /// The event as it is stored in the ticket's history.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pay => "pay",
            Self::CheckIn => "check_in",
            Self::Call => "call",
            Self::StartServing => "start_serving",
            Self::NotHere => "not_here",
            Self::PutBack => "put_back",
            Self::Transfer => "transfer",
            Self::Serve => "serve",
            Self::Cancel => "cancel",
            Self::MarkAbsent => "mark_absent",
            Self::Expire => "expire",
            Self::Reschedule => "reschedule",
            Self::Lapse => "lapse",
        }
    }
}

/// A recorded change: who did what, when, from which status to which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketChange {
    /// What happened.
    pub event: TicketEvent,
    /// Status before.
    pub from: TicketStatus,
    /// Status after.
    pub to: TicketStatus,
    /// Who.
    pub actor: Actor,
    /// When.
    pub at: DateTime<Utc>,
}

/// Why a change was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransitionError {
    /// Not allowed from the current status.
    #[error("a {status:?} ticket cannot take {event:?}")]
    NotAllowed {
        /// The current status.
        status: TicketStatus,
        /// The event refused.
        event: TicketEvent,
    },
    /// This actor may not do this.
    #[error("not permitted")]
    Forbidden,
    /// Paid twice.
    #[error("already paid")]
    AlreadyPaid,
}

impl Localized for TransitionError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::NotAllowed { status, .. } => {
                let (uk, en) = match status {
                    TicketStatus::Served => ("талон уже обслуговано", "the ticket has been served"),
                    TicketStatus::Cancelled => ("талон скасовано", "the ticket was cancelled"),
                    TicketStatus::Annulled => ("талон анульовано", "the ticket was annulled"),
                    _ => (
                        "для талона в цьому стані ця дія неможлива",
                        "this action is not possible for the ticket now",
                    ),
                };
                pick(
                    lang,
                    format!("Дію не виконано: {uk}."),
                    format!("Not done: {en}."),
                )
            }
            Self::Forbidden => pick(
                lang,
                "Недостатньо прав для цієї дії.".into(),
                "You may not do this.".into(),
            ),
            Self::AlreadyPaid => pick(
                lang,
                "Талон уже оплачено.".into(),
                "The ticket is already paid.".into(),
            ),
        }
    }
}

/// A ticket's state as the life-cycle rule sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Lifecycle {
    /// The current status.
    pub status: TicketStatus,
    /// Whether the fees are paid.
    pub paid: bool,
    /// Every change so far, oldest first.
    pub history: Vec<TicketChange>,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Lifecycle {
            status: TicketStatus::Booked,
            paid: false,
            history: Vec::new(),
        }
    }
}

/// What an officer does at a window (an administrator may do it too).
fn at_window(event: TicketEvent) -> bool {
    use TicketEvent::*;
    matches!(
        event,
        Pay | CheckIn | Call | StartServing | NotHere | PutBack | Transfer | Serve | MarkAbsent
    )
}

fn permitted(event: TicketEvent, actor: &Actor) -> bool {
    use TicketEvent::*;
    match actor {
        Actor::Applicant => matches!(event, Pay | CheckIn | Cancel | Reschedule),
        Actor::Officer(_) => at_window(event),
        Actor::Admin(_) => at_window(event) || matches!(event, Cancel | Expire | Reschedule),
        Actor::System => matches!(event, Pay | Expire | MarkAbsent | Lapse),
    }
}

/// The status after `event`, or `None` when `event` is not allowed from `status`.
pub fn next_status(status: TicketStatus, event: TicketEvent) -> Option<TicketStatus> {
    use TicketEvent as E;
    use TicketStatus as S;
    match (status, event) {
        (S::Booked | S::CheckedIn | S::Called | S::Serving, E::Pay) => Some(status),
        (S::Booked, E::CheckIn) => Some(S::CheckedIn),
        (S::CheckedIn | S::Called, E::Call) => Some(S::Called),
        (S::Called, E::StartServing) => Some(S::Serving),
        (S::Called, E::NotHere) => Some(S::Called),
        (S::Called | S::Serving, E::PutBack) => Some(S::CheckedIn),
        (S::CheckedIn | S::Called | S::Serving, E::Transfer) => Some(S::CheckedIn),
        (S::Called | S::Serving, E::Serve) => Some(S::Served),
        (S::Booked | S::CheckedIn, E::Cancel) => Some(S::Cancelled),
        (S::Called, E::MarkAbsent) => Some(S::Annulled),
        (S::Booked, E::Expire) => Some(S::Annulled),
        (S::Booked, E::Reschedule) => Some(S::Booked),
        (S::Booked | S::CheckedIn | S::Called | S::Serving, E::Lapse) => Some(S::Annulled),
        _ => None,
    }
}

/// The status after `actor` makes `event` happen to a ticket that is `status`
/// (as of today: see [`TicketStatus::as_of`]); the same rule as
/// [`Lifecycle::apply`], for storage, which keeps the history in its own
/// table.
pub fn transition(
    status: TicketStatus,
    event: TicketEvent,
    actor: &Actor,
) -> Result<TicketStatus, TransitionError> {
    if !permitted(event, actor) {
        return Err(TransitionError::Forbidden);
    }
    next_status(status, event).ok_or(TransitionError::NotAllowed { status, event })
}

impl Lifecycle {
    /// Applies `event` by `actor` at `at`, recording it; refuses what the rules
    /// do not allow and leaves the ticket unchanged then.
    pub fn apply(
        &mut self,
        event: TicketEvent,
        actor: Actor,
        at: DateTime<Utc>,
    ) -> Result<TicketChange, TransitionError> {
        let to = transition(self.status, event, &actor)?;
        if event == TicketEvent::Pay {
            if self.paid {
                return Err(TransitionError::AlreadyPaid);
            }
            self.paid = true;
        }
        let from = self.status;
        self.status = to;
        let change = TicketChange {
            event,
            from,
            to,
            actor,
            at,
        };
        self.history.push(change.clone());
        Ok(change)
    }
}
