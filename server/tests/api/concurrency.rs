//! Booking can never oversell and never gives one person two active tickets for
//! one service, however many requests race: 510 concurrent confirms over three
//! times of capacity 2, every person trying all three times ten times over
//! (on PostgreSQL, confirms written together in batches); a confirm retried
//! many times at once gives one ticket.

use crate::common::{confirm_body, error_kind, seed_slot, spawn_with, Db, Options};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

const SEED: &str = "passport-lost-stolen";
const PODIL: &str = "kyiv-podilskyi";
const DATE: &str = "2026-12-07";
const TIMES: [&str; 3] = ["09:00", "09:20", "09:40"];
const PERSONS: u32 = 51;
const TRIES_PER_PERSON: u32 = 10;

async fn confirms_race_without_overbooking(db: Db) {
    // Holds that expire at once: nothing blocks the race but the confirm itself,
    // which must re-check the place under the lock.
    let app = Arc::new(
        spawn_with(
            db,
            Options {
                hold_minutes: 0,
                max_per_contact: 4,
                db_pool: 16,
                ..Options::default()
            },
        )
        .await,
    );
    let mut attempts = Vec::new();
    for p in 0..PERSONS {
        for t in 0..TRIES_PER_PERSON {
            let time = TIMES[((p + t) % 3) as usize];
            let (status, hold) = app
                .call(
                    "hold",
                    json!({ "service": SEED, "office": PODIL, "date": DATE, "time": time }),
                )
                .await;
            assert_eq!(status, 200, "{hold}");
            attempts.push((p, time, confirm_body(p, &hold["hold_id"])));
        }
    }
    assert_eq!(attempts.len(), 510);
    let together = confirmed_together(&app).await;
    let tasks: Vec<_> = attempts
        .into_iter()
        .map(|(p, time, body)| {
            let app = app.clone();
            tokio::spawn(async move {
                let (status, answer) = app.call("confirm", body).await;
                (p, time, status, answer)
            })
        })
        .collect();
    let mut per_time: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_person: BTreeMap<u32, usize> = BTreeMap::new();
    let mut numbers = BTreeSet::new();
    let mut refusals: BTreeMap<String, usize> = BTreeMap::new();
    for task in tasks {
        let (p, time, status, answer) = task.await.expect("every request is answered");
        match status {
            200 => {
                *per_time.entry(time).or_default() += 1;
                *per_person.entry(p).or_default() += 1;
                assert!(
                    numbers.insert(answer["number"].as_str().unwrap().to_string()),
                    "board numbers are unique"
                );
            }
            409 => {
                let code = match error_kind(&answer) {
                    "booking" => answer["booking"]["cause"].as_str().unwrap().to_string(),
                    other => other.to_string(),
                };
                assert!(
                    ["taken", "hold_expired", "already_booked"].contains(&code.as_str()),
                    "{answer}"
                );
                *refusals.entry(code).or_default() += 1;
            }
            _ => panic!("untyped answer {status}: {answer}"),
        }
    }
    assert_eq!(
        per_time.values().copied().collect::<Vec<_>>(),
        vec![2, 2, 2],
        "exactly the capacity of each time: {per_time:?}"
    );
    assert!(
        per_person.values().all(|n| *n == 1),
        "one ticket per person: {per_person:?}"
    );
    assert_eq!(refusals.values().sum::<usize>(), 510 - 6);
    // The database agrees: every time is full.
    let (_, times) = app
        .call(
            "times",
            json!({ "service": SEED, "office": PODIL, "date": DATE }),
        )
        .await;
    for t in times.as_array().unwrap().iter().take(3) {
        assert_eq!(t["free"], 0, "{t}");
    }
    // PostgreSQL decided them in batches of several (SQLite's single writer
    // groups its writes its own way).
    if matches!(db, Db::Postgres) {
        let after = confirmed_together(&app).await;
        assert!(after > together, "no confirm written together: {after}");
    }
}

