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

/// The footer of every applicant page leads to the guide, a page of its own
/// (no app), with pictures of the screens; the system administrator edits
/// the FAQ, and applicants read the new text at once.
#[tokio::test]
async fn the_help_pages_from_the_footer_and_their_editor() {
    let server = Server::start().await.unwrap();
    let phone = Browser::start(390, 844).await.unwrap();
    phone.open(&server.base).await.unwrap();
    phone.wait_for_count("li.service", 7).await.unwrap();
    phone.click(".help-links a[href='/help']").await.unwrap();
    phone.wait_for_url("/help").await.unwrap();
    phone
        .wait_for_text("main.help-page h1", "Інструкція з користування сервісом")
        .await
        .unwrap();
    phone
        .wait_for_count("main.help-page img[src='/help-pictures/ticket.png']", 1)
        .await
        .unwrap();
    let loaded: bool = phone
        .client
        .execute(
            "const i = document.querySelector(\"img[src='/help-pictures/ticket.png']\"); return i.complete && i.naturalWidth > 0;",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false);
    assert!(loaded, "the picture of the ticket shows");
    phone.screenshot("help-guide-phone").await.unwrap();
    // In English by its address (no redirect drops the question).
    phone
        .open(&format!("{}/help?lang=en", server.base))
        .await
        .unwrap();
    phone
        .wait_for_text("main.help-page h1", "How to use the service")
        .await
        .unwrap();
    phone.open(&format!("{}/help", server.base)).await.unwrap();
    phone
        .wait_for_count("main.help-page img[src='/help-pictures/kiosk.png']", 1)
        .await
        .unwrap();
    scroll_to(&phone, "img[src='/help-pictures/kiosk.png']").await;
    phone.screenshot("help-guide-kiosk-phone").await.unwrap();

    server
        .cli(
            &["staff", "add", "--login", "root", "--role", "sysadmin"],
            &format!("{PASSWORD}\n"),
        )
        .unwrap();
    let root = Browser::start(1280, 900).await.unwrap();
    root.open(&format!("{}/staff/admin", server.base))
        .await
        .unwrap();
    root.fill("#staff-login", "root").await.unwrap();
    root.fill("#staff-password", PASSWORD).await.unwrap();
    root.click("form.console-signin button").await.unwrap();
    root.wait_for_count("#help-text", 1).await.unwrap();
    set(&root, "#help-page", "faq").await;
    // The FAQ's text has come into the editor.
    for _ in 0..200 {
        let value = root
            .client
            .execute("return document.getElementById('help-text').value;", vec![])
            .await
            .unwrap();
        if value
            .as_str()
            .unwrap_or_default()
            .starts_with("# Відповіді")
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    set(
        &root,
        "#help-text",
        "# Відповіді на часті запитання\n\n## Чи можна прийти з дитиною?\n\nТак.",
    )
    .await;
    // The calendar's editor above it shows the years in force.
    root.wait_for_count(".admin-calendar .admin-holiday", 1)
        .await
        .unwrap();
    scroll_to(&root, ".admin-calendar").await;
    root.screenshot("calendar-editor-desktop").await.unwrap();
    scroll_to(&root, ".admin-help").await;
    root.screenshot("help-editor-desktop").await.unwrap();
    root.click(".admin-help-form button[type='submit']")
        .await
        .unwrap();
    root.wait_for_text(".admin-help .admin-saved", "збережено")
        .await
        .unwrap();
    phone.open(&format!("{}/faq", server.base)).await.unwrap();
    phone
        .wait_for_text("main.help-page h2", "Чи можна прийти з дитиною?")
        .await
        .unwrap();
}
