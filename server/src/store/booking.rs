//! The booking transactions. Each reads what is taken, lets a pure decision
//! (made with `domain`) say what to write, and writes it, all under the write
//! lock of the office and day (and of the contact), so no two requests decide
//! on the same picture; unique indexes back the rules that span office-days.

use super::error::StoreError;
use super::outbox::MessageKind;
use super::queries::*;
use super::rows::*;
use super::ticket_write::{ticket_args, TICKET_INSERT};
use super::tx::internal;
use super::tx::{args, Tx};
use super::Store;
use chrono::NaiveDate;
use domain::slots::Occupancy;
use std::sync::Arc;

/// What a confirm decides under its locks, from what else is taken during
/// the visit and the active tickets of the person or contact: the ticket to
/// write. It may be asked again (a batch of confirms that failed is made
/// again one by one).
pub(super) type ConfirmDecide =
    dyn Fn(&[Occupancy], &[ActiveRow]) -> Result<NewTicket, StoreError> + Send + Sync;

impl Store {
    /// What is or may be taken at `office` from `from` to `to` (inclusive):
    /// active tickets (no expiry) and holds with their expiry, so a cache can
    /// decide at read time which holds are still live.
    pub async fn taken(
        &self,
        office: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Taken>, StoreError> {
        let rows = self
            .read(OCCUPANCY_SQL, args![office, day_text(from), day_text(to)])
            .await?;
        rows.iter()
            .map(|row| {
                let (day, occupancy) = occupancy_row(row)?;
                let expires_at = row.maybe_int(5)?;
                Ok(Taken {
                    day,
                    occupancy,
                    expires_at,
                })
            })
            .collect()
    }

    /// A ticket by its id.
    pub async fn ticket_by_id(&self, id: &str) -> Result<Option<StoredTicket>, StoreError> {
        self.ticket_where("id", id).await
    }

    /// A ticket by the hash of the idempotency key of the confirm that made it.
    pub async fn ticket_by_idempotency(
        &self,
        hash: &str,
    ) -> Result<Option<StoredTicket>, StoreError> {
        self.ticket_where("idempotency_hash", hash).await
    }

    /// The ticket whose unique `column` (a constant of this module) is `value`.
    async fn ticket_where(
        &self,
        column: &'static str,
        value: &str,
    ) -> Result<Option<StoredTicket>, StoreError> {
        let sql = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE {column} = $1");
        let rows = self.lookup(&sql, args![value]).await?;
        rows.first().map(ticket_row).transpose()
    }

    /// Confirms the hold `keys.hold_id` into a ticket. Under the locks of the
    /// hold's office-day and of the contact, `decide` sees what else is taken
    /// during the visit and the active tickets of the person or the contact, and
    /// returns the ticket to write. A retry with the same idempotency hash
    /// returns the ticket already made. On PostgreSQL the confirms asked
    /// meanwhile are written with it (`confirm_batch.rs`).
    pub async fn confirm<F>(
        &self,
        keys: ConfirmKeys,
        hold: &HoldRow,
        now: i64,
        decide: F,
    ) -> Result<ConfirmOutcome, StoreError>
    where
        F: Fn(&[Occupancy], &[ActiveRow]) -> Result<NewTicket, StoreError> + Send + Sync + 'static,
    {
        let decide: Arc<ConfirmDecide> = Arc::new(decide);
        let hold = hold.clone();
        if self.dialect == super::Dialect::Postgres {
            let asked = super::confirm_batch::Asked {
                keys,
                hold,
                now,
                decide,
            };
            return self.confirm_queued(asked).await;
        }
        self.confirm_alone(keys, hold, now, decide).await
    }

    /// [`Store::confirm`] in a transaction of its own.
    pub(super) async fn confirm_alone(
        &self,
        keys: ConfirmKeys,
        hold: HoldRow,
        now: i64,
        decide: Arc<ConfirmDecide>,
    ) -> Result<ConfirmOutcome, StoreError> {
        let locks = [
            format!("office-day:{}:{}", hold.office, hold.day),
            format!("contact:{}", keys.contact_key),
        ];
        self.write(&[&locks[0], &locks[1]], move |tx| {
            Box::pin(confirm_in(tx, keys, hold, now, decide))
        })
        .await
    }
}

/// The confirm's statements, inside its write transaction.
async fn confirm_in(
    tx: &mut dyn Tx,
    keys: ConfirmKeys,
    hold: HoldRow,
    now: i64,
    decide: Arc<ConfirmDecide>,
) -> Result<ConfirmOutcome, StoreError> {
    let ConfirmKeys {
        hold_id,
        idempotency_hash,
        request_hash,
        person_key,
        tax_key,
        contact_key,
    } = keys;
    // The hold goes first: if anything below refuses, the write is undone and
    // the hold is back. No hold: a retry that raced the first confirm (its
    // ticket is there) or a hold swept or never made.
    let visit = (hold.start, hold.end);
    let wanted = Wanted {
        hold: &hold,
        hold_id: &hold_id,
        visit,
        now,
        person_key: &person_key,
        tax_key: tax_key.as_deref(),
        contact_key: &contact_key,
    };
    let read = if tx.postgres() {
        super::booking_pg::take_hold(&mut *tx, &wanted).await?
    } else {
        take_hold(&mut *tx, &wanted).await?
    };
    let Some(read) = read else {
        return match find_by_idempotency(&mut *tx, &idempotency_hash).await? {
            Some(t) if t.request_hash.as_deref() == Some(request_hash.as_str()) => {
                Ok(ConfirmOutcome::Replayed(t))
            }
            // The key made a ticket of another request: this one gets nothing.
            Some(_) => Err(StoreError::KeyReused),
            None => Err(StoreError::NotFound("hold")),
        };
    };
    let t = decide(&read.taken, &read.active)?;
    // The same person's tickets of days over still stand in the unique index.
    for (id, from) in &t.lapse {
        end_lapsed(&mut *tx, id, from, now).await?;
    }
    let (number, seq) = match read.seq {
        Some(seq) => (board_number(t.board_prefix, seq), seq),
        None => next_number(&mut *tx, &hold.office, hold.day, t.board_prefix).await?,
    };
    let mut row = ticket_args(&t, &hold, &number, seq);
    // Its confirmation, one row per contact given (known here: no need to
    // read the row back as `queue_messages` does).
    let outbox_id = |channel: &str| outbox_id(&t.id, channel);
    let channels = [
        t.email.as_ref().map(|_| "email"),
        t.phone.as_ref().map(|_| "sms"),
    ];
    if tx.postgres() {
        row.extend(args![
            now,
            MessageKind::Booked.as_str(),
            channels[0].map(outbox_id),
            channels[1].map(outbox_id),
            super::node(),
        ]);
        tx.rows(&super::booking_pg::WRITE_TICKET_SQL, row)
            .await
            .map_err(ticket_refused)?;
    } else {
        tx.exec(&TICKET_INSERT, row).await.map_err(ticket_refused)?;
        tx.exec(
            "INSERT INTO ticket_events (ticket_id, seq, event, from_status, to_status, actor, at, node)
             VALUES ($1, 1, 'book', 'booked', 'booked', 'applicant', $2, $3)",
            args![&t.id, now, super::node()],
        )
        .await
        .map_err(internal)?;
        for channel in channels.into_iter().flatten() {
            tx.exec(
                "INSERT INTO outbox (id, ticket_id, kind, channel, created_at, due_at)
                 VALUES ($1, $2, $3, $4, $5, $5)",
                args![
                    outbox_id(channel),
                    &t.id,
                    MessageKind::Booked.as_str(),
                    channel,
                    now
                ],
            )
            .await
            .map_err(internal)?;
        }
    }
    // What was just written, without reading it back.
    Ok(ConfirmOutcome::Created(created(t, &hold, number, now)))
}

/// The id of the confirmation of ticket `id` sent by `channel`.
pub(super) fn outbox_id(id: &str, channel: &str) -> String {
    format!("{}:{id}:1:{channel}", MessageKind::Booked.as_str())
}

/// Ticket `t` as written at `now` for `hold`, numbered `number`.
pub(super) fn created(t: NewTicket, hold: &HoldRow, number: String, now: i64) -> StoredTicket {
    StoredTicket {
        id: t.id,
        office: hold.office.clone(),
        service: hold.service.clone(),
        day: hold.day,
        start: hold.start,
        end: hold.end,
        board_number: number,
        status: "booked".into(),
        answers: t.answers,
        token_sealed: t.token_sealed,
        token_hash: t.token_hash,
        request_hash: Some(t.request_hash),
        created_at: now,
        erased: false,
        window: t.window,
    }
}

/// What a confirm looks for under its locks.
pub(super) struct Wanted<'a> {
    pub hold: &'a HoldRow,
    pub hold_id: &'a str,
    pub visit: (chrono::NaiveTime, chrono::NaiveTime),
    pub now: i64,
    pub person_key: &'a str,
    pub tax_key: Option<&'a str>,
    pub contact_key: &'a str,
}

