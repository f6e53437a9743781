//! Calls at a window: how often a ticket may be called again, and when an
//! applicant who does not come is annulled.
//!
//! The seed's rule: «Система електронної черги не допускає запізнення! У
//! випадку Вашої відсутності у приміщенні підрозділу ДМС у момент виклику,
//! Ваш запис до електронної черги буде анульовано системою.» The office gives
//! the applicant a grace time after the **last** call (2 minutes by default,
//! as DMS offices do today): an officer who says "not here" is free for the
//! next ticket at once, and the ticket is annulled when the grace time ends
//! unless the applicant comes to the window first. A recall starts the grace
//! time again.

use super::OfficeError;
use chrono::{DateTime, Duration, Utc};

/// The office's rule for calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallRule {
    /// Seconds after the last call before an absent applicant is annulled.
    pub grace_seconds: u32,
    /// How many times a ticket may be called in all (the first call and the
    /// recalls).
    pub max_calls: u8,
}

impl Default for CallRule {
    fn default() -> Self {
        CallRule {
            grace_seconds: 120,
            max_calls: 3,
        }
    }
}

/// What happens to a called ticket whose applicant is not at the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absence {
    /// Still within the grace time: annulled at `at` unless the applicant
    /// comes.
    Pending {
        /// When it will be annulled.
        at: DateTime<Utc>,
        /// Whole seconds left (the console's countdown), at least 1.
        seconds_left: u32,
    },
    /// The grace time is over: annul now.
    Annul,
}

impl CallRule {
    /// The instant a ticket last called at `last_call` is annulled if its
    /// applicant does not come.
    pub fn annul_at(self, last_call: DateTime<Utc>) -> DateTime<Utc> {
        last_call + Duration::seconds(i64::from(self.grace_seconds))
    }

    /// At `now`, what becomes of a ticket last called at `last_call` whose
    /// applicant is not here.
    pub fn absence(self, last_call: DateTime<Utc>, now: DateTime<Utc>) -> Absence {
        let at = self.annul_at(last_call);
        if now >= at {
            return Absence::Annul;
        }
        let ms = (at - now).num_milliseconds();
        let seconds_left = u32::try_from((ms + 999) / 1000).unwrap_or(u32::MAX).max(1);
        Absence::Pending { at, seconds_left }
    }

    /// Whether a ticket already called `calls` times may be called again.
    pub fn may_call(self, calls: u8) -> Result<(), OfficeError> {
        if calls < self.max_calls {
            Ok(())
        } else {
            Err(OfficeError::TooManyCalls {
                max: self.max_calls,
            })
        }
    }
}
