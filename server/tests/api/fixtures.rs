//! What the tests start from: a fake build of the site, a fresh schema of
//! the test PostgreSQL, and the booking forms and keys the tests send.

/// A fake build: what `cargo xtask site` leaves in `target/site`.
pub fn fake_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let pkg = dir.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    for (name, body) in [
        ("cherga.abc123.js", "export default function init() {}"),
        ("cherga.abc123.wasm", "\0asm"),
        ("cherga.abc123.css", "body{}"),
    ] {
        std::fs::write(pkg.join(name), body).unwrap();
    }
    std::fs::write(pkg.join("cherga.abc123.js.br"), "BROTLI").unwrap();
    std::fs::write(dir.path().join("favicon.svg"), "<svg/>").unwrap();
    dir
}

const PG: &str = "postgres://root@127.0.0.1:5432/test";

/// A fresh schema in the test database, so runs never see each other's rows.
pub async fn fresh_pg_schema() -> String {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(PG)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL must run at {PG} for these tests: {e}"));
    let schema = format!(
        "cherga_test_{}",
        server::service::secrets::random_id().unwrap()
    );
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut conn)
        .await
        .unwrap();
    format!("{PG}?options[search_path]={schema}")
}

/// A valid booking form for person number `n`, reachable at phone number `n`.
pub fn person(n: u32) -> serde_json::Value {
    let letters = ["А", "Б", "В", "Г", "Д", "Е", "Є", "Ж", "З", "И"];
    let surname: String = format!(
        "Коваль{}",
        n.to_string()
            .chars()
            .map(|c| letters[c.to_digit(10).unwrap() as usize])
            .collect::<String>()
            .to_lowercase()
    );
    serde_json::json!({
        "person": { "surname": surname, "given_name": "Олена", "birth_date": "24.08.1991" },
        "contact": { "phone": format!("+38067{:07}", n) },
        "answers": { "residence_registered": true }
    })
}

/// A confirm of hold `hold_id` for person `n`, with a fresh idempotency key.
pub fn confirm_body(n: u32, hold_id: &serde_json::Value) -> serde_json::Value {
    let mut body = person(n);
    body["hold_id"] = hold_id.clone();
    body["idempotency_key"] = serde_json::json!(key());
    body
}

/// A hold request for the seed service.
pub fn seed_slot(office: &str, date: &str, time: &str) -> serde_json::Value {
    serde_json::json!({ "service": "passport-lost-stolen", "office": office, "date": date, "time": time })
}

/// A fresh idempotency key.
pub fn key() -> String {
    server::service::secrets::random_id().unwrap()
}
