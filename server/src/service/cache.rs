//! Availability reads served from memory: what is taken at an office over the
//! horizon, loaded in one query and kept until this node writes to that office
//! or `ttl` passes (other nodes' writes show within `ttl`). The answers computed
//! from it (the days of a service, the times of a day) are kept beside it until
//! the next hold in it expires, so a repeated read is a lookup. Reads only
//! advise: holds and confirms always decide on fresh rows under the write lock.
//!
//! An office is loaded by one read at a time: the reads that miss meanwhile
//! wait for that load instead of each running the same query (after every
//! write, all the office's readers miss at once). A load that a write of this
//! node overtook is not kept.

use crate::store::{Store, Taken};
use app::api::ApiError;
use chrono::NaiveDate;
use domain::slots::Occupancy;
use std::any::Any;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What an answer was computed for (the office is the entry's).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AnswerKey {
    /// The days of the horizon starting `first`, for a service.
    Days { service: String, first: NaiveDate },
    /// The times of `date`, for a service.
    Times { service: String, date: NaiveDate },
}

#[derive(Debug)]
struct Answer {
    value: Arc<dyn Any + Send + Sync>,
    /// Valid while `now` is before this instant (Unix seconds): the first
    /// expiry of a hold that was live when it was computed.
    until: i64,
}

#[derive(Debug)]
struct Entry {
    from: NaiveDate,
    to: NaiveDate,
    loaded: Instant,
    rows: Arc<Vec<Taken>>,
    answers: HashMap<AnswerKey, Answer>,
}

impl Entry {
    fn covers(&self, from: NaiveDate, to: NaiveDate, ttl: Duration) -> bool {
        self.from <= from && to <= self.to && self.loaded.elapsed() < ttl
    }
}

/// The cache.
#[derive(Debug, Clone)]
pub struct OccupancyCache {
    ttl: Duration,
    entries: Arc<Mutex<HashMap<String, Entry>>>,
    /// Per office: how many times this node wrote to it, and the lock its
    /// loads take.
    offices: Arc<Mutex<HashMap<String, OfficeState>>>,
    /// Loads run so far.
    loads: Arc<AtomicUsize>,
}

#[derive(Debug, Default)]
struct OfficeState {
    writes: u64,
    loading: Arc<tokio::sync::Mutex<()>>,
}

/// The first instant after `now` at which a hold among `rows` stops counting.
fn next_change(rows: &[Taken], now: i64) -> i64 {
    rows.iter()
        .filter_map(|t| t.expires_at)
        .filter(|e| *e > now)
        .min()
        .unwrap_or(i64::MAX)
}

impl OccupancyCache {
    /// A cache whose entries live at most `ttl` (zero: no caching).
    pub fn new(ttl: Duration) -> Self {
        OccupancyCache {
            ttl,
            entries: Arc::new(Mutex::new(HashMap::new())),
            offices: Arc::new(Mutex::new(HashMap::new())),
            loads: Arc::new(AtomicUsize::new(0)),
        }
    }

    fn cached(&self, office: &str, from: NaiveDate, to: NaiveDate) -> Option<Arc<Vec<Taken>>> {
        let entries = self.entries.lock().ok()?;
        let e = entries.get(office)?;
        e.covers(from, to, self.ttl).then(|| e.rows.clone())
    }

    async fn rows(
        &self,
        store: &Store,
        office: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Arc<Vec<Taken>>, ApiError> {
        if let Some(rows) = self.cached(office, from, to) {
            return Ok(rows);
        }
        // One load of an office at a time, when there is something to share
        // (no lock: caching is off, or a poisoned lock).
        let loading = self
            .office(office, |s| s.loading.clone())
            .filter(|_| !self.ttl.is_zero());
        let _one_load = match &loading {
            Some(lock) => Some(lock.lock().await),
            None => None,
        };
        // A load that ran while this one waited may have left what it needs.
        if let Some(rows) = self.cached(office, from, to) {
            return Ok(rows);
        }
        // Read after the wait: a write while waiting is in what this load reads.
        // (No state: a poisoned lock, and `keep` keeps nothing.)
        let writes = self.office(office, |s| s.writes).unwrap_or(0);
        self.loads.fetch_add(1, Ordering::Relaxed);
        let rows = Arc::new(store.taken(office, from, to).await?);
        self.keep(office, writes, (from, to), rows.clone());
        Ok(rows)
    }

    /// `read` of this node's state of `office` (none: a poisoned lock).
    fn office<R>(&self, office: &str, read: impl FnOnce(&OfficeState) -> R) -> Option<R> {
        let mut offices = self.offices.lock().ok()?;
        Some(read(offices.entry(office.to_string()).or_default()))
    }

    /// Keeps `rows`, loaded when this node had written `writes` times to
    /// `office`, unless it wrote there since (the rows may miss that write).
    fn keep(
        &self,
        office: &str,
        writes: u64,
        (from, to): (NaiveDate, NaiveDate),
        rows: Arc<Vec<Taken>>,
    ) {
        if self.ttl.is_zero() {
            return;
        }
        let Ok(offices) = self.offices.lock() else {
            return;
        };
        if offices.get(office).map(|s| s.writes) != Some(writes) {
            return;
        }
        if let Ok(mut entries) = self.entries.lock() {
            entries.insert(
                office.to_string(),
                Entry {
                    from,
                    to,
                    loaded: Instant::now(),
                    rows,
                    answers: HashMap::new(),
                },
            );
        }
    }

    /// How many loads ran so far.
    #[cfg(test)]
    fn loads(&self) -> usize {
        self.loads.load(Ordering::Relaxed)
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
        let rows = self.rows(store, office, from, to).await?;
        Ok(live_rows(&rows, from, to, now))
    }

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

    /// Forgets an office after this node wrote to it.
    pub fn invalidate(&self, office: &str) {
        // Counted first (under the lock `keep` checks it in), so a load that
        // read before the write cannot be kept after this.
        if let Ok(mut offices) = self.offices.lock() {
            offices.entry(office.to_string()).or_default().writes += 1;
        }
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(office);
        }
    }
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

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
