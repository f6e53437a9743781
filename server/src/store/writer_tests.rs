//! The single writer: writes racing into one group each keep or lose exactly
//! their own statements, a panicking write is undone alone, and a write whose
//! caller went away still runs to its end.

use super::error::StoreError;
use super::tx::args;
use super::tx::internal;
use super::writer::{WriteOp, Writer};
use sqlx::any::AnyConnectOptions;
use sqlx::{AnyPool, Row};
use std::str::FromStr;

async fn writer() -> (Writer, AnyPool, tempfile::TempDir) {
    sqlx::any::install_default_drivers();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite");
    let conn = super::open_writer(&path, super::Durability::Full).unwrap();
    conn.execute_batch("CREATE TABLE t (k BIGINT PRIMARY KEY)")
        .unwrap();
    let url = format!("sqlite://{}", path.display());
    let options = AnyConnectOptions::from_str(&url).unwrap();
    let pool = AnyPool::connect_with(options).await.unwrap();
    (
        Writer::start(conn, path, super::Durability::Full),
        pool,
        dir,
    )
}

/// Inserts `k`, then keeps it, refuses (undo) or panics, by `k`'s remainder.
fn insert(k: i64) -> impl WriteOp<i64> {
    move |c| {
        Box::pin(async move {
            c.exec("INSERT INTO t (k) VALUES ($1)", args![k])
                .await
                .map_err(internal)?;
            match k % 5 {
                1 => Err(StoreError::NotFound("k")),
                3 => panic!("a bug in write {k}"),
                _ => Ok(k),
            }
        })
    }
}

async fn stored(pool: &AnyPool) -> Vec<i64> {
    sqlx::query("SELECT k FROM t ORDER BY k")
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<i64, _>("k"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_writes_keep_exactly_their_own_statements() {
    let (w, pool, _dir) = writer().await;
    let tasks: Vec<_> = (0..300)
        .map(|k| {
            let w = w.clone();
            tokio::spawn(async move { (k, w.write(insert(k)).await) })
        })
        .collect();
    for t in tasks {
        let (k, answer) = t.await.unwrap();
        match k % 5 {
            1 => assert!(
                matches!(answer, Err(StoreError::NotFound(_))),
                "{k}: {answer:?}"
            ),
            3 => assert!(matches!(answer, Err(StoreError::Failed)), "{k}: {answer:?}"),
            _ => assert_eq!(answer.unwrap(), k),
        }
    }
    let kept: Vec<i64> = (0..300).filter(|k| ![1, 3].contains(&(k % 5))).collect();
    assert_eq!(stored(&pool).await, kept);
}

/// Says it started, waits, then inserts 7.
fn slow(started: tokio::sync::oneshot::Sender<()>) -> impl WriteOp<()> {
    move |c| {
        Box::pin(async move {
            let _ = started.send(());
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            c.exec("INSERT INTO t (k) VALUES (7)", args![])
                .await
                .map_err(internal)?;
            Ok(())
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_whose_caller_left_still_runs_to_its_end() {
    let (w, pool, _dir) = writer().await;
    let (started, wait) = tokio::sync::oneshot::channel::<()>();
    let caller = tokio::spawn({
        let w = w.clone();
        async move { w.write(slow(started)).await }
    });
    wait.await.unwrap();
    caller.abort();
    // The next write is committed after the one whose caller left.
    assert_eq!(w.write(insert(10)).await.unwrap(), 10);
    assert_eq!(stored(&pool).await, vec![7, 10]);
}

#[tokio::test]
async fn the_probe_tells_a_running_writer_from_a_stopped_one() {
    let (w, _pool, _dir) = writer().await;
    assert!(w.probe().await);
    assert!(!Writer::stopped().probe().await);
}
