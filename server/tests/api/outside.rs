//! The services outside the server, on loopback: a real SMTP server
//! (aiosmtpd: [`crate::smtp`]) and a stand-in of TurboSMS's HTTP API that
//! checks every field of the provider's documented request.

pub use crate::smtp::SmtpSink;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

/// A stand-in of TurboSMS: `POST /message/send.json`. Each request is
/// checked against the provider's documented form; one that breaks it is
/// answered HTTP 400 and recorded as a problem.
#[derive(Clone)]
pub struct SmsStandIn {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The messages accepted: (recipient, sender, text).
    pub accepted: Arc<Mutex<Vec<(String, String, String)>>>,
    /// What was wrong with requests that broke the form.
    pub problems: Arc<Mutex<Vec<String>>>,
    /// Answers to give first, before accepting (a provider's `response_code`).
    pub refuse_first: Arc<Mutex<Vec<i64>>>,
}

pub const SMS_TOKEN: &str = "test-turbosms-token-0f9a7c";
pub const SMS_SENDER: &str = "DMS Cherga";

fn check_form(
    headers: &axum::http::HeaderMap,
    body: &[u8],
) -> Result<(String, String, String), String> {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .ok_or("no Authorization header")?;
    if auth != format!("Bearer {SMS_TOKEN}") {
        return Err(format!("Authorization is not the bearer token: {auth:?}"));
    }
    let kind = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !kind.starts_with("application/json") {
        return Err(format!("content type {kind:?}"));
    }
    let v: Value = serde_json::from_slice(body).map_err(|e| format!("not JSON: {e}"))?;
    let o = v.as_object().ok_or("not an object")?;
    let mut keys: Vec<_> = o.keys().map(String::as_str).collect();
    keys.sort_unstable();
    if keys != ["recipients", "sms"] {
        return Err(format!("fields {keys:?}"));
    }
    let recipients = v["recipients"]
        .as_array()
        .ok_or("recipients is not a list")?;
    let [one] = recipients.as_slice() else {
        return Err(format!("{} recipients", recipients.len()));
    };
    let phone = one.as_str().ok_or("a recipient is not a string")?;
    if !(phone.len() == 12 && phone.starts_with("380") && phone.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!("recipient {phone:?} is not 380XXXXXXXXX"));
    }
    let sms = v["sms"].as_object().ok_or("sms is not an object")?;
    let mut keys: Vec<_> = sms.keys().map(String::as_str).collect();
    keys.sort_unstable();
    if keys != ["sender", "text"] {
        return Err(format!("sms fields {keys:?}"));
    }
    let sender = sms["sender"].as_str().ok_or("sender is not a string")?;
    if sender != SMS_SENDER {
        return Err(format!("sender {sender:?}"));
    }
    let text = sms["text"].as_str().ok_or("text is not a string")?;
    if text.is_empty() || text.chars().count() > 1000 {
        return Err(format!("text of {} characters", text.chars().count()));
    }
    Ok((phone.to_string(), sender.to_string(), text.to_string()))
}

impl SmsStandIn {
    pub async fn start() -> SmsStandIn {
        use axum::routing::post;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let stand_in = SmsStandIn {
            url: format!("http://{addr}"),
            accepted: Arc::default(),
            problems: Arc::default(),
            refuse_first: Arc::default(),
        };
        let s = stand_in.clone();
        let app = axum::Router::new().route(
            "/message/send.json",
            post(
                move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                    let s = s.clone();
                    async move {
                        match check_form(&headers, &body) {
                            Err(problem) => {
                                s.problems.lock().unwrap().push(problem.clone());
                                (axum::http::StatusCode::BAD_REQUEST, problem).into_response()
                            }
                            Ok((phone, sender, text)) => {
                                let refusal = {
                                    let mut r = s.refuse_first.lock().unwrap();
                                    (!r.is_empty()).then(|| r.remove(0))
                                };
                                if let Some(code) = refusal {
                                    return axum::Json(json!({
                                        "response_code": code,
                                        "response_status": "REFUSED_BY_TEST",
                                        "response_result": null
                                    }))
                                    .into_response();
                                }
                                s.accepted
                                    .lock()
                                    .unwrap()
                                    .push((phone.clone(), sender, text));
                                axum::Json(json!({
                                    "response_code": 800,
                                    "response_status": "SUCCESS_MESSAGE_ACCEPTED",
                                    "response_result": [{
                                        "phone": phone,
                                        "response_code": 0,
                                        "message_id": "f83f8868-5e46-c6cf-e4fb-615e5a293754",
                                        "response_status": "OK"
                                    }]
                                }))
                                .into_response()
                            }
                        }
                    }
                },
            ),
        );
        tokio::spawn(async move { axum::serve(listener, app).await });
        stand_in
    }
}

use axum::response::IntoResponse;
