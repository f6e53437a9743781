//! SQLite's single writer with group commit.
//!
//! SQLite lets one connection write at a time, and each commit writes the
//! changed pages to the WAL. So writes are queued to one task that owns the
//! write connection: it takes every write queued meanwhile (up to
//! [`MAX_GROUP`]), runs them one after another in one transaction, each under
//! its own savepoint (a write that fails leaves no trace and does not disturb
//! the others), and commits them together. A write is answered only after the
//! commit that holds it, so "done" always means "on disk"; if that commit fails,
//! every write in it is answered with the failure.
//!
//! The write connection is rusqlite's, on the writer's own thread: each
//! statement is a call there, not a round trip to another thread (sqlx's
//! SQLite driver runs every statement on a worker thread of its own).
//!
//! The writer never copies the WAL back into the database file itself: after
//! each commit it nudges the checkpoint thread (`checkpoint`).
//!
//! The writer is a task of its own, so a request dropped while its write is
//! queued or running (a client gone, a timeout) never leaves a transaction
//! half-done: the write still runs to its end and its answer is dropped.

use super::checkpoint::Checkpoints;
use super::connect::Durability;
use super::error::StoreError;
use super::tx::{internal, ConnFuture, Tx};
use futures::FutureExt;
use rusqlite::Connection;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use tokio::sync::{mpsc, oneshot};

/// At most this many writes share one commit (keeps a commit's pages and
/// the wait of the first write in a group bounded).
pub(crate) const MAX_GROUP: usize = 64;

/// A write: statements run on the writer's connection, inside its transaction.
/// An `Err` means "write nothing"; its statements are undone.
pub(crate) trait WriteOp<T>:
    for<'c> FnOnce(&'c mut dyn Tx) -> ConnFuture<'c, Result<T, StoreError>> + Send + 'static
{
}

impl<T, F> WriteOp<T> for F where
    F: for<'c> FnOnce(&'c mut dyn Tx) -> ConnFuture<'c, Result<T, StoreError>> + Send + 'static
{
}

/// A queued write, its result type erased.
type Job = Box<dyn for<'c> FnOnce(&'c mut dyn Tx) -> ConnFuture<'c, Box<dyn Ran>> + Send>;

/// A write that ran, waiting for its commit to be answered.
trait Ran: Send {
    /// True if it wants its statements kept.
    fn wrote(&self) -> bool;
    /// Answers the caller once the fate of the group is known.
    fn answer(self: Box<Self>, committed: Result<(), StoreError>);
}

struct Reply<T> {
    result: Result<T, StoreError>,
    to: oneshot::Sender<Result<T, StoreError>>,
}

impl<T: Send> Ran for Reply<T> {
    fn wrote(&self) -> bool {
        self.result.is_ok()
    }

    fn answer(self: Box<Self>, committed: Result<(), StoreError>) {
        let result = match committed {
            Ok(()) => self.result,
            Err(e) => Err(e),
        };
        // The caller may be gone; its write stands (or fell) all the same.
        let _ = self.to.send(result);
    }
}

/// The handle requests queue their writes through.
#[derive(Debug, Clone)]
pub(crate) struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer over `conn`, a connection to the database file
    /// `path`, which is opened again should that connection fail.
    pub(crate) fn start(conn: Connection, path: PathBuf, durability: Durability) -> Writer {
        let (jobs, queue) = mpsc::channel(4 * MAX_GROUP);
        let checkpoints = Checkpoints::start(path.clone());
        // A thread of its own: between two statements the writer never waits
        // behind the requests queued on the server's runtime.
        let spawned = std::thread::Builder::new()
            .name("cherga-writer".into())
            .spawn(move || {
                match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt.block_on(run(conn, path, durability, queue, checkpoints)),
                    // Dropping the queue answers every write with a failure.
                    Err(e) => drop(internal(e)),
                }
            });
        if let Err(e) = spawned {
            internal(e);
        }
        Writer { jobs }
    }

    /// A writer whose thread has stopped (tests).
    #[cfg(test)]
    pub(crate) fn stopped() -> Writer {
        let (jobs, queue) = mpsc::channel(1);
        drop(queue);
        Writer { jobs }
    }

    /// True if the writer runs and commits: an empty write goes through it.
    pub(crate) async fn probe(&self) -> bool {
        self.write(|_tx| Box::pin(async { Ok(()) })).await.is_ok()
    }

    /// Queues `op` and waits until it is committed (or undone).
    pub(crate) async fn write<T: Send + 'static>(
        &self,
        op: impl WriteOp<T>,
    ) -> Result<T, StoreError> {
        let (to, answer) = oneshot::channel();
        let job: Job = Box::new(move |conn| {
            Box::pin(async move {
                let result = op(conn).await;
                Box::new(Reply { result, to }) as Box<dyn Ran>
            })
        });
        self.jobs
            .send(job)
            .await
            .map_err(|_| internal("the writer has stopped"))?;
        // A dropped answer: the write panicked, or its group failed before it ran.
        answer
            .await
            .unwrap_or_else(|_| Err(internal("the write did not run to its end")))
    }
}

