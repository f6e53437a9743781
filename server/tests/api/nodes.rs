//! Three nodes over one PostgreSQL, a storm across them: holds on the
//! first, confirms on the second, cancels and moves on the third, all at
//! once. Every request is answered with a typed answer; no time is over
//! capacity; nobody has two active tickets for one service.

use crate::common::{confirm_body, error_kind, seed_slot, spawn_with, Db, Options, TestApp};
use serde_json::{json, Value};
use std::sync::Arc;

const PODIL: &str = "kyiv-podilskyi";
const DAY: &str = "2026-12-07";
const TIMES: [&str; 4] = ["09:00", "09:20", "09:40", "10:00"];
/// Each of the four times has two places.
const PLACES: i64 = 2;

async fn hold(app: &TestApp, time: &str) -> Value {
    let (status, hold) = app.call("hold", seed_slot(PODIL, DAY, time)).await;
    assert_eq!(status, 200, "{hold}");
    hold["hold_id"].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_storm_across_three_nodes_keeps_every_rule() {
    // Holds expire at once: only the writes decide.
    let options = || Options {
        hold_minutes: 0,
        db_pool: 8,
        ..Options::default()
    };
    let a = Arc::new(spawn_with(Db::Postgres, options()).await);
    let other = || Options {
        db_url: Some(a.db_url.clone()),
        ..options()
    };
    let b = Arc::new(spawn_with(Db::Postgres, other()).await);
    let c = Arc::new(spawn_with(Db::Postgres, other()).await);
    // Four tickets to move and cancel, one at each time, booked through
    // the second node.
    let mut tickets = Vec::new();
    for n in 1..=4u32 {
        let hold_id = hold(&a, TIMES[n as usize - 1]).await;
        let (status, t) = b.call("confirm", confirm_body(n, &hold_id)).await;
        assert_eq!(status, 200, "{t}");
        tickets.push(t);
    }
    let mut calls: Vec<(Arc<TestApp>, &str, Value)> = Vec::new();
    // Moves of the first three, ten rounds: held on A, moved on C.
    for round in 0..10 {
        for (i, t) in tickets.iter().take(3).enumerate() {
            let time = TIMES[(i + round + 1) % 4];
            let body = json!({ "id": t["id"], "token": t["access_token"], "hold_id": hold(&a, time).await });
            calls.push((c.clone(), "reschedule", body));
        }
    }
    // The fourth is cancelled on C, twenty times at once.
    for _ in 0..20 {
        let t = &tickets[3];
        let body = json!({ "id": t["id"], "token": t["access_token"] });
        calls.push((c.clone(), "cancel", body));
    }
    // Thirty people each confirm two times on B (held on A): one at most
    // may stand.
    for p in 0..30u32 {
        for k in 0..2 {
            let hold_id = hold(&a, TIMES[((p + k) % 4) as usize]).await;
            calls.push((b.clone(), "confirm", confirm_body(100 + p, &hold_id)));
        }
    }
    let tasks: Vec<_> = calls
        .into_iter()
        .map(|(node, name, body)| tokio::spawn(async move { (name, node.call(name, body).await) }))
        .collect();
    let mut confirmed = 0;
    for task in tasks {
        let (name, (status, answer)) = task.await.expect("every request is answered");
        let kind = if status == 200 {
            "ok"
        } else {
            error_kind(&answer)
        };
        let expected: &[&str] = match name {
            "cancel" => &["ok"],
            "reschedule" => &["ok", "taken", "hold_expired"],
            _ => &["ok", "taken", "hold_expired", "booking"],
        };
        assert!(expected.contains(&kind), "{name} {status}: {answer}");
        if name == "confirm" && status == 200 {
            confirmed += 1;
        }
    }
    assert!(confirmed > 0);
    // What the database holds, read directly.
    use sqlx::Connection;
    let mut db = sqlx::PgConnection::connect(&a.db_url).await.unwrap();
    let per_time: Vec<(String, i64)> = sqlx::query_as(
        "SELECT start_time, COUNT(*) FROM tickets WHERE status = 'booked' AND day = $1
         GROUP BY start_time",
    )
    .bind(DAY)
    .fetch_all(&mut db)
    .await
    .unwrap();
    assert!(
        per_time.iter().all(|(_, n)| *n <= PLACES),
        "over capacity: {per_time:?}"
    );
    let total: i64 = per_time.iter().map(|(_, n)| n).sum();
    assert_eq!(
        total,
        3 + confirmed,
        "every ticket in one place: {per_time:?}"
    );
    let twice: Vec<(String,)> = sqlx::query_as(
        "SELECT person_key FROM tickets WHERE status = 'booked'
         GROUP BY person_key, service_id HAVING COUNT(*) > 1",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    assert!(twice.is_empty(), "two active tickets for one person");
    // Every node sees the cancel.
    for node in [&a, &b, &c] {
        let t = &tickets[3];
        let (_, opened) = node
            .call(
                "ticket",
                json!({ "id": t["id"], "token": t["access_token"] }),
            )
            .await;
        assert_eq!(opened["status"], "cancelled");
    }
}
