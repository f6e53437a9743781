//! SQLite's checkpoints, off the single writer.
//!
//! In WAL mode every commit appends the changed pages to the WAL, and a
//! checkpoint copies them back into the database file (and syncs it). SQLite
//! runs the checkpoint inside the commit that crosses its threshold, so every
//! few hundred bookings one of the writer's commits also did that copy while
//! every write queued behind it waited (README, "Booking load": the writer
//! spent about a third of its time there). The writer's connection therefore checkpoints
//! never (`wal_autocheckpoint = 0`); after each commit it nudges this thread,
//! which runs a passive checkpoint (one that never blocks the writer or a
//! reader) on a connection of its own, at most every [`PAUSE`]. With no writes
//! it sleeps.
//!
//! The WAL starts over from its beginning only at a commit that finds every
//! frame copied, so under writes without a pause it keeps growing (over 100 MB a
//! second under the booking benchmark); the first pause of a tenth of a second
//! lets it start over, and the writer's `journal_size_limit` then cuts the file
//! back to 64 MiB. Blocking the writer for a restarting checkpoint instead cost
//! a quarter to a third of the bookings per second (tried).

use super::tx::DbError;
use rusqlite::Connection;
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::time::Duration;

/// The least time between two checkpoints: the pages of the commits in
/// between are copied together.
const PAUSE: Duration = Duration::from_millis(100);

/// The writer's handle: tells the checkpoint thread that the WAL has grown.
/// Not `Clone`: there is one writer, and one record of a report made.
#[derive(Debug)]
pub(crate) struct Checkpoints {
    nudges: SyncSender<()>,
    /// The thread was found gone and that was logged (once, not per commit).
    reported: Cell<bool>,
}

impl Checkpoints {
    /// Starts the thread checkpointing the database file at `path`.
    pub(crate) fn start(path: PathBuf) -> Checkpoints {
        // One pending nudge is enough: the checkpoint copies every commit so far.
        let (nudges, waiting) = sync_channel(1);
        let spawned = std::thread::Builder::new()
            .name("cherga-checkpoint".into())
            .spawn(move || run(&path, &waiting));
        if let Err(e) = spawned {
            tracing::error!(error = %e, "the checkpoint thread did not start");
        }
        Checkpoints {
            nudges,
            reported: Cell::new(false),
        }
    }

    /// Asks for a checkpoint soon; never waits.
    pub(crate) fn nudge(&self) {
        match self.nudges.try_send(()) {
            Ok(()) | Err(TrySendError::Full(())) => {}
            Err(TrySendError::Disconnected(())) => {
                if !self.reported.replace(true) {
                    tracing::error!(
                        "the checkpoint thread has stopped; the WAL is not copied back"
                    );
                }
            }
        }
    }
}

fn run(path: &Path, waiting: &Receiver<()>) {
    let mut conn: Option<Connection> = None;
    // Ends when the writer (every sender) is gone.
    while waiting.recv().is_ok() {
        let c = match conn.take() {
            Some(c) => c,
            None => match super::open_unwaiting(path) {
                Ok(c) => c,
                Err(e) => {
                    // Tried again at the next nudge.
                    tracing::error!(error = %e, "the checkpoint connection did not open");
                    continue;
                }
            },
        };
        match checkpoint(&c).map_err(DbError::from) {
            // Busy: another connection is checkpointing (an import); next time.
            Ok(()) | Err(DbError::Busy(_)) => conn = Some(c),
            Err(e) => tracing::error!(error = %e, "a checkpoint failed"),
        }
        std::thread::sleep(PAUSE);
    }
}

/// A passive checkpoint: copies every frame no reader still needs.
fn checkpoint(conn: &Connection) -> Result<(), rusqlite::Error> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// A database whose writer never checkpoints, with `rows` rows committed.
    fn written(rows: i64) -> (tempfile::TempDir, PathBuf, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.sqlite");
        let conn = crate::store::open_writer(&path, crate::store::Durability::Normal).unwrap();
        conn.execute_batch("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
            .unwrap();
        for k in 0..rows {
            conn.execute("INSERT INTO t VALUES (?1, ?2)", (k, "x".repeat(200)))
                .unwrap();
        }
        (dir, path, conn)
    }

    fn file_len(path: &Path) -> u64 {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    }

    #[test]
    fn the_writer_leaves_every_page_in_the_wal() {
        let (_dir, path, conn) = written(2000);
        let auto: i64 = conn
            .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
            .unwrap();
        assert_eq!(auto, 0);
        // 2 000 rows of 200 bytes: some 100 pages, none copied to the file
        // (which holds the header page written when WAL mode was set).
        assert!(file_len(&path) <= 4096, "{} bytes", file_len(&path));
    }

    #[test]
    fn the_wal_shrinks_back_after_a_burst() {
        let (_dir, path, conn) = written(1);
        let wal = path.with_extension("sqlite-wal");
        // Some 69 MiB in one commit: the WAL grows past the limit of 64 MiB.
        conn.execute(
            "INSERT INTO t (v) SELECT zeroblob(65536) FROM \
             (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100) \
             SELECT i FROM n)",
            [],
        )
        .unwrap();
        assert!(file_len(&wal) > 64 << 20, "{} bytes", file_len(&wal));
        checkpoint(&crate::store::open_unwaiting(&path).unwrap()).unwrap();
        // The next commit starts the WAL over and cuts the file to the limit.
        conn.execute("INSERT INTO t (v) VALUES ('x')", []).unwrap();
        assert!(file_len(&wal) <= 64 << 20, "{} bytes", file_len(&wal));
    }

    #[test]
    fn a_nudge_copies_the_wal_into_the_database_file() {
        let (_dir, path, conn) = written(2000);
        let checkpoints = Checkpoints::start(path.clone());
        checkpoints.nudge();
        let start = Instant::now();
        while file_len(&path) < 300_000 {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no checkpoint after a nudge"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(conn);
    }
}
