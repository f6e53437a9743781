//! The reports' benchmark (`--reports DAYS`): DAYS days of 20 offices with
//! 200 tickets a day each (a year: 1.46 million tickets and their history,
//! written by SQL on the database), then each report of one office over
//! the whole range, timed through the service as the staff API calls it.

use crate::setup::{self, Db, Env};
use domain::office::staff::{Role, Staff};
use office::api::ReportRequest;
use sqlx::Connection;
use std::time::Instant;

/// Offices, and tickets a day at each.
const OFFICES: i64 = 20;
const PER_DAY: i64 = 200;
/// The office reported on (a real one; the others are made up).
const OFFICE: &str = "kyiv-obolonskyi";

/// The tickets: every tenth annulled, every tenth cancelled, the rest
/// served; every seventh a walk-in. `{n}` tickets, `{day0}` the first day.
fn tickets_sql(db: Db) -> &'static str {
    match db {
        Db::Sqlite => {
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1)
             INSERT INTO tickets (id, office_id, service_id, day, start_time, end_time, window_id,
                 board_number, board_seq, status, paid, person_key, contact_key, surname, given_name,
                 birth_date, answers, token_hash, idempotency_hash, token_sealed, created_at, lang,
                 keys_version, walk_in, joined_at, called_at, serving_at, served_at, first_joined_at, first_called_at)
             SELECT printf('bench%027d', i),
                    CASE WHEN i % 20 = 0 THEN 'kyiv-obolonskyi' ELSE 'bench-' || (i % 20) END,
                    'passport-lost-stolen', date($2, '+' || (i / 4000) || ' days'), '09:00', '09:20', '1',
                    'P-' || ((i / 20) % 200), (i / 20) % 200,
                    CASE i % 10 WHEN 0 THEN 'annulled' WHEN 1 THEN 'cancelled' ELSE 'served' END,
                    0, 'bench', 'bench', '', '', '', '{}', 'bench-t' || i, 'bench-i' || i, '',
                    $3 + (i / 4000) * 86400, 'uk', 3, CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120 + 300 + i % 13 * 60,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120 + 330 + i % 13 * 60,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120 + 930 + i % 13 * 60 + i % 11 * 60,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120 + 300 + i % 13 * 60
               FROM n"
        }
        Db::Postgres => {
            "INSERT INTO tickets (id, office_id, service_id, day, start_time, end_time, window_id,
                 board_number, board_seq, status, paid, person_key, contact_key, surname, given_name,
                 birth_date, answers, token_hash, idempotency_hash, token_sealed, created_at, lang,
                 keys_version, walk_in, joined_at, called_at, serving_at, served_at, first_joined_at, first_called_at)
             SELECT 'bench' || lpad(i::text, 27, '0'),
                    CASE WHEN i % 20 = 0 THEN 'kyiv-obolonskyi' ELSE 'bench-' || (i % 20) END,
                    'passport-lost-stolen', (CAST($2 AS date) + (i / 4000)::int)::text, '09:00', '09:20', '1',
                    'P-' || ((i / 20) % 200), (i / 20) % 200,
                    CASE i % 10 WHEN 0 THEN 'annulled' WHEN 1 THEN 'cancelled' ELSE 'served' END,
                    0, 'bench', 'bench', '', '', '', '{}', 'bench-t' || i, 'bench-i' || i, '',
                    $3 + (i / 4000) * 86400, 'uk', 3, CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120 + 300 + i % 13 * 60,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120 + 330 + i % 13 * 60,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120 + 930 + i % 13 * 60 + i % 11 * 60,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120,
                    $3 + (i / 4000) * 86400 + 25200 + (i / 20) % 200 * 120 + 300 + i % 13 * 60
               FROM generate_series(CAST(0 AS BIGINT), CAST($1 AS BIGINT) - 1) AS s(i)"
        }
    }
}

/// Each ticket's history: booked; the served and the annulled checked in
/// and called; the served started and served.
const EVENTS_SQL: &str = "INSERT INTO ticket_events (ticket_id, seq, event, from_status, to_status, actor, at, node)
    SELECT id, 1, 'book', 'booked', 'booked', 'applicant', created_at, 'bench' FROM tickets WHERE id LIKE 'bench%'
    UNION ALL SELECT id, 2, CASE walk_in WHEN 1 THEN 'walk_in' ELSE 'check_in' END, 'booked', 'checked_in',
        'applicant', joined_at, 'bench' FROM tickets WHERE id LIKE 'bench%' AND status <> 'cancelled'
    UNION ALL SELECT id, 3, 'call', 'checked_in', 'called', 'officer:bench', called_at, 'bench'
        FROM tickets WHERE id LIKE 'bench%' AND status <> 'cancelled'
    UNION ALL SELECT id, 4, 'start_serving', 'called', 'serving', 'officer:bench', serving_at, 'bench'
        FROM tickets WHERE id LIKE 'bench%' AND status = 'served'
    UNION ALL SELECT id, 5, 'serve', 'serving', 'served', 'officer:bench', served_at, 'bench'
        FROM tickets WHERE id LIKE 'bench%' AND status = 'served'";

pub async fn run(dbs: &[Db], days: usize) -> Result<(), Box<dyn std::error::Error>> {
    println!("| database | tickets | history lines | written in s | report: first s | median of 5 s | days listed |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let days = i64::try_from(days)?;
    let first = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).ok_or("no day")?;
    let last = first + chrono::Days::new(u64::try_from(days - 1)?);
    let midnight = domain::slots::kyiv_instant(first, chrono::NaiveTime::MIN)
        .ok_or("no midnight")?
        .timestamp();
    for db in dbs {
        let env = Env::start(*db, setup::Start::default()).await?;
        sqlx::any::install_default_drivers();
        let mut conn = sqlx::AnyConnection::connect(&env.db_url).await?;
        let t0 = Instant::now();
        let n = days * OFFICES * PER_DAY;
        let tickets = sqlx::query(tickets_sql(*db))
            .bind(n)
            .bind(first.to_string())
            .bind(midnight)
            .execute(&mut conn)
            .await?
            .rows_affected();
        let lines = sqlx::query(EVENTS_SQL)
            .execute(&mut conn)
            .await?
            .rows_affected();
        sqlx::query("ANALYZE").execute(&mut conn).await?;
        let written = t0.elapsed().as_secs_f64();
        let root = Staff {
            id: "bench".into(),
            role: Role::SystemAdmin,
            office: None,
        };
        let req = ReportRequest {
            office: Some(OFFICE.into()),
            from: first,
            to: last,
        };
        let mut times = Vec::new();
        let mut listed = 0;
        for _ in 0..6 {
            let t = Instant::now();
            let report = env
                .services()
                .report(&root, &req)
                .await
                .map_err(|e| format!("{e:?}"))?;
            times.push(t.elapsed().as_secs_f64());
            listed = report.days.len();
        }
        let first_run = times.remove(0);
        times.sort_by(f64::total_cmp);
        println!(
            "| {} | {tickets} | {lines} | {written:.1} | {first_run:.3} | {:.3} | {listed} |",
            db.name(),
            times[times.len() / 2]
        );
    }
    Ok(())
}
