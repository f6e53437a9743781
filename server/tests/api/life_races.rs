//! A ticket's changes under load, on SQLite and PostgreSQL: many reschedules
//! and bookings racing into the same few places never exceed them and never
//! leave a ticket in two places or none; many cancels of one ticket record one
//! cancel; on two PostgreSQL nodes a place cancelled on one is free on the
//! other.

use crate::common::{confirm_body, error_kind, seed_slot, spawn_with, Db, Options, TestApp};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

const PODIL: &str = "kyiv-podilskyi";
const DAY: &str = "2026-12-07";
const TIMES: [&str; 3] = ["09:00", "09:20", "09:40"];
/// Each of the three times has two places.
const PLACES: u64 = 2;

async fn hold(app: &TestApp, time: &str) -> Value {
    let (status, hold) = app.call("hold", seed_slot(PODIL, DAY, time)).await;
    assert_eq!(status, 200, "{hold}");
    hold["hold_id"].clone()
}

async fn taken_per_time(app: &TestApp) -> Vec<u64> {
    let (_, times) = app
        .call(
            "times",
            json!({ "service": "passport-lost-stolen", "office": PODIL, "date": DAY }),
        )
        .await;
    let times = times.as_array().unwrap();
    TIMES
        .iter()
        .map(|t| {
            let free = times
                .iter()
                .find(|v| v["start"].as_str().unwrap().starts_with(t))
                .unwrap()["free"]
                .as_u64()
                .unwrap();
            PLACES - free
        })
        .collect()
}

/// Three tickets move about 60 times while 30 people book, all at once, into
/// six places (holds expire at once, so only the writes decide).
async fn reschedules_and_bookings_never_exceed_capacity(db: Db) {
    let app = Arc::new(
        spawn_with(
            db,
            Options {
                hold_minutes: 0,
                db_pool: 16,
                ..Options::default()
            },
        )
        .await,
    );
    let mut tickets = Vec::new();
    for (n, time) in TIMES.iter().enumerate() {
        let hold_id = hold(&app, time).await;
        let n = u32::try_from(n).unwrap() + 1;
        let (status, t) = app.call("confirm", confirm_body(n, &hold_id)).await;
        assert_eq!(status, 200, "{t}");
        tickets.push(t);
    }
    let mut calls = Vec::new();
    for round in 0..20 {
        for (i, t) in tickets.iter().enumerate() {
            let time = TIMES[(i + round + 1) % 3];
            let body = json!({ "id": t["id"], "token": t["access_token"], "hold_id": hold(&app, time).await });
            calls.push(("reschedule", body));
        }
    }
    for p in 0..30u32 {
        let hold_id = hold(&app, TIMES[(p % 3) as usize]).await;
        calls.push(("confirm", confirm_body(100 + p, &hold_id)));
    }
    let tasks: Vec<_> = calls
        .into_iter()
        .map(|(name, body)| {
            let app = app.clone();
            tokio::spawn(async move { (name, app.call(name, body).await) })
        })
        .collect();
    let mut outcomes: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let mut booked = 0;
    for task in tasks {
        let (name, (status, answer)) = task.await.expect("every request is answered");
        let kind = match status {
            200 => "ok".to_string(),
            409 => error_kind(&answer).to_string(),
            _ => panic!("untyped answer {status}: {answer}"),
        };
        assert!(
            ["ok", "taken", "hold_expired"].contains(&kind.as_str()),
            "{name}: {answer}"
        );
        if name == "confirm" && status == 200 {
            booked += 1;
        }
        *outcomes.entry((name, kind)).or_default() += 1;
    }
    assert!(
        outcomes.contains_key(&("reschedule", "ok".into())),
        "{outcomes:?}"
    );
    let taken = taken_per_time(&app).await;
    assert!(
        taken.iter().all(|&n| n <= PLACES),
        "over capacity: {taken:?}"
    );
    assert_eq!(
        taken.iter().sum::<u64>(),
        3 + booked,
        "every ticket is in exactly one place: {taken:?}, {outcomes:?}"
    );
    for t in &tickets {
        let (status, opened) = app
            .call(
                "ticket",
                json!({ "id": t["id"], "token": t["access_token"] }),
            )
            .await;
        assert_eq!((status, opened["status"].as_str()), (200, Some("booked")));
        assert!(TIMES
            .iter()
            .any(|time| opened["start"].as_str().unwrap().starts_with(time)));
    }
}

/// Fifty cancels of one ticket at once: all answer `cancelled`, one is recorded.
async fn racing_cancels_record_one(db: Db) {
    let app = Arc::new(spawn_with(db, Options::default()).await);
    let hold_id = hold(&app, TIMES[0]).await;
    let (_, t) = app.call("confirm", confirm_body(1, &hold_id)).await;
    let body = json!({ "id": t["id"], "token": t["access_token"] });
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let (app, body) = (app.clone(), body.clone());
            tokio::spawn(async move { app.call("cancel", body).await })
        })
        .collect();
    for task in tasks {
        let (status, answer) = task.await.unwrap();
        assert_eq!(
            (status, answer["status"].as_str()),
            (200, Some("cancelled")),
            "{answer}"
        );
    }
    let history = app
        .services
        .store()
        .ticket_history(t["id"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(history.iter().filter(|h| h.0 == "cancel").count(), 1);
}

on_both!(
    reschedules_and_bookings_never_exceed_capacity,
    racing_cancels_record_one
);

/// Two nodes over one PostgreSQL: node B has read the full time; node A
/// cancels; B holds the place at once and shows it free within its read
/// cache's age (1 s in the tests).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_cancel_on_one_node_frees_the_place_on_another() {
    let a = spawn_with(Db::Postgres, Options::default()).await;
    // B's free counts could be a minute old by its cache: only A's news
    // (LISTEN/NOTIFY) makes them follow at once.
    let b = spawn_with(
        Db::Postgres,
        Options {
            db_url: Some(a.db_url.clone()),
            read_cache_ms: 60_000,
            ..Options::default()
        },
    )
    .await;
    let mut first = None;
    for n in 1..=2 {
        let hold_id = hold(&a, TIMES[0]).await;
        let (status, t) = a.call("confirm", confirm_body(n, &hold_id)).await;
        assert_eq!(status, 200, "{t}");
        first.get_or_insert(t);
    }
    assert_eq!(taken_per_time(&b).await[0], PLACES);
    let t = first.unwrap();
    let (status, _) = a
        .call(
            "cancel",
            json!({ "id": t["id"], "token": t["access_token"] }),
        )
        .await;
    assert_eq!(status, 200);
    let mut seen = PLACES;
    for _ in 0..100 {
        seen = taken_per_time(&b).await[0];
        if seen < PLACES {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(
        seen,
        PLACES - 1,
        "B shows the freed place without waiting for its cache"
    );
    // A hold decides on fresh rows.
    hold(&b, TIMES[0]).await;
    assert_eq!(
        taken_per_time(&b).await[0],
        PLACES,
        "one freed, one held by B"
    );
    let (status, answer) = b.call("hold", seed_slot(PODIL, DAY, TIMES[0])).await;
    assert_eq!((status, error_kind(&answer)), (409, "taken"), "{answer}");
}
