//! Durability: the `cherga` binary, killed with SIGKILL in the middle of a
//! storm of bookings and started again on the same database, still has
//! every booking it answered 2xx, and no window holds two visitors at once.

use crate::common::{confirm_body, fake_site, fresh_pg_schema, repo_data, Db};
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const PODIL: &str = "kyiv-podilskyi";

/// Starts `cherga serve` on `db` at a free port; its address.
async fn start(db: &str, site: &std::path::Path) -> (Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap();
    let addr = format!("127.0.0.1:{port}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_cherga"))
        .args(["--log", "warn", "serve", "--addr", &addr, "--db", db])
        .arg("--site-root")
        .arg(site)
        .arg("--data-dir")
        .arg(repo_data())
        .args(["--max-holds-per-client", "0", "--rate-hold", "0/0"])
        .args(["--rate-confirm", "0/0", "--rate-read", "0/0"])
        .args(["--rate-confirm-per-contact", "0/0", "--proof-after", "0/0"])
        .stdout(Stdio::null())
        .spawn()
        .expect("cherga starts");
    let base = format!("http://{addr}");
    for _ in 0..300 {
        if let Ok(r) = reqwest::get(format!("{base}/healthz/ready")).await {
            if r.status() == 200 {
                return (child, base);
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("cherga did not become ready");
}

async fn post(client: &reqwest::Client, base: &str, name: &str, body: &Value) -> Option<Value> {
    let r = client
        .post(format!("{base}/api/{name}"))
        .json(body)
        .send()
        .await
        .ok()?;
    if !r.status().is_success() {
        return None;
    }
    r.json().await.ok()
}

async fn bookings_answered_survive_a_killed_server(db: Db) {
    let dir = tempfile::tempdir().unwrap();
    let url = match db {
        Db::Sqlite => format!("sqlite://{}", dir.path().join("crash.sqlite").display()),
        Db::Postgres => fresh_pg_schema().await,
    };
    let site = fake_site();
    let (mut server, base) = start(&url, site.path()).await;
    let client = reqwest::Client::new();
    // Every free time of the horizon at one office.
    let days = post(
        &client,
        &base,
        "days",
        &json!({ "service": "passport-lost-stolen", "office": PODIL }),
    )
    .await
    .unwrap();
    let mut slots = Vec::new();
    for day in days.as_array().unwrap() {
        let date = day["date"].as_str().unwrap();
        let body = json!({ "service": "passport-lost-stolen", "office": PODIL, "date": date });
        let times = post(&client, &base, "times", &body).await.unwrap();
        for t in times.as_array().unwrap() {
            for _ in 0..t["free"].as_u64().unwrap() {
                slots.push((date.to_string(), t["start"].as_str().unwrap().to_string()));
            }
        }
    }
    let slots = Arc::new(Mutex::new(slots));
    let booked: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    // A storm: 32 clients booking one free place after another.
    let storm: Vec<_> = (0..32u32)
        .map(|c| {
            let (slots, booked, base) = (slots.clone(), booked.clone(), base.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                for n in 0.. {
                    let Some((date, time)) = slots.lock().unwrap().pop() else { return };
                    let slot = json!({ "service": "passport-lost-stolen", "office": PODIL, "date": date, "time": time });
                    let Some(hold) = post(&client, &base, "hold", &slot).await else {
                        continue;
                    };
                    let person = 1000 * (c + 1) + n;
                    let body = confirm_body(person, &hold["hold_id"]);
                    match post(&client, &base, "confirm", &body).await {
                        Some(t) => booked.lock().unwrap().push((
                            t["id"].as_str().unwrap().to_string(),
                            t["access_token"].as_str().unwrap().to_string(),
                        )),
                        // The server is gone: this client stops.
                        None if slots.lock().unwrap().is_empty() => return,
                        None => {}
                    }
                }
            })
        })
        .collect();
    // Killed once it has answered some bookings, while the others are on
    // their way.
    // (If every client stopped first, the assertion below says so.)
    while booked.lock().unwrap().len() < 60 && !storm.iter().all(|s| s.is_finished()) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();
    for s in storm {
        s.abort();
    }
    let answered = booked.lock().unwrap().clone();
    assert!(answered.len() >= 60, "{} bookings answered", answered.len());
    // Started again on the same database: every booking answered is there.
    let (mut again, base) = start(&url, site.path()).await;
    for (id, token) in &answered {
        let ticket = post(
            &client,
            &base,
            "ticket",
            &json!({ "id": id, "token": token }),
        )
        .await;
        assert_eq!(
            ticket.as_ref().map(|t| t["status"].clone()),
            Some(json!("booked")),
            "a booking answered 2xx is lost"
        );
    }
    // No window has two visitors at one time.
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
    let doubled: Vec<(String,)> = sqlx::query_as(
        "SELECT window_id FROM tickets WHERE status = 'booked'
         GROUP BY office_id, day, start_time, window_id HAVING COUNT(*) > 1",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert!(doubled.is_empty(), "{doubled:?}");
    again.kill().unwrap();
    again.wait().unwrap();
}

on_both!(bookings_answered_survive_a_killed_server);
