use e2e::{wait_until, Browser, Server};
use std::time::Duration;

/// After one visit the service worker has the shell, the app, the page chunks
/// and every card: with the server gone, a card (a chunk the first visit did
/// not open) opens and its fee preview follows the answers.
#[tokio::test]
async fn service_cards_and_fee_previews_work_offline() {
    let mut server = Server::start().await.unwrap();
    let browser = Browser::start(412, 915).await.unwrap();
    let c = &browser.client;
    c.goto(&server.base).await.unwrap();
    browser.wait_for_count("li.service", 7).await.unwrap();
    let ready = r#"
        const done = arguments[arguments.length - 1];
        caches.match("/api/service?service=passport-lost-stolen")
            .then((r) => done(!!r && !!navigator.serviceWorker.controller), () => done(false));
    "#;
    wait_until(
        Duration::from_secs(30),
        "the service worker's cache",
        || async move {
            c.execute_async(ready, vec![])
                .await
                .map(|v| v == serde_json::Value::Bool(true))
                .unwrap_or(false)
        },
    )
    .await
    .unwrap();

    server.stop();
    c.goto(&format!("{}/services/passport-lost-stolen", server.base))
        .await
        .unwrap();
    super::service_card::stolen_lowers_the_fee(&browser).await;
    browser.screenshot("offline-card-phone").await.unwrap();
    browser.close().await.unwrap();
}
