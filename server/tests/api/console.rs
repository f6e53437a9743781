//! The officer's console over HTTP, on both databases: a day of an office
//! (checked in, called, served; called, not here, annulled after the grace
//! time; transferred; put back), and staff who reach only their office.
//! "Call next" pressed at once by many: `console_races.rs`.

use crate::common::{now, repo_data, spawn_app, Db, TestApp};
use crate::life::{book, opener};
use crate::signin::cookie_of;
use domain::office::staff::Role;
use serde_json::{json, Value};
use server::service::staff;

pub(crate) const PODIL: &str = "kyiv-podilskyi";
const LVIV: &str = "lviv-frankivskyi";
pub(crate) const DAY: &str = "2026-11-24";
const PASSWORD: &str = "ранок на Подолі 2026";

/// Seconds from the tests' "now" (23.11 12:00 Kyiv) to 24.11 `h`:`m` Kyiv.
pub(crate) fn until(h: i64, m: i64) -> i64 {
    (24 - 12 + h) * 3600 + m * 60
}

pub(crate) async fn add(app: &TestApp, login: &str, office: &str) {
    let catalog = server::data::load(&repo_data()).unwrap().catalog;
    staff::add(
        app.services.store(),
        &catalog,
        login,
        Role::Officer,
        Some(office),
        PASSWORD,
        now(),
    )
    .await
    .unwrap();
}

/// Signs `login` in; answers the staff cookie.
pub(crate) async fn sign_in(app: &TestApp, login: &str) -> String {
    let (status, me, set) = app
        .call_in(
            "staff_signin",
            json!({ "login": login, "password": PASSWORD }),
            None,
        )
        .await;
    assert_eq!(status, 200, "{me}");
    let set = set.expect("a staff cookie");
    assert!(set.starts_with("cherga.staff="), "{set}");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/api/"] {
        assert!(set.contains(part), "{part} in {set}");
    }
    cookie_of(&set)
}

pub(crate) async fn act(
    app: &TestApp,
    cookie: &str,
    window: &str,
    ticket: &Value,
    action: &str,
) -> (u16, Value) {
    let body = json!({ "window": window, "ticket": ticket["id"], "action": action });
    let (status, view, _) = app.call_in("console_act", body, Some(cookie)).await;
    (status, view)
}

pub(crate) async fn call_next(app: &TestApp, cookie: &str, window: &str) -> (u16, Value) {
    let (status, view, _) = app
        .call_in(
            "console_call_next",
            json!({ "window": window }),
            Some(cookie),
        )
        .await;
    (status, view)
}

fn numbers(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| t["number"].as_str().unwrap())
        .collect()
}

async fn status_of(app: &TestApp, ticket: &Value) -> String {
    let (status, t) = app.call("ticket", opener(ticket)).await;
    assert_eq!(status, 200, "{t}");
    t["status"].as_str().unwrap().to_string()
}

pub(crate) fn refused(answer: &Value) -> &str {
    answer["refused"]["cause"]
        .as_str()
        .or_else(|| {
            answer["refused"]["cause"]
                .as_object()
                .and_then(|m| m.keys().next())
                .map(String::as_str)
        })
        .unwrap_or("")
}

