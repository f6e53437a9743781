//! The services behind the server functions: each reads the catalog in force,
//! calls `domain` for every rule, and asks storage to read or write.
//!
//! # Errors
//!
//! Three layers, converted one way, each in one place:
//!
//! 1. **`domain`** refuses with its own typed errors (`SlotError`,
//!    `BookingError`, `FieldError`s, `decide::Refusal`…), each `Localized` in
//!    Ukrainian and English. A rule never logs.
//! 2. **`store`** answers `StoreError`: the refusals it decides under its lock
//!    (`Taken`, `HoldExpired`, `Booking`, `KeyReused`, `NotFound`) or `Failed`.
//!    A database failure is logged once, where it happens (`store::tx::internal`),
//!    with the database's message and no personal data (queries bind their
//!    values; ids and keys are hashes or random); nobody above logs it again.
//! 3. **Here**, every error becomes the wire error `app::api::ApiError`:
//!    `From<StoreError>` and the `From`s of the domain errors in `app::api`,
//!    and `errors::Services::refused`, which adds the nearest free times to a
//!    time that is gone; the server functions return it as is.
//!
//! The browser sees a refusal's kind with its localized message (`docs/API.md`,
//! «Errors»); for `Internal` only "something went wrong, try again".

mod admin;
mod admin_calendar;
mod admin_effect;
mod audit;
mod backend;
mod board;
mod booking;
mod cache;
mod console;
mod console_pay;
mod console_rules;
mod staff_api;
pub use staff_api::OfficeRules;
mod errors;
mod help;
pub use errors::BUSY_RETRY_SECONDS;
mod housekeeping;
pub mod keys;
mod kiosk;
mod live;
pub use live::{LiveCatalog, CATALOG_POLL};
pub mod lottery;
mod my_data;
pub mod outbox;
mod pay_provider;
mod payments;
pub mod proof;
mod queue_place;
mod reads;
mod receipts;
mod reports;
pub use reads::CatalogState;
pub mod secrets;
mod signin;
pub mod staff;
mod tickets;
mod walk_in;

use crate::store::Store;
use app::api::*;
use chrono::{DateTime, Utc};
use domain::booking::BookingPolicy;
use domain::slots::Horizon;
use std::sync::Arc;

/// The clock, replaceable in tests.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Everything the server functions need.
#[derive(Clone)]
pub struct Services {
    store: Store,
    cache: cache::OccupancyCache,
    /// The catalog in force (`Services::state` reads it).
    state: LiveCatalog,
    policy: BookingPolicy,
    horizon: Horizon,
    clock: Clock,
    messaging: Arc<outbox::Messaging>,
    signin_policy: domain::signin::SignInPolicy,
    sessions: Option<crate::http::session::Sessions>,
    /// Wakes this node's sender when a message was queued.
    wake: Arc<tokio::sync::Notify>,
    /// Limits on clients and connections.
    limits: Arc<crate::cli::LimitArgs>,
    /// This node's rate limiters, at the rates of `limits`.
    limiters: Arc<crate::http::rate::Limiters>,
    /// The midnight lottery's rounds.
    lottery: Arc<lottery::Lottery>,
    /// The API requests being served (one permit each, `--max-in-flight`).
    permits: Arc<tokio::sync::Semaphore>,
    /// Proof-of-work challenges and the proofs taken.
    proofs: Arc<proof::Proofs>,
    /// The office's rules in force and its display boards.
    office: staff_api::OfficeSide,
    /// The payment provider.
    pay: payments::PaySide,
    /// Days after its day that a ticket keeps its personal data (0: for ever).
    retain_days: u32,
    /// The keyed hashes of people, contacts and clients.
    keys: keys::PersonalKeys,
}

impl std::fmt::Debug for Services {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Services")
            .field("policy", &self.policy)
            .field("horizon", &self.horizon)
            .finish_non_exhaustive()
    }
}

