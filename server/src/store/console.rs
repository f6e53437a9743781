//! The office's queue of a day as the console works it. Every change of the
//! queue runs under the lock of its office-day queue (`queue:OFFICE:DAY`),
//! on every node: two officers pressing "call next" at once are served one
//! after the other, and the second sees the first's call. Each change is
//! also guarded by the ticket's stored status, and recorded in its history.

use super::error::StoreError;
use super::queries::record_event;
use super::rows::{parse_time, ACTIVE};
use super::tx::{args, internal, Arg, DbRow, Tx};
use super::Store;
use chrono::{NaiveDate, NaiveTime};
use domain::ticket::{Actor, TicketEvent, TicketStatus};

/// A ticket of the day at the office, as the queue sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueRow {
    /// Id.
    pub id: String,
    /// Board number, `P-017`.
    pub number: String,
    /// Its sequence number of the day.
    pub seq: i64,
    /// The service it waits for (where a transfer sent it, else booked).
    pub service: String,
    /// Stored status.
    pub status: String,
    /// Taken at the office without a booking.
    pub walk_in: bool,
    /// Served first.
    pub priority: bool,
    /// Booked start (Kyiv).
    pub start: NaiveTime,
    /// When it joined the queue (Unix seconds).
    pub joined_at: Option<i64>,
    /// Put back or transferred.
    pub requeued: bool,
    /// Transferred to this window.
    pub target_window: Option<String>,
    /// Called to (or served at) this window.
    pub called_window: Option<String>,
    /// The last call.
    pub called_at: Option<i64>,
    /// Calls so far.
    pub calls: i64,
    /// Said not here at.
    pub absent_at: Option<i64>,
    /// The applicant's surname, given name, patronymic.
    pub name: (String, String, Option<String>),
    /// Wrong check-in codes typed for it at the kiosk.
    pub checkin_failures: i64,
}

const QUEUE_COLUMNS: &str = "id, board_number, board_seq, COALESCE(target_service, service_id), status, walk_in, priority, start_time, joined_at, requeued, target_window, called_window, called_at, calls, absent_at, surname, given_name, patronymic, checkin_failures";

fn queue_row(r: &DbRow) -> Result<QueueRow, StoreError> {
    Ok(QueueRow {
        id: r.text(0)?,
        number: r.text(1)?,
        seq: r.int(2)?,
        service: r.text(3)?,
        status: r.text(4)?,
        walk_in: r.int(5)? != 0,
        priority: r.int(6)? != 0,
        start: parse_time(&r.text(7)?)?,
        joined_at: r.maybe_int(8)?,
        requeued: r.int(9)? != 0,
        target_window: r.maybe_text(10)?,
        called_window: r.maybe_text(11)?,
        called_at: r.maybe_int(12)?,
        calls: r.int(13)?,
        absent_at: r.maybe_int(14)?,
        name: (r.text(15)?, r.text(16)?, r.maybe_text(17)?),
        checkin_failures: r.int(18)?,
    })
}

fn day_sql() -> String {
    format!(
        "SELECT {QUEUE_COLUMNS} FROM tickets WHERE office_id = $1 AND day = $2 AND status IN {ACTIVE} ORDER BY board_seq"
    )
}

/// A column a change sets besides the status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Set {
    /// Called to this window now: the window, the call's time, one more call;
    /// no longer said absent.
    Called(String, i64),
    /// Said not here at.
    Absent(i64),
    /// Service began at.
    Serving(i64),
    /// Served at.
    Served(i64),
    /// Back in the queue at (put back, transferred, or late and moved to the
    /// walk-ins): no window, no absence.
    Requeued(i64),
    /// Checked in at.
    Joined(i64),
    /// One more wrong check-in code typed for it.
    CodeFailure,
    /// Sent to a window (none: any of its service's) and a service (none:
    /// the one it waits for).
    Target(Option<String>, Option<String>),
}

