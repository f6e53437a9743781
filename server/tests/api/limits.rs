//! The limits of holds, over HTTP: one client holds at most a few times at
//! once (its address as the trusted proxy reports it), a hold given back is
//! released, and a hold whose confirm the booking policy refuses is released
//! at once.

use crate::common::{confirm_body, error_kind, seed_slot, spawn_with, Db, Options};
use crate::guard::first_time;
use serde_json::{json, Value};

const PODIL: &str = "kyiv-podilskyi";

/// Options with at most `max` live holds a client, counts read fresh, and
/// 127.0.0.1 as the trusted proxy (so each request names its client).
fn limited(max: u8) -> Options {
    let mut options = Options {
        read_cache_ms: 0,
        ..Options::default()
    };
    options.limits.max_holds_per_client = max;
    options.limits.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    options
}

/// Holds `body` as the client at `addr` (through the proxy); the status, the
/// `Retry-After` header and the answer.
async fn hold_as(
    app: &crate::common::TestApp,
    addr: &str,
    body: &Value,
) -> (u16, Option<String>, Value) {
    let r = app
        .client
        .post(format!("{}/api/hold", app.base))
        .header("x-forwarded-for", addr)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let retry = r
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (status, retry, r.json().await.unwrap())
}

/// The day's free times at the Podil office.
pub(crate) async fn times(app: &crate::common::TestApp, date: &str) -> Vec<String> {
    let (_, times) = app
        .call(
            "times",
            json!({ "service": "passport-lost-stolen", "office": PODIL, "date": date }),
        )
        .await;
    times
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["free"].as_u64() > Some(0))
        .map(|t| t["start"].as_str().unwrap().to_string())
        .collect()
}

/// Whether the hold of this answer is still stored.
async fn stored(app: &crate::common::TestApp, answer: &Value) -> bool {
    app.services
        .store()
        .find_hold(answer["hold_id"].as_str().unwrap())
        .await
        .unwrap()
        .is_some()
}

async fn a_client_holds_at_most_its_limit_and_gives_holds_back(db: Db) {
    let app = spawn_with(db, limited(2)).await;
    let (date, _, _) = first_time(&app).await;
    let times = times(&app, &date).await;
    let slot = |i: usize| seed_slot(PODIL, &date, &times[i]);
    let client = "203.0.113.7";
    let (s1, _, first) = hold_as(&app, client, &slot(0)).await;
    let (s2, _, _) = hold_as(&app, client, &slot(1)).await;
    assert_eq!((s1, s2), (200, 200));
    // The third is refused, says when to try again, and holds nothing.
    let (s3, retry, refused) = hold_as(&app, client, &slot(2)).await;
    assert_eq!(s3, 429, "{refused}");
    assert_eq!(error_kind(&refused), "limited");
    assert_eq!(refused["limited"]["cause"]["limit"]["holds"]["max"], 2);
    let wait = refused["limited"]["cause"]["retry_after"].as_u64().unwrap();
    assert!((500..=600).contains(&wait), "{wait}");
    assert_eq!(retry, Some(wait.to_string()));
    // An address the client wrote itself before the one the proxy added
    // changes nothing: its own address counts.
    let forged = format!("198.51.100.1, {client}");
    assert_eq!(hold_as(&app, &forged, &slot(2)).await.0, 429);
    // Another client holds as usual.
    assert_eq!(hold_as(&app, "203.0.113.8", &slot(2)).await.0, 200);
    // Giving the first hold back lets the client hold another time, and
    // releases the first one.
    let mut again = slot(3);
    again["replaces"] = first["hold_id"].clone();
    let (s, _, _) = hold_as(&app, client, &again).await;
    assert_eq!(s, 200);
    assert!(!stored(&app, &first).await);
    // A client cannot give back a hold that is not its own.
    let (_, _, mine) = hold_as(&app, "203.0.113.9", &slot(4)).await;
    let mut stolen = slot(5);
    stolen["replaces"] = mine["hold_id"].clone();
    assert_eq!(hold_as(&app, "203.0.113.10", &stolen).await.0, 200);
    assert!(stored(&app, &mine).await);
    let (_, metrics) = app.get("/metrics").await;
    assert!(
        metrics.contains(r#"cherga_api_errors_total{kind="limited_holds"}"#),
        "{metrics}"
    );
    // Once its holds have expired, the client holds again.
    app.advance(601);
    assert_eq!(hold_as(&app, client, &slot(6)).await.0, 200);
}

async fn a_hold_refused_by_the_booking_policy_is_released_at_once(db: Db) {
    let app = spawn_with(db, limited(0)).await;
    let (date, time, free) = first_time(&app).await;
    let slot = seed_slot(PODIL, &date, &time);
    let (_, held) = app.call("hold", slot.clone()).await;
    let (status, _) = app.call("confirm", confirm_body(1, &held["hold_id"])).await;
    assert_eq!(status, 200);
    // The same person again, for the same service: already booked.
    let (_, second) = app.call("hold", slot.clone()).await;
    assert_eq!(first_time(&app).await.2, free - 2);
    let (status, refused) = app
        .call("confirm", confirm_body(1, &second["hold_id"]))
        .await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(refused["booking"]["cause"], json!("already_booked"));
    // Its place is free again now, not in ten minutes.
    assert_eq!(first_time(&app).await.2, free - 1);
    assert!(!stored(&app, &second).await);
}

async fn a_client_over_its_rate_is_told_when_to_come_back(db: Db) {
    let mut options = limited(0);
    options.limits.rate_hold = "2/60".parse().unwrap();
    options.limits.rate_confirm_per_contact = "1/3600".parse().unwrap();
    let app = spawn_with(db, options).await;
    let (date, _, _) = first_time(&app).await;
    let times = times(&app, &date).await;
    let slot = |i: usize| seed_slot(PODIL, &date, &times[i]);
    let client = "203.0.113.20";
    let (_, _, first) = hold_as(&app, client, &slot(0)).await;
    let (_, _, second) = hold_as(&app, client, &slot(1)).await;
    let (status, retry, refused) = hold_as(&app, client, &slot(2)).await;
    assert_eq!(status, 429, "{refused}");
    assert_eq!(refused["limited"]["cause"]["limit"], "requests");
    let wait: u64 = retry.unwrap().parse().unwrap();
    assert!((29..=30).contains(&wait), "{wait}");
    // Another client is not slowed.
    assert_eq!(hold_as(&app, "203.0.113.21", &slot(2)).await.0, 200);
    // Counted, for the operator.
    let (_, metrics) = app.get("/metrics").await;
    let count = |line: &str| -> u64 {
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(line))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    };
    assert!(
        count(r#"cherga_refused_total{reason="rate",class="hold"}"#) >= 1,
        "{metrics}"
    );
    // One contact confirms once an hour here: a second booking with the
    // same phone, for another person, is told to wait.
    let (status, _) = app
        .call("confirm", confirm_body(1, &first["hold_id"]))
        .await;
    assert_eq!(status, 200);
    let mut other = confirm_body(2, &second["hold_id"]);
    other["contact"] = confirm_body(1, &second["hold_id"])["contact"].clone();
    let (status, refused) = app.call("confirm", other).await;
    assert_eq!(status, 429, "{refused}");
    assert_eq!(refused["limited"]["cause"]["limit"], "requests");
}

on_both!(
    a_client_over_its_rate_is_told_when_to_come_back,
    a_client_holds_at_most_its_limit_and_gives_holds_back,
    a_hold_refused_by_the_booking_policy_is_released_at_once,
);
