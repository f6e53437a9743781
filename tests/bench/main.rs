//! The booking benchmark: bookings per second (hold + confirm) and availability
//! reads per second with N concurrent clients over HTTP, on SQLite and on
//! PostgreSQL, next to the same work without HTTP (the raw database limit), and
//! an overbooking audit. Not a test: it prints a table to copy into the README.
//!
//!     cargo run --release -p e2e --bin bench -- [--clients 64] [--bookings 4000] [--reads 40000] [--db sqlite|postgres|both] [--mode http|direct|both]

mod load;
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
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        clients: 64,
        bookings: 4000,
        reads: 40000,
        dbs: vec![setup::Db::Sqlite, setup::Db::Postgres],
        modes: vec![Mode::Http, Mode::Direct],
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--clients" => a.clients = number()?,
            "--bookings" => a.bookings = number()?,
            "--reads" => a.reads = number()?,
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

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = args()?;
    println!(
        "clients: {}, bookings: {}, reads: {}, cores: {}",
        a.clients,
        a.bookings,
        a.reads,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!();
    println!("| database | work | done | per second | p50 ms | p99 ms | refused |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    let mut audits = Vec::new();
    for db in &a.dbs {
        let name = db.name();
        for mode in a.modes.clone() {
            let env = setup::Env::start(*db).await?;
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