async fn run(
    conn: Connection,
    path: PathBuf,
    durability: Durability,
    mut queue: mpsc::Receiver<Job>,
    checkpoints: Checkpoints,
) {
    let mut conn = Some(conn);
    let mut group = Vec::with_capacity(MAX_GROUP);
    while queue.recv_many(&mut group, MAX_GROUP).await > 0 {
        let mut c = match conn.take() {
            Some(c) => c,
            None => match super::open_writer(&path, durability) {
                Ok(c) => c,
                Err(e) => {
                    // Dropping the group answers each write with a failure.
                    internal(e);
                    group.clear();
                    continue;
                }
            },
        };
        match commit_group(&mut c, group.drain(..)).await {
            Ok(()) => {
                conn = Some(c);
                checkpoints.nudge();
            }
            // The connection's state is unknown: the next group opens another.
            Err(e) => drop(internal(e)),
        }
    }
}

/// Runs `group` in one transaction and commits it. `Err` means the connection
/// failed; every write that ran has been answered either way.
async fn commit_group(
    conn: &mut Connection,
    group: impl Iterator<Item = Job>,
) -> Result<(), rusqlite::Error> {
    let mut ran: Vec<Box<dyn Ran>> = Vec::with_capacity(MAX_GROUP);
    let outcome = match run_group(conn, group, &mut ran).await {
        Ok(close) => control(conn, close),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => {
            for r in ran {
                r.answer(Ok(()));
            }
            Ok(())
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            for r in ran {
                r.answer(Err(StoreError::Failed));
            }
            Err(e)
        }
    }
}

/// Runs the writer's own statements (no parameters), each prepared once and
/// kept in the connection's statement cache.
fn control(conn: &Connection, statements: &[&str]) -> Result<(), rusqlite::Error> {
    for sql in statements {
        conn.prepare_cached(sql)?.raw_execute()?;
    }
    Ok(())
}

/// Runs each write of `group` under a savepoint, answering at once those that
/// wrote nothing and keeping the others in `ran` for the commit. Returns the
/// statements that end the group (closing the last savepoint and committing).
async fn run_group(
    conn: &mut Connection,
    group: impl Iterator<Item = Job>,
    ran: &mut Vec<Box<dyn Ran>>,
) -> Result<&'static [&'static str], rusqlite::Error> {
    let mut open: &[&str] = &["BEGIN IMMEDIATE", "SAVEPOINT w"];
    let mut last_kept = None;
    for job in group {
        control(conn, open)?;
        // A panic in a write (a bug) undoes that write only; its caller's
        // answer channel is dropped, which answers it with a failure.
        let done = AssertUnwindSafe(job(conn)).catch_unwind().await;
        let kept = match done {
            Ok(r) if r.wrote() => {
                ran.push(r);
                true
            }
            Ok(r) => {
                // Undone before the next statement runs.
                r.answer(Ok(()));
                false
            }
            Err(_) => {
                tracing::error!("a write panicked; it is undone");
                false
            }
        };
        open = if kept {
            &["RELEASE w", "SAVEPOINT w"]
        } else {
            &["ROLLBACK TO w", "RELEASE w", "SAVEPOINT w"]
        };
        last_kept = Some(kept);
    }
    Ok(match last_kept {
        Some(true) => &["RELEASE w", "COMMIT"],
        Some(false) => &["ROLLBACK TO w", "RELEASE w", "COMMIT"],
        None => &["BEGIN IMMEDIATE", "COMMIT"],
    })
}
