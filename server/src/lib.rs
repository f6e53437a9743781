//! The Cherga server as a library, so the integration tests start the real thing.

pub mod cli;
pub mod data;
pub mod http;
pub mod messages;
pub mod metrics;
pub mod pay;
pub mod service;
pub mod store;
pub mod telemetry;

/// mimalloc serves every allocation of a process that links the server (the
/// `cherga` binary, the benchmark, the tests): a request allocates many small,
/// short-lived buffers across threads, where it is faster than glibc's malloc
/// (README, "Figures").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cli::{DbArgs, ImportArgs, MessageArgs, ServeArgs};
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
    /// A command refused what it was given (said in the message).
    #[error("{0}")]
    Refused(String),
    /// A step of the start failed (the store logged why).
    #[error("start: {0} failed")]
    Startup(String),
    /// The secret of the personal keys is missing, short, or not this
    /// database's.
    #[error("the personal keys: {0}")]
    Keys(String),
    /// E-mail or SMS is configured wrong.
    #[error(transparent)]
    Messages(#[from] messages::ConfigError),
}

/// The transports and settings of messages.
pub fn messaging(args: &MessageArgs) -> Result<service::outbox::Messaging, ServerError> {
    let mail = args
        .smtp
        .as_deref()
        .map(|url| messages::mail::Mailer::new(url, &args.mail_from))
        .transpose()?;
    let sms = args
        .sms_token
        .as_deref()
        .map(|token| messages::sms::TurboSms::new(&args.sms_url, token, &args.sms_sender))
        .transpose()?;
    Ok(service::outbox::Messaging {
        transports: messages::Transports { mail, sms },
        public_url: args.public_url.clone(),
        reminder: domain::ticket::ReminderRule {
            hour: args.remind_hour,
        },
    })
}

/// Connects to the database and applies the migrations.
pub async fn open_store(db: &DbArgs) -> Result<Store, ServerError> {
    let store = Store::connect_with(&db.db, db.pool()).await?;
    store.migrate().await?;
    Ok(store)
}

/// `cherga import-catalog`: checks the file and calendars, then stores them
/// as the next version, which the running nodes put in force within
/// seconds (at once on PostgreSQL). Answers the data and its version.
pub async fn import_catalog(args: &ImportArgs) -> Result<(data::Data, i64), ServerError> {
    let holidays = args.holidays.clone().unwrap_or_else(|| {
        args.file
            .parent()
            .unwrap_or(Path::new("."))
            .join("holidays")
    });
    let data = data::load_files(&args.file, &holidays)?;
    let store = open_store(&args.db).await?;
    let version = store
        .save_catalog(&data.file, &data.years, chrono::Utc::now().timestamp())
        .await?;
    Ok((data, version))
}

/// The catalog in force: the stored one, or (first start) the data files,
/// imported.
async fn catalog_state(store: &Store, data_dir: &Path) -> Result<CatalogState, ServerError> {
    let (data, version) = match store.load_catalog().await? {
        Some((file, years, version)) => (
            data::check(file, years, Path::new("the stored catalog"))?,
            version,
        ),
        None => {
            let data = data::load(data_dir)?;
            let version = store
                .save_catalog(&data.file, &data.years, chrono::Utc::now().timestamp())
                .await?;
            tracing::info!(
                services = data.catalog.services().len(),
                "imported the catalog from {}",
                data_dir.display()
            );
            (data, version)
        }
    };
    Ok(CatalogState {
        catalog: data.catalog,
        calendar: data.calendar,
        years: data.years,
        version,
    })
}

