//! `report`: the figures of an office's days for its administrator (a
//! head of office) or the system administrator; each downloads as CSV.

use domain::i18n::Text;
use domain::reports::Spread;
use serde::{Deserialize, Serialize};

/// An office and a range of days (at most a year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// The office; an office's administrator: their own (the default).
    #[serde(default)]
    pub office: Option<String>,
    /// The first day, `YYYY-MM-DD`.
    pub from: chrono::NaiveDate,
    /// The last day (included).
    pub to: chrono::NaiveDate,
}

/// Tickets counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counts {
    /// Booked online (cancelled ones included).
    pub online: u32,
    /// Taken at the office's kiosk without a booking.
    pub walk_in: u32,
    /// Served.
    pub served: u32,
    /// Cancelled by the applicant.
    pub cancelled: u32,
    /// Annulled: nobody came, or not when called.
    pub annulled: u32,
    /// Annulled among those due (served and annulled), in tenths of a
    /// percent; none when none came due.
    pub no_show_permille: Option<u32>,
}

/// One day's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayFigures {
    /// The day.
    pub day: chrono::NaiveDate,
    /// Its tickets.
    pub counts: Counts,
    /// From checking in to the first call (seconds).
    pub waiting: Option<Spread>,
    /// How full the day was: the minutes of its visits booked online (not
    /// cancelled) over its windows' open minutes, in tenths of a percent;
    /// none for a day the office was closed.
    #[serde(default)]
    pub full_permille: Option<u32>,
}

/// One service's time at the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceFigures {
    /// The service.
    pub service: String,
    /// Its name.
    pub name: Text,
    /// From the start of the service to its end (seconds), of those served.
    pub time: Spread,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportView {
    /// The office.
    pub office: String,
    /// The first day.
    pub from: chrono::NaiveDate,
    /// The last day.
    pub to: chrono::NaiveDate,
    /// Each day that had tickets, in order.
    pub days: Vec<DayFigures>,
    /// The whole range.
    pub total: Counts,
    /// From checking in to the first call, the whole range.
    pub waiting: Option<Spread>,
    /// Each service served, by its time at the window.
    pub services: Vec<ServiceFigures>,
}
