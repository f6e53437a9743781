//! A day at the office in four browsers: the applicant books (phone), the
//! server's clock is then set to ten minutes before the visit; the applicant
//! checks in at the kiosk with the ticket's number and code (and again with
//! its QR code through the camera); the officer
//! signs in to the console (in English), picks a window and calls; the board, open in
//! another browser, shows the call within a second; the ticket page says
//! which window; the officer says "not here" (the key A); when the grace
//! time ends, the ticket page shows the ticket annulled.

use crate::booking::{choose_time, finish, Applicant};
use e2e::{Browser, Server};
use fantoccini::Locator;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const OFFICE: &str = "kyiv-podilskyi";
const PASSWORD: &str = "вікно перше, Поділ 2026";

/// A Ukrainian voice that keeps what it says in `window.spoken`.
const STUB_VOICE: &str = r#"window.spoken = [];
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  getVoices: () => [{ lang: "uk-UA", name: "stub" }],
  speak: (u) => { window.spoken.push(u.text + "|" + u.lang); setTimeout(() => u.onend && u.onend(), 10); },
} });"#;

async fn text(browser: &Browser, css: &str) -> String {
    browser.wait_for_count(css, 1).await.unwrap();
    let e = browser.client.find(Locator::Css(css)).await.unwrap();
    e.text().await.unwrap()
}

