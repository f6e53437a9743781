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

/// Who holds: the client's key, and the hold it gives back, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldClient {
    /// The client's key (`service::secrets::client_key`).
    pub key: String,
    /// The client's earlier hold that this one replaces (released when this
    /// one is written; a hold of another client is not touched).
    pub replaces: Option<String>,
    /// Whether the client's live holds are counted (a limit is set): then
    /// the holds of one client are written one at a time, under its lock.
    pub counted: bool,
}

impl Store {
    /// Holds a time: under the office-day lock and the client's, the hold
    /// `client.replaces` is released, then `decide` sees what is taken during
    /// the visit `(start, end)` and when the client's other live holds expire,
    /// and returns the hold to write (or why not: then nothing is released).
    pub async fn hold<F>(
        &self,
        office: &str,
        day: NaiveDate,
        visit: (NaiveTime, NaiveTime),
        now: i64,
        client: HoldClient,
        decide: F,
    ) -> Result<NewHold, StoreError>
    where
        F: FnOnce(&[Occupancy], &[i64]) -> Result<NewHold, StoreError> + Send + 'static,
    {
        let lock = format!("office-day:{office}:{day}");
        // The client's own lock only when its holds are counted: every hold
        // of one address would wait for the one before it, even at other
        // offices.
        let client_lock = client.counted.then(|| format!("client:{}", client.key));
        let keys: Vec<&str> = std::iter::once(lock.as_str())
            .chain(client_lock.as_deref())
            .collect();
        let office = office.to_string();
        self.write_as(&keys, super::Flush::Early, move |tx| {
            Box::pin(hold_in(tx, office, day, visit, now, client, decide))
        })
        .await
    }

    /// Releases the hold `id` at once (its confirm was refused by the
    /// booking policy: its place goes back to others now, not in ten minutes).
    pub async fn release_hold(&self, hold: &HoldRow, id: &str) -> Result<u64, StoreError> {
        let lock = format!("office-day:{}:{}", hold.office, hold.day);
        let id = id.to_string();
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                tx.exec("DELETE FROM holds WHERE id = $1", args![id])
                    .await
                    .map_err(internal)
            })
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
    client: HoldClient,
    decide: F,
) -> Result<NewHold, StoreError>
where
    F: FnOnce(&[Occupancy], &[i64]) -> Result<NewHold, StoreError>,
{
    if let Some(earlier) = &client.replaces {
        tx.exec(
            "DELETE FROM holds WHERE id = $1 AND client_key = $2",
            args![earlier, &client.key],
        )
        .await
        .map_err(internal)?;
    }
    let live: Vec<i64> = if client.counted {
        tx.rows(
            "SELECT expires_at FROM holds WHERE client_key = $1 AND expires_at > $2",
            args![&client.key, now],
        )
        .await
        .map_err(internal)?
        .iter()
        .map(|r| r.int(0))
        .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    let taken = visit_occupancy(&mut *tx, &office, day, visit, now).await?;
    let new = decide(&taken, &live)?;
    tx.exec(
        "INSERT INTO holds (id, office_id, service_id, day, start_time, end_time, window_id, expires_at, client_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        args![
            &new.id,
            &new.hold.office,
            &new.hold.service,
            day_text(new.hold.day),
            time_text(new.hold.start),
            time_text(new.hold.end),
            &new.hold.window,
            new.hold.expires_at,
            &client.key,
        ],
    )
    .await
    .map_err(internal)?;
    Ok(new)
}
