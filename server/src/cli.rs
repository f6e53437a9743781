//! Command-line flags; each also reads an environment variable.

pub mod keys;
mod limits;
pub mod office;
pub mod staff;

use clap::{Args, Parser, Subcommand};
pub use limits::{parse_net, LimitArgs};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Cherga: the electronic queue for migration-service offices.
#[derive(Debug, Parser)]
#[command(name = "cherga", version, about)]
pub struct Cli {
    /// Log filter (tracing `EnvFilter` syntax), e.g. `info` or `server=debug,info`.
    #[arg(long, env = "CHERGA_LOG", default_value = "info", global = true)]
    pub log: String,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web app and its API (migrates the database and, if it holds no
    /// catalog yet, imports the one in --data-dir).
    Serve(Box<ServeArgs>),
    /// Apply the database migrations and exit.
    Migrate(DbArgs),
    /// Import (or re-import) a catalog file and the holiday calendars beside it;
    /// tickets are kept.
    ImportCatalog(ImportArgs),
    /// Check the catalog and holiday files and print a summary.
    CheckData(DataArgs),
    /// Print the latest messages of the outbox (what they tell, to which
    /// channel, whether sent), newest first; no personal data.
    Outbox(OutboxArgs),
    /// Staff accounts: `staff add --login NAME --role officer|admin|sysadmin
    /// --office ID` (the password from a prompt or stdin), `staff list`.
    Staff(staff::StaffArgs),
}

/// Flags of `outbox`.
#[derive(Debug, Clone, Args)]
pub struct OutboxArgs {
    /// How many messages.
    #[arg(long, default_value_t = 50)]
    pub limit: i64,
    /// The database.
    #[command(flatten)]
    pub db: DbArgs,
}

/// How messages reach applicants. With neither e-mail nor SMS configured
/// (the demo's default) they stay in the outbox (`cherga outbox`).
#[derive(Debug, Clone, Args)]
pub struct MessageArgs {
    /// The SMTP server for e-mail: `smtp://HOST:PORT` (unencrypted: a relay
    /// on loopback), `smtp://USER:PASSWORD@HOST:587?tls=required` (STARTTLS)
    /// or `smtps://USER:PASSWORD@HOST:465`.
    #[arg(long, env = "CHERGA_SMTP")]
    pub smtp: Option<String>,
    /// The sender of e-mail.
    #[arg(
        long,
        env = "CHERGA_MAIL_FROM",
        default_value = "Cherga <cherga@localhost>"
    )]
    pub mail_from: String,
    /// The address of TurboSMS's API; SMS are sent when the environment
    /// holds the provider's token in `CHERGA_SMS_TOKEN`.
    #[arg(long, env = "CHERGA_SMS_URL", default_value = crate::messages::sms::TURBOSMS_URL)]
    pub sms_url: String,
    /// The sender name registered with the SMS provider (at most 11 characters).
    #[arg(long, env = "CHERGA_SMS_SENDER", default_value = "Cherga")]
    pub sms_sender: String,
    /// The SMS provider's token, from the environment only (never a flag:
    /// flags show in the process list).
    #[arg(skip = std::env::var("CHERGA_SMS_TOKEN").ok().filter(|t| !t.is_empty()))]
    pub sms_token: Option<String>,
    /// The site's address as applicants reach it (for the links in messages).
    #[arg(
        long,
        env = "CHERGA_PUBLIC_URL",
        default_value = "http://127.0.0.1:3000"
    )]
    pub public_url: String,
    /// The hour (Kyiv, 0–23) from which the day before a visit its reminder goes.
    #[arg(long, env = "CHERGA_REMIND_HOUR", default_value_t = 18,
          value_parser = clap::value_parser!(u32).range(0..24))]
    pub remind_hour: u32,
    /// How often (ms) the outbox is looked at for messages queued by other
    /// nodes and for retries (this node's own are sent at once).
    #[arg(long, env = "CHERGA_OUTBOX_POLL_MS", default_value_t = 2000)]
    pub outbox_poll_ms: u64,
}

impl Default for MessageArgs {
    fn default() -> Self {
        MessageArgs {
            smtp: None,
            mail_from: "Cherga <cherga@localhost>".into(),
            sms_url: crate::messages::sms::TURBOSMS_URL.into(),
            sms_sender: "Cherga".into(),
            sms_token: None,
            public_url: "http://127.0.0.1:3000".into(),
            remind_hour: 18,
            outbox_poll_ms: 2000,
        }
    }
}

/// Where the data files are.
#[derive(Debug, Clone, Args)]
pub struct DataArgs {
    /// The folder holding `catalog.toml` and `holidays/YYYY.toml`.
    #[arg(long, env = "CHERGA_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
}