impl Set {
    /// Its SQL, the arguments numbered from `n`.
    fn sql(&self, n: usize, out: &mut Vec<Arg>) -> String {
        match self {
            Set::Called(window, at) => {
                out.extend([Arg::from(window), Arg::from(*at)]);
                format!(
                    "called_window = ${n}, called_at = ${m}, calls = calls + 1, absent_at = NULL,
                     first_called_at = COALESCE(first_called_at, ${m})",
                    m = n + 1
                )
            }
            Set::Absent(at) => {
                out.push(Arg::from(*at));
                format!("absent_at = ${n}")
            }
            Set::Serving(at) => {
                out.push(Arg::from(*at));
                format!("serving_at = ${n}, absent_at = NULL")
            }
            Set::Served(at) => {
                out.push(Arg::from(*at));
                format!("served_at = ${n}, absent_at = NULL")
            }
            Set::Requeued(at) => {
                out.push(Arg::from(*at));
                format!("joined_at = ${n}, requeued = 1, called_window = NULL, absent_at = NULL")
            }
            Set::Joined(at) => {
                out.push(Arg::from(*at));
                format!("joined_at = ${n}, first_joined_at = COALESCE(first_joined_at, ${n})")
            }
            Set::CodeFailure => "checkin_failures = checkin_failures + 1".into(),
            Set::Target(window, service) => {
                out.extend([Arg::from(window.clone()), Arg::from(service.clone())]);
                format!(
                    "target_window = ${n}, target_service = COALESCE(${}, target_service)",
                    n + 1
                )
            }
        }
    }
}

/// A change a console action makes to one ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The ticket.
    pub id: String,
    /// Its stored status now (the write's guard).
    pub from: String,
    /// What happens (none: no change of status, nothing in its history).
    pub event: Option<TicketEvent>,
    /// Its status after.
    pub to: TicketStatus,
    /// What else is set.
    pub sets: Vec<Set>,
}

async fn write_change(
    tx: &mut dyn Tx,
    c: &Change,
    actor: &Actor,
    now: i64,
) -> Result<(), StoreError> {
    let mut values = args![&c.id, &c.from, c.to.as_str()];
    let mut parts = vec!["status = $3".to_string()];
    for set in &c.sets {
        let n = values.len() + 1;
        parts.push(set.sql(n, &mut values));
    }
    let sql = format!(
        "UPDATE tickets SET {} WHERE id = $1 AND status = $2",
        parts.join(", ")
    );
    let changed = tx.exec(&sql, values).await.map_err(internal)?;
    if changed != 1 {
        return Err(internal("a ticket changed under its queue's lock"));
    }
    if let Some(event) = c.event {
        let change = (event.as_str(), c.from.as_str(), c.to.as_str());
        record_event(tx, &c.id, change, &actor.stored(), now).await?;
    }
    Ok(())
}

impl Store {
    /// The active tickets of `office` on `day`, by number.
    pub async fn queue_of_day(
        &self,
        office: &str,
        day: NaiveDate,
    ) -> Result<Vec<QueueRow>, StoreError> {
        let rows = self
            .read(&day_sql(), args![office, day.to_string()])
            .await?;
        rows.iter().map(queue_row).collect()
    }

    /// Under the lock of `office`'s queue on `day`: `decide` sees the day's
    /// active tickets and says what changes (nothing, or a refusal), and the
    /// changes are written with `actor` at `now`. Answers what `decide` gave.
    pub async fn change_queue<T, E, F>(
        &self,
        office: &str,
        day: NaiveDate,
        actor: Actor,
        now: i64,
        decide: F,
    ) -> Result<Result<T, E>, StoreError>
    where
        T: Send + 'static,
        E: Send + 'static,
        F: FnOnce(&[QueueRow]) -> Result<(Vec<Change>, T), E> + Send + 'static,
    {
        let lock = format!("queue:{office}:{day}");
        let (office, day) = (office.to_string(), day.to_string());
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                let rows = tx
                    .rows(&day_sql(), args![&office, &day])
                    .await
                    .map_err(internal)?;
                let rows = rows.iter().map(queue_row).collect::<Result<Vec<_>, _>>()?;
                let (changes, answer) = match decide(&rows) {
                    Ok(decided) => decided,
                    Err(e) => return Ok(Err(e)),
                };
                for c in &changes {
                    write_change(&mut *tx, c, &actor, now).await?;
                }
                Ok(Ok(answer))
            })
        })
        .await
    }
}
