//! A server that asks every hold and confirm for a proof of work: the
//! booking goes through in the browser as it always does, the booking part
//! solving each challenge on its own.

use crate::booking::{choose_day, finish, Applicant};
use e2e::{Browser, Server};
use std::time::Instant;

#[tokio::test]
async fn a_booking_goes_through_when_each_step_must_prove_work() {
    // Ten times the default work, so that the search, not the network,
    // is what the time below measures.
    let server = Server::start_with(&["--proof-always", "--proof-work", "400000"])
        .await
        .unwrap();
    let browser = Browser::start(412, 915).await.unwrap();
    choose_day(&browser, &server, "kyiv-podilskyi").await;
    let started = Instant::now();
    browser.click("button.slot:enabled").await.unwrap();
    browser.wait_for_url("/contact").await.unwrap();
    // Printed for docs/PERFORMANCE.md, never asserted.
    eprintln!(
        "hold asked for a proof of 400000 hashes, solved and held in {} ms",
        started.elapsed().as_millis()
    );
    browser.wait_for_count("p.hold strong", 1).await.unwrap();
    let who = Applicant {
        lang: "uk",
        surname: "Франко",
        given_name: "Іван",
        birth_date: "27.08.1990",
        phone: "067 765 43 21",
        email: "",
    };
    finish(&browser, &who).await;
    browser
        .wait_for_text("article.ticket h1", "Ваш талон")
        .await
        .unwrap();
    browser.close().await.unwrap();
}
