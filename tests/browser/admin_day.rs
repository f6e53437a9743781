//! An office's administrator closes a day with tickets booked on it: the
//! preview says how many it leaves without their time, the save tells the
//! applicants, and the applicant's ticket page says why and offers to move
//! it. The administrator's page at 1280 and 390 px, the ticket at 412 px.

use crate::booking::{choose_time, finish, Applicant};
use e2e::{Browser, Server};

const OFFICE: &str = "kyiv-podilskyi";
const PASSWORD: &str = "адмін Поділ 2026 зима";

/// The visit day of the ticket at `url` (`…/tickets/ID#TOKEN`), asked of
/// the server as the ticket page asks it.
async fn visit_day(server: &Server, url: &str) -> String {
    let (path, token) = url.split_once('#').unwrap();
    let id = path.rsplit('/').next().unwrap();
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/api/ticket", server.base))
        .header("Origin", &server.base)
        .json(&serde_json::json!({ "id": id, "token": token }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["date"].as_str().unwrap().to_string()
}

/// Opens the administrator's page and signs in as head.p.
async fn open_signed_in(browser: &Browser, server: &Server) {
    browser
        .open(&format!("{}/staff/admin", server.base))
        .await
        .unwrap();
    browser.fill("#staff-login", "head.p").await.unwrap();
    browser.fill("#staff-password", PASSWORD).await.unwrap();
    browser.click("form.console-signin button").await.unwrap();
}

async fn scroll_to(browser: &Browser, css: &str) {
    browser
        .client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});",
            vec![css.into()],
        )
        .await
        .unwrap();
}

/// Sets an input's value as typed and leaves it (its `change` fires).
async fn set(browser: &Browser, css: &str, value: &str) {
    browser
        .client
        .execute(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
             e.dispatchEvent(new Event('input', {bubbles: true})); \
             e.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![css.into(), value.into()],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn an_administrator_closes_a_day_and_the_ticket_says_so() {
    let server = Server::start().await.unwrap();
    let applicant = Browser::start(412, 915).await.unwrap();
    choose_time(&applicant, &server, OFFICE).await;
    let who = Applicant {
        lang: "uk",
        surname: "Коваленко",
        given_name: "Марія",
        birth_date: "02.03.1988",
        phone: "067 111 22 33",
        email: "",
    };
    let url = finish(&applicant, &who).await;
    let day = visit_day(&server, &url).await;
    server
        .cli(
            &[
                "staff", "add", "--login", "head.p", "--role", "admin", "--office", OFFICE,
            ],
            &format!("{PASSWORD}\n"),
        )
        .unwrap();

    let admin = Browser::start(1280, 900).await.unwrap();
    open_signed_in(&admin, &server).await;
    admin.wait_for_count("#admin-day-0", 1).await.unwrap();
    admin
        .wait_for_text(".admin-office", "Подільський")
        .await
        .unwrap();
    admin.screenshot("admin-desktop").await.unwrap();
    let closures = ".admin-closure";
    let before = admin
        .client
        .find_all(fantoccini::Locator::Css(closures))
        .await
        .unwrap()
        .len();
    admin.click("button.admin-add-closure").await.unwrap();
    admin.wait_for_count(closures, before + 1).await.unwrap();
    let row = format!("{closures}:last-of-type");
    set(
        &admin,
        &format!("{row} input[type='date']:first-of-type"),
        &day,
    )
    .await;
    let inputs = format!("{row} label input");
    admin
        .client
        .execute(
            "const f = document.querySelectorAll(arguments[0]); const put = (e, v) => { e.value = v; \
               e.dispatchEvent(new Event('change', {bubbles: true})); }; \
             put(f[0], arguments[1]); put(f[1], arguments[1]); put(f[2], 'Санітарний день'); put(f[3], 'Cleaning day');",
            vec![inputs.into(), day.clone().into()],
        )
        .await
        .unwrap();
    admin.click("button.admin-preview").await.unwrap();
    admin
        .wait_for_text(
            ".admin-affected",
            "Зміна залишає без часу прийому 1 заброньований талон",
        )
        .await
        .unwrap();
    admin.wait_for_count("button.admin-save", 1).await.unwrap();
    scroll_to(&admin, ".admin-effect").await;
    admin.screenshot("admin-preview-desktop").await.unwrap();
    admin.click("button.admin-save").await.unwrap();
    admin
        .wait_for_text(".admin-saved", "Збережено")
        .await
        .unwrap();
    scroll_to(&admin, ".admin-effect").await;
    admin.screenshot("admin-saved-desktop").await.unwrap();

    // The applicant's ticket says why, and offers to move it.
    applicant.reload().await.unwrap();
    applicant
        .wait_for_text(".notice.disrupted", "Санітарний день")
        .await
        .unwrap();
    scroll_to(&applicant, ".notice.disrupted").await;
    applicant
        .screenshot("ticket-disrupted-phone")
        .await
        .unwrap();

    // The administrator's page on a phone.
    let phone = Browser::start(390, 844).await.unwrap();
    open_signed_in(&phone, &server).await;
    phone.wait_for_count(closures, before + 1).await.unwrap();
    phone.screenshot("admin-phone").await.unwrap();
    scroll_to(&phone, &row).await;
    phone.screenshot("admin-closure-phone").await.unwrap();
}
