//! The order in which a window calls the tickets waiting at its office.
//!
//! The rule, in the order of the classes (a ticket of a lower class is
//! called first; within a class, by its key, then by its number):
//!
//! 1. **priority** tickets (people with a right to be served first), by the
//!    key of their kind;
//! 2. **appointments whose time is near**: the booked start is at most
//!    [`QueueRule::lead_minutes`] away (or past), by the booked start;
//! 3. **walk-ins** and tickets **put back** into the queue, by the time they
//!    joined it (a ticket put back or transferred joins at that moment, so it
//!    neither loses its turn for ever nor jumps the people who waited);
//! 4. **appointments that came early**, by the booked start: called before
//!    their time only when nobody else waits, so a window is never idle.
//!
//! So an appointment is called once its time is near, walk-ins fill the gaps
//! between appointments, and priority comes first (as ZMS and Qmatic's fair
//! queuing do). A window sees only the tickets of the services it serves, and
//! a ticket transferred to a named window only at that window.

use crate::catalog::{ServiceId, Window};
use crate::ticket::TicketNumber;
use chrono::{DateTime, Duration, Utc};
use std::cmp::Ordering;

/// How a ticket came to the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Booked for a time that starts at `starts`.
    Appointment {
        /// The booked start.
        starts: DateTime<Utc>,
    },
    /// Taken at the office without a booking (or late and moved there).
    WalkIn,
}

/// A ticket waiting at the office (checked in, not called).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting<T> {
    /// The caller's own handle (an id, a row).
    pub item: T,
    /// Its number on the board (the last tie-break).
    pub number: TicketNumber,
    /// The service it is for.
    pub service: ServiceId,
    /// Booked or walk-in.
    pub kind: Kind,
    /// Served first (a right to priority, set by staff).
    pub priority: bool,
    /// When it joined the queue: checked in, issued at the kiosk, or put back
    /// or transferred (the latest of these).
    pub joined: DateTime<Utc>,
    /// Put back or transferred: it waits as a walk-in from `joined`.
    pub requeued: bool,
    /// Transferred to this window only.
    pub window: Option<String>,
}

/// The queue's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueRule {
    /// How many minutes before its start an appointment goes ahead of
    /// walk-ins.
    pub lead_minutes: u32,
}

impl Default for QueueRule {
    fn default() -> Self {
        QueueRule { lead_minutes: 5 }
    }
}

impl<T> Waiting<T> {
    /// Whether `window` may call it: a service the window serves, and the
    /// window it was transferred to, if any.
    pub fn callable_at(&self, window: &Window) -> bool {
        window.services.contains(&self.service)
            && self.window.as_ref().is_none_or(|w| *w == window.id)
    }

    /// Its class (see the module's rule) and its key within the class.
    fn place(&self, now: DateTime<Utc>, rule: QueueRule) -> (u8, DateTime<Utc>) {
        let natural = match self.kind {
            Kind::Appointment { starts } if !self.requeued => starts,
            _ => self.joined,
        };
        if self.priority {
            return (0, natural);
        }
        match self.kind {
            Kind::Appointment { starts } if !self.requeued => {
                let near = starts - Duration::minutes(i64::from(rule.lead_minutes)) <= now;
                (if near { 1 } else { 3 }, starts)
            }
            _ => (2, self.joined),
        }
    }
}

/// The order of two waiting tickets at `now` (a total order: the numbers
/// break every tie).
pub fn compare<T>(a: &Waiting<T>, b: &Waiting<T>, now: DateTime<Utc>, rule: QueueRule) -> Ordering {
    a.place(now, rule)
        .cmp(&b.place(now, rule))
        .then_with(|| a.number.seq.cmp(&b.number.seq))
        .then_with(|| a.number.prefix.cmp(&b.number.prefix))
}

/// The queue of `window` at `now`: the tickets it may call, first to be
/// called first.
pub fn for_window<'a, T>(
    waiting: &'a [Waiting<T>],
    window: &Window,
    now: DateTime<Utc>,
    rule: QueueRule,
) -> Vec<&'a Waiting<T>> {
    let mut mine: Vec<&Waiting<T>> = waiting.iter().filter(|w| w.callable_at(window)).collect();
    mine.sort_by(|a, b| compare(a, b, now, rule));
    mine
}

/// The ticket `window` calls next at `now`, if any waits for it.
pub fn next<'a, T>(
    waiting: &'a [Waiting<T>],
    window: &Window,
    now: DateTime<Utc>,
    rule: QueueRule,
) -> Option<&'a Waiting<T>> {
    waiting
        .iter()
        .filter(|w| w.callable_at(window))
        .min_by(|a, b| compare(a, b, now, rule))
}

/// How many people are called before `waiting[index]`: its place in the
/// queue of the window (among those open that may call it) where it is
/// nearest the front; `None` when no open window may call it.
pub fn ahead_of<T>(
    waiting: &[Waiting<T>],
    index: usize,
    open: &[Window],
    now: DateTime<Utc>,
    rule: QueueRule,
) -> Option<u32> {
    let me = waiting.get(index)?;
    open.iter()
        .filter(|w| me.callable_at(w))
        .map(|w| {
            let before = waiting
                .iter()
                .enumerate()
                .filter(|(i, o)| {
                    *i != index && o.callable_at(w) && compare(o, me, now, rule) == Ordering::Less
                })
                .count();
            u32::try_from(before).unwrap_or(u32::MAX)
        })
        .min()
}
