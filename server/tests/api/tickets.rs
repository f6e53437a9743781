//! Opening a ticket with its access token (POST body, never a URL), on SQLite
//! and on PostgreSQL.

use crate::common::{confirm_body, seed_slot, spawn_app, Db};
use serde_json::json;

async fn a_ticket_opens_with_its_token_only(db: Db) {
    let app = spawn_app(db).await;
    let (_, hold) = app
        .call("hold", seed_slot("kyiv-podilskyi", "2026-11-25", "10:00"))
        .await;
    let (status, ticket) = app.call("confirm", confirm_body(3, &hold["hold_id"])).await;
    assert_eq!(status, 200, "{ticket}");
    let token = ticket["access_token"].as_str().unwrap();

    let (status, opened) = app
        .call("ticket", json!({ "id": ticket["id"], "token": token }))
        .await;
    assert_eq!(status, 200, "{opened}");
    assert_eq!(opened["number"], ticket["number"]);
    assert_eq!(opened["date"], "2026-11-25");
    assert_eq!(opened["quote"], ticket["quote"]);
    assert_eq!(opened["checklist"], ticket["checklist"]);
    assert_eq!(
        opened["access_token"],
        json!(null),
        "the token is never sent back"
    );

    // A wrong token answers exactly as an unknown id.
    let wrong = format!("{}0", &token[..token.len() - 1]);
    let wrong = if wrong == token {
        format!("{}1", &token[..token.len() - 1])
    } else {
        wrong
    };
    let (s1, e1) = app
        .call("ticket", json!({ "id": ticket["id"], "token": wrong }))
        .await;
    let (s2, e2) = app
        .call("ticket", json!({ "id": "no-such-ticket", "token": token }))
        .await;
    assert_eq!((s1, s2), (404, 404));
    assert_eq!(e1, e2);
    assert_eq!(e1, json!({ "not_found": { "what": "ticket" } }));
    let (status, _) = app
        .call("ticket", json!({ "id": "x".repeat(2000), "token": token }))
        .await;
    assert_eq!(status, 404);
}

on_both!(a_ticket_opens_with_its_token_only);
