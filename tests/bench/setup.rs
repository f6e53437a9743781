//! A server over a fresh database and a catalog with room for the benchmark:
//! every office books every bookable service online with 30 windows.

use crate::node::{pg_url, roomy_catalog, serve};

use app::api::context::{Backend, SharedBackend};
use app::api::{HoldRequest, TimesRequest};
use domain::catalog::{CatalogFile, OfficeId};
use domain::slots::{day_slots, Horizon};
use server::cli::{DataArgs, DbArgs, ServeArgs};
use server::service::Services;
use std::sync::Arc;

type Error = Box<dyn std::error::Error>;

/// Which database.
#[derive(Debug, Clone, Copy)]
pub enum Db {
    Sqlite,
    Postgres,
}

impl Db {
    pub fn name(self) -> &'static str {
        match self {
            Db::Sqlite => "SQLite",
            Db::Postgres => "PostgreSQL",
        }
    }
}

/// A running server, or several nodes over one database (cheap to clone:
/// the clients share it).
#[derive(Clone)]
pub struct Env {
    /// Each node's address (`http://127.0.0.1:PORT`).
    pub bases: Vec<String>,
    pub client: reqwest::Client,
    pub backend: SharedBackend,
    services: Services,
    /// The database's URL.
    pub db_url: String,
    file: CatalogFile,
    /// What the clock read when the run started (the server's "now").
    pub started_at: chrono::DateTime<chrono::Utc>,
    /// The instant the servers' clock read `started_at`.
    pub clock_from: std::time::Instant,
    _dir: Arc<tempfile::TempDir>,
}

/// How to start the servers.
#[derive(Debug, Clone, Copy, Default)]
pub struct Start {
    /// Nodes over the one database (PostgreSQL only for more than one).
    pub nodes: usize,
    /// The servers' clock at the start, running on from there in real time
    /// (none: the real clock).
    pub clock: Option<chrono::DateTime<chrono::Utc>>,
    /// API requests in flight per node (none: `serve`'s default).
    pub in_flight: Option<usize>,
}

impl Env {
    /// The node that serves client `i`'s `step`-th call: a booking's hold
    /// and its confirm go to different nodes when there are several.
    pub fn base(&self, i: usize, step: usize) -> &str {
        &self.bases[(i + step) % self.bases.len()]
    }

    pub async fn start(db: Db, start: Start) -> Result<Env, Error> {
        let dir = tempfile::tempdir()?;
        let data = dir.path().join("data");
        let file = roomy_catalog(&e2e::root().join("data"), &data)?;
        let url = match db {
            Db::Sqlite => format!("sqlite://{}", dir.path().join("bench.sqlite").display()),
            Db::Postgres => pg_url().await?,
        };
        let db_url = url.clone();
        let args = ServeArgs {
            addr: "127.0.0.1:0".parse()?,
            site_root: dir.path().join("site"),
            data: DataArgs { data_dir: data },
            db: DbArgs {
                db: url,
                db_pool: 16,
                // CHERGA_SQLITE_SYNC=normal measures the other durability.
                sqlite_sync: match std::env::var("CHERGA_SQLITE_SYNC").as_deref() {
                    Ok("normal") => server::store::Durability::Normal,
                    _ => server::store::Durability::Full,
                },
                ..DbArgs::default()
            },
            horizon_days: 14,
            hold_minutes: 10,
            max_per_contact: 4,
            read_cache_ms: 1000,
            node_name: None,
            // One secret for the run's nodes.
            keys: server::cli::keys::KeyArgs {
                secret: Some(
                    server::service::secrets::random_id()
                        .map_err(|e| e.to_string())?
                        .repeat(2),
                ),
                file: None,
            },
            messages: Default::default(),
            // The benchmark's clients all come from 127.0.0.1.
            limits: server::cli::LimitArgs {
                max_holds_per_client: 0,
                max_in_flight: start
                    .in_flight
                    .unwrap_or(server::cli::LimitArgs::default().max_in_flight),
                // No proofs of work: here a client's search takes the server's cores.
                proof_work: 0,
                ..Default::default()
            }
            .without_rates(),
            office: Default::default(),
            clock_ahead_seconds: 0,
            retain_days: domain::retention::DEFAULT_DAYS,
            pay: Default::default(),
        };
        let started_at = start.clock.unwrap_or_else(chrono::Utc::now);
        // Every node's clock runs from this one instant.
        let clock_from = std::time::Instant::now();
        let mut bases = Vec::new();
        let mut first = None;
        for _ in 0..start.nodes.max(1) {
            let clock = start.clock.map(|at| (at, clock_from));
            let (services, base) = serve(&args, clock).await?;
            bases.push(base);
            first.get_or_insert(services);
        }
        let services = first.ok_or("no node")?;
        let backend: SharedBackend = Arc::new(services.clone());
        Ok(Env {
            bases,
            started_at,
            clock_from,
            client: reqwest::Client::builder()
                .pool_max_idle_per_host(256)
                .build()?,
            backend,
            services,
            db_url,
            file,
            _dir: Arc::new(dir),
        })
    }

