//! Every endpoint fed generated input (proptest's strategies): arbitrary
//! JSON, and each endpoint's own request with arbitrary strings, numbers
//! and values in every field. No answer is a 5xx, and the server keeps
//! answering. Generated without shrinking (the server is asynchronous):
//! a failure prints the body that caused it.

use crate::common::{spawn_app, Db, TestApp};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};

/// Bodies generated for each endpoint, of each kind.
const CASES: usize = 30;

const ENDPOINTS: [&str; 15] = [
    "catalog",
    "words",
    "service",
    "offices",
    "days",
    "times",
    "hold",
    "confirm",
    "ticket",
    "cancel",
    "reschedule",
    "signin_start",
    "signin_verify",
    "my_tickets",
    "signout",
];

/// Each endpoint's documented request (docs/API.md), whose leaves the
/// generator replaces.
fn template(endpoint: &str) -> Value {
    let slot = json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi", "date": "2026-12-07", "time": "09:00" });
    match endpoint {
        "service" | "offices" => json!({ "service": "passport-lost-stolen" }),
        "days" => json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi" }),
        "times" => {
            json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi", "date": "2026-12-07" })
        }
        "hold" => slot,
        "confirm" => json!({
            "hold_id": "01a2090c8468c756cbf57cd614ebd41f",
            "idempotency_key": "0123456789abcdef0123456789abcdef",
            "answers": { "loss": "stolen", "urgent": false, "residence_registered": true },
            "person": { "surname": "Коваль", "given_name": "Олена", "patronymic": "", "birth_date": "24.08.1991", "rnokpp": "" },
            "contact": { "phone": "067 123 45 67", "email": "" },
            "lang": "uk"
        }),
        "ticket" | "cancel" => json!({ "id": "01a2090db3118169705d8aaf09d404be", "token": "c6e0" }),
        "reschedule" => {
            json!({ "id": "01a2090db3118169705d8aaf09d404be", "token": "c6e0", "hold_id": "01a2" })
        }
        "signin_start" => json!({ "contact": "olena@example.com", "lang": "uk" }),
        "signin_verify" => json!({ "attempt": "5f0c", "code": "123456" }),
        _ => json!({}),
    }
}

/// Any JSON value, nested a few levels, with any text in strings and keys.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        any::<String>().prop_map(Value::String),
        "[0-9:.\\-T]{0,24}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// `template` with each leaf, in turn or all at once, replaced by
/// something generated.
fn mutate(template: &Value, replacements: &mut impl FnMut() -> Value) -> Value {
    match template {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), mutate(v, replacements)))
                .collect(),
        ),
        _ => replacements(),
    }
}

async fn post(app: &TestApp, endpoint: &str, body: String) -> u16 {
    app.client
        .post(format!("{}/api/{endpoint}", app.base))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or_else(|e| panic!("no answer from {endpoint}: {e}"))
}

async fn no_input_gets_a_5xx(db: Db) {
    let app = spawn_app(db).await;
    let mut runner = TestRunner::new(Config::default());
    let json = any_json();
    let text = any::<String>();
    for endpoint in ENDPOINTS {
        let template = template(endpoint);
        for _ in 0..CASES {
            let mut bodies = Vec::new();
            // Arbitrary JSON, and arbitrary bytes as text.
            bodies.push(json.new_tree(&mut runner).unwrap().current().to_string());
            bodies.push(text.new_tree(&mut runner).unwrap().current());
            // The endpoint's own request, each field any value.
            let mut any = || json.new_tree(&mut runner).unwrap().current();
            bodies.push(mutate(&template, &mut any).to_string());
            // The endpoint's own request, each field any string.
            let mut strings = || Value::String(text.new_tree(&mut runner).unwrap().current());
            bodies.push(mutate(&template, &mut strings).to_string());
            for body in bodies {
                let status = post(&app, endpoint, body.clone()).await;
                assert!(status < 500, "{endpoint} answered {status} to {body}");
            }
        }
    }
    // Still serving.
    assert_eq!(app.get("/healthz/ready").await.0, 200);
    let (status, _) = app.call("catalog", json!({})).await;
    assert_eq!(status, 200);
}

on_both!(no_input_gets_a_5xx);
