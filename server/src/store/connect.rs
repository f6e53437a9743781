//! Opening the store: the pools (PostgreSQL's own pool of reads, its time
//! limits on every connection), SQLite's settings and its single writer,
//! and the health checks of the readiness answer.

use super::{lookups, Dialect, OpenError, Store, Writer};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, Executor};
use std::str::FromStr;
use std::time::Duration;

/// The pools' sizes and PostgreSQL's time limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    /// Connections of the main pool.
    pub connections: u32,
    /// PostgreSQL: connections of the pool for reads and health checks.
    pub read_connections: u32,
    /// PostgreSQL `statement_timeout` (ms).
    pub statement_timeout_ms: u64,
    /// PostgreSQL `lock_timeout` (ms): how long a write waits for a lock.
    pub lock_timeout_ms: u64,
    /// PostgreSQL `idle_in_transaction_session_timeout` (ms).
    pub idle_in_transaction_ms: u64,
    /// SQLite: when a commit counts as done.
    pub durability: Durability,
}

impl PoolSettings {
    /// `connections` in the main pool, the rest as `serve`'s defaults.
    pub fn new(connections: u32) -> Self {
        PoolSettings {
            connections,
            read_connections: 4,
            statement_timeout_ms: 10000,
            lock_timeout_ms: 5000,
            idle_in_transaction_ms: 15000,
            durability: Durability::default(),
        }
    }

    /// What each PostgreSQL connection is set to when it opens.
    fn postgres_session(&self) -> String {
        format!(
            "SET statement_timeout = {}; SET lock_timeout = {}; SET idle_in_transaction_session_timeout = {};",
            self.statement_timeout_ms, self.lock_timeout_ms, self.idle_in_transaction_ms
        )
    }
}

/// How the server stands, for its readiness answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// The database answers a read.
    pub database: bool,
    /// SQLite: the single writer commits (an empty write ran through it);
    /// PostgreSQL: always true (writes go through the database).
    pub writer: bool,
    /// Free bytes on the disk of the database file (SQLite only).
    pub disk_free: Option<u64>,
}

impl Store {
    /// Connects to `url`: `sqlite://PATH` (created if missing) or `postgres://…`.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Store, OpenError> {
        Store::connect_with(url, PoolSettings::new(max_connections)).await
    }

    /// [`Store::connect`] with the pools' `settings`.
    pub async fn connect_with(url: &str, settings: PoolSettings) -> Result<Store, OpenError> {
        sqlx::any::install_default_drivers();
        let mut file = None;
        let (dialect, url) = if let Some(path) = url.strip_prefix("sqlite://") {
            let path_only = path.split('?').next().unwrap_or(path);
            file = Some(std::path::PathBuf::from(path_only));
            if let Some(parent) = std::path::Path::new(path_only)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
            {
                std::fs::create_dir_all(parent).map_err(|e| OpenError::Db(sqlx::Error::Io(e)))?;
            }
            create_private(std::path::Path::new(path_only))
                .map_err(|e| OpenError::Db(sqlx::Error::Io(e)))?;
            let url = if path.contains("mode=") {
                url.to_string()
            } else {
                format!(
                    "{url}{}mode=rwc",
                    if path.contains('?') { '&' } else { '?' }
                )
            };
            (Dialect::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Dialect::Postgres, url.to_string())
        } else {
            return Err(OpenError::BadUrl);
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let session: std::sync::Arc<str> = settings.postgres_session().into();
        let pool_of = |connections: u32| {
            let session = session.clone();
            AnyPoolOptions::new()
                .max_connections(connections.max(1))
                .acquire_timeout(Duration::from_secs(30))
                .after_connect(move |conn, _meta| {
                    let session = session.clone();
                    Box::pin(async move {
                        match dialect {
                            Dialect::Sqlite => prepare_sqlite(conn).await?,
                            Dialect::Postgres => {
                                conn.execute(&*session).await?;
                            }
                        }
                        Ok(())
                    })
                })
        };
        let pool = pool_of(settings.connections)
            .connect_with(options.clone())
            .await?;
        let reads = match dialect {
            Dialect::Sqlite => pool.clone(),
            Dialect::Postgres => {
                pool_of(settings.read_connections)
                    .connect_with(options.clone())
                    .await?
            }
        };
        let lookups = file.clone().map(lookups::Lookups::new);
        let writer = match file.clone() {
            Some(path) => {
                let durability = settings.durability;
                let conn =
                    open_writer(&path, durability).map_err(|e| OpenError::Writer(e.to_string()))?;
                Some(Writer::start(conn, path, durability))
            }
            None => None,
        };
        Ok(Store {
            pool,
            reads,
            file,
            dialect,
            writer,
            lookups,
            url: url.as_str().into(),
            holds: Default::default(),
            confirms: Default::default(),
        })
    }

    /// True when the database answers (through the pool of reads).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.reads).await.is_ok()
    }

    /// How the store stands: the database answers, SQLite's writer commits
    /// (each check waits at most `within`), and the disk's free space.
    pub async fn health(&self, within: Duration) -> Health {
        let database = tokio::time::timeout(within, self.ping())
            .await
            .unwrap_or(false);
        let writer = match &self.writer {
            Some(w) => tokio::time::timeout(within, w.probe())
                .await
                .unwrap_or(false),
            None => true,
        };
        let disk_free = self.file.as_deref().and_then(free_space);
        Health {
            database,
            writer,
            disk_free,
        }
    }
}

