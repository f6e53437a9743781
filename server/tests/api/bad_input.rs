//! Bad input gets a typed error with the right status, never a 500, on both
//! databases: times that cannot be booked, unknown ids, malformed bodies and
//! every kind of invalid form field at once.

use crate::common::{confirm_body, error_kind, seed_slot, spawn_app, Db};
use serde_json::json;

const PODIL: &str = "kyiv-podilskyi";

async fn requests_that_cannot_be_served(db: Db) {
    let app = spawn_app(db).await;
    let no_booking =
        json!({ "service": "qes-id-card", "office": PODIL, "date": "2026-11-24", "time": "09:00" });
    let cases = [
        ("hold", seed_slot(PODIL, "2026-11-23", "15:00"), 422, "slot"),
        ("hold", seed_slot(PODIL, "2027-01-25", "09:00"), 422, "slot"),
        ("hold", seed_slot(PODIL, "2026-12-04", "09:00"), 422, "slot"),
        ("hold", seed_slot(PODIL, "2026-11-24", "09:07"), 422, "slot"),
        (
            "hold",
            seed_slot("dnipro-tsentralnyi", "2026-11-24", "09:00"),
            422,
            "slot",
        ),
        ("hold", no_booking, 422, "slot"),
        ("offices", json!({ "service": "qes-id-card" }), 422, "slot"),
        (
            "hold",
            seed_slot("nowhere", "2026-11-24", "09:00"),
            404,
            "not_found",
        ),
        (
            "hold",
            seed_slot(PODIL, "24.11.2026", "09:00"),
            400,
            "bad_request",
        ),
        (
            "hold",
            json!({ "service": "passport-lost-stolen" }),
            400,
            "bad_request",
        ),
        // Over the hold's 4 KiB: refused before it is read.
        ("hold", json!("x".repeat(100_000)), 413, "bad_request"),
        (
            "confirm",
            json!({ "hold_id": "nope", "idempotency_key": "short", "answers": {}, "person": {}, "contact": {} }),
            400,
            "bad_request",
        ),
        // Ids of another form than 32 hex digits name nothing, a NUL in
        // them too (PostgreSQL refuses a NUL in text: never looked up).
        (
            "ticket",
            json!({ "id": "\u{0}", "token": "x" }),
            404,
            "not_found",
        ),
        (
            "cancel",
            json!({ "id": "019aee2b07d1a4c06e8e55f2c0a9d4\u{0}b", "token": "x" }),
            404,
            "not_found",
        ),
        (
            "reschedule",
            json!({ "id": "\u{0}", "token": "x", "hold_id": "\u{0}" }),
            404,
            "not_found",
        ),
        (
            "confirm",
            confirm_body(1, &json!("\u{0}")),
            404,
            "not_found",
        ),
        (
            "signin_verify",
            json!({ "attempt": "\u{0}", "code": "123456" }),
            403,
            "sign_in",
        ),
    ];
    for (name, body, status, error) in cases {
        let (got, answer) = app.call(name, body.clone()).await;
        let shown: String = format!("{body}").chars().take(120).collect();
        assert_eq!(
            (got, Some(error_kind(&answer))),
            (status, Some(error)),
            "{name} {shown}: {answer:.200}"
        );
    }
}

async fn every_bad_field_is_reported_at_once(db: Db) {
    let app = spawn_app(db).await;
    let unknown_hold = json!("0000");
    let mut body = confirm_body(3, &unknown_hold);
    body["person"] = json!({ "surname": "", "given_name": "Ol3na", "patronymic": "Iвaнівна", "birth_date": "31.02.1990", "rnokpp": "1234567890" });
    body["contact"] = json!({ "phone": "12", "email": "x@" });
    let (status, answer) = app.call("confirm", body).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = answer["invalid"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "surname",
            "given_name",
            "patronymic",
            "birth_date",
            "rnokpp",
            "phone",
            "email"
        ]
    );
    let mut body = confirm_body(4, &unknown_hold);
    body["person"]["surname"] = json!("Я".repeat(51));
    let (status, answer) = app.call("confirm", body).await;
    assert_eq!(status, 422);
    assert_eq!(
        answer["invalid"]["fields"][0]["problem"],
        json!({ "name": { "too_long": { "max": 50 } } })
    );
    // Valid fields, unknown hold.
    let (status, answer) = app.call("confirm", confirm_body(5, &unknown_hold)).await;
    assert_eq!(
        (status, answer["not_found"]["what"].as_str()),
        (404, Some("hold"))
    );
}

on_both!(
    requests_that_cannot_be_served,
    every_bad_field_is_reported_at_once
);
