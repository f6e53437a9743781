//! The booking transactions. Each reads what is taken, lets a pure decision
//! (made with `domain`) say what to write, and writes it, all under the write
//! lock of the office and day (and of the contact), so no two requests decide
//! on the same picture; unique indexes back the rules that span office-days.

use super::rows::*;
use super::Store;
use app::api::ApiError;
use chrono::NaiveDate;
use domain::booking::BookingError;
use domain::slots::Occupancy;
use sqlx::{AnyConnection, Row};

impl Store {
    /// What is or may be taken at `office` from `from` to `to` (inclusive):
    /// active tickets (no expiry) and holds with their expiry, so a cache can
    /// decide at read time which holds are still live.
    pub async fn taken(
        &self,
        office: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Taken>, ApiError> {
        let rows = sqlx::query(OCCUPANCY_SQL)
            .bind(office)
            .bind(day_text(from))
            .bind(day_text(to))
            .fetch_all(&self.pool)
            .await
            .map_err(internal)?;
        rows.iter()
            .map(|row| {
                let (day, occupancy) = occupancy_row(row)?;
                let expires_at: Option<i64> = row.try_get("expires_at").map_err(internal)?;
                Ok(Taken {
                    day,
                    occupancy,
                    expires_at,
                })
            })
            .collect()
    }

    /// A ticket by its id.
    pub async fn ticket_by_id(&self, id: &str) -> Result<Option<StoredTicket>, ApiError> {
        self.ticket_where("id", id).await
    }

    /// A ticket by the hash of the idempotency key of the confirm that made it.
    pub async fn ticket_by_idempotency(
        &self,
        hash: &str,
    ) -> Result<Option<StoredTicket>, ApiError> {
        self.ticket_where("idempotency_hash", hash).await
    }

    /// The ticket whose unique `column` (a constant of this module) is `value`.
    async fn ticket_where(
        &self,
        column: &'static str,
        value: &str,
    ) -> Result<Option<StoredTicket>, ApiError> {
        let row = sqlx::query(&format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE {column} = $1"
        ))
        .bind(value)
        .fetch_optional(&self.pool)
        .await
        .map_err(internal)?;
        row.as_ref().map(ticket_row).transpose()
    }

    /// Confirms the hold `keys.hold_id` into a ticket. Under the locks of the
    /// hold's office-day and of the contact, `decide` sees what else is taken
    /// during the visit and the active tickets of the person or the contact, and
    /// returns the ticket to write. A retry with the same idempotency hash
    /// returns the ticket already made.
    pub async fn confirm<F>(
        &self,
        keys: ConfirmKeys,
        hold: &HoldRow,
        now: i64,
        decide: F,
    ) -> Result<ConfirmOutcome, ApiError>
    where
        F: FnOnce(&[Occupancy], &[ActiveRow]) -> Result<NewTicket, ApiError> + Send + 'static,
    {
        let locks = [
            format!("office-day:{}:{}", hold.office, hold.day),
            format!("contact:{}", keys.contact_key),
        ];
        let hold = hold.clone();
        self.write(&[&locks[0], &locks[1]], move |tx| {
            Box::pin(confirm_in(tx, keys, hold, now, decide))
        })
        .await
    }
}

