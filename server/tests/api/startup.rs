//! Start-up and static files: the HTML shell, the asset cache rules, a broken
//! catalog refused with the entry named, the database and key files private.

use crate::common::{spawn_app, Db};

#[tokio::test]
async fn the_shell_names_the_hashed_bundle_and_assets_are_cached() {
    let app = spawn_app(Db::Sqlite).await;
    for path in ["/", "/services/passport-lost-stolen"] {
        let r = app
            .client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["cache-control"], "no-cache");
        let policy = r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        let html = r.text().await.unwrap();
        // Each inline script that runs is allowed by its hash, and only so.
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        let scripts: Vec<&str> = html
            .split("<script")
            .skip(1)
            .filter(|s| !s.starts_with(" type=\"application/json\""))
            .filter_map(|s| {
                s.split_once('>')
                    .and_then(|(_, b)| b.split_once("</script>"))
            })
            .map(|(body, _)| body)
            .collect();
        assert!(!scripts.is_empty());
        for script in scripts {
            use base64::Engine;
            use sha2::Digest;
            let hash = base64::engine::general_purpose::STANDARD
                .encode(sha2::Sha256::digest(script.as_bytes()));
            assert!(
                policy.contains(&format!("'sha256-{hash}'")),
                "{path}: {policy}"
            );
        }
        assert!(html.contains(r#"<html lang="uk">"#));
        assert!(
            html.contains("/pkg/cherga.abc123.js")
                && html.contains("/pkg/cherga.abc123.wasm")
                && html.contains("/pkg/cherga.abc123.css")
        );
    }
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
    let unknown = app
        .client
        .post(format!("{}/api/nope", app.base))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert!(unknown.status().is_client_error(), "{}", unknown.status());
}

#[test]
fn a_broken_catalog_stops_the_start_naming_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate::common::repo_data().join("catalog.toml")).unwrap();
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

/// The SQLite file a server creates, its write-ahead log, and the key file
/// made beside it when no key secret is given, are readable by the server's
/// user only: they hold personal data, and the secret of its keys.
#[cfg(unix)]
#[tokio::test]
async fn the_database_file_is_the_servers_own() {
    use std::os::unix::fs::PermissionsExt;
    let app = crate::common::spawn_with(
        Db::Sqlite,
        crate::common::Options {
            key_secret: None,
            ..Default::default()
        },
    )
    .await;
    // A booking, so the log has been written.
    crate::life::book(&app, 1, crate::life::PODIL, crate::life::DAY, "09:00").await;
    let file = app.db_url.trim_start_matches("sqlite://").to_string();
    let key = std::path::Path::new(&file).with_file_name("cherga.key");
    assert_eq!(std::fs::read_to_string(&key).unwrap().trim().len(), 64);
    for path in [
        file.clone(),
        format!("{file}-wal"),
        key.display().to_string(),
    ] {
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{path}: {mode:o}");
    }
}
