//! Storage: one boundary over SQLite (the embedded default, WAL mode) and
//! PostgreSQL (for several nodes), through sqlx's `Any` driver with portable SQL
//! and the same migrations. Rows map to domain types here; domain types carry no
//! database derives.

mod audit;
mod booking;
mod catalog;
mod checkpoint;
mod error;
mod holds;
mod life;
mod lite;
mod lookups;
mod news;
mod outbox;
mod queries;
mod reminders;
mod rows;
mod signin;
mod tx;
mod writer;
#[cfg(test)]
mod writer_tests;

pub use rows::{
    ActiveRow, ConfirmKeys, ConfirmOutcome, HoldRow, Moved, NewHold, NewTicket, StoredTicket, Taken,
};

pub use error::StoreError;
pub use life::Move;
pub use outbox::{MessageKind, OutboxEntry, QueuedMessage};
pub use reminders::MessageTicket;
pub use signin::{CodeDecision, NewAttempt, SignInCheck};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyConnection, AnyPool, Executor};
use std::borrow::Cow;
use std::str::FromStr;
use std::time::Duration;
use thiserror::Error;
use tx::internal;
use writer::{WriteOp, Writer};

/// Which database is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite (one writer: writes are queued to one task, see `writer`).
    Sqlite,
    /// PostgreSQL (write transactions take advisory locks).
    Postgres,
}

/// A storage failure (the message never holds personal data: queries bind values).
#[derive(Debug, Error)]
pub enum OpenError {
    /// The URL is neither `sqlite://…` nor `postgres://…`.
    #[error("unsupported database URL (use sqlite://PATH or postgres://…)")]
    BadUrl,
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    /// Migrations failed.
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// SQLite's write connection failed to open.
    #[error("the write connection: {0}")]
    Writer(String),
    /// Stored JSON no longer parses.
    #[error("stored data: {0}")]
    Corrupt(String),
}

/// The database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    dialect: Dialect,
    /// SQLite's single writer (group commit); none on PostgreSQL, whose
    /// writers run side by side under advisory locks.
    writer: Option<Writer>,
    /// SQLite's point reads on the calling thread; none on PostgreSQL.
    lookups: Option<lookups::Lookups>,
    /// The URL (PostgreSQL's, for the listener of other nodes' news).
    url: std::sync::Arc<str>,
}

fn migrator() -> Migrator {
    let m = |version: i64, description: &'static str, sql: &'static str| {
        Migration::new(
            version,
            Cow::Borrowed(description),
            MigrationType::Simple,
            Cow::Borrowed(sql),
            false,
        )
    };
    Migrator {
        migrations: Cow::Owned(vec![
            m(1, "init", include_str!("../../migrations/0001_init.sql")),
            m(
                2,
                "visit index",
                include_str!("../../migrations/0002_visit_index.sql"),
            ),
            m(
                3,
                "fewer ticket indexes",
                include_str!("../../migrations/0003_fewer_ticket_indexes.sql"),
            ),
            m(
                4,
                "ticket life",
                include_str!("../../migrations/0004_ticket_life.sql"),
            ),
            m(
                5,
                "outbox",
                include_str!("../../migrations/0005_outbox.sql"),
            ),
            m(
                6,
                "sign in",
                include_str!("../../migrations/0006_sign_in.sql"),
            ),
        ]),
        ignore_missing: false,
        locking: true,
        no_tx: false,
    }
}

impl Store {
    /// Connects to `url`: `sqlite://PATH` (created if missing) or `postgres://…`.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Store, OpenError> {
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
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if dialect == Dialect::Sqlite {
                        prepare_sqlite(conn).await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options.clone())
            .await?;
        let lookups = file.clone().map(lookups::Lookups::new);
        let writer = match file {
            Some(path) => {
                let conn = open_writer(&path).map_err(|e| OpenError::Writer(e.to_string()))?;
                Some(Writer::start(conn, path))
            }
            None => None,
        };
        Ok(Store {
            pool,
            dialect,
            writer,
            lookups,
            url: url.as_str().into(),
        })
    }

    /// Applies the migrations not yet applied.
    pub async fn migrate(&self) -> Result<(), OpenError> {
        migrator().run(&self.pool).await?;
        Ok(())
    }

    /// The dialect.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// True when the database answers.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Runs `op` as one write transaction, serialised against every other
    /// writer of the same `keys` (an office and day, a contact), and answers
    /// once it is committed; an `Err` from `op` writes nothing. On SQLite the
    /// single writer runs it (with the writes queued beside it, in one commit);
    /// on PostgreSQL it runs here under transaction-scoped advisory locks taken
    /// in a fixed order, so two writers never deadlock.
    pub(crate) async fn write<T: Send + 'static>(
        &self,
        keys: &[&str],
        op: impl WriteOp<T>,
    ) -> Result<T, StoreError> {
        if let Some(writer) = &self.writer {
            return writer.write(op).await;
        }
        let mut tx = self.pool.begin().await.map_err(internal)?;
        let mut ids: Vec<i64> = keys.iter().map(|k| lock_id(k)).collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(internal)?;
        }
        // Dropping the transaction on an error rolls it back.
        let done = op(&mut *tx).await?;
        tx.commit().await.map_err(internal)?;
        Ok(done)
    }
}

/// SQLite settings of every connection: WAL lets readers run beside the
/// writer; NORMAL is durable across process crashes in WAL mode; a writer
/// outside the single writer (an import) waits for the lock instead of failing;
/// temporary files (the journal of each write's savepoint) stay in memory.
async fn prepare_sqlite(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    conn.execute(SQLITE_SETTINGS).await?;
    Ok(())
}

const SQLITE_SETTINGS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
     PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;";

/// Opens SQLite's write connection (rusqlite) with the settings of
/// [`prepare_sqlite`].
fn open_writer(path: &std::path::Path) -> Result<rusqlite::Connection, rusqlite::Error> {
    let conn = rusqlite::Connection::open(path)?;
    conn.execute_batch(SQLITE_SETTINGS)?;
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
fn open_unwaiting(path: &std::path::Path) -> Result<rusqlite::Connection, rusqlite::Error> {
    let conn = rusqlite::Connection::open(path)?;
    conn.busy_timeout(Duration::ZERO)?;
    Ok(conn)
}

/// A stable 64-bit lock id for a key.
fn lock_id(key: &str) -> i64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(key.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_le_bytes(bytes)
}
