use e2e::{Browser, Server};
use fantoccini::Locator;
use serde_json::json;

/// Another client takes the last places of a time while the applicant looks at
/// the grid: choosing it says so and offers the nearest free times, and one of
/// them can be taken at once.
#[tokio::test]
async fn a_time_taken_meanwhile_offers_the_nearest_free_times() {
    let server = Server::start().await.unwrap();
    let browser = Browser::start(412, 915).await.unwrap();
    let c = &browser.client;
    let office = "kyiv-podilskyi";
    browser
        .open(&format!(
            "{}/book/passport-lost-stolen/office/{office}",
            server.base
        ))
        .await
        .unwrap();
    browser.click("a.day.open").await.unwrap();
    browser
        .wait_for_count("button.slot:enabled", 1)
        .await
        .unwrap();
    let url = c.current_url().await.unwrap();
    let date = url.path().rsplit('/').next().unwrap().to_string();
    let slot = c.find(Locator::Css("button.slot:enabled")).await.unwrap();
    let time = slot.attr("data-time").await.unwrap().unwrap();

    // The other client holds every place of that time.
    let http = reqwest::Client::new();
    let body =
        json!({ "service": "passport-lost-stolen", "office": office, "date": date, "time": time });
    let mut held = 0;
    loop {
        let r = http
            .post(format!("{}/api/hold", server.base))
            .json(&body)
            .send()
            .await
            .unwrap();
        if r.status() != 200 {
            assert_eq!(r.status(), 409);
            break;
        }
        held += 1;
    }
    assert!(held >= 1);

    slot.click().await.unwrap();
    browser
        .wait_for_count(".taken button.slot", 1)
        .await
        .unwrap();
    browser
        .wait_for_text(".taken", "Цей час щойно зайняли")
        .await
        .unwrap();
    browser.screenshot("taken-uk-phone").await.unwrap();
    browser.click(".taken button.slot").await.unwrap();
    browser.wait_for_url("/contact").await.unwrap();
    browser.wait_for_count("p.hold strong", 1).await.unwrap();
    browser.close().await.unwrap();
}
