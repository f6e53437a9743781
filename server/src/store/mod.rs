//! Storage: one boundary over SQLite (the embedded default, WAL mode) and
//! PostgreSQL (for several nodes), through sqlx's `Any` driver with portable SQL
//! and the same migrations. Rows map to domain types here; domain types carry no
//! database derives.

mod audit;
mod bank_receipts;
mod board;
mod booking;
mod booking_pg;
mod catalog;
mod checkpoint;
mod confirm_batch;
mod confirm_batch_in;
mod connect;
mod console;
mod console_sweep;
mod error;
mod help;
mod hold_batch;
mod hold_rows;
mod holds;
mod life;
mod lite;
mod lookups;
mod migrations;
mod my_data;
mod news;
mod node;
mod outbox;
mod payments;
mod queries;
mod rekey;
mod reminders;
mod reports;
mod retention;
mod rows;
mod shared;
mod signin;
mod staff;
mod ticket_write;
mod trail;
mod tx;
mod walk_in;
mod writer;
#[cfg(test)]
mod writer_tests;

pub use rows::{
    ActiveRow, ConfirmKeys, ConfirmOutcome, HoldRow, Moved, NewHold, NewTicket, StoredTicket, Taken,
};

pub use bank_receipts::BankReceipt;
pub use catalog::{BookedVisit, CatalogChange};
use connect::{open_unwaiting, open_writer};
pub use connect::{Durability, Health, PoolSettings};
pub use console::{Change, QueueRow, Set};
pub use error::StoreError;
pub use holds::HoldClient;
pub use life::Move;
pub use my_data::{Held, HeldEvent, HeldMessage, HeldPayment, HeldTicket};
pub use node::{host_name, name_node, node};
pub use outbox::{MessageKind, OutboxEntry, QueuedMessage};
pub use payments::{Outcome, PaymentRow, Recorded};
pub use rekey::{KeySource, TicketKeys, KEYS_VERSION};
pub use reminders::MessageTicket;
pub use reports::ReportRows;
pub use signin::{CodeDecision, NewAttempt, SignInCheck};
use sqlx::AnyPool;
pub use staff::StaffRow;
use thiserror::Error;
pub use trail::{NewStaffEvent, TrailQuery, TrailRow};
use tx::internal;
pub use walk_in::NewWalkIn;
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
    /// The pool of reads and health checks: PostgreSQL's own small pool, so
    /// that writes queued behind a lock do not starve them; SQLite's pool.
    reads: AnyPool,
    /// The database file (SQLite).
    file: Option<std::path::PathBuf>,
    dialect: Dialect,
    /// SQLite's single writer (group commit); none on PostgreSQL, whose
    /// writers run side by side under advisory locks.
    writer: Option<Writer>,
    /// SQLite's point reads on the calling thread; none on PostgreSQL.
    lookups: Option<lookups::Lookups>,
    /// The URL (PostgreSQL's, for the listener of other nodes' news).
    url: std::sync::Arc<str>,
    /// The holds waiting to be written, by office and day.
    holds: std::sync::Arc<hold_batch::HoldQueues>,
    /// The confirms waiting to be written (PostgreSQL).
    confirms: std::sync::Arc<confirm_batch::ConfirmQueue>,
}

impl Store {
    /// The dialect.
    pub fn dialect(&self) -> Dialect {
        self.dialect
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
        self.write_as(keys, Flush::Wait, op).await
    }

    /// [`Store::write`], answered on PostgreSQL as `flush` says.
    pub(crate) async fn write_as<T: Send + 'static>(
        &self,
        keys: &[&str],
        flush: Flush,
        op: impl WriteOp<T>,
    ) -> Result<T, StoreError> {
        if let Some(writer) = &self.writer {
            return writer.write(op).await;
        }
        let mut ids: Vec<i64> = keys.iter().map(|k| lock_id(k)).collect();
        ids.sort_unstable();
        ids.dedup();
        // Its own task: a caller that goes away (a timed-out request) does
        // not cut the transaction off between its statements.
        let pool = self.pool.clone();
        tokio::spawn(write_pg(pool, ids, flush, op))
            .await
            .map_err(internal)?
    }
}

/// One write transaction on PostgreSQL under the advisory locks `ids`, taken
/// in their order. `BEGIN` and the locks go in one round trip (a simple query
/// of several statements; each takes its snapshot after the one before, so
/// the reads after it see every write committed under the same locks).
fn write_pg<T: Send + 'static>(
    pool: AnyPool,
    ids: Vec<i64>,
    flush: Flush,
    op: impl WriteOp<T>,
) -> tx::ConnFuture<'static, Result<T, StoreError>> {
    Box::pin(async move {
        use sqlx::Connection;
        let mut conn = pool.acquire().await.map_err(internal)?;
        let begin: String = std::iter::once("BEGIN".to_string())
            .chain(
                (flush == Flush::Early).then(|| "SET LOCAL synchronous_commit = off".to_string()),
            )
            .chain(
                ids.iter()
                    .map(|id| format!("SELECT pg_advisory_xact_lock(CAST('{id}' AS BIGINT))")),
            )
            .collect::<Vec<_>>()
            .join("; ");
        let failed = match conn.begin_with(begin).await {
            Ok(mut tx) => {
                // Dropping the transaction on an error rolls it back.
                let done = op(&mut *tx).await?;
                tx.commit().await.map_err(internal)?;
                return Ok(done);
            }
            Err(e) => e,
        };
        // A lock not had in time leaves the transaction open and failed: it is
        // ended here, or the connection is not used again.
        if sqlx::query("ROLLBACK").execute(&mut *conn).await.is_err() {
            conn.close_on_drop();
        }
        Err(internal(failed))
    })
}

/// When a write on PostgreSQL is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flush {
    /// Once its commit is on disk (a ticket, its changes, a message sent).
    Wait,
    /// Once committed, its record flushed a moment later with the next
    /// write that waits (`synchronous_commit = off`): for a hold only, which
    /// a power cut in that moment loses as its ten minutes would (the
    /// applicant holds again; the database stays consistent).
    Early,
}

/// A stable 64-bit lock id for a key.
fn lock_id(key: &str) -> i64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(key.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_le_bytes(bytes)
}
