//! The OpenAPI document's own checks (the answers' checks are the
//! integration tests', `server/tests/api/conformance.rs`).

use super::*;

#[test]
fn every_endpoint_is_documented_with_its_answers() {
    let doc = document();
    let paths = doc["paths"].as_object().map(|p| p.len()).unwrap_or(0);
    assert_eq!(paths, endpoints().len());
    let ticket = &doc["paths"]["/api/ticket"]["post"];
    assert_eq!(
        ticket["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        json!("#/components/schemas/TicketView")
    );
    assert!(ticket["responses"]["409"].is_object());
    assert!(doc["paths"]["/api/catalog"]["post"]["responses"]["409"].is_null());
}

#[test]
fn every_reference_names_a_schema() {
    fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    out.push(r);
                }
                m.values().for_each(|v| refs(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let doc = document();
    let mut all = Vec::new();
    refs(doc, &mut all);
    assert!(all.len() > 20);
    for r in all {
        let name = r.strip_prefix("#/components/schemas/").unwrap_or(r);
        assert!(doc["components"]["schemas"][name].is_object(), "{r}");
    }
}

#[test]
fn answers_name_every_field_they_may_carry() {
    let view = &document()["components"]["schemas"]["TicketView"];
    assert_eq!(view["additionalProperties"], json!(false));
    assert!(view["properties"]["access_token"].is_object());
}

#[test]
fn the_staff_endpoints_are_documented() {
    for name in office::api::ENDPOINTS {
        let op = &document()["paths"][format!("/api/{name}")]["post"];
        assert!(
            op["responses"]["401"].is_object() || name.starts_with("kiosk_"),
            "{name}"
        );
        assert!(op["responses"]["403"].is_object(), "{name}");
    }
}
