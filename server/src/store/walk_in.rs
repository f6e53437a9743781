//! Walk-ins: a ticket for today taken at the kiosk without a booking. It is
//! written under the lock of the office-day's queue, where the walk-ins
//! taken so far and the day's highest number are read: two kiosks never
//! give the last place twice, nor one number to two people, on any node.
//! A walk-in holds no window, no booked time and no personal data.

use super::error::StoreError;
use super::queries::record_event;
use super::tx::{args, internal};
use super::Store;
use chrono::NaiveDate;
use domain::office::{walk_in, OfficeError};
use domain::ticket::TicketNumber;

/// A walk-in ticket to write.
#[derive(Debug, Clone)]
pub struct NewWalkIn {
    /// Its id.
    pub id: String,
    /// The office.
    pub office: String,
    /// The service.
    pub service: String,
    /// The service's board letter.
    pub prefix: char,
    /// Today (Kyiv).
    pub day: NaiveDate,
    /// When it is taken, Kyiv wall-clock `HH:MM`.
    pub time: String,
    /// The hash of its access token (its link, shown as a QR code).
    pub token_hash: String,
    /// A random, unique value (the column a booking's retries key on).
    pub idempotency_hash: String,
    /// The kiosk's language (for the ticket's page).
    pub lang: String,
    /// Unix seconds.
    pub now: i64,
}

const TAKEN_SQL: &str = "SELECT COUNT(*) FROM tickets WHERE office_id = $1 AND day = $2 AND service_id = $3 AND walk_in = 1";

impl Store {
    /// Walk-ins of `service` taken at `office` on `day` (whatever became of them).
    pub async fn walk_ins_taken(
        &self,
        office: &str,
        day: NaiveDate,
        service: &str,
    ) -> Result<u32, StoreError> {
        let rows = self
            .read(TAKEN_SQL, args![office, day.to_string(), service])
            .await?;
        let n = rows.first().map(|r| r.int(0)).transpose()?.unwrap_or(0);
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Writes walk-in `t`, checked in, if one of the `kept` places of its
    /// service is left: its board number, or why not.
    pub async fn take_walk_in(
        &self,
        t: NewWalkIn,
        kept: u32,
    ) -> Result<Result<String, OfficeError>, StoreError> {
        let lock = format!("queue:{}:{}", t.office, t.day);
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                let day = t.day.to_string();
                let taken = tx
                    .rows(TAKEN_SQL, args![&t.office, &day, &t.service])
                    .await
                    .map_err(internal)?
                    .first()
                    .map(|r| r.int(0))
                    .transpose()?
                    .unwrap_or(0);
                if let Err(refused) = walk_in::admit(kept, u32::try_from(taken).unwrap_or(u32::MAX)) {
                    return Ok(Err(refused));
                }
                let highest = tx
                    .rows(
                        "SELECT MAX(board_seq) FROM tickets WHERE office_id = $1 AND day = $2",
                        args![&t.office, &day],
                    )
                    .await
                    .map_err(internal)?
                    .first()
                    .map(|r| r.maybe_int(0))
                    .transpose()?
                    .flatten()
                    .map(|h| u16::try_from(h).unwrap_or(u16::MAX));
                let Some(seq) = walk_in::next_seq(highest) else {
                    return Ok(Err(OfficeError::DayFull));
                };
                let number = TicketNumber {
                    prefix: t.prefix,
                    seq,
                }
                .to_string();
                // No person: the keys that rules about people use are the
                // ticket's own, so no rule about people ever matches it.
                let own = format!("walk-in:{}", t.id);
                tx.exec(
                    "INSERT INTO tickets (id, office_id, service_id, day, start_time, end_time, window_id,
                        board_number, board_seq, status, person_key, contact_key, surname, given_name,
                        birth_date, answers, token_hash, idempotency_hash, token_sealed, created_at, lang,
                        keys_version, walk_in, joined_at, first_joined_at)
                     VALUES ($1, $2, $3, $4, $5, $5, '', $6, $7, 'checked_in', $8, $8, '', '', '', '{}',
                        $9, $10, '', $11, $12, 3, 1, $11, $11)",
                    args![
                        &t.id,
                        &t.office,
                        &t.service,
                        &day,
                        &t.time,
                        &number,
                        i64::from(seq),
                        &own,
                        &t.token_hash,
                        &t.idempotency_hash,
                        t.now,
                        &t.lang,
                    ],
                )
                .await
                .map_err(internal)?;
                record_event(tx, &t.id, ("walk_in", "", "checked_in"), "applicant", t.now).await?;
                Ok(Ok(number))
            })
        })
        .await
    }
}
