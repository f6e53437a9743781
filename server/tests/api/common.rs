//! `spawn_app`: the real server on a random port over a fresh database — a
//! temporary SQLite file, or a fresh schema in the PostgreSQL at 127.0.0.1:5432
//! (database `test`). PostgreSQL missing is a failure, not a skip.

use chrono::{DateTime, TimeZone, Utc};
use server::cli::{DataArgs, DbArgs, ServeArgs};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Which database a test runs on.
#[derive(Debug, Clone, Copy)]
pub enum Db {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub base: String,
    pub db_url: String,
    pub client: reqwest::Client,
    pub services: server::service::Services,
    /// Seconds the server's clock is ahead of [`now`].
    pub clock_ahead: Arc<AtomicI64>,
    _site: tempfile::TempDir,
    _db_dir: tempfile::TempDir,
}

pub fn repo_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")
}

/// The fixed "now" of the tests: Monday 23.11.2026, 12:00 in Kyiv.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
}

pub use crate::fixtures::{confirm_body, fake_site, fresh_pg_schema, key, person, seed_slot};

pub struct Options {
    pub hold_minutes: u16,
    pub max_per_contact: u8,
    pub db_pool: u32,
    /// Another node over this database (`TestApp::db_url` of the first);
    /// none: a fresh database.
    pub db_url: Option<String>,
    /// E-mail and SMS.
    pub messages: server::cli::MessageArgs,
    /// How old (ms) the free counts shown may be for other nodes' writes.
    pub read_cache_ms: u64,
    /// Run the sender in the background as `serve` does (off: the test
    /// drives `Services::deliver` itself).
    pub sender: bool,
    /// Limits on clients and connections.
    pub limits: server::cli::LimitArgs,
    /// PostgreSQL's `lock_timeout` (ms): long by default, since the tests
    /// run side by side on one database and a storm's writes queue up.
    pub db_lock_timeout_ms: u64,
    /// The office's rules.
    pub office: server::cli::office::OfficeArgs,
    /// The personal keys' secret: one for all tests, so that a second node
    /// over a first one's database finds its keys (none: the key file).
    pub key_secret: Option<String>,
}

/// The key secret of the tests' nodes.
pub const KEY_SECRET: &str = "tests-secret-0123456789abcdef0123456789";

impl Default for Options {
    fn default() -> Self {
        Options {
            hold_minutes: 10,
            max_per_contact: 4,
            db_pool: 8,
            db_url: None,
            messages: server::cli::MessageArgs {
                outbox_poll_ms: 200,
                ..Default::default()
            },
            sender: true,
            read_cache_ms: 1000,
            // Every client of a test comes from 127.0.0.1: no hold or rate
            // limit unless a test sets one.
            limits: server::cli::LimitArgs {
                max_holds_per_client: 0,
                ..Default::default()
            }
            .without_rates(),
            db_lock_timeout_ms: 30_000,
            office: Default::default(),
            key_secret: Some(KEY_SECRET.into()),
        }
    }
}

/// The flags `serve` gets for a test's node at `addr`.
pub fn serve_args(
    addr: std::net::SocketAddr,
    site: &Path,
    url: &str,
    options: &Options,
) -> ServeArgs {
    let mut messages = options.messages.clone();
    if messages.public_url == "http://127.0.0.1:3000" {
        messages.public_url = format!("http://{addr}");
    }
    ServeArgs {
        addr,
        site_root: site.to_path_buf(),
        data: DataArgs {
            data_dir: repo_data(),
        },
        db: DbArgs {
            db: url.to_string(),
            db_pool: options.db_pool,
            db_lock_timeout_ms: options.db_lock_timeout_ms,
            db_statement_timeout_ms: 30_000,
            ..DbArgs::default()
        },
        horizon_days: 14,
        hold_minutes: options.hold_minutes,
        max_per_contact: options.max_per_contact,
        read_cache_ms: options.read_cache_ms,
        node_name: None,
        keys: server::cli::keys::KeyArgs {
            secret: options.key_secret.clone(),
            file: None,
        },
        messages,
        limits: options.limits.clone(),
        office: options.office.clone(),
        clock_ahead_seconds: 0,
        retain_days: domain::retention::DEFAULT_DAYS,
        pay: Default::default(),
    }
}

