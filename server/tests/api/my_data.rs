//! The applicant's data rights from "My tickets", on SQLite and on
//! PostgreSQL: a copy of everything held about the contact signed in (its
//! tickets only, with their personal data, history and payments), and its
//! past tickets' personal data erased at once (those still to come kept).

use crate::common::{Db, TestApp};
use crate::signin::{app_with, book, code_in_outbox, cookie_of, start};
use serde_json::{json, Value};

/// Signs in to `phone`'s tickets; the session's cookie.
pub(crate) async fn signed_in(app: &TestApp, phone: &str) -> String {
    let (status, started) = start(app, phone).await;
    assert_eq!(status, 200, "{started}");
    let attempt = started["attempt"].as_str().unwrap().to_string();
    let code = code_in_outbox(app, &attempt).await;
    let (status, list, set) = app
        .call_in(
            "signin_verify",
            json!({ "attempt": attempt, "code": code }),
            None,
        )
        .await;
    assert_eq!(status, 200, "{list}");
    cookie_of(&set.expect("a session cookie"))
}

fn ids(data: &Value) -> Vec<String> {
    let mut ids: Vec<String> = data["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

async fn a_copy_of_what_is_held_and_the_past_erased(db: Db) {
    let app = app_with(db, None).await;
    let phone = "+380670000001";
    let mine = json!({ "phone": phone });
    let kept = book(&app, 1, "09:00", mine.clone()).await;
    let past = book(&app, 2, "09:20", mine).await;
    let other = book(&app, 3, "09:40", json!({ "phone": "+380670000003" })).await;
    let opens = |t: &Value| json!({ "id": t["id"], "token": t["access_token"] });
    let (status, cancelled) = app.call("cancel", opens(&past)).await;
    assert_eq!(status, 200, "{cancelled}");

    // Without a session: nothing.
    for name in ["my_data", "erase_my_past"] {
        let (status, answer, _) = app.call_in(name, json!({}), None).await;
        assert_eq!(status, 401, "{name}: {answer}");
        assert_eq!(answer["sign_in"]["cause"], "not_signed_in", "{answer}");
    }
    let cookie = signed_in(&app, phone).await;
    let (status, data, _) = app.call_in("my_data", json!({}), Some(&cookie)).await;
    assert_eq!(status, 200, "{data}");
    let mut both = vec![
        kept["id"].as_str().unwrap().to_string(),
        past["id"].as_str().unwrap().to_string(),
    ];
    both.sort();
    assert_eq!(ids(&data), both, "the contact's tickets only");
    assert_eq!(data["kept_days"], 90);
    let of = |id: &Value| {
        data["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| &t["id"] == id)
            .unwrap()
            .clone()
    };
    let k = of(&kept["id"]);
    assert_eq!(k["surname"], crate::common::person(1)["person"]["surname"]);
    assert_eq!(
        (k["phone"].as_str(), k["birth_date"].as_str()),
        (Some(phone), Some("1991-08-24"))
    );
    assert_eq!(
        k["service"]["uk"],
        "Оформлення паспорта громадянина України замість втраченого або викраденого"
    );
    assert!(k["erased_at"].is_null());
    let p = of(&past["id"]);
    assert_eq!(p["status"], "cancelled");
    let events: Vec<&str> = p["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["book", "cancel"], "{p}");
    assert_eq!(p["history"][1]["by"], "applicant");
    // No secret of the tickets' in the copy: not their tokens, not their keys.
    let text = data.to_string();
    for t in [&kept, &past, &other] {
        assert!(!text.contains(t["access_token"].as_str().unwrap()));
    }
    assert!(!text.contains("person_key") && !text.contains("token"));

    // The past erased at once; the ticket still to come kept.
    let (status, erased, _) = app.call_in("erase_my_past", json!({}), Some(&cookie)).await;
    assert_eq!(
        (status, erased["tickets"].as_u64()),
        (200, Some(1)),
        "{erased}"
    );
    let (_, data, _) = app.call_in("my_data", json!({}), Some(&cookie)).await;
    assert_eq!(ids(&data), vec![kept["id"].as_str().unwrap().to_string()]);
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&app.db_url).await.unwrap();
    let row = |t: &Value| {
        let (pool, id) = (&pool, t["id"].as_str().unwrap().to_string());
        async move {
            let r: (String, Option<String>, Option<i64>) =
                sqlx::query_as("SELECT surname, phone, erased_at FROM tickets WHERE id = $1")
                    .bind(id)
                    .fetch_one(pool)
                    .await
                    .unwrap();
            r
        }
    };
    let (surname, phone_kept, at) = row(&past).await;
    assert_eq!(
        (surname.as_str(), phone_kept, at.is_some()),
        ("", None, true)
    );
    for t in [&kept, &other] {
        let (surname, phone_kept, at) = row(t).await;
        assert!(!surname.is_empty() && phone_kept.is_some() && at.is_none());
    }
    // Asked again: nothing more to erase. The erased ticket still opens.
    let (_, again, _) = app.call_in("erase_my_past", json!({}), Some(&cookie)).await;
    assert_eq!(again["tickets"], 0, "{again}");
    let (status, view) = app.call("ticket", opens(&past)).await;
    assert_eq!(
        (status, view["status"].as_str()),
        (200, Some("cancelled")),
        "{view}"
    );
    assert_eq!(view["erased"], true, "the page says so: {view}");
    let (_, view) = app.call("ticket", opens(&kept)).await;
    assert!(view.get("erased").is_none(), "{view}");
}

on_both!(a_copy_of_what_is_held_and_the_past_erased);
