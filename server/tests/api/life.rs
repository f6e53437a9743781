//! A ticket's life after booking, on SQLite and on PostgreSQL: a ticket whose
//! day is over no longer blocks its person or contact; cancel frees the place
//! at once; reschedule moves a ticket in one step (who a person is:
//! `life_keys.rs`).

use crate::common::{
    confirm_body, error_kind, person, seed_slot, spawn_app, spawn_with, Db, Options, TestApp,
};
use serde_json::{json, Value};

pub(crate) const PODIL: &str = "kyiv-podilskyi";
pub(crate) const DNIPRO: &str = "dnipro-shevchenkivskyi";
pub(crate) const DAY: &str = "2026-12-07";

pub(crate) async fn hold(app: &TestApp, office: &str, date: &str, time: &str) -> Value {
    let (status, hold) = app.call("hold", seed_slot(office, date, time)).await;
    assert_eq!(status, 200, "{hold}");
    hold["hold_id"].clone()
}

/// Books person `n` (phone `n`) at `office`, `date`, `time`: the ticket.
pub(crate) async fn book(app: &TestApp, n: u32, office: &str, date: &str, time: &str) -> Value {
    let hold_id = hold(app, office, date, time).await;
    let (status, ticket) = app.call("confirm", confirm_body(n, &hold_id)).await;
    assert_eq!(status, 200, "{ticket}");
    ticket
}

pub(crate) fn opener(ticket: &Value) -> Value {
    json!({ "id": ticket["id"], "token": ticket["access_token"] })
}

pub(crate) async fn free_at(app: &TestApp, office: &str, date: &str, time: &str) -> u64 {
    let (status, times) = app
        .call(
            "times",
            json!({ "service": "passport-lost-stolen", "office": office, "date": date }),
        )
        .await;
    assert_eq!(status, 200, "{times}");
    times
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["start"].as_str().is_some_and(|s| s.starts_with(time)))
        .unwrap_or_else(|| panic!("{time} not in {times}"))["free"]
        .as_u64()
        .unwrap()
}

pub(crate) fn booking_cause(answer: &Value) -> &str {
    answer["booking"]["cause"]
        .as_str()
        .or_else(|| {
            answer["booking"]["cause"]
                .as_object()
                .and_then(|o| o.keys().next().map(|k| k.as_str()))
        })
        .unwrap_or("")
}

async fn a_past_ticket_no_longer_blocks(db: Db) {
    let app = spawn_with(
        db,
        Options {
            max_per_contact: 1,
            ..Options::default()
        },
    )
    .await;
    let old = book(&app, 1, PODIL, "2026-11-25", "10:00").await;
    let other = book(&app, 4, PODIL, "2026-11-25", "10:20").await;
    // While its day lasts, it blocks the person and the contact.
    let again = || async {
        let hold_id = hold(&app, PODIL, "2026-11-27", "10:00").await;
        app.call("confirm", confirm_body(1, &hold_id)).await
    };
    let (status, answer) = again().await;
    assert_eq!(
        (status, booking_cause(&answer)),
        (409, "already_booked"),
        "{answer}"
    );
    let app = &app;
    let same_phone = |n: u32| async move {
        let hold_id = hold(app, PODIL, "2026-11-27", "10:20").await;
        let mut body = confirm_body(n, &hold_id);
        body["contact"] = person(1)["contact"].clone();
        app.call("confirm", body).await
    };
    let (status, answer) = same_phone(2).await;
    assert_eq!(status, 409, "{answer}");
    assert!(
        answer["booking"]["cause"]["contact_limit"].is_object(),
        "{answer}"
    );

    // From the next day in Kyiv it is over: 26.11, 12:00.
    app.advance(3 * 24 * 3600);
    let (status, opened) = app.call("ticket", opener(&old)).await;
    assert_eq!(status, 200, "{opened}");
    assert_eq!(opened["status"], "annulled", "shows as past");
    let (status, answer) = same_phone(2).await;
    assert_eq!(status, 200, "the contact is free again: {answer}");
    // The same person books the service again (another phone: the first one
    // now holds person 2's ticket, at its cap).
    let hold_id = hold(app, PODIL, "2026-11-27", "11:00").await;
    let mut body = confirm_body(1, &hold_id);
    body["contact"] = person(3)["contact"].clone();
    let (status, answer) = app.call("confirm", body).await;
    assert_eq!(status, 200, "the person may book again: {answer}");
    // The old ticket's end is written, by the system, in its history.
    let store = app.services.store();
    let history = store
        .ticket_history(old["id"].as_str().unwrap())
        .await
        .unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (
            last.0.as_str(),
            last.1.as_str(),
            last.2.as_str(),
            last.3.as_str()
        ),
        ("lapse", "booked", "annulled", "system")
    );
    // The periodic job writes the end of the others, once.
    assert_eq!(app.services.end_past_days(100).await.unwrap(), 1);
    assert_eq!(app.services.end_past_days(100).await.unwrap(), 0);
    let history = store
        .ticket_history(other["id"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(
        history.iter().map(|h| h.0.as_str()).collect::<Vec<_>>(),
        ["book", "lapse"]
    );
    // A past ticket cannot be cancelled or moved.
    let (status, answer) = app.call("cancel", opener(&other)).await;
    assert_eq!((status, error_kind(&answer)), (409, "ticket"), "{answer}");
}

async fn cancel_frees_the_place_at_once(db: Db) {
    let app = spawn_app(db).await;
    let first = book(&app, 1, PODIL, DAY, "09:00").await;
    book(&app, 2, PODIL, DAY, "09:00").await;
    assert_eq!(free_at(&app, PODIL, DAY, "09:00").await, 0);
    let (status, refused) = app.call("hold", seed_slot(PODIL, DAY, "09:00")).await;
    assert_eq!((status, error_kind(&refused)), (409, "taken"));

    let (status, cancelled) = app.call("cancel", opener(&first)).await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["number"], first["number"]);
    assert_eq!(cancelled["access_token"], Value::Null);
    // Free at once, for reads and for holds.
    assert_eq!(free_at(&app, PODIL, DAY, "09:00").await, 1);
    hold(&app, PODIL, DAY, "09:00").await;
    // Twice is harmless: the same answer, one change in the history.
    let (status, again) = app.call("cancel", opener(&first)).await;
    assert_eq!((status, &again), (200, &cancelled));
    let history = app
        .services
        .store()
        .ticket_history(first["id"].as_str().unwrap())
        .await
        .unwrap();
    let events: Vec<_> = history
        .iter()
        .map(|h| (h.0.as_str(), h.3.as_str()))
        .collect();
    assert_eq!(events, [("book", "applicant"), ("cancel", "applicant")]);
    // A wrong token is an unknown ticket; a cancelled one does not move.
    let (status, _) = app
        .call(
            "cancel",
            json!({ "id": first["id"], "token": "0".repeat(64) }),
        )
        .await;
    assert_eq!(status, 404);
    let hold_id = hold(&app, PODIL, DAY, "09:40").await;
    let mut moved = opener(&first);
    moved["hold_id"] = hold_id;
    let (status, answer) = app.call("reschedule", moved).await;
    assert_eq!((status, error_kind(&answer)), (409, "ticket"), "{answer}");
    assert_eq!(answer["ticket"]["status"], "cancelled", "{answer}");
    // The person may book the service again.
    book(&app, 1, PODIL, DAY, "10:00").await;
}

