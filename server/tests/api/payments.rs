//! Paying a ticket's fees through the LiqPay sandbox, on both databases
//! (two nodes on PostgreSQL): the payments a ticket asks for, a checkout
//! whose every field the sandbox checks, the page, the signed callback, the
//! receipt code; a bad signature, another amount or merchant change
//! nothing; many duplicate callbacks at once through both nodes record a
//! payment once; a payment whose callback never came is found by the
//! status query.

use crate::common::{second_node, spawn_app, Db, Options, TestApp};
use crate::life::{book, opener, DAY, PODIL};
use serde_json::{json, Value};
use server::pay::liqpay::{self, Keys};
use std::collections::BTreeMap;

pub(crate) const FEES: &str = "demo-dms-fees";
pub(crate) const DUTY: &str = "demo-state-duty";

/// The sandbox's merchant keys, as the server derives them.
pub(crate) async fn sandbox_keys(app: &TestApp) -> BTreeMap<String, Keys> {
    let secret = app
        .services
        .store()
        .shared_secret("liqpay-sandbox", "not this one".into())
        .await
        .unwrap();
    server::pay::sandbox::keys_for(&secret, &[FEES.to_string(), DUTY.to_string()])
}

pub(crate) async fn payments(app: &TestApp, ticket: &Value) -> Vec<Value> {
    let (status, view) = app.call("ticket", opener(ticket)).await;
    assert_eq!(status, 200, "{view}");
    view["payments"].as_array().unwrap().clone()
}

pub(crate) fn part<'a>(list: &'a [Value], recipient: &str) -> &'a Value {
    list.iter().find(|p| p["recipient"] == recipient).unwrap()
}

/// `pay` for `recipient`: the checkout's data object and the URL.
pub(crate) async fn start(
    app: &TestApp,
    ticket: &Value,
    recipient: &str,
) -> (serde_json::Map<String, Value>, String) {
    let mut req = opener(ticket);
    req["recipient"] = json!(recipient);
    req["lang"] = json!("uk");
    let (status, start) = app.call("pay", req).await;
    assert_eq!(status, 200, "{start}");
    let url = start["url"].as_str().unwrap().to_string();
    let query = url.split_once('?').unwrap().1;
    let data = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("data="))
        .unwrap()
        .replace("%2B", "+")
        .replace("%2F", "/")
        .replace("%3D", "=");
    (liqpay::decode(&data).unwrap(), url)
}

/// A callback as LiqPay posts it, signed with `keys`.
pub(crate) async fn callback(
    app: &TestApp,
    keys: &Keys,
    object: Value,
    signature: Option<&str>,
) -> u16 {
    let data = liqpay::encode(&object);
    let sig = signature
        .map(str::to_string)
        .unwrap_or_else(|| liqpay::sign(&keys.private, &data));
    let body = liqpay::form_urlencoded(&[("data", &data), ("signature", &sig)]);
    form_post(app, "/pay/liqpay/callback", body)
        .await
        .status()
        .as_u16()
}

/// POSTs the form `body` to `path`, following no redirect.
pub(crate) async fn form_post(app: &TestApp, path: &str, body: String) -> reqwest::Response {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}{path}", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
}

pub(crate) fn paid(keys: &Keys, order: &str, amount: Value) -> Value {
    json!({ "version": 3, "action": "pay", "status": "success", "public_key": keys.public,
        "order_id": order, "amount": amount, "currency": "UAH", "payment_id": 123_456,
        "description": "x", "type": "buy" })
}

