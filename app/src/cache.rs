//! Answers the app has already fetched, kept for this visit, so going back and
//! forth between the catalog, a card and the booking steps costs no round trip.
//! The page the server sends for the catalog or a card carries that page's
//! answer (see [`KEPT_CATALOG`], [`KEPT_SERVICE`]), so its first render needs
//! no round trip either.

use crate::api::{
    catalog, service, ApiError, CatalogList, ReadError, ServiceDetails, ServiceRequest,
};
use crate::browser;
use domain::catalog::ServiceId;
use leptos::prelude::*;
use std::collections::HashMap;

/// The element of the page holding the catalog list as JSON.
pub const KEPT_CATALOG: &str = "kept-catalog";
/// The element of the page holding one service card as JSON.
pub const KEPT_SERVICE: &str = "kept-service";

#[derive(Debug, Default)]
struct Fetched {
    catalog: Option<CatalogList>,
    services: HashMap<ServiceId, ServiceDetails>,
}

/// The fetched answers.
#[derive(Debug, Clone, Copy)]
pub struct Cache(StoredValue<Fetched>);

/// Provides an empty cache, unless one is there already (the server's
/// pre-rendered page provides one holding what the page shows).
pub fn provide_cache() {
    if use_context::<Cache>().is_none() {
        provide_context(Cache(StoredValue::new(Fetched::default())));
    }
}

/// Provides a cache holding `catalog` and `service` (the server, rendering a
/// page before the app starts).
pub fn provide_kept(catalog: Option<CatalogList>, service: Option<ServiceDetails>) {
    let services = service
        .into_iter()
        .map(|d| (d.service.id.clone(), d))
        .collect();
    provide_context(Cache(StoredValue::new(Fetched { catalog, services })));
}

fn use_cache() -> Cache {
    use_context::<Cache>().unwrap_or_else(|| Cache(StoredValue::new(Fetched::default())))
}

/// An answer as a page needs it: the kept one at once when there is one,
/// otherwise the resource that fetches it (failing with `E`).
pub struct Fetch<T: Send + Sync + 'static, E: Send + Sync + 'static = ApiError> {
    /// The kept answer, if any (reactive in what it is looked up by).
    pub kept: Signal<Option<T>>,
    /// Fetches the answer (and keeps it).
    pub resource: LocalResource<Result<T, E>>,
}

impl<T: Clone + Send + Sync + 'static, E: Clone + Send + Sync + 'static> Fetch<T, E> {
    /// The answer as it stands: the kept one, else the resource's (`None`
    /// while it is on its way). Reactive.
    pub fn get(&self) -> Option<Result<T, E>> {
        match self.kept.get() {
            Some(value) => Some(Ok(value)),
            None => self.resource.get(),
        }
    }
}

impl<T: Send + Sync + 'static, E: Send + Sync + 'static> Clone for Fetch<T, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static, E: Send + Sync + 'static> Copy for Fetch<T, E> {}

impl<T: Send + Sync + 'static, E: Send + Sync + 'static> std::fmt::Debug for Fetch<T, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetch").finish_non_exhaustive()
    }
}

/// The catalog list.
pub fn use_catalog() -> Fetch<CatalogList, ReadError> {
    let cache = use_cache();
    if cache.0.with_value(|f| f.catalog.is_none()) {
        if let Some(list) = browser::take_kept::<CatalogList>(KEPT_CATALOG) {
            cache.0.update_value(|f| f.catalog = Some(list));
        }
    }
    let resource = LocalResource::new(move || async move {
        if let Some(list) = cache.0.with_value(|f| f.catalog.clone()) {
            return Ok(list);
        }
        let list = catalog().await?;
        cache.0.update_value(|f| f.catalog = Some(list.clone()));
        Ok(list)
    });
    Fetch {
        kept: Signal::derive(move || cache.0.with_value(|f| f.catalog.clone())),
        resource,
    }
}

/// The card of the service `id` names (re-read when `id` changes).
pub fn use_service(
    id: impl Fn() -> Option<ServiceId> + Send + Sync + Clone + 'static,
) -> Fetch<ServiceDetails> {
    let cache = use_cache();
    if let Some(d) = browser::take_kept::<ServiceDetails>(KEPT_SERVICE) {
        cache.0.update_value(|f| {
            f.services.entry(d.service.id.clone()).or_insert(d);
        });
    }
    let kept_id = id.clone();
    let kept = Signal::derive(move || {
        let id = kept_id()?;
        cache
            .0
            .with_value(|f| f.services.get(&id).cloned())
            .map(today_here)
    });
    let resource = LocalResource::new(move || {
        let id = id();
        async move {
            let id = id.ok_or_else(|| ApiError::not_found("service"))?;
            let d = match cache.0.with_value(|f| f.services.get(&id).cloned()) {
                Some(d) => d,
                None => {
                    let d = service(ServiceRequest {
                        service: id.clone(),
                    })
                    .await?;
                    cache.0.update_value(|f| {
                        f.services.insert(id, d.clone());
                    });
                    d
                }
            };
            Ok(today_here(d))
        }
    });
    Fetch { kept, resource }
}

/// A card kept for offline use may be days old: its "today" is the later of
/// the server's and the device's (a device clock that is behind cannot move the
/// quote or the tariff back).
fn today_here(d: ServiceDetails) -> ServiceDetails {
    ServiceDetails {
        today: d.today.max(browser::kyiv_today()),
        ..d
    }
}