async fn reschedule_moves_a_ticket_in_one_step(db: Db) {
    let app = spawn_with(
        db,
        Options {
            hold_minutes: 0,
            ..Options::default()
        },
    )
    .await;
    let ticket = book(&app, 1, PODIL, DAY, "09:00").await;
    let token = ticket["access_token"].clone();
    let reschedule = |hold_id: Value| {
        let body = json!({ "id": ticket["id"], "token": token, "hold_id": hold_id });
        let app = &app;
        async move { app.call("reschedule", body).await }
    };
    // The same office and day: the board number stays.
    let (status, moved) = reschedule(hold(&app, PODIL, DAY, "09:40").await).await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(
        (moved["start"].as_str(), moved["date"].as_str()),
        (Some("09:40:00"), Some(DAY))
    );
    assert_eq!(moved["number"], ticket["number"]);
    assert_eq!(moved["checklist"], ticket["checklist"]);
    assert_eq!(moved["quote"], ticket["quote"]);
    assert_eq!(
        (
            free_at(&app, PODIL, DAY, "09:00").await,
            free_at(&app, PODIL, DAY, "09:40").await
        ),
        (2, 1)
    );
    // Another office and day: the number follows them (the first of that day).
    let (status, far) = reschedule(hold(&app, DNIPRO, "2026-12-08", "10:00").await).await;
    assert_eq!(status, 200, "{far}");
    assert_eq!(far["office"]["id"], DNIPRO);
    assert_eq!(
        far["number"].as_str().unwrap().split('-').nth(1),
        Some("001")
    );
    assert_eq!(free_at(&app, PODIL, DAY, "09:40").await, 2);
    let (_, opened) = app.call("ticket", opener(&ticket)).await;
    assert_eq!(
        (opened["office"]["id"].as_str(), opened["date"].as_str()),
        (Some(DNIPRO), Some("2026-12-08"))
    );
    // A time taken meanwhile: the same refusal as a booking's, with others.
    let late = hold(&app, PODIL, DAY, "09:20").await;
    book(&app, 2, PODIL, DAY, "09:20").await;
    book(&app, 3, PODIL, DAY, "09:20").await;
    let (status, refused) = reschedule(late).await;
    assert_eq!(
        (status, error_kind(&refused)),
        (409, "hold_expired"),
        "{refused}"
    );
    assert!(!refused["hold_expired"]["alternatives"]
        .as_array()
        .unwrap()
        .is_empty());
    let (_, opened) = app.call("ticket", opener(&ticket)).await;
    assert_eq!(opened["office"]["id"], DNIPRO, "nothing moved");
    // A hold of another service, or none, moves nothing.
    let (status, other) = app
        .call(
            "hold",
            json!({ "service": "passport-abroad", "office": PODIL, "date": DAY, "time": "09:00" }),
        )
        .await;
    assert_eq!(status, 200, "{other}");
    let (status, _) = reschedule(other["hold_id"].clone()).await;
    assert_eq!(status, 400);
    let (status, answer) = reschedule(json!("no-such-hold")).await;
    assert_eq!(
        (status, answer),
        (404, json!({ "not_found": { "what": "hold" } }))
    );
    let history = app
        .services
        .store()
        .ticket_history(ticket["id"].as_str().unwrap())
        .await
        .unwrap();
    let events: Vec<_> = history.iter().map(|h| h.0.as_str()).collect();
    assert_eq!(events, ["book", "reschedule", "reschedule"]);
}

on_both!(
    a_past_ticket_no_longer_blocks,
    cancel_frees_the_place_at_once,
    reschedule_moves_a_ticket_in_one_step
);