    /// The first node's services.
    pub fn services(&self) -> &Services {
        &self.services
    }

    /// The dates open for booking now, by the servers' clock.
    pub fn dates(&self) -> Result<Vec<chrono::NaiveDate>, Error> {
        Ok(Horizon::default().dates(self.started_at, &calendar()?)?)
    }

    /// `n` holds to make, for the first bookable service, spread over every
    /// office and day of the horizon.
    pub fn plan(&self, n: usize) -> Result<Vec<HoldRequest>, Error> {
        self.plan_on(n, &self.dates()?)
    }

    /// `n` holds spread over every office and the given days.
    pub fn plan_on(
        &self,
        n: usize,
        dates: &[chrono::NaiveDate],
    ) -> Result<Vec<HoldRequest>, Error> {
        let catalog = self.file.clone().check()?;
        let calendar = calendar()?;
        // One service (mixing services on shared windows would refuse some
        // bookings by design), spread round-robin over every office and day, as
        // real applicants spread: writers of different office-days do not wait
        // for each other.
        let service = catalog
            .services()
            .iter()
            .find(|s| s.booking_minutes().is_some())
            .ok_or("no bookable service")?;
        let mut queues: Vec<std::collections::VecDeque<HoldRequest>> = Vec::new();
        for office in catalog.offices() {
            for date in dates {
                let mut q = std::collections::VecDeque::new();
                for slot in day_slots(office, service, *date, &calendar)? {
                    for _ in 0..slot.online {
                        q.push_back(HoldRequest {
                            service: service.id.clone(),
                            office: office.id.clone(),
                            date: *date,
                            time: slot.start,
                            replaces: None,
                            proof: None,
                        });
                    }
                }
                queues.push(q);
            }
        }
        let mut plan = Vec::with_capacity(n.min(1 << 16));
        while plan.len() < n && queues.iter().any(|q| !q.is_empty()) {
            for q in &mut queues {
                if let Some(h) = q.pop_front() {
                    if plan.len() < n {
                        plan.push(h);
                    }
                }
            }
        }
        Ok(plan)
    }

    /// A times request for plan item `i`.
    pub fn times_request(plan: &[HoldRequest], i: usize) -> TimesRequest {
        let h = &plan[i % plan.len()];
        TimesRequest {
            service: h.service.clone(),
            office: h.office.clone(),
            date: h.date,
        }
    }

    /// Where a read's time goes (set BENCH_PROBE=1).
    pub async fn probe(&self, plan: &[HoldRequest]) {
        let h = &plan[0];
        let t = std::time::Instant::now();
        for _ in 0..100 {
            let _ = self
                .services
                .store()
                .taken(&h.office.0, h.date, h.date)
                .await;
        }
        eprintln!(
            "one day's rows from the database: {:?} per call",
            t.elapsed() / 100
        );
        let t = std::time::Instant::now();
        for _ in 0..100 {
            let _ = self.backend.times(Env::times_request(plan, 0)).await;
        }
        eprintln!(
            "times (through the read cache): {:?} per call",
            t.elapsed() / 100
        );
    }

    /// Times whose active tickets exceed their capacity (must be 0).
    pub async fn overbookings(&self) -> Result<usize, Error> {
        let counts = self
            .services
            .store()
            .active_per_time()
            .await
            .map_err(|e| e.to_string())?;
        let catalog = self.file.clone().check()?;
        let mut over = 0;
        for (office, _day, _start, n) in counts {
            let o = catalog.office(&OfficeId(office)).ok_or("unknown office")?;
            if usize::try_from(n)? > o.windows.len() {
                over += 1;
            }
        }
        Ok(over)
    }
}

/// The working-day calendar of `data/holidays`.
pub fn calendar() -> Result<domain::calendar::WorkingCalendar, Error> {
    Ok(domain::calendar::WorkingCalendar::new(
        std::fs::read_dir(e2e::root().join("data/holidays"))?
            .filter_map(|e| e.ok())
            .map(|e| toml::from_str(&std::fs::read_to_string(e.path())?).map_err(Error::from))
            .collect::<Result<Vec<_>, Error>>()?,
    )?)
}

/// Keeps the trait in scope for callers.
pub fn backend(env: &Env) -> &dyn Backend {
    env.backend.as_ref()
}
