//! The Cherga server as a library, so the integration tests start the real thing.

pub mod cli;
pub mod data;
pub mod http;
pub mod service;
pub mod store;
pub mod telemetry;

/// mimalloc serves every allocation of a process that links the server (the
/// `cherga` binary, the benchmark, the tests): a request allocates many small,
/// short-lived buffers across threads, where it is faster than glibc's malloc
/// (README, "Figures").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cli::{DbArgs, ImportArgs, ServeArgs};
use domain::booking::BookingPolicy;
use domain::slots::Horizon;
use service::{CatalogState, Services};
use std::net::SocketAddr;
use std::path::Path;
use store::{OpenError, Store};
use thiserror::Error;
use tokio::net::TcpListener;

/// Why the server stopped.
#[derive(Debug, Error)]
pub enum ServerError {
    /// The data files are broken.
    #[error(transparent)]
    Data(#[from] data::DataError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] OpenError),
    /// The socket could not be bound or served.
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
    /// A step of the start failed (the store logged why).
    #[error("start: {0} failed")]
    Startup(String),
}

/// Connects to the database and applies the migrations.
pub async fn open_store(db: &DbArgs) -> Result<Store, ServerError> {
    let store = Store::connect(&db.db, db.db_pool).await?;
    store.migrate().await?;
    Ok(store)
}

/// `cherga import-catalog`: checks the file and calendars, then stores them.
pub async fn import_catalog(args: &ImportArgs) -> Result<data::Data, ServerError> {
    let holidays = args.holidays.clone().unwrap_or_else(|| {
        args.file
            .parent()
            .unwrap_or(Path::new("."))
            .join("holidays")
    });
    let data = data::load_files(&args.file, &holidays)?;
    let store = open_store(&args.db).await?;
    store
        .save_catalog(&data.file, &data.years, chrono::Utc::now().timestamp())
        .await?;
    Ok(data)
}

/// The catalog in force: the stored one, or (first start) the data files,
/// imported.
async fn catalog_state(store: &Store, data_dir: &Path) -> Result<CatalogState, ServerError> {
    let data = match store.load_catalog().await? {
        Some((file, years)) => data::check(file, years, Path::new("the stored catalog"))?,
        None => {
            let data = data::load(data_dir)?;
            store
                .save_catalog(&data.file, &data.years, chrono::Utc::now().timestamp())
                .await?;
            tracing::info!(
                services = data.catalog.services().len(),
                "imported the catalog from {}",
                data_dir.display()
            );
            data
        }
    };
    Ok(CatalogState {
        catalog: data.catalog,
        calendar: data.calendar,
    })
}

/// Opens the store and builds the services `serve` runs on.
pub async fn services(args: &ServeArgs) -> Result<Services, ServerError> {
    let store = open_store(&args.db).await?;
    let state = catalog_state(&store, &args.data.data_dir).await?;
    let policy = BookingPolicy {
        max_active_per_contact: args.max_per_contact,
        hold_minutes: args.hold_minutes,
    };
    let services = Services::new(
        store,
        state,
        policy,
        Horizon {
            working_days: args.horizon_days,
        },
        std::time::Duration::from_millis(args.read_cache_ms),
    );
    services
        .upgrade_keys()
        .await
        .map_err(|_| ServerError::Startup("the person keys of earlier tickets".into()))?;
    Ok(services)
}

/// How often the holds expired a day ago are deleted.
const HOLD_SWEEP_PERIOD: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Binds `args.addr` and serves until Ctrl-C or SIGTERM.
pub async fn serve(args: ServeArgs) -> Result<(), ServerError> {
    let services = services(&args).await?;
    tokio::spawn(services.clone().sweep_holds_every(HOLD_SWEEP_PERIOD));
    let listener = TcpListener::bind(args.addr).await?;
    let addr: SocketAddr = listener.local_addr()?;
    let router = http::router(services, &args.site_root);
    tracing::info!(%addr, "Cherga is listening on http://{addr}");
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
