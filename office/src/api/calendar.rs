//! The holiday calendar, for the system administrator (`admin_calendar`,
//! `admin_calendar_preview`, `admin_calendar_save`): a year's days off and
//! weekends declared working, changed with a preview of the booked tickets
//! it leaves without their time (in every office), as an office's settings
//! are.

use domain::calendar::YearCalendar;
use serde::{Deserialize, Serialize};

/// `admin_calendar`: the years in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarView {
    /// The catalog's version they are of.
    pub version: i64,
    /// Each year, in order.
    pub years: Vec<YearCalendar>,
}

/// `admin_calendar_preview`, `admin_calendar_save`: one year, new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarChangeRequest {
    /// The version it was read at.
    pub version: i64,
    /// The year, replacing its own (or added).
    pub year: YearCalendar,
}
