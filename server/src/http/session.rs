//! "My tickets" sessions through tower-sessions, stored server-side in the
//! same database (its sqlx store: a table `sessions`). The cookie
//! (`cherga.session`) holds only the session's random 128-bit id; it is
//! `HttpOnly`, `SameSite=Lax`, `Secure` when the site is served over HTTPS,
//! and expires after a week without use. A session records one thing: the
//! contact key signed in.

use app::api::context::{Answer, SessionAccess};
use app::api::ApiError;
use sqlx::ConnectOptions;
use std::str::FromStr;
use tower_sessions::cookie::time::Duration as CookieDuration;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// The cookie's name.
pub const COOKIE: &str = "cherga.session";
const CONTACT: &str = "contact";

/// The sessions' store, over the database the server runs on.
#[derive(Debug, Clone)]
pub enum Sessions {
    /// SQLite.
    Sqlite(SqliteStore),
    /// PostgreSQL (every node sees every session).
    Postgres(PostgresStore),
}

fn failed(e: impl std::fmt::Display) -> crate::store::OpenError {
    crate::store::OpenError::Writer(format!("sessions: {e}"))
}

impl Sessions {
    /// Opens the store at `url` (as `--db`) and creates its table.
    pub async fn open(url: &str) -> Result<Sessions, crate::store::OpenError> {
        if url.starts_with("sqlite://") {
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .busy_timeout(std::time::Duration::from_secs(30))
                .disable_statement_logging();
            let pool = sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(4)
                .connect_with(options)
                .await?;
            let store = SqliteStore::new(pool)
                .with_table_name("sessions")
                .map_err(failed)?;
            store.migrate().await?;
            Ok(Sessions::Sqlite(store))
        } else {
            let options =
                sqlx::postgres::PgConnectOptions::from_str(url)?.disable_statement_logging();
            let pool = sqlx::postgres::PgPoolOptions::new()
                .max_connections(4)
                .connect_with(options)
                .await?;
            // The schema the server's own tables are in (the URL's search path).
            let schema: String = sqlx::query_scalar("SELECT current_schema()")
                .fetch_one(&pool)
                .await?;
            let store = PostgresStore::new(pool)
                .with_schema_name(schema)
                .map_err(failed)?
                .with_table_name("sessions")
                .map_err(failed)?;
            store.migrate().await?;
            Ok(Sessions::Postgres(store))
        }
    }

    /// Deletes expired sessions every `period`, for as long as the server runs.
    pub async fn delete_expired_every(self, period: std::time::Duration) {
        use tower_sessions::ExpiredDeletion;
        let done = match self {
            Sessions::Sqlite(s) => s.continuously_delete_expired(period).await,
            Sessions::Postgres(s) => s.continuously_delete_expired(period).await,
        };
        if let Err(e) = done {
            tracing::error!(error = %e, "deleting expired sessions stopped");
        }
    }
}

/// The session layer over `store`; `secure` when served over HTTPS.
pub fn layer<S: SessionStore + Clone>(store: S, secure: bool) -> SessionManagerLayer<S> {
    SessionManagerLayer::new(store)
        .with_name(COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(CookieDuration::days(7)))
}

/// A request's session as the server functions see it.
#[derive(Debug, Clone)]
pub struct Tower(pub Session);

fn session_failed(e: impl std::fmt::Display) -> ApiError {
    tracing::error!(error = %e, "session store failure");
    ApiError::Internal
}

impl SessionAccess for Tower {
    fn signed_in(&self) -> Answer<'_, Option<String>> {
        Box::pin(async move { self.0.get::<String>(CONTACT).await.map_err(session_failed) })
    }

    fn sign_in(&self, contact_key: String) -> Answer<'_, ()> {
        Box::pin(async move {
            // A new id on signing in: an id known before is worth nothing.
            self.0.cycle_id().await.map_err(session_failed)?;
            self.0
                .insert(CONTACT, contact_key)
                .await
                .map_err(session_failed)
        })
    }

    fn sign_out(&self) -> Answer<'_, ()> {
        Box::pin(async move { self.0.flush().await.map_err(session_failed) })
    }
}
