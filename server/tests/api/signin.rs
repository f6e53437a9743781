//! "My tickets" on any device, on SQLite and on PostgreSQL: the code arrives
//! by real SMTP and signs in; the session (a server-side cookie) lists the
//! contact's tickets and opens, cancels and signs out; a code works once,
//! within ten minutes and five tries (however many arrive at once); new
//! codes wait for the cooldown and the hourly caps; and the answer is the
//! same whether or not the contact has tickets.

use crate::common::{confirm_body, seed_slot, spawn_with, Db, Options, TestApp};
use crate::outside::SmtpSink;
use serde_json::{json, Value};
use server::cli::MessageArgs;

pub(crate) const PODIL: &str = "kyiv-podilskyi";
pub(crate) const DAY: &str = "2026-12-07";

pub(crate) async fn app_with(db: Db, smtp: Option<&SmtpSink>) -> TestApp {
    let messages = MessageArgs {
        smtp: smtp.map(|s| s.url.clone()),
        outbox_poll_ms: 200,
        ..Default::default()
    };
    let sender = smtp.is_some();
    spawn_with(
        db,
        Options {
            messages,
            sender,
            ..Default::default()
        },
    )
    .await
}

/// Books person `n` at `time` with `contact` (`{"phone": …, "email": …}`).
pub(crate) async fn book(app: &TestApp, n: u32, time: &str, contact: Value) -> Value {
    let (status, hold) = app.call("hold", seed_slot(PODIL, DAY, time)).await;
    assert_eq!(status, 200, "{hold}");
    let mut body = confirm_body(n, &hold["hold_id"]);
    body["contact"] = contact;
    let (status, ticket) = app.call("confirm", body).await;
    assert_eq!(status, 200, "{ticket}");
    ticket
}

pub(crate) fn mail(address: &str) -> Value {
    json!({ "phone": "", "email": address })
}

pub(crate) async fn start(app: &TestApp, contact: &str) -> (u16, Value) {
    app.call("signin_start", json!({ "contact": contact }))
        .await
}

/// The code of attempt `attempt`, read from the outbox (as the demo's
/// operator would with `cherga outbox`).
pub(crate) async fn code_in_outbox(app: &TestApp, attempt: &str) -> String {
    let entries = app.services.store().outbox(100).await.unwrap();
    let e = entries
        .iter()
        .find(|e| e.id.starts_with(&format!("code:{attempt}:")))
        .unwrap_or_else(|| panic!("no code for {attempt}: {entries:?}"));
    e.code.clone().expect("the code, not sent yet")
}

pub(crate) fn cause(answer: &Value) -> String {
    let c = &answer["sign_in"]["cause"];
    c.as_str()
        .map(str::to_string)
        .or_else(|| c.as_object().and_then(|o| o.keys().next().cloned()))
        .unwrap_or_else(|| answer.to_string())
}

/// The `name=value` part of a `Set-Cookie`.
pub(crate) fn cookie_of(set: &str) -> String {
    set.split(';').next().unwrap().trim().to_string()
}

async fn the_code_arrives_and_opens_my_tickets(db: Db) {
    let smtp = SmtpSink::start(None);
    let app = app_with(db, Some(&smtp)).await;
    let first = book(&app, 1, "09:40", mail("olena1@example.com")).await;
    // Booked with a phone and the same e-mail: found by the e-mail too.
    let second = book(
        &app,
        2,
        "10:00",
        json!({ "phone": "+380670000002", "email": "olena1@example.com" }),
    )
    .await;
    smtp.wait_for(2).await;
    let (status, started) = start(&app, " OLENA1@example.com ").await;
    assert_eq!(status, 200, "{started}");
    assert_eq!(
        (
            started["expires_in"].as_u64(),
            started["resend_after"].as_u64()
        ),
        (Some(600), Some(60))
    );
    let attempt = started["attempt"].as_str().unwrap();
    let mails = smtp.wait_for(3).await;
    let code_mail = mails
        .iter()
        .find(|m| {
            m["subject"]
                .as_str()
                .unwrap()
                .starts_with("Код для входу: ")
        })
        .unwrap_or_else(|| panic!("no code mail: {mails:?}"));
    // To the address booked with, not as typed.
    assert_eq!(code_mail["to"], json!(["olena1@example.com"]));
    let code = code_mail["subject"]
        .as_str()
        .unwrap()
        .trim_start_matches("Код для входу: ");
    assert_eq!(code.len(), 6, "{code}");
    assert!(code_mail["text"].as_str().unwrap().contains(code));

    let (status, list, set) = app
        .call_in(
            "signin_verify",
            json!({ "attempt": attempt, "code": code }),
            None,
        )
        .await;
    assert_eq!(status, 200, "{list}");
    let set = set.expect("a session cookie");
    assert!(set.starts_with("cherga.session="), "{set}");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );
    assert!(
        !set.contains("Secure"),
        "served over plain HTTP here: {set}"
    );
    let cookie = cookie_of(&set);
    let ids: Vec<&str> = list["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{list}");
    assert!(
        ids.contains(&first["id"].as_str().unwrap())
            && ids.contains(&second["id"].as_str().unwrap())
    );
    assert!(
        list["tickets"][0]["access_token"].is_null(),
        "the list carries no token"
    );

    // The session lists, opens and cancels; without it, nothing.
    let (status, again, _) = app.call_in("my_tickets", json!({}), Some(&cookie)).await;
    assert_eq!(
        (status, again["tickets"].as_array().map(Vec::len)),
        (200, Some(2))
    );
    let (status, answer, _) = app.call_in("my_tickets", json!({}), None).await;
    assert_eq!(
        (status, cause(&answer)),
        (401, "not_signed_in".to_string()),
        "{answer}"
    );
    let by_session = json!({ "id": first["id"], "token": "" });
    let (status, t, _) = app
        .call_in("ticket", by_session.clone(), Some(&cookie))
        .await;
    assert_eq!(
        (status, t["number"].clone()),
        (200, first["number"].clone()),
        "{t}"
    );
    let (status, _, _) = app.call_in("ticket", by_session.clone(), None).await;
    assert_eq!(status, 404, "no session, no token: not found");
    let (status, t, _) = app.call_in("cancel", by_session, Some(&cookie)).await;
    assert_eq!(
        (status, t["status"].as_str()),
        (200, Some("cancelled")),
        "{t}"
    );

    // The code is used up.
    let (status, answer, _) = app
        .call_in(
            "signin_verify",
            json!({ "attempt": attempt, "code": code }),
            None,
        )
        .await;
    assert_eq!(
        (status, cause(&answer)),
        (403, "expired".to_string()),
        "{answer}"
    );
    // Signed out, the cookie opens nothing.
    let (status, _, _) = app.call_in("signout", json!({}), Some(&cookie)).await;
    assert_eq!(status, 200);
    let (status, _, _) = app.call_in("my_tickets", json!({}), Some(&cookie)).await;
    assert_eq!(status, 401);
}

on_both!(the_code_arrives_and_opens_my_tickets);
