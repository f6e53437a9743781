//! Retention: a ticket whose day lies further back than `--retain-days`
//! (90) loses what names its person, once it is no longer active; the rest
//! stays for the figures, and the ticket still opens. On both databases,
//! and on two PostgreSQL nodes erasing at once.

use crate::common::{second_node, spawn_app, Db, Options, TestApp};
use crate::life::{book, opener, PODIL};
use sqlx::Row;

/// A ticket's stored name, phone, person key and erasure time.
async fn stored(pool: &sqlx::AnyPool, id: &str) -> (String, Option<String>, String, Option<i64>) {
    let row =
        sqlx::query("SELECT surname, phone, person_key, erased_at FROM tickets WHERE id = $1")
            .bind(id.to_string())
            .fetch_one(pool)
            .await
            .unwrap();
    (row.get(0), row.get(1), row.get(2), row.get(3))
}

/// Tickets by day and status: what the office's figures count.
async fn figures(pool: &sqlx::AnyPool) -> Vec<(String, String, i64)> {
    sqlx::query(
        "SELECT day, status, CAST(COUNT(*) AS BIGINT) FROM tickets GROUP BY day, status ORDER BY day, status",
    )
    .fetch_all(pool)
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1), r.get(2)))
    .collect()
}

fn id(ticket: &serde_json::Value) -> String {
    ticket["id"].as_str().unwrap().to_string()
}

async fn pool(app: &TestApp) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(&app.db_url).await.unwrap()
}

async fn past_tickets_lose_their_personal_data(db: Db) {
    let app = spawn_app(db).await;
    let pool = pool(&app).await;
    // The clock says 23.11.2026; two visits this week, one in December.
    let old = book(&app, 1, PODIL, "2026-11-24", "09:00").await;
    let older = book(&app, 2, PODIL, "2026-11-25", "09:00").await;
    let recent = book(&app, 3, PODIL, "2026-12-07", "09:00").await;

    // 24.02.2027: 91 and 92 days after the first two, 79 after the third.
    app.advance(93 * 24 * 3600);
    // Not yet ended: never erased while its status is active.
    assert_eq!(app.services.erase_expired(1000).await.unwrap(), 0);
    assert_eq!(app.services.end_past_days(1000).await.unwrap(), 3);
    let before = figures(&pool).await;
    assert_eq!(app.services.erase_expired(1000).await.unwrap(), 2);
    // Again: nothing left to erase.
    assert_eq!(app.services.erase_expired(1000).await.unwrap(), 0);

    for t in [&old, &older] {
        let (surname, phone, key, erased) = stored(&pool, &id(t)).await;
        assert_eq!(
            (surname.as_str(), phone, key.as_str()),
            ("", None, "erased")
        );
        assert!(erased.is_some());
    }
    let (surname, phone, key, erased) = stored(&pool, &id(&recent)).await;
    assert!(surname.starts_with("Коваль") && phone.is_some() && key != "erased");
    assert_eq!(erased, None);
    // The figures still add up, and an erased ticket still opens.
    assert_eq!(figures(&pool).await, before);
    let (status, opened) = app.call("ticket", opener(&old)).await;
    assert_eq!(status, 200, "{opened}");
    assert_eq!(opened["date"], "2026-11-24", "{opened}");
    let text = opened.to_string();
    assert!(
        !text.contains("Коваль") && !text.contains("+38067"),
        "{text}"
    );
}

on_both!(past_tickets_lose_their_personal_data);

/// Two nodes erase at once, a few tickets at a time: each ticket once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_erase_each_ticket_once() {
    let one = spawn_app(Db::Postgres).await;
    let two = second_node(Db::Postgres, &one, Options::default())
        .await
        .unwrap();
    let times = ["09:00", "09:20", "09:40", "10:00", "10:20", "10:40"];
    for (n, time) in (1..).zip(times) {
        book(&one, n, PODIL, "2026-11-24", time).await;
    }
    one.advance(93 * 24 * 3600);
    two.advance(93 * 24 * 3600);
    assert_eq!(one.services.end_past_days(1000).await.unwrap(), 6);
    let erase = |app: &TestApp| {
        let services = app.services.clone();
        tokio::spawn(async move {
            let mut erased = 0;
            for _ in 0..10 {
                erased += services.erase_expired(2).await.unwrap();
            }
            erased
        })
    };
    let (a, b) = (erase(&one), erase(&two));
    assert_eq!(a.await.unwrap() + b.await.unwrap(), 6);
    let pool = pool(&one).await;
    let left: i64 =
        sqlx::query("SELECT CAST(COUNT(*) AS BIGINT) FROM tickets WHERE erased_at IS NULL")
            .fetch_one(&pool)
            .await
            .unwrap()
            .get(0);
    assert_eq!(left, 0);
}
