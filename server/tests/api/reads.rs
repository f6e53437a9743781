//! Availability reads come from memory between writes; they must still follow
//! every write of this node and every hold that expires meanwhile. Old holds
//! are swept without touching the ones that may still be confirmed.

use crate::common::*;
use serde_json::json;

const SEED: &str = "passport-lost-stolen";
const PODIL: &str = "kyiv-podilskyi";

async fn free_at_nine(app: &TestApp) -> (u64, u64) {
    let (status, times) = app
        .call(
            "times",
            json!({ "service": SEED, "office": PODIL, "date": "2026-11-24" }),
        )
        .await;
    assert_eq!(status, 200, "{times}");
    assert_eq!(times[0]["start"], "09:00:00");
    let (status, days) = app
        .call("days", json!({ "service": SEED, "office": PODIL }))
        .await;
    assert_eq!(status, 200, "{days}");
    let day = days
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2026-11-24")
        .unwrap();
    (
        times[0]["free"].as_u64().unwrap(),
        day["free"].as_u64().unwrap(),
    )
}

/// Holds 9:00 on 24.11 at Podilskyi for the seed service.
async fn hold_nine(app: &TestApp) -> serde_json::Value {
    let (status, hold) = app
        .call("hold", seed_slot(PODIL, "2026-11-24", "09:00"))
        .await;
    assert_eq!(status, 200, "{hold}");
    hold
}

async fn kept_answers_follow_writes_and_expiring_holds(db: Db) {
    let app = spawn_app(db).await;
    let (time_free, day_free) = free_at_nine(&app).await;
    assert_eq!(time_free, 2);
    // Read twice: the second comes from memory and says the same.
    assert_eq!(free_at_nine(&app).await, (2, day_free));

    hold_nine(&app).await;
    assert_eq!(
        free_at_nine(&app).await,
        (1, day_free - 1),
        "a hold takes a place"
    );
    assert_eq!(free_at_nine(&app).await, (1, day_free - 1));

    // Nine minutes on the hold still counts; past ten minutes it no longer
    // does, with no write in between.
    app.advance(9 * 60);
    assert_eq!(free_at_nine(&app).await, (1, day_free - 1));
    app.advance(2 * 60);
    assert_eq!(
        free_at_nine(&app).await,
        (2, day_free),
        "an expired hold frees its place"
    );

    let hold = hold_nine(&app).await;
    let (status, ticket) = app.call("confirm", confirm_body(1, &hold["hold_id"])).await;
    assert_eq!(status, 200, "{ticket}");
    app.advance(11 * 60);
    assert_eq!(
        free_at_nine(&app).await,
        (1, day_free - 1),
        "a ticket never expires"
    );
}

/// Housekeeping deletes only the holds expired a day ago: a hold expired an
/// hour ago can still be confirmed, and the places of both stay free.
async fn the_sweep_deletes_only_holds_expired_a_day_ago(db: Db) {
    let app = spawn_app(db).await;
    let old = hold_nine(&app).await;
    app.advance(24 * 3600 + 11 * 60);
    let (status, recent) = app
        .call("hold", seed_slot(PODIL, "2026-11-26", "09:20"))
        .await;
    assert_eq!(status, 200, "{recent}");
    app.advance(3600);

    assert_eq!(app.services.sweep_holds().await.unwrap(), 1);
    let store = app.services.store();
    assert!(store
        .find_hold(old["hold_id"].as_str().unwrap())
        .await
        .unwrap()
        .is_none());
    assert!(store
        .find_hold(recent["hold_id"].as_str().unwrap())
        .await
        .unwrap()
        .is_some());
    assert_eq!(
        app.services.sweep_holds().await.unwrap(),
        0,
        "nothing left to sweep"
    );

    let (status, answer) = app.call("confirm", confirm_body(2, &old["hold_id"])).await;
    assert_eq!(
        (status, Some(error_kind(&answer))),
        (404, Some("not_found"))
    );
    let (status, ticket) = app
        .call("confirm", confirm_body(3, &recent["hold_id"]))
        .await;
    assert_eq!(
        status, 200,
        "a hold expired an hour ago still confirms: {ticket}"
    );
}

async fn a_full_day_offers_the_nearest_times_of_the_days_around_it(db: Db) {
    let app = spawn_app(db).await;
    let (before, full, after) = ("2026-11-24", "2026-11-25", "2026-11-26");
    let times = crate::limits::times(&app, full).await;
    assert!(times.len() > 4);
    for time in &times {
        for _ in 0..10 {
            if app.call("hold", seed_slot(PODIL, full, &time[..5])).await.0 != 200 {
                break;
            }
        }
    }
    assert!(crate::limits::times(&app, full).await.is_empty());
    // The day's last time: the next morning is nearer than the day before.
    let last = times.last().unwrap();
    let wanted = chrono::NaiveDateTime::parse_from_str(&format!("{full} {last}"), "%F %T").unwrap();
    let (status, err) = app.call("hold", seed_slot(PODIL, full, &last[..5])).await;
    assert_eq!((status, error_kind(&err)), (409, "taken"));
    let mut expected = Vec::new();
    for date in [before, after] {
        for time in crate::limits::times(&app, date).await {
            let at =
                chrono::NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%F %T").unwrap();
            expected.push(((at - wanted).abs(), json!({ "date": date, "time": time })));
        }
    }
    expected.sort_by_key(|(away, _)| *away);
    let expected: Vec<_> = expected.into_iter().take(4).map(|(_, t)| t).collect();
    assert_eq!(err["taken"]["alternatives"], json!(expected));
    assert_eq!(expected[0]["date"], after);
}

on_both!(
    kept_answers_follow_writes_and_expiring_holds,
    the_sweep_deletes_only_holds_expired_a_day_ago,
    a_full_day_offers_the_nearest_times_of_the_days_around_it
);
