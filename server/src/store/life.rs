//! A ticket's life after booking: cancel, reschedule, the end of tickets whose
//! day is over, and the keys of tickets booked before both were kept. Every
//! change goes through `domain::ticket::transition` and is recorded in
//! `ticket_events` with its actor and time.

use super::error::StoreError;
use super::outbox::{queue_messages, MessageKind};
use super::queries::*;
use super::rows::*;
use super::tx::{args, internal, Tx};
use super::Store;
use chrono::NaiveDate;
use domain::slots::Occupancy;
use domain::ticket::{transition, Actor, TicketEvent, TicketStatus};
use std::sync::LazyLock;

/// What overlaps a visit, as `VISIT_OCCUPANCY_SQL`, leaving out ticket `$6`
/// (the one being moved: its old place is freed in the same write).
static OTHERS_OCCUPANCY_SQL: LazyLock<String> =
    LazyLock::new(|| visit_occupancy_sql(1, "AND id <> $6", ""));

/// The status ticket `t` has on `today` (one whose day is over has ended).
fn status_of(t: &StoredTicket, today: NaiveDate) -> Result<TicketStatus, StoreError> {
    TicketStatus::parse(&t.status)
        .map(|s| s.as_of(t.day, today))
        .ok_or_else(|| internal(format!("stored status {:?} is unknown", t.status)))
}

async fn ticket_in(tx: &mut dyn Tx, id: &str) -> Result<StoredTicket, StoreError> {
    let sql = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE id = $1");
    let rows = tx.rows(&sql, args![id]).await.map_err(internal)?;
    rows.first()
        .map(ticket_row)
        .transpose()?
        .ok_or(StoreError::NotFound("ticket"))
}

/// A reschedule: ticket `id` to the hold `hold_id`'s place.
#[derive(Debug, Clone)]
pub struct Move {
    /// The ticket.
    pub id: String,
    /// The hold of the new place.
    pub hold_id: String,
    /// The hold's place.
    pub hold: HoldRow,
    /// The service's board letter (the number follows the new office-day).
    pub board_prefix: char,
}

impl Store {
    /// `actor` makes `event` happen to ticket `id` on `today` (Kyiv) at `now`:
    /// the domain's transition rule decides, the status and the history are
    /// written together. Cancelling a cancelled ticket changes nothing and
    /// answers the ticket as it is.
    pub async fn change_ticket(
        &self,
        id: &str,
        event: TicketEvent,
        actor: Actor,
        today: NaiveDate,
        now: i64,
    ) -> Result<StoredTicket, StoreError> {
        let lock = format!("ticket:{id}");
        let id = id.to_string();
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                let mut t = ticket_in(&mut *tx, &id).await?;
                let status = status_of(&t, today)?;
                if status == TicketStatus::Cancelled && event == TicketEvent::Cancel {
                    return Ok(t);
                }
                let to = transition(status, event, &actor).map_err(StoreError::Ticket)?;
                // The stored status, which may differ from `status` for a
                // ticket whose day is over (not changeable then anyway).
                let from = t.status.clone();
                let changed = tx
                    .exec(
                        "UPDATE tickets SET status = $2 WHERE id = $1 AND status = $3",
                        args![&id, to.as_str(), &from],
                    )
                    .await
                    .map_err(internal)?;
                if changed != 1 {
                    return Err(internal("a ticket changed under its lock"));
                }
                let change = (event.as_str(), from.as_str(), to.as_str());
                record_event(&mut *tx, &id, change, &actor.stored(), now).await?;
                if event == TicketEvent::Cancel {
                    queue_messages(&mut *tx, &id, MessageKind::Cancelled, "0", now).await?;
                }
                t.status = to.as_str().to_string();
                Ok(t)
            })
        })
        .await
    }

    /// Moves a booked ticket to the place its applicant holds, in one write:
    /// the hold is used up, the new place taken and the old one freed
    /// together, or nothing changes. Under the locks of the new office-day
    /// and of the ticket, `decide` sees what else is taken during the new
    /// visit (not the ticket itself) and names the window.
    pub async fn reschedule<F>(
        &self,
        m: Move,
        today: NaiveDate,
        now: i64,
        decide: F,
    ) -> Result<Moved, StoreError>
    where
        F: FnOnce(&[Occupancy]) -> Result<String, StoreError> + Send + 'static,
    {
        let locks = [
            format!("office-day:{}:{}", m.hold.office, m.hold.day),
            format!("ticket:{}", m.id),
        ];
        self.write(&[&locks[0], &locks[1]], move |tx| {
            Box::pin(reschedule_in(tx, m, today, now, decide))
        })
        .await
    }

    /// The history of ticket `id`, oldest first: (event, from, to, actor, at).
    pub async fn ticket_history(
        &self,
        id: &str,
    ) -> Result<Vec<(String, String, String, String, i64)>, StoreError> {
        let rows = self
            .read(
                "SELECT event, from_status, to_status, actor, at FROM ticket_events
                 WHERE ticket_id = $1 ORDER BY seq",
                args![id],
            )
            .await?;
        rows.iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?, r.text(2)?, r.text(3)?, r.int(4)?)))
            .collect()
    }

    /// Writes the end (`annulled`, by the system) of up to `limit` tickets
    /// left active on days before `today`; returns how many. For reports
    /// only: such a ticket already counts as over.
    pub async fn end_past_days(
        &self,
        today: NaiveDate,
        now: i64,
        limit: i64,
    ) -> Result<u64, StoreError> {
        let sql = format!(
            "SELECT id, status FROM tickets WHERE status IN {ACTIVE} AND day < $1 ORDER BY day LIMIT $2"
        );
        let rows = self.read(&sql, args![day_text(today), limit]).await?;
        let ended = rows
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let n = ended.len() as u64;
        for (id, from) in ended {
            let lock = format!("ticket:{id}");
            self.write(&[&lock], move |tx| {
                Box::pin(async move { end_lapsed(tx, &id, &from, now).await })
            })
            .await?;
        }
        Ok(n)
    }
}

#[path = "life_move.rs"]
mod moving;
use moving::reschedule_in;