pub async fn spawn_app(db: Db) -> TestApp {
    spawn_with(db, Options::default()).await
}

pub async fn spawn_with(db: Db, options: Options) -> TestApp {
    let site = fake_site();
    let db_dir = tempfile::tempdir().unwrap();
    let url = match (db, options.db_url.clone()) {
        (_, Some(url)) => url,
        (Db::Sqlite, None) => {
            format!("sqlite://{}", db_dir.path().join("cherga.sqlite").display())
        }
        (Db::Postgres, None) => fresh_pg_schema().await,
    };
    // Bound first: the payment sandbox's callbacks need the real address.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let args = serve_args(addr, site.path(), &url, &options);
    let clock_ahead = Arc::new(AtomicI64::new(0));
    let ahead = clock_ahead.clone();
    let services = server::services(&args)
        .await
        .expect("services start")
        .with_clock(Arc::new(move || {
            now() + chrono::Duration::seconds(ahead.load(Ordering::SeqCst))
        }));
    let router = server::http::router(services.clone(), &args.site_root);
    tokio::spawn(services.clone().follow_other_nodes());
    if options.sender {
        let poll = std::time::Duration::from_millis(args.messages.outbox_poll_ms);
        tokio::spawn(services.clone().deliver_every(poll));
    }
    server::http::listen::spawn(listener, router, &args.limits);
    TestApp {
        base: format!("http://{addr}"),
        db_url: url,
        client: reqwest::Client::builder()
            .pool_max_idle_per_host(64)
            .build()
            .unwrap(),
        services,
        clock_ahead,
        _site: site,
        _db_dir: db_dir,
    }
}

/// On PostgreSQL, a second node over `one`'s database with `options`; on
/// SQLite (one node only), none.
pub async fn second_node(db: Db, one: &TestApp, options: Options) -> Option<TestApp> {
    match db {
        Db::Postgres => Some(
            spawn_with(
                db,
                Options {
                    db_url: Some(one.db_url.clone()),
                    ..options
                },
            )
            .await,
        ),
        Db::Sqlite => None,
    }
}

impl TestApp {
    /// Moves the server's clock forward by `seconds`.
    pub fn advance(&self, seconds: i64) {
        self.clock_ahead.fetch_add(seconds, Ordering::SeqCst);
    }

    /// GETs `path`; returns the status and the body.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let r = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("answer");
        let status = r.status().as_u16();
        (status, r.text().await.unwrap_or_default())
    }

    /// POSTs `body` to `/api/NAME` with the session cookie `cookie`; returns
    /// the status, the JSON answer and the cookie set, if any.
    pub async fn call_in(
        &self,
        name: &str,
        body: serde_json::Value,
        cookie: Option<&str>,
    ) -> (u16, serde_json::Value, Option<String>) {
        let mut req = self
            .client
            .post(format!("{}/api/{name}", self.base))
            .json(&body);
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        let r = req.send().await.expect("answer");
        let status = r.status().as_u16();
        let set = r
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let text = r.text().await.unwrap();
        let json = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
        crate::conformance::check(name, status, &json);
        (status, json, set)
    }

    /// POSTs `body` to `/api/NAME`; returns the status and the JSON answer.
    pub async fn call(&self, name: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
        let r = self
            .client
            .post(format!("{}/api/{name}", self.base))
            .json(&body)
            .send()
            .await
            .expect("answer");
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        let json = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
        crate::conformance::check(name, status, &json);
        (status, json)
    }
}

/// Runs one async test body on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::common::Db::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::common::Db::Postgres).await })*
        }
    };
}

/// The kind of an error answer (`{"taken": {…}}` → `taken`, `"internal"` →
/// `internal`; errors are externally tagged, see docs/API.md), `""` if the
/// answer is no error.
pub fn error_kind(answer: &serde_json::Value) -> &str {
    match answer {
        serde_json::Value::String(kind) => kind,
        serde_json::Value::Object(map) if map.len() == 1 => map.keys().next().map_or("", |k| k),
        _ => "",
    }
}