async fn paying_through_the_sandbox(db: Db) {
    let one = spawn_app(db).await;
    let two = second_node(db, &one, Options::default()).await;
    let two = two.as_ref().unwrap_or(&one);
    let ticket = book(&one, 1, PODIL, DAY, "09:00").await;
    let number = ticket["number"].as_str().unwrap().to_string();

    // Two payments (the fee and blank to one recipient, the duty to
    // another), both unpaid, to demo recipients.
    let list = payments(&one, &ticket).await;
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(part(&list, FEES)["amount"], 34500);
    assert_eq!(part(&list, DUTY)["amount"], 3400);
    assert!(list
        .iter()
        .all(|p| p["state"] == "unpaid" && p["demo"] == true));

    // The checkout: the server's amount, UAH, our order id, our URLs, and
    // no personal data in what goes to the provider.
    let (data, url) = start(&one, &ticket, FEES).await;
    assert!(url.starts_with(&format!("{}/sandbox/liqpay/api/3/checkout?data=", one.base)));
    assert_eq!(data["version"], 3);
    assert_eq!(data["action"], "pay");
    assert_eq!(data["amount"], 345);
    assert_eq!(data["currency"], "UAH");
    assert!(data["order_id"].as_str().unwrap().starts_with("cherga-"));
    assert_eq!(
        data["server_url"],
        format!("{}/pay/liqpay/callback", one.base)
    );
    assert_eq!(
        data["result_url"],
        format!("{}/tickets/{}", one.base, ticket["id"].as_str().unwrap())
    );
    let description = data["description"].as_str().unwrap();
    assert!(description.contains(&number), "{description}");
    assert!(!description.contains("Коваль"), "{description}");
    assert_eq!(
        part(&payments(&one, &ticket).await, FEES)["state"],
        "pending"
    );

    // The sandbox's page, marked as one; then "Pay": the signed callback,
    // and the browser sent back to the ticket.
    let page = one.client.get(&url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("Пісочниця") && page.contains("345,00"),
        "{page}"
    );
    let tampered = url.replace("signature=", "signature=A");
    let refused = one.client.get(&tampered).send().await.unwrap();
    assert_eq!(refused.status(), 400);
    let form = |choice: &str| {
        let q = url.split_once('?').unwrap().1.to_string();
        format!("{q}&choice={choice}")
    };
    let back = form_post(&one, "/sandbox/liqpay/decide", form("pay")).await;
    assert_eq!(back.status(), 303);
    assert_eq!(
        back.headers()["location"],
        data["result_url"].as_str().unwrap()
    );
    let after = payments(two, &ticket).await;
    let fees = part(&after, FEES);
    assert_eq!(fees["state"], "paid", "{fees}");
    let code = fees["receipt_code"].as_str().unwrap();
    assert!(domain::pay::ReceiptCode::parse(code).is_ok(), "{code}");
    assert_eq!(fees["paid_on"], "2026-11-23");
    // Paid already: no second checkout.
    let mut again = opener(&ticket);
    again["recipient"] = json!(FEES);
    let (status, refusal) = one.call("pay", again).await;
    assert_eq!(
        (status, &refusal["payment"]["cause"]),
        (409, &json!("already_paid")),
        "{refusal}"
    );

    // The duty: a bad signature, another amount, another merchant's key:
    // nothing changes.
    let keys = sandbox_keys(&one).await;
    let (data, _) = start(&one, &ticket, DUTY).await;
    let order = data["order_id"].as_str().unwrap();
    let duty = &keys[DUTY];
    assert_eq!(
        callback(&one, duty, paid(duty, order, json!(34)), Some("AAAA")).await,
        400
    );
    assert_eq!(
        callback(&one, duty, paid(duty, order, json!(3.4)), None).await,
        200
    );
    let other = &keys[FEES];
    assert_eq!(
        callback(&one, other, paid(other, order, json!(34)), None).await,
        200
    );
    assert_eq!(
        part(&payments(&one, &ticket).await, DUTY)["state"],
        "pending"
    );

    // Forty copies of the right callback at once, through both nodes: one payment.
    let copies = (0..40).map(|i| {
        let node = if i % 2 == 0 { &one } else { two };
        callback(node, duty, paid(duty, order, json!(34)), None)
    });
    let statuses = futures::future::join_all(copies).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    // A late "processing" after it changes nothing either.
    let mut late = paid(duty, order, json!(34));
    late["status"] = json!("processing");
    assert_eq!(callback(&one, duty, late, None).await, 200);
    let rows = one
        .services
        .store()
        .payments_of(ticket["id"].as_str().unwrap())
        .await
        .unwrap();
    let paid_rows: Vec<_> = rows.iter().filter(|r| r.status == "paid").collect();
    assert_eq!(paid_rows.len(), 2, "{rows:?}");
    let code = part(&payments(&one, &ticket).await, DUTY)["receipt_code"].clone();
    assert!(code.is_string(), "{code}");
    // Once more, after it: the receipt code stays the one given.
    let copies = (0..10).map(|i| {
        let node = if i % 2 == 0 { &one } else { two };
        callback(node, duty, paid(duty, order, json!(34)), None)
    });
    futures::future::join_all(copies).await;
    assert_eq!(
        part(&payments(two, &ticket).await, DUTY)["receipt_code"],
        code
    );
    // And the ticket's history tells of two payments, each once.
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&one.db_url).await.unwrap();
    let events: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = $1 AND event = 'paid' AND actor = 'liqpay'",
    )
    .bind(ticket["id"].as_str().unwrap())
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(events, 2);
}

crate::on_both!(paying_through_the_sandbox);