/// What a confirm found once its hold was taken away: what else is taken
/// during the visit, the active tickets of the person or contact, and the
/// board's counter if it was already counted on.
pub(super) struct Found {
    pub taken: Vec<Occupancy>,
    pub active: Vec<ActiveRow>,
    pub seq: Option<i64>,
}

/// Deletes the hold and reads what the decision needs, a statement each
/// (SQLite's writer runs them in its own process); none if no hold was there.
async fn take_hold(tx: &mut dyn Tx, w: &Wanted<'_>) -> Result<Option<Found>, StoreError> {
    let deleted = tx
        .exec("DELETE FROM holds WHERE id = $1", args![w.hold_id])
        .await
        .map_err(internal)?;
    if deleted == 0 {
        return Ok(None);
    }
    let taken = visit_occupancy(&mut *tx, &w.hold.office, w.hold.day, w.visit, w.now).await?;
    let active = tx
        .rows(
            &ACTIVE_OF_SQL,
            args![w.person_key, w.tax_key.map(str::to_string), w.contact_key],
        )
        .await
        .map_err(internal)?
        .iter()
        .map(active_row)
        .collect::<Result<Vec<ActiveRow>, StoreError>>()?;
    Ok(Some(Found {
        taken,
        active,
        seq: None,
    }))
}
