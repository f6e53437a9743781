//! The catalog: services with their cards, and offices with their windows and hours.

mod checks;
mod error;
mod office;
mod service;
mod settings;
mod validate;

pub use error::CatalogError;
pub use office::{Closure, DayHours, Notice, Office, OfficeId, WeeklyHours, Window};
pub use service::{
    BookingMode, Category, Estimate, LegalAct, Service, ServiceCard, ServiceId, Term,
};
pub use settings::{stranded, OfficeSettings};
pub use validate::{Catalog, CatalogFile};
