//! Row types of the booking tables, their mapping to domain types, and the
//! shared SQL.

use super::error::StoreError;
use super::tx::{internal, DbRow};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use domain::slots::Occupancy;

pub(super) const ACTIVE: &str = "('booked', 'checked_in', 'called', 'serving')";

/// How long an expired hold is kept (it can still be confirmed if its place is free).
pub(super) const HOLD_GRACE_SECONDS: i64 = 24 * 3600;

/// A hold to write: a random id and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHold {
    /// Random id.
    pub id: String,
    /// What it holds.
    pub hold: HoldRow,
}

/// A ticket to write (personal data included: it is for the office).
#[derive(Debug, Clone)]
pub struct NewTicket {
    /// Random id.
    pub id: String,
    /// The e-mail's key (hashed), when one was given.
    pub email_key: Option<String>,
    /// The window it takes (the hold's, or another if that one was taken
    /// after the hold expired).
    pub window: String,
    /// The board letter.
    pub board_prefix: char,
    /// Hash of the name key.
    pub person_key: String,
    /// Hash of the tax-number key, when given.
    pub tax_key: Option<String>,
    /// Contact key hash.
    pub contact_key: String,
    /// Tickets of the same person and service whose day is over, with the
    /// status they were left in: their end is written first (`Lapse`).
    pub lapse: Vec<(String, String)>,
    /// Surname.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic.
    pub patronymic: Option<String>,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Tax number.
    pub rnokpp: Option<String>,
    /// Phone (E.164).
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// The answers, as JSON.
    pub answers: String,
    /// SHA-256 of the access token.
    pub token_hash: String,
    /// SHA-256 of the idempotency key.
    pub idempotency_hash: String,
    /// What the confirm asked (hold and person): a retry must ask the same.
    pub request_hash: String,
    /// The token sealed for retries.
    pub token_sealed: String,
    /// The language of the booking (`uk`, `en`).
    pub lang: String,
    /// Unix seconds.
    pub created_at: i64,
}

/// A stored ticket, as the applicant's view needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTicket {
    /// Id.
    pub id: String,
    /// Office.
    pub office: String,
    /// Service.
    pub service: String,
    /// Day.
    pub day: NaiveDate,
    /// Start.
    pub start: NaiveTime,
    /// End.
    pub end: NaiveTime,
    /// Board number.
    pub board_number: String,
    /// Status.
    pub status: String,
    /// Answers JSON.
    pub answers: String,
    /// Sealed token.
    pub token_sealed: String,
    /// Token hash.
    pub token_hash: String,
    /// What the confirm that made it asked (none before this was kept).
    pub request_hash: Option<String>,
    /// When it was made (Unix seconds): its fees are the tariff's of that day.
    pub created_at: i64,
    /// Its personal data was erased (`domain::retention`, or its owner asked).
    pub erased: bool,
    /// The window its time holds (empty for a walk-in's).
    pub window: String,
}

/// What a confirm did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmOutcome {
    /// A new ticket.
    Created(StoredTicket),
    /// A retry of a confirm that already made this ticket.
    Replayed(StoredTicket),
}

/// A hold's place and expiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldRow {
    /// Office.
    pub office: String,
    /// Service.
    pub service: String,
    /// Day.
    pub day: NaiveDate,
    /// Start.
    pub start: NaiveTime,
    /// End.
    pub end: NaiveTime,
    /// Window.
    pub window: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// What identifies a confirm: the hold, the retry key, and the keys the locks
/// and the booking rules use (hashes).
#[derive(Debug, Clone)]
pub struct ConfirmKeys {
    /// The hold's id.
    pub hold_id: String,
    /// SHA-256 of the idempotency key.
    pub idempotency_hash: String,
    /// What this confirm asks (hold and person), hashed.
    pub request_hash: String,
    /// Hash of the name key.
    pub person_key: String,
    /// Hash of the tax-number key, when given.
    pub tax_key: Option<String>,
    /// Contact key hash.
    pub contact_key: String,
}

/// A ticket moved to another place (a reschedule), as decided under the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// The ticket as it is now.
    pub ticket: StoredTicket,
    /// Where it was (office, day).
    pub from: (String, NaiveDate),
}

