//! The gate before the endpoints, over HTTP: a cross-site post places no
//! hold, a body over its endpoint's limit is refused before it is read, and
//! every answer carries the browser-side protections.

use crate::common::{error_kind, spawn_app, spawn_with, Db, Options};
use serde_json::{json, Value};

/// The free places of the day's first time at the Podil office.
pub(crate) async fn first_time(app: &crate::common::TestApp) -> (String, String, u64) {
    let (_, days) = app
        .call(
            "days",
            json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi" }),
        )
        .await;
    let day = days
        .as_array()
        .and_then(|d| d.iter().find(|d| d["free"].as_u64() > Some(0)))
        .map(|d| d["date"].as_str().unwrap_or_default().to_string())
        .expect("an open day");
    let (_, times) = app
        .call(
            "times",
            json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi", "date": day }),
        )
        .await;
    let first = &times[0];
    (
        day,
        first["start"].as_str().unwrap_or_default().to_string(),
        first["free"].as_u64().unwrap_or_default(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_and_large_bodies_are_refused_before_the_endpoint() {
    // Counts read fresh: a hold shows at once.
    let options = Options {
        read_cache_ms: 0,
        ..Options::default()
    };
    let app = spawn_with(Db::Sqlite, options).await;
    let (date, time, free) = first_time(&app).await;
    let hold = json!({ "service": "passport-lost-stolen", "office": "kyiv-podilskyi", "date": date, "time": time });
    let url = format!("{}/api/hold", app.base);
    let post = |url: &str, headers: &[(&str, &str)], body: String| {
        let mut req = app.client.post(url);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.body(body).send()
    };
    const JSON: (&str, &str) = ("content-type", "application/json");
    // A form of another site: text/plain, its own Origin.
    let plain = ("content-type", "text/plain");
    let foreign = ("origin", "https://evil.example");
    let r = post(&url, &[plain, foreign], hold.to_string())
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let body: Value = r.json().await.unwrap();
    assert_eq!(error_kind(&body), "bad_request");
    // A fetch of another site, even as JSON.
    let cross = ("sec-fetch-site", "cross-site");
    let r = post(&url, &[JSON, cross], hold.to_string()).await.unwrap();
    assert_eq!(r.status(), 403);
    // Not JSON, from nowhere in particular.
    let r = post(&url, &[plain], hold.to_string()).await.unwrap();
    assert_eq!(r.status(), 415);
    // None of them held the place.
    assert_eq!(first_time(&app).await.2, free);

    // Over the limit: 5 KB for a hold, 17 KB for a confirm.
    let padded = |n: usize| {
        let mut v = hold.clone();
        v["padding"] = Value::String("x".repeat(n));
        v.to_string()
    };
    let r = post(&url, &[JSON], padded(5000)).await.unwrap();
    assert_eq!(r.status(), 413);
    // Its body unread, the connection closes and says so.
    assert_eq!(r.headers()["connection"], "close");
    let confirm = format!("{}/api/confirm", app.base);
    let r = post(&confirm, &[JSON], padded(17_000)).await.unwrap();
    assert_eq!(r.status(), 413);

    // Every request is a JSON object: an array is not `{}`, even where the
    // function takes no arguments.
    for name in ["catalog", "signout", "hold"] {
        let r = post(&format!("{}/api/{name}", app.base), &[JSON], " []".into())
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{name}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(error_kind(&body), "bad_request");
    }

    // The app's own call, from this site, passes; its answer is not cached.
    let own = [
        JSON,
        ("origin", app.base.as_str()),
        ("sec-fetch-site", "same-origin"),
    ];
    let r = post(&url, &own, hold.to_string()).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    assert_eq!(first_time(&app).await.2, free - 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_served_only_to_their_addresses() {
    let mut options = Options::default();
    options.limits.metrics_from = vec!["192.0.2.0/24".parse().unwrap()];
    let app = spawn_with(Db::Sqlite, options).await;
    assert_eq!(app.get("/metrics").await.0, 404);
    let open = spawn_app(Db::Sqlite).await;
    let (status, text) = open.get("/metrics").await;
    assert_eq!(status, 200);
    assert!(text.ends_with("# EOF\n"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_carries_the_browser_side_protections() {
    let app = spawn_app(Db::Sqlite).await;
    for path in ["/", "/tickets/abc", "/healthz"] {
        let r = app
            .client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        let h = r.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert!(
            h["content-security-policy"]
                .to_str()
                .unwrap_or_default()
                .contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(
            h["permissions-policy"]
                .to_str()
                .unwrap_or_default()
                .contains("camera=()"),
            "{path}"
        );
    }
}
