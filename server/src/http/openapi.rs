//! The OpenAPI 3.1 document of the API (`GET /api/openapi.json`). Its schemas
//! are generated from the very types the endpoints read and write (schemars
//! reads their serde attributes), so a field added to a type is in the
//! document with it; the suite checks every answer its tests receive against
//! the document, and Schemathesis fuzzes the server from it.

use app::api::*;
use app::i18n::tickets::TicketWordsBoth;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

#[path = "openapi_errors.rs"]
mod errors;

use errors::Errors;

/// Where the schemas live in the document.
const SCHEMAS: &str = "/components/schemas";

/// The body of a call that takes no arguments.
#[derive(Debug, JsonSchema)]
#[allow(dead_code)]
struct NoArguments {}

/// One endpoint: `POST /api/NAME`.
struct Endpoint {
    name: &'static str,
    summary: &'static str,
    /// The request body's schema (how it is read).
    request: fn(&mut SchemaGenerator) -> Value,
    /// The answer's schema (how it is written).
    answer: fn(&mut SchemaGenerator) -> Value,
    errors: Errors,
    /// A request as a client would send it (the demo catalog's ids).
    example: Value,
}

fn schema<T: JsonSchema>(g: &mut SchemaGenerator) -> Value {
    g.subschema_for::<T>().to_value()
}

/// Every endpoint, in the order of `docs/API.md`.
/// An endpoint of the document.
macro_rules! ep {
    ($name:literal, $summary:literal, $req:ty => $ans:ty, $err:ident, $example:expr) => {
        Endpoint {
            name: $name,
            summary: $summary,
            request: schema::<$req>,
            answer: schema::<$ans>,
            errors: Errors::$err,
            example: $example,
        }
    };
}

#[path = "openapi_staff.rs"]
mod staff;

fn endpoints() -> Vec<Endpoint> {
    let service = json!({ "service": "passport-lost-stolen" });
    let office = json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi" });
    let day = json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi", "date": "2026-12-07" });
    let slot = json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi", "date": "2026-12-07", "time": "09:00" });
    let ticket = json!({ "id": "019aee2b07d1a4c06e8e55f2c0a9d41b", "token": "c6e0b1f4a9d27e835f0c4b6a1d9e2f7083b5a6c4d1e9f20b7a3c8d5e6f1a2b4c9" });
    let confirm = json!({
        "hold_id": "019aee2a1f3c7b92e4d05a6c8b1f3e27",
        "idempotency_key": "5d3f0a9c2b7e41d68f1a0c3e5b7d9f24",
        "answers": { "loss": "stolen", "urgent": false, "residence_registered": true },
        "person": { "surname": "Коваль", "given_name": "Олена", "patronymic": "Петрівна", "birth_date": "24.08.1991", "rnokpp": "" },
        "contact": { "phone": "067 123 45 67", "email": "" },
        "lang": "uk"
    });
    let mut reschedule = ticket.clone();
    reschedule["hold_id"] = json!("019aee2c44e0b7d9a1c3f5e7092b4d6f");
    vec![
        ep!("catalog", "Every service by category, and the notices in force.", NoArguments => CatalogList, Read, json!({})),
        ep!("words", "The words of the tickets' screens, both languages.", NoArguments => TicketWordsBoth, Read, json!({})),
        ep!("service", "One service card, with the calendar for the offline ready date.", ServiceRequest => ServiceDetails, Api, service.clone()),
        ep!("offices", "The offices serving a service, each with its online status.", ServiceRequest => Vec<OfficeView>, Api, service),
        ep!("days", "The booking horizon's days with their free places.", OfficeServiceRequest => Vec<DayView>, Api, office),
        ep!("times", "The times of a day with their free places.", TimesRequest => Vec<TimeView>, Api, day),
        ep!("hold", "Holds a time while the form is filled.", HoldRequest => HoldView, Api, slot),
        ep!("confirm", "Confirms a hold into a ticket.", ConfirmRequest => TicketView, Api, confirm),
        ep!("ticket", "A ticket, opened with its access token or the session.", TicketRequest => TicketView, Api, ticket.clone()),
        ep!("cancel", "Cancels a ticket; cancelling again changes nothing.", TicketRequest => TicketView, Api, ticket),
        ep!("reschedule", "Moves a ticket to the place of a hold, in one step.", RescheduleRequest => TicketView, Api, reschedule),
        ep!("pay", "Starts paying one of a ticket's payments: the provider's checkout address.", PayRequest => PayStart, Api,
            json!({ "id": "019aee2b07d1a4c06e8e55f2c0a9d41b", "token": "c6e0b1f4a9d27e835f0c4b6a1d9e2f7083b5a6c4d1e9f20b7a3c8d5e6f1a2b4c9", "recipient": "demo-dms-fees", "lang": "uk" })),
        ep!("check_receipt", "Whether a receipt code is a real, paid receipt of this system (no personal data but initials).",
            CheckRequest => ReceiptCheck, Api, json!({ "code": "7K2M-Q9XD-4TNB-WH3R" })),
        ep!("signin_start", "Sends a one-time code to the contact, if any ticket has it.", SignInRequest => SignInStarted, SignIn,
            json!({ "contact": "olena@example.com", "lang": "uk" })),
        ep!("signin_verify", "Signs in with the code received.", CodeRequest => TicketList, SignIn,
            json!({ "attempt": "019aee2d5b8c3a1e7f9d0b2c4e6a8f13", "code": "123456" })),
        ep!("my_tickets", "The tickets of the contact signed in.", NoArguments => TicketList, SignIn, json!({})),
        ep!("signout", "Ends the session.", NoArguments => (), SignIn, json!({})),
        ep!("my_data", "Everything held about the contact signed in: its tickets with their personal data, history, payments and messages.", NoArguments => PersonalData, SignIn, json!({})),
        ep!("erase_my_past", "Erases the personal data of the signed-in contact's tickets that are over; those still to come keep theirs.", NoArguments => Erased, SignIn, json!({})),
    ]
    .into_iter()
    .chain(staff::endpoints())
    .collect()
}

