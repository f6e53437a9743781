//! Every answer an API call of these tests receives is checked against the
//! OpenAPI document the server serves (`server::http::openapi`): its status
//! is documented for the endpoint, and its body matches the schema of that
//! status. A field written that the document does not name fails the test
//! that received it, so the document cannot drift from the code.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

type Validators = Mutex<HashMap<(String, u16), Option<Arc<jsonschema::Validator>>>>;

/// The validator of `endpoint`'s answer with `status`: `None` when the
/// document gives that answer no body; a panic when it does not list it.
fn validator(endpoint: &str, status: u16) -> Option<Arc<jsonschema::Validator>> {
    static CACHE: OnceLock<Validators> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (endpoint.to_string(), status);
    if let Some(v) = cache.lock().unwrap().get(&key) {
        return v.clone();
    }
    let doc = server::http::openapi::document();
    let answer = &doc["paths"][format!("/api/{endpoint}")]["post"]["responses"][status.to_string()];
    assert!(
        answer.is_object(),
        "{endpoint} answered {status}, which the OpenAPI document does not list"
    );
    let made = answer["content"]["application/json"]["schema"]
        .as_object()
        .map(|schema| {
            // The answer's schema as the root, with the document's schemas
            // beside it for its `$ref`s to reach.
            let mut root = schema.clone();
            root.insert("components".into(), doc["components"].clone());
            root.insert(
                "$schema".into(),
                json!("https://json-schema.org/draft/2020-12/schema"),
            );
            Arc::new(
                jsonschema::validator_for(&Value::Object(root))
                    .unwrap_or_else(|e| panic!("{endpoint} {status}: bad schema: {e}")),
            )
        });
    cache.lock().unwrap().insert(key, made.clone());
    made
}

/// Panics unless the answer `body` (`Value::String` when it was no JSON)
/// with `status` is what the document says `endpoint` answers.
pub fn check(endpoint: &str, status: u16, body: &Value) {
    let documented = server::http::openapi::document()["paths"]
        .get(format!("/api/{endpoint}"))
        .is_some();
    if !documented {
        return; // a made-up endpoint, refused as no API function
    }
    if let Some(v) = validator(endpoint, status) {
        let problems: Vec<String> = v
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(
            problems.is_empty(),
            "{endpoint} answered {status} with a body the OpenAPI document does not describe: {problems:?}\nbody: {body}"
        );
    }
}
