//! Sign-in codes under attack, on SQLite and on PostgreSQL: a code works
//! once, within ten minutes and five tries (however many guesses arrive at
//! once); new codes wait for the cooldown and the hourly caps; and the
//! answer is the same whether or not the contact has tickets.

use crate::common::Db;
use crate::signin::*;
use serde_json::{json, Value};

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
    a_code_works_once_in_ten_minutes_and_five_tries,
    forty_guesses_at_once_count_as_five,
    unknown_contacts_get_the_same_answer_and_the_same_limits,
);
