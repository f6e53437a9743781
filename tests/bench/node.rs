//! One benchmark node and what it stands on: the catalog widened to 30
//! windows per office, a PostgreSQL schema of its own, the node serving.

use domain::catalog::{CatalogFile, ServiceId, Window};
use server::cli::ServeArgs;
use server::service::Services;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

type Error = Box<dyn std::error::Error>;

const WINDOWS: usize = 30;

/// The catalog of `data` with every bookable service online at every
/// office, in 30 windows each, written to `into` with the holidays.
pub fn roomy_catalog(data: &Path, into: &Path) -> Result<CatalogFile, Error> {
    let mut file: CatalogFile =
        toml::from_str(&std::fs::read_to_string(data.join("catalog.toml"))?)?;
    let bookable: BTreeSet<ServiceId> = file
        .services
        .iter()
        .filter(|s| s.booking_minutes().is_some())
        .map(|s| s.id.clone())
        .collect();
    for office in &mut file.offices {
        office.online_booking = true;
        office.online_share_percent = 100;
        office.online_services = bookable.clone();
        office.windows = (1..=WINDOWS)
            .map(|i| Window {
                id: i.to_string(),
                services: bookable.clone(),
                hours: None,
            })
            .collect();
    }
    std::fs::create_dir_all(into.join("holidays"))?;
    std::fs::write(into.join("catalog.toml"), toml::to_string(&file)?)?;
    for entry in std::fs::read_dir(data.join("holidays"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), into.join("holidays").join(entry.file_name()))?;
    }
    Ok(file)
}

/// A fresh schema of the local PostgreSQL, as a database URL.
pub async fn pg_url() -> Result<String, Error> {
    use sqlx::Connection;
    let base = "postgres://root@127.0.0.1:5432/test";
    let mut conn = sqlx::PgConnection::connect(base).await?;
    let schema = format!(
        "cherga_bench_{}",
        server::service::secrets::random_id().map_err(|e| e.to_string())?
    );
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut conn)
        .await?;
    Ok(format!("{base}?options[search_path]={schema}"))
}

/// One node: services over the database of `args`, listening on a port of
/// its own, its sender running as in `serve`; its clock, if given, reads
/// the time given at the instant given and runs on from there.
pub async fn serve(
    args: &ServeArgs,
    clock: Option<(chrono::DateTime<chrono::Utc>, std::time::Instant)>,
) -> Result<(Services, String), Error> {
    let mut services = server::services(args).await?;
    if let Some((at, t0)) = clock {
        services = services.with_clock(Arc::new(move || {
            at + chrono::TimeDelta::from_std(t0.elapsed()).unwrap_or_default()
        }));
    }
    // Other nodes' cancels and moves, announced by PostgreSQL.
    tokio::spawn(services.clone().follow_other_nodes());
    // With no transport configured the messages stay queued.
    tokio::spawn(
        services
            .clone()
            .deliver_every(std::time::Duration::from_secs(2)),
    );
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    let addr = listener.local_addr()?;
    let router = server::http::router(services.clone(), &args.site_root);
    server::http::listen::spawn(listener, router, &args.limits);
    Ok((services, format!("http://{addr}")))
}
