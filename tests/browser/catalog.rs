use e2e::{Browser, Server};
use fantoccini::Locator;

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

    // Remembered across a reload; the Ukrainian copy the server pre-rendered is
    // hidden until the app replaces it.
    browser.reload().await.unwrap();
    let class = browser.attr("html", "class").await.unwrap();
    assert!(class.contains("prerender-off"), "{class}");
    browser.wait_for_count("li.service", 7).await.unwrap();
    browser
        .wait_for_text("h1", "Choose a service")
        .await
        .unwrap();
    browser.screenshot("catalog-en-phone").await.unwrap();
    browser.close().await.unwrap();
}
