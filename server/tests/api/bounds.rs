//! Bounded requests, over real connections: a client that sends its head or
//! its body a byte at a time is cut off, a head over its limit is refused,
//! requests over the in-flight limit are told to come back, PostgreSQL's
//! lock waits end in "busy" and never starve the readiness answer, and
//! readiness says when the node cannot serve.

use crate::common::{error_kind, seed_slot, spawn_app, spawn_with, Db, Options, TestApp};
use crate::guard::first_time;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The longest any of these waits: far beyond the limits under test, so
/// that only a server that never cuts the client off fails.
const PATIENCE: Duration = Duration::from_secs(20);

fn short_limits() -> Options {
    let mut options = Options::default();
    options.limits.request_timeout_secs = 1;
    options.limits.header_timeout_secs = 1;
    options
}

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// Sends `bytes` one at a time, every 200 ms, until the server answers or
/// closes; returns what it answered (empty if it just closed).
async fn trickle(stream: &mut TcpStream, bytes: &[u8]) -> String {
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    for b in bytes {
        if stream.write_all(&[*b]).await.is_err() {
            break;
        }
        match tokio::time::timeout(Duration::from_millis(200), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => {
                answer.extend_from_slice(&buf[..n]);
                break;
            }
            Err(_) => {}
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off() {
    let app = spawn_with(Db::Sqlite, short_limits()).await;
    let host = app.base.trim_start_matches("http://").to_string();
    // A head sent a byte at a time: the connection is closed.
    let mut stream = connect(&app).await;
    let head = format!(
        "GET /healthz/live HTTP/1.1\r\nHost: {host}\r\nX-Pad: {}\r\n\r\n",
        "p".repeat(200)
    );
    let cut = tokio::time::timeout(PATIENCE, trickle(&mut stream, head.as_bytes())).await;
    assert!(cut.is_ok(), "the slow head was never cut off");
    // A body sent a byte at a time: answered 408.
    let mut stream = connect(&app).await;
    let body = "x".repeat(400);
    let head = format!(
        "POST /api/hold HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = tokio::time::timeout(PATIENCE, trickle(&mut stream, body.as_bytes()))
        .await
        .expect("the slow body was never cut off");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    // An idle kept-alive connection is closed too.
    let mut stream = connect(&app).await;
    let head = format!("GET /healthz/live HTTP/1.1\r\nHost: {host}\r\n\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = stream.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    let closed = tokio::time::timeout(PATIENCE, stream.read(&mut buf)).await;
    assert!(
        matches!(closed, Ok(Ok(0)) | Ok(Err(_))),
        "the idle connection stayed open"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_head_over_its_limit_is_refused() {
    let app = spawn_app(Db::Sqlite).await;
    let r = app
        .client
        .get(format!("{}/healthz/live", app.base))
        .header("x-pad", "p".repeat(20 * 1024))
        .send()
        .await;
    // 431, or the connection closed as the head ran over.
    if let Ok(r) = r {
        assert_eq!(r.status(), 431);
    }
    // The server goes on answering.
    assert_eq!(app.get("/healthz/live").await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_over_the_in_flight_limit_are_told_to_come_back() {
    let mut options = Options::default();
    options.limits.max_in_flight = 1;
    let app = spawn_with(Db::Sqlite, options).await;
    let host = app.base.trim_start_matches("http://").to_string();
    // One request in flight: its body is still on its way.
    let mut slow = connect(&app).await;
    let head = format!(
        "POST /api/hold HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{"
    );
    slow.write_all(head.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let catalog = || {
        app.client
            .post(format!("{}/api/catalog", app.base))
            .json(&serde_json::json!({}))
            .send()
    };
    let r = catalog().await.unwrap();
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["retry-after"], "2");
    let (status, answer) = app.call("days", serde_json::json!({})).await;
    assert_eq!(status, 503);
    assert_eq!(answer["limited"]["cause"]["limit"], "busy");
    // Health is not an API call: it still answers.
    assert_eq!(app.get("/healthz/live").await.0, 200);
    // Once the slow one is gone, requests are served again.
    drop(slow);
    let mut served = false;
    for _ in 0..50 {
        let r = catalog().await.unwrap();
        if r.status() == 200 {
            served = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(served);
}

async fn readiness_says_when_the_node_cannot_serve(db: Db) {
    let app = spawn_app(db).await;
    assert_eq!(app.get("/healthz/live").await.0, 200);
    let (status, ready) = app.get("/healthz/ready").await;
    assert_eq!(status, 200, "{ready}");
    let ready: serde_json::Value = serde_json::from_str(&ready).unwrap();
    assert_eq!(ready["ready"], true);
    assert_eq!(ready["writer"], "ok");
    match db {
        Db::Sqlite => assert!(ready["disk_free_bytes"].as_u64() > Some(0)),
        Db::Postgres => assert_eq!(ready["disk"], "unknown"),
    }
    // Asking for more free disk than any disk has: not ready, still live.
    let mut options = Options::default();
    options.limits.min_free_disk_mb = u64::MAX / (1 << 21);
    let full = spawn_with(db, options).await;
    let expected = match db {
        Db::Sqlite => 503,
        Db::Postgres => 200,
    };
    assert_eq!(full.get("/healthz").await.0, expected);
    assert_eq!(full.get("/healthz/live").await.0, 200);
}

on_both!(readiness_says_when_the_node_cannot_serve);

/// PostgreSQL: a write that waits for a lock longer than `lock_timeout` is
/// answered "busy, try again", and the readiness answer, on its own pool,
/// is not starved by the writes that wait.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_lock_waits_end_in_busy_and_leave_reads_alone() {
    use sqlx::{Connection, Executor};
    let options = Options {
        db_pool: 2,
        db_lock_timeout_ms: 1000,
        ..Options::default()
    };
    let app = spawn_with(Db::Postgres, options).await;
    let (date, time, _) = first_time(&app).await;
    let slot = seed_slot("kyiv-podilskyi", &date, &time);
    // Another session locks the table every hold writes to.
    let mut other = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
    other.execute("BEGIN").await.unwrap();
    other
        .execute("LOCK TABLE holds IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    // More writes than the main pool's connections wait behind it…
    let waiting: Vec<_> = (0..4)
        .map(|_| {
            let client = app.client.clone();
            let url = format!("{}/api/hold", app.base);
            let body = slot.clone();
            tokio::spawn(async move {
                let r = client.post(url).json(&body).send().await.unwrap();
                let status = r.status().as_u16();
                let retry = r.headers().get("retry-after").is_some();
                (status, retry, r.json::<serde_json::Value>().await.unwrap())
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // …while the readiness answer still comes, from its own pool.
    let r = tokio::time::timeout(
        Duration::from_secs(2),
        app.client.get(format!("{}/healthz/ready", app.base)).send(),
    )
    .await
    .expect("readiness starved by waiting writes")
    .unwrap();
    assert_eq!(r.status(), 200);
    // Each waiting write gives up at `lock_timeout`, as busy.
    for w in waiting {
        let (status, retry, answer) = w.await.unwrap();
        assert_eq!(status, 503, "{answer}");
        assert!(retry);
        assert_eq!(error_kind(&answer), "limited");
    }
    other.execute("ROLLBACK").await.unwrap();
    let (status, _) = app.call("hold", slot).await;
    assert_eq!(status, 200);
}

/// PostgreSQL: a write whose advisory lock (taken with its `BEGIN`, in one
/// round trip) is not had in time is answered busy, and its connection is
/// not left in a failed transaction: with one connection in the pool, the
/// next write on it succeeds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_lock_not_had_in_time_leaves_the_connection_usable() {
    use sha2::{Digest, Sha256};
    use sqlx::{Connection, Executor};
    let options = Options {
        db_pool: 1,
        db_lock_timeout_ms: 300,
        ..Options::default()
    };
    let app = spawn_with(Db::Postgres, options).await;
    let (date, time, _) = first_time(&app).await;
    let slot = seed_slot("kyiv-podilskyi", &date, &time);
    // The lock id the server takes for this office and day.
    let digest = Sha256::digest(format!("office-day:kyiv-podilskyi:{date}").as_bytes());
    let id = i64::from_le_bytes(digest[..8].try_into().unwrap());
    let mut other = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
    other
        .execute(sqlx::query("SELECT pg_advisory_lock($1)").bind(id))
        .await
        .unwrap();
    let (status, answer) = app.call("hold", slot.clone()).await;
    assert_eq!(status, 503, "{answer}");
    assert_eq!(error_kind(&answer), "limited");
    other
        .execute(sqlx::query("SELECT pg_advisory_unlock($1)").bind(id))
        .await
        .unwrap();
    // Busy while the one connection serves others (the tests beside this
    // one load the database); a connection left in a failed transaction
    // would answer every write with an internal error.
    for _ in 0..50 {
        let (status, answer) = app.call("hold", slot.clone()).await;
        if status == 200 {
            return;
        }
        assert_eq!(status, 503, "{answer}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the hold stayed busy");
}
