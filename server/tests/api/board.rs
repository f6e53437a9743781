//! The display board: a call reaches a board within moments, pushed by the
//! server, on the node it was made on and, over PostgreSQL, on another.

use crate::common::{second_node, spawn_app, Db, Options, TestApp};
use crate::console::{add, call_next, sign_in, until, PODIL};
use crate::life::book;
use serde_json::{json, Value};
use std::time::Duration;

/// The board's event stream.
struct Board(reqwest::Response, String);

impl Board {
    async fn open(app: &TestApp, office: &str) -> Board {
        let r = app
            .client
            .get(format!("{}/api/board/{office}/events", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "text/event-stream");
        Board(r, String::new())
    }

    /// The next `calls` event's list (waiting at most 10 s, so that a lost
    /// event fails the test instead of hanging it).
    async fn next(&mut self) -> Value {
        loop {
            if let Some(end) = self.1.find("\n\n") {
                let event: String = self.1.drain(..end + 2).collect();
                if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                    assert!(event.contains("event: calls"), "{event}");
                    return serde_json::from_str(data).unwrap();
                }
                continue; // a keep-alive comment
            }
            let chunk = tokio::time::timeout(Duration::from_secs(10), self.0.chunk())
                .await
                .expect("an event within 10 s")
                .unwrap()
                .expect("the stream goes on");
            self.1.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}

async fn a_call_reaches_the_boards(db: Db) {
    let one = spawn_app(db).await;
    let two = second_node(db, &one, Options::default()).await;
    let a = book(&one, 1, PODIL, "2026-11-24", "09:00").await;
    one.advance(until(8, 45));
    if let Some(two) = &two {
        two.advance(until(8, 45));
    }
    let other = two.as_ref().unwrap_or(&one);
    add(&one, "olena", PODIL).await;
    let olena = sign_in(other, "olena").await;
    let mut here = Board::open(&one, PODIL).await;
    assert_eq!(here.next().await, json!({ "office": PODIL, "calls": [] }));
    let body = json!({ "window": "2", "ticket": a["id"], "action": "check_in" });
    assert_eq!(
        other.call_in("console_act", body, Some(&olena)).await.0,
        200
    );
    // The check-in changes the queue, not the calls.
    assert_eq!(here.next().await["calls"], json!([]));
    let (status, _) = call_next(other, &olena, "2").await;
    assert_eq!(status, 200);
    let calls = here.next().await;
    assert_eq!(calls["calls"][0]["number"], a["number"], "{calls}");
    assert_eq!(calls["calls"][0]["window"], "2");
    // A board opened later starts from the whole list; no name on it.
    let mut later = Board::open(other, PODIL).await;
    let now = later.next().await;
    assert_eq!(now["calls"].as_array().map(Vec::len), Some(1));
    assert!(!now.to_string().contains("Коваль"));
    // An unknown office: 404.
    let r = one
        .client
        .get(format!("{}/api/board/atlantis/events", one.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}

crate::on_both!(a_call_reaches_the_boards);