/// Answers describe exactly what is written: an object carries no field its
/// type does not name.
fn close_objects(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let plain_object = map.get("type") == Some(&json!("object"))
                && map.contains_key("properties")
                && !["additionalProperties", "allOf", "anyOf", "oneOf"]
                    .iter()
                    .any(|k| map.contains_key(*k));
            if plain_object {
                map.insert("additionalProperties".into(), json!(false));
            }
            map.values_mut().for_each(close_objects);
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// Renames the `$ref`s to the schemas named in `names` to `NAME.answer`.
fn rename_refs(value: &mut Value, names: &[String]) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref") {
                if let Some(name) = r.strip_prefix(&format!("#{SCHEMAS}/")) {
                    if names.iter().any(|n| n == name) {
                        *r = format!("#{SCHEMAS}/{name}.answer");
                    }
                }
            }
            map.values_mut().for_each(|v| rename_refs(v, names));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename_refs(v, names)),
        _ => {}
    }
}

/// The document, built once.
pub fn document() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(build)
}

fn build() -> Value {
    let settings = SchemaSettings::draft2020_12().with(|s| {
        s.definitions_path = SCHEMAS.into();
        s.meta_schema = None;
    });
    let mut reads = settings.clone().for_deserialize().into_generator();
    let mut writes = settings.for_serialize().into_generator();
    let mut operations = Vec::new();
    for ep in endpoints() {
        let request = (ep.request)(&mut reads);
        let answer = (ep.answer)(&mut writes);
        let error = ep.errors.schema(&mut writes);
        operations.push((ep, request, answer, error));
    }
    let requests = reads.take_definitions(true);
    let mut answers = writes.take_definitions(true);
    answers.values_mut().for_each(close_objects);

    // A type read and written alike is one schema; one that reads otherwise
    // than it writes (a field with a default) has its answer's form apart.
    let mut renamed: Vec<String> = Vec::new();
    loop {
        let clash: Vec<String> = answers
            .iter()
            .filter(|(name, schema)| requests.get(*name).is_some_and(|r| r != *schema))
            .map(|(name, _)| name.clone())
            .filter(|name| !renamed.contains(name))
            .collect();
        if clash.is_empty() {
            break;
        }
        renamed.extend(clash);
        for schema in answers.values_mut() {
            rename_refs(schema, &renamed);
        }
    }
    let mut schemas: Map<String, Value> = requests;
    for (name, schema) in answers {
        let key = if renamed.contains(&name) {
            format!("{name}.answer")
        } else {
            name
        };
        schemas.insert(key, schema);
    }

    let mut paths = Map::new();
    for (ep, request, mut answer, mut error) in operations {
        close_objects(&mut answer);
        rename_refs(&mut answer, &renamed);
        rename_refs(&mut error, &renamed);
        let mut responses = Map::new();
        responses.insert(
            "200".into(),
            json!({"description": "The answer.", "content": {"application/json": {"schema": answer}}}),
        );
        for (status, description) in ep.errors.statuses() {
            let mut r = json!({
                "description": description,
                "content": {"application/json": {"schema": error}},
            });
            if matches!(status, 429 | 503) {
                r["headers"] = json!({"Retry-After": {
                    "description": "Seconds to wait before trying again.",
                    "schema": {"type": "integer", "minimum": 0},
                }});
            }
            responses.insert(status.to_string(), r);
        }
        responses.insert(
            "408".into(),
            json!({"description": "Not answered within the request time-out (a body sent too slowly included)."}),
        );
        paths.insert(
            format!("/api/{}", ep.name),
            json!({"post": {
                "operationId": ep.name,
                "summary": ep.summary,
                "requestBody": {"required": true, "content": {"application/json": {"schema": request, "example": ep.example}}},
                "responses": responses,
            }}),
        );
    }
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Cherga",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "The electronic queue's API: the catalog, booking, tickets, \"My tickets\".",
            "description": "Every endpoint is `POST /api/NAME` with a JSON body. Texts come as `{\"uk\", \"en\"}`, dates `YYYY-MM-DD`, times `HH:MM` (Kyiv), money integer kopiykas. The prose, with the limits and the errors: docs/API.md.",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "paths": paths,
        "components": {"schemas": schemas},
    })
}

#[cfg(test)]
#[path = "openapi_tests.rs"]
mod tests;
