//! Holds: a time kept while the applicant fills the form, and the sweep of
//! holds long expired.

use super::error::StoreError;
use super::queries::*;
use super::rows::*;
use super::tx::internal;
use super::tx::{args, Tx};
use super::Store;
use chrono::{NaiveDate, NaiveTime};
use domain::slots::Occupancy;

impl Store {
    /// Holds a time: under the office-day lock, `decide` sees what is taken
    /// during the visit `(start, end)` and returns the hold to write (or why not).
    pub async fn hold<F>(
        &self,
        office: &str,
        day: NaiveDate,
        visit: (NaiveTime, NaiveTime),
        now: i64,
        decide: F,
    ) -> Result<NewHold, StoreError>
    where
        F: FnOnce(&[Occupancy]) -> Result<NewHold, StoreError> + Send + 'static,
    {
        let lock = format!("office-day:{office}:{day}");
        let office = office.to_string();
        self.write(&[&lock], move |tx| {
            Box::pin(hold_in(tx, office, day, visit, now, decide))
        })
        .await
    }

    /// Deletes the holds expired more than a day before `now` and returns how
    /// many. Housekeeping only (an expired hold already counts as free): those
    /// can no longer be confirmed anyway, their day being near or past, while
    /// younger expired holds stay, so a late confirm still succeeds if the place
    /// is free.
    pub async fn sweep_holds(&self, now: i64) -> Result<u64, StoreError> {
        self.write(&["holds-sweep"], move |tx| {
            Box::pin(async move {
                tx.exec(
                    "DELETE FROM holds WHERE expires_at <= $1",
                    args![now - HOLD_GRACE_SECONDS],
                )
                .await
                .map_err(internal)
            })
        })
        .await
    }

    /// The hold `id`, live or expired.
    pub async fn find_hold(&self, id: &str) -> Result<Option<HoldRow>, StoreError> {
        let rows = self
            .lookup(
                "SELECT office_id, service_id, day, start_time, end_time, window_id, expires_at FROM holds WHERE id = $1",
                args![id],
            )
            .await?;
        let Some(row) = rows.first() else {
            return Ok(None);
        };
        Ok(Some(HoldRow {
            office: row.text(0)?,
            service: row.text(1)?,
            day: parse_day(&row.text(2)?)?,
            start: parse_time(&row.text(3)?)?,
            end: parse_time(&row.text(4)?)?,
            window: row.text(5)?,
            expires_at: row.int(6)?,
        }))
    }
}

/// The hold's statements, inside its write transaction.
async fn hold_in<F>(
    tx: &mut dyn Tx,
    office: String,
    day: NaiveDate,
    visit: (NaiveTime, NaiveTime),
    now: i64,
    decide: F,
) -> Result<NewHold, StoreError>
where
    F: FnOnce(&[Occupancy]) -> Result<NewHold, StoreError>,
{
    let taken = visit_occupancy(&mut *tx, &office, day, visit, now).await?;
    let new = decide(&taken)?;
    tx.exec(
        "INSERT INTO holds (id, office_id, service_id, day, start_time, end_time, window_id, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        args![
            &new.id,
            &new.hold.office,
            &new.hold.service,
            day_text(new.hold.day),
            time_text(new.hold.start),
            time_text(new.hold.end),
            &new.hold.window,
            new.hold.expires_at,
        ],
    )
    .await
    .map_err(internal)?;
    Ok(new)
}
