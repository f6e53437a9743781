//! The database itself refuses what the booking rules forbid, on both
//! databases: with the decision told to ignore what is taken, a second ticket
//! for one window and time, or a second active ticket of one person (by name
//! key or by tax key) for one service, is refused by a unique index and
//! answered with its typed error.

use crate::common::{spawn_app, Db};
use chrono::{NaiveDate, NaiveTime};
use domain::booking::BookingError;
use server::store::{ConfirmKeys, ConfirmOutcome, HoldRow, NewHold, NewTicket, Store, StoreError};

const SEED: &str = "passport-lost-stolen";
const PODIL: &str = "kyiv-podilskyi";

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn place(window: &str) -> HoldRow {
    HoldRow {
        office: PODIL.into(),
        service: SEED.into(),
        day: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
        start: at(9, 0),
        end: at(9, 20),
        window: window.into(),
        expires_at: crate::common::now().timestamp() + 600,
    }
}

/// Holds `window` at 09:00 whatever is taken.
async fn hold(store: &Store, n: u32, window: &str) -> (String, HoldRow) {
    let row = place(window);
    let new = NewHold {
        id: format!("hold-{n}"),
        hold: row.clone(),
    };
    let made = store
        .hold(
            PODIL,
            row.day,
            (row.start, row.end),
            crate::common::now().timestamp(),
            server::store::HoldClient {
                key: format!("client-{n}"),
                replaces: None,
                counted: false,
            },
            move |_, _| Ok(new),
        )
        .await
        .unwrap();
    (made.id, row)
}

/// Confirms the hold for `person` whatever is taken or active.
async fn confirm(
    store: &Store,
    n: u32,
    (person, tax): (&str, Option<&str>),
    (hold_id, row): (String, HoldRow),
) -> Result<ConfirmOutcome, StoreError> {
    let keys = ConfirmKeys {
        hold_id,
        idempotency_hash: format!("key-{n}"),
        request_hash: format!("request-{n}"),
        person_key: person.into(),
        tax_key: tax.map(String::from),
        contact_key: format!("contact-{n}"),
    };
    let window = row.window.clone();
    let ticket = NewTicket {
        id: format!("ticket-{n}"),
        email_key: None,
        window,
        board_prefix: 'A',
        person_key: person.into(),
        tax_key: tax.map(String::from),
        contact_key: format!("contact-{n}"),
        lapse: Vec::new(),
        surname: "Коваль".into(),
        given_name: "Олена".into(),
        patronymic: None,
        birth_date: NaiveDate::from_ymd_opt(1991, 8, 24).unwrap(),
        rnokpp: None,
        phone: Some(format!("+38067000000{n}")),
        email: None,
        answers: "{}".into(),
        token_hash: format!("token-{n}"),
        idempotency_hash: format!("key-{n}"),
        request_hash: format!("request-{n}"),
        token_sealed: "sealed".into(),
        lang: "uk".into(),
        created_at: crate::common::now().timestamp(),
    };
    store
        .confirm(keys, &row, crate::common::now().timestamp(), move |_, _| {
            Ok(ticket.clone())
        })
        .await
}

async fn indexes_refuse(db: Db) {
    let app = spawn_app(db).await;
    let store = app.services.store();

    // One window, one time: the second ticket is refused as taken.
    let first = hold(store, 1, "1").await;
    let second = hold(store, 2, "1").await;
    assert!(matches!(
        confirm(store, 1, ("person-a", Some("tax-a")), first).await,
        Ok(ConfirmOutcome::Created(_))
    ));
    let refused = confirm(store, 2, ("person-b", None), second.clone()).await;
    assert!(matches!(refused, Err(StoreError::Taken)), "{refused:?}");

    // One person, one service, another window: refused as already booked.
    let third = hold(store, 3, "2").await;
    let refused = confirm(store, 3, ("person-a", None), third.clone()).await;
    assert!(
        matches!(
            refused,
            Err(StoreError::Booking(BookingError::AlreadyBooked))
        ),
        "{refused:?}"
    );

    // Another name with the same tax number: refused by the tax key's index.
    let refused = confirm(store, 5, ("person-z", Some("tax-a")), third.clone()).await;
    assert!(
        matches!(
            refused,
            Err(StoreError::Booking(BookingError::AlreadyBooked))
        ),
        "{refused:?}"
    );

    // Each refusal left its hold in place: another person confirms it.
    assert!(matches!(
        confirm(store, 4, ("person-c", Some("tax-c")), third).await,
        Ok(ConfirmOutcome::Created(_))
    ));
    assert!(store.find_hold(&second.0).await.unwrap().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_indexes_refuse_what_the_rules_forbid() {
    indexes_refuse(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_indexes_refuse_what_the_rules_forbid() {
    indexes_refuse(Db::Postgres).await;
}

/// Every partial index over active tickets names exactly the statuses the
/// domain calls active (`serving` joined them with the office's console).
#[tokio::test]
async fn partial_indexes_name_the_active_statuses() {
    use domain::ticket::TicketStatus as S;
    use sqlx::Row;
    let app = spawn_app(Db::Sqlite).await;
    let pool = sqlx::SqlitePool::connect(&app.db_url).await.unwrap();
    let rows = sqlx::query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '%status IN%'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 4);
    let all = [
        S::Booked,
        S::CheckedIn,
        S::Called,
        S::Serving,
        S::Served,
        S::Cancelled,
        S::Annulled,
    ];
    for row in rows {
        let (name, sql): (String, String) = (row.get(0), row.get(1));
        for status in all {
            let named = sql.contains(&format!("'{}'", status.as_str()));
            assert_eq!(named, status.is_active(), "{name}: {status:?}");
        }
    }
}
