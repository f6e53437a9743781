//! The administrator's pages, on both databases: a closed day previewed
//! (nothing saved), saved as the catalog's next version, in force at once;
//! the tickets it leaves without their time told (once each) and offered
//! another; a change from an older version, a broken one and one at
//! another office refused; the change in the audit trail with its before
//! and after. On PostgreSQL, a second node sees the change within seconds,
//! and of many administrators saving at once from one version, one wins.

use crate::audit::add;
use crate::common::{second_node, Db, TestApp};
use crate::console::sign_in;
use crate::life::{book, hold, opener, DAY, PODIL};
use domain::office::staff::Role;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const LVIV: &str = "lviv-frankivskyi";
const NEXT_DAY: &str = "2026-12-08";

async fn staff(app: &TestApp, cookie: &str, name: &str, body: Value) -> (u16, Value) {
    let (status, answer, _) = app.call_in(name, body, Some(cookie)).await;
    (status, answer)
}

/// The office's settings with `DAY` closed for a cleaning day.
fn closing(view: &Value) -> Value {
    let mut settings = view["settings"].clone();
    settings["closures"].as_array_mut().unwrap().push(json!({
        "from": DAY, "to": DAY,
        "reason": { "uk": "Санітарний день", "en": "Cleaning day" }
    }));
    json!({ "office": PODIL, "version": view["version"], "settings": settings })
}

/// Why `DAY` is closed at Podil for the seed service, as the booking sees it.
async fn closed_on_day(app: &TestApp) -> Value {
    let (status, days) = app
        .call(
            "days",
            json!({ "service": "passport-lost-stolen", "office": PODIL }),
        )
        .await;
    assert_eq!(status, 200, "{days}");
    days.as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == DAY)
        .map(|d| d["closed"].clone())
        .unwrap_or(Value::Null)
}

async fn a_closed_day_previewed_saved_and_told(db: Db) {
    let app = crate::common::spawn_app(db).await;
    add(&app, "head.podil", Role::Admin, Some(PODIL)).await;
    add(&app, "head.lviv", Role::Admin, Some(LVIV)).await;
    add(&app, "olena", Role::Officer, Some(PODIL)).await;
    let on_day: Vec<Value> = {
        let mut v = Vec::new();
        for (n, at) in [(1, "09:00"), (2, "09:20"), (3, "09:40")] {
            v.push(book(&app, n, PODIL, DAY, at).await);
        }
        v
    };
    let later = book(&app, 4, PODIL, NEXT_DAY, "09:00").await;
    let head = sign_in(&app, "head.podil").await;
    let (status, view) = staff(&app, &head, "admin_office", json!({})).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["office"], PODIL);
    let change = closing(&view);

    // The preview says what the change does and saves nothing.
    let (status, preview) = staff(&app, &head, "admin_preview", change.clone()).await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["saved"], false);
    assert_eq!(preview["version"], view["version"]);
    assert_eq!(preview["changed"], json!(["closures"]));
    assert_eq!(
        preview["affected"],
        json!([{ "day": DAY, "tickets": 3, "reason": { "uk": "Санітарний день", "en": "Cleaning day" } }])
    );
    assert_eq!(closed_on_day(&app).await, Value::Null);
    let (_, t) = app.call("ticket", opener(&on_day[0])).await;
    assert!(t.get("disrupted").is_none(), "{t}");

    // Another office's administrator and an officer may change nothing here.
    let lviv = sign_in(&app, "head.lviv").await;
    let olena = sign_in(&app, "olena").await;
    for (cookie, cause) in [(&lviv, "other_office"), (&olena, "forbidden")] {
        for (name, body) in [
            ("admin_office", json!({ "office": PODIL })),
            ("admin_preview", change.clone()),
            ("admin_save", change.clone()),
        ] {
            let (status, answer) = staff(&app, cookie, name, body).await;
            assert_eq!(
                (status, crate::console::refused(&answer)),
                (403, cause),
                "{name}: {answer}"
            );
        }
    }

    // Saved: in force at once, the applicants told, their tickets say so.
    let (status, saved) = staff(&app, &head, "admin_save", change.clone()).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["saved"], true);
    let version = view["version"].as_i64().unwrap();
    assert_eq!(saved["version"], json!(version + 1));
    assert_eq!(saved["affected"], preview["affected"]);
    assert_eq!(closed_on_day(&app).await["uk"], "Санітарний день");
    for t in &on_day {
        let (_, seen) = app.call("ticket", opener(t)).await;
        assert_eq!(seen["status"], "booked", "{seen}");
        assert_eq!(seen["disrupted"]["en"], "Cleaning day", "{seen}");
    }
    let (_, seen) = app.call("ticket", opener(&later)).await;
    assert!(seen.get("disrupted").is_none(), "{seen}");
    let outbox = app.services.store().outbox(500).await.unwrap();
    let mut told: Vec<String> = outbox
        .iter()
        .filter(|e| e.kind == "disrupted")
        .filter_map(|e| e.ticket_id.clone())
        .collect();
    told.sort();
    told.dedup();
    let mut expected: Vec<String> = on_day
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    expected.sort();
    assert_eq!(told, expected);

    // The same change again, from the version it was read at: refused.
    let (status, answer) = staff(&app, &head, "admin_save", change).await;
    assert_eq!((status, answer.clone()), (409, json!("stale")), "{answer}");

    // A change that breaks a rule of the catalog: refused, nothing saved.
    let (_, now) = staff(&app, &head, "admin_office", json!({})).await;
    for (part, value) in [
        ("online_share_percent", json!(150)),
        (
            "closures",
            json!([{ "from": NEXT_DAY, "to": DAY, "reason": { "uk": "Х", "en": "X" } }]),
        ),
    ] {
        let mut broken = json!({ "version": now["version"], "settings": now["settings"] });
        broken["settings"][part] = value;
        let (status, answer) = staff(&app, &head, "admin_save", broken).await;
        assert_eq!(status, 422, "{part}: {answer}");
        assert!(answer["settings"]["cause"].is_object(), "{answer}");
    }
    let (_, after) = staff(&app, &head, "admin_office", json!({})).await;
    assert_eq!(after["version"], now["version"]);
    // A service's own online share is a change of the share.
    let mut own = json!({ "version": now["version"], "settings": now["settings"] });
    own["settings"]["online_shares"] = json!({ "passport-abroad": 50 });
    let (status, preview) = staff(&app, &head, "admin_preview", own).await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["changed"], json!(["online_share_percent"]));

    // A disrupted ticket moved to another day is disrupted no more.
    let mut moving = opener(&on_day[0]);
    moving["hold_id"] = hold(&app, PODIL, NEXT_DAY, "09:20").await;
    let (status, moved) = app.call("reschedule", moving).await;
    assert_eq!(status, 200, "{moved}");
    assert!(moved.get("disrupted").is_none(), "{moved}");

    // The trail holds the change, with its before and after.
    let (status, trail) = staff(&app, &head, "audit", json!({ "staff": "head.podil" })).await;
    assert_eq!(status, 200, "{trail}");
    let entry = trail["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "office_settings")
        .unwrap_or_else(|| panic!("no change in {trail}"))
        .clone();
    assert!(entry.to_string().contains("Санітарний день"), "{entry}");
}

