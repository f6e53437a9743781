//! The statements the booking writes share: what overlaps a visit, the active
//! tickets of a person or contact, a ticket by its idempotency key, and the
//! typed refusal of a unique index.

use super::error::StoreError;
use super::rows::*;
use super::tx::{args, internal, DbError, Tx};
use chrono::{NaiveDate, NaiveTime};
use domain::slots::Occupancy;
use std::sync::LazyLock;

/// What overlaps one visit `[$4, $3)` on day `$2` (all a hold or confirm needs:
/// the rows of other times cannot change its decision).
static VISIT_OCCUPANCY_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT day, window_id, service_id, start_time, end_time FROM tickets
           WHERE office_id = $1 AND day = $2 AND start_time < $3 AND end_time > $4 AND status IN {ACTIVE}
         UNION ALL
         SELECT day, window_id, service_id, start_time, end_time FROM holds
           WHERE office_id = $1 AND day = $2 AND start_time < $3 AND end_time > $4 AND expires_at > $5"
    )
});

/// The active tickets of person `$1` or of contact `$2`: two indexed searches
/// (an OR of the two keys scans the table).
pub(super) static ACTIVE_OF_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT id, person_key, service_id, contact_key FROM tickets
           WHERE status IN {ACTIVE} AND person_key = $1
         UNION
         SELECT id, person_key, service_id, contact_key FROM tickets
           WHERE status IN {ACTIVE} AND contact_key = $2"
    )
});

pub(super) async fn find_by_idempotency(
    tx: &mut dyn Tx,
    hash: &str,
) -> Result<Option<StoredTicket>, StoreError> {
    let sql = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE idempotency_hash = $1");
    let rows = tx.rows(&sql, args![hash]).await.map_err(internal)?;
    rows.first().map(ticket_row).transpose()
}

/// What is taken during `visit` on `day` at `office` at the instant `now`.
pub(super) async fn visit_occupancy(
    tx: &mut dyn Tx,
    office: &str,
    day: NaiveDate,
    visit: (NaiveTime, NaiveTime),
    now: i64,
) -> Result<Vec<Occupancy>, StoreError> {
    let rows = tx
        .rows(
            &VISIT_OCCUPANCY_SQL,
            args![
                office,
                day_text(day),
                time_text(visit.1),
                time_text(visit.0),
                now
            ],
        )
        .await
        .map_err(internal)?;
    rows.iter()
        .map(|r| occupancy_row(r).map(|(_, o)| o))
        .collect()
}

/// The typed refusal for a unique index that refused a ticket, or an
/// internal error. Each index goes by its name (PostgreSQL's message) and its
/// columns (SQLite's).
pub(super) fn ticket_refused(e: DbError) -> StoreError {
    if e.is_unique_on(&["tickets_one_active_per_person", "tickets.person_key"]) {
        StoreError::Booking(domain::booking::BookingError::AlreadyBooked)
    } else if e.is_unique_on(&["tickets_one_per_window", "tickets.window_id"]) {
        StoreError::Taken
    } else if e.is_unique_on(&["idempotency_hash"]) {
        StoreError::KeyReused
    } else {
        internal(e)
    }
}