/// A ticket stored as active sharing a key or the contact (its day may be
/// over: the policy decides what counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveRow {
    /// Id.
    pub id: String,
    /// Hash of the name key.
    pub person_key: String,
    /// Hash of the tax-number key.
    pub tax_key: Option<String>,
    /// Service.
    pub service: String,
    /// Contact key hash.
    pub contact_key: String,
    /// The visit's day.
    pub day: NaiveDate,
    /// The stored status.
    pub status: String,
}

// Dates and times are stored as `YYYY-MM-DD` and `HH:MM` text (they sort and
// compare as text in both databases). Written and read without a format string:
// chrono's strftime parses its format at every call, on every row.

pub(super) fn day_text(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub(super) fn time_text(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The numbers of `s` split at `sep`, each all ASCII digits.
fn numbers<const N: usize>(s: &str, sep: char) -> Option<[u32; N]> {
    let mut out = [0; N];
    let mut parts = s.split(sep);
    for n in &mut out {
        let p = parts.next()?;
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *n = p.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}

pub(super) fn parse_day(s: &str) -> Result<NaiveDate, StoreError> {
    numbers::<3>(s, '-')
        .and_then(|[y, m, d]| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
        .ok_or_else(|| internal(format!("stored day {s:?} is not YYYY-MM-DD")))
}

pub(super) fn parse_time(s: &str) -> Result<NaiveTime, StoreError> {
    numbers::<2>(s, ':')
        .and_then(|[h, m]| NaiveTime::from_hms_opt(h, m, 0))
        .ok_or_else(|| internal(format!("stored time {s:?} is not HH:MM")))
}

/// A row of `day, window_id, service_id, start_time, end_time`.
pub(super) fn occupancy_row(row: &DbRow) -> Result<(NaiveDate, Occupancy), StoreError> {
    Ok((
        parse_day(&row.text(0)?)?,
        Occupancy {
            window: row.text(1)?,
            service: row.text(2)?,
            start: parse_time(&row.text(3)?)?,
            end: parse_time(&row.text(4)?)?,
        },
    ))
}

/// A row of [`TICKET_COLUMNS`].
pub(super) fn ticket_row(row: &DbRow) -> Result<StoredTicket, StoreError> {
    Ok(StoredTicket {
        id: row.text(0)?,
        office: row.text(1)?,
        service: row.text(2)?,
        day: parse_day(&row.text(3)?)?,
        start: parse_time(&row.text(4)?)?,
        end: parse_time(&row.text(5)?)?,
        board_number: row.text(6)?,
        status: row.text(7)?,
        answers: row.text(8)?,
        token_sealed: row.text(9)?,
        token_hash: row.text(10)?,
        request_hash: row.maybe_text(11)?,
        created_at: row.int(12)?,
        erased: row.maybe_int(13)?.is_some(),
        window: row.maybe_text(14)?.unwrap_or_default(),
    })
}

pub(super) const TICKET_COLUMNS: &str =
    "id, office_id, service_id, day, start_time, end_time, board_number, status, answers, token_sealed, token_hash, request_hash, created_at, erased_at, window_id";

pub(super) const OCCUPANCY_SQL: &str = "SELECT day, window_id, service_id, start_time, end_time, CAST(NULL AS BIGINT) AS expires_at
       FROM tickets WHERE office_id = $1 AND day >= $2 AND day <= $3 AND status IN ('booked', 'checked_in', 'called', 'serving')
     UNION ALL
     SELECT day, window_id, service_id, start_time, end_time, expires_at
       FROM holds WHERE office_id = $1 AND day >= $2 AND day <= $3";

/// A place taken on a day: by a ticket (`expires_at` none) or by a hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    /// The day.
    pub day: NaiveDate,
    /// What it takes.
    pub occupancy: Occupancy,
    /// A hold's expiry (Unix seconds); none for a ticket.
    pub expires_at: Option<i64>,
}

impl Taken {
    /// True while it takes its place at the instant `now`.
    pub fn live(&self, now: i64) -> bool {
        self.expires_at.is_none_or(|e| e > now)
    }
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
