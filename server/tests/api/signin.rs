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

const PODIL: &str = "kyiv-podilskyi";
const DAY: &str = "2026-12-07";

async fn app_with(db: Db, smtp: Option<&SmtpSink>) -> TestApp {
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
async fn book(app: &TestApp, n: u32, time: &str, contact: Value) -> Value {
    let (status, hold) = app.call("hold", seed_slot(PODIL, DAY, time)).await;
    assert_eq!(status, 200, "{hold}");
    let mut body = confirm_body(n, &hold["hold_id"]);
    body["contact"] = contact;
    let (status, ticket) = app.call("confirm", body).await;
    assert_eq!(status, 200, "{ticket}");
    ticket
}

fn mail(address: &str) -> Value {
    json!({ "phone": "", "email": address })
}

async fn start(app: &TestApp, contact: &str) -> (u16, Value) {
    app.call("signin_start", json!({ "contact": contact }))
        .await
}

/// The code of attempt `attempt`, read from the outbox (as the demo's
/// operator would with `cherga outbox`).
async fn code_in_outbox(app: &TestApp, attempt: &str) -> String {
    let entries = app.services.store().outbox(100).await.unwrap();
    let e = entries
        .iter()
        .find(|e| e.id.starts_with(&format!("code:{attempt}:")))
        .unwrap_or_else(|| panic!("no code for {attempt}: {entries:?}"));
    e.code.clone().expect("the code, not sent yet")
}

fn cause(answer: &Value) -> String {
    let c = &answer["sign_in"]["cause"];
    c.as_str()
        .map(str::to_string)
        .or_else(|| c.as_object().and_then(|o| o.keys().next().cloned()))
        .unwrap_or_else(|| answer.to_string())
}

/// The `name=value` part of a `Set-Cookie`.
fn cookie_of(set: &str) -> String {
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

async fn a_code_works_once_in_ten_minutes_and_five_tries(db: Db) {
    let app = app_with(db, None).await;
    book(
        &app,
        3,
        "09:40",
        json!({ "phone": "+380670000003", "email": "" }),
    )
    .await;
    let (status, started) = start(&app, "067 000 00 03").await;
    assert_eq!(status, 200, "{started}");
    let attempt = started["attempt"].as_str().unwrap().to_string();
    let code = code_in_outbox(&app, &attempt).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (1..=4).rev() {
        let (status, answer) = app
            .call(
                "signin_verify",
                json!({ "attempt": attempt, "code": wrong }),
            )
            .await;
        assert_eq!(status, 403);
        assert_eq!(
            answer["sign_in"]["cause"]["wrong_code"]["tries_left"], left,
            "{answer}"
        );
    }
    let (_, answer) = app
        .call(
            "signin_verify",
            json!({ "attempt": attempt, "code": wrong }),
        )
        .await;
    assert_eq!(cause(&answer), "too_many_tries");
    let (status, answer) = app
        .call("signin_verify", json!({ "attempt": attempt, "code": code }))
        .await;
    assert_eq!(
        (status, cause(&answer)),
        (403, "too_many_tries".to_string()),
        "void, even right"
    );

    // A new code after the cooldown; ten minutes later it has expired.
    app.advance(61);
    let (status, started) = start(&app, "+380670000003").await;
    assert_eq!(status, 200, "{started}");
    let attempt = started["attempt"].as_str().unwrap().to_string();
    let code = code_in_outbox(&app, &attempt).await;
    app.advance(600);
    let (_, answer) = app
        .call("signin_verify", json!({ "attempt": attempt, "code": code }))
        .await;
    assert_eq!(cause(&answer), "expired");
    // A code is bound to its attempt: another attempt's id does not take it.
    let (_, started) = start(&app, "+380670000003").await;
    let other = started["attempt"].as_str().unwrap().to_string();
    let code = code_in_outbox(&app, &other).await;
    let (_, answer) = app
        .call("signin_verify", json!({ "attempt": attempt, "code": code }))
        .await;
    assert_eq!(cause(&answer), "expired", "{answer}");
    let (status, _) = app
        .call("signin_verify", json!({ "attempt": other, "code": code }))
        .await;
    assert_eq!(status, 200);
    // Malformed input is refused clearly.
    let (status, answer) = app
        .call("signin_verify", json!({ "attempt": other, "code": "12ab" }))
        .await;
    assert_eq!((status, cause(&answer)), (422, "bad_code".to_string()));
    let (status, answer) = start(&app, "nobody").await;
    assert_eq!((status, cause(&answer)), (422, "bad_contact".to_string()));
}

async fn forty_guesses_at_once_count_as_five(db: Db) {
    let app = app_with(db, None).await;
    book(
        &app,
        4,
        "09:40",
        json!({ "phone": "+380670000004", "email": "" }),
    )
    .await;
    let (_, started) = start(&app, "+380670000004").await;
    let attempt = started["attempt"].as_str().unwrap().to_string();
    let code = code_in_outbox(&app, &attempt).await;
    let guesses: Vec<String> = (0..40)
        .map(|i| format!("{:06}", (code.parse::<u32>().unwrap() + 1 + i) % 1_000_000))
        .collect();
    let calls = guesses.iter().map(|g| {
        let body = json!({ "attempt": attempt, "code": g });
        let app = &app;
        async move { app.call("signin_verify", body).await }
    });
    let answers = futures::future::join_all(calls).await;
    let wrong_counted = answers
        .iter()
        .filter(|(_, a)| a["sign_in"]["cause"]["wrong_code"].is_object())
        .count();
    assert_eq!(
        wrong_counted, 4,
        "four wrong tries answered with tries left"
    );
    assert!(answers.iter().all(|(s, _)| *s == 403));
    let (_, answer) = app
        .call("signin_verify", json!({ "attempt": attempt, "code": code }))
        .await;
    assert_eq!(cause(&answer), "too_many_tries");
}

async fn unknown_contacts_get_the_same_answer_and_the_same_limits(db: Db) {
    let app = app_with(db, None).await;
    book(&app, 5, "09:40", mail("known@example.com")).await;
    let (status, known) = start(&app, "known@example.com").await;
    let (status2, unknown) = start(&app, "unknown@example.com").await;
    assert_eq!((status, status2), (200, 200));
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&known), keys(&unknown));
    assert_eq!(known["expires_in"], unknown["expires_in"]);
    // A code went only to the contact with tickets.
    let entries = app.services.store().outbox(100).await.unwrap();
    let codes = entries.iter().filter(|e| e.kind == "code").count();
    assert_eq!(codes, 1, "{entries:?}");
    // The cooldown, for both alike.
    for contact in ["known@example.com", "unknown@example.com"] {
        let (status, answer) = start(&app, contact).await;
        assert_eq!(status, 429, "{answer}");
        assert!(answer["sign_in"]["cause"]["too_soon"]["seconds"]
            .as_u64()
            .is_some_and(|s| s > 0 && s <= 60));
    }
    // Five codes an hour for one contact.
    for _ in 0..4 {
        app.advance(61);
        let (status, answer) = start(&app, "unknown@example.com").await;
        assert_eq!(status, 200, "{answer}");
    }
    app.advance(61);
    let (status, answer) = start(&app, "unknown@example.com").await;
    assert_eq!((status, cause(&answer)), (429, "too_many".to_string()));
    // Twenty sign-ins an hour from one address (6 started so far).
    let mut refused = 0;
    for n in 0..16 {
        let (status, _) = start(&app, &format!("someone{n}@example.com")).await;
        if status == 429 {
            refused += 1;
        }
    }
    assert_eq!(refused, 2, "the 21st and 22nd from one address are refused");
}

on_both!(
    the_code_arrives_and_opens_my_tickets,
    a_code_works_once_in_ten_minutes_and_five_tries,
    forty_guesses_at_once_count_as_five,
    unknown_contacts_get_the_same_answer_and_the_same_limits,
);
