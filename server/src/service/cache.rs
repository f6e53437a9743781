//! Availability reads served from memory: what is taken at an office over the
//! horizon, loaded in one query and kept until this node writes to that office
//! or `ttl` passes (other nodes' writes show within `ttl`). Reads only advise:
//! holds and confirms always decide on fresh rows under the write lock.

use crate::store::{Store, Taken};
use app::api::ApiError;
use chrono::NaiveDate;
use domain::slots::Occupancy;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug)]
struct Entry {
    from: NaiveDate,
    to: NaiveDate,
    loaded: Instant,
    rows: Arc<Vec<Taken>>,
}

/// The cache.
#[derive(Debug, Clone)]
pub struct OccupancyCache {
    ttl: Duration,
    entries: Arc<Mutex<HashMap<String, Entry>>>,
}

impl OccupancyCache {
    /// A cache whose entries live at most `ttl` (zero: no caching).
    pub fn new(ttl: Duration) -> Self {
        OccupancyCache {
            ttl,
            entries: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    fn cached(&self, office: &str, from: NaiveDate, to: NaiveDate) -> Option<Arc<Vec<Taken>>> {
        let entries = self.entries.lock().ok()?;
        let e = entries.get(office)?;
        (e.from <= from && to <= e.to && e.loaded.elapsed() < self.ttl).then(|| e.rows.clone())
    }

    /// What is taken at `office` from `from` to `to` at the instant `now`, by day.
    pub async fn occupancy(
        &self,
        store: &Store,
        office: &str,
        from: NaiveDate,
        to: NaiveDate,
        now: i64,
    ) -> Result<Vec<(NaiveDate, Occupancy)>, ApiError> {
        let rows = match self.cached(office, from, to) {
            Some(rows) => rows,
            None => {
                let rows = Arc::new(store.taken(office, from, to).await?);
                if !self.ttl.is_zero() {
                    if let Ok(mut entries) = self.entries.lock() {
                        entries.insert(
                            office.to_string(),
                            Entry {
                                from,
                                to,
                                loaded: Instant::now(),
                                rows: rows.clone(),
                            },
                        );
                    }
                }
                rows
            }
        };
        Ok(rows
            .iter()
            .filter(|t| from <= t.day && t.day <= to && t.live(now))
            .map(|t| (t.day, t.occupancy.clone()))
            .collect())
    }

    /// Forgets an office after this node wrote to it.
    pub fn invalidate(&self, office: &str) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(office);
        }
    }
}
