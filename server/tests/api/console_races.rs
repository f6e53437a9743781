//! "Call next" pressed by many officers at once, through two nodes on
//! PostgreSQL: no ticket called twice, none skipped.

use crate::common::{second_node, spawn_with, Db, Options};
use crate::console::{act, add, refused, sign_in, until, DAY, PODIL};
use crate::life::book;
use serde_json::{json, Value};

/// Officers press "call next" at windows 1 and 2 at once, four each per
/// round, through two nodes: each round calls one ticket per window, no
/// ticket is called twice and none is skipped.
async fn call_next_hammered(db: Db) {
    let office = server::cli::office::OfficeArgs {
        checkin_early_minutes: 600,
        ..Default::default()
    };
    let one = spawn_with(
        db,
        Options {
            office: office.clone(),
            ..Default::default()
        },
    )
    .await;
    let two = second_node(
        db,
        &one,
        Options {
            office,
            ..Default::default()
        },
    )
    .await;
    if let Some(two) = &two {
        two.advance(until(8, 30));
    }
    let two = two.as_ref().unwrap_or(&one);
    let mut tickets = Vec::new();
    for (i, time) in [
        "09:00", "09:20", "09:40", "10:00", "10:20", "10:40", "11:00", "11:20",
    ]
    .iter()
    .enumerate()
    {
        for k in 0..2 {
            let n = u32::try_from(i * 2 + k).unwrap() + 10;
            tickets.push(book(&one, n, PODIL, DAY, time).await);
        }
    }
    one.advance(until(8, 30));
    for n in 0..8 {
        add(&one, &format!("officer{n}"), PODIL).await;
    }
    let mut cookies = Vec::new();
    for n in 0..8 {
        let node = if n % 2 == 0 { &one } else { two };
        cookies.push(sign_in(node, &format!("officer{n}")).await);
    }
    for t in &tickets {
        assert_eq!(act(&one, &cookies[0], "1", t, "check_in").await.0, 200);
    }
    let mut called = Vec::new();
    for _round in 0..tickets.len() {
        let presses = (0..8).map(|n| {
            let node = if n % 2 == 0 { &one } else { two };
            let (base, client) = (node.base.clone(), node.client.clone());
            let cookie = cookies[n].clone();
            let window = if n < 4 { "1" } else { "2" };
            tokio::spawn(async move {
                let r = client
                    .post(format!("{base}/api/console_call_next"))
                    .header("cookie", cookie)
                    .json(&json!({ "window": window }))
                    .send()
                    .await
                    .unwrap();
                let status = r.status().as_u16();
                let view: Value = r.json().await.unwrap();
                crate::conformance::check("console_call_next", status, &view);
                (window, status, view)
            })
        });
        let mut this_round = Vec::new();
        for p in presses.collect::<Vec<_>>() {
            let (window, status, view) = p.await.unwrap();
            match status {
                200 => this_round.push((window, view["current"].clone())),
                409 => assert_eq!(refused(&view), "window_busy", "{view}"),
                _ => panic!("{status}: {view}"),
            }
        }
        // The first press at a window calls; the others find it busy (or,
        // when nobody waits, find nothing).
        let made: Vec<_> = this_round.iter().filter(|(_, c)| !c.is_null()).collect();
        if made.is_empty() {
            break;
        }
        for window in ["1", "2"] {
            let at: Vec<&Value> = made
                .iter()
                .filter(|(w, _)| *w == window)
                .map(|(_, c)| c)
                .collect();
            let ids: std::collections::BTreeSet<&str> =
                at.iter().map(|c| c["id"].as_str().unwrap()).collect();
            assert!(ids.len() <= 1, "two tickets at window {window}: {ids:?}");
            if let Some(id) = ids.into_iter().next() {
                called.push(id.to_string());
                let ticket = json!({ "id": id });
                assert_eq!(
                    act(&one, &cookies[0], window, &ticket, "serve").await.0,
                    200
                );
            }
        }
    }
    let mut sorted = called.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), called.len(), "a ticket called twice");
    assert_eq!(called.len(), tickets.len(), "a ticket skipped");
    for t in &tickets {
        let history = one
            .services
            .store()
            .ticket_history(t["id"].as_str().unwrap())
            .await
            .unwrap();
        assert_eq!(history.iter().filter(|h| h.0 == "call").count(), 1);
    }
}

crate::on_both!(call_next_hammered);