/// The confirm's statements, inside its write transaction.
async fn confirm_in<F>(
    tx: &mut AnyConnection,
    keys: ConfirmKeys,
    hold: HoldRow,
    now: i64,
    decide: F,
) -> Result<ConfirmOutcome, ApiError>
where
    F: FnOnce(&[Occupancy], &[ActiveRow]) -> Result<NewTicket, ApiError>,
{
    let ConfirmKeys {
        hold_id,
        idempotency_hash,
        person_key,
        contact_key,
    } = keys;
    // The hold goes first: if anything below refuses, the write is undone and
    // the hold is back. No hold: a retry that raced the first confirm (its
    // ticket is there) or a hold swept or never made.
    let deleted = sqlx::query("DELETE FROM holds WHERE id = $1")
        .bind(&hold_id)
        .execute(&mut *tx)
        .await
        .map_err(internal)?
        .rows_affected();
    if deleted == 0 {
        return match find_by_idempotency(&mut *tx, &idempotency_hash).await? {
            Some(t) => Ok(ConfirmOutcome::Replayed(t)),
            None => Err(ApiError::not_found("hold")),
        };
    }
    let visit = (hold.start, hold.end);
    let taken = visit_occupancy(&mut *tx, &hold.office, hold.day, visit, now).await?;
    let active_rows = sqlx::query(&format!(
        // Two indexed searches (an OR of the two keys scans the table).
        "SELECT id, person_key, service_id, contact_key FROM tickets
               WHERE status IN {ACTIVE} AND person_key = $1
             UNION
             SELECT id, person_key, service_id, contact_key FROM tickets
               WHERE status IN {ACTIVE} AND contact_key = $2"
    ))
    .bind(&person_key)
    .bind(&contact_key)
    .fetch_all(&mut *tx)
    .await
    .map_err(internal)?;
    let active = active_rows
        .iter()
        .map(|r| {
            Ok(ActiveRow {
                person_key: r.try_get("person_key").map_err(internal)?,
                service: r.try_get("service_id").map_err(internal)?,
                contact_key: r.try_get("contact_key").map_err(internal)?,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let t = decide(&taken, &active)?;
    let seq: i64 = sqlx::query(
        "INSERT INTO day_counters (office_id, day, seq) VALUES ($1, $2, 1)
             ON CONFLICT (office_id, day) DO UPDATE SET seq = day_counters.seq + 1 RETURNING seq",
    )
    .bind(&hold.office)
    .bind(day_text(hold.day))
    .fetch_one(&mut *tx)
    .await
    .map_err(internal)?
    .try_get("seq")
    .map_err(internal)?;
    let number = domain::ticket::TicketNumber {
        prefix: t.board_prefix,
        seq: u16::try_from(seq).unwrap_or(u16::MAX),
    }
    .to_string();
    let inserted = sqlx::query(
            "INSERT INTO tickets (id, office_id, service_id, day, start_time, end_time, window_id, board_number, board_seq,
                status, paid, person_key, contact_key, surname, given_name, patronymic, birth_date, rnokpp, phone, email,
                answers, token_hash, idempotency_hash, token_sealed, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', 0, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                $19, $20, $21, $22, $23)",
        )
        .bind(&t.id)
        .bind(&hold.office)
        .bind(&hold.service)
        .bind(day_text(hold.day))
        .bind(time_text(hold.start))
        .bind(time_text(hold.end))
        .bind(&t.window)
        .bind(&number)
        .bind(seq)
        .bind(&t.person_key)
        .bind(&t.contact_key)
        .bind(&t.surname)
        .bind(&t.given_name)
        .bind(t.patronymic.clone())
        .bind(day_text(t.birth_date))
        .bind(t.rnokpp.clone())
        .bind(t.phone.clone())
        .bind(t.email.clone())
        .bind(&t.answers)
        .bind(&t.token_hash)
        .bind(&t.idempotency_hash)
        .bind(&t.token_sealed)
        .bind(t.created_at)
        .execute(&mut *tx)
        .await;
    if let Err(e) = inserted {
        return Err(if is_unique_violation(&e, "person_key") {
            ApiError::Booking {
                cause: BookingError::AlreadyBooked,
            }
        } else if is_unique_violation(&e, "window_id") {
            ApiError::Taken {
                alternatives: Vec::new(),
            }
        } else if is_unique_violation(&e, "idempotency_hash") {
            ApiError::BadRequest {
                detail: "the idempotency key was used for another hold".into(),
            }
        } else {
            internal(e)
        });
    }
    sqlx::query(
        "INSERT INTO ticket_events (ticket_id, seq, event, from_status, to_status, actor, at)
             VALUES ($1, 1, 'book', 'booked', 'booked', 'applicant', $2)",
    )
    .bind(&t.id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .map_err(internal)?;
    // What was just written, without reading it back.
    Ok(ConfirmOutcome::Created(StoredTicket {
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
    }))
}
