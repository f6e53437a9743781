//! The holiday calendar, on both databases: the system administrator adds a
//! day off where tickets are booked in two offices; the preview counts them
//! all, the save puts it in force (the day closed for booking, with its
//! name), tells each applicant and is stored with the catalog's next
//! version; a weekday declared a working weekend, a change from an older
//! version and an office's administrator are refused.

use crate::audit::add;
use crate::common::Db;
use crate::console::sign_in;
use crate::life::{book, opener, DAY, DNIPRO, PODIL};
use domain::office::staff::Role;
use serde_json::{json, Value};

async fn a_day_off_added_where_tickets_are_booked(db: Db) {
    let app = crate::common::spawn_app(db).await;
    add(&app, "root", Role::SystemAdmin, None).await;
    add(&app, "head.podil", Role::Admin, Some(PODIL)).await;
    let booked = [
        book(&app, 1, PODIL, DAY, "09:00").await,
        book(&app, 2, PODIL, DAY, "09:20").await,
        book(&app, 3, DNIPRO, DAY, "09:00").await,
    ];
    let other_day = book(&app, 4, PODIL, "2026-12-08", "09:00").await;
    let root = sign_in(&app, "root").await;
    let head = sign_in(&app, "head.podil").await;
    let call = |cookie: String, name: &'static str, body: Value| {
        let app = &app;
        async move {
            let (status, answer, _) = app.call_in(name, body, Some(&cookie)).await;
            (status, answer)
        }
    };

    let (status, answer) = call(head.clone(), "admin_calendar", json!({})).await;
    assert_eq!(
        (status, crate::console::refused(&answer)),
        (403, "forbidden")
    );
    let (status, view) = call(root.clone(), "admin_calendar", json!({})).await;
    assert_eq!(status, 200, "{view}");
    let years: Vec<i64> = view["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2026, 2027]);
    let mut year = view["years"][0].clone();
    year["holiday"].as_array_mut().unwrap().push(json!({
        "date": DAY, "name": { "uk": "День жалоби", "en": "Day of mourning" }
    }));
    let change = json!({ "version": view["version"], "year": year });

    let (status, preview) = call(root.clone(), "admin_calendar_preview", change.clone()).await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["saved"], false);
    assert_eq!(preview["changed"], json!(["calendar"]));
    assert_eq!(
        preview["affected"],
        json!([{ "day": DAY, "tickets": 3, "reason": { "uk": "День жалоби", "en": "Day of mourning" } }])
    );
    let (status, answer) = call(head.clone(), "admin_calendar_save", change.clone()).await;
    assert_eq!(
        (status, crate::console::refused(&answer)),
        (403, "forbidden")
    );

    let (status, saved) = call(root.clone(), "admin_calendar_save", change.clone()).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(
        saved["version"],
        json!(view["version"].as_i64().unwrap() + 1)
    );
    let (_, days) = app
        .call(
            "days",
            json!({ "service": "passport-lost-stolen", "office": PODIL }),
        )
        .await;
    let that = days
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == DAY)
        .unwrap();
    assert_eq!(that["closed"]["uk"], "День жалоби", "{that}");
    for t in &booked {
        let (_, seen) = app.call("ticket", opener(t)).await;
        assert_eq!(seen["disrupted"]["uk"], "День жалоби", "{seen}");
    }
    let (_, seen) = app.call("ticket", opener(&other_day)).await;
    assert!(seen.get("disrupted").is_none(), "{seen}");
    let outbox = app.services.store().outbox(500).await.unwrap();
    let mut told: Vec<&str> = outbox
        .iter()
        .filter(|e| e.kind == "disrupted")
        .filter_map(|e| e.ticket_id.as_deref())
        .collect();
    told.sort();
    told.dedup();
    assert_eq!(told.len(), 3);
    let (_, stored, version) = app.services.store().load_catalog().await.unwrap().unwrap();
    assert_eq!(json!(version), saved["version"]);
    assert!(stored[0].holidays.iter().any(|h| h.date.to_string() == DAY));

    // From the older version: stale. A weekday as a working weekend: refused.
    let (status, answer) = call(root.clone(), "admin_calendar_save", change).await;
    assert_eq!((status, answer), (409, json!("stale")));
    let (_, now) = call(root.clone(), "admin_calendar", json!({})).await;
    let mut year = now["years"][0].clone();
    year["working_weekends"] = json!(["2026-12-09"]);
    let (status, answer) = call(
        root.clone(),
        "admin_calendar_save",
        json!({ "version": now["version"], "year": year }),
    )
    .await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(
        answer["calendar"]["cause"],
        json!({ "not_a_weekend": { "date": "2026-12-09" } })
    );
}

on_both!(a_day_off_added_where_tickets_are_booked);
