//! The answers computed from the availability cache's rows, kept beside
//! them until the next write or the next hold that expires.

use super::{Answer, AnswerKey, OccupancyCache};
use crate::store::{Store, Taken};
use app::api::ApiError;
use chrono::NaiveDate;
use domain::slots::Occupancy;
use std::any::Any;
use std::sync::Arc;

impl OccupancyCache {
    /// The answer `key` at `office` from the occupancy of `from`..=`to` at
    /// `now`: kept from an earlier call while nothing it depends on changed,
    /// else computed by `compute` and kept.
    pub async fn answer<T, F>(
        &self,
        store: &Store,
        office: &str,
        (from, to): (NaiveDate, NaiveDate),
        now: i64,
        key: AnswerKey,
        compute: F,
    ) -> Result<Arc<T>, ApiError>
    where
        T: Send + Sync + 'static,
        F: FnOnce(&[(NaiveDate, Occupancy)]) -> Result<T, ApiError>,
    {
        if let Some(kept) = self.kept::<T>(office, from, to, now, &key) {
            return Ok(kept);
        }
        let rows = self.rows(store, office, from, to).await?;
        let value = Arc::new(compute(&live_rows(&rows, from, to, now))?);
        if let Ok(mut entries) = self.entries.lock() {
            // Only beside the rows it was computed from: a write meanwhile
            // dropped them, and the answer with them.
            if let Some(e) = entries
                .get_mut(office)
                .filter(|e| Arc::ptr_eq(&e.rows, &rows))
            {
                let until = next_change(&rows, now);
                let kept: Arc<dyn Any + Send + Sync> = value.clone();
                e.answers.insert(key, Answer { value: kept, until });
            }
        }
        Ok(value)
    }

    fn kept<T: Send + Sync + 'static>(
        &self,
        office: &str,
        from: NaiveDate,
        to: NaiveDate,
        now: i64,
        key: &AnswerKey,
    ) -> Option<Arc<T>> {
        let entries = self.entries.lock().ok()?;
        let e = entries
            .get(office)
            .filter(|e| e.covers(from, to, self.ttl))?;
        let a = e.answers.get(key).filter(|a| now < a.until)?;
        a.value.clone().downcast::<T>().ok()
    }
}

/// The first instant after `now` at which a hold among `rows` stops counting.
fn next_change(rows: &[Taken], now: i64) -> i64 {
    rows.iter()
        .filter_map(|t| t.expires_at)
        .filter(|e| *e > now)
        .min()
        .unwrap_or(i64::MAX)
}

fn live_rows(
    rows: &[Taken],
    from: NaiveDate,
    to: NaiveDate,
    now: i64,
) -> Vec<(NaiveDate, Occupancy)> {
    rows.iter()
        .filter(|t| from <= t.day && t.day <= to && t.live(now))
        .map(|t| (t.day, t.occupancy.clone()))
        .collect()
}
