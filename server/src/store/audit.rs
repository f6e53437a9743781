//! Audits over the stored tickets.

use super::error::StoreError;
use super::rows::*;
use super::tx::internal;
use super::Store;
use chrono::{NaiveDate, NaiveTime};
use sqlx::Row;

impl Store {
    /// Active tickets per office, day, start and window, for audits and the
    /// benchmark's overbooking check: `(office, day, start, tickets)` per time.
    pub async fn active_per_time(
        &self,
    ) -> Result<Vec<(String, NaiveDate, NaiveTime, i64)>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT office_id, day, start_time, COUNT(*) AS n FROM tickets WHERE status IN {ACTIVE}
             GROUP BY office_id, day, start_time"
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(internal)?;
        rows.iter()
            .map(|r| {
                let get = |c: &str| r.try_get::<String, _>(c).map_err(internal);
                Ok((
                    get("office_id")?,
                    parse_day(&get("day")?)?,
                    parse_time(&get("start_time")?)?,
                    r.try_get::<i64, _>("n").map_err(internal)?,
                ))
            })
            .collect()
    }
}
