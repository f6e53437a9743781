use super::ServiceId;
use crate::i18n::Text;
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// An office's id: a slug (`kyiv-podil`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct OfficeId(pub String);

impl std::fmt::Display for OfficeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Opening hours of one day, with breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayHours {
    /// Opens.
    pub open: NaiveTime,
    /// Closes (the last visit must end by then).
    pub close: NaiveTime,
    /// Breaks `[from, to)`, no visit overlaps them.
    #[serde(default)]
    pub breaks: Vec<(NaiveTime, NaiveTime)>,
}

/// Opening hours by weekday; a missing day is a closed day.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeeklyHours {
    /// Monday.
    #[serde(default)]
    pub mon: Option<DayHours>,
    /// Tuesday.
    #[serde(default)]
    pub tue: Option<DayHours>,
    /// Wednesday.
    #[serde(default)]
    pub wed: Option<DayHours>,
    /// Thursday.
    #[serde(default)]
    pub thu: Option<DayHours>,
    /// Friday.
    #[serde(default)]
    pub fri: Option<DayHours>,
    /// Saturday.
    #[serde(default)]
    pub sat: Option<DayHours>,
    /// Sunday.
    #[serde(default)]
    pub sun: Option<DayHours>,
}

impl WeeklyHours {
    /// The hours of a weekday.
    pub fn day(&self, wd: Weekday) -> Option<&DayHours> {
        match wd {
            Weekday::Mon => self.mon.as_ref(),
            Weekday::Tue => self.tue.as_ref(),
            Weekday::Wed => self.wed.as_ref(),
            Weekday::Thu => self.thu.as_ref(),
            Weekday::Fri => self.fri.as_ref(),
            Weekday::Sat => self.sat.as_ref(),
            Weekday::Sun => self.sun.as_ref(),
        }
    }

    /// Every configured day.
    pub fn days(&self) -> impl Iterator<Item = (Weekday, &DayHours)> {
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ]
        .into_iter()
        .filter_map(move |wd| self.day(wd).map(|h| (wd, h)))
    }
}

/// A service window (an officer's desk) and the services it serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Window {
    /// Its number or name on the board ("1", "2a").
    pub id: String,
    /// The services it serves.
    pub services: BTreeSet<ServiceId>,
    /// Its own hours, when they differ from the office's.
    #[serde(default)]
    pub hours: Option<WeeklyHours>,
}

/// A day (or days) an office is closed besides holidays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Closure {
    /// First closed day.
    pub from: NaiveDate,
    /// Last closed day (inclusive).
    pub to: NaiveDate,
    /// Why, shown to applicants.
    pub reason: Text,
}

/// A notice shown on the office (and, if `global`, on the catalog).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Notice {
    /// The text.
    pub text: Text,
    /// Shown until this day (inclusive); forever if absent.
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

/// A subdivision serving applicants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Office {
    /// Its id.
    pub id: OfficeId,
    /// Its name.
    pub name: Text,
    /// Oblast (region).
    pub region: Text,
    /// City or town.
    pub city: Text,
    /// Street address.
    pub address: Text,
    /// Weekly hours.
    pub hours: WeeklyHours,
    /// Its windows.
    pub windows: Vec<Window>,
    /// Closed days besides holidays.
    #[serde(default)]
    pub closures: Vec<Closure>,
    /// Notices.
    #[serde(default)]
    pub notices: Vec<Notice>,
    /// Whether online booking works in this office at all.
    pub online_booking: bool,
    /// The services bookable online here (subset of what the windows serve).
    #[serde(default)]
    pub online_services: BTreeSet<ServiceId>,
    /// The share of each day's capacity offered online, in percent (the rest is
    /// kept for people who come without booking).
    #[serde(default = "full_share")]
    pub online_share_percent: u8,
    /// A service's own share, in percent, where it differs from the office's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub online_shares: BTreeMap<ServiceId, u8>,
}

fn full_share() -> u8 {
    100
}

impl Office {
    /// True when `service` can be booked online here now (office switch, service
    /// switch, and a window that serves it).
    pub fn books_online(&self, service: &ServiceId) -> bool {
        self.online_booking && self.online_services.contains(service) && self.serves(service)
    }

    /// The share of `service`'s places offered online, in percent: its own,
    /// else the office's.
    pub fn online_share(&self, service: &ServiceId) -> u8 {
        self.online_shares
            .get(service)
            .copied()
            .unwrap_or(self.online_share_percent)
    }

    /// True when some window serves `service`.
    pub fn serves(&self, service: &ServiceId) -> bool {
        self.windows.iter().any(|w| w.services.contains(service))
    }

    /// The closure covering `date`, if any.
    pub fn closure_on(&self, date: NaiveDate) -> Option<&Closure> {
        self.closures
            .iter()
            .find(|c| c.from <= date && date <= c.to)
    }

    /// The notices in force on `date`.
    pub fn notices_on(&self, date: NaiveDate) -> impl Iterator<Item = &Notice> {
        self.notices
            .iter()
            .filter(move |n| n.until.is_none_or(|u| date <= u))
    }
}
