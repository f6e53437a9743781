//! Holds asked at once for one office and day are written together (one
//! transaction decides them in turn): each decision sees the holds given
//! before it in the same batch, the client's count included, and a hold that
//! replaces the client's earlier one sees that one as released, while a
//! refused one releases nothing. Straight on the store, on both databases.

use crate::common::{spawn_app, Db};
use chrono::{NaiveDate, NaiveTime};
use domain::slots::Occupancy;
use server::store::{HoldClient, HoldRow, NewHold, Store, StoreError};
use std::sync::Arc;

const PODIL: &str = "kyiv-podilskyi";

fn row(minute: u32, window: &str) -> HoldRow {
    let at = |m: u32| NaiveTime::from_hms_opt(9 + m / 60, m % 60, 0).unwrap();
    HoldRow {
        office: PODIL.into(),
        service: "passport-lost-stolen".into(),
        day: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        start: at(minute),
        end: at(minute + 20),
        window: window.into(),
        expires_at: crate::common::now().timestamp() + 600,
    }
}

/// Holds `row` as `client` (replacing `replaces`), refused as taken if its
/// window is taken during the visit or the client already holds `most`.
async fn hold(
    store: &Store,
    id: String,
    row: HoldRow,
    client: &str,
    replaces: Option<String>,
    most: usize,
) -> Result<NewHold, StoreError> {
    let new = NewHold {
        id,
        hold: row.clone(),
    };
    let window = row.window.clone();
    store
        .hold(
            PODIL,
            row.day,
            (row.start, row.end),
            crate::common::now().timestamp(),
            HoldClient {
                key: client.into(),
                replaces,
                counted: true,
            },
            move |taken: &[Occupancy], live: &[i64]| {
                if live.len() >= most || taken.iter().any(|o| o.window == window) {
                    return Err(StoreError::Taken);
                }
                Ok(new)
            },
        )
        .await
}

/// Runs `asks` at once and returns how many were given.
async fn at_once<F>(store: &Arc<Store>, n: usize, ask: F) -> usize
where
    F: Fn(usize) -> (String, HoldRow, String, Option<String>, usize),
{
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let (id, row, client, replaces, most) = ask(i);
            let store = store.clone();
            tokio::spawn(async move { hold(&store, id, row, &client, replaces, most).await })
        })
        .collect();
    let mut given = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => given += 1,
            Err(StoreError::Taken) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
    given
}

async fn batches_decide_in_turn(db: Db) {
    let app = spawn_app(db).await;
    let store = Arc::new(app.services.store().clone());

    // One client, forty times at once, each a window of its own: three given
    // (the client's count includes the holds given earlier in the batch).
    let given = at_once(&store, 40, |i| {
        (
            format!("own-{i}"),
            row(0, &format!("w{i}")),
            "c1".into(),
            None,
            3,
        )
    })
    .await;
    assert_eq!(given, 3);

    // Forty clients, one window and overlapping visits: one given.
    let given = at_once(&store, 40, |i| {
        let minute = 60 + 5 * (i as u32 % 3);
        (
            format!("one-{i}"),
            row(minute, "x"),
            format!("c-{i}"),
            None,
            6,
        )
    })
    .await;
    assert_eq!(given, 1);

    // A client moves its hold within its window while thirty others want
    // that window: only the move is given, and the earlier hold is gone.
    let first = hold(&store, "move-0".into(), row(180, "y"), "mover", None, 6).await;
    assert!(first.is_ok(), "{first:?}");
    let given = at_once(&store, 31, |i| match i {
        0 => (
            "move-1".into(),
            row(185, "y"),
            "mover".into(),
            Some("move-0".into()),
            1,
        ),
        _ => (
            format!("want-{i}"),
            row(185, "y"),
            format!("w-{i}"),
            None,
            6,
        ),
    })
    .await;
    assert_eq!(given, 1);
    assert!(store.find_hold("move-0").await.unwrap().is_none());
    assert!(store.find_hold("move-1").await.unwrap().is_some());

    // A hold and its move asked one after the other while a batch is under
    // way (polled in this order, so queued in this order): the move given,
    // the hold it replaces never left behind.
    let (lead, held, moved) = tokio::join!(
        hold(&store, "lead".into(), row(240, "z"), "other", None, 6),
        hold(&store, "chain-0".into(), row(300, "z"), "chainer", None, 6),
        hold(
            &store,
            "chain-1".into(),
            row(330, "z"),
            "chainer",
            Some("chain-0".into()),
            6
        ),
    );
    assert!(lead.is_ok() && held.is_ok() && moved.is_ok());
    assert!(store.find_hold("chain-0").await.unwrap().is_none());
    assert!(store.find_hold("chain-1").await.unwrap().is_some());

    // A refused move releases nothing: its window is taken elsewhere.
    let refused = hold(
        &store,
        "move-2".into(),
        row(60, "x"),
        "mover",
        Some("move-1".into()),
        6,
    )
    .await;
    assert!(matches!(refused, Err(StoreError::Taken)), "{refused:?}");
    assert!(store.find_hold("move-1").await.unwrap().is_some());
}

on_both!(batches_decide_in_turn);
