//! Payments, continued: the status query for a lost callback, the refund
//! of a cancelled ticket, LiqPay's documented signature.

use crate::common::{spawn_app, spawn_with, Db, Options, TestApp};
use crate::life::{book, opener, DAY, PODIL};
use crate::payments::{form_post, part, payments, sandbox_keys, start, DUTY, FEES};
use base64::Engine;
use serde_json::{json, Value};
use server::pay::liqpay;

/// The callback never comes (its address unreachable): the status query,
/// a minute later, finds the payment paid.
async fn the_status_query_finds_a_lost_callback(db: Db) {
    let app = spawn_app(db).await;
    let ticket = book(&app, 2, PODIL, DAY, "09:20").await;
    let (mut data, _) = start(&app, &ticket, FEES).await;
    let keys = sandbox_keys(&app).await;
    // The same order, paid at the sandbox, its callback sent nowhere.
    data.insert("server_url".into(), json!("http://127.0.0.1:9/nowhere"));
    let signed = liqpay::encode(&Value::Object(data));
    let signature = liqpay::sign(&keys[FEES].private, &signed);
    let body = liqpay::form_urlencoded(&[
        ("data", &signed),
        ("signature", &signature),
        ("choice", "pay"),
    ]);
    assert_eq!(decide(&app, body).await, 303);
    assert_eq!(
        part(&payments(&app, &ticket).await, FEES)["state"],
        "pending"
    );
    // Not asked about before a minute has passed.
    assert_eq!(app.services.poll_pending(10).await, 0);
    app.advance(90);
    assert_eq!(app.services.poll_pending(10).await, 1);
    assert_eq!(part(&payments(&app, &ticket).await, FEES)["state"], "paid");
    assert_eq!(app.services.poll_pending(10).await, 0);
}

/// Posts `body` to the sandbox page's `decide`: the status (a 303 back
/// to the ticket when it took the choice).
pub(crate) async fn decide(app: &TestApp, body: String) -> u16 {
    form_post(app, "/sandbox/liqpay/decide", body)
        .await
        .status()
        .as_u16()
}

/// Pays (`choice` `pay`) or declines `recipient`'s payment of `ticket` on
/// the sandbox's page.
pub(crate) async fn on_the_page(app: &TestApp, ticket: &Value, recipient: &str, choice: &str) {
    let (_, url) = start(app, ticket, recipient).await;
    let q = url.split_once('?').unwrap().1;
    assert_eq!(decide(app, format!("{q}&choice={choice}")).await, 303);
}

/// Pays `recipient`'s payment of `ticket` on the sandbox's page.
pub(crate) async fn pay_on_the_page(app: &TestApp, ticket: &Value, recipient: &str) {
    on_the_page(app, ticket, recipient, "pay").await;
}

