use e2e::{Browser, Server};
use fantoccini::Locator;

/// The catalog, a card and the booking's first step come pre-rendered: with
/// JavaScript off (as on a slow phone before the app's code arrives) they still
/// read in full, the links lead on, and nothing hides them at their own address.
#[tokio::test]
async fn the_catalog_and_a_card_read_before_the_app_starts() {
    let server = Server::start().await.unwrap();
    let browser = Browser::start_with(412, 915, false).await.unwrap();
    let c = &browser.client;
    c.goto(&server.base).await.unwrap();
    browser
        .wait_for_count("#prerender li.service", 7)
        .await
        .unwrap();
    browser
        .wait_for_text("h1", "Оберіть послугу")
        .await
        .unwrap();
    let copy = c.find(Locator::Css("#prerender")).await.unwrap();
    assert!(copy.is_displayed().await.unwrap());
    browser.screenshot("prerender-catalog-phone").await.unwrap();

    c.find(Locator::Css(
        "li[data-service='passport-lost-stolen'] .service-name a",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    browser
        .wait_for_url("/services/passport-lost-stolen")
        .await
        .unwrap();
    browser
        .wait_for_text("h1", "втраченого або викраденого")
        .await
        .unwrap();
    browser
        .wait_for_count("#prerender .checklist li", 3)
        .await
        .unwrap();
    let copy = c.find(Locator::Css("#prerender")).await.unwrap();
    assert!(copy.is_displayed().await.unwrap());
    browser.screenshot("prerender-card-phone").await.unwrap();
    // The booking link leads on before the app starts too.
    browser.click("#prerender a.button-big").await.unwrap();
    browser
        .wait_for_url("/book/passport-lost-stolen")
        .await
        .unwrap();
    browser.wait_for_text("h1", "Ваша ситуація").await.unwrap();
    // The card's questions with the typical answers chosen.
    browser
        .wait_for_count("#prerender input[type='radio'][name='loss']:checked", 1)
        .await
        .unwrap();
    let copy = c.find(Locator::Css("#prerender")).await.unwrap();
    assert!(copy.is_displayed().await.unwrap());
    browser.screenshot("prerender-booking-phone").await.unwrap();
    browser.click("#prerender a.button-big").await.unwrap();
    browser
        .wait_for_url("/book/passport-lost-stolen/office")
        .await
        .unwrap();
    browser.close().await.unwrap();
}

/// Once the app has rendered the page behind the copy, the page holds its own
/// render only, shown and whole: one header, one heading, every part of the
/// card; the copy is kept for the address it was made for.
#[tokio::test]
async fn the_app_replaces_the_copy_when_it_starts() {
    let server = Server::start().await.unwrap();
    let browser = Browser::start(412, 915).await.unwrap();
    let c = &browser.client;
    browser
        .open(&format!("{}/services/passport-lost-stolen", server.base))
        .await
        .unwrap();
    browser
        .wait_for_text("h1", "втраченого або викраденого")
        .await
        .unwrap();
    // The app's root, hidden while it rendered behind the copy, shows.
    let root = c.find(Locator::Css("#app")).await.unwrap();
    assert!(root.is_displayed().await.unwrap());
    assert_eq!(c.find_all(Locator::Css("h1")).await.unwrap().len(), 1);
    // Every part of the card, built in tasks of their own, is there.
    for part in [
        "#situation-title",
        "#docs-title",
        "#fee-title",
        "details.card-section",
    ] {
        assert!(
            c.find(Locator::Css(part))
                .await
                .unwrap()
                .is_displayed()
                .await
                .unwrap(),
            "{part}"
        );
    }
    assert_eq!(
        c.find_all(Locator::Css("header.site-header"))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        c.find_all(Locator::Css("script[id^='kept-']"))
            .await
            .unwrap()
            .len(),
        0,
        "the kept answer is taken by the app"
    );
    let class = browser.attr("html", "class").await.unwrap_or_default();
    assert!(!class.contains("prerender-off"), "{class}");
    browser.close().await.unwrap();
}