/// Opens the store and builds the services `serve` runs on.
pub async fn services(args: &ServeArgs) -> Result<Services, ServerError> {
    let node = args
        .node_name
        .clone()
        .unwrap_or_else(|| format!("{}:{}", store::host_name(), args.addr.port()));
    store::name_node(node);
    let store = open_store(&args.db).await?;
    let state = catalog_state(&store, &args.data.data_dir).await?;
    let pages = data::help_pages(&args.data.data_dir)?;
    let added = store
        .fill_help_pages(pages, chrono::Utc::now().timestamp())
        .await
        .map_err(|_| ServerError::Startup("the help pages".into()))?;
    if added > 0 {
        tracing::info!(pages = added, "wrote the help pages from the data files");
    }
    let keys = args.keys.load(&args.db.db).map_err(ServerError::Keys)?;
    let policy = BookingPolicy {
        max_active_per_contact: args.max_per_contact,
        hold_minutes: args.hold_minutes,
        max_holds_per_client: args.limits.max_holds_per_client,
    };
    let services = Services::new(
        store,
        state,
        policy,
        Horizon {
            working_days: args.horizon_days,
        },
        std::time::Duration::from_millis(args.read_cache_ms),
        keys,
    )
    .with_messaging(messaging(&args.messages)?)
    .with_limits(args.limits.clone())
    .with_office_rules(args.office.rules())
    .with_retention(args.retain_days)
    .with_sessions(http::session::Sessions::open(&args.db.db).await?)
    .share_secrets()
    .await
    .map_err(|_| ServerError::Startup("the secrets the nodes share".into()))?
    .share_office_secrets()
    .await
    .map_err(|_| ServerError::Startup("the check-in codes' key".into()))?
    .with_payments(&args.pay)
    .await
    .map_err(ServerError::Startup)?;
    services.adopt_keys().await.map_err(ServerError::Keys)?;
    if args.clock_ahead_seconds == 0 {
        return Ok(services);
    }
    let ahead = chrono::Duration::seconds(args.clock_ahead_seconds);
    tracing::warn!(
        seconds = args.clock_ahead_seconds,
        "the clock runs ahead of the machine's: for tests and demonstrations only"
    );
    Ok(services.with_clock(std::sync::Arc::new(move || chrono::Utc::now() + ahead)))
}

/// How often the holds expired a day ago are deleted.
const HOLD_SWEEP_PERIOD: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// How often the payments still pending are asked about.
const PAYMENT_POLL_PERIOD: std::time::Duration = std::time::Duration::from_secs(60);

/// How often the tickets said not here are looked at for their grace time's end.
const ANNUL_PERIOD: std::time::Duration = std::time::Duration::from_secs(5);

/// Binds `args.addr` and serves until Ctrl-C or SIGTERM.
pub async fn serve(args: ServeArgs) -> Result<(), ServerError> {
    let services = services(&args).await?;
    tokio::spawn(services.clone().sweep_holds_every(HOLD_SWEEP_PERIOD));
    tokio::spawn(services.clone().annul_absent_every(ANNUL_PERIOD));
    let channels = services.channels();
    if channels.is_empty() {
        tracing::info!("no e-mail or SMS configured: messages stay in the outbox (cherga outbox)");
    } else {
        tracing::info!(?channels, "sending messages");
    }
    let poll = std::time::Duration::from_millis(args.messages.outbox_poll_ms.max(100));
    tokio::spawn(services.clone().deliver_every(poll));
    tokio::spawn(services.clone().follow_other_nodes());
    tokio::spawn(services.clone().follow_catalog_every(service::CATALOG_POLL));
    tokio::spawn(services.clone().poll_payments_every(PAYMENT_POLL_PERIOD));
    if let Some(sessions) = services.sessions() {
        tokio::spawn(sessions.clone().delete_expired_every(HOLD_SWEEP_PERIOD));
    }
    let limiters = services.limiters().clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            limiters.forget_idle();
        }
    });
    let listener = TcpListener::bind(args.addr).await?;
    let addr: SocketAddr = listener.local_addr()?;
    let limits = http::listen::ConnLimits::of(&args.limits);
    let router = http::router(services, &args.site_root);
    tracing::info!(%addr, "Cherga is listening on http://{addr}");
    http::listen::serve(listener, router, limits, shutdown()).await?;
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

/// The outbox as `cherga outbox` prints it: one message a line, newest
/// first (when queued, in UTC; what; channel; state; tries; last failure;
/// the ticket's id, which is random and names nobody, or a sign-in code not
/// sent yet, for a demo without e-mail or SMS; never the address).
pub fn outbox_table(entries: &[store::OutboxEntry]) -> String {
    let mut out = format!(
        "{:<20} {:<10} {:<6} {:<8} {:>5}  {:<16} ticket or code",
        "queued (UTC)", "kind", "via", "state", "tries", "last failure"
    );
    for e in entries {
        let at = chrono::DateTime::from_timestamp(e.created_at, 0)
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        out.push_str(&format!(
            "\n{at:<20} {:<10} {:<6} {:<8} {:>5}  {:<16} {}",
            e.kind,
            e.channel,
            e.state,
            e.attempts,
            e.last_error.as_deref().unwrap_or("-"),
            match (&e.ticket_id, &e.code) {
                (Some(t), _) => t.clone(),
                (None, Some(code)) => format!("code {code}"),
                (None, None) => "-".into(),
            }
        ));
    }
    if entries.is_empty() {
        out.push_str("\n(no messages)");
    }
    out
}
