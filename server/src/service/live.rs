//! The catalog in force on this node, replaced whole when an administrator
//! or `cherga import-catalog` stores a new version: each request reads one
//! version from its start to its end, and no node needs a restart.
//!
//! How a node learns of a new version: at once for its own change; by
//! PostgreSQL's `NOTIFY` (news `catalog`) for another node's; and, in case
//! a notification was missed (a listener reconnecting, an import into a
//! running SQLite node), by reading the stored version every
//! [`CATALOG_POLL`].

use super::{CatalogState, Services};
use app::api::ApiError;
use domain::catalog::{Office, OfficeId, Service, ServiceId};
use std::path::Path;
use std::sync::{Arc, RwLock};

/// How often a node reads the stored catalog's version.
pub const CATALOG_POLL: std::time::Duration = std::time::Duration::from_secs(3);

/// The catalog in force, shared by every clone of the services.
#[derive(Debug, Clone)]
pub struct LiveCatalog(Arc<RwLock<Arc<CatalogState>>>);

impl LiveCatalog {
    /// A cell holding `state`.
    pub fn new(state: CatalogState) -> Self {
        LiveCatalog(Arc::new(RwLock::new(Arc::new(state))))
    }

    /// The version in force now.
    pub fn now(&self) -> Arc<CatalogState> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Puts `state` in force, unless a newer version is already.
    fn replace(&self, state: CatalogState) -> bool {
        let mut cell = self.0.write().unwrap_or_else(|e| e.into_inner());
        if cell.version >= state.version {
            return false;
        }
        *cell = Arc::new(state);
        true
    }
}

impl CatalogState {
    /// A service of the catalog.
    pub(super) fn service(&self, id: &ServiceId) -> Result<&Service, ApiError> {
        self.catalog
            .service(id)
            .ok_or_else(|| ApiError::not_found("service"))
    }

    /// An office of the catalog.
    pub(super) fn office(&self, id: &OfficeId) -> Result<&Office, ApiError> {
        self.catalog
            .office(id)
            .ok_or_else(|| ApiError::not_found("office"))
    }
}

impl Services {
    /// The catalog in force (one version, for the whole of a request).
    pub fn state(&self) -> Arc<CatalogState> {
        self.state.now()
    }

    /// Reads the stored catalog and puts it in force if it is newer than
    /// this node's. True if it changed.
    pub async fn reload_catalog(&self) -> bool {
        let stored = match self.store.catalog_version().await {
            Ok(v) => v,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the catalog's version");
                return false;
            }
        };
        if stored <= self.state().version {
            return false;
        }
        let loaded = match self.store.load_catalog().await {
            Ok(Some(stored)) => stored,
            Ok(None) => return false,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the stored catalog");
                return false;
            }
        };
        let (file, years, version) = loaded;
        match crate::data::check(file, years, Path::new("the stored catalog")) {
            Ok(data) => self.put_in_force(CatalogState {
                catalog: data.catalog,
                calendar: data.calendar,
                years: data.years,
                version,
            }),
            Err(e) => {
                tracing::error!(error = %e, version, "the stored catalog is refused");
                false
            }
        }
    }

    /// Puts `state` in force on this node (a newer version only), and
    /// forgets what was worked out from the one before.
    pub(super) fn put_in_force(&self, state: CatalogState) -> bool {
        let version = state.version;
        if !self.state.replace(state) {
            return false;
        }
        self.cache.invalidate_all();
        tracing::info!(version, "the catalog in force changed");
        true
    }

    /// Follows the stored catalog for as long as the server runs.
    pub async fn follow_catalog_every(self, period: std::time::Duration) {
        let mut every = tokio::time::interval(period);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            self.reload_catalog().await;
        }
    }
}