/// SQLite settings of every connection: WAL lets readers run beside the
/// writer; NORMAL here (the readers commit nothing; the single writer sets
/// its own, [`Durability`]); a writer
/// outside the single writer (an import) waits for the lock instead of failing;
/// temporary files (the journal of each write's savepoint) stay in memory.
async fn prepare_sqlite(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    conn.execute(SQLITE_SETTINGS).await?;
    Ok(())
}

const SQLITE_SETTINGS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
     PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;";

/// When SQLite's commit counts as done (`PRAGMA synchronous` of the single
/// writer, the only connection that commits bookings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// `FULL`: a commit is answered once the WAL is synced to the disk, so a
    /// booking answered 2xx survives a power cut too (one sync per group of
    /// writes, see `writer`).
    #[default]
    Full,
    /// `NORMAL`: synced at checkpoints only; survives a killed process, but a
    /// power cut may lose the last commits answered.
    Normal,
}

impl Durability {
    fn pragma(self) -> &'static str {
        match self {
            Durability::Full => "PRAGMA synchronous = FULL;",
            Durability::Normal => "PRAGMA synchronous = NORMAL;",
        }
    }
}

/// Opens SQLite's write connection (rusqlite) with the settings of
/// [`prepare_sqlite`] and the commit's `durability`.
/// Creates the database file, if it is not there, readable and writable by
/// this user only (its WAL and shared-memory files get the same mode from
/// SQLite): it holds personal data. An existing file keeps its mode.
fn create_private(path: &std::path::Path) -> std::io::Result<()> {
    if path.as_os_str().is_empty() || path.as_os_str() == ":memory:" {
        return Ok(());
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

pub(super) fn open_writer(
    path: &std::path::Path,
    durability: Durability,
) -> Result<rusqlite::Connection, rusqlite::Error> {
    let conn = rusqlite::Connection::open(path)?;
    conn.execute_batch(SQLITE_SETTINGS)?;
    conn.execute_batch(durability.pragma())?;
    // The writer touches the same index pages write after write: a page cache
    // of 64 MiB (SQLite's default is 2 MiB) keeps them instead of reading them
    // back from the file. It never checkpoints: a thread of its own does
    // (`checkpoint`). After a burst of writes the WAL file shrinks back to
    // 64 MiB when it next starts over (SQLite keeps its largest size otherwise).
    conn.execute_batch(
        "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 0;
         PRAGMA journal_size_limit = 67108864;",
    )?;
    // Every statement the writer runs stays prepared (some twenty).
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

/// Opens a connection beside the writer (point reads, checkpoints) that never
/// waits for a lock: it fails at once, and its caller goes another way.
pub(super) fn open_unwaiting(
    path: &std::path::Path,
) -> Result<rusqlite::Connection, rusqlite::Error> {
    let conn = rusqlite::Connection::open(path)?;
    conn.busy_timeout(Duration::ZERO)?;
    Ok(conn)
}

/// Free bytes for an unprivileged writer on the file system of `file`.
fn free_space(file: &std::path::Path) -> Option<u64> {
    let dir = match file.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => dir,
        None => std::path::Path::new("."),
    };
    let stat = rustix::fs::statvfs(dir).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}