async fn a_day_at_the_office(db: Db) {
    let app = spawn_app(db).await;
    add(&app, "olena", PODIL).await;
    add(&app, "ivan", LVIV).await;
    let a = book(&app, 1, PODIL, DAY, "09:00").await;
    let b = book(&app, 2, PODIL, DAY, "09:00").await;
    let c = book(&app, 3, PODIL, DAY, "09:20").await;
    // Without a session: nothing.
    let (status, answer, _) = app.call_in("console", json!({ "window": "1" }), None).await;
    assert_eq!((status, answer), (401, json!("not_signed_in")));

    app.advance(until(8, 40));
    let olena = sign_in(&app, "olena").await;
    let (status, me, _) = app.call_in("staff_me", json!({}), Some(&olena)).await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(
        (me["login"].as_str(), me["office"].as_str()),
        (Some("olena"), Some(PODIL))
    );
    assert_eq!(me["windows"].as_array().map(Vec::len), Some(4));

    let (_, view, _) = app
        .call_in("console", json!({ "window": "1" }), Some(&olena))
        .await;
    assert_eq!(numbers(&view["expected"]).len(), 3, "{view}");
    assert_eq!(view["current"], Value::Null);
    // Nobody waits: nothing is called.
    let (status, view) = call_next(&app, &olena, "1").await;
    assert_eq!((status, &view["current"]), (200, &Value::Null));

    // Check-in from 30 minutes before the time: A and B at 08:40, not C.
    assert_eq!(act(&app, &olena, "1", &a, "check_in").await.0, 200);
    let (status, answer) = act(&app, &olena, "1", &c, "check_in").await;
    assert_eq!((status, refused(&answer)), (409, "too_early"), "{answer}");
    let (_, view) = act(&app, &olena, "1", &b, "check_in").await;
    assert_eq!(
        numbers(&view["waiting"]),
        vec![a["number"].as_str().unwrap(), b["number"].as_str().unwrap()]
    );
    assert_eq!(status_of(&app, &a).await, "checked_in");

    // A is called, served; the window takes one ticket at a time.
    let (_, view) = call_next(&app, &olena, "1").await;
    assert_eq!(view["current"]["id"], a["id"], "{view}");
    assert_eq!(view["current"]["name"], "Ковальб О.");
    let (status, answer) = call_next(&app, &olena, "1").await;
    assert_eq!((status, refused(&answer)), (409, "window_busy"), "{answer}");
    assert_eq!(act(&app, &olena, "1", &a, "start").await.0, 200);
    assert_eq!(status_of(&app, &a).await, "serving");
    let (_, view) = act(&app, &olena, "1", &a, "serve").await;
    assert_eq!(view["current"], Value::Null);
    assert_eq!(status_of(&app, &a).await, "served");
    let (status, answer) = act(&app, &olena, "1", &a, "serve").await;
    assert_eq!(
        (status, answer["ticket"]["status"].as_str()),
        (409, Some("served"))
    );

    // B is called and does not come: annulled when the grace time ends.
    let (_, view) = call_next(&app, &olena, "1").await;
    assert_eq!(view["current"]["id"], b["id"]);
    let (_, view) = act(&app, &olena, "1", &b, "not_here").await;
    assert_eq!(view["current"], Value::Null, "the window is free");
    assert_eq!(view["absent"][0]["annul_in_seconds"], 120, "{view}");
    assert_eq!(app.services.annul_absent().await.unwrap(), 0);
    app.advance(119);
    assert_eq!(app.services.annul_absent().await.unwrap(), 0);
    assert_eq!(status_of(&app, &b).await, "called");
    app.advance(1);
    assert_eq!(app.services.annul_absent().await.unwrap(), 1);
    assert_eq!(status_of(&app, &b).await, "annulled");
    assert_eq!(app.services.annul_absent().await.unwrap(), 0);

    // C checks in at 08:55, is called at window 2, sent to window 1; put back.
    app.advance(until(8, 55) - until(8, 42));
    assert_eq!(act(&app, &olena, "2", &c, "check_in").await.0, 200);
    let (_, view) = call_next(&app, &olena, "2").await;
    assert_eq!(view["current"]["id"], c["id"]);
    let to_three =
        json!({ "window": "2", "ticket": c["id"], "action": "transfer", "to_window": "3" });
    let (status, _, _) = app.call_in("console_act", to_three, Some(&olena)).await;
    assert_eq!(status, 400, "window 3 does not serve the seed service");
    let to_one =
        json!({ "window": "2", "ticket": c["id"], "action": "transfer", "to_window": "1" });
    let (status, view, _) = app.call_in("console_act", to_one, Some(&olena)).await;
    assert_eq!(status, 200, "{view}");
    assert!(
        numbers(&view["waiting"]).is_empty(),
        "only window 1 takes it"
    );
    let (_, view) = call_next(&app, &olena, "2").await;
    assert_eq!(view["current"], Value::Null);
    let (_, view) = call_next(&app, &olena, "1").await;
    assert_eq!(view["current"]["id"], c["id"]);
    let (status, answer) = act(&app, &olena, "2", &c, "serve").await;
    assert_eq!(
        (status, refused(&answer)),
        (409, "other_window"),
        "{answer}"
    );
    let (_, view) = act(&app, &olena, "1", &c, "put_back").await;
    assert_eq!(
        numbers(&view["waiting"]),
        vec![c["number"].as_str().unwrap()]
    );
    assert_eq!(status_of(&app, &c).await, "checked_in");

    // Called a third time, C may not be recalled: three calls in all.
    let (_, view) = call_next(&app, &olena, "1").await;
    assert_eq!(view["current"]["calls"], 3, "{view}");
    let (status, answer) = act(&app, &olena, "1", &c, "recall").await;
    assert_eq!(
        (status, refused(&answer)),
        (409, "too_many_calls"),
        "{answer}"
    );
    // An officer of another office: refused on this office's ticket and queue.
    let ivan = sign_in(&app, "ivan").await;
    let (status, answer) = act(&app, &ivan, "1", &c, "serve").await;
    assert_eq!(
        (status, refused(&answer)),
        (403, "other_office"),
        "{answer}"
    );
    let podil = json!({ "office": PODIL, "window": "1" });
    let (status, answer, _) = app.call_in("console", podil, Some(&ivan)).await;
    assert_eq!(
        (status, refused(&answer)),
        (403, "other_office"),
        "{answer}"
    );
    let (status, _, _) = app
        .call_in("console", json!({ "window": "9" }), Some(&olena))
        .await;
    assert_eq!(status, 404);
    // Signed out: the cookie opens nothing.
    let (status, _, _) = app.call_in("staff_signout", json!({}), Some(&olena)).await;
    assert_eq!(status, 200);
    let (status, _, _) = app.call_in("staff_me", json!({}), Some(&olena)).await;
    assert_eq!(status, 401);
    // Every change is in the ticket's history, with the officer.
    let history = app
        .services
        .store()
        .ticket_history(a["id"].as_str().unwrap())
        .await
        .unwrap();
    let events: Vec<&str> = history.iter().map(|h| h.0.as_str()).collect();
    assert_eq!(
        events,
        ["book", "check_in", "call", "start_serving", "serve"]
    );
    assert!(history[2].3.starts_with("officer:"));
}

crate::on_both!(a_day_at_the_office);
