use crate::booking::{choose_time, finish, Applicant};
use crate::smtp::SmtpSink;
use e2e::{Browser, Server};
use fantoccini::Locator;
use serde_json::Value;

/// The subjects of the mails received so far.
fn subjects(mails: &[Value]) -> Vec<String> {
    mails
        .iter()
        .filter_map(|m| m["subject"].as_str().map(str::to_string))
        .collect()
}

/// Waits for a mail whose subject contains `part`; returns that subject.
async fn mail_about(smtp: &SmtpSink, part: &str) -> String {
    for n in 1..=8 {
        let got = subjects(&smtp.wait_for(n).await);
        if let Some(s) = got.iter().find(|s| s.contains(part)) {
            return s.clone();
        }
    }
    panic!("no mail about {part:?}: {:?}", subjects(&smtp.messages()));
}

async fn text(browser: &Browser, css: &str) -> String {
    browser.wait_for_count(css, 1).await.unwrap();
    let e = browser.client.find(Locator::Css(css)).await.unwrap();
    e.text().await.unwrap()
}

/// Booked in one browser; in a fresh profile (another device) the applicant
/// signs in to "My tickets" with the code from the mail (a real SMTP server
/// on loopback), sees the ticket, moves it to another day through the
/// wizard's steps, then cancels it; the time it held is free again in the
/// wizard.
#[tokio::test]
async fn my_tickets_on_another_device_move_then_cancel() {
    let smtp = SmtpSink::start(None);
    let server = Server::start_with(&["--smtp", &smtp.url]).await.unwrap();
    let office = "kyiv-podilskyi";

    let first = Browser::start(412, 915).await.unwrap();
    choose_time(&first, &server, office).await;
    let who = Applicant {
        lang: "uk",
        surname: "Бондаренко",
        given_name: "Ірина",
        birth_date: "14.07.1991",
        phone: "050 765 43 21",
        email: "iryna.b@example.com",
    };
    finish(&first, &who).await;
    let number = text(&first, "[data-number]").await;
    first.close().await.unwrap();
    let booked = mail_about(&smtp, &format!("Талон {number}:")).await;
    assert!(booked.starts_with("Талон P-"), "{booked}");

    // Another device (a desktop): nothing kept; sign in by the code.
    let second = Browser::start(1280, 900).await.unwrap();
    second
        .open(&format!("{}/tickets", server.base))
        .await
        .unwrap();
    second.wait_for_count("p.empty", 1).await.unwrap();
    second
        .fill("#signin-contact", "Iryna.B@example.com")
        .await
        .unwrap();
    second
        .click("form.signin-contact button[type='submit']")
        .await
        .unwrap();
    second.wait_for_count("#signin-code", 1).await.unwrap();
    // The resend waits for its cooldown.
    second
        .wait_for_count("button.resend:disabled", 1)
        .await
        .unwrap();
    second.screenshot("signin-code-uk-desktop").await.unwrap();
    let subject = mail_about(&smtp, "Код для входу: ").await;
    let code = subject.trim_start_matches("Код для входу: ");
    assert_eq!(code.len(), 6, "{subject}");
    // A wrong code first: told so, with the tries left.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    second.fill("#signin-code", wrong).await.unwrap();
    second
        .click("form.signin-code button[type='submit']")
        .await
        .unwrap();
    second
        .wait_for_text(".signin .error", "Залишилося спроб: 4")
        .await
        .unwrap();
    second.fill("#signin-code", code).await.unwrap();
    second
        .click("form.signin-code button[type='submit']")
        .await
        .unwrap();
    second
        .wait_for_text("li.my-ticket h2", &number)
        .await
        .unwrap();
    second.wait_for_count("button.sign-out", 1).await.unwrap();
    second
        .screenshot("my-tickets-signed-in-uk-desktop")
        .await
        .unwrap();

    // Opened by the session (no token in the link), then moved.
    second.click("li.my-ticket a.button").await.unwrap();
    second
        .wait_for_text("[data-number]", &number)
        .await
        .unwrap();
    let before = text(&second, "dl.review .row dd").await;
    second.click("button.move").await.unwrap();
    second
        .wait_for_url(&format!("/office/{office}"))
        .await
        .unwrap();
    second
        .wait_for_text("p.moving strong", &number)
        .await
        .unwrap();
    // Another day than the ticket's: the second open one.
    second.wait_for_count("a.day.open", 2).await.unwrap();
    let days = second
        .client
        .find_all(Locator::Css("a.day.open"))
        .await
        .unwrap();
    days[1].click().await.unwrap();
    second
        .wait_for_count("button.slot:enabled", 1)
        .await
        .unwrap();
    let time_page = second.client.current_url().await.unwrap().to_string();
    let slot = second
        .client
        .find(Locator::Css("button.slot:enabled"))
        .await
        .unwrap();
    let time = slot.attr("data-time").await.unwrap().unwrap_or_default();
    let free_before = text(&second, &format!("button[data-time='{time}'] .free")).await;
    slot.click().await.unwrap();
    second.wait_for_url("/review").await.unwrap();
    second.wait_for_count("p.hold strong", 1).await.unwrap();
    second.screenshot("move-review-uk-desktop").await.unwrap();
    second.click("button.do-move").await.unwrap();
    second.wait_for_url("?moved").await.unwrap();
    second.wait_for_count("p.moved", 1).await.unwrap();
    let after = text(&second, "dl.review .row dd").await;
    assert_ne!(before, after, "the ticket's time did not change");
    assert!(after.contains(&time), "{after} should hold {time}");
    let moved_number = text(&second, "[data-number]").await;
    mail_about(&smtp, &format!("Талон {moved_number} перенесено")).await;

    // Cancelled after a confirmation step.
    second.click("button.cancel").await.unwrap();
    second.wait_for_count(".confirm-cancel", 1).await.unwrap();
    second
        .screenshot("cancel-confirm-uk-desktop")
        .await
        .unwrap();
    second
        .click(".confirm-cancel .button-danger")
        .await
        .unwrap();
    second
        .wait_for_text(".ticket-ended", "Талон скасовано")
        .await
        .unwrap();
    assert!(second
        .client
        .find_all(Locator::Css("button.cancel, button.move, .qr-code"))
        .await
        .unwrap()
        .is_empty());
    mail_about(&smtp, "скасовано").await;
    second
        .screenshot("ticket-cancelled-uk-desktop")
        .await
        .unwrap();

    // The time it held shows as free in the wizard, as before the move.
    second.open(&time_page).await.unwrap();
    second
        .wait_for_text(&format!("button[data-time='{time}'] .free"), &free_before)
        .await
        .unwrap();
    // "My tickets" shows it as cancelled.
    second
        .open(&format!("{}/tickets", server.base))
        .await
        .unwrap();
    second
        .wait_for_text("li.my-ticket", "Скасовано")
        .await
        .unwrap();
    // In English too; signed out, the ticket only the session opened is gone.
    second.click("button.lang-button[lang='en']").await.unwrap();
    second
        .wait_for_text("li.my-ticket", "Cancelled")
        .await
        .unwrap();
    second.screenshot("my-tickets-en-desktop").await.unwrap();

    // A copy of everything held, then the past tickets' data erased.
    second.click("button.data-copy").await.unwrap();
    second.wait_for_count("a.data-save", 1).await.unwrap();
    let href = second.attr("a.data-save", "href").await.unwrap();
    let json = second
        .client
        .execute(
            "return decodeURIComponent(arguments[0].split(',')[1])",
            vec![serde_json::json!(href)],
        )
        .await
        .unwrap();
    let data: Value = serde_json::from_str(json.as_str().unwrap()).unwrap();
    let mine = &data["tickets"][0];
    assert_eq!(
        (mine["surname"].as_str(), mine["status"].as_str()),
        (Some(who.surname), Some("cancelled")),
        "{data}"
    );
    assert_eq!(mine["email"], "iryna.b@example.com");
    second.click("button.data-erase").await.unwrap();
    second
        .wait_for_count(".my-data .confirm-cancel", 1)
        .await
        .unwrap();
    second.screenshot("my-data-erase-en-desktop").await.unwrap();
    second.click("button.data-erase-yes").await.unwrap();
    second
        .wait_for_text(".data-erased", "Tickets erased: 1")
        .await
        .unwrap();
    second.click("button.sign-out").await.unwrap();
    second
        .wait_for_text("p.empty", "No tickets yet")
        .await
        .unwrap();
    second.wait_for_count("#signin-contact", 1).await.unwrap();
    second.close().await.unwrap();
}
