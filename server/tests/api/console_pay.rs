//! Payments at the office, on both databases (two nodes on PostgreSQL):
//! the console shows the payments of the ticket at the window; a receipt
//! paid at a bank is recorded with its code, bank and amount (the amount
//! due, a code of receipt form); the applicant's ticket shows it paid; the
//! same code never pays for a second ticket, however many offices try at
//! once; staff of another office cannot record one.

use crate::common::{second_node, spawn_app, Db, Options, TestApp};
use crate::console::{act, add, call_next, sign_in, until, DAY, PODIL};
use crate::life::book;
use crate::payments::{part, payments, DUTY, FEES};
use serde_json::{json, Value};

async fn record(
    app: &TestApp,
    cookie: &str,
    ticket: &Value,
    recipient: &str,
    code: &str,
    amount: u64,
) -> (u16, Value) {
    let body = json!({ "window": "1", "ticket": ticket["id"], "recipient": recipient,
        "code": code, "bank": "ПриватБанк", "amount": amount });
    let (status, view, _) = app
        .call_in("console_bank_receipt", body, Some(cookie))
        .await;
    (status, view)
}

fn cause(answer: &Value) -> &str {
    answer["payment"]["cause"].as_str().unwrap_or_default()
}

async fn bank_receipts_at_the_window(db: Db) {
    let one = spawn_app(db).await;
    let two = second_node(db, &one, Options::default()).await;
    add(&one, "olena", PODIL).await;
    add(&one, "ivan", "lviv-frankivskyi").await;
    let a = book(&one, 1, PODIL, DAY, "09:00").await;
    let b = book(&one, 2, PODIL, DAY, "09:20").await;
    one.advance(until(9, 0));
    if let Some(two) = &two {
        two.advance(until(9, 0));
    }
    let two = two.as_ref().unwrap_or(&one);
    let olena = sign_in(&one, "olena").await;
    let (status, _) = act(&one, &olena, "1", &a, "check_in").await;
    assert_eq!(status, 200);
    let (status, view) = call_next(&one, &olena, "1").await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["current"]["id"], a["id"]);
    let listed = view["payments"].as_array().unwrap();
    assert_eq!(listed.len(), 2, "{view}");
    assert!(listed.iter().all(|p| p["state"] == "unpaid"));

    // Not the amount due; not a receipt code.
    let (status, refused) = record(&one, &olena, &a, DUTY, "1A2B-3C4D-5E6F-7A8B", 3300).await;
    assert_eq!(
        (status, cause(&refused)),
        (422, "wrong_amount"),
        "{refused}"
    );
    let (status, refused) = record(&one, &olena, &a, DUTY, "12", 3400).await;
    assert_eq!((status, cause(&refused)), (422, "bad_code"), "{refused}");
    // Another office's officer: refused, whatever the ticket.
    let ivan = sign_in(&one, "ivan").await;
    let body = json!({ "office": PODIL, "window": "1", "ticket": a["id"], "recipient": DUTY,
        "code": "1A2B-3C4D-5E6F-7A8B", "bank": "ПриватБанк", "amount": 3400 });
    let (status, _, _) = one.call_in("console_bank_receipt", body, Some(&ivan)).await;
    assert_eq!(status, 403);

    // Recorded: the console and the applicant's ticket say paid.
    let (status, view) = record(&one, &olena, &a, DUTY, "1a2b-3c4d-5e6f-7a8b", 3400).await;
    assert_eq!(status, 200, "{view}");
    let duty = view["payments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["recipient"] == DUTY)
        .unwrap();
    assert_eq!(duty["state"], "paid");
    assert_eq!(duty["code"], "1A2B3C4D5E6F7A8B");
    assert_eq!(duty["bank"], "ПриватБанк");
    assert_eq!(part(&payments(two, &a).await, DUTY)["state"], "paid");
    let (status, again) = record(&one, &olena, &a, DUTY, "9999-0000-1111-2222", 3400).await;
    assert_eq!((status, cause(&again)), (409, "already_paid"), "{again}");
    // The same paper for another ticket: refused.
    let (status, used) = record(&one, &olena, &b, DUTY, "1A2B3C4D5E6F7A8B", 3400).await;
    assert_eq!((status, cause(&used)), (409, "code_used"), "{used}");

    // One new code tried for both tickets' fees at once, through both
    // nodes: it pays for exactly one.
    let tries = (0..20).map(|i| {
        let (node, ticket) = if i % 2 == 0 { (&one, &a) } else { (two, &b) };
        record(node, &olena, ticket, FEES, "5555-6666-7777-8888", 34500)
    });
    let answers = futures::future::join_all(tries).await;
    let ok = answers.iter().filter(|(s, _)| *s == 200).count();
    assert_eq!(ok, 1, "{answers:?}");
    assert!(
        answers
            .iter()
            .all(|(s, v)| *s == 200
                || (*s == 409 && matches!(cause(v), "code_used" | "already_paid")))
    );
    let paid_fees = [&a, &b].len()
        - futures::future::join_all([&a, &b].map(|t| payments(&one, t)))
            .await
            .iter()
            .filter(|list| part(list, FEES)["state"] == "unpaid")
            .count();
    assert_eq!(paid_fees, 1);
}

crate::on_both!(bank_receipts_at_the_window);
