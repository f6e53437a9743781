use e2e::{wait_until, Browser, Server};
use fantoccini::Client;
use serde_json::Value;
use std::time::Duration;

/// Waits until `script` (async, ending with `done(value)`) gives `true`.
async fn wait_for_script(c: &Client, what: &str, script: &str) {
    wait_until(Duration::from_secs(30), what, || async move {
        c.execute_async(script, vec![])
            .await
            .map(|v| v == Value::Bool(true))
            .unwrap_or(false)
    })
    .await
    .unwrap();
}

/// After one visit the service worker has the shell, the app, the page chunks
/// and every card: with the server gone, a card (a chunk the first visit did
/// not open) opens and its fee preview follows the answers, and "My tickets"
/// opens with the words of its screens.
#[tokio::test]
async fn service_cards_and_fee_previews_work_offline() {
    let mut server = Server::start().await.unwrap();
    let browser = Browser::start(412, 915).await.unwrap();
    let c = &browser.client;
    browser.open(&server.base).await.unwrap();
    browser.wait_for_count("li.service", 7).await.unwrap();
    let ready = r#"
        const done = arguments[arguments.length - 1];
        caches.match("/api/service?service=passport-lost-stolen")
            .then((r) => done(!!r && !!navigator.serviceWorker.controller), () => done(false));
    "#;
    wait_for_script(c, "the service worker's cache", ready).await;

    server.stop();
    browser
        .open(&format!("{}/services/passport-lost-stolen", server.base))
        .await
        .unwrap();
    super::service_card::stolen_lowers_the_fee(&browser).await;
    browser.screenshot("offline-card-phone").await.unwrap();
    browser
        .open(&format!("{}/tickets", server.base))
        .await
        .unwrap();
    browser
        .wait_for_text("p.empty", "Талонів поки немає")
        .await
        .unwrap();
    browser.close().await.unwrap();
}

/// After a new release the kept files must follow the shell: a visit online
/// fetches the files the new shell names (a chunk not yet opened included)
/// and drops the app files no shell names any more.
#[tokio::test]
async fn a_visit_online_keeps_the_files_of_the_current_shell_only() {
    let server = Server::start().await.unwrap();
    let browser = Browser::start(412, 915).await.unwrap();
    let c = &browser.client;
    browser.open(&server.base).await.unwrap();
    browser.wait_for_count("li.service", 7).await.unwrap();
    let precached = r#"
        const done = arguments[arguments.length - 1];
        const chunks = JSON.parse(document.getElementById("chunks").textContent);
        Promise.all(chunks.map((c) => caches.match(c)))
            .then((kept) => done(!!navigator.serviceWorker.controller && kept.every((r) => !!r)),
                  () => done(false));
    "#;
    wait_for_script(c, "every chunk kept after the first visit", precached).await;

    // As if the kept files were a release older: one chunk of the current
    // release missing, one file of an earlier release still there.
    let (chunk, stale) = (
        "chunks[chunks.length - 1]",
        "/pkg/cherga.0123456789abcdef.wasm",
    );
    let age = format!(
        r#"
        const done = arguments[arguments.length - 1];
        const chunks = JSON.parse(document.getElementById("chunks").textContent);
        caches.keys()
            .then((names) => caches.open(names[0]))
            .then((cache) => Promise.all([
                cache.delete({chunk}),
                cache.put("{stale}", new Response("old", {{ headers: {{ "Content-Type": "application/wasm" }} }})),
            ]))
            .then(() => done(true), () => done(false));
    "#
    );
    assert_eq!(
        c.execute_async(&age, vec![]).await.unwrap(),
        Value::Bool(true)
    );

    browser
        .open(&format!("{}/tickets", server.base))
        .await
        .unwrap();
    let refreshed = format!(
        r#"
        const done = arguments[arguments.length - 1];
        const chunks = JSON.parse(document.getElementById("chunks").textContent);
        Promise.all([caches.match({chunk}), caches.match("{stale}")])
            .then(([kept, gone]) => done(!!kept && !gone), () => done(false));
    "#
    );
    wait_for_script(
        c,
        "the missing chunk fetched, the stale file dropped",
        &refreshed,
    )
    .await;
    browser.close().await.unwrap();
}
