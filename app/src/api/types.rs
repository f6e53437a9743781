use domain::catalog::{Category, Service, ServiceId};
use domain::Text;
use serde::{Deserialize, Serialize};

/// A service as the catalog list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    /// Its id.
    pub id: ServiceId,
    /// Its category id.
    pub category: String,
    /// Its name.
    pub name: Text,
    /// What it is for.
    pub summary: Text,
    /// False for services that need no booking.
    pub bookable: bool,
    /// Illustrative data.
    pub demo: bool,
}

impl From<&Service> for ServiceSummary {
    fn from(s: &Service) -> Self {
        ServiceSummary {
            id: s.id.clone(),
            category: s.category.clone(),
            name: s.name.clone(),
            summary: s.summary.clone(),
            bookable: s.booking_minutes().is_some(),
            demo: s.demo,
        }
    }
}

/// The catalog list: categories in order, and their services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogList {
    /// Categories.
    pub categories: Vec<Category>,
    /// Services.
    pub services: Vec<ServiceSummary>,
    /// Notices of the offices in force today (deduplicated).
    pub notices: Vec<Text>,
}
