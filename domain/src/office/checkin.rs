//! Check-in on arrival: when a booked applicant may check in, what a late
//! arrival gets, and the short code typed at the kiosk.

use super::OfficeError;
use chrono::{DateTime, Duration, Utc};

/// What the office does with an applicant who comes after the check-in
/// window has closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LatePolicy {
    /// Refused: the booking is lost (the seed's «не допускає запізнення»).
    Refuse,
    /// Checked in as a walk-in: waits in the walk-in queue from now.
    WalkIn,
}

/// The office's check-in window around a booked time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckInRule {
    /// Minutes before the booked start from which check-in is open.
    pub early_minutes: u32,
    /// Minutes after the booked start until which check-in is open.
    pub late_minutes: u32,
    /// What a later arrival gets.
    pub late: LatePolicy,
}

impl Default for CheckInRule {
    fn default() -> Self {
        CheckInRule {
            early_minutes: 30,
            late_minutes: 10,
            late: LatePolicy::Refuse,
        }
    }
}

/// How a check-in is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// In the window: waits as an appointment.
    OnTime,
    /// Late, and the office moves late arrivals to the walk-in queue.
    LateAsWalkIn,
}

impl CheckInRule {
    /// When check-in opens for a time that starts at `starts`.
    pub fn opens(self, starts: DateTime<Utc>) -> DateTime<Utc> {
        starts - Duration::minutes(i64::from(self.early_minutes))
    }

    /// When it closes (the last instant it is open).
    pub fn closes(self, starts: DateTime<Utc>) -> DateTime<Utc> {
        starts + Duration::minutes(i64::from(self.late_minutes))
    }

    /// At `now`, may the applicant booked for `starts` check in, and how?
    pub fn check_in(
        self,
        starts: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Arrival, OfficeError> {
        let opens = self.opens(starts);
        let closes = self.closes(starts);
        if now < opens {
            Err(OfficeError::TooEarly { opens })
        } else if now <= closes {
            Ok(Arrival::OnTime)
        } else if self.late == LatePolicy::WalkIn
            && crate::slots::kyiv_today(now) == crate::slots::kyiv_today(starts)
        {
            Ok(Arrival::LateAsWalkIn)
        } else {
            Err(OfficeError::TooLate { closed: closes })
        }
    }
}

/// The code printed on a ticket and typed at the kiosk with the ticket's
/// number: six digits. Short enough to type on a touch screen; guessing is
/// stopped by the attempts allowed per ticket ([`CheckInCode::MAX_FAILURES`],
/// then only staff check the ticket in) and per kiosk (a rate limit): five
/// guesses find a given ticket's code with a chance of 1 in 200 000.
#[derive(Clone, PartialEq, Eq)]
pub struct CheckInCode(String);

impl std::fmt::Debug for CheckInCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CheckInCode(…)")
    }
}

impl CheckInCode {
    /// Digits in a code.
    pub const DIGITS: usize = 6;
    /// Wrong codes typed for one ticket before the kiosk stops taking codes
    /// for it.
    pub const MAX_FAILURES: u32 = 5;

    /// A code from random bytes (a CSPRNG's, which the caller supplies).
    pub fn from_random(bytes: [u8; 8]) -> Self {
        // 2^64 is not a multiple of 10^6; the bias is below 1 in 10^13.
        CheckInCode(format!("{:06}", u64::from_le_bytes(bytes) % 1_000_000))
    }

    /// A code as typed: its six digits, with any spaces or dashes between.
    pub fn parse(typed: &str) -> Result<Self, OfficeError> {
        let digits: String = typed
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
            .collect();
        if digits.len() == Self::DIGITS && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(CheckInCode(digits))
        } else {
            Err(OfficeError::BadCode)
        }
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether another wrong code may still be tried for a ticket that has
    /// had `failures` already.
    pub fn may_try(failures: u32) -> Result<(), OfficeError> {
        if failures < Self::MAX_FAILURES {
            Ok(())
        } else {
            Err(OfficeError::CodeLocked)
        }
    }
}
