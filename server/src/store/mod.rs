//! Storage: one boundary over SQLite (the embedded default, WAL mode) and
//! PostgreSQL (for several nodes), through sqlx's `Any` driver with portable SQL
//! and the same migrations. Rows map to domain types here; domain types carry no
//! database derives.

mod audit;
mod booking;
mod catalog;
mod rows;

pub use rows::{
    ActiveRow, ConfirmKeys, ConfirmOutcome, HoldRow, NewHold, NewTicket, StoredTicket, Taken,
};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Executor};
use std::borrow::Cow;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use thiserror::Error;

/// Which database is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite (one writer at a time: write transactions use `BEGIN IMMEDIATE`).
    Sqlite,
    /// PostgreSQL (write transactions take advisory locks).
    Postgres,
}

/// A storage failure (the message never holds personal data: queries bind values).
#[derive(Debug, Error)]
pub enum StoreError {
    /// The URL is neither `sqlite://…` nor `postgres://…`.
    #[error("unsupported database URL (use sqlite://PATH or postgres://…)")]
    BadUrl,
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    /// Migrations failed.
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Stored JSON no longer parses.
    #[error("stored data: {0}")]
    Corrupt(String),
}

/// The database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    dialect: Dialect,
    /// SQLite has one writer at a time; writers queue here instead of polling
    /// the file lock (SQLite's busy handler sleeps in growing steps).
    write_gate: Arc<tokio::sync::Mutex<()>>,
}

/// A write transaction, holding the in-process write gate where there is one.
pub(crate) struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _gate: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    /// Commits, then opens the gate.
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
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
        migrations: Cow::Owned(vec![m(
            1,
            "init",
            include_str!("../../migrations/0001_init.sql"),
        )]),
        ignore_missing: false,
        locking: true,
        no_tx: false,
    }
}

impl Store {
    /// Connects to `url`: `sqlite://PATH` (created if missing) or `postgres://…`.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (dialect, url) = if let Some(path) = url.strip_prefix("sqlite://") {
            let file = path.split('?').next().unwrap_or(path);
            if let Some(parent) = std::path::Path::new(file)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
            {
                std::fs::create_dir_all(parent).map_err(|e| StoreError::Db(sqlx::Error::Io(e)))?;
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
            return Err(StoreError::BadUrl);
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if dialect == Dialect::Sqlite {
                        // WAL lets readers run beside the writer; NORMAL is durable
                        // across process crashes in WAL mode; a writer waits for the
                        // lock instead of failing at once.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA busy_timeout = 30000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Store {
            pool,
            dialect,
            write_gate: Arc::new(tokio::sync::Mutex::new(())),
        })
    }

    /// Applies the migrations not yet applied.
    pub async fn migrate(&self) -> Result<(), StoreError> {
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

    /// Begins a write transaction serialised against every other writer of the
    /// same `keys` (an office and day, a contact): SQLite takes its single write
    /// lock up front; PostgreSQL takes transaction-scoped advisory locks in a
    /// fixed order, so two writers never deadlock.
    async fn begin_write(&self, keys: &[&str]) -> Result<WriteTx, sqlx::Error> {
        match self.dialect {
            Dialect::Sqlite => {
                let gate = self.write_gate.clone().lock_owned().await;
                let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
                Ok(WriteTx {
                    tx,
                    _gate: Some(gate),
                })
            }
            Dialect::Postgres => {
                let mut tx = self.pool.begin().await?;
                let mut ids: Vec<i64> = keys.iter().map(|k| lock_id(k)).collect();
                ids.sort_unstable();
                ids.dedup();
                for id in ids {
                    sqlx::query("SELECT pg_advisory_xact_lock($1)")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
                Ok(WriteTx { tx, _gate: None })
            }
        }
    }
}

/// A stable 64-bit lock id for a key.
fn lock_id(key: &str) -> i64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(key.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_le_bytes(bytes)
}
