//! SQLite point reads (one row by its key: a hold, a ticket) run on the calling
//! thread through rusqlite: a few microseconds of B-tree search, where sqlx's
//! SQLite driver sends every statement to a worker thread and back. They never
//! wait: their connections fail at once on a lock (SQLite's WAL readers meet
//! one only while the WAL is being reset), and such a read goes through sqlx.

use super::error::StoreError;
use super::lite::lite_fetch;
use super::tx::internal;
use super::tx::{Arg, DbError, DbRow, Tx};
use super::Store;
use rusqlite::Connection;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Idle connections kept at most (one per request reading at the same instant).
const IDLE: usize = 8;

/// The point-read connections of one database file.
#[derive(Debug, Clone)]
pub(crate) struct Lookups {
    path: PathBuf,
    idle: Arc<Mutex<Vec<Connection>>>,
}

impl Lookups {
    pub(crate) fn new(path: PathBuf) -> Self {
        Lookups {
            path,
            idle: Arc::new(Mutex::new(Vec::new())),
        }
    }

    fn open(&self) -> Result<Connection, rusqlite::Error> {
        let conn = super::open_unwaiting(&self.path)?;
        conn.execute_batch("PRAGMA query_only = ON;")?;
        Ok(conn)
    }

    /// Runs `sql` here and now; `None` when it cannot (no connection, or the
    /// database is locked this instant), and the caller reads it otherwise.
    pub(crate) fn rows(&self, sql: &str, args: &[Arg]) -> Option<Result<Vec<DbRow>, DbError>> {
        let idle = self.idle.lock().ok()?.pop();
        let conn = match idle {
            Some(c) => c,
            None => self.open().ok()?,
        };
        let rows = lite_fetch(&conn, sql, args);
        if matches!(rows, Err(DbError::Busy(_))) {
            return None;
        }
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < IDLE {
                idle.push(conn);
            }
        }
        Some(rows)
    }
}

impl Store {
    /// Reads one row by its key: on SQLite here and now when it can (see
    /// `lookups`), else through the pool.
    pub(super) async fn lookup(&self, sql: &str, args: Vec<Arg>) -> Result<Vec<DbRow>, StoreError> {
        if let Some(rows) = self.lookups.as_ref().and_then(|l| l.rows(sql, &args)) {
            return rows.map_err(internal);
        }
        self.read(sql, args).await
    }

    /// Runs a query on a reading connection of the pool.
    pub(super) async fn read(&self, sql: &str, args: Vec<Arg>) -> Result<Vec<DbRow>, StoreError> {
        let mut conn = self.reads.acquire().await.map_err(internal)?;
        conn.rows(sql, args).await.map_err(internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_latest_commit_and_gives_way_to_a_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.sqlite");
        // A rollback-journal database: a writer's exclusive lock stops readers.
        let writer = Connection::open(&path).unwrap();
        writer
            .execute_batch(
                "CREATE TABLE t (k TEXT PRIMARY KEY, v BIGINT); INSERT INTO t VALUES ('a', 1);",
            )
            .unwrap();
        let lookups = Lookups::new(path);
        let read = |k: &str| lookups.rows("SELECT v FROM t WHERE k = $1", &[Arg::from(k)]);
        assert_eq!(read("a").unwrap().unwrap()[0].int(0).unwrap(), 1);
        assert!(read("b").unwrap().unwrap().is_empty());
        writer
            .execute_batch("UPDATE t SET v = 2 WHERE k = 'a'")
            .unwrap();
        assert_eq!(read("a").unwrap().unwrap()[0].int(0).unwrap(), 2);
        // Locked: no answer here (the caller reads through the pool), no wait.
        writer
            .execute_batch("BEGIN EXCLUSIVE; UPDATE t SET v = 3 WHERE k = 'a';")
            .unwrap();
        let started = std::time::Instant::now();
        assert!(read("a").is_none());
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        writer.execute_batch("COMMIT").unwrap();
        assert_eq!(read("a").unwrap().unwrap()[0].int(0).unwrap(), 3);
        // A bad statement is an error, not a fallback.
        assert!(matches!(
            lookups.rows("SELECT nope FROM t", &[]),
            Some(Err(DbError::Other(_)))
        ));
    }
}
