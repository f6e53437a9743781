//! The real server on a random port: health, the catalog server function, the
//! HTML shell and the cache rules of the built assets.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use server::cli::{DataArgs, ServeArgs};
use std::path::{Path, PathBuf};

struct TestApp {
    base: String,
    client: reqwest::Client,
    _site: tempfile::TempDir,
}

fn repo_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")
}

/// A fake build: what cargo-leptos leaves in `target/site`.
fn fake_site() -> tempfile::TempDir {
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

async fn spawn_app() -> TestApp {
    let site = fake_site();
    let args = ServeArgs {
        addr: "127.0.0.1:0".parse().unwrap(),
        site_root: site.path().to_path_buf(),
        data: DataArgs {
            data_dir: repo_data(),
        },
    };
    let listener = tokio::net::TcpListener::bind(args.addr).await.unwrap();
    let (router, addr) = server::prepare(&args, &listener).expect("server prepares");
    tokio::spawn(async move { axum::serve(listener, router).await });
    TestApp {
        base: format!("http://{addr}"),
        client: reqwest::Client::new(),
        _site: site,
    }
}

#[tokio::test]
async fn health_answers() {
    let app = spawn_app().await;
    let r = app
        .client
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn the_catalog_lists_every_service_by_category() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(format!("{}/api/catalog", app.base))
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: app::api::CatalogList = r.json().await.unwrap();
    assert_eq!(body.services.len(), 7);
    let seed = body
        .services
        .iter()
        .find(|s| s.id.0 == "passport-lost-stolen")
        .unwrap();
    assert!(seed.bookable && !seed.demo);
    assert!(
        body.services.iter().any(|s| !s.bookable),
        "one service needs no booking"
    );
    for s in &body.services {
        assert!(body.categories.iter().any(|c| c.id == s.category));
    }
    assert!(body.notices.iter().any(|n| n.uk.contains("карантину")));
}

#[tokio::test]
async fn an_unknown_server_function_is_not_a_500() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(format!("{}/api/nope", app.base))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error(), "{}", r.status());
}

#[tokio::test]
async fn the_shell_names_the_hashed_bundle_and_is_not_cached() {
    let app = spawn_app().await;
    for path in ["/", "/services/passport-lost-stolen"] {
        let r = app
            .client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["cache-control"], "no-cache");
        let html = r.text().await.unwrap();
        assert!(html.contains(r#"<html lang="uk">"#));
        assert!(html.contains("/pkg/cherga.abc123.js"));
        assert!(html.contains("/pkg/cherga.abc123.wasm"));
        assert!(html.contains("/pkg/cherga.abc123.css"));
    }
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_precompressed() {
    let app = spawn_app().await;
    let url = format!("{}/pkg/cherga.abc123.js", app.base);
    let plain = app.client.get(&url).send().await.unwrap();
    assert_eq!(
        plain.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(plain.headers().get("content-encoding").is_none());
    let br = app
        .client
        .get(&url)
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.text().await.unwrap(), "BROTLI");
    let icon = app
        .client
        .get(format!("{}/favicon.svg", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(icon.headers()["cache-control"], "public, max-age=3600");
    let missing = app
        .client
        .get(format!("{}/pkg/cherga.nope.js", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn a_broken_catalog_stops_the_start_naming_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo_data().join("catalog.toml")).unwrap();
    let broken = text.replacen(
        r#"services = ["passport-lost-stolen", "id-card-first", "id-card-exchange"]"#,
        r#"services = ["passport-lost-stolen", "no-such-service"]"#,
        1,
    );
    assert_ne!(text, broken);
    std::fs::write(dir.path().join("catalog.toml"), broken).unwrap();
    std::fs::create_dir(dir.path().join("holidays")).unwrap();
    let err = server::data::load(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("dnipro-shevchenkivskyi") && err.contains("no-such-service"),
        "{err}"
    );
}
