//! An office's report, on both databases, checked against a day whose
//! answers are known: four booked online (one cancelled), one walk-in, two
//! served with known waits and times, one annulled as absent, one never
//! came; and who may read it.

use crate::audit::add;
use crate::common::{spawn_app, Db, TestApp};
use crate::console::{act, call_next, refused, sign_in, until, DAY};
use crate::life::{book, opener};
use domain::office::staff::Role;
use serde_json::{json, Value};

const LVIV: &str = "lviv-frankivskyi";
/// Keeps places for walk-ins; on Tuesdays it opens at 10:00.
const OBOLON: &str = "kyiv-obolonskyi";

/// Moves the clock to 24.11 `h`:`m` Kyiv (from wherever it is).
fn at(app: &TestApp, h: i64, m: i64) {
    let ahead = app.clock_ahead.load(std::sync::atomic::Ordering::SeqCst);
    app.advance(until(h, m) - ahead);
}

async fn a_known_day_adds_up(db: Db) {
    let app = spawn_app(db).await;
    add(&app, "olena", Role::Officer, Some(OBOLON)).await;
    add(&app, "head.obolon", Role::Admin, Some(OBOLON)).await;
    add(&app, "head.lviv", Role::Admin, Some(LVIV)).await;
    add(&app, "root", Role::SystemAdmin, None).await;
    let a = book(&app, 1, OBOLON, DAY, "10:20").await;
    let b = book(&app, 2, OBOLON, DAY, "11:00").await;
    let _c = book(&app, 3, OBOLON, DAY, "11:40").await;
    let d = book(&app, 4, OBOLON, DAY, "12:20").await;
    assert_eq!(app.call("cancel", opener(&b)).await.0, 200);

    // A: checked in 10:00, called 10:12, served 10:13–10:20.
    at(&app, 10, 0);
    let olena = sign_in(&app, "olena").await;
    assert_eq!(act(&app, &olena, "1", &a, "check_in").await.0, 200);
    at(&app, 10, 12);
    let (_, view) = call_next(&app, &olena, "1").await;
    assert_eq!(view["current"]["id"], a["id"], "{view}");
    at(&app, 10, 13);
    assert_eq!(act(&app, &olena, "1", &a, "start").await.0, 200);
    at(&app, 10, 20);
    assert_eq!(act(&app, &olena, "1", &a, "serve").await.0, 200);
    // A walk-in at 10:20, called 10:25, served 10:25–10:35.
    let (status, w, _) = app
        .call_in(
            "kiosk_walk_in",
            json!({ "office": OBOLON, "service": "passport-lost-stolen", "lang": "uk" }),
            None,
        )
        .await;
    assert_eq!(status, 200, "{w}");
    at(&app, 10, 25);
    let (_, view) = call_next(&app, &olena, "1").await;
    let w = view["current"].clone();
    assert_eq!(w["walk_in"], true, "{view}");
    assert_eq!(act(&app, &olena, "1", &w, "start").await.0, 200);
    at(&app, 10, 35);
    assert_eq!(act(&app, &olena, "1", &w, "serve").await.0, 200);
    // D: checked in 11:56, called 12:00, not there: annulled after the grace.
    at(&app, 11, 56);
    assert_eq!(act(&app, &olena, "1", &d, "check_in").await.0, 200);
    at(&app, 12, 0);
    let (_, view) = call_next(&app, &olena, "1").await;
    assert_eq!(view["current"]["id"], d["id"], "{view}");
    assert_eq!(act(&app, &olena, "1", &d, "not_here").await.0, 200);
    at(&app, 12, 10);
    assert_eq!(app.services.annul_absent().await.unwrap(), 1);
    // C never came: the day's end annuls it.
    app.advance(86_400);
    app.services.end_past_days(1000).await.unwrap();

    let head = sign_in(&app, "head.obolon").await;
    let ask = |cookie: &str, body: Value| {
        let (app, cookie) = (&app, cookie.to_string());
        async move {
            let (status, answer, _) = app.call_in("report", body, Some(&cookie)).await;
            (status, answer)
        }
    };
    let (status, report) = ask(&head, json!({ "from": "2026-11-01", "to": "2026-11-30" })).await;
    assert_eq!(status, 200, "{report}");
    let counts = json!({
        "online": 4, "walk_in": 1, "served": 2, "cancelled": 1, "annulled": 2,
        "no_show_permille": 500
    });
    assert_eq!(report["total"], counts, "{report}");
    assert_eq!(report["days"].as_array().map(Vec::len), Some(1), "{report}");
    assert_eq!(report["days"][0]["day"], DAY);
    // How full: A, C and D booked (the cancelled one not), 20 minutes each,
    // over two windows open 10:00–19:00 less 45 minutes: 60 of 990 minutes.
    assert_eq!(report["days"][0]["full_permille"], 60, "{report}");
    assert_eq!(report["days"][0]["counts"], counts);
    // Waits 720 s (A), 300 s (the walk-in), 240 s (D).
    let waiting = json!({ "count": 3, "median": 300, "p90": 720 });
    assert_eq!(
        (&report["waiting"], &report["days"][0]["waiting"]),
        (&waiting, &waiting)
    );
    // At the window: 420 s (A) and 600 s (the walk-in).
    assert_eq!(
        report["services"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
    assert_eq!(report["services"][0]["service"], "passport-lost-stolen");
    assert_eq!(
        report["services"][0]["time"],
        json!({ "count": 2, "median": 420, "p90": 600 })
    );
    // Another month: nothing.
    let (_, empty) = ask(&head, json!({ "from": "2026-10-01", "to": "2026-10-31" })).await;
    assert_eq!(
        (&empty["days"], &empty["waiting"]),
        (&json!([]), &Value::Null),
        "{empty}"
    );

    // Who may read it.
    let lviv = sign_in(&app, "head.lviv").await;
    let (status, answer) = ask(&lviv, json!({ "office": OBOLON, "from": DAY, "to": DAY })).await;
    assert_eq!(
        (status, refused(&answer)),
        (403, "other_office"),
        "{answer}"
    );
    let olena = sign_in(&app, "olena").await;
    let (status, answer) = ask(&olena, json!({ "from": DAY, "to": DAY })).await;
    assert_eq!((status, refused(&answer)), (403, "forbidden"), "{answer}");
    let root = sign_in(&app, "root").await;
    let (status, answer) = ask(&root, json!({ "office": OBOLON, "from": DAY, "to": DAY })).await;
    assert_eq!((status, &answer["total"]), (200, &counts), "{answer}");
    // Ranges and offices that are not.
    for body in [
        json!({ "from": DAY, "to": DAY }),
        json!({ "office": OBOLON, "from": "2026-11-30", "to": "2026-11-01" }),
        json!({ "office": OBOLON, "from": "2025-01-01", "to": "2026-11-30" }),
    ] {
        assert_eq!(ask(&root, body.clone()).await.0, 400, "{body}");
    }
    let (status, _) = ask(
        &root,
        json!({ "office": "no-such-office", "from": DAY, "to": DAY }),
    )
    .await;
    assert_eq!(status, 404);
}

on_both!(a_known_day_adds_up);
