//! Who a person is, on SQLite and on PostgreSQL: one person with or without
//! the tax number, a retried confirm that must ask what the first asked,
//! and the keys of tickets booked before both were kept.

use crate::common::*;
use crate::life::*;
use serde_json::{json, Value};

async fn one_person_with_or_without_the_tax_number(db: Db) {
    let app = spawn_app(db).await;
    let with_tax = |n: u32, hold_id: &Value| {
        let mut body = confirm_body(n, hold_id);
        body["person"]["rnokpp"] = json!("3012345670");
        body
    };
    // With the tax number, then without it (another phone).
    let (status, _) = app
        .call(
            "confirm",
            with_tax(1, &hold(&app, PODIL, DAY, "09:00").await),
        )
        .await;
    assert_eq!(status, 200);
    let mut without = confirm_body(1, &hold(&app, PODIL, DAY, "09:20").await);
    without["contact"] = person(7)["contact"].clone();
    let (status, answer) = app.call("confirm", without).await;
    assert_eq!(
        (status, booking_cause(&answer)),
        (409, "already_booked"),
        "{answer}"
    );
    // Without, then with (person 2, the same tax number would be person 1's:
    // a fresh one).
    let (status, _) = app
        .call(
            "confirm",
            confirm_body(2, &hold(&app, PODIL, DAY, "09:40").await),
        )
        .await;
    assert_eq!(status, 200);
    let mut with = confirm_body(2, &hold(&app, PODIL, DAY, "10:00").await);
    with["person"]["rnokpp"] = json!("2345678902");
    with["contact"] = person(8)["contact"].clone();
    let (status, answer) = app.call("confirm", with).await;
    assert_eq!(
        (status, booking_cause(&answer)),
        (409, "already_booked"),
        "{answer}"
    );
    // Names compare across case, apostrophes and Unicode forms.
    let named = |surname: &str, given: &str, n: u32, hold_id: &Value| {
        let mut body = confirm_body(n, hold_id);
        body["person"]["surname"] = json!(surname);
        body["person"]["given_name"] = json!(given);
        body
    };
    let (status, answer) = app
        .call(
            "confirm",
            named(
                "Мʼякота",
                "Йосип",
                5,
                &hold(&app, PODIL, DAY, "10:20").await,
            ),
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    let (status, answer) = app
        .call(
            "confirm",
            named(
                "м'ЯКОТА",
                "\u{418}\u{306}осип",
                6,
                &hold(&app, PODIL, DAY, "10:40").await,
            ),
        )
        .await;
    assert_eq!(
        (status, booking_cause(&answer)),
        (409, "already_booked"),
        "{answer}"
    );
}

async fn a_retry_must_ask_what_the_first_asked(db: Db) {
    let app = spawn_app(db).await;
    let hold_id = hold(&app, PODIL, DAY, "09:00").await;
    let body = confirm_body(1, &hold_id);
    let (status, ticket) = app.call("confirm", body.clone()).await;
    assert_eq!(status, 200, "{ticket}");
    // The same key, a made-up hold, another person: nothing comes back.
    let mut forged = confirm_body(2, &json!("made-up-hold"));
    forged["idempotency_key"] = body["idempotency_key"].clone();
    let (status, answer) = app.call("confirm", forged).await;
    assert_eq!(
        (status, error_kind(&answer)),
        (400, "bad_request"),
        "{answer}"
    );
    assert!(!answer
        .to_string()
        .contains(ticket["access_token"].as_str().unwrap()));
    // The same key and hold, another person: refused too.
    let mut other = confirm_body(2, &hold_id);
    other["idempotency_key"] = body["idempotency_key"].clone();
    let (status, answer) = app.call("confirm", other).await;
    assert_eq!(
        (status, error_kind(&answer)),
        (400, "bad_request"),
        "{answer}"
    );
    // The very same request again: the same ticket and token.
    let (status, again) = app.call("confirm", body).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(
        (&again["id"], &again["access_token"]),
        (&ticket["id"], &ticket["access_token"])
    );
    // A key that is not random is refused before anything is looked at.
    for weak in ["0".repeat(31) + "1", "ab".repeat(16)] {
        let mut body = confirm_body(3, &hold(&app, PODIL, DAY, "09:20").await);
        body["idempotency_key"] = json!(weak);
        let (status, answer) = app.call("confirm", body).await;
        assert_eq!(
            (status, error_kind(&answer)),
            (400, "bad_request"),
            "{answer}"
        );
    }
    assert_ne!(key(), key());
}

/// A ticket booked under the plain SHA-256 keys of earlier versions (here
/// the oldest: the person key was the tax number's) gets keyed hashes at
/// start, made from its data as a booking makes them: the same person is
/// refused with or without the tax number, and its phone finds it.
async fn earlier_tickets_get_keyed_keys(db: Db) {
    let app = spawn_app(db).await;
    let mut body = confirm_body(1, &hold(&app, PODIL, DAY, "09:00").await);
    body["person"]["rnokpp"] = json!("3012345670");
    let (status, ticket) = app.call("confirm", body).await;
    assert_eq!(status, 200, "{ticket}");
    let id = ticket["id"].as_str().unwrap();
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&app.db_url).await.unwrap();
    let keys = |id: String| {
        let pool = &pool;
        async move {
            let row: (String, String, i64) = sqlx::query_as(
                "SELECT person_key, contact_key, keys_version FROM tickets WHERE id = $1",
            )
            .bind(id)
            .fetch_one(pool)
            .await
            .unwrap();
            row
        }
    };
    let (person_key, contact_key, version) = keys(id.into()).await;
    assert_eq!(version, 3);
    // What an earlier version kept: SHA-256 of what anyone can enumerate.
    use sha2::Digest;
    let plain = |text: &str| domain::ticket::to_hex(&sha2::Sha256::digest(text.as_bytes()));
    let phone = person(1)["contact"]["phone"].as_str().unwrap().to_string();
    assert_ne!(contact_key, plain(&format!("contact:p:{phone}")));
    sqlx::query(
        "UPDATE tickets SET person_key = tax_key, contact_key = $2, email_key = NULL,
                keys_version = 1 WHERE id = $1",
    )
    .bind(id)
    .bind(plain(&format!("contact:p:{phone}")))
    .execute(&pool)
    .await
    .unwrap();
    app.services.adopt_keys().await.unwrap();
    assert_eq!(keys(id.into()).await, (person_key, contact_key, 3));
    // The same person without the tax number, from another phone: refused.
    let mut without = confirm_body(1, &hold(&app, PODIL, DAY, "09:20").await);
    without["contact"] = person(7)["contact"].clone();
    let (status, answer) = app.call("confirm", without).await;
    assert_eq!(
        (status, booking_cause(&answer)),
        (409, "already_booked"),
        "{answer}"
    );
    // Run again, it finds nothing to do and changes nothing.
    app.services.adopt_keys().await.unwrap();
    assert_eq!(keys(id.into()).await.2, 3);
}

/// A node with another key secret than the database's keys were made with
/// refuses to start: it would find nobody's tickets.
async fn another_secret_is_refused(db: Db) {
    let app = spawn_app(db).await;
    crate::life::book(&app, 1, PODIL, DAY, "09:00").await;
    let site = fake_site();
    let options = Options {
        key_secret: Some("another-secret-0123456789abcdef0123456789".into()),
        ..Options::default()
    };
    let args = serve_args(
        "127.0.0.1:0".parse().unwrap(),
        site.path(),
        &app.db_url,
        &options,
    );
    let err = server::services(&args).await.unwrap_err().to_string();
    assert!(err.contains("not the one this database"), "{err}");
    // The right one starts.
    let args = serve_args(
        "127.0.0.1:0".parse().unwrap(),
        site.path(),
        &app.db_url,
        &Options::default(),
    );
    assert!(server::services(&args).await.is_ok());
}

on_both!(
    one_person_with_or_without_the_tax_number,
    a_retry_must_ask_what_the_first_asked,
    earlier_tickets_get_keyed_keys,
    another_secret_is_refused
);
