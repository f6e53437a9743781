//! Answers the app has already fetched, kept for this visit, so going back and
//! forth between the catalog, a card and the booking steps costs no round trip.

use crate::api::{
    get_service, list_catalog, ApiError, CatalogList, ServiceDetails, ServiceRequest,
};
use domain::catalog::ServiceId;
use leptos::prelude::*;
use std::collections::HashMap;

#[derive(Debug, Default)]
struct Fetched {
    catalog: Option<CatalogList>,
    services: HashMap<ServiceId, ServiceDetails>,
}

/// The fetched answers.
#[derive(Debug, Clone, Copy)]
pub struct Cache(StoredValue<Fetched>);

/// Provides an empty cache.
pub fn provide_cache() {
    provide_context(Cache(StoredValue::new(Fetched::default())));
}

fn use_cache() -> Cache {
    use_context::<Cache>().unwrap_or_else(|| Cache(StoredValue::new(Fetched::default())))
}

/// The catalog list.
pub fn use_catalog() -> LocalResource<Result<CatalogList, ApiError>> {
    let cache = use_cache();
    LocalResource::new(move || async move {
        if let Some(list) = cache.0.with_value(|f| f.catalog.clone()) {
            return Ok(list);
        }
        let list = list_catalog().await?;
        cache.0.update_value(|f| f.catalog = Some(list.clone()));
        Ok(list)
    })
}

/// The card of the service `id` names (re-read when `id` changes).
pub fn use_service(
    id: impl Fn() -> Option<ServiceId> + Send + Sync + 'static,
) -> LocalResource<Result<ServiceDetails, ApiError>> {
    let cache = use_cache();
    LocalResource::new(move || {
        let id = id();
        async move {
            let id = id.ok_or_else(|| ApiError::not_found("service"))?;
            let d = match cache.0.with_value(|f| f.services.get(&id).cloned()) {
                Some(d) => d,
                None => {
                    let d = get_service(ServiceRequest {
                        service: id.clone(),
                    })
                    .await?;
                    cache.0.update_value(|f| {
                        f.services.insert(id, d.clone());
                    });
                    d
                }
            };
            // A card kept for offline use may be days old: its "today" is the
            // later of the server's and the device's (a device clock that is
            // behind cannot move the quote or the tariff back).
            Ok(ServiceDetails {
                today: d.today.max(crate::browser::kyiv_today()),
                ..d
            })
        }
    })
}
