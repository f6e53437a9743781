//! The services outside the server, on loopback: a real SMTP server
//! (aiosmtpd, `smtp_sink.py`, installed by `scripts/setup.sh --test`) and a
//! stand-in of TurboSMS's HTTP API that checks every field of the
//! provider's documented request.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The Python that has aiosmtpd (`.tools/py`, else the machine's).
fn python() -> PathBuf {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/py/bin/python");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// An SMTP server on loopback keeping what it receives.
pub struct SmtpSink {
    child: Child,
    dir: tempfile::TempDir,
    /// `smtp://127.0.0.1:PORT`.
    pub url: String,
}

impl SmtpSink {
    /// Starts the server; with `fail` = (n, code), the first n recipients
    /// are answered `code`.
    pub fn start(fail: Option<(u32, u16)>) -> SmtpSink {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/smtp_sink.py");
        let mut cmd = Command::new(python());
        cmd.arg(script).arg(port.to_string()).arg(dir.path());
        if let Some((n, code)) = fail {
            cmd.args([
                "--fail-first",
                &n.to_string(),
                "--fail-code",
                &code.to_string(),
            ]);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the tests' SMTP server (scripts/setup.sh --test installs aiosmtpd)");
        let mut ready = String::new();
        use std::io::BufRead;
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut ready)
            .unwrap();
        assert_eq!(ready.trim(), "ready", "the SMTP server did not start");
        SmtpSink {
            child,
            dir,
            url: format!("smtp://127.0.0.1:{port}"),
        }
    }

    /// The messages received so far, in order.
    pub fn messages(&self) -> Vec<Value> {
        let mut files: Vec<_> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    }

    /// Waits (up to 20 s) until `n` messages have arrived; returns them.
    pub async fn wait_for(&self, n: usize) -> Vec<Value> {
        for _ in 0..400 {
            let got = self.messages();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{n} messages expected, got {:?}", self.messages());
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        // Closing its input stops it; kill in case it hangs.
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

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