/// Confirms written together in batches so far (by every app of this
/// process: the metrics are the process's).
async fn confirmed_together(app: &crate::common::TestApp) -> u64 {
    let (_, metrics) = app.get("/metrics").await;
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(r#"cherga_confirms_total{how="together"} "#))
        .map_or(0, |n| n.trim().parse().unwrap_or(0))
}

async fn concurrent_holds_never_exceed_capacity(db: Db) {
    let app = Arc::new(spawn_with(db, Options::default()).await);
    let tasks: Vec<_> = (0..300)
        .map(|i| {
            let app = app.clone();
            tokio::spawn(async move {
                let time = TIMES[i % 3];
                let (status, answer) = app
                    .call(
                        "hold",
                        json!({ "service": SEED, "office": PODIL, "date": DATE, "time": time }),
                    )
                    .await;
                (time, status, answer)
            })
        })
        .collect();
    let mut held: BTreeMap<&str, usize> = BTreeMap::new();
    for task in tasks {
        let (time, status, answer) = task.await.unwrap();
        match status {
            200 => *held.entry(time).or_default() += 1,
            409 => assert_eq!(error_kind(&answer), "taken"),
            _ => panic!("untyped answer {status}: {answer}"),
        }
    }
    assert_eq!(
        held.values().copied().collect::<Vec<_>>(),
        vec![2, 2, 2],
        "{held:?}"
    );
}

/// A confirm sent many times at once (a client retrying on a slow link) gives
/// one ticket, and every request answers it with the same token.
async fn racing_retries_of_one_confirm_give_one_ticket(db: Db) {
    let app = Arc::new(spawn_with(db, Options::default()).await);
    let (status, hold) = app.call("hold", seed_slot(PODIL, DATE, TIMES[0])).await;
    assert_eq!(status, 200, "{hold}");
    let body = confirm_body(1, &hold["hold_id"]);
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let (app, body) = (app.clone(), body.clone());
            tokio::spawn(async move { app.call("confirm", body).await })
        })
        .collect();
    let mut answers = BTreeSet::new();
    for task in tasks {
        let (status, ticket) = task.await.expect("every request is answered");
        assert_eq!(status, 200, "{ticket}");
        answers.insert((ticket["id"].to_string(), ticket["access_token"].to_string()));
    }
    assert_eq!(answers.len(), 1, "{answers:?}");
    let (_, times) = app
        .call(
            "times",
            json!({ "service": SEED, "office": PODIL, "date": DATE }),
        )
        .await;
    assert_eq!(times[0]["free"], 1, "one place of two taken: {}", times[0]);
}

/// A key used again for another hold is refused, and that hold stays held: it
/// still confirms with a key of its own.
async fn a_key_reused_for_another_hold_is_refused(db: Db) {
    let app = spawn_with(db, Options::default()).await;
    let hold = |time| {
        let app = &app;
        async move {
            let (status, hold) = app.call("hold", seed_slot(PODIL, DATE, time)).await;
            assert_eq!(status, 200, "{hold}");
            hold
        }
    };
    let first = hold(TIMES[0]).await;
    let body = confirm_body(1, &first["hold_id"]);
    let (status, ticket) = app.call("confirm", body.clone()).await;
    assert_eq!(status, 200, "{ticket}");
    let second = hold(TIMES[1]).await;
    let mut reused = confirm_body(2, &second["hold_id"]);
    reused["idempotency_key"] = body["idempotency_key"].clone();
    let (status, answer) = app.call("confirm", reused).await;
    assert_eq!(status, 400, "{answer}");
    assert_eq!(error_kind(&answer), "bad_request");
    let (status, other) = app
        .call("confirm", confirm_body(2, &second["hold_id"]))
        .await;
    assert_eq!(status, 200, "{other}");
    assert_ne!(other["id"], ticket["id"]);
}

on_both!(
    confirms_race_without_overbooking,
    concurrent_holds_never_exceed_capacity,
    racing_retries_of_one_confirm_give_one_ticket,
    a_key_reused_for_another_hold_is_refused
);