/// Seconds from now to ten minutes before the visit of the ticket at `url`.
async fn until_visit(server: &Server, url: &str) -> i64 {
    let (path, token) = url.split_once('#').expect("a token in the link");
    let id = path.rsplit('/').next().unwrap();
    let ticket: Value = reqwest::Client::new()
        .post(format!("{}/api/ticket", server.base))
        .json(&json!({ "id": id, "token": token }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let date = ticket["date"].as_str().unwrap().parse().unwrap();
    let start = ticket["start"].as_str().unwrap().parse().unwrap();
    let visit = domain::slots::kyiv_instant(date, start).unwrap();
    (visit - chrono::Utc::now()).num_seconds() - 600
}

#[tokio::test]
async fn booked_checked_in_called_on_the_board_then_annulled() {
    let mut server = Server::start().await.unwrap();
    let phone = Browser::start(412, 915).await.unwrap();
    choose_time(&phone, &server, OFFICE).await;
    let who = Applicant {
        lang: "uk",
        surname: "Кравчук",
        given_name: "Олена",
        birth_date: "02.03.1988",
        phone: "067 123 45 67",
        email: "",
    };
    let url = finish(&phone, &who).await;
    let number = text(&phone, "[data-number]").await;

    // The visit's day: ten minutes before its time, a grace time of 10 s
    // (long enough for a busy machine's console to show its countdown).
    let ahead = until_visit(&server, &url).await.to_string();
    server
        .restart_with(&["--clock-ahead-seconds", &ahead, "--grace-seconds", "10"])
        .await
        .unwrap();
    server
        .cli(
            &[
                "staff", "add", "--login", "olha.k", "--role", "officer", "--office", OFFICE,
            ],
            &format!("{PASSWORD}\n"),
        )
        .unwrap();
    phone.reload().await.unwrap();
    let code = phone.attr("[data-code]", "data-code").await.unwrap();

    // The kiosk: a wrong code is refused, the right one checks in.
    let kiosk = Browser::start(800, 1280).await.unwrap();
    // Chromium's fake camera, and a QR reader (headless Chromium has none)
    // that sees the ticket's link once the camera shows a picture.
    let reader = format!(
        "window.BarcodeDetector = class {{ async detect(v) {{ return v && v.readyState >= 2 ? [{{ rawValue: {} }}] : []; }} }};",
        json!(url)
    );
    kiosk.before_each_page(&reader).await.unwrap();
    kiosk
        .open(&format!("{}/office/{OFFICE}/kiosk", server.base))
        .await
        .unwrap();
    kiosk
        .fill("#kiosk-number", &number.to_lowercase())
        .await
        .unwrap();
    kiosk.fill("#kiosk-code", "12345").await.unwrap();
    kiosk.click(".kiosk-submit").await.unwrap();
    kiosk.wait_for_text(".kiosk-error", "6 цифр").await.unwrap();
    kiosk.fill("#kiosk-code", &code).await.unwrap();
    kiosk.click(".kiosk-submit").await.unwrap();
    kiosk
        .wait_for_attr(".kiosk-number", "data-number", &number)
        .await
        .unwrap();
    kiosk
        .wait_for_text(".kiosk-ahead", "Ви наступні")
        .await
        .unwrap();
    kiosk.screenshot("office-kiosk-checked-in").await.unwrap();
    // Once more by the QR code through the camera: checked in already, the
    // same answer.
    kiosk.click(".kiosk-done .kiosk-submit").await.unwrap();
    kiosk.click(".kiosk-scan-button").await.unwrap();
    kiosk
        .wait_for_attr(".kiosk-number", "data-number", &number)
        .await
        .unwrap();

    // The board, on a TV.
    let board = Browser::start(1920, 1080).await.unwrap();
    board
        .open(&format!("{}/office/{OFFICE}/board", server.base))
        .await
        .unwrap();
    board.wait_for_count(".board-empty", 1).await.unwrap();
    board
        .wait_for_attr("main.board", "data-live", "true")
        .await
        .unwrap();
    // Headless Chromium has no voices: one that records what it is asked
    // to say, in the browser's own utterances.
    board.client.execute(STUB_VOICE, vec![]).await.unwrap();

    // The officer: sign in, window 1, call next.
    let console = Browser::start(1280, 900).await.unwrap();
    console
        .open(&format!("{}/staff/console", server.base))
        .await
        .unwrap();
    // In English: the refusal comes in the language chosen.
    console
        .click("button.lang-button[lang='en']")
        .await
        .unwrap();
    console.fill("#staff-login", "olha.k").await.unwrap();
    console
        .fill("#staff-password", "not the password")
        .await
        .unwrap();
    console.click(".console-signin button").await.unwrap();
    console
        .wait_for_text(".console-error", "Wrong login or password")
        .await
        .unwrap();
    console.fill("#staff-password", PASSWORD).await.unwrap();
    console.click(".console-signin button").await.unwrap();
    console
        .click("button.console-window[data-window='1']")
        .await
        .unwrap();
    console
        .wait_for_count(&format!(".console-list [data-number='{number}']"), 1)
        .await
        .unwrap();
    console.screenshot("office-console-waiting").await.unwrap();
    console.click(".console-next").await.unwrap();
    let clicked = Instant::now();
    board
        .wait_for_attr(".board-call.latest", "data-number", &number)
        .await
        .unwrap();
    // A figure, not a test: the push's latency is measured by the benchmark.
    println!(
        "the board showed the call {:?} after the click",
        clicked.elapsed()
    );
    assert_eq!(text(&board, ".board-call.latest .board-window").await, "1");
    board.screenshot("office-board-called").await.unwrap();
    let said = format!(
        "Талон Р {}, вікно 1|uk-UA",
        number.trim_start_matches("P-").trim_start_matches('0')
    );
    e2e::wait_until(Duration::from_secs(10), "the announcement", || {
        let (board, said) = (&board, said.clone());
        async move {
            let spoken = board.client.execute("return window.spoken;", vec![]).await;
            spoken.is_ok_and(|s| s == json!([said]))
        }
    })
    .await
    .unwrap();
    console
        .wait_for_attr(".console-current", "data-number", &number)
        .await
        .unwrap();
    console.screenshot("office-console-called").await.unwrap();

    // The ticket's payments at the window; the duty paid at a bank is
    // recorded from its receipt (typed into the form: no shortcut fires).
    let duty = ".console-payments li[data-recipient='demo-state-duty']";
    console
        .wait_for_count(".console-payments li[data-state='unpaid']", 2)
        .await
        .unwrap();
    console
        .fill(&format!("{duty} input[name='code']"), "1a2b-3c4d-5e6f-7a8b")
        .await
        .unwrap();
    console
        .fill(&format!("{duty} input[name='bank']"), "ПриватБанк")
        .await
        .unwrap();
    console
        .click(&format!("{duty} button[type='submit']"))
        .await
        .unwrap();
    console
        .wait_for_count(&format!("{duty}[data-state='paid']"), 1)
        .await
        .unwrap();
    console
        .wait_for_text(&format!("{duty} .payment-how"), "1A2B3C4D5E6F7A8B")
        .await
        .unwrap();
    console
        .screenshot("office-console-bank-receipt")
        .await
        .unwrap();
    phone.reload().await.unwrap();
    phone.wait_for_text(".notice.called", "1").await.unwrap();

    // Not here, by the keyboard; annulled when the grace time ends. The
    // key acts once the console is no longer busy with the payment (its
    // buttons enabled again), as an officer sees; pressed while busy, it
    // does nothing.
    console
        .wait_for_count(
            &format!(".console-current[data-number='{number}'] button[aria-keyshortcuts='A']:not([disabled])"),
            1,
        )
        .await
        .unwrap();
    console.press("a").await.unwrap();
    console
        .wait_for_count(
            &format!(".console-list [data-number='{number}'] .console-countdown"),
            1,
        )
        .await
        .unwrap();
    // The sweep looks every 5 s; the ticket page reads the ticket as it opens.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        phone.reload().await.unwrap();
        phone.wait_for_count("article.ticket", 1).await.unwrap();
        let status = phone.attr("article.ticket", "data-status").await.unwrap();
        if status == "annulled" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still {status} long after the grace time"
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    phone
        .wait_for_text("article.ticket", "вас не було в приміщенні")
        .await
        .unwrap();
    phone.screenshot("office-ticket-annulled").await.unwrap();

    crate::office_admin::reads_the_trail_and_the_report(&server, OFFICE, PASSWORD).await;
    for b in [phone, kiosk, board, console] {
        b.close().await.unwrap();
    }
}
