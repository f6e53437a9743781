//! Holds: a time kept while the applicant fills the form, and the sweep of
//! holds long expired.

use super::rows::*;
use super::Store;
use app::api::ApiError;
use chrono::{NaiveDate, NaiveTime};
use domain::slots::Occupancy;
use sqlx::{AnyConnection, Row};

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
    ) -> Result<NewHold, ApiError>
    where
        F: FnOnce(&[Occupancy]) -> Result<NewHold, ApiError> + Send + 'static,
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
    pub async fn sweep_holds(&self, now: i64) -> Result<u64, ApiError> {
        self.write(&["holds-sweep"], move |tx| {
            Box::pin(async move {
                let done = sqlx::query("DELETE FROM holds WHERE expires_at <= $1")
                    .bind(now - HOLD_GRACE_SECONDS)
                    .execute(&mut *tx)
                    .await
                    .map_err(internal)?;
                Ok(done.rows_affected())
            })
        })
        .await
    }

    /// The hold `id`, live or expired.
    pub async fn find_hold(&self, id: &str) -> Result<Option<HoldRow>, ApiError> {
        let row = sqlx::query("SELECT office_id, service_id, day, start_time, end_time, window_id, expires_at FROM holds WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(internal)?;
        let Some(row) = row else { return Ok(None) };
        let get = |c: &str| row.try_get::<String, _>(c).map_err(internal);
        Ok(Some(HoldRow {
            office: get("office_id")?,
            service: get("service_id")?,
            day: parse_day(&get("day")?)?,
            start: parse_time(&get("start_time")?)?,
            end: parse_time(&get("end_time")?)?,
            window: get("window_id")?,
            expires_at: row.try_get("expires_at").map_err(internal)?,
        }))
    }
}

/// The hold's statements, inside its write transaction.
async fn hold_in<F>(
    tx: &mut AnyConnection,
    office: String,
    day: NaiveDate,
    visit: (NaiveTime, NaiveTime),
    now: i64,
    decide: F,
) -> Result<NewHold, ApiError>
where
    F: FnOnce(&[Occupancy]) -> Result<NewHold, ApiError>,
{
    let taken = visit_occupancy(&mut *tx, &office, day, visit, now).await?;
    let new = decide(&taken)?;
    sqlx::query(
            "INSERT INTO holds (id, office_id, service_id, day, start_time, end_time, window_id, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&new.id)
        .bind(&new.hold.office)
        .bind(&new.hold.service)
        .bind(day_text(new.hold.day))
        .bind(time_text(new.hold.start))
        .bind(time_text(new.hold.end))
        .bind(&new.hold.window)
        .bind(new.hold.expires_at)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
    Ok(new)
}
