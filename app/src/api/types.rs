//! Transport types: what the server functions take and return, as JSON.

use chrono::{NaiveDate, NaiveTime};
use domain::calendar::WorkingCalendar;
use domain::catalog::{Category, Office, OfficeId, Service, ServiceId};
use domain::checklist::Flag;
use domain::Text;
use serde::{Deserialize, Serialize};

/// A service as the catalog list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogList {
    /// Categories.
    pub categories: Vec<Category>,
    /// Services.
    pub services: Vec<ServiceSummary>,
    /// Notices of the offices in force today (deduplicated).
    pub notices: Vec<Text>,
}

/// Names a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceRequest {
    /// The service.
    pub service: ServiceId,
}

/// A service card with what the browser needs to compute the checklist, the fee
/// and the ready date offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceDetails {
    /// The full service with its card and tariffs.
    pub service: Service,
    /// The questions its questionnaire asks.
    pub questions: Vec<Flag>,
    /// The working-day calendar.
    pub calendar: WorkingCalendar,
    /// Today in Kyiv.
    pub today: NaiveDate,
}

/// Whether an office takes online bookings for a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnlineStatus {
    /// Bookable online.
    Open,
    /// Online booking is off in this office.
    OfficeOff,
    /// The office serves it, but not by online booking.
    ServiceOff,
}

/// An office as the booking wizard shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeView {
    /// Its id.
    pub id: OfficeId,
    /// Name.
    pub name: Text,
    /// Region.
    pub region: Text,
    /// City.
    pub city: Text,
    /// Address.
    pub address: Text,
    /// Notices in force today.
    pub notices: Vec<Text>,
    /// Online booking of the service asked.
    pub online: OnlineStatus,
}

impl OfficeView {
    /// The view of `office` for `service` on `today`.
    pub fn new(office: &Office, service: &ServiceId, today: NaiveDate) -> Self {
        let online = if !office.online_booking {
            OnlineStatus::OfficeOff
        } else if office.books_online(service) {
            OnlineStatus::Open
        } else {
            OnlineStatus::ServiceOff
        };
        OfficeView {
            id: office.id.clone(),
            name: office.name.clone(),
            region: office.region.clone(),
            city: office.city.clone(),
            address: office.address.clone(),
            notices: office.notices_on(today).map(|n| n.text.clone()).collect(),
            online,
        }
    }
}

/// A service at an office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeServiceRequest {
    /// The service.
    pub service: ServiceId,
    /// The office.
    pub office: OfficeId,
}

/// One day of the booking horizon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayView {
    /// The date.
    pub date: NaiveDate,
    /// Places still free that day.
    pub free: u32,
    /// Why the office is closed, if it is (holiday, closure, weekend).
    pub closed: Option<Text>,
}

/// A day at an office for a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimesRequest {
    /// The service.
    pub service: ServiceId,
    /// The office.
    pub office: OfficeId,
    /// The date.
    pub date: NaiveDate,
}

/// A time of a day with its free places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimeView {
    /// Starts.
    pub start: NaiveTime,
    /// Ends.
    pub end: NaiveTime,
    /// Free places.
    pub free: u16,
}
