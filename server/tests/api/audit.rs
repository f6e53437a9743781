//! The audit trail, on both databases: a ticket's whole life (booked,
//! moved, paid, checked in, called, served) and another's cancel, staff
//! signing in, failing to, signing out; searched by day, by a ticket's
//! number and by staff member, each event with who and which node; an
//! office's administrator reads their office only, an officer none; the
//! trail's tables refuse updates and deletes.

use crate::common::{now, repo_data, Db, TestApp};
use crate::console::{act, call_next, sign_in, until, DAY, PODIL};
use crate::life::{book, hold, opener};
use crate::payments::FEES;
use crate::payments_more::pay_on_the_page;
use domain::office::staff::Role;
use serde_json::{json, Value};

const LVIV: &str = "lviv-frankivskyi";
const PASSWORD: &str = "ранок на Подолі 2026";

pub(crate) async fn add(app: &TestApp, login: &str, role: Role, office: Option<&str>) {
    let catalog = server::data::load(&repo_data()).unwrap().catalog;
    server::service::staff::add(
        app.services.store(),
        &catalog,
        login,
        role,
        office,
        PASSWORD,
        now(),
    )
    .await
    .unwrap();
}

async fn search(app: &TestApp, cookie: &str, body: Value) -> (u16, Value) {
    let (status, answer, _) = app.call_in("audit", body, Some(cookie)).await;
    (status, answer)
}

/// `(event, by)` of each entry, oldest first.
fn events(list: &Value) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = list["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["event"].as_str().unwrap().into(),
                e["by"].as_str().unwrap().into(),
            )
        })
        .collect();
    all.reverse();
    all
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

