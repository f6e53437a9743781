//! The booking benchmark: bookings per second (hold + confirm) and availability
//! reads per second with N concurrent clients over HTTP, on SQLite and on
//! PostgreSQL, next to the same work without HTTP (the raw database limit), and
//! an overbooking audit. Not a test: it prints a table to copy into the README.
//!
//!     cargo run --release -p e2e --bin bench -- [--clients 64] [--bookings 4000] [--reads 40000] [--db sqlite|postgres|both] [--mode http|direct|both] [--nodes 1]
//!
//! `--nodes N` runs N server nodes over the one database (PostgreSQL), a
//! booking's hold on one and its confirm on the next. `--rush N` runs the
//! midnight rush instead (`--reports DAYS`: the reports over DAYS days of 20
//! offices, 200 tickets a day each); the servers' clock starts at 00:00 Kyiv of the
//! next working day, and N clients ask for the newly opened day's places,
//! arriving evenly over `--spread` seconds (3). `--in-flight N` sets each
//! node's limit of API requests in flight (`--max-in-flight` of `serve`).

mod load;
mod node;
mod reports;
mod rush;
mod setup;

use load::{Mode, Report};
use std::time::Duration;

#[derive(Debug, Clone)]
struct Args {
    clients: usize,
    bookings: usize,
    reads: usize,
    dbs: Vec<setup::Db>,
    modes: Vec<Mode>,
    nodes: usize,
    rush: usize,
    /// Days of tickets for the reports' benchmark (0: not run).
    report_days: usize,
    spread: u64,
    in_flight: Option<usize>,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        clients: 64,
        bookings: 4000,
        reads: 40000,
        dbs: vec![setup::Db::Sqlite, setup::Db::Postgres],
        modes: vec![Mode::Http, Mode::Direct],
        nodes: 1,
        rush: 0,
        report_days: 0,
        spread: 3,
        in_flight: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--clients" => a.clients = number()?,
            "--bookings" => a.bookings = number()?,
            "--reads" => a.reads = number()?,
            "--nodes" => a.nodes = number()?.max(1),
            "--rush" => a.rush = number()?,
            "--reports" => a.report_days = number()?,
            "--in-flight" => a.in_flight = Some(number()?),
            "--spread" => a.spread = u64::try_from(number()?).unwrap_or(3),
            "--db" => {
                a.dbs = match value.as_str() {
                    "sqlite" => vec![setup::Db::Sqlite],
                    "postgres" => vec![setup::Db::Postgres],
                    "both" => vec![setup::Db::Sqlite, setup::Db::Postgres],
                    other => return Err(format!("--db {other}: sqlite, postgres or both")),
                }
            }
            "--mode" => {
                a.modes = match value.as_str() {
                    "http" => vec![Mode::Http],
                    "direct" => vec![Mode::Direct],
                    "both" => vec![Mode::Http, Mode::Direct],
                    other => return Err(format!("--mode {other}: http, direct or both")),
                }
            }
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(a)
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn row(db: &str, what: &str, r: &Report) {
    println!(
        "| {db} | {what} | {} | {:.0} | {} | {} | {} |",
        r.ok,
        r.per_second(),
        ms(r.percentile(50.0)),
        ms(r.percentile(99.0)),
        r.failed
    );
}

/// 00:00 Kyiv of the first working day after today: the moment the
/// horizon opens a new day.
fn next_midnight() -> Result<chrono::DateTime<chrono::Utc>, Box<dyn std::error::Error>> {
    let calendar = setup::calendar()?;
    let mut day = domain::slots::kyiv_today(chrono::Utc::now());
    loop {
        day = day.succ_opt().ok_or("no next day")?;
        if calendar.is_working_day(day)? {
            break;
        }
    }
    Ok(domain::slots::kyiv_instant(day, chrono::NaiveTime::MIN).ok_or("no midnight")?)
}

async fn midnight_rush(a: &Args) -> Result<(), Box<dyn std::error::Error>> {
    println!("| database | nodes | clients | places | placed | not placed | busy, wait | refused | p50 s | p90 s | p99 s | max s | from the draw: p50 s | p99 s | overbooked |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for db in &a.dbs {
        let start = setup::Start {
            nodes: a.nodes,
            clock: Some(next_midnight()?),
            in_flight: a.in_flight,
        };
        let env = setup::Env::start(*db, start).await?;
        let new_day = *env.dates()?.last().ok_or("no open day")?;
        let places = env.plan_on(usize::MAX, &[new_day])?;
        let spread = std::time::Duration::from_secs(a.spread);
        let window = server::cli::LimitArgs::default().lottery_seconds;
        let draw = env.clock_from + std::time::Duration::from_secs(window.max(0).unsigned_abs());
        let r = rush::rush(&env, places, a.rush, spread, draw).await;
        let s = |p: f64| format!("{:.2}", r.answered.percentile(p).as_secs_f64());
        let d = |p: f64| format!("{:.2}", r.served.percentile(p).as_secs_f64());
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            db.name(),
            a.nodes,
            a.rush,
            r.places,
            r.placed,
            r.unplaced,
            r.busy,
            r.refused,
            s(50.0),
            s(90.0),
            s(99.0),
            s(100.0),
            d(50.0),
            d(99.0),
            env.overbookings().await?
        );
    }
    Ok(())
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = args()?;
    println!(
        "clients: {}, bookings: {}, reads: {}, nodes: {}, cores: {}",
        a.clients,
        a.bookings,
        a.reads,
        a.nodes,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    if a.rush > 0 {
        return midnight_rush(&a).await;
    }
    if a.report_days > 0 {
        return reports::run(&a.dbs, a.report_days).await;
    }
    println!();
    println!("| database | work | done | per second | p50 ms | p99 ms | refused |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    let mut audits = Vec::new();
    for db in &a.dbs {
        let name = db.name();
        for mode in a.modes.clone() {
            let start = setup::Start {
                nodes: a.nodes,
                clock: None,
                in_flight: a.in_flight,
            };
            let env = setup::Env::start(*db, start).await?;
            let plan = env.plan(a.bookings)?;
            let booked = load::bookings(&env, mode, &plan, a.clients).await;
            row(name, &format!("bookings ({})", mode.name()), &booked);
            if std::env::var("BENCH_PROBE").is_ok() {
                env.probe(&plan).await;
            }
            let read = load::reads(&env, mode, &plan, a.reads, a.clients).await;
            row(
                name,
                &format!("availability reads ({})", mode.name()),
                &read,
            );
            audits.push((name, mode.name(), env.overbookings().await?));
        }
    }
    println!();
    for (db, mode, over) in audits {
        println!("overbooked times, {db} {mode}: {over}");
    }
    Ok(())
}
