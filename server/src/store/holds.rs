//! Holds: a time kept while the applicant fills the form, and the sweep of
//! holds long expired.

use super::error::StoreError;
use super::hold_batch::Asked;
use super::rows::*;
use super::tx::args;
use super::tx::internal;
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
    /// Written with the other holds of the office and day asked meanwhile
    /// (`hold_batch`).
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
        let asked = Asked {
            visit,
            now,
            client,
            decide: Box::new(decide),
        };
        self.hold_queued(office, day, asked).await
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

    /// Takes the nonce of a proof of work until `expires_at`: false if it
    /// was taken before (by any node).
    pub async fn take_nonce(&self, nonce: &str, expires_at: i64) -> Result<bool, StoreError> {
        let nonce = nonce.to_string();
        let added = self
            .write_as(&[], super::Flush::Early, move |tx| {
                Box::pin(async move {
                    tx.exec(
                        "INSERT INTO proof_nonces (nonce, expires_at) VALUES ($1, $2)
                         ON CONFLICT (nonce) DO NOTHING",
                        args![nonce, expires_at],
                    )
                    .await
                    .map_err(internal)
                })
            })
            .await?;
        Ok(added == 1)
    }

    /// Deletes the proofs' nonces whose challenges expired before `now`
    /// (the wall clock's Unix seconds).
    pub async fn sweep_nonces(&self, now: i64) -> Result<u64, StoreError> {
        self.write(&["nonces-sweep"], move |tx| {
            Box::pin(async move {
                tx.exec("DELETE FROM proof_nonces WHERE expires_at < $1", args![now])
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