async fn an_office_day_in_the_trail(db: Db) {
    let app = crate::common::spawn_app(db).await;
    add(&app, "olena", Role::Officer, Some(PODIL)).await;
    add(&app, "head.podil", Role::Admin, Some(PODIL)).await;
    add(&app, "head.lviv", Role::Admin, Some(LVIV)).await;
    add(&app, "root", Role::SystemAdmin, None).await;

    // The applicant's part, on 23.11: booked, moved, paid; another cancelled.
    let a = book(&app, 1, PODIL, DAY, "09:00").await;
    let mut moving = opener(&a);
    moving["hold_id"] = hold(&app, PODIL, DAY, "09:20").await;
    let (status, moved) = app.call("reschedule", moving).await;
    assert_eq!(status, 200, "{moved}");
    pay_on_the_page(&app, &a, FEES).await;
    let b = book(&app, 2, PODIL, DAY, "09:40").await;
    assert_eq!(app.call("cancel", opener(&b)).await.0, 200);
    let c = book(&app, 3, PODIL, DAY, "10:00").await;

    // The office's part, on 24.11: a wrong password, an unknown login, then
    // the officer checks A in, calls, serves, and signs out.
    app.advance(until(9, 0));
    let wrong = json!({ "login": "olena", "password": "not the password at all" });
    assert_eq!(app.call_in("staff_signin", wrong, None).await.0, 403);
    let nobody = json!({ "login": "nobody.here", "password": PASSWORD });
    assert_eq!(app.call_in("staff_signin", nobody, None).await.0, 403);
    let olena = sign_in(&app, "olena").await;
    assert_eq!(act(&app, &olena, "1", &a, "check_in").await.0, 200);
    assert_eq!(call_next(&app, &olena, "1").await.0, 200);
    assert_eq!(act(&app, &olena, "1", &a, "start").await.0, 200);
    assert_eq!(act(&app, &olena, "1", &a, "serve").await.0, 200);
    // C checks in at 9:50, is called, is not there: annulled when the
    // grace ends.
    app.advance(until(9, 50) - until(9, 0));
    assert_eq!(act(&app, &olena, "1", &c, "check_in").await.0, 200);
    assert_eq!(call_next(&app, &olena, "1").await.0, 200);
    assert_eq!(act(&app, &olena, "1", &c, "not_here").await.0, 200);
    app.advance(15 * 60);
    assert_eq!(app.services.annul_absent().await.unwrap(), 1);
    assert_eq!(
        app.call_in("staff_signout", json!({}), Some(&olena))
            .await
            .0,
        200
    );

    let head = sign_in(&app, "head.podil").await;
    // A's whole history by its number and visit day, each with its node.
    let number = moved["number"].as_str().unwrap();
    let (status, list) = search(&app, &head, json!({ "number": number, "day": DAY })).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(
        events(&list),
        pairs(&[
            ("book", "applicant"),
            ("reschedule", "applicant"),
            ("paid", "liqpay"),
            ("check_in", "olena"),
            ("call", "olena"),
            ("start_serving", "olena"),
            ("serve", "olena"),
        ]),
        "{list}"
    );
    for e in list["entries"].as_array().unwrap() {
        assert!(!e["node"].as_str().unwrap().is_empty(), "{e}");
        assert_eq!(
            (e["ticket"].as_str(), e["office"].as_str()),
            (a["id"].as_str(), Some(PODIL))
        );
    }
    // No personal data: no name, phone or token anywhere in it.
    let text = list.to_string();
    assert!(
        !text.contains("Коваль") && !text.contains("+38067"),
        "{text}"
    );
    assert!(!text.contains(a["access_token"].as_str().unwrap()));

    // What olena did: her sign-ins and her actions, the failure included.
    let (_, list) = search(&app, &head, json!({ "staff": "olena" })).await;
    let mine = events(&list);
    for expected in [
        "signin_failed",
        "signin",
        "check_in",
        "call",
        "serve",
        "signout",
    ] {
        assert!(
            mine.contains(&(expected.into(), "olena".into())),
            "{expected}: {mine:?}"
        );
    }
    // What happened on 23.11 at this office: the applicants' changes only
    // (in one second of the tests' clock: in any order).
    let (_, list) = search(&app, &head, json!({ "day": "2026-11-23" })).await;
    let mut that_day = events(&list);
    that_day.sort();
    let mut expected = pairs(&[
        ("book", "applicant"),
        ("reschedule", "applicant"),
        ("paid", "liqpay"),
        ("book", "applicant"),
        ("cancel", "applicant"),
        ("book", "applicant"),
    ]);
    expected.sort();
    assert_eq!(that_day, expected, "{list}");

    // The administrator's change of the office, with its before and after,
    // is in the day's trail beside the annulment.
    let (_, view, _) = app.call_in("admin_office", json!({}), Some(&head)).await;
    let mut settings = view["settings"].clone();
    settings["notices"] =
        json!([{ "text": { "uk": "Вікно 2 не працює", "en": "Window 2 is closed" } }]);
    let change = json!({ "version": view["version"], "settings": settings });
    let (status, saved, _) = app.call_in("admin_save", change, Some(&head)).await;
    assert_eq!(status, 200, "{saved}");
    let (_, list) = search(&app, &head, json!({ "day": DAY })).await;
    let day = events(&list);
    for expected in [("office_settings", "head.podil"), ("mark_absent", "system")] {
        assert!(
            day.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?}: {day:?}"
        );
    }
    let change = list["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "office_settings")
        .unwrap();
    assert!(change["detail"]
        .as_str()
        .unwrap()
        .contains("Вікно 2 не працює"));

    // Another office's administrator: not this office; an officer: nothing.
    let lviv = sign_in(&app, "head.lviv").await;
    let (status, answer) = search(&app, &lviv, json!({ "office": PODIL, "day": DAY })).await;
    assert_eq!(
        (status, crate::console::refused(&answer)),
        (403, "other_office"),
        "{answer}"
    );
    let (_, list) = search(&app, &lviv, json!({ "day": "2026-11-23" })).await;
    assert_eq!(list["entries"], json!([]), "{list}");
    let olena = sign_in(&app, "olena").await;
    let (status, answer) = search(&app, &olena, json!({ "day": DAY })).await;
    assert_eq!(
        (status, crate::console::refused(&answer)),
        (403, "forbidden"),
        "{answer}"
    );
    // The system administrator sees the sign-in under no account's login.
    let root = sign_in(&app, "root").await;
    let (_, list) = search(&app, &root, json!({ "day": DAY })).await;
    assert!(
        events(&list).contains(&("signin_failed".into(), "unknown".into())),
        "{list}"
    );
    // A search needs something to look for; a number needs its day.
    for body in [json!({}), json!({ "number": number })] {
        let (status, answer) = search(&app, &root, body).await;
        assert_eq!(status, 400, "{answer}");
    }
    let (status, _, _) = app.call_in("audit", json!({ "day": DAY }), None).await;
    assert_eq!(status, 401);

    // Append-only, whatever asks.
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&app.db_url).await.unwrap();
    for sql in [
        "UPDATE ticket_events SET actor = 'system'",
        "DELETE FROM ticket_events",
        "UPDATE staff_events SET event = 'signin'",
        "DELETE FROM staff_events",
    ] {
        let err = sqlx::query(sql)
            .execute(&pool)
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
}

on_both!(an_office_day_in_the_trail);