/// The written rule: a ticket the applicant cancels gets its payments back
/// through the provider (its receipt then checks as refunded); a declined
/// payment on the page stays unpaid.
async fn a_cancelled_ticket_is_refunded(db: Db) {
    let app = spawn_app(db).await;
    let ticket = book(&app, 3, PODIL, DAY, "09:40").await;
    // Declined on the page: still to pay.
    on_the_page(&app, &ticket, DUTY, "decline").await;
    assert_eq!(
        part(&payments(&app, &ticket).await, DUTY)["state"],
        "unpaid"
    );
    pay_on_the_page(&app, &ticket, FEES).await;
    assert_eq!(part(&payments(&app, &ticket).await, FEES)["state"], "paid");
    let (status, cancelled) = app.call("cancel", opener(&ticket)).await;
    assert_eq!(status, 200, "{cancelled}");
    let list = cancelled["payments"].as_array().unwrap();
    assert_eq!(part(list, FEES)["state"], "refunded", "{list:?}");
    assert_eq!(part(list, DUTY)["state"], "unpaid");
    // The provider agrees: the order is reversed.
    let keys = sandbox_keys(&app).await;
    let rows = app
        .services
        .store()
        .payments_of(ticket["id"].as_str().unwrap())
        .await
        .unwrap();
    let refunded = rows.iter().find(|r| r.status == "refunded").unwrap();
    let data = liqpay::encode(&json!({"action": "status", "version": 3,
        "public_key": keys[FEES].public, "order_id": format!("cherga-{}", refunded.id)}));
    let signature = liqpay::sign(&keys[FEES].private, &data);
    let answer: Value = app
        .client
        .post(format!("{}/sandbox/liqpay/api/request", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(liqpay::form_urlencoded(&[
            ("data", &data),
            ("signature", &signature),
        ]))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["status"], "reversed", "{answer}");
}

#[tokio::test]
async fn liqpay_signs_as_its_documentation_shows() {
    // The documentation's example: its private key, data and signature.
    let private = "a4825234f4bae72a0be04eafe9e8e2bada209255";
    let data = "eyJ2ZXJzaW9uIjozLCJwdWJsaWNfa2V5IjoiaTAwMDAwMDAwIiwiYWN0aW9uIjoicGF5IiwiYW1vdW50IjoxLCJjdXJyZW5jeSI6IlVTRCIsImRlc2NyaXB0aW9uIjoiZGVzY3JpcHRpb24gdGV4dCIsIm9yZGVyX2lkIjoib3JkZXJfaWRfMSJ9";
    assert_eq!(liqpay::sign(private, data), "38Px9/7zdpJMFiYkOV3KUnRnMBQ=");
    assert!(liqpay::verify(
        private,
        data,
        "38Px9/7zdpJMFiYkOV3KUnRnMBQ="
    ));
    assert!(!liqpay::verify(
        private,
        data,
        "38Px9/7zdpJMFiYkOV3KUnRnMBQ"
    ));
    let object = liqpay::decode(data).unwrap();
    assert_eq!(object["order_id"], "order_id_1");
    let raw = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    assert!(raw.starts_with(b"{\"version\":3"));
    // Amounts both ways, exact.
    let k = |v: Value| liqpay::amount_of(&v).map(domain::Money::kopiykas);
    assert_eq!(k(json!(345)), Some(34500));
    assert_eq!(k(json!(345.5)), Some(34550));
    assert_eq!(k(json!("0.07")), Some(7));
    assert_eq!(k(json!(3.456)), None);
    assert_eq!(k(json!(-1)), None);
    assert_eq!(
        liqpay::amount_value(domain::Money::from_kopiykas(34550)),
        json!(345.5)
    );
    assert_eq!(liqpay::meaning("sandbox"), liqpay::Meaning::Paid);
    assert_eq!(liqpay::meaning("3ds_verify"), liqpay::Meaning::Pending);
    assert_eq!(liqpay::meaning("something_new"), liqpay::Meaning::Pending);
}

/// A paid receipt checks by its code however it is typed, with no personal
/// data beyond initials; a mistyped code is refused before any lookup; a
/// code of no payment is not found; a refunded one says so; and codes
/// cannot be tried by the thousand from one address.
async fn receipts_are_checked_by_code(db: Db) {
    let app = spawn_app(db).await;
    let ticket = book(&app, 4, PODIL, DAY, "10:00").await;
    pay_on_the_page(&app, &ticket, FEES).await;
    let code = part(&payments(&app, &ticket).await, FEES)["receipt_code"]
        .as_str()
        .unwrap()
        .to_string();
    let typed = code.to_lowercase().replace('-', " ");
    let (status, check) = app.call("check_receipt", json!({ "code": typed })).await;
    assert_eq!(status, 200, "{check}");
    assert_eq!(check["code"], code.as_str());
    assert_eq!(check["state"], "paid");
    assert_eq!(check["amount"], 34500);
    assert_eq!(check["number"], ticket["number"]);
    assert_eq!(check["initials"], "О. К.");
    // Paid on the sandbox: no money moved, and the check says so.
    assert_eq!(check["demo"], true);
    let text = check.to_string();
    assert!(
        !text.contains("Олена") && !text.contains("Коваль"),
        "{text}"
    );
    assert!(!text.contains("+38067"), "{text}");

    // One symbol changed: caught by the check symbol.
    let mut wrong: Vec<char> = code.chars().collect();
    wrong[0] = if wrong[0] == '7' { '8' } else { '7' };
    let wrong: String = wrong.into_iter().collect();
    let (status, refused) = app.call("check_receipt", json!({ "code": wrong })).await;
    assert_eq!(
        (status, &refused["payment"]["cause"]),
        (422, &json!("bad_code")),
        "{refused}"
    );
    // Well-formed, but no payment's.
    let other = domain::pay::ReceiptCode::from_random([7; 10]).to_string();
    let (status, _) = app.call("check_receipt", json!({ "code": other })).await;
    assert_eq!(status, 404);

    // Cancelled: refunded, and the check says so.
    let (status, _) = app.call("cancel", opener(&ticket)).await;
    assert_eq!(status, 200);
    let (status, check) = app.call("check_receipt", json!({ "code": code })).await;
    assert_eq!(
        (status, &check["state"]),
        (200, &json!("refunded")),
        "{check}"
    );
}

/// One address may check 20 codes in ten minutes (`--rate-check`), then
/// waits: 75 random bits cannot be guessed at that pace.
#[tokio::test]
async fn receipt_checks_are_limited_per_address() {
    let mut options = Options::default();
    options.limits.rate_check = "20/600".parse().unwrap();
    let app = spawn_with(Db::Sqlite, options).await;
    let code = domain::pay::ReceiptCode::from_random([9; 10]).to_string();
    let mut statuses = Vec::new();
    for _ in 0..21 {
        statuses.push(app.call("check_receipt", json!({ "code": code })).await.0);
    }
    assert!(statuses[..20].iter().all(|s| *s == 404), "{statuses:?}");
    assert_eq!(statuses[20], 429);
}

crate::on_both!(
    receipts_are_checked_by_code,
    the_status_query_finds_a_lost_callback,
    a_cancelled_ticket_is_refunded
);
