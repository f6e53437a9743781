//! Tickets: the short number on the office board, the secret access token,
//! the statuses, the reminder's rule, and the life cycle with its allowed
//! transitions (`life`).

mod life;

pub use life::*;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The number shown on the office board: the service's letter and a sequence
/// number per office and day (`P-017`). Not a secret and not unique over days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketNumber {
    /// The service's board letter.
    pub prefix: char,
    /// The sequence number of the day at the office, from 1.
    pub seq: u16,
}

impl fmt::Display for TicketNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:03}", self.prefix, self.seq)
    }
}

/// Latin board letters and the Cyrillic letters that look the same: a number
/// typed on a Ukrainian keyboard reads as the board's, and a Ukrainian voice
/// says the letter the applicant sees.
const LOOK_ALIKE: [(char, char); 11] = [
    ('A', 'А'),
    ('B', 'В'),
    ('E', 'Е'),
    ('K', 'К'),
    ('M', 'М'),
    ('H', 'Н'),
    ('O', 'О'),
    ('P', 'Р'),
    ('C', 'С'),
    ('T', 'Т'),
    ('X', 'Х'),
];

impl TicketNumber {
    /// A number as typed at a kiosk: `P-017`, `p17`, `Р 17` (a Cyrillic
    /// letter that looks Latin is read as the Latin one); `None` for anything
    /// that cannot be a number.
    pub fn read(typed: &str) -> Option<TicketNumber> {
        let mut chars = typed.trim().chars();
        let first = chars.next()?.to_uppercase().next()?;
        let prefix = LOOK_ALIKE
            .iter()
            .find(|(_, cyrillic)| *cyrillic == first)
            .map_or(first, |(latin, _)| *latin);
        let digits: String = chars.filter(|c| !matches!(c, '-' | ' ')).collect();
        let seq = digits.parse::<u16>().ok().filter(|n| *n > 0)?;
        (prefix.is_ascii_uppercase() && digits.len() <= 4).then_some(TicketNumber { prefix, seq })
    }

    /// The number as a Ukrainian voice should say it on the board: the letter
    /// in Cyrillic where one looks the same, and the sequence without its
    /// leading zeros (`Р 17`).
    pub fn spoken(&self) -> String {
        let letter = LOOK_ALIKE
            .iter()
            .find(|(latin, _)| *latin == self.prefix)
            .map_or(self.prefix, |(_, cyrillic)| *cyrillic);
        format!("{letter} {}", self.seq)
    }
}

/// The secret that opens a ticket (in "My tickets" or by its link). 256 bits from
/// a CSPRNG that the caller supplies, so this crate stays pure; shown once, stored
/// only as a hash.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(…)")
    }
}

impl AccessToken {
    /// Bytes of entropy in a token.
    pub const BYTES: usize = 32;

    /// Encodes random bytes (from a CSPRNG) as a URL-safe token of 64 hex digits.
    pub fn from_random(bytes: [u8; Self::BYTES]) -> Self {
        AccessToken(to_hex(&bytes))
    }

    /// Accepts a token string that has the right form (it may still be unknown).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        (s.len() == Self::BYTES * 2 && s.bytes().all(|b| HEX.contains(&b)))
            .then(|| AccessToken(s.to_string()))
    }

    /// The token text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether `s` has the form of a record's id (a ticket's, a hold's, a
/// sign-in attempt's): 32 lowercase hex digits. Text of another form names
/// nothing and is never looked up (PostgreSQL refuses a NUL in text, so a
/// lookup of one would fail instead of finding nothing).
pub fn is_record_id(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| HEX.contains(&b))
}

/// `bytes` as lowercase hex digits, two per byte (tokens, random ids, hashes).
pub fn to_hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    s
}

/// Where a ticket is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    /// Booked, waiting for the day.
    Booked,
    /// The applicant has arrived and checked in at the office.
    CheckedIn,
    /// An officer has called the ticket to a window.
    Called,
    /// The applicant has come to the window and is being served.
    Serving,
    /// Served (final).
    Served,
    /// Cancelled by the applicant (final).
    Cancelled,
    /// Annulled: absent when called, or not checked in by the time (final).
    Annulled,
}

impl TicketStatus {
    /// True while the ticket still holds its place (counts against capacity and
    /// the one-per-person rule).
    pub fn is_active(self) -> bool {
        matches!(
            self,
            Self::Booked | Self::CheckedIn | Self::Called | Self::Serving
        )
    }

    /// The status of a ticket stored as `self` for a visit on `day`, seen on
    /// `today` (Kyiv): from the day after the visit, a ticket still active
    /// is over, as if its end were written (`annulled`: never served). So a
    /// ticket ends at read time; a periodic job may write the same status
    /// later (`TicketEvent::Lapse`).
    pub fn as_of(self, day: NaiveDate, today: NaiveDate) -> TicketStatus {
        if self.is_active() && day < today {
            Self::Annulled
        } else {
            self
        }
    }

    /// The status as it is stored (`booked`, `checked_in`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Booked => "booked",
            Self::CheckedIn => "checked_in",
            Self::Called => "called",
            Self::Serving => "serving",
            Self::Served => "served",
            Self::Cancelled => "cancelled",
            Self::Annulled => "annulled",
        }
    }

    /// The status stored as `s`.
    pub fn parse(s: &str) -> Option<TicketStatus> {
        [
            Self::Booked,
            Self::CheckedIn,
            Self::Called,
            Self::Serving,
            Self::Served,
            Self::Cancelled,
            Self::Annulled,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }
}

/// When the reminder of a visit goes: the day before, from a Kyiv hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderRule {
    /// The hour (0–23, Kyiv) from which tomorrow's visits are reminded.
    pub hour: u32,
}

impl ReminderRule {
    /// At `now`, the day whose visits are reminded and the instant the
    /// reminders began (a ticket booked after it has just had its
    /// confirmation and gets no reminder); none before the hour.
    pub fn due(self, now: DateTime<Utc>) -> Option<(NaiveDate, DateTime<Utc>)> {
        let today = crate::slots::kyiv_today(now);
        let from =
            crate::slots::kyiv_instant(today, chrono::NaiveTime::from_hms_opt(self.hour, 0, 0)?)?;
        (now >= from).then_some((today.succ_opt()?, from))
    }
}