/// Which database.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// `sqlite://PATH` (the embedded default; created on first start) or
    /// `postgres://USER@HOST:PORT/DB` for several nodes.
    #[arg(long, env = "CHERGA_DB", default_value = "sqlite://data/cherga.sqlite")]
    pub db: String,
    /// Database connections in the pool.
    #[arg(long, env = "CHERGA_DB_POOL", default_value_t = 16)]
    pub db_pool: u32,
    /// PostgreSQL: connections of a pool of their own for reads and health
    /// checks, so that writes waiting for a lock never starve them.
    #[arg(long, env = "CHERGA_DB_READ_POOL", default_value_t = 4)]
    pub db_read_pool: u32,
    /// PostgreSQL: the longest a statement may run (ms), `statement_timeout`.
    #[arg(long, env = "CHERGA_DB_STATEMENT_TIMEOUT_MS", default_value_t = 10000)]
    pub db_statement_timeout_ms: u64,
    /// PostgreSQL: the longest a write waits for a lock (ms), `lock_timeout`;
    /// then it is answered "busy, try again".
    #[arg(long, env = "CHERGA_DB_LOCK_TIMEOUT_MS", default_value_t = 5000)]
    pub db_lock_timeout_ms: u64,
    /// PostgreSQL: the longest a transaction may stay idle (ms),
    /// `idle_in_transaction_session_timeout`.
    #[arg(long, env = "CHERGA_DB_IDLE_TX_TIMEOUT_MS", default_value_t = 15000)]
    pub db_idle_tx_timeout_ms: u64,
    /// SQLite: `full` answers a booking once it is synced to the disk (it
    /// survives a power cut); `normal` syncs at checkpoints only (it survives
    /// a killed process, but a power cut may lose the last bookings answered).
    #[arg(long, env = "CHERGA_SQLITE_SYNC", default_value = "full", value_parser = parse_sync)]
    pub sqlite_sync: crate::store::Durability,
}

/// `full` or `normal`.
fn parse_sync(text: &str) -> Result<crate::store::Durability, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "full" => Ok(crate::store::Durability::Full),
        "normal" => Ok(crate::store::Durability::Normal),
        _ => Err(format!("{text:?}: use full or normal")),
    }
}

impl Default for DbArgs {
    fn default() -> Self {
        DbArgs {
            db: "sqlite://data/cherga.sqlite".into(),
            db_pool: 16,
            db_read_pool: 4,
            db_statement_timeout_ms: 10000,
            db_lock_timeout_ms: 5000,
            db_idle_tx_timeout_ms: 15000,
            sqlite_sync: crate::store::Durability::default(),
        }
    }
}

impl DbArgs {
    /// The pool's settings.
    pub fn pool(&self) -> crate::store::PoolSettings {
        crate::store::PoolSettings {
            connections: self.db_pool,
            read_connections: self.db_read_pool,
            statement_timeout_ms: self.db_statement_timeout_ms,
            lock_timeout_ms: self.db_lock_timeout_ms,
            idle_in_transaction_ms: self.db_idle_tx_timeout_ms,
            durability: self.sqlite_sync,
        }
    }
}

/// Flags of `import-catalog`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The catalog file (TOML, see data/catalog.toml).
    pub file: PathBuf,
    /// The folder of holiday calendars; default: `holidays/` beside the file.
    #[arg(long)]
    pub holidays: Option<PathBuf>,
    /// The database.
    #[command(flatten)]
    pub db: DbArgs,
}

/// Flags of `serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// The built web app (`pkg/` with the WASM bundle, static files).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// The data files imported when the database holds no catalog yet.
    #[command(flatten)]
    pub data: DataArgs,
    /// The database.
    #[command(flatten)]
    pub db: DbArgs,
    /// Working days ahead open for booking.
    #[arg(long, env = "CHERGA_HORIZON_DAYS", default_value_t = 14)]
    pub horizon_days: u16,
    /// Minutes a chosen time is held while the form is filled.
    #[arg(long, env = "CHERGA_HOLD_MINUTES", default_value_t = 10)]
    pub hold_minutes: u16,
    /// Active tickets one phone or e-mail may hold.
    #[arg(long, env = "CHERGA_MAX_PER_CONTACT", default_value_t = 4)]
    pub max_per_contact: u8,
    /// How old (ms) the free counts shown may be for writes made on other nodes
    /// (this node's own writes show at once; holds always decide on fresh data).
    #[arg(long, env = "CHERGA_READ_CACHE_MS", default_value_t = 1000)]
    pub read_cache_ms: u64,
    /// Days after its day that a ticket keeps its personal data; then the
    /// name, birth date, tax number, phone and e-mail are erased (0: kept
    /// for ever). See `domain::retention` for why 90.
    #[arg(long, env = "CHERGA_RETAIN_DAYS", default_value_t = domain::retention::DEFAULT_DAYS)]
    pub retain_days: u32,
    /// This node's name in the audit trail (default: the host's name and
    /// the port served).
    #[arg(long, env = "CHERGA_NODE_NAME")]
    pub node_name: Option<String>,
    /// The secret of the keys kept of people, contacts and clients.
    #[command(flatten)]
    pub keys: keys::KeyArgs,
    /// E-mail and SMS.
    #[command(flatten)]
    pub messages: MessageArgs,
    /// Limits on clients and connections.
    #[command(flatten)]
    pub limits: LimitArgs,
    /// The office's rules: calls, grace time, check-in.
    #[command(flatten)]
    pub office: office::OfficeArgs,
    /// How fees are paid online.
    #[command(flatten)]
    pub pay: crate::pay::PayArgs,
    /// For tests and demonstrations only: the server's clock runs this many
    /// seconds ahead of the machine's, so that an office's day booked for
    /// tomorrow can be tried today (logged as a warning at start).
    #[arg(
        long,
        env = "CHERGA_CLOCK_AHEAD_SECONDS",
        default_value_t = 0,
        hide = true
    )]
    pub clock_ahead_seconds: i64,
}
