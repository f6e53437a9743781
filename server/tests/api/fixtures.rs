//! What the tests start from: a fake build of the site, a fresh schema of
//! the test PostgreSQL.

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
