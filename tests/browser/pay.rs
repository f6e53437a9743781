//! Paying a ticket's fees as an applicant does, on the demo's LiqPay
//! sandbox: booked on a phone, the ticket shows its two payments; "Pay
//! online" goes to the sandbox's page (marked as one, the server's amount),
//! "Pay" comes back to the ticket, which now says paid with the receipt's
//! code and its downloads; the other payment is still to pay. Then the
//! same ticket on a desktop, and the receipt's code checked at `/check`.

use crate::booking::{choose_time, finish, Applicant};
use e2e::{Browser, Server};
use fantoccini::Locator;

#[tokio::test]
async fn pay_the_fees_on_the_sandbox_and_come_back_paid() {
    let server = Server::start().await.unwrap();
    let phone = Browser::start(390, 844).await.unwrap();
    choose_time(&phone, &server, "kyiv-podilskyi").await;
    let who = Applicant {
        lang: "uk",
        surname: "Мельник",
        given_name: "Оксана",
        birth_date: "03.03.1988",
        phone: "067 555 12 34",
        email: "",
    };
    let link = finish(&phone, &who).await;
    phone
        .wait_for_count("section.payment[data-state='unpaid']", 2)
        .await
        .unwrap();
    phone.screenshot("pay-1-ticket-phone").await.unwrap();

    phone
        .click("section.payment[data-recipient='demo-dms-fees'] button.pay")
        .await
        .unwrap();
    phone
        .wait_for_url("/sandbox/liqpay/api/3/checkout")
        .await
        .unwrap();
    phone.wait_for_text("#amount", "345,00").await.unwrap();
    phone.wait_for_text(".banner", "Пісочниця").await.unwrap();
    phone.screenshot("pay-2-sandbox-phone").await.unwrap();

    phone.click("#pay").await.unwrap();
    phone.wait_for_url("/tickets/").await.unwrap();
    phone
        .wait_for_count("section.payment[data-state='paid']", 1)
        .await
        .unwrap();
    let code = phone
        .attr(
            "section.payment[data-state='paid'] [data-receipt]",
            "data-receipt",
        )
        .await
        .unwrap();
    assert!(domain::pay::ReceiptCode::parse(&code).is_ok(), "{code}");
    assert_eq!(code.len(), 19, "{code}");
    let still = phone
        .client
        .find_all(Locator::Css(
            "section.payment[data-state='unpaid'] button.pay",
        ))
        .await
        .unwrap();
    assert_eq!(still.len(), 1, "the duty is still to pay");
    // The receipt, as a form post for A4 and for a receipt printer.
    phone
        .wait_for_count(
            "section.payment[data-state='paid'] form[action='/pay/receipt'] button[data-layout]",
            2,
        )
        .await
        .unwrap();
    phone.screenshot("pay-3-paid-phone").await.unwrap();
    phone.close().await.unwrap();

    let desktop = Browser::start(1280, 900).await.unwrap();
    desktop.open(&link).await.unwrap();
    desktop
        .wait_for_count("section.payment[data-state='paid']", 1)
        .await
        .unwrap();
    desktop.screenshot("pay-4-paid-desktop").await.unwrap();

    // Anyone with the code checks it (the receipt's QR code opens this):
    // a sandbox payment is told apart from a real one.
    desktop
        .open(&format!("{}/check#{code}", server.base))
        .await
        .unwrap();
    desktop
        .wait_for_text("#check-answer", "Демонстраційна квитанція")
        .await
        .unwrap();
    desktop
        .wait_for_text("#check-answer", "345,00")
        .await
        .unwrap();
    desktop.screenshot("pay-5-check-desktop").await.unwrap();
    desktop.close().await.unwrap();
}
