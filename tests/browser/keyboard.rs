use e2e::keys::ENTER;
use e2e::{Browser, Server};

/// WebDriver's arrow down: moves the choice inside a radio group.
const ARROW_DOWN: &str = "\u{E015}";

/// Tabs to `css` and presses Enter on it; the focus ring must show.
async fn activate(browser: &Browser, css: &str) {
    browser.tab_to(css).await.unwrap();
    assert!(
        browser.focus_visible().await.unwrap(),
        "no focus ring on {css}"
    );
    browser.press(ENTER).await.unwrap();
}

/// A whole booking with the keyboard only (Tab, arrows, Enter, typing): every
/// control on the way is reachable, shows its focus and works from the keyboard.
#[tokio::test]
async fn an_applicant_books_with_the_keyboard_only() {
    let server = Server::start().await.unwrap();
    let browser = Browser::start(1280, 900).await.unwrap();
    browser.open(&server.base).await.unwrap();
    browser.wait_for_count("li.service", 7).await.unwrap();

    // The first Tab stop is the skip link.
    browser.press(e2e::keys::TAB).await.unwrap();
    assert!(browser.focused("a.skip").await.unwrap());

    activate(
        &browser,
        "li[data-service='passport-lost-stolen'] .service-name a",
    )
    .await;
    browser
        .wait_for_url("/services/passport-lost-stolen")
        .await
        .unwrap();
    // The questionnaire answers to arrows like any radio group: "stolen".
    browser
        .wait_for_attr("td[data-total]", "data-total", "37900")
        .await
        .unwrap();
    browser.tab_to("input[name='loss']:checked").await.unwrap();
    browser.press(ARROW_DOWN).await.unwrap();
    browser
        .wait_for_attr("td[data-total]", "data-total", "34500")
        .await
        .unwrap();

    activate(&browser, "a.button-big").await;
    browser
        .wait_for_url("/book/passport-lost-stolen")
        .await
        .unwrap();
    activate(&browser, "p.actions a.button").await;
    browser.wait_for_url("/office").await.unwrap();
    activate(&browser, "a[data-office='kyiv-podilskyi']").await;
    browser
        .wait_for_url("/office/kyiv-podilskyi")
        .await
        .unwrap();
    activate(&browser, "a.day.open").await;
    activate(&browser, "button.slot:enabled").await;
    browser.wait_for_url("/contact").await.unwrap();

    browser.tab_and_type("#surname", "Петренко").await.unwrap();
    browser.tab_and_type("#given-name", "Ірина").await.unwrap();
    browser
        .tab_and_type("#birth-date", "14.05.1979")
        .await
        .unwrap();
    browser.tab_and_type("#phone", "0931234567").await.unwrap();
    activate(&browser, "form button[type='submit']").await;
    browser.wait_for_url("/review").await.unwrap();
    browser
        .wait_for_text("dl.review", "Петренко")
        .await
        .unwrap();
    activate(&browser, "p.actions button.button-big").await;
    browser.wait_for_url("/tickets/").await.unwrap();
    browser.wait_for_count("[data-number]", 1).await.unwrap();
    // The answer given on the card (stolen: no state duty) came through the
    // card's booking link to the ticket's quote.
    browser
        .wait_for_attr("td[data-total]", "data-total", "34500")
        .await
        .unwrap();
    browser.screenshot("ticket-keyboard-desktop").await.unwrap();
    browser.close().await.unwrap();
}
