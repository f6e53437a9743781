//! Personal data never reaches the logs: a full booking and a refused one, with
//! every log level on, leave no name, phone, e-mail or tax number in the output.

use crate::common::{key, spawn_app, Db};
use serde_json::json;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_carry_no_personal_data() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();
    let app = spawn_app(Db::Sqlite).await;
    let person = json!({ "surname": "Шевчукович", "given_name": "Ярославна", "patronymic": "Тарасівна", "birth_date": "24.08.1991", "rnokpp": "3012345670" });
    let contact = json!({ "phone": "+380 67 111 22 33", "email": "yaroslavna@example.com" });
    let (_, hold) = app.call("hold", json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi", "date": "2026-11-24", "time": "09:00" })).await;
    let body = json!({ "hold_id": hold["hold_id"], "idempotency_key": key(), "answers": {}, "person": person, "contact": contact });
    let (status, _) = app.call("confirm", body.clone()).await;
    assert_eq!(status, 200);
    // Refused ones too: the same person again, and a body that does not parse.
    let (status, _) = app.call("confirm", json!({ "hold_id": "x", "idempotency_key": key(), "answers": {}, "person": person, "contact": contact })).await;
    assert_eq!(status, 404);
    let (status, _) = app
        .call(
            "confirm",
            json!({ "hold_id": 1, "person": "Шевчукович +380671112233" }),
        )
        .await;
    assert_eq!(status, 400);
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("/api/confirm"), "the requests were logged");
    for secret in [
        "Шевчукович",
        "Ярославна",
        "Тарасівна",
        "3012345670",
        "671112233",
        "111 22 33",
        "yaroslavna",
        // The whole date in both forms: four digits alone may be a latency or
        // part of a random id.
        "24.08.1991",
        "1991-08-24",
    ] {
        assert!(!logs.contains(secret), "{secret} reached the logs");
    }
}
