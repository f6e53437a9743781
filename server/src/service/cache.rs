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
//! node overtook is not kept, but it still serves the readers that were
//! waiting when it began: it holds every write they could have seen (in a
//! rush, when writes never pause, each of them would load again otherwise).

use crate::store::{Store, Taken};
use app::api::ApiError;
use chrono::NaiveDate;
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
    /// The last load, kept even when a write overtook it (see `rows`).
    last: Option<Load>,
}

/// Rows loaded when this node had written `started` times to the office.
#[derive(Debug)]
struct Load {
    started: u64,
    from: NaiveDate,
    to: NaiveDate,
    rows: Arc<Vec<Taken>>,
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
        let (asked, loading) = self
            .office(office, |s| (s.writes, s.loading.clone()))
            .filter(|_| !self.ttl.is_zero())
            .unzip();
        let _one_load = match &loading {
            Some(lock) => Some(lock.lock().await),
            None => None,
        };
        // A load that ran while this one waited may have left what it needs:
        // kept, or, when writes keep coming (a rush), at least begun after
        // this read was asked, so it holds every write of this node before
        // it. Without this, each reader waiting would load again in turn.
        if let Some(rows) = self.cached(office, from, to) {
            return Ok(rows);
        }
        if let Some(rows) = asked.and_then(|a| self.loaded_since(office, a, from, to)) {
            return Ok(rows);
        }
        // Read after the wait: a write while waiting is in what this load reads.
        // (No state: a poisoned lock, and `keep` keeps nothing.)
        let writes = self.office(office, |s| s.writes).unwrap_or(0);
        self.loads.fetch_add(1, Ordering::Relaxed);
        let rows = Arc::new(store.taken(office, from, to).await?);
        self.keep(office, writes, (from, to), rows.clone());
        if loading.is_some() {
            let load = Load {
                started: writes,
                from,
                to,
                rows: rows.clone(),
            };
            self.office(office, |s| s.last = Some(load));
        }
        Ok(rows)
    }

    /// The last load of `office` if it covers `from`..=`to` and began when
    /// this node had written there at least `asked` times.
    fn loaded_since(
        &self,
        office: &str,
        asked: u64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<Arc<Vec<Taken>>> {
        self.office(office, |s| {
            s.last
                .as_ref()
                .filter(|l| l.started >= asked && l.from <= from && to <= l.to)
                .map(|l| l.rows.clone())
        })
        .flatten()
    }

    /// `read` (or change) this node's state of `office` (none: a poisoned lock).
    fn office<R>(&self, office: &str, read: impl FnOnce(&mut OfficeState) -> R) -> Option<R> {
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

    /// The rows of what is taken at `office` from `from` to `to` (some may
    /// be outside that span, and holds no longer live: see [`Taken::live`]).
    pub async fn taken(
        &self,
        store: &Store,
        office: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Arc<Vec<Taken>>, ApiError> {
        self.rows(store, office, from, to).await
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

    /// Forgets every office: the catalog changed, and the answers kept were
    /// worked out from the one before.
    pub fn invalidate_all(&self) {
        let offices: Vec<String> = match self.entries.lock() {
            Ok(entries) => entries.keys().cloned().collect(),
            Err(_) => return,
        };
        for office in offices {
            self.invalidate(&office);
        }
    }
}

#[path = "cache_answers.rs"]
mod answers;

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
