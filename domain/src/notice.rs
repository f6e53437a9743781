//! What the applicant is told, and when: the messages of a ticket's life,
//! whether one is still true when its turn comes, and how a message that
//! failed is tried again.

use crate::ticket::TicketStatus;
use chrono::NaiveDate;

/// What a message tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    /// The ticket was booked.
    Booked,
    /// The ticket was moved to another time.
    Moved,
    /// The ticket was cancelled.
    Cancelled,
    /// The visit is tomorrow.
    Reminder,
    /// The office changed its hours or closed that day: the ticket's time
    /// can no longer be served, and its applicant should choose another.
    Disrupted,
}

impl MessageKind {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Booked => "booked",
            MessageKind::Moved => "moved",
            MessageKind::Cancelled => "cancelled",
            MessageKind::Reminder => "reminder",
            MessageKind::Disrupted => "disrupted",
        }
    }

    /// From its stored form.
    pub fn parse(s: &str) -> Option<MessageKind> {
        [
            MessageKind::Booked,
            MessageKind::Moved,
            MessageKind::Cancelled,
            MessageKind::Reminder,
            MessageKind::Disrupted,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

impl MessageKind {
    /// Whether the message is still true when its turn comes, for a ticket
    /// `status` (as of `today`) visiting on `day`: a confirmation or a move
    /// only while the ticket is booked, a reminder only for a booked visit
    /// tomorrow; a cancel always; a disruption only while booked.
    pub fn still_true(self, status: TicketStatus, day: NaiveDate, today: NaiveDate) -> bool {
        match self {
            MessageKind::Cancelled => true,
            MessageKind::Booked | MessageKind::Moved | MessageKind::Disrupted => {
                status == TicketStatus::Booked
            }
            MessageKind::Reminder => {
                status == TicketStatus::Booked && today.succ_opt() == Some(day)
            }
        }
    }
}

/// How a message that failed for a passing reason is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryRule {
    /// Tries in all before it is given up.
    pub max_attempts: i64,
    /// Seconds before the second try; each later wait doubles.
    pub first_wait: i64,
    /// The longest wait, in seconds.
    pub max_wait: i64,
}

impl Default for RetryRule {
    fn default() -> Self {
        RetryRule {
            max_attempts: 8,
            first_wait: 30,
            max_wait: 3600,
        }
    }
}

impl RetryRule {
    /// After `attempts` tries (this one included) failed, the seconds to
    /// wait before the next, or none when it is given up.
    pub fn next_wait(self, attempts: i64) -> Option<i64> {
        if attempts >= self.max_attempts {
            return None;
        }
        let doublings = u32::try_from((attempts - 1).clamp(0, 20)).unwrap_or(20);
        Some(
            self.first_wait
                .saturating_mul(1_i64 << doublings)
                .min(self.max_wait),
        )
    }
}