impl Services {
    /// Services over `store` with the catalog in force; availability reads may
    /// be up to `read_cache` old for other nodes' writes.
    pub fn new(
        store: Store,
        state: CatalogState,
        policy: BookingPolicy,
        horizon: Horizon,
        read_cache: std::time::Duration,
        keys: keys::PersonalKeys,
    ) -> Self {
        Services {
            store,
            cache: cache::OccupancyCache::new(read_cache),
            state: LiveCatalog::new(state),
            policy,
            horizon,
            clock: Arc::new(Utc::now),
            messaging: Arc::new(outbox::Messaging::default()),
            signin_policy: domain::signin::SignInPolicy::default(),
            sessions: None,
            wake: Arc::new(tokio::sync::Notify::new()),
            limits: Arc::new(crate::cli::LimitArgs::default()),
            limiters: Arc::new(crate::http::rate::Limiters::new(
                &crate::cli::LimitArgs::default().rates(),
            )),
            lottery: Arc::new(lottery::Lottery::new(
                crate::cli::LimitArgs::default().lottery_max_waiting,
                lottery::BATCH,
            )),
            permits: Arc::new(tokio::sync::Semaphore::new(
                crate::cli::LimitArgs::default().max_in_flight.max(1),
            )),
            // Replaced by the key all nodes share (`share_secrets`); a key
            // of its own until then, never a fixed one.
            // (no randomness: no key, and no challenge is made).
            proofs: Arc::new(proof::Proofs::new(
                proof::Proofs::fresh_key().unwrap_or_default(),
            )),
            office: Default::default(),
            pay: Default::default(),
            retain_days: domain::retention::DEFAULT_DAYS,
            keys,
        }
    }

    /// The same services keeping personal data `days` days after a
    /// ticket's day (0: for ever).
    pub fn with_retention(mut self, days: u32) -> Self {
        self.retain_days = days;
        self
    }

    /// Takes the secrets every node over this database shares (the proof
    /// key), making them if this node is the first.
    pub async fn share_secrets(mut self) -> Result<Self, ApiError> {
        let key = self
            .store
            .shared_secret("proof-hmac", proof::Proofs::fresh_key()?)
            .await
            .map_err(|_| ApiError::Internal)?;
        self.proofs = Arc::new(proof::Proofs::new(key));
        Ok(self)
    }

    /// The permits of the API requests served at once.
    pub fn permits(&self) -> &Arc<tokio::sync::Semaphore> {
        &self.permits
    }

    /// The same services with these limits (the hold limit replaces the policy's).
    pub fn with_limits(mut self, limits: crate::cli::LimitArgs) -> Self {
        self.policy.max_holds_per_client = limits.max_holds_per_client;
        self.limiters = Arc::new(crate::http::rate::Limiters::new(&limits.rates()));
        self.permits = Arc::new(tokio::sync::Semaphore::new(limits.max_in_flight.max(1)));
        self.lottery = Arc::new(lottery::Lottery::new(
            limits.lottery_max_waiting,
            lottery::BATCH,
        ));
        self.limits = Arc::new(limits);
        self
    }

    /// This node's rate limiters.
    pub fn limiters(&self) -> &Arc<crate::http::rate::Limiters> {
        &self.limiters
    }

    /// Limits on clients and connections.
    pub fn limits(&self) -> &crate::cli::LimitArgs {
        &self.limits
    }

    /// The same services with another clock (tests, `--clock-ahead-seconds`).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The same services with "My tickets" sessions kept in `sessions`.
    pub fn with_sessions(mut self, sessions: crate::http::session::Sessions) -> Self {
        self.sessions = Some(sessions);
        self
    }

    /// The sessions' store (none: no sign-in).
    pub fn sessions(&self) -> Option<&crate::http::session::Sessions> {
        self.sessions.as_ref()
    }

    /// The site's public address (`--public-url`).
    pub fn public_url(&self) -> &str {
        &self.messaging.public_url
    }

    /// Whether the site is served over HTTPS (the session cookie is `Secure`).
    pub fn served_over_https(&self) -> bool {
        self.messaging.public_url.starts_with("https://")
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }
}
