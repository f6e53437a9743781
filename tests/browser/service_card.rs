use e2e::{Browser, Server};
use fantoccini::Locator;

/// On an open seed card: lost costs 379 UAH; answering "stolen" makes it 345
/// UAH (no state duty), computed in the browser. Returns the loss radios.
pub async fn stolen_lowers_the_fee(browser: &Browser) -> Vec<fantoccini::elements::Element> {
    browser
        .wait_for_attr("td[data-total]", "data-total", "37900")
        .await
        .unwrap();
    browser
        .wait_for_count("input[name='loss']", 2)
        .await
        .unwrap();
    let radios = browser
        .client
        .find_all(Locator::Css("input[name='loss']"))
        .await
        .unwrap();
    radios[1].click().await.unwrap();
    browser
        .wait_for_attr("td[data-total]", "data-total", "34500")
        .await
        .unwrap();
    radios
}

/// The seed card's questionnaire rebuilds the checklist and the fee preview in
/// the browser: lost 379 UAH, stolen 345 UAH (no state duty) with the police
/// extract on the list, urgent 505 UAH ready sooner.
#[tokio::test]
async fn the_fee_preview_follows_the_answers() {
    let server = Server::start().await.unwrap();
    let browser = Browser::start(412, 915).await.unwrap();
    let c = &browser.client;
    browser
        .open(&format!("{}/services/passport-lost-stolen", server.base))
        .await
        .unwrap();
    browser.wait_for_count("td[data-total]", 1).await.unwrap();
    assert!(c
        .find_all(Locator::Css("li[data-doc='investigation-extract']"))
        .await
        .unwrap()
        .is_empty());
    let standard_ready = browser.attr("[data-ready]", "data-ready").await.unwrap();

    let radios = stolen_lowers_the_fee(&browser).await;
    browser
        .wait_for_count("li[data-doc='investigation-extract']", 1)
        .await
        .unwrap();
    browser
        .wait_for_text("tr.exempt", "Державне мито не сплачується")
        .await
        .unwrap();
    browser
        .screenshot("service-card-stolen-phone")
        .await
        .unwrap();

    radios[0].click().await.unwrap();
    let urgency = c
        .find_all(Locator::Css("input[name='urgency']"))
        .await
        .unwrap();
    urgency[1].click().await.unwrap();
    browser
        .wait_for_attr("td[data-total]", "data-total", "50500")
        .await
        .unwrap();
    let urgent_ready = browser.attr("[data-ready]", "data-ready").await.unwrap();
    assert!(
        urgent_ready < standard_ready,
        "10 working days come before 20: {urgent_ready} vs {standard_ready}"
    );
    browser.close().await.unwrap();
}
