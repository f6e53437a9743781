//! The statements the booking writes share: what overlaps a visit, the active
//! tickets of a person or contact, a ticket by its idempotency key, the
//! ticket's row, the end of a lapsed ticket, and the typed refusal of a
//! unique index.

use super::error::StoreError;
use super::rows::*;
use super::tx::{args, internal, DbError, DbRow, Tx};
use chrono::{NaiveDate, NaiveTime};
use domain::slots::Occupancy;
use domain::ticket::TicketNumber;
use std::sync::LazyLock;

/// What overlaps one visit `[$4, $3)` on day `$2` (all a hold or confirm needs:
/// the rows of other times cannot change its decision).
static VISIT_OCCUPANCY_SQL: LazyLock<String> = LazyLock::new(|| visit_occupancy_sql(1, "", ""));

/// What overlaps one visit: at office `$first`, on day `$first+1`, during
/// `[$first+3, $first+2)`, the active tickets and the holds live at
/// `$first+4`; `tickets_also` and `holds_also` narrow either further (an
/// `AND …` or nothing).
pub(super) fn visit_occupancy_sql(first: usize, tickets_also: &str, holds_also: &str) -> String {
    let on = [0, 1, 2, 3, 4].map(|i| format!("${}", first + i));
    visit_occupancy_on(on.each_ref().map(String::as_str), tickets_also, holds_also)
}

/// [`visit_occupancy_sql`] of the values `[office, day, end, start, now]`
/// (parameters, or columns of a query around it).
pub(super) fn visit_occupancy_on(on: [&str; 5], tickets_also: &str, holds_also: &str) -> String {
    let [office, day, end, start, now] = on;
    let during = format!(
        "office_id = {office} AND day = {day} AND start_time < {end} AND end_time > {start}"
    );
    format!(
        "SELECT day, window_id, service_id, start_time, end_time FROM tickets
           WHERE {during} AND status IN {ACTIVE} {tickets_also}
         UNION ALL
         SELECT day, window_id, service_id, start_time, end_time FROM holds
           WHERE {during} AND expires_at > {now} {holds_also}"
    )
}

/// The tickets stored as active of name key `$1`, tax key `$2` (NULL: none) or
/// contact `$3`: three indexed searches (an OR of the keys scans the table).
/// Their days may be over; the policy decides what still counts.
pub(super) static ACTIVE_OF_SQL: LazyLock<String> = LazyLock::new(|| active_of_sql(1));

/// [`ACTIVE_OF_SQL`] with its keys from `$first` on.
pub(super) fn active_of_sql(first: usize) -> String {
    let on = [0, 1, 2].map(|i| format!("${}", first + i));
    active_of_on(on.each_ref().map(String::as_str))
}

/// [`active_of_sql`] of the values `[name key, tax key, contact key]`
/// (parameters, or columns of a query around it).
pub(super) fn active_of_on(on: [&str; 3]) -> String {
    let of = |key: &str, value: &str| {
        format!(
            "SELECT id, person_key, tax_key, service_id, contact_key, day, status FROM tickets
               WHERE status IN {ACTIVE} AND {key} = {value}"
        )
    };
    format!(
        "{} UNION {} UNION {}",
        of("person_key", on[0]),
        of("tax_key", on[1]),
        of("contact_key", on[2])
    )
}

/// A row of [`ACTIVE_OF_SQL`].
pub(super) fn active_row(r: &DbRow) -> Result<ActiveRow, StoreError> {
    Ok(ActiveRow {
        id: r.text(0)?,
        person_key: r.text(1)?,
        tax_key: r.maybe_text(2)?,
        service: r.text(3)?,
        contact_key: r.text(4)?,
        day: parse_day(&r.text(5)?)?,
        status: r.text(6)?,
    })
}

/// Appends to the history of ticket `id` the change `event` from `from` to
/// `to` by `actor` at `now`, on this node (the next number in its
/// history); answers that number.
pub(super) async fn record_event(
    tx: &mut dyn Tx,
    id: &str,
    change: (&str, &str, &str),
    actor: &str,
    now: i64,
) -> Result<i64, StoreError> {
    let (event, from, to) = change;
    tx.rows(
        "INSERT INTO ticket_events (ticket_id, seq, event, from_status, to_status, actor, at, node)
         SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6, $7 FROM ticket_events WHERE ticket_id = $1
         RETURNING seq",
        args![id, event, from, to, actor, now, super::node()],
    )
    .await
    .map_err(internal)?
    .first()
    .ok_or_else(|| internal("the history answered no row"))?
    .int(0)
}

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
    if e.is_unique_on(&[
        "tickets_one_active_per_person",
        "tickets.person_key",
        "tickets_one_active_per_tax",
        "tickets.tax_key",
    ]) {
        StoreError::Booking(domain::booking::BookingError::AlreadyBooked)
    } else if e.is_unique_on(&["tickets_one_per_window", "tickets.window_id"]) {
        StoreError::Taken
    } else if e.is_unique_on(&["idempotency_hash"]) {
        StoreError::KeyReused
    } else {
        internal(e)
    }
}

/// The next board number of `office` on `day` (the counter and its text).
pub(super) async fn next_number(
    tx: &mut dyn Tx,
    office: &str,
    day: NaiveDate,
    prefix: char,
) -> Result<(String, i64), StoreError> {
    let counted = tx
        .rows(
            "INSERT INTO day_counters (office_id, day, seq) VALUES ($1, $2, 1)
             ON CONFLICT (office_id, day) DO UPDATE SET seq = day_counters.seq + 1 RETURNING seq",
            args![office, day_text(day)],
        )
        .await
        .map_err(internal)?;
    let seq = counted
        .first()
        .ok_or_else(|| internal("the day counter answered no row"))?
        .int(0)?;
    Ok((board_number(prefix, seq), seq))
}

/// The board number of counter `seq` for a service of `prefix`.
pub(super) fn board_number(prefix: char, seq: i64) -> String {
    TicketNumber {
        prefix,
        seq: u16::try_from(seq).unwrap_or(u16::MAX),
    }
    .to_string()
}

impl super::Store {
    /// Runs one statement as a write of its own under `lock`; answers how
    /// many rows it changed.
    pub(super) async fn write_one(
        &self,
        lock: String,
        sql: &'static str,
        args: Vec<super::tx::Arg>,
    ) -> Result<u64, StoreError> {
        self.write(&[&lock], move |tx| {
            Box::pin(async move { tx.exec(sql, args).await.map_err(internal) })
        })
        .await
    }
}

/// Writes the end of ticket `id`, left `from` on a day that is over
/// (`TicketEvent::Lapse`, by the system).
pub(super) async fn end_lapsed(
    tx: &mut dyn Tx,
    id: &str,
    from: &str,
    now: i64,
) -> Result<(), StoreError> {
    use domain::ticket::{transition, Actor, TicketEvent, TicketStatus};
    let status = TicketStatus::parse(from)
        .ok_or_else(|| internal(format!("stored status {from:?} is unknown")))?;
    let Ok(to) = transition(status, TicketEvent::Lapse, &Actor::System) else {
        return Ok(());
    };
    let changed = tx
        .exec(
            "UPDATE tickets SET status = $2 WHERE id = $1 AND status = $3",
            args![id, to.as_str(), from],
        )
        .await
        .map_err(internal)?;
    if changed == 1 {
        let change = (TicketEvent::Lapse.as_str(), from, to.as_str());
        record_event(tx, id, change, &Actor::System.stored(), now).await?;
    }
    Ok(())
}