on_both!(a_closed_day_previewed_saved_and_told);

/// Waits up to 10 s until `node` sees `DAY` closed; how long it took.
async fn until_closed(node: &TestApp) -> Duration {
    let start = Instant::now();
    while closed_on_day(node).await == Value::Null {
        assert!(start.elapsed() < Duration::from_secs(10), "never seen");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    start.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_node_follows_and_one_of_many_saves_wins() {
    let a = crate::common::spawn_app(Db::Postgres).await;
    let b = second_node(Db::Postgres, &a, Default::default())
        .await
        .unwrap();
    add(&a, "head.podil", Role::Admin, Some(PODIL)).await;
    let (on_a, on_b) = (
        sign_in(&a, "head.podil").await,
        sign_in(&b, "head.podil").await,
    );
    let (_, view) = staff(&a, &on_a, "admin_office", json!({})).await;
    // Both nodes read the office open.
    assert_eq!(closed_on_day(&b).await, Value::Null);

    // Twenty saves at once from the same version, half on each node, each
    // with its own notice: one wins, the others are told it changed.
    let mut calls = Vec::new();
    for i in 0..20 {
        let mut change = closing(&view);
        change["settings"]["notices"] =
            json!([{ "text": { "uk": format!("Оголошення {i}"), "en": format!("Notice {i}") } }]);
        let (node, cookie) = if i % 2 == 0 { (&a, &on_a) } else { (&b, &on_b) };
        calls.push(staff(node, cookie, "admin_save", change));
    }
    let answers = futures::future::join_all(calls).await;
    let won: Vec<&Value> = answers
        .iter()
        .filter(|(s, _)| *s == 200)
        .map(|(_, v)| v)
        .collect();
    let stale = answers
        .iter()
        .filter(|(s, v)| *s == 409 && v == &json!("stale"))
        .count();
    assert_eq!((won.len(), stale), (1, 19), "{answers:?}");

    // The other node sees it within seconds, told by NOTIFY.
    until_closed(&a).await;
    until_closed(&b).await;
    let (_, on_a_now) = staff(&a, &on_a, "admin_office", json!({})).await;
    let (_, on_b_now) = staff(&b, &on_b, "admin_office", json!({})).await;
    assert_eq!(on_a_now["settings"], on_b_now["settings"]);
    assert_eq!(on_b_now["version"], won[0]["version"]);

    // An import into the running deployment reaches both nodes too.
    let data = server::data::load(&crate::common::repo_data()).unwrap();
    let version = a
        .services
        .store()
        .save_catalog(&data.file, &data.years, 0)
        .await
        .unwrap();
    let start = Instant::now();
    for node in [&a, &b] {
        while node.services.state().version != version {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "import never seen"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    assert_eq!(closed_on_day(&b).await, Value::Null);
}

#[tokio::test]
async fn an_import_into_a_running_sqlite_node_is_read_by_its_poll() {
    let app = crate::common::spawn_app(Db::Sqlite).await;
    let before = app.services.state().version;
    assert!(!app.services.reload_catalog().await, "nothing new yet");
    let data = server::data::load(&crate::common::repo_data()).unwrap();
    let version = app
        .services
        .store()
        .save_catalog(&data.file, &data.years, 0)
        .await
        .unwrap();
    assert_eq!(version, before + 1);
    assert!(app.services.reload_catalog().await);
    assert_eq!(app.services.state().version, version);
}
