//! The booking's two decisions, made under the storage's lock of the
//! office-day on the picture it reads there: which window a hold takes, and
//! whether a hold becomes a ticket. The server calls them inside its
//! transaction; they are pure, so they are tested without a database.

use super::{ActiveTicket, Applicant, BookingError, BookingPolicy};
use crate::slots::{availability, Occupancy, Slot};
use chrono::NaiveDate;

/// Why a place is not given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No place is free at that time (somebody took the last one first).
    Taken,
    /// The hold ran out and its place was taken meanwhile.
    HoldExpired,
    /// The booking policy refuses (already booked, the contact's limit).
    Policy(BookingError),
}

impl From<BookingError> for Refusal {
    fn from(e: BookingError) -> Self {
        Refusal::Policy(e)
    }
}

/// The window a new hold of `slot` for `service` takes: the first one free for
/// the whole visit, while the slot has online places left; `Taken` otherwise.
pub fn hold_window(slot: &Slot, service: &str, taken: &[Occupancy]) -> Result<String, Refusal> {
    free_window(slot, service, taken, None).ok_or(Refusal::Taken)
}

/// What a confirm of a hold needs to know about it.
#[derive(Debug, Clone, Copy)]
pub struct HeldPlace<'a> {
    /// The held time, as the catalog gives it today (`None`: the office or
    /// the service no longer offers it).
    pub slot: Option<&'a Slot>,
    /// The window the hold took.
    pub window: &'a str,
    /// Whether the hold has run out (it can still be confirmed while its
    /// place is free).
    pub expired: bool,
}

/// Whether the hold `held` of `service` becomes a ticket, given what else is
/// taken during its visit and the active tickets that share one of the
/// applicant's keys or contact (those of days over count for nothing); `Ok` names the window the ticket takes: the hold's
/// own while it is free, else another free one (a hold that expired may have
/// lost its window but not its time). The place is decided first: a time
/// that is gone says so, whatever the policy would say.
pub fn confirm_window<'a>(
    held: HeldPlace<'_>,
    service: &str,
    taken: &[Occupancy],
    policy: &BookingPolicy,
    applicant: Applicant<'_>,
    today: NaiveDate,
    active: impl IntoIterator<Item = ActiveTicket<'a>>,
) -> Result<String, Refusal> {
    let window = moved_window(held, service, taken)?;
    policy.check(applicant, service, today, active)?;
    Ok(window)
}

/// The window a ticket of `service` moved to the held place `held` takes (a
/// reschedule: the person and the contact stay, so only the place is
/// decided), as for a confirm: the hold's own window while it is free, else
/// another free one.
pub fn moved_window(
    held: HeldPlace<'_>,
    service: &str,
    taken: &[Occupancy],
) -> Result<String, Refusal> {
    held.slot
        .and_then(|slot| free_window(slot, service, taken, Some(held.window)))
        .ok_or(if held.expired {
            Refusal::HoldExpired
        } else {
            Refusal::Taken
        })
}

/// Which of `active` (by index) are `who`'s tickets for `service` whose day is
/// over at `today` but whose final status nobody wrote yet. They no longer
/// count, yet the database's one-per-person index still sees them active, so
/// storage writes their end (`TicketEvent::Lapse`) before the new ticket.
pub fn lapsed(
    who: &Applicant<'_>,
    service: &str,
    today: NaiveDate,
    active: &[ActiveTicket<'_>],
) -> Vec<usize> {
    active
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_over(today) && t.is_of(who, service))
        .map(|(i, _)| i)
        .collect()
}

/// A window free for the whole visit of `slot` while the slot has online
/// places left: `preferred` if it is one of them, else the first.
fn free_window(
    slot: &Slot,
    service: &str,
    taken: &[Occupancy],
    preferred: Option<&str>,
) -> Option<String> {
    let free = availability(std::slice::from_ref(slot), service, taken);
    let free = free.first().filter(|f| f.free > 0)?;
    free.free_windows
        .iter()
        .find(|w| Some(w.as_str()) == preferred)
        .or(free.free_windows.first())
        .cloned()
}
