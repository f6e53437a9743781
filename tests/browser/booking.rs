use e2e::{Browser, Server};
use fantoccini::Locator;

/// Who books, and in which language.
pub struct Applicant {
    pub lang: &'static str,
    pub surname: &'static str,
    pub given_name: &'static str,
    pub birth_date: &'static str,
    pub phone: &'static str,
    /// Empty: none given.
    pub email: &'static str,
}

/// From the catalog to the contact step: the seed service, `office`, the first
/// day with free places, its first free time (which takes the hold).
pub async fn choose_time(browser: &Browser, server: &Server, office: &str) {
    choose_day(browser, server, office).await;
    browser.click("button.slot:enabled").await.unwrap();
    browser.wait_for_url("/contact").await.unwrap();
    browser.wait_for_count("p.hold strong", 1).await.unwrap();
}

/// From the catalog to the times of the first day with free places at
/// `office`, for the seed service.
pub async fn choose_day(browser: &Browser, server: &Server, office: &str) {
    browser.open(&server.base).await.unwrap();
    browser
        .click("li[data-service='passport-lost-stolen'] .service-name a")
        .await
        .unwrap();
    browser
        .wait_for_url("/services/passport-lost-stolen")
        .await
        .unwrap();
    browser.click("a.button-big").await.unwrap();
    browser
        .wait_for_url("/book/passport-lost-stolen")
        .await
        .unwrap();
    browser.click("p.actions a.button").await.unwrap();
    browser.wait_for_url("/office").await.unwrap();
    browser
        .click(&format!("a[data-office='{office}']"))
        .await
        .unwrap();
    browser
        .wait_for_url(&format!("/office/{office}"))
        .await
        .unwrap();
    browser.click("a.day.open").await.unwrap();
    browser.wait_for_count("button.slot", 1).await.unwrap();
}

/// Types the applicant's details, reviews, confirms; returns the ticket's address.
pub async fn finish(browser: &Browser, who: &Applicant) -> String {
    browser.fill("#surname", who.surname).await.unwrap();
    browser.fill("#given-name", who.given_name).await.unwrap();
    // A malformed date is caught in the browser by the domain parser.
    browser.fill("#birth-date", "31.02.1990").await.unwrap();
    browser.fill("#phone", who.phone).await.unwrap();
    if !who.email.is_empty() {
        browser.fill("#email", who.email).await.unwrap();
    }
    browser
        .wait_for_count(".field.invalid #birth-date", 1)
        .await
        .unwrap();
    browser.fill("#birth-date", who.birth_date).await.unwrap();
    browser.click("#email").await.unwrap();
    assert!(browser
        .client
        .find_all(Locator::Css(".field.invalid"))
        .await
        .unwrap()
        .is_empty());
    browser.click("form button[type='submit']").await.unwrap();
    browser.wait_for_url("/review").await.unwrap();
    browser
        .wait_for_text("dl.review", who.surname)
        .await
        .unwrap();
    browser.click("p.actions button.button-big").await.unwrap();
    browser.wait_for_url("/tickets/").await.unwrap()
}

async fn book_in(lang: &'static str, office: &str, who: Applicant, heading: &str) {
    let server = Server::start().await.unwrap();
    let browser = Browser::start(412, 915).await.unwrap();
    let c = &browser.client;
    browser.open(&server.base).await.unwrap();
    browser.wait_for_count("li.service", 7).await.unwrap();
    if lang == "en" {
        browser
            .click("button.lang-button[lang='en']")
            .await
            .unwrap();
    }
    choose_time(&browser, &server, office).await;
    browser
        .screenshot(&format!("contact-{lang}-phone"))
        .await
        .unwrap();
    let url = finish(&browser, &who).await;
    browser
        .wait_for_text("article.ticket h1", heading)
        .await
        .unwrap();
    browser.wait_for_count("[data-number]", 1).await.unwrap();
    let number = c
        .find(Locator::Css("[data-number]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(number.starts_with("P-"), "{number}");
    // The token is in the fragment only; nothing personal is in the address.
    let (path, token) = url.split_once('#').expect("a fragment");
    assert_eq!(token.len(), 64, "{url}");
    // The phone's last seven digits (as typed or normalised): a shorter run,
    // such as "380", turns up by chance in the random id and token.
    let digits: String = who.phone.chars().filter(char::is_ascii_digit).collect();
    let phone = &digits[digits.len() - 7..];
    assert!(!path.contains('?') && !url.contains(who.surname) && !url.contains(phone));
    browser.wait_for_count(".qr-code svg", 1).await.unwrap();
    browser
        .wait_for_count("a[download$='.ics'][href^='data:text/calendar']", 1)
        .await
        .unwrap();
    browser
        .screenshot(&format!("ticket-{lang}-phone"))
        .await
        .unwrap();
    // Printed, the ticket (with its checklist, fees and QR code) is one A4 sheet.
    let pages = browser.print(&format!("ticket-{lang}")).await.unwrap();
    assert_eq!(pages, 1, "the printed ticket takes {pages} pages");

    // A reload opens the ticket again with the token from the fragment.
    browser.reload().await.unwrap();
    browser
        .wait_for_text("[data-number]", &number)
        .await
        .unwrap();
    browser.wait_for_count("ul.checklist li", 3).await.unwrap();

    // "My tickets" lists it from this browser's memory and opens it again.
    browser.click("a.my-tickets-link").await.unwrap();
    browser
        .wait_for_text("li.my-ticket h2", &number)
        .await
        .unwrap();
    browser
        .screenshot(&format!("my-tickets-{lang}-phone"))
        .await
        .unwrap();
    browser.click("li.my-ticket a.button").await.unwrap();
    browser
        .wait_for_text("[data-number]", &number)
        .await
        .unwrap();
    // Removed from this device, it is gone from the list (after a reload too).
    browser.click("a.my-tickets-link").await.unwrap();
    browser
        .click("li.my-ticket button.button-light")
        .await
        .unwrap();
    browser.wait_for_count("p.empty", 1).await.unwrap();
    browser.reload().await.unwrap();
    browser.wait_for_count("p.empty", 1).await.unwrap();
    browser.close().await.unwrap();
}

#[tokio::test]
async fn an_applicant_books_a_ticket_in_ukrainian() {
    let who = Applicant {
        lang: "uk",
        surname: "Шевченко",
        given_name: "Тарас",
        birth_date: "09.03.1994",
        phone: "067 123 45 67",
        email: "",
    };
    book_in(who.lang, "kyiv-podilskyi", who, "Ваш талон").await;
}

#[tokio::test]
async fn an_applicant_books_a_ticket_in_english() {
    let who = Applicant {
        lang: "en",
        surname: "Kovalenko",
        given_name: "Olena",
        birth_date: "1988-12-01",
        phone: "+380501112233",
        email: "",
    };
    book_in(who.lang, "lviv-frankivskyi", who, "Your ticket").await;
}
