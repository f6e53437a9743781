//! Check-in at the office's kiosk, on both databases: by the number and the
//! check-in code shown on the ticket, or by its QR code; five wrong codes
//! and the kiosk takes no more for that ticket; the answer with the people
//! ahead and the estimate.

use crate::common::{spawn_app, Db, TestApp};
use crate::console::{add, sign_in, until, PODIL};
use crate::life::{book, opener};
use serde_json::{json, Value};

const DAY: &str = "2026-11-24";

async fn kiosk(app: &TestApp, body: Value) -> (u16, Value) {
    app.call("kiosk_checkin", body).await
}

fn by_code(number: &Value, code: &str) -> Value {
    json!({ "office": PODIL, "number": number, "code": code })
}

fn cause(answer: &Value) -> String {
    let c = &answer["refused"]["cause"];
    c.as_str()
        .map(str::to_string)
        .or_else(|| c.as_object().and_then(|m| m.keys().next().cloned()))
        .unwrap_or_default()
}

async fn checking_in_at_the_kiosk(db: Db) {
    let app = spawn_app(db).await;
    let a = book(&app, 1, PODIL, DAY, "09:00").await;
    let b = book(&app, 2, PODIL, DAY, "09:00").await;
    let c = book(&app, 3, PODIL, DAY, "09:20").await;
    // Each ticket shows its own six digits.
    let code = |t: &Value| t["checkin_code"].as_str().unwrap().to_string();
    assert_eq!(code(&a).len(), 6);
    assert!(code(&a).bytes().all(|b| b.is_ascii_digit()));
    assert_ne!(code(&a), code(&b));
    let (_, opened) = app.call("ticket", opener(&a)).await;
    assert_eq!(opened["checkin_code"], a["checkin_code"]);
    app.advance(until(8, 40));

    // Five wrong codes for A, then none is taken, the right one neither.
    let wrong = if code(&a) == "000000" {
        "111111"
    } else {
        "000000"
    };
    for left in (0..5).rev() {
        let (status, answer) = kiosk(&app, by_code(&a["number"], wrong)).await;
        assert_eq!(
            (status, cause(&answer)),
            (403, "wrong_code".into()),
            "{answer}"
        );
        assert_eq!(answer["refused"]["cause"]["wrong_code"]["tries_left"], left);
    }
    let (status, answer) = kiosk(&app, by_code(&a["number"], &code(&a))).await;
    assert_eq!(
        (status, cause(&answer)),
        (429, "code_locked".into()),
        "{answer}"
    );
    // Staff still check it in.
    add(&app, "olena", PODIL).await;
    let olena = sign_in(&app, "olena").await;
    let body = json!({ "window": "1", "ticket": a["id"], "action": "check_in" });
    assert_eq!(app.call_in("console_act", body, Some(&olena)).await.0, 200);

    // B types its number as a person would, with a Cyrillic letter.
    let typed = b["number"]
        .as_str()
        .unwrap()
        .replace('P', "р")
        .replace("-00", " ");
    let (status, shown) = kiosk(&app, by_code(&json!(typed), &code(&b))).await;
    assert_eq!(status, 200, "{typed}: {shown}");
    assert_eq!(shown["number"], b["number"]);
    assert_eq!(shown["starts"], "09:00");
    // A before it; two windows serve it; 15 minutes a person before there is
    // history, but an appointment is not called before 08:55.
    assert_eq!(
        (shown["ahead"].as_u64(), shown["minutes"].as_u64()),
        (Some(1), Some(15))
    );
    assert_eq!(
        shown["service"]["uk"]
            .as_str()
            .map(|s| s.contains("паспорт")),
        Some(true)
    );
    // Again: the same answer, nothing counted twice.
    let (status, again) = kiosk(&app, by_code(&b["number"], &code(&b))).await;
    assert_eq!((status, again), (200, shown));
    let (_, opened) = app.call("ticket", opener(&b)).await;
    assert_eq!(
        (opened["status"].as_str(), &opened["checkin_code"]),
        (Some("checked_in"), &Value::Null)
    );
    // The applicant's ticket page shows the same place; once called, the window.
    assert_eq!(opened["queue"], json!({ "ahead": 1, "minutes": 15 }));
    let (_, view, _) = app
        .call_in("console_call_next", json!({ "window": "2" }), Some(&olena))
        .await;
    assert_eq!(view["current"]["id"], a["id"]);
    let (_, a_now) = app.call("ticket", opener(&a)).await;
    assert_eq!(
        (a_now["status"].as_str(), a_now["called_to"].as_str()),
        (Some("called"), Some("2"))
    );
    let (_, b_now) = app.call("ticket", opener(&b)).await;
    assert_eq!(b_now["queue"]["ahead"], 0, "{b_now}");

    // C by its QR code: too early at 08:40 (check-in opens at 08:50).
    let qr = json!({ "office": PODIL, "ticket": c["id"], "token": c["access_token"] });
    let (status, answer) = kiosk(&app, qr.clone()).await;
    assert_eq!(
        (status, cause(&answer)),
        (409, "too_early".into()),
        "{answer}"
    );
    app.advance(10 * 60);
    assert_eq!(kiosk(&app, qr).await.0, 200);
    // A wrong token, another office, an unknown number: nothing found.
    let forged = json!({ "office": PODIL, "ticket": c["id"], "token": "ab".repeat(32) });
    assert_eq!(kiosk(&app, forged).await.0, 404);
    let lviv = json!({ "office": "lviv-frankivskyi", "number": a["number"], "code": code(&a) });
    assert_eq!(kiosk(&app, lviv).await.0, 404);
    assert_eq!(kiosk(&app, by_code(&json!("P-099"), "123456")).await.0, 404);
    // Not a code, or half a request.
    let (status, answer) = kiosk(&app, by_code(&c["number"], "12ab56")).await;
    assert_eq!(
        (status, cause(&answer)),
        (422, "bad_code".into()),
        "{answer}"
    );
    let half = json!({ "office": PODIL, "number": c["number"] });
    assert_eq!(kiosk(&app, half).await.0, 400);
}

crate::on_both!(checking_in_at_the_kiosk);
