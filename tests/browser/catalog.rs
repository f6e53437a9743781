use e2e::{Browser, Server};
use fantoccini::Locator;
use std::time::Duration;

/// The release WASM starts (a broken optimiser would fail here), the catalog
/// comes from the server, and the language switch works and is remembered.
#[tokio::test]
async fn the_catalog_loads_in_ukrainian_and_switches_to_english() {
    let server = Server::start().await.unwrap();
    let browser = Browser::start(412, 915).await.unwrap();
    let c = &browser.client;
    browser.open(&server.base).await.unwrap();
    browser.wait_for_count("li.service", 7).await.unwrap();
    browser
        .wait_for_text("h1", "Оберіть послугу")
        .await
        .unwrap();
    let seed = c
        .find(Locator::Css(
            "li[data-service='passport-lost-stolen'] .service-name",
        ))
        .await
        .unwrap();
    assert!(seed
        .text()
        .await
        .unwrap()
        .contains("втраченого або викраденого"));
    let no_booking = c
        .find(Locator::Css("li[data-service='qes-id-card'] .badge-info"))
        .await
        .unwrap();
    assert_eq!(no_booking.text().await.unwrap(), "Запис не потрібен");
    browser.screenshot("catalog-uk-phone").await.unwrap();

    // The search box keeps the services whose name or summary has every word.
    browser.fill("#search", "закордон").await.unwrap();
    browser.wait_for_count("li.service", 1).await.unwrap();
    let left = c.find_all(Locator::Css("li.service")).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(
        left[0].attr("data-service").await.unwrap().as_deref(),
        Some("passport-abroad")
    );
    browser.fill("#search", "щось зовсім інше").await.unwrap();
    browser.wait_for_count("p.nothing", 1).await.unwrap();
    browser.fill("#search", "").await.unwrap();
    browser.wait_for_count("li.service", 7).await.unwrap();

    c.find(Locator::Css("button.lang-button[lang='en']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait_for_text("h1", "Choose a service")
        .await
        .unwrap();
    let lang = c
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(lang.as_deref(), Some("en"));

    // Remembered across a reload, by the server too: the choice is also a
    // cookie, so the copy it pre-renders is in English and stays shown until
    // the app replaces it.
    let cookie = c.execute("return document.cookie", vec![]).await.unwrap();
    assert!(
        cookie
            .as_str()
            .unwrap_or_default()
            .contains("cherga.lang=en"),
        "{cookie}"
    );
    let page = c
        .execute("return fetch('/').then(r => r.text())", vec![])
        .await
        .unwrap();
    let page = page.as_str().unwrap_or_default();
    assert!(page.contains(r#"<html lang="en">"#), "{page}");
    assert!(page.contains("<h1>Choose a service</h1>"), "{page}");
    browser.reload().await.unwrap();
    let class = browser.attr("html", "class").await.unwrap();
    assert!(!class.contains("prerender-off"), "{class}");
    assert_eq!(browser.attr("html", "lang").await.unwrap(), "en");
    assert_eq!(
        c.title().await.unwrap(),
        "Cherga — the DMS electronic queue"
    );
    browser.wait_for_count("li.service", 7).await.unwrap();
    browser
        .wait_for_text("h1", "Choose a service")
        .await
        .unwrap();
    browser.screenshot("catalog-en-phone").await.unwrap();

    // With the storage cleared, the cookie alone still keeps English, for the
    // server's copy and the app alike.
    c.execute("localStorage.removeItem('cherga.lang')", vec![])
        .await
        .unwrap();
    browser.reload().await.unwrap();
    let class = browser.attr("html", "class").await.unwrap();
    assert!(!class.contains("prerender-off"), "{class}");
    browser.wait_for_count("li.service", 7).await.unwrap();
    browser
        .wait_for_text("h1", "Choose a service")
        .await
        .unwrap();
    // The app, once started, stores the language it started in.
    e2e::wait_until(
        Duration::from_secs(30),
        "the app's language stored",
        || async {
            let kept = c
                .execute("return localStorage.getItem('cherga.lang')", vec![])
                .await;
            kept.is_ok_and(|v| !v.is_null())
        },
    )
    .await
    .unwrap();
    let kept = c
        .execute("return localStorage.getItem('cherga.lang')", vec![])
        .await
        .unwrap();
    assert_eq!(kept.as_str(), Some("en"));

    // A booking step of a service that needs no booking, reached by typing
    // its address, says so, with the step's way back and no "Try again"
    // (trying again cannot change the answer).
    browser
        .open(&format!("{}/book/qes-id-card/office", server.base))
        .await
        .unwrap();
    browser
        .wait_for_text(".error p", "This service needs no booking.")
        .await
        .unwrap();
    assert!(c
        .find_all(Locator::Css(".error button"))
        .await
        .unwrap()
        .is_empty());
    browser
        .wait_for_count("a.back[href='/book/qes-id-card']", 1)
        .await
        .unwrap();
    browser.close().await.unwrap();
}
