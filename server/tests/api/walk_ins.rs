//! Walk-ins at the kiosk, on both databases: the services an office takes
//! today without a booking and the places left; many kiosks taking the
//! last places at once through two nodes (PostgreSQL) get each place once,
//! each number once, in the walk-in series; then the day is full; the
//! ticket opens by its link and waits in the console's queue; an office
//! that offers every place online takes none; after the day's last visit,
//! none either.

use crate::common::{second_node, spawn_app, spawn_with, Db, Options, TestApp};
use crate::console::{add, sign_in, until};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Online 50 %: the rest kept for walk-ins (a Tuesday, 24.11).
const OBOLON: &str = "kyiv-obolonskyi";
const SERVICE: &str = "passport-lost-stolen";

fn cause(answer: &Value) -> String {
    answer["refused"]["cause"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn left(app: &TestApp, office: &str) -> Option<u64> {
    let (status, list) = app
        .call("kiosk_services", json!({ "office": office }))
        .await;
    assert_eq!(status, 200, "{list}");
    list.as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == SERVICE)
        .map(|s| s["left"].as_u64().unwrap())
}

async fn take(app: &TestApp, office: &str) -> (u16, Value) {
    app.call(
        "kiosk_walk_in",
        json!({ "office": office, "service": SERVICE, "lang": "uk" }),
    )
    .await
}

async fn walk_ins_up_to_the_limit(db: Db) {
    let one = spawn_app(db).await;
    let two = second_node(db, &one, Options::default()).await;
    one.advance(until(9, 30));
    if let Some(two) = &two {
        two.advance(until(9, 30));
    }
    let two = two.as_ref().unwrap_or(&one);

    // Podil offers every place online: no walk-ins there.
    assert_eq!(left(&one, "kyiv-podilskyi").await, None);
    let (status, refused) = take(&one, "kyiv-podilskyi").await;
    assert_eq!(
        (status, cause(&refused)),
        (409, "no_walk_ins".into()),
        "{refused}"
    );

    let kept = left(&one, OBOLON).await.expect("walk-ins at Obolon");
    assert!(kept > 2, "{kept} places kept");
    // Every kiosk at once, through both nodes, three more than there are places.
    let calls = (0..kept + 3).map(|i| {
        let node = if i % 2 == 0 { &one } else { two };
        take(node, OBOLON)
    });
    let answers = futures::future::join_all(calls).await;
    let mut numbers = BTreeSet::new();
    let mut full = 0;
    for (status, answer) in &answers {
        match status {
            200 => assert!(numbers.insert(answer["number"].as_str().unwrap().to_string())),
            409 => {
                assert_eq!(cause(answer), "day_full", "{answer}");
                full += 1;
            }
            _ => panic!("{status}: {answer}"),
        }
    }
    assert_eq!((numbers.len() as u64, full), (kept, 3));
    let expected: BTreeSet<String> = (0..kept).map(|i| format!("P-{}", 501 + i)).collect();
    assert_eq!(
        numbers, expected,
        "the walk-in series, no number twice or skipped"
    );
    assert_eq!(left(&one, OBOLON).await, Some(0));
    let (status, refused) = take(two, OBOLON).await;
    assert_eq!(
        (status, cause(&refused)),
        (409, "day_full".into()),
        "{refused}"
    );

    // A walk-in: checked in, no booked time, its place and wait, its link.
    let (_, first) = answers
        .iter()
        .find(|(_, a)| a["number"] == "P-501")
        .unwrap();
    assert_eq!(first["walk_in"], true);
    assert_eq!(first["starts"], Value::Null);
    assert!(first["minutes"].is_u64(), "{first}");
    let link = first["link"].as_str().unwrap();
    let (path, token) = link.split_once('#').unwrap();
    let id = path.strip_prefix("/tickets/").unwrap();
    let (status, ticket) = one
        .call("ticket", json!({ "id": id, "token": token }))
        .await;
    assert_eq!(status, 200, "{ticket}");
    assert_eq!(
        (ticket["status"].as_str(), ticket["number"].as_str()),
        (Some("checked_in"), Some("P-501"))
    );

    // The officer's queue has them, first taken first.
    add(&one, "petro", OBOLON).await;
    let petro = sign_in(&one, "petro").await;
    let window = json!({ "window": "1" });
    let (status, view, _) = one.call_in("console_call_next", window, Some(&petro)).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["current"]["number"], "P-501", "{view}");
    assert_eq!(view["current"]["walk_in"], true);

    // After the start of the day's last visit: none today.
    one.advance(until(19, 0) - until(9, 30));
    let (status, refused) = take(&one, OBOLON).await;
    assert_eq!(
        (status, cause(&refused)),
        (409, "closed_now".into()),
        "{refused}"
    );
    assert_eq!(left(&one, OBOLON).await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_walk_ins_up_to_the_limit() {
    walk_ins_up_to_the_limit(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_walk_ins_up_to_the_limit() {
    walk_ins_up_to_the_limit(Db::Postgres).await;
}

/// With `--kiosk-networks`, check-ins and walk-ins come from the offices'
/// networks only: from outside refused (403), from inside served; the list
/// of services stays a read for anyone.
#[tokio::test]
async fn kiosks_only_from_their_networks() {
    let only = |net: &str| Options {
        limits: server::cli::LimitArgs {
            kiosk_networks: vec![net.parse().unwrap()],
            ..Options::default().limits
        },
        ..Default::default()
    };
    let outside = spawn_with(Db::Sqlite, only("10.20.0.0/16")).await;
    outside.advance(until(9, 30));
    let (status, refused) = take(&outside, OBOLON).await;
    assert_eq!(
        (status, cause(&refused)),
        (403, "forbidden".into()),
        "{refused}"
    );
    let code = json!({ "office": OBOLON, "number": "P-001", "code": "123456" });
    let (status, refused) = outside.call("kiosk_checkin", code).await;
    assert_eq!(
        (status, cause(&refused)),
        (403, "forbidden".into()),
        "{refused}"
    );
    assert!(left(&outside, OBOLON).await.is_some());

    let inside = spawn_with(Db::Sqlite, only("127.0.0.0/8")).await;
    inside.advance(until(9, 30));
    let (status, ticket) = take(&inside, OBOLON).await;
    assert_eq!(status, 200, "{ticket}");
}
