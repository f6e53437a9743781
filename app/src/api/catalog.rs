use super::{ApiError, CatalogList};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The catalog list: every service by category, and the notices in force.
#[server(prefix = "/api", endpoint = "catalog", input = Json)]
pub async fn list_catalog() -> Result<CatalogList, ApiError> {
    use super::{context::Services, ServiceSummary};
    let services = use_context::<Services>().ok_or(ApiError::Internal)?;
    let catalog = &services.catalog;
    let today = domain::slots::kyiv_today(chrono::Utc::now());
    let mut notices = Vec::new();
    for n in catalog.offices().iter().flat_map(|o| o.notices_on(today)) {
        if !notices.contains(&n.text) {
            notices.push(n.text.clone());
        }
    }
    Ok(CatalogList {
        categories: catalog.categories().to_vec(),
        services: catalog
            .services()
            .iter()
            .map(ServiceSummary::from)
            .collect(),
        notices,
    })
}
