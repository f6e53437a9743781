use super::checks::{bad, check_office, check_service};
use super::error::CatalogError;
use super::{Category, Office, OfficeId, Service, ServiceId};
use crate::pay::Recipient;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A checked catalog: every reference resolves and every value is sane. Only
/// [`Catalog::new`] builds one, so the rest of the code can trust it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Catalog {
    categories: Vec<Category>,
    services: Vec<Service>,
    offices: Vec<Office>,
    recipients: Vec<Recipient>,
}

impl Catalog {
    /// Checks and builds a catalog.
    pub fn new(
        categories: Vec<Category>,
        services: Vec<Service>,
        offices: Vec<Office>,
        recipients: Vec<Recipient>,
    ) -> Result<Self, CatalogError> {
        let mut recipient_ids = BTreeSet::new();
        for r in &recipients {
            let at = format!("recipient {}", r.id);
            if !recipient_ids.insert(r.id.clone()) {
                return Err(CatalogError::BadId { at });
            }
            if let Some(fault) = r.fault() {
                return Err(bad(&at, fault));
            }
        }
        let mut seen = BTreeSet::new();
        for c in &categories {
            if c.id.is_empty() || !seen.insert(c.id.clone()) {
                return Err(CatalogError::BadId {
                    at: format!("category {}", c.id),
                });
            }
            if c.name.is_blank() {
                return Err(CatalogError::BlankText {
                    at: format!("category {}", c.id),
                });
            }
        }
        let mut ids = BTreeSet::new();
        let mut prefixes = BTreeSet::new();
        for s in &services {
            check_service(s, &seen)?;
            if !ids.insert(s.id.clone()) {
                return Err(CatalogError::BadId {
                    at: format!("service {}", s.id),
                });
            }
            if !prefixes.insert(s.board_prefix) {
                return Err(bad(&format!("service {}", s.id), "board_prefix used twice"));
            }
            // Every amount charged goes to a recipient the catalog names.
            for c in s.fees.components() {
                let known = c
                    .recipient
                    .as_ref()
                    .is_some_and(|r| recipient_ids.contains(r));
                if c.amount > crate::Money::ZERO && !known {
                    return Err(CatalogError::UnknownReference {
                        at: format!("service {}", s.id),
                        target: c.recipient.clone().unwrap_or_else(|| "recipient".into()),
                    });
                }
            }
        }
        let mut office_ids = BTreeSet::new();
        for o in &offices {
            if o.id.0.is_empty() || !office_ids.insert(o.id.clone()) {
                return Err(CatalogError::BadId {
                    at: format!("office {}", o.id),
                });
            }
            check_office(o, &services)?;
        }
        Ok(Catalog {
            categories,
            services,
            offices,
            recipients,
        })
    }

    /// Categories, in catalog order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// Services, in catalog order.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// Offices, in catalog order.
    pub fn offices(&self) -> &[Office] {
        &self.offices
    }

    /// One service.
    pub fn service(&self, id: &ServiceId) -> Option<&Service> {
        self.services.iter().find(|s| &s.id == id)
    }

    /// The recipients of fees.
    pub fn recipients(&self) -> &[Recipient] {
        &self.recipients
    }

    /// One recipient.
    pub fn recipient(&self, id: &str) -> Option<&Recipient> {
        self.recipients.iter().find(|r| r.id == id)
    }

    /// One office.
    pub fn office(&self, id: &OfficeId) -> Option<&Office> {
        self.offices.iter().find(|o| &o.id == id)
    }

    /// Offices where a service can be booked online now.
    pub fn offices_booking(&self, service: &ServiceId) -> impl Iterator<Item = &Office> {
        let service = service.clone();
        self.offices
            .iter()
            .filter(move |o| o.books_online(&service))
    }
}

/// The catalog data file as written (`data/catalog.toml`), before checking.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogFile {
    /// Categories.
    #[serde(default, rename = "category")]
    pub categories: Vec<Category>,
    /// Services.
    #[serde(default, rename = "service")]
    pub services: Vec<Service>,
    /// Offices.
    #[serde(default, rename = "office")]
    pub offices: Vec<Office>,
    /// The recipients of fees.
    #[serde(default, rename = "recipient")]
    pub recipients: Vec<Recipient>,
}

impl CatalogFile {
    /// Checks the file and builds the catalog.
    pub fn check(self) -> Result<Catalog, CatalogError> {
        Catalog::new(
            self.categories,
            self.services,
            self.offices,
            self.recipients,
        )
    }
}
