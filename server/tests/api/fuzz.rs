//! Every endpoint fed generated input (proptest's strategies): arbitrary
//! JSON, and each endpoint's own request with arbitrary strings, numbers
//! and values in every field. No answer is a 5xx, every answer is one the
//! OpenAPI document describes, and the server keeps answering. Generated without shrinking (the server is asynchronous):
//! a failure prints the body that caused it.

use crate::common::{spawn_app, Db, TestApp};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};

/// Bodies generated for each endpoint, of each kind.
const CASES: usize = 30;

/// Every endpoint of the OpenAPI document, with the request its document
/// gives as an example, whose leaves the generator replaces.
fn endpoints() -> Vec<(String, Value)> {
    let doc = server::http::openapi::document();
    let paths = doc["paths"].as_object().expect("paths");
    let endpoints: Vec<(String, Value)> = paths
        .iter()
        .map(|(path, op)| {
            let name = path.trim_start_matches("/api/").to_string();
            let example =
                op["post"]["requestBody"]["content"]["application/json"]["example"].clone();
            assert!(example.is_object(), "{name} has no example");
            (name, example)
        })
        .collect();
    assert_eq!(endpoints.len(), 39);
    endpoints
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

/// Posts `body`; the answer must be one the OpenAPI document describes.
async fn post(app: &TestApp, endpoint: &str, body: String) -> u16 {
    let r = app
        .client
        .post(format!("{}/api/{endpoint}", app.base))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("no answer from {endpoint}: {e}"));
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    let json = serde_json::from_str(&text).unwrap_or(Value::String(text));
    crate::conformance::check(endpoint, status, &json);
    status
}

async fn no_input_gets_a_5xx(db: Db) {
    let app = spawn_app(db).await;
    let mut runner = TestRunner::new(Config::default());
    let json = any_json();
    let text = any::<String>();
    for (endpoint, template) in endpoints() {
        let endpoint = endpoint.as_str();
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
